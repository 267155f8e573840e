# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Whether a fixed string (the title) starts at a position, asked at many positions.

The lead asks at the start of every part whether the title is written there.
``text.startswith(title, position)`` compares up to the whole title each time,
so a long title and many parts would cost their product; :class:`Needle` finds
the title's occurrences in one pass over the text instead (Knuth–Morris–Pratt),
as far as the questions reach.
"""

from __future__ import annotations

from typing import Final


class Needle:
    """Occurrences of ``needle`` in ``text``: :meth:`at` answers for any position,
    scanning the text once from its start as far as the positions asked reach."""

    __slots__ = ("failure", "matched", "needle", "scanned", "starts", "text")

    def __init__(self, text: str, needle: str) -> None:
        self.text = text
        self.needle = needle
        self.failure: list[int] = []
        self.scanned = 0  # the text before this is scanned
        self.matched = 0  # how much of the needle ends there
        self.starts: set[int] = set()  # where the needle occurs, up to ``scanned``

    def at(self, position: int) -> bool:
        """``text.startswith(needle, position)``."""
        text = self.text
        needle = self.needle
        size = len(needle)
        if size <= _SHORT:
            return text.startswith(needle, position)
        end = position + size
        if end > len(text) or text[position] != needle[0] or text[end - 1] != needle[-1]:
            return False
        if end > self.scanned:
            self._scan(end)
        return position in self.starts

    def _scan(self, end: int) -> None:
        text = self.text
        needle = self.needle
        if not self.failure:
            self.failure = _failure(needle)
        failure = self.failure
        size = len(needle)
        matched = self.matched
        for index in range(self.scanned, end):
            char = text[index]
            while matched > 0 and needle[matched] != char:
                matched = failure[matched - 1]
            if needle[matched] == char:
                matched += 1
            if matched == size:
                self.starts.add(index + 1 - size)
                matched = failure[matched - 1]
        self.scanned = end
        self.matched = matched


def _failure(needle: str) -> list[int]:
    """For each prefix of ``needle``, the length of its longest proper prefix that is
    also its suffix."""
    failure = [0] * len(needle)
    length = 0
    for index in range(1, len(needle)):
        char = needle[index]
        while length > 0 and needle[length] != char:
            length = failure[length - 1]
        if needle[length] == char:
            length += 1
        failure[index] = length
    return failure


_SHORT: Final = 64
"""A needle this short is compared directly: each question costs at most this much."""
