# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""A run of English in the lead, read once for all the parts cut from it.

An English line often holds a title, its authors and their affiliation, and
:func:`~.english._english` cuts it into parts, one call per part. What each call
needs from the rest of the run — where the run ends, its last space, the next
author name, whether the rest is a list of names — is the same for every part of
it, so :class:`EnglishRun` keeps it: the run is read once, however many parts
it is cut into.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Final

import regex

_GROUP_STRIP: Final = " *0123456789"


class NamesSuffix:
    """The run up to ``end`` cut at ',' and ';' into groups, each judged as a group
    of names once; and, from each group to the end, whether all are names."""

    __slots__ = ("delimiters", "nonempty_after", "right_ends", "valid_after", "word_starts")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.delimiters = [i for i in range(start, end) if text[i] in ",;"]
        self.word_starts = [
            i for i in range(start + 1, end) if not text[i].isspace() and text[i - 1].isspace()
        ]
        bounds = [start - 1, *self.delimiters, end]
        groups = len(bounds) - 1
        self.right_ends = [0] * groups
        self.valid_after = [True] * (groups + 1)  # every group from this one on is names
        self.nonempty_after = [0] * (groups + 1)  # groups with text from this one on (to 2)
        for k in range(groups - 1, -1, -1):
            g0, g1 = bounds[k] + 1, bounds[k + 1]
            right = g1
            while right > g0 and text[right - 1] in _GROUP_STRIP:
                right -= 1
            self.right_ends[k] = right
            words = names_group(text[g0:g1])
            self.valid_after[k] = self.valid_after[k + 1] and words >= 0
            self.nonempty_after[k] = min(2, self.nonempty_after[k + 1] + (words > 0))

    def names_from(self, text: str, position: int) -> bool:
        """Whether the run from ``position`` (a letter) to the end is a list of names:
        what ``english_names(text[position:end])`` says, at the cost of one group."""
        k = bisect_left(self.delimiters, position)
        right = self.right_ends[k]
        starts = self.word_starts
        words = 1 + bisect_left(starts, right) - bisect_left(starts, position + 1)
        if words > _MAX_WORDS or not self.valid_after[k + 1]:
            return False
        if names_group(text[position:right]) < 0:
            return False
        return self.nonempty_after[k + 1] > 0 or words > 1


class EnglishRun:
    """A run of English from ``start`` to ``end`` on one line of the lead, and what
    the parts cut from it ask of the rest of it."""

    __slots__ = ("end", "names", "searches", "space", "start")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start = start
        self.end = end
        self.space = text.rfind(" ", start, end)  # the run's last space
        self.searches: dict[tuple[int, int], tuple[int, regex.Match[str] | None]] = {}
        self.names: dict[int, NamesSuffix] = {}

    def search(
        self, key: int, pattern: regex.Pattern[str], text: str, start: int, end: int
    ) -> regex.Match[str] | None:
        """``pattern.search(text, start, end)``, from the last such search when it
        answers for ``start`` too (it began before and found nothing before
        ``start``): the parts of a run ask in order, so the run is searched once."""
        cached = self.searches.get((key, end))
        if cached is not None:
            origin, match = cached
            if origin <= start and (match is None or match.start() >= start):
                return match
        match = pattern.search(text, start, end)
        self.searches[(key, end)] = (start, match)
        return match

    def names_from(self, text: str, position: int, end: int) -> bool:
        suffix = self.names.get(end)
        if suffix is None:
            suffix = self.names[end] = NamesSuffix(text, self.start, end)
        return suffix.names_from(text, position)


def names_group(group: str) -> int:
    """The words of one group of an English author line ('ZHANG San1'): -1 when it
    is no name (more than four words, a word in lower case or a function word),
    0 when nothing is left of it but marks."""
    group = group.strip(_GROUP_STRIP)
    if not group:
        return 0
    words = group.split()  # a hyphen joins a given name: 'ZHANG Bao-lin'
    if not 1 <= len(words) <= _MAX_WORDS:
        return -1
    for word in words:
        core = word.strip("0123456789*.")
        if not core or not core[0].isupper() or core.lower() in FUNCTION_WORDS:
            return -1
    return len(words)


def english_names(text: str) -> bool:
    """'ZHANG San1, LI Si2', 'Liu Yi, Wang Feng': capitalised words in short groups
    between commas, no function words."""
    counts = [names_group(g) for g in text.replace(";", ",").split(",")]
    counts = [c for c in counts if c != 0]
    if not counts or any(c < 0 for c in counts):
        return False
    # one capitalised word alone is no author line ('Abstract')
    return len(counts) > 1 or counts[0] > 1


_MAX_WORDS: Final = 4


FUNCTION_WORDS: Final = frozenset(
    {
        "of",
        "the",
        "and",
        "in",
        "on",
        "for",
        "with",
        "to",
        "a",
        "an",
        "by",
        "from",
        "based",
        "its",
        "at",
        "as",
        "under",
        "into",
        "via",
    }
)
