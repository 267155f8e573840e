# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""The text of an unlabelled lead and the pieces its recognizers share.

:class:`Lead` is the text being cut with what the recognizers need to know
(the title already read, whether the body is multi-line); :class:`Part` is
one piece of it with its kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, NamedTuple

from .. import patterns
from .english_run import EnglishRun
from .names import (
    is_han,
    looks_like_affiliation,
)
from .needle import Needle


class Part(NamedTuple):
    kind: str
    """'space', 'trivia', 'chrome', 'column', 'title', 'authors', 'affiliations', 'title_en',
    'authors_en', 'affiliation_en', 'english', 'source', 'registration', 'history',
    'citation' or 'unknown'."""
    start: int
    end: int


@dataclass(slots=True)
class Lead:
    """The text being cut and what the recognizers need to know about it."""

    text: str
    title: str | None
    multiline: bool
    line_end: int = -1
    seen_title_en: bool = False
    after_date: int = -1  # the end of a mirror's date glued to the text after it
    unit_colon: int = -1  # the colon between names and their unit ('孙某*:某大学…')
    unit_start: int = -1  # where that unit starts
    english: EnglishRun | None = None  # the run of English last read
    title_at: Needle | None = None  # where the title is written (made at the first part)
    subtitle_at: Needle | None = None  # where the title's part before '——' is

    def end_of_line(self, position: int) -> int:
        """End of the line holding ``position`` (each line end is searched once)."""
        if self.line_end < position:
            found = self.text.find("\n", position)
            self.line_end = len(self.text) if found < 0 else found
        return self.line_end


Recognizer = Callable[[Lead, int], int]
"""Returns where the part starting at the position ends, or -1."""


_SPACE: Final = frozenset(" \t\r\n\u3000\u00a0")


_BULLETS: Final = frozenset("·•●■◆▲★☆◇□○?")


_OPENERS: Final = {"(": ")", "（": "）", "[": "]", "［": "］", "【": "】", "〔": "〕"}


_MAX_TAG: Final = 10


_MAX_BRACKET: Final = 400


_ROUND: Final = ("(（", ")）")


_SQUARE: Final = ("[［", "]］")


def _matching(text: str, position: int, limit: int) -> int:
    """Where the bracket opening at ``position`` closes, brackets inside it counted
    ('(某大学(北京)人文学院,北京 100083)'); -1 if not before ``limit``."""
    openers, closers = _ROUND if text[position] in _ROUND[0] else _SQUARE
    depth = 0
    for index in range(position, limit):
        char = text[index]
        if char in openers:
            depth += 1
        elif char in closers:
            depth -= 1
            if depth == 0:
                return index
    return -1


def _line_or_chunk_end(lead: Lead, position: int) -> int:
    """The line's end in a multi-line body; in a single-line body, the end of the run
    of short pieces (an address is written in several)."""
    text = lead.text
    if lead.multiline:
        return _trim(text, position, lead.end_of_line(position))
    end = _chunk_end(lead, position)
    while end < len(text):
        following = end
        while following < len(text) and text[following] in _SPACE:
            following += 1
        chunk_end = _chunk_end(lead, following) if following < len(text) else following
        chunk = text[following:chunk_end]
        if _next_numbered_entry(chunk):
            end = chunk_end
            continue
        if not chunk or len(chunk) > 20 or chunk[-1] in "。！？":
            break
        if not (looks_like_affiliation(chunk) or _address_piece(chunk)):
            break
        end = chunk_end
    return end


def _next_numbered_entry(chunk: str) -> bool:
    """'116024；2.某医科大学附属医院，陕西': a postcode (or an address piece before an
    institution), then the next numbered unit of a list on one line, which may run
    longer than an address piece."""
    cut = max(chunk.find(";"), chunk.find("；"))
    if cut <= 0 or not _address_piece(chunk[: cut + 1]):
        return False
    rest = chunk[cut + 1 :]
    if patterns.NUMBERED_LINE.match(rest) is None:
        return False
    postcode = cut == 6 and chunk[:cut].isdigit()
    return postcode or looks_like_affiliation(rest)


def _address_piece(chunk: str) -> bool:
    """'江苏', '南京', '210000)', '200092;': the place and postcode pieces of an address."""
    core = chunk.strip(",，;；)）")
    return bool(core) and (core.isdigit() or (len(core) <= 4 and all(is_han(c) for c in core)))


def _chunk_end(lead: Lead, position: int) -> int:
    """End of the text from ``position`` to the next space (or line end)."""
    text = lead.text
    if lead.multiline:
        return _trim(text, position, lead.end_of_line(position))
    end = position
    while end < len(text) and text[end] not in _SPACE:
        end += 1
    return end


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return end


def _affiliation_text(text: str) -> bool:
    """An affiliation written out: an institution or address, not a sentence; or
    several, one after another with ';' between ('甲研究所, 某市 100000;乙大学, …')."""
    if any(c in "。！？" for c in text):
        return False
    if len(text) <= _MAX_AFFILIATION:
        return looks_like_affiliation(text)
    parts = text.replace("；", ";").split(";")
    return len(parts) > 1 and all(
        len(part) <= _MAX_AFFILIATION and looks_like_affiliation(part) for part in parts
    )


_MAX_AFFILIATION: Final = 80
