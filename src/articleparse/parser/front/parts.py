# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""The unlabelled lead cut into parts, by an ordered table of recognizers.

:data:`RECOGNIZERS` lists, in the order they are tried, the recognizers of
the parts a lead holds (a column name, the title again, a journal's header,
numbers, history and how-to-cite lines, bracketed or numbered affiliations,
English lines, author lines, chrome). Each has one signature,
``(lead: Lead, position: int) -> int``: the end of the part it takes at
``position``, or -1 when it takes nothing. :func:`lead_parts` tries
them at each place and reports what none took as ``unknown``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from .authors import (
    _authors,
    _bracket,
    _glued_names,
    _named_unit,
    _numbered,
    _plain_affiliation,
    _staff_number_part,
    _unit,
    _unit_colon,
)
from .chrome import _bullet, _chrome, _slashes
from .english import _english, _english_kind
from .journal import _bare_doi, _button, _citation, _history, _journal_header, _registration
from .lead_text import _SPACE, Lead, Part, Recognizer, _chunk_end
from .name_rows import (
    bio_line,
    glued_name_line,
    name_row,
    names_before_title,
    unit_before_names,
)
from .roles import role_part
from .site_lines import interface_part
from .titles import _bare_column, _byline, _column, _rubric, _title

RECOGNIZERS: Final[tuple[tuple[str, Recognizer], ...]] = (
    ("trivia", role_part),
    ("trivia", _unit_colon),
    ("doi", _bare_doi),
    ("affiliations", _unit),
    ("chrome", _chrome),
    ("source", _journal_header),
    ("registration", _registration),
    ("trivia", _button),
    ("history", _history),
    ("citation", _citation),
    ("trivia", _slashes),
    ("title", _title),
    ("byline", _byline),
    ("column", _column),
    ("column", _bare_column),
    ("column", _rubric),
    ("trivia", _bullet),
    ("chrome", interface_part),
    ("affiliations", _bracket),
    ("affiliations", _numbered),
    ("english", _english),
    ("author_info", bio_line),
    ("affiliations", unit_before_names),
    ("authors", names_before_title),
    ("authors", _named_unit),
    ("authors", _authors),
    ("authors", _glued_names),
    ("authors", name_row),
    ("authors", glued_name_line),
    ("trivia", _staff_number_part),
    ("affiliations", _plain_affiliation),
)
"""Tried in order at each part's start; the first that accepts names the part."""


def lead_parts(
    text: str, title: str | None, multiline: bool, names_first: bool = False
) -> Iterator[Part]:
    """Cut ``text`` into parts that cover it; the caller may stop at the first
    ``unknown`` part, so a long article after the front matter is never scanned.
    ``names_first``: the text follows an author label ('作者:'), so its first part
    is tried as names before anything else ('作者:张三 浏览:0次' on a site's meta
    line: the names, then the counters)."""
    lead = Lead(text, title.strip() if title else None, multiline)
    position = 0
    size = len(text)
    while position < size:
        if text[position] in _SPACE:
            end = position + 1
            while end < size and text[end] in _SPACE:
                end += 1
            yield Part("space", position, end)
            position = end
            continue
        kind, end = _recognize(lead, position)
        if names_first and position == 0 and kind in ("chrome", "unknown"):
            names_end = _authors(lead, 0)
            if names_end > 0:
                kind, end = "authors", names_end
        yield Part(kind, position, end)
        position = end


def _recognize(lead: Lead, position: int) -> tuple[str, int]:
    """The kind and end of the part at ``position`` (``unknown`` when no recognizer
    takes it)."""
    text = lead.text
    for kind, recognize in RECOGNIZERS:
        end = recognize(lead, position)
        if end > position:
            if kind == "english":
                kind = _english_kind(lead, text[position:end])
            elif kind == "affiliations" and text[position:end].isascii():
                kind = "affiliation_en"
            return kind, end
    return "unknown", _chunk_end(lead, position)
