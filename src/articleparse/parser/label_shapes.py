# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Labels known by their shape alone: a short run of ideographs before a colon or in brackets.

:mod:`.label_scan` finds the written forms of the label table; this module finds
the labels nobody listed (``【期刊年份】``, ``发布时间:``, ``出 版 物:``): two to
six ideographs (eight in brackets), possibly spaced out, before a colon at a
line start or right after another value, or between brackets. Their field is
``extra`` unless their normalized form is a known label.
"""

from __future__ import annotations

from typing import Final

from . import patterns
from .labels import (
    BLOCK_FIELDS,
    NAME_FIELDS,
    SHAPE_LABEL,
    SITE_LABELS,
    UNNUMBERED_TITLES,
    abstract_part,
)
from .tokens import Kind


def _with_shapes(
    value: str, labels: list[tuple[int, int, Kind, str]], shapes: list[tuple[int, int, bool]]
) -> list[tuple[int, int, Kind, str]]:
    """The labels of the table, and the labels found by their shape alone where no
    label of the table stands (both in order, none overlapping)."""
    shapes.sort()
    merged: list[tuple[int, int, Kind, str]] = []
    known = 0
    end = -1
    for start, stop, soft in shapes:
        while known < len(labels) and labels[known][0] < start:
            if labels[known][0] >= end:
                merged.append(labels[known])
                end = labels[known][1]
            known += 1
        if start < end:
            continue
        if known < len(labels) and labels[known][0] < stop:
            inner = labels[known][0]
            if (
                inner == start
                or value[inner - 1] in _SHAPE_SPACES
                or labels[known][3] not in BLOCK_FIELDS
            ):
                continue  # the label of the table ('摘 要:'), or '毕业论文摘要:'
            while known < len(labels) and labels[known][0] < stop:
                known += 1  # '标题注释:' is no block of notes glued to '标题'

        if soft and not _right_after_label(value, merged, start):
            continue
        # the space before a colon belongs to the label ('来源 :'); so does the colon
        merged.append((start, _after_colon(value, stop), Kind.LABEL, SHAPE_LABEL))
        end = merged[-1][1]
    for label in labels[known:]:
        if label[0] >= end:
            merged.append(label)
            end = label[1]
    return merged


def _right_after_label(value: str, merged: list[tuple[int, int, Kind, str]], start: int) -> bool:
    """A short value with no sentence end lies between the last label and ``start``."""
    if not merged or start - merged[-1][1] > _SOFT_REACH or merged[-1][3] in NAME_FIELDS:
        return False  # ('作者: 甲, 乙: 某大学' pairs names with their units)
    between = value[merged[-1][1] : start]
    return not any(c in _NOT_BETWEEN for c in between)


def _after_colon(value: str, stop: int) -> int:
    """After a label's closing bracket, the colon written after it too ('【期号】:'),
    and the spaces after it."""
    if value[stop - 1] in "】〕］]" and value[stop : stop + 1] in (":", "："):
        stop += 1
    while stop < len(value) and value[stop] in " \u3000":
        stop += 1
    return stop


def _ideograph(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _shape_before_colon(value: str, end: int) -> tuple[int, bool]:
    """Where a label of 2 to 6 characters ending at ``end`` (before its colon)
    starts, or -1: a run of ideographs, or single ideographs spaced out
    ('出 版 物'), at a line start or after a value that is no sentence
    ('…2019-03-14 更新时间:'); and whether it stands after a word instead."""
    start = end
    count = 0
    glossed = False
    while start > 0 and count <= _SHAPE_LONGEST_BRACKETED:
        char = value[start - 1]
        if _ideograph(char):
            start -= 1
            count += 1
            continue
        if char in ")）":
            opening = gloss_start(value, start)
            if opening >= 0 and opening > 0 and _ideograph(value[opening - 1]):
                start = opening
                glossed = True
                continue
        if char in _SHAPE_SPACES and start < end:
            run = _spaced_run(value, start, end)
            if run >= 0:
                start = run
                continue
        break
    while start < end and value[start] in _SHAPE_SPACES:
        start += 1
    longest = _SHAPE_LONGEST_BRACKETED if glossed else _SHAPE_LONGEST
    if not _SHAPE_SHORTEST <= count <= longest:
        return -1, False
    before = start
    while before > 0 and value[before - 1] in _SHAPE_SPACES:
        before -= 1
    if before == start and before > 0 and value[before - 1] not in "\r\n":
        return -1, False  # glued to the word before it
    written = "".join(c for c in value[start:end] if _ideograph(c))
    if _not_a_label(written):
        return -1, False
    if before == 0 or value[before - 1] in "\r\n":
        return start, False
    if value[before - 1] in _AFTER_VALUE and (
        value[before - 1] not in _CLOSING_QUOTES or _label_earlier_on_line(value, before)
    ):
        # '…2019-03-14 更新时间:', '来源:《某报》 发布时间:'; a quotation closed in a
        # sentence ('围绕 “某某” 形成三方面:') is prose going on
        return start, False
    if value[before - 1] in _SENTENCE_ENDS and _value_glued(value, end):
        # '…调查。 主持单位:某中心': after a sentence and a space, as at a line start (a
        # form's blank after it, '…声明。  作者签名:    日期:', is no value)
        return start, False
    return start, True  # after a word: a label only right after another's value


_CLOSING_QUOTES: Final = frozenset("”》")


def _label_earlier_on_line(value: str, before: int) -> bool:
    """A colon earlier on the line that ends at ``before``: a label's value ends here."""
    line_start = max(value.rfind("\n", 0, before), before - _LINE_REACH)
    return value.find(":", line_start, before) >= 0 or value.find("：", line_start, before) >= 0


_LINE_REACH: Final = 120


def gloss_start(value: str, end: int) -> int:
    """Where a label's gloss in brackets that closes right before ``end`` opens
    ('标识码(OSID)', '开放科学(资源服务)'): one to eight letters or ideographs; -1."""
    position = end - 2
    lowest = max(0, end - 2 - _GLOSS_LONGEST)
    while position >= lowest:
        char = value[position]
        if char in "(（":
            return position if position < end - 2 else -1
        if not (_ideograph(char) or (char.isascii() and char.isalpha())):
            return -1
        position -= 1
    return -1


def _value_glued(value: str, end: int) -> bool:
    """A value stands right after the colon that follows ``end``."""
    colon = end
    while colon < len(value) and value[colon] in _SHAPE_SPACES:
        colon += 1
    following = value[colon + 1 : colon + 2]
    return bool(following) and not following.isspace()


def _not_a_label(written: str) -> bool:
    """A part of a structured abstract ('目的'), a word of a site's chrome ('浏览'), or a
    part title with no number that runs into its text ('引言：近年来…')."""
    simple = patterns.simplified_label(written)
    return abstract_part(simple) or simple in SITE_LABELS or simple in UNNUMBERED_TITLES


def _spaced_run(value: str, start: int, end: int) -> int:
    """Where the space run before ``start`` starts when it stands between two
    single ideographs of a spaced label ('出 版 物', '页  面'); -1 otherwise."""
    run = start
    while run > 0 and value[run - 1] in _SHAPE_SPACES:
        run -= 1
    if start - run > _SHAPE_SPACE_RUN or run == 0 or not _ideograph(value[run - 1]):
        return -1
    single_after = start + 1 == end or not _ideograph(value[start + 1])
    single_before = run < 2 or not _ideograph(value[run - 2])
    return run if single_after and single_before else -1


def _shape_in_brackets(value: str, open_at: int) -> int:
    """The end of a bracketed label of 2 to 8 ideographs ('【期刊年份】'), or -1."""
    close = _CLOSING[value[open_at]]
    limit = min(len(value), open_at + 2 + 2 * _SHAPE_LONGEST_BRACKETED)
    count = 0
    position = open_at + 1
    while position < limit:
        char = value[position]
        if char == close:
            if not _SHAPE_SHORTEST <= count <= _SHAPE_LONGEST_BRACKETED:
                return -1
            written = "".join(c for c in value[open_at + 1 : position] if _ideograph(c))
            return -1 if _not_a_label(written) else position + 1
        if _ideograph(char):
            count += 1
        elif char not in _SHAPE_SPACES:
            return -1
        position += 1
    return -1


_OPENING: Final = "【〔［[《"
_NOT_A_VALUE: Final = "，。、；,.;）)》"
_WORD_LONGEST: Final = 30
_SOFT_REACH: Final = 24
_NOT_BETWEEN: Final = "。！？!?\n,，;；、"
_SHAPE_SHORTEST: Final = 2
_SHAPE_LONGEST: Final = 6
_SHAPE_LONGEST_BRACKETED: Final = 8
_SENTENCE_ENDS: Final = frozenset("。！？")
_GLOSS_LONGEST: Final = 8
_SHAPE_SPACE_RUN: Final = 4
_SHAPE_SPACES: Final = ' \u3000\u00a0?"'
_CLOSING: Final = {"【": "】", "〔": "〕", "［": "］", "[": "]"}
# What a value before a label on the same line ends with: a date, a code, a
# bracket, a count ('…2019-03-14 更新时间:', '…0次 | 上传用户:').
_AFTER_VALUE: Final = frozenset(
    '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz)）】]》”"|次期页号'
)


def ends_english_word(value: str, end: int) -> bool:
    """Whether a word of four or more letters, some in lower case, ends at ``end``."""
    start = end
    while (
        start > 0
        and end - start <= _WORD_LONGEST
        and value[start - 1].isascii()
        and (value[start - 1].isalpha())
    ):
        start -= 1
    word = value[start:end]
    return len(word) >= 4 and not word.isupper()


def ends_address(value: str, end: int) -> bool:
    """Whether an e-mail address or a web address ends at ``end``
    ('…E-mail: li@example.edu.cn作者简介:'): the run of Latin characters before it
    holds an '@', or ends in a dot and a domain's letters."""
    start = end
    while start > 0 and end - start <= _ADDRESS_LONGEST and value[start - 1].isascii():
        if value[start - 1].isspace():
            break
        start -= 1
    run = value[start:end]
    if "@" in run:
        return True
    dot = run.rfind(".")
    return 0 < dot < len(run) - 2 and run[dot + 1 :].isalpha()


_ADDRESS_LONGEST: Final = 80


def record_label(written: str, value: str, end: int) -> bool:
    """A record page's bare label between spaces, its value after it ('作者 张三 李四',
    '出处 《某刊》'): names of two to four ideographs before a space, or a title in
    《》 (as words of a sentence they stand between no spaces)."""
    following = value[end : end + 1]
    if written == "出处":
        return following == "《"
    if written not in ("作者", "Author", "Authors"):
        return False
    run = end
    while run < len(value) and run - end <= _LONGEST_NAME and "\u4e00" <= value[run] <= "\u9fff":
        run += 1
    return 2 <= run - end <= _LONGEST_NAME and value[run : run + 1] in (
        " ",
        "\u3000",
        ",",
        "，",
        ";",
        "；",
    )


_LONGEST_NAME: Final = 4


def spaced_items_follow(value: str, end: int) -> bool:
    """The line goes on with short items set apart by runs of spaces ('甲     乙'), two
    or more, up to its end or to a longer piece (the English title after them)."""
    line_end = value.find("\n", end)
    line = value[end : line_end if line_end >= 0 else min(len(value), end + _SPACED_ITEMS_LINE)]
    if "   " not in line or line[:1] in " \u3000":
        return False
    items = [item.strip() for item in line.split("   ") if item.strip()]
    if line_end < 0 and end + _SPACED_ITEMS_LINE < len(value):
        items.pop()  # cut by the reach
    short = 0
    for item in items:
        if len(item) > _SPACED_ITEM or any(c in "。，,；;：:" for c in item):
            break
        short += 1
    return short >= 2 and (short == len(items) or short >= _SPACED_ITEMS_BEFORE_MORE)


_SPACED_ITEMS_LINE: Final = 200
_SPACED_ITEM: Final = 20
_SPACED_ITEMS_BEFORE_MORE: Final = 3


def spaced_written(written: str) -> bool:
    """'摘 要', '关  键  词': a space between each of its Chinese characters."""
    core = written.strip(" \u3000")
    chars = [c for c in core if c not in " \u3000"]
    return len(chars) >= 2 and len(core) > len(chars) and all(c > "\x7f" for c in chars)


SPACED_FIELDS: Final = frozenset({"abstract", "keywords"})
"""Fields whose label, spaced out ('摘 要'), stands with no colon."""
