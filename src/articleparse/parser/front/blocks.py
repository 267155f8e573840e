# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""A label alone on its line whose value is the lines below it.

In a multi-line body, ``关键词`` alone on its line may be followed by one keyword
a line (Chinese ones, then English ones), and ``出处`` by the journal's lines;
the value runs to the next label, a blank line, a heading or a line of prose.
"""

from __future__ import annotations

from typing import Final

from ..labels import LIST_FIELDS, UNNUMBERED_TITLES
from ..state import Body
from ..tokens import Kind
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
