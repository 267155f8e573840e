# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Heading numbers: recognising a marker at a segment's start and reading its number.

Whether a number continues the outline is :mod:`.outline`'s; here a marker is
told from a quantity ('2019年', '3.5%'), a word ('3D') or a number spaced apart.
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
        if rule.scheme == "decimal" and (
            following.isdigit() or (title_start == end and _latin_word(segment, end))
        ):
            return None  # '2 0世纪' spaced by OCR; '3D解剖库', '5G网络': a word, no number
        return Marker(rule.scheme, number, parts, end, title_start)
    return None


def _latin_word(segment: str, end: int) -> bool:
    """A bare number glued to a Latin letter ('3D', '5G', '4K'): one word of the text."""
    return (
        segment[end - 1].isdigit()
        and segment[end : end + 1].isascii()
        and segment[end : end + 1].isalpha()
    )


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
