# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""The written forms of a label: traditional characters, inner spaces, pinyin annotations.

A label is looked up by its normalized form: spaces (and the ``?`` or ``"`` a
page shows for a lost space) between its characters removed, traditional
characters made simplified, and the pinyin a mirror site writes after a
character (``關(guān)鍵詞``) dropped. The front-label patterns built here match
every form of :data:`~.labels.FRONT_LABELS` written in any of those ways;
:mod:`.patterns` re-exports them.
"""

from __future__ import annotations

from typing import Final

import regex

from .labels import FRONT_LABELS

# Simplified and traditional forms of the characters in labels: converters
# leave labels half converted ('中圖分类号', '文獻标志码').
_SIMPLIFIED_TRADITIONAL: Final = (
    "图圖",
    "类類",
    "号號",
    "献獻",
    "标標",
    "识識",
    "码碼",
    "关關",
    "键鍵",
    "词詞",
    "编編",
    "题題",
    "项項",
    "简簡",
    "时時",
    "间間",
    "释釋",
    "参參",
    "国國",
    "资資",
    "内內",
    "单單",
    "讯訊",
    "录錄",
    "网網",
    "志誌",
    "书書",
    "论論",
    "学學",
    "来來",
    "处處",
    "发發",
    "师師",
    "导導",
    "责責",
    "辑輯",
    "联聯",
    "系係繫",
    "属屬",
    "栏欄",
    "页頁",
    "机機",
    "构構",
    "区區",
    "称稱",
    "络絡",
    "译譯",
    "实實",
    "验驗",
    "细細",
)
CHAR_VARIANTS: Final[dict[str, str]] = {a: pair for pair in _SIMPLIFIED_TRADITIONAL for a in pair}
_SIMPLIFIED: Final[dict[str, str]] = {
    a: pair[0] for pair in _SIMPLIFIED_TRADITIONAL for a in pair[1:]
}


# What may stand between the characters of a Chinese label ('摘 要', '摘? ? 要',
# '摘 "要': a page shows '?' or '"' for a lost non-breaking space).
_INNER_SPACE_CHARS: Final = ' \u3000\u00a0?"'


# The pinyin a traditional-character mirror writes after a character ('關(guān)鍵詞',
# '中圖分類(lèi)號(hào)'): one Latin syllable, with tone marks or a tone digit, in
# brackets. A label matches with or without them; its text keeps them.
PINYIN_LETTERS: Final = "abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ"
_PINYIN: Final = "(?:[(（][" + PINYIN_LETTERS + "]{1,6}[1-5]?[)）])?"


def bare_label_form(label: str) -> str:
    """``label`` without spaces, lost-space marks and pinyin annotations after a
    character ('關(guān) 鍵詞' → '關鍵詞'); one pass, no regex."""
    kept: list[str] = []
    index = 0
    length = len(label)
    while index < length:
        char = label[index]
        if char in _INNER_SPACE_CHARS:
            index += 1
            continue
        if char in "(（" and kept and not kept[-1].isascii():
            close = _pinyin_end(label, index)
            if close > 0:
                index = close
                continue
        kept.append(char)
        index += 1
    return "".join(kept)


def _pinyin_end(text: str, index: int) -> int:
    """After the '(' at ``index``: the end of a pinyin annotation ('(guān)'), or -1."""
    position = index + 1
    limit = min(len(text), position + 8)
    while position < limit and text[position] in PINYIN_LETTERS:
        position += 1
    letters = position - index - 1
    if not 1 <= letters <= 6:
        return -1
    if position < limit and text[position] in "12345":
        position += 1
    if position < len(text) and text[position] in ")）":
        return position + 1
    return -1


def simplified_label(label: str) -> str:
    """A bare label form in simplified characters ('關鍵詞' → '关键词'), by the
    table of the characters labels use."""
    for char in label:
        if char in _SIMPLIFIED:
            return "".join([_SIMPLIFIED.get(c, c) for c in label])
    return label


def _form_pattern(form: str) -> str:
    if form.isascii():
        return str(regex.escape(form)).replace(r"\ ", "[ ]?")
    # '摘要', '摘 要', '摘  要', '关 键 词': up to four spaces between characters,
    # or the '?' a page shows for a lost non-breaking space ('摘? ? 要')
    return ("[" + _INNER_SPACE_CHARS + "]{0,4}").join(_char_class(ch) + _PINYIN for ch in form)


def _char_class(char: str) -> str:
    variants = CHAR_VARIANTS.get(char)
    return "[" + variants + "]" if variants else str(regex.escape(char))


def _front_label_pattern(boundary: bool = True) -> regex.Pattern[str]:
    names = []
    for field, forms in FRONT_LABELS.items():
        alternatives = "|".join(_form_pattern(f) for f in sorted(forms, key=len, reverse=True))
        names.append(f"(?P<{field}>{alternatives})")
    return regex.compile(
        (r"(?:(?<=^)|(?<=[ \t\r\n\u3000\u00a0。；;）)】\]（(【〔［]))" if boundary else "")
        + r"(?P<open>[【\[〔［《][ \u3000]*)?"
        r"(?:" + "|".join(names) + r")"
        r"(?(open)[ \u3000]*(?P<close>[】\]〕］》]))"
        r"(?P<colon>[ \u3000]*[:：])?"
        # the '?' a page shows for the lost space between a label and its value
        # ('摘要??以某企业为例'): only right before the value, never before a space
        r"(?P<space>\?{1,3}(?=[^\s?])|[ \u3000]*)"
    )


def _label_second_chars() -> dict[str, frozenset[str]]:
    """For each character a label's form may start with, the characters that may
    come second, by the shapes of :func:`_form_pattern`."""
    allowed: dict[str, set[str]] = {}
    for forms in FRONT_LABELS.values():
        for form in forms:
            if form.isascii():
                firsts, seconds = form[0], form[1]
            else:
                firsts = CHAR_VARIANTS.get(form[0], form[0])
                seconds = _INNER_SPACE_CHARS + "(（" + CHAR_VARIANTS.get(form[1], form[1])
            for first in firsts:
                allowed.setdefault(first, set()).update(seconds)
    return {first: frozenset(seconds) for first, seconds in allowed.items()}


# What a bracket-less label's second character may be, by its first: a test of two
# characters that spares FRONT_LABEL_AT most of the places it would fail at
# ('作方式' is no '作者').
FRONT_LABEL_SECONDS: Final[dict[str, frozenset[str]]] = _label_second_chars()
# A front-matter label at a segment boundary, e.g. '摘要:', '【摘 要】', 'Key words：'.
FRONT_LABEL: Final = _front_label_pattern()
# The same, matched at a position already known to be a boundary.
FRONT_LABEL_AT: Final = _front_label_pattern(boundary=False)
