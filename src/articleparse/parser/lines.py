# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Offsets to 1-based lines and columns, by the conventions of :mod:`.spans`; sets of offsets."""

from __future__ import annotations

from ..spans import Span
from .trusted import trusted_node


class LineIndex:
    """Maps offsets to 1-based (line, column) pairs in O(log lines); the line starts
    are found on the first question (a text may need no position)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None

    def _find_starts(self) -> list[int]:
        starts = [0]
        text = self._text
        find = text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        self._starts = starts
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """Return ``(line, column)``, both 1-based, of ``offset``."""
        # bisect_right by hand: called from compiled code, the loop runs in C
        starts = self._starts
        if starts is None:
            starts = self._find_starts()
        low, high = 0, len(starts)
        while low < high:
            middle = (low + high) // 2
            if offset < starts[middle]:
                high = middle
            else:
                low = middle + 1
        return low, offset - starts[low - 1] + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        return trusted_node(Span, {"start": start, "end": end, "line": line, "column": column})


class OffsetSet:
    """A set of offsets into a text of ``length`` characters, a bit each: an eighth
    of a byte per character at most, however many are added."""

    def __init__(self, length: int) -> None:
        self._length = length
        self._bits = bytearray()  # made on the first add

    def add(self, offset: int) -> None:
        if not self._bits:
            self._bits = bytearray((self._length >> 3) + 1)
        if 0 <= offset >> 3 < len(self._bits):
            self._bits[offset >> 3] |= 1 << (offset & 7)

    def __contains__(self, offset: int) -> bool:
        byte = offset >> 3
        return 0 <= byte < len(self._bits) and bool(self._bits[byte] >> (offset & 7) & 1)
