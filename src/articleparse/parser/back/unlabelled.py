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


def opens_references(st: Body, index: int) -> bool:
    """Whether the segment at ``index`` is the first entry of a reference list with
    no label: entry 1, and entry 2 after it (in the same segment or the next)."""
    tokens = st.tokens
    text = tokens[index].text
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
