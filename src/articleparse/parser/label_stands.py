# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Whether a written form of a label, found where a label may start, stands as one.

:mod:`.label_scan` finds the places and matches the forms; here a match is
judged: at a boundary it needs a colon, brackets, or (for some labels and
layouts) a space or its line to itself; glued to the text before it, its colon
right after it.
"""

from __future__ import annotations

from typing import Final

import regex

from . import patterns
from .label_shapes import (
    _NOT_A_VALUE,
    SPACED_FIELDS,
    ends_address,
    ends_english_word,
    record_label,
    spaced_items_follow,
    spaced_written,
)
from .labels import (
    BARE_LABELS,
    BLOCK_FIELDS,
    CODE_LABELS,
    COLON_ONLY_LABELS,
    FRONT_LABELS,
    UNGLUED_LABELS,
)

# Code labels long enough to stand glued to the value before them with only a
# space after them.
GLUED_BARE: Final = tuple(
    form
    for field in ("clc", "document_code", "article_number")
    for form in FRONT_LABELS[field]
    if len(form) >= 4 and form in BARE_LABELS
)


_SPACE_BEFORE: Final = frozenset(" \t\r\n\u3000\u00a0")


# The same tables in simplified characters, for a label written in traditional ones.
_GLUED_SIMPLE: Final = frozenset(patterns.simplified_label(form) for form in GLUED_BARE)


_BARE_SIMPLE: Final = frozenset(patterns.simplified_label(form) for form in BARE_LABELS)


def stands_glued(match: regex.Match[str], field: str, value: str) -> bool:
    """A label glued to the text before it ('…G642文献标识码:A') needs its colon
    right after it; an English one also needs a non-letter before it."""
    if match.group("open"):
        if match.group("open")[0] == "《":
            return False  # '…的《摘要》': a title's marks inside a sentence
        return match.group("close") is not None  # '…G434【文献标识码】A'
    start = match.start()
    if patterns.simplified_label(_compact(match.group(field))) in UNGLUED_LABELS:
        return False  # '…数据来源：', '…产业基金：' are words of a sentence
    if not match.group("colon"):
        # '…S 232.3文献标识码 A文章编号 0517-…': a long code label and a space
        written = _compact(match.group()[: match.start("space") - start])
        return bool(match.group("space")) and patterns.simplified_label(written) in _GLUED_SIMPLE
    before = value[start - 1]
    if before.isascii() and before.isalpha():
        # after a one-letter value ('文献标识码:A文章编号:…') or an English word
        # ('…Qing Academies作者机构:'), never inside an abbreviation ('JEL分类号')
        return (
            value[start - 2 : start - 1] in ":：]】〕 "
            or ends_english_word(value, start)
            or ends_address(value, start)
        )
    return True


def stands_as_label(match: regex.Match[str], field: str, value: str, multiline: bool) -> bool:
    """A label needs a colon or brackets; in a multi-line body, a Chinese label at
    the start of a line may be followed by spaces instead (``关键词 党建 理念``).

    A block heading ('参考文献', '注释') may also stand alone before a separator.
    """
    if match.group("open") and match.group("open")[0] == "《":
        return _title_marks_label(match, value)
    if match.group("open") or match.group("colon"):
        return True
    if field in SPACED_FIELDS and spaced_written(match.group(field)):
        return True  # '摘 要本文…': a label spaced out as a heading is one, colon or not
    start = match.start()
    if field == "keywords" and not match.group("space") and spaced_items_follow(value, match.end()):
        return True  # '关键词陶瓷膜     含油废水     膜通量': the colon lost, the items set apart
    if match.group(field).replace(" ", "") in COLON_ONLY_LABELS:
        return False  # 'keywords', 'abstract' in a sentence: only 'keywords:' is a label
    indent = start
    while indent > 0 and value[indent - 1] in " \t\u3000":
        indent -= 1  # a page may indent its lines ('  摘要')
    at_line_start = indent == 0 or value[indent - 1] == "\n"
    if multiline and at_line_start:
        following = value[match.end() : match.end() + 1]
        if following in ("", "\r", "\n"):
            return True  # alone on its line: 'Abstract', '摘 要'
        if field == "keywords" and spaced_items_follow(value, match.end()):
            return True  # '关键词锂电池     热管理': the colon lost, the items set apart
        if match.group("space") and (not match.group().isascii() or field.endswith("_en")):
            return True  # '关键词 党建 理念', 'Abstract Based on …' at the start of a line
    if field in BLOCK_FIELDS:
        following = value[match.end() : match.end() + 1]
        return bool(match.group("space")) or following in ("", "\r", "\n", "[", "［")
    if match.group("space") and (start == 0 or value[start - 1] in _SPACE_BEFORE):
        # '摘要 以某钢铁企业为例…', 'Key words steel plant;…', 'F323   文献标识码 A':
        # after whitespace, a distinctive label may take a space for its colon
        written = patterns.simplified_label(_compact(match.group()[: match.start("space") - start]))
        if written in CODE_LABELS:
            # '分类号 G642': a short label, then a code
            following = value[match.end() : match.end() + 1]
            return following.isascii() and following.isupper()
        return written in _BARE_SIMPLE or record_label(written, value, match.end())
    return False


def lost_opening(match: regex.Match[str], value: str) -> bool:
    """A label with no opening bracket, its closing one right after it ('摘要】')."""
    return (
        not match.group("open")
        and not match.group("colon")
        and not match.group("space")
        and value[match.end() : match.end() + 1] in _CLOSERS
    )


_CLOSERS: Final = frozenset("】〕］")


def _title_marks_label(match: regex.Match[str], value: str) -> bool:
    """'《關鍵詞》甲；乙': a label in title marks counts only when they close on it
    and its value follows on the same line."""
    if match.group("close") != "》":
        return False
    following = value[match.end() : match.end() + 1]
    return following not in ("", "\r", "\n") and following not in _NOT_A_VALUE


def _compact(label: str) -> str:
    """A label's written form without what a page adds inside it: spaces, lost-space
    marks, pinyin annotations ('關(guān)鍵詞' → '關鍵詞')."""
    return patterns.bare_label_form(label)
