# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Recognizers of a journal page's own lines in the lead: the journal header
('刊名, 2025, 41(2): 101-108'), ISSN and CN lines, the buttons beside them
('[PDF全文]'), English history lines ('Received: 2021-10-08', the date alone on
the next line), and how-to-cite lines, unlabelled or after an English label.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Final

from .. import patterns
from ..tree import Tree
from .english_run import english_names
from .lead_text import _SPACE, Lead, _trim
from .names import scan_names


def _line_start(lead: Lead, position: int) -> bool:
    return position == 0 or lead.text[position - 1] == "\n"


def _ends_here(text: str, end: int) -> bool:
    """The part ends at the end, before a space, or before a final stop."""
    return end >= len(text) or text[end] in _SPACE or text[end] in ".。"


def _journal_header(lead: Lead, position: int) -> int:
    """'某某学报(自然科学版) 2026,Vol.62 Issue(2):94-109': the journal, year, volume,
    issue and pages a journal page prints above the article."""
    if lead.multiline and not _line_start(lead, position):
        return -1
    text = lead.text
    stop = lead.end_of_line(position)
    match = patterns.JOURNAL_HEADER.match(text, position, stop)
    if match is None or not _ends_here(text, match.end()):
        return -1
    end = match.end()
    if end < stop and text[end] in ".。" and (end + 1 >= len(text) or text[end + 1] in _SPACE):
        end += 1  # '…: 101-110.' at the line end
    return end


def _registration(lead: Lead, position: int) -> int:
    """'ISSN 1234-5678', 'CN 11-1234/C': a journal's numbers, each a labelled part."""
    match = patterns.JOURNAL_NUMBER.match(lead.text, position, lead.end_of_line(position))
    if match is None or not _ends_here(lead.text, match.end()):
        return -1
    return match.end()


def _bare_doi(lead: Lead, position: int) -> int:
    """'10.3969/j.issn.1000-8772.2011.04.015' standing alone: the document's DOI
    on a record page that lost its labels (a final full stop is not part of it)."""
    text = lead.text
    match = patterns.BARE_DOI.match(text, position, lead.end_of_line(position))
    if match is None:
        return -1
    end = match.end()
    while end > position and text[end - 1] in ".。,，;；":
        end -= 1
    return end if _ends_here(text, end) else -1


def _button(lead: Lead, position: int) -> int:
    """'[PDF全文]', 'PDF', '[HTML]': the download buttons beside a journal header or title."""
    match = patterns.PAGE_BUTTON.match(lead.text, position, lead.end_of_line(position))
    if match is None or not _ends_here(lead.text, match.end()):
        return -1
    return match.end()


def _history(lead: Lead, position: int) -> int:
    """'Received: 2021-10-08', or 'Received:' alone and the date on the next line:
    an English label whose value is a date."""
    text = lead.text
    match = patterns.DATED_LABEL.match(text, position)
    if match is None or not _ends_here(text, match.end()):
        return -1
    return match.end()


def _citation(lead: Lead, position: int) -> int:
    """'甲, 乙. 题名[J]. 刊名, 2021, 12(3): 1-9.', 'HAN Li, MENG Qiu. Title[J]. …':
    a reference to this article, written for readers to cite it; with an English
    label before it ('Citation: …'), the label is part of it."""
    text = lead.text
    start = position
    label = patterns.CITATION_LABEL.match(text, position, lead.end_of_line(position))
    if label is not None:
        start = label.end()
    line_end = lead.end_of_line(position)
    limit = min(line_end, start + _MAX_CITATION)
    stop = text.find(".", start, min(limit, start + _MAX_NAMES))
    if stop <= start:
        return -1
    names = text[start:stop]
    if any(c.isdigit() for c in names):
        return -1  # '甲1, 乙2 1. 某大学': an author line, its affiliation after it
    if names.isascii():
        if not english_names(_without_et_al(names)):
            return -1
    else:
        if any(c in _SPACE and p not in ",，、;；" for p, c in pairwise(names)):
            return -1  # '甲, 乙 甲, 乙. 题名…': the author line, then the citation
        end, found = scan_names(names, 0, len(names))
        if not found or names[end:].strip(" \u3000,，、;；"):
            return -1
    # the type mark ('[J]') is left out by some journals' how-to-cite lines; the
    # names, the full stop after them and the year, volume, issue and pages suffice
    mark = patterns.CITATION_TYPE.search(text, stop, limit)
    pages = patterns.CITATION_ISSUE.search(text, stop if mark is None else mark.end(), limit)
    if pages is None:
        return -1
    if lead.multiline:
        return _trim(text, position, line_end)
    end = pages.end()
    if end < len(text) and text[end] == ".":
        end += 1
    return end


def _without_et_al(names: str) -> str:
    """'Qiu Meijuan, Liu Buchun, et al' → 'Qiu Meijuan, Liu Buchun'."""
    if names.endswith("et al"):
        return names[: -len("et al")].rstrip(" ,")
    return names


_MAX_CITATION: Final = 400
_MAX_NAMES: Final = 120


def place_labelled(tree: Tree, kind: str, raw: str, offset: int) -> None:
    """A part written as a label and its value ('Received: 2021-10-08', 'ISSN 1234-5678',
    'Citation: …'), or an unlabelled citation: its value goes to ``metadata.extra``."""
    if kind == "citation":
        label = patterns.CITATION_LABEL.match(raw)
        if label is None:
            tree.set_extra("引用本文", raw)
            return
        key = label.group("label")
        split = label.end()
    else:
        pattern = patterns.DATED_LABEL if kind == "history" else patterns.JOURNAL_NUMBER
        match = pattern.match(raw)
        if match is None:  # the recognizer took it with this pattern
            tree.set_extra("?", raw)
            return
        key = match.group("label")
        split = match.start("value")
    tree.add_text(raw[:split])
    tree.set_extra(key, raw[split:])
