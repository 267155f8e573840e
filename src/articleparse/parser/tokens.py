# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Tokens: the plain records passed from the tokenizer to the builder.

``text`` is the exact slice of the input; joining every token's ``text`` gives
the input back (the tokenizer's own lossless rule, tested before any tree
exists). ``field`` and ``marker`` carry what the tokenizer recognised.
"""

from __future__ import annotations

from enum import Enum, auto


class Kind(Enum):
    NEWLINE = auto()  # a line ending outside any row value
    CHROME = auto()  # a line of site chrome outside rows, or a whole chrome row
    ROW_LABEL = auto()  # a row's label as written; field = its role
    TRIVIA = auto()  # row separators ' | ' and closers ' |'
    ROW_VALUE = auto()  # the value of a non-body row; field = its role
    ROW_END = auto()  # empty marker after a row's closer; field = 'unterminated' when open
    LABEL = auto()  # a front-matter label inside the body; field = the metadata field
    SEGMENT = auto()  # a run of body text between separators
    SEP = auto()  # whitespace between body segments


class Marker:
    """A heading marker recognised at the start of a segment."""

    __slots__ = ("end", "number", "parts", "scheme", "title_start")

    def __init__(
        self, scheme: str, number: str, parts: tuple[int, ...], end: int, title_start: int
    ):
        self.scheme = scheme
        self.number = number
        self.parts = parts
        self.end = end  # end of the marker (with its punctuation) in the segment
        self.title_start = title_start  # after the gap


class Token:
    __slots__ = ("field", "kind", "marker", "start", "text")

    def __init__(
        self,
        kind: Kind,
        text: str,
        start: int,
        field: str = "",
        marker: Marker | None = None,
    ) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.field = field
        self.marker = marker

    def __repr__(self) -> str:
        extra = f" {self.field}" if self.field else ""
        return f"Token({self.kind.name}{extra} {self.text!r} @{self.start})"
