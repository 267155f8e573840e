"""A normalized view of article text: for keys, search, deduplication and training text.

Mirror sites copy articles after running them through a converter: the text
comes back in traditional characters, often with the pinyin the converter
looked up left in parentheses after a character (``關(guān)鍵詞``), and
letters or digits in full width. :func:`normalize` undoes those three changes
and nothing else:

- traditional characters → simplified, by OpenCC's ``t2s`` tables (the
  ``opencc`` package, which ships them compiled);
- a pinyin annotation is dropped: a parenthesised pinyin syllable, half- or
  full-width parentheses, written right after a Han character, whose letters
  form a syllable of Hanyu Pinyin and carry a tone (a tone mark such as
  ``guān``, or a tone digit after two letters or more, such as ``guan1``).
  ``处理器(CPU)``, ``图(a)``, ``系数(a1)`` or ``函数(max)`` stay;
- full-width ASCII letters and digits (``ＡＢＣ１２３``) → ``ABC123``.

Punctuation (Chinese or not), spaces and line breaks are kept as they are. The
view never changes a parsed tree: ``render`` and the lossless invariant work on
the text as written; this is a copy made on request.
"""

from __future__ import annotations

import functools
from typing import Final, Protocol

import regex

# Vowels with a tone mark, as Hanyu Pinyin writes them (ü with its four tones too).
_TONE_MARKED: Final = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_VOWEL: Final = f"[aeiouüv{_TONE_MARKED}]"
# The syllable's shape: an optional initial, one to three vowels, an optional
# nasal or r ending, an optional tone digit. The tone requirement is checked
# separately (``_has_tone``), so that this stays a plain linear pattern.
_SYLLABLE: Final = rf"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?{_VOWEL}{{1,3}}(?:ng|n|r)?[1-5]?"
# A syllable in half- or full-width parentheses, right after a Han character.
_ANNOTATION: Final = regex.compile(
    rf"(?<=\p{{Han}})[(（](?P<syllable>{_SYLLABLE})[)）]", regex.IGNORECASE
)
_TONE_MARKS: Final = frozenset(_TONE_MARKED + _TONE_MARKED.upper())
# Full-width digits, capitals and small letters → their ASCII forms.
_FULL_WIDTH: Final = {
    code: code - 0xFEE0
    for start, end in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
    for code in range(start, end + 1)
}
_FULL_WIDTH_CHARS: Final = regex.compile("[０-９Ａ-Ｚａ-ｚ]")


def normalize(text: str) -> str:
    """``text`` with simplified characters, no pinyin annotations and half-width letters and digits.

    >>> normalize('關(guān)鍵詞 技術(shù)ＡＢＣ１２３')
    '关键词 技术ABC123'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() takes a str, not {type(text).__name__}")
    if not text:
        return text
    if "(" in text or "（" in text:
        text = _ANNOTATION.sub(_drop_annotation, text)
    if _FULL_WIDTH_CHARS.search(text) is not None:
        text = text.translate(_FULL_WIDTH)
    if text.isascii():
        return text
    converted: str = _converter().convert(text)
    return converted


def strip_annotations(text: str) -> str:
    """``text`` without its pinyin annotations, and nothing else changed."""
    return _ANNOTATION.sub(_drop_annotation, text)


def _drop_annotation(match: regex.Match[str]) -> str:
    syllable = match.group("syllable")
    if not _TONE_MARKS.isdisjoint(syllable):
        return ""
    if syllable[-1].isdigit() and len(syllable) > 2:  # 'guan1', but not a label such as 'a1'
        return ""
    return match.group()


@functools.cache
def _converter() -> _Converter:
    """OpenCC's traditional → simplified converter, made once per process."""
    import opencc

    converter: _Converter = opencc.OpenCC("t2s")
    return converter


class _Converter(Protocol):
    """What this module uses of ``opencc.OpenCC``."""

    def convert(self, text: str, /) -> str: ...


__all__ = ["normalize", "strip_annotations"]
