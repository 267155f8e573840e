# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""A label alone on its line whose value is the lines below it.

In a multi-line body, ``关键词`` alone on its line may be followed by one keyword
a line (Chinese ones, then English ones), and ``出处`` by the journal's lines;
the value runs to the next label, a blank line, a heading or a line of prose.
"""

from __future__ import annotations

from typing import Final

import regex

from ..labels import LIST_FIELDS, UNNUMBERED_TITLES
from ..state import Body
from ..tokens import Kind
from .names import is_han, looks_like_affiliation, valid_name
from .opening import opens_content

# Fields whose value may be a block of lines below a label alone on its line.
BLOCK_VALUE_FIELDS: Final = LIST_FIELDS | frozenset({"source"})


def block_end(st: Body, start: int, end: int, field: str) -> int:
    """Past the value line ``tokens[start:end]`` of a label alone on its line, the
    lines that go on with it: for a list, lines of one short item each; for a
    source, short lines that are no sentence."""
    tokens = st.tokens
    if end != start + 1 or not _block_line(tokens[start].text, field):
        return end  # a whole list on the first line ('甲;乙;丙'), or no plain line
    while end + 1 < len(tokens):
        sep = tokens[end]
        line = tokens[end + 1]
        if sep.kind is not Kind.SEP or sep.text.count("\n") != 1 or line.kind is not Kind.SEGMENT:
            break
        if end + 2 < len(tokens) and tokens[end + 2].kind is not Kind.SEP:
            break  # a label stands on that line
        if line.marker is not None and opens_content(st, end + 1):
            break
        if not _block_line(line.text, field):
            break
        end += 2
    return end


def script_switch(st: Body, start: int, end: int) -> int:
    """In a keyword block, the first line of English items after Chinese ones
    (they are the English keywords); -1 when there is none."""
    tokens = st.tokens
    if tokens[start].text.isascii():
        return -1
    for position in range(start + 2, end, 2):
        text = tokens[position].text
        if text.isascii() and any(c.isalpha() for c in text):
            return position
    return -1


def latin_items(raw: str) -> tuple[int, int]:
    """In a keyword list on one line, where the Chinese items end and the English
    ones after them start ('甲 ; 乙 ; tea garden ; soil'): (the separator's start, the
    first English item's start), or (-1, -1) unless every item after it is English."""
    cut = -1
    position = 0
    size = len(raw)
    while position < size:
        if raw[position] in _ITEM_SEPARATORS:
            start = position + 1
            while start < size and raw[start] in " \u3000":
                start += 1
            if cut < 0 and raw[start : start + 1].isascii() and raw[start : start + 1].isalpha():
                head = raw[:position]
                if not any(c > "\x7f" for c in head) or head.isascii():
                    return -1, -1  # English from the start
                if any(c > "\x7f" for c in raw[start:]):
                    return -1, -1  # Chinese again after it
                if not _english_items(raw[start:]):
                    return -1, -1
                while position > 0 and raw[position - 1] in " \u3000":
                    position -= 1
                return position, start
        position += 1
    return cut, cut


_ITEM_SEPARATORS: Final = frozenset(";；,，、")


def _english_items(tail: str) -> bool:
    """Two English keywords or more, each a short phrase in words (not an acronym
    among the Chinese items: '…; 翻譯策略; ESP')."""
    items = [item.strip() for item in regex.split("[;；,，、]", tail) if item.strip()]
    return len(items) >= _FEWEST_ENGLISH and all(
        len(item) <= _ITEM_LINE and any(c.islower() for c in item) and "." not in item
        for item in items
    )


_FEWEST_ENGLISH: Final = 2


def _block_line(text: str, field: str) -> bool:
    core = text.strip()
    if not core or core in UNNUMBERED_TITLES:
        return False
    if field == "source":
        return len(core) <= _SOURCE_LINE and not any(c in "。！？" for c in core)
    return len(core) <= _ITEM_LINE and not any(c in _NOT_IN_ITEM for c in core)


_ITEM_LINE: Final = 40
"""Longest line that is one list item (an English keyword may be a phrase)."""


_SOURCE_LINE: Final = 60
"""Longest line of a source block (a journal's name, its issue and pages)."""


_NOT_IN_ITEM: Final = "。！？，,;；、：:"


def record_label(st: Body, index: int) -> bool:
    """On a record page whose labels stand alone, each item set apart as the labels
    are ('作者' / blank line / '某某' / blank line / …), a run of 2 to 6 ideographs
    alone in that layout, between a label and its value before the next label, is a
    label too ('学位类别' / '碩士'), though no table lists it; never a name or a
    unit, a part title or a sentence."""
    tokens = st.tokens
    if index < 2 or index + 4 > len(tokens) or tokens[index - 2].kind is Kind.LABEL:
        return False  # (right after a label alone, it is that label's value)
    gap = tokens[index - 1]
    text = tokens[index].text.strip()
    if (
        gap.kind is not Kind.SEP
        or not _ITEM_GAP.fullmatch(gap.text)
        or tokens[index + 1].kind is not Kind.SEP
        or tokens[index + 1].text != gap.text
        or tokens[index + 2].kind is not Kind.SEGMENT
        or not _RECORD_SHORTEST <= len(text) <= _RECORD_LONGEST
        or not all(is_han(c) for c in text)
        or text in UNNUMBERED_TITLES
        or valid_name(text)
        or looks_like_affiliation(text)
    ):
        return False
    after = index + 3
    if after < len(tokens) and (
        tokens[after].kind is not Kind.SEP or tokens[after].text != gap.text
    ):
        return False
    return any(
        token.kind is Kind.LABEL
        and not token.text.rstrip().endswith((":", "："))
        and (
            record_gap(token.text) == gap.text
            or (position + 1 < len(tokens) and tokens[position + 1].text == gap.text)
        )
        for position, token in enumerate(tokens[:index])
    )


def record_gap(label: str) -> str:
    """The run of two spaces or more a bare label's token ends with on one line
    ('作者  '), the gap that sets a record page's items apart; '' when it has none."""
    core = label.rstrip(" \u3000")
    gap = label[len(core) :]
    if core[-1:] in ":：" or len(gap) < _RECORD_GAP:
        return ""  # ('关键词:  甲': a label with its colon sets no layout)
    return gap


_RECORD_GAP: Final = 2


# How a record page sets its items apart: a blank line, or two spaces or more.
_ITEM_GAP: Final = regex.compile(r"\n[ \t\u3000]*\n|[ \u3000]{2,}")
_RECORD_SHORTEST: Final = 2
_RECORD_LONGEST: Final = 6


def unit_lines(st: Body, start: int, end: int) -> int:
    """A label's value that names a unit goes on over the lines below it that name a
    unit too, one a line, up to the next label ('参与单位:某学院' / '某研究所' /
    '主持人:…'); lines that lead to no label are not taken."""
    tokens = st.tokens
    if not st.multiline or not all(
        looks_like_affiliation(t.text) for t in tokens[start:end] if t.kind is Kind.SEGMENT
    ):
        return end
    position = end
    while (
        position + 1 < len(tokens)
        and tokens[position].kind is Kind.SEP
        and tokens[position].text.count("\n") == 1
        and tokens[position + 1].kind is Kind.SEGMENT
        and looks_like_affiliation(tokens[position + 1].text)
        and not any(c in "。：:" for c in tokens[position + 1].text)
    ):
        position += 2
    following = (
        position + 1 if position < len(tokens) and tokens[position].kind is Kind.SEP else position
    )
    if position > end and following < len(tokens) and tokens[following].kind is Kind.LABEL:
        return position
    return end
