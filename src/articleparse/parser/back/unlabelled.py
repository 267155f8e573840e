# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""A reference list with no '参考文献' label: known by the shape of its entries.

Pages often drop the label (a mirror strips it, or the list follows the
English front matter). An entry of a reference list has a shape of its own: a
number that starts the list (``[1]``, ``1.``, ``(1)``), then authors, a title
and a document type mark of GB/T 7714 (``[J]``, ``[M]``, ``[D]``, ``[EB/OL]`` …).
A run of two such entries, numbered from 1, opens the references block just
as the label would: the entries after it are read as entries, those sharing a
segment split as in a labelled block.
"""

from __future__ import annotations

from typing import Final

import regex

from .. import patterns
from ..state import Body
from ..tokens import Kind

_MARK_REACH: Final = 400
"""How far into an entry its type mark may stand, in characters."""


def _number(text: str) -> int:
    """The number that labels an entry ('[3]', '3.', '(3)'), or 0 when it has none."""
    match = patterns.REFERENCE_LABEL.match(text)
    if match is not None:
        digits = match.group()[1:-1]
        return int(digits) if digits.isdigit() else 0
    match = patterns.NUMBERED_REFERENCE.match(text)
    if match is not None:
        return int(match["num"])
    return 0


def _entry(text: str, number: int) -> bool:
    """An entry labelled ``number`` with a type mark near its start, or with the
    shape of a book or journal citation (a year and a publisher or a journal)."""
    if _number(text) != number:
        return False
    return (
        patterns.TYPE_MARK.search(text, 0, _MARK_REACH) is not None
        or _CITATION.search(text, 0, _MARK_REACH) is not None
    )


# A citation written with no type mark: a year and, around it, where the work
# appeared ('文津出版社,台北,民國八十六年。', 'New York: Norton, 2002.',
# '《某学报》,2019,(3)'). Only a list numbered from 1 with two such entries counts.
_CITATION: Final = regex.compile(
    r"(?:出版社|書局|书局|出版公司|Press|Publish|學報|学报|Journal|[A-Z][a-z]+: [A-Z])"
    r"[^\n]{0,80}?(?:(?:19|20)\d\d|民[國国])"
    r"|(?:(?:19|20)\d\d|民[國国])[^\n]{0,80}?"
    r"(?:出版社|書局|书局|出版公司|Press|Publish|學報|学报|Journal|[A-Z][a-z]+: [A-Z])"
)


# An entry that opens with its authors and year, numbered by nothing: 'Chang, C. Y.,
# and Chen, P. K., 2005, “…”', 'Berlyne, D. E. (1971). …', '張某某、李某某(2000)。…'.
_AUTHOR_YEAR: Final = regex.compile(
    r"[A-Z][A-Za-z'’-]+, (?:[A-Z]\.[ -]?){1,3}[^\n]{0,120}?(?<!\d)(?:19|20)\d\d(?!\d)"
    r"|\p{Han}{2,4}(?:[、,，]\p{Han}{2,4}){0,5}等?"
    r"(?:[ ]?[(（](?:19|20)\d\d[a-z]?[)）]|[,，][ ]?(?:19|20)\d\d[a-z]?[,，。.])"
)
_AUTHOR_YEAR_RUN: Final = 3
"""Lines in a row, each an author-year entry, that make an unlabelled list."""


def _author_year_run(st: Body, index: int) -> bool:
    """In a multi-line body, :data:`_AUTHOR_YEAR_RUN` lines in a row from ``index``
    that open with an entry's authors and year: a list with no label, no numbers."""
    tokens = st.tokens
    if not st.multiline:
        return False
    position = index
    for count in range(_AUTHOR_YEAR_RUN):
        if position >= len(tokens) or tokens[position].kind is not Kind.SEGMENT:
            return False
        text = tokens[position].text
        if _AUTHOR_YEAR.match(text) is None or _CITATION_END.search(text) is None:
            return False
        if count + 1 < _AUTHOR_YEAR_RUN:
            if position + 1 >= len(tokens) or tokens[position + 1].kind is not Kind.SEP:
                return False
            position += 2
    return True


# Where an entry says where the work appeared: pages, a publisher, a journal's volume.
_CITATION_END: Final = regex.compile(
    r"\d+ ?[:：] ?\d+|[Pp]p?\. ?\d|出版社|書局|书局|Press|學報|学报|期刊|Journal|"
    r"[A-Z][a-z]+: [A-Z]|第\d+[卷期]|\d+ ?\(\d+\)|[「“《]"
)


def opens_references(st: Body, index: int) -> bool:
    """Whether the segment at ``index`` is the first entry of a reference list with
    no label: entry 1, and entry 2 after it (in the same segment or the next); or
    a run of lines that open with their authors and year."""
    tokens = st.tokens
    text = tokens[index].text
    if text[:1] not in "[［〔1(（" and _author_year_run(st, index):
        return True
    if text[:1] not in "[［〔1(（" or not _entry(text, 1):
        return False
    for found in patterns.NEXT_REFERENCE.finditer(text):
        if _entry(text[found.start() :], 2):
            return True
    for found in patterns.NEXT_NUMBERED_REFERENCE.finditer(text, 1):
        if _entry(text[found.start() :], 2):
            return True
    following = index + 2
    return (
        following < len(tokens)
        and tokens[index + 1].kind is Kind.SEP
        and tokens[following].kind is Kind.SEGMENT
        and _entry(tokens[following].text, 2)
    )
