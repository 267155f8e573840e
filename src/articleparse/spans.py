"""Positions in the original text.

Conventions, used everywhere in the package:

* offsets count Unicode code points of the decoded text (``str`` indices);
* a :class:`Span` is half-open: ``text[span.start:span.end]`` is the source;
* lines and columns are 1-based; a column counts code points from the start
  of its line; lines end at ``\\n`` only (a ``\\r`` before it belongs to the
  line ending, a lone ``\\r`` is an ordinary character).

:class:`~.lines.LineIndex` turns offsets into lines and columns.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Span(BaseModel):
    """Where a node came from: half-open offsets plus the 1-based start position."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int
    end: int
    line: int
    column: int
