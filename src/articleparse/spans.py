"""Positions in the original text.

Conventions, used everywhere in the package:

* offsets count Unicode code points of the decoded text (``str`` indices);
* a :class:`Span` is half-open: ``text[span.start:span.end]`` is the source;
* lines and columns are 1-based; a column counts code points from the start
  of its line; lines end at ``\\n`` only (a ``\\r`` before it belongs to the
  line ending, a lone ``\\r`` is an ordinary character).
"""

from __future__ import annotations

from bisect import bisect_right

from pydantic import BaseModel, ConfigDict

from .trusted import trusted


class Span(BaseModel):
    """Where a node came from: half-open offsets plus the 1-based start position."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int
    end: int
    line: int
    column: int


class LineIndex:
    """Maps offsets to 1-based (line, column) pairs in O(log lines)."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """Return ``(line, column)``, both 1-based, of ``offset``."""
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        return _new_span(start=start, end=end, line=line, column=column)


_new_span = trusted(Span)
