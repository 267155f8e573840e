# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Heading numbers: recognising markers and deciding whether a number continues the sequence.

Numbering is the signal for headings (design.md §2): a candidate becomes a
heading when it is the first child, the next sibling, or the next sibling of an
ancestor of the open headings. Small gaps and jumps are accepted with a
warning; anything else stays text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import regex

from .. import patterns
from ..labels import UNIT_CHARS, UNIT_WORD_EXCEPTIONS, UNIT_WORDS
from ..tokens import Marker
from .ends import PARAGRAPH_END_CHARS as PARAGRAPH_END_CHARS
from .ends import SENTENCE_END_CHARS as SENTENCE_END_CHARS
from .ends import ends_paragraph as ends_paragraph
from .ends import ends_sentence as ends_sentence

MAX_DECIMAL_DEPTH: Final = 6
"""Deepest decimal number taken as a heading ('1.1.1.1.1.1'); deeper ones are text."""
MAX_LEVEL: Final = 8
"""Deepest heading level in any mix of schemes."""
MAX_GAP: Final = 2
"""How many numbers a heading may skip and still count as one (with a warning)."""
MAX_TITLE_CHARS: Final = 60

_CN_DIGITS: Final = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


# The financial forms, read as the common ones ('壹' is '一', '拾' is '十').
_FINANCIAL_DIGITS: Final = str.maketrans(
    "壹贰貳叁參叄肆伍陆陸柒捌玖拾", "一二二三三三四五六六七八九十"
)


def chinese_number(text: str) -> int | None:
    """Value of a Chinese numeral up to 99 ('十二' → 12, '拾贰' → 12); None when
    malformed."""
    text = text.translate(_FINANCIAL_DIGITS)
    if text in _CN_DIGITS:
        return _CN_DIGITS[text]
    tens, sep, ones = text.partition("十")
    if not sep:
        return None
    high = 1 if tens == "" else _CN_DIGITS.get(tens)
    low = 0 if ones == "" else _CN_DIGITS.get(ones)
    if high is None or low is None:
        return None
    return high * 10 + low


CHINESE_NUMERALS: Final = ["", *_CN_DIGITS]


_CHINESE_NUMERAL_SCHEMES: Final = frozenset(
    ("cn-dun", "cn-paren", "cn-chapter", "cn-section", "cn-part")
)


def written_number(scheme: str, value: int) -> str:
    """How ``value`` is written in a non-decimal scheme ('三', '3', '③')."""
    if scheme in _CHINESE_NUMERAL_SCHEMES:
        return chinese_numeral(value)
    if scheme == "circled":
        return chr(ord("①") + value - 1)
    return str(value)


def chinese_numeral(value: int) -> str:
    """The Chinese numeral for 1..99 (inverse of :func:`chinese_number`)."""
    tens, ones = divmod(value, 10)
    if tens == 0:
        return CHINESE_NUMERALS[ones]
    return ("" if tens == 1 else CHINESE_NUMERALS[tens]) + "十" + CHINESE_NUMERALS[ones]


def _decimal_parts(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in _plain_decimal(number).split("."))


def _plain_decimal(number: str) -> str:
    """'1 . 1' and '1．1' are '1.1'."""
    return number.replace("．", ".").replace(" ", "")


@dataclass(frozen=True, slots=True)
class SchemeRule:
    """One row of the recognizer table: a marker pattern and how to read its number."""

    scheme: str
    pattern: regex.Pattern[str]
    parts: Callable[[str], tuple[int, ...] | None]
    number: Callable[[str], str]
    # Characters of which the second or third character of the marker must be
    # one, tested before the pattern ('1）' needs its bracket there); '' for none.
    needs: str = ""


def _int_parts(num: str) -> tuple[int, ...] | None:
    return (int(num),)


def _cn_parts(num: str) -> tuple[int, ...] | None:
    value = chinese_number(num)
    return None if value is None else (value,)


SCHEMES: Final[tuple[SchemeRule, ...]] = (
    SchemeRule("arabic-half-paren", patterns.ARABIC_HALF_PAREN_MARKER, _int_parts, str, "）)"),
    SchemeRule("decimal", patterns.DECIMAL_MARKER, _decimal_parts, _plain_decimal),
    SchemeRule("cn-dun", patterns.CN_DUN_MARKER, _cn_parts, str),
    SchemeRule("cn-paren", patterns.CN_PAREN_MARKER, _cn_parts, str),
    SchemeRule("arabic-paren", patterns.ARABIC_PAREN_MARKER, _int_parts, str),
    SchemeRule("circled", patterns.CIRCLED_MARKER, lambda n: (ord(n) - ord("①") + 1,), str),
    SchemeRule("cn-chapter", patterns.CN_CHAPTER_MARKER, _cn_parts, str),
    SchemeRule("cn-section", patterns.CN_SECTION_MARKER, _cn_parts, str),
    SchemeRule("cn-part", patterns.CN_PART_MARKER, _cn_parts, str),
)

_MARKER_FIRST_CHARS: Final = frozenset(
    "0123456789第（(" + patterns.CN_NUMERAL_CHARS + "".join(map(chr, range(0x2460, 0x2474)))
)
# For each first character, the rules whose pattern can start with it (in table
# order) and the index of each pattern's 'num' group: a segment tries only those.
_RULES_BY_FIRST_CHAR: Final[dict[str, tuple[tuple[SchemeRule, int], ...]]] = {
    char: tuple(
        (rule, rule.pattern.groupindex["num"])
        for rule in SCHEMES
        if rule.pattern.match(char, partial=True)
    )
    for char in _MARKER_FIRST_CHARS
}
_RULES_BY_SCHEME: Final = {rule.scheme: rule for rule in SCHEMES}
_GAP_CHARS: Final = patterns.HSPACE_CHARS  # between a marker and its title


@lru_cache(maxsize=4096)
def _read_number(scheme: str, num: str) -> tuple[tuple[int, ...], str] | None:
    """The parts and the normalised number of ``num`` in ``scheme``; None when malformed."""
    rule = _RULES_BY_SCHEME[scheme]
    parts = rule.parts(num)
    return None if parts is None else (parts, rule.number(num))


def find_marker(segment: str) -> Marker | None:
    """Recognise a heading marker at the start of ``segment``.

    Returns None when the segment does not start with a marker, or when what
    follows the number makes it a quantity ('2019年', '3.5%', '10个').
    """
    rules = _RULES_BY_FIRST_CHAR.get(segment[:1])
    if not rules:
        return None
    for rule, num_group in rules:
        if rule.needs and segment[1:2] not in rule.needs and segment[2:3] not in rule.needs:
            continue
        match = rule.pattern.match(segment)
        if match is None:
            continue
        read = _read_number(rule.scheme, match[num_group])
        if read is None:
            return None
        parts, number = read
        end = match.end()
        title_start = end
        while title_start < len(segment) and segment[title_start] in _GAP_CHARS:
            title_start += 1
        following = segment[title_start : title_start + 1]
        if following and _is_quantity(parts, following, segment, title_start):
            return None
        if rule.scheme == "decimal" and following.isdigit():
            return None
        return Marker(rule.scheme, number, parts, end, title_start)
    return None


_UNIT_WORD_FIRST: Final = frozenset(word[0] for word in UNIT_WORDS)
_ERA_WORDS: Final = ("世纪", "年代")
"""What follows a number that counts centuries and decades, never a title."""


def _is_quantity(parts: tuple[int, ...], following: str, text: str, start: int) -> bool:
    """'2019年', '1.5亿元', '10个': a number of at most one decimal point and a unit
    (not a title word that begins with a unit: '元数据', '个人')."""
    if len(parts) > 2:
        return False
    if following not in UNIT_CHARS:
        if text.startswith(_ERA_WORDS, start):
            return True  # '20世纪', '30年代'
        return following in _UNIT_WORD_FIRST and text.startswith(UNIT_WORDS, start)
    return not any(text.startswith(word, start) for word in UNIT_WORD_EXCEPTIONS)


def looks_like_title(title: str) -> bool:
    """A heading title is short, is not a sentence, and starts like a title:
    not with the punctuation that follows a number in running text ('2) ,',
    'WANG Ming 1,')."""
    return (
        0 < len(title) <= MAX_TITLE_CHARS
        and title[0] not in _NOT_TITLE_START
        and not ends_sentence(title)
        and not ends_paragraph(title)
        and not any(char in title for char in _SENTENCE_INSIDE)
    )


def is_quantity(parts: tuple[int, ...], title: str) -> bool:
    """Whether ``title`` makes the number before it a quantity ('2 个百分点')."""
    return bool(title) and _is_quantity(parts, title[0], title, 0)


# A title holds no sentence end ('做法。总体来看,'): a few `in` tests, cheaper
# than a pattern search for titles this short.
_SENTENCE_INSIDE: Final = "。！？!?"
_NOT_TITLE_START: Final = frozenset(",，、;；:：.。)）]］】」』》”’!！?？%％‰/\\-—~～·")


# Open and Verdict are plain slotted classes, not dataclasses: compiled, a
# dataclass keeps its generated Python __init__, one interpreted call per heading.
class Open:
    """An open heading on the numbering stack."""

    __slots__ = ("level", "parts", "scheme")

    def __init__(self, scheme: str, parts: tuple[int, ...], level: int) -> None:
        self.scheme = scheme
        self.parts = parts
        self.level = level


class Verdict:
    """Where a heading goes: pop the stack to ``keep`` entries, then push at ``level``."""

    __slots__ = ("expected", "keep", "level", "warning")

    def __init__(
        self, keep: int, level: int, warning: str | None = None, expected: str = ""
    ) -> None:
        self.keep = keep
        self.level = level
        self.warning = warning  # 'heading-gap' | 'heading-jump' | 'heading-too-deep'
        self.expected = expected


LIST_SCHEMES: Final = frozenset(("arabic-paren", "arabic-half-paren", "circled"))
"""Item markers ('(1)', '1)', '①'): list items, not headings, in a decimal outline."""
FIRST_NUMBER_SCHEMES: Final = frozenset(
    ("cn-dun", "cn-paren", "cn-chapter", "cn-section", "cn-part")
)
"""Schemes whose first heading may be numbered 2 when the first was mistyped ('—、' for '一、')."""


class NumberingState:
    """The stack of open headings and the rule for what may come next."""

    __slots__ = ("decimal_outline", "stack")

    def __init__(self) -> None:
        self.stack: list[Open] = []
        # The open outline is decimal: its top heading is a decimal number written
        # bare ('1 引言', '1引言') or it has numbers of several parts ('1.1').
        # A top heading '1.' or '1、' alone is the third level of the Chinese
        # chain used at the top, and '(1)' under it is a heading.
        self.decimal_outline = False

    def list_item(self, scheme: str) -> bool:
        """Whether a marker of ``scheme`` is a list item (GB/T 7713's 列项): in a
        decimal outline, '(1)', '1)' and '①' mark items, never headings."""
        return self.decimal_outline and scheme in LIST_SCHEMES

    def judge(self, scheme: str, parts: tuple[int, ...]) -> Verdict | None:
        """Decide whether a marker continues the numbering; None means 'text'."""
        if self.list_item(scheme):
            return None
        if scheme == "decimal":
            verdict = self._judge_decimal(parts)
        else:
            verdict = self._judge_other(scheme, parts[0])
        if verdict is None:
            return None
        if verdict.level > MAX_LEVEL or (scheme == "decimal" and len(parts) > MAX_DECIMAL_DEPTH):
            return Verdict(verdict.keep, verdict.level, "heading-too-deep")
        return verdict

    def judge_later_part(
        self, scheme: str, parts: tuple[int, ...], punctuated: bool
    ) -> Verdict | None:
        """A page that holds one part of a longer article opens with a later top
        heading ('四、结论', '4.是否标注' on a line of its own: ``punctuated``): a
        heading, reported as a gap."""
        if self.stack or not 2 < parts[0] <= _LATEST_FIRST:
            return None
        if scheme in _PART_SCHEMES:
            return Verdict(0, 1, "heading-gap", written_number(scheme, 1))
        if scheme == "decimal" and len(parts) == 1 and punctuated:
            return Verdict(0, 1, "heading-gap", "1")
        return None

    def push(
        self, verdict: Verdict, scheme: str, parts: tuple[int, ...], punctuated: bool = False
    ) -> None:
        """Open a heading judged by :meth:`judge` (``punctuated``: its number ends
        in '.', '．' or '、')."""
        if verdict.keep == 0:
            self.decimal_outline = scheme == "decimal" and (not punctuated or len(parts) > 1)
        elif scheme == "decimal" and len(parts) > 1 and self.stack[0].scheme == "decimal":
            self.decimal_outline = True
        del self.stack[verdict.keep :]
        self.stack.append(Open(scheme, parts, verdict.level))

    def _level_under(self, keep: int) -> int:
        return self.stack[keep - 1].level + 1 if keep else 1

    def _judge_decimal(self, parts: tuple[int, ...]) -> Verdict | None:
        stack = self.stack
        decimal = [i for i, entry in enumerate(stack) if entry.scheme == "decimal"]
        if not decimal:
            return self._first_decimal(parts)
        base = stack[decimal[0]].level - len(stack[decimal[0]].parts) + 1
        deepest = stack[decimal[-1]].parts
        depth = len(parts)
        keep = next((i for i in decimal if len(stack[i].parts) >= depth), len(stack))
        # below a heading of another scheme opened inside the decimal numbering
        level = max(base + depth - 1, self._level_under(keep))
        if depth <= len(deepest) and parts[:-1] == deepest[: depth - 1]:
            # next sibling at this depth (of the open heading or of an ancestor)
            expected = (*parts[:-1], deepest[depth - 1] + 1)
        elif depth == len(deepest) + 1 and parts[:-1] == deepest:
            expected = (*deepest, 1)  # first child
        elif depth > len(deepest) + 1 and parts[: len(deepest)] == deepest:
            if all(p == 1 for p in parts[len(deepest) :]):
                return Verdict(keep, level, "heading-jump", _dotted((*deepest, 1)))
            return None
        else:
            return None
        if parts[-1] == expected[-1]:
            return Verdict(keep, level)
        if expected[-1] < parts[-1] <= expected[-1] + MAX_GAP:
            return Verdict(keep, level, "heading-gap", _dotted(expected))
        return None

    def _first_decimal(self, parts: tuple[int, ...]) -> Verdict | None:
        """The first decimal heading: '1' (or '0'), or '1.1' — at the top a jump
        (a warning), under a heading of another scheme its first child ('1.1' or
        '2.1' under '二、' is level 2)."""
        stack = self.stack
        if parts[-1] != (1 if len(parts) > 1 else min(parts[-1], 1)):
            return None  # '2' or '1.0' is not a first heading
        keep = len(stack)
        if len(parts) == 1:
            return Verdict(keep, self._level_under(keep))
        parent = stack[-1].parts if stack else ()
        prefix = parts[:-1]
        if stack and (all(p == 1 for p in prefix) or prefix == parent):
            return Verdict(keep, self._level_under(keep))
        if any(p != 1 for p in prefix):
            return None
        return Verdict(keep, self._level_under(keep) + len(parts) - 1, "heading-jump")

    def _judge_other(self, scheme: str, value: int) -> Verdict | None:
        stack = self.stack
        for i in range(len(stack) - 1, -1, -1):
            entry = stack[i]
            if entry.scheme != scheme:
                continue
            expected = entry.parts[0] + 1
            if value == expected:
                return Verdict(i, entry.level)
            if expected < value <= expected + MAX_GAP:
                return Verdict(i, entry.level, "heading-gap", written_number(scheme, expected))
            return None
        keep = len(stack)
        if value == 2 and scheme in FIRST_NUMBER_SCHEMES:
            # '—、引言' (a mistyped '一、') then '二、': the outline starts at its second heading
            return Verdict(keep, self._level_under(keep), "heading-gap", written_number(scheme, 1))
        if value != 1:
            return None
        return Verdict(keep, self._level_under(keep))


_PART_SCHEMES: Final = frozenset(("cn-dun", "cn-chapter"))
"""Schemes of top headings only, whose first heading on a page may be a later part."""

_LATEST_FIRST: Final = 10


def _dotted(parts: tuple[int, ...]) -> str:
    return ".".join(map(str, parts))
