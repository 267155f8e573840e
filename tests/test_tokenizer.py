"""The tokenizer's shortcuts agree with the plain patterns they stand for.

Labels are only tried where one can start, and single-line bodies are split
with ``str.split``; both must find exactly what a full scan with the patterns
in ``patterns.py`` finds.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from strategies import mixed_text

from articleparse.parser import patterns
from articleparse.parser.label_scan import (
    _label_field,
    _labels,
    _without_inner_repeats,
)
from articleparse.parser.label_shapes import _after_colon
from articleparse.parser.label_stands import lost_opening, stands_as_label, stands_glued
from articleparse.parser.labels import FRONT_LABELS, SHAPE_LABEL
from articleparse.parser.segments import _raw_separators, _separators
from articleparse.parser.tokens import Kind

PIECES = [
    *" ||\n\r\t\u3000aKk:：;；。）)】]【〔[［1.一、",
    *(
        "摘要",
        "摘 要",
        "关键词",
        "關鍵詞",
        "Key words",
        "Abstract",
        "DOI",
        "doi",
        "参考文献",
        "注释",
    ),
    *("作者简介", "中图分类号", "文献标识码", "内容摘要", "提要"),
    # every form, half-converted and spaced ones, and words that start like a label
    *(form for forms in FRONT_LABELS.values() for form in forms),
    *("摘? 要", "摘\u00a0要", "关 键\u3000词", "中圖分类号", "文獻标志码", "Key Words", "KeyWords"),
    *("作方", "基层", "内在", "关于", "Abs", "Key", "KEY", "摘", "?"),
]
LABELISH = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
bodies = st.one_of(mixed_text, LABELISH)


def _full_scan(value: str, multiline: bool) -> list[tuple[int, int, str]]:
    """Every position tried: a label at a boundary, or glued to the text before it."""
    found: list[tuple[int, int, Kind, str]] = []
    glued: list[int] = []
    position = 0
    while position < len(value):
        match = patterns.FRONT_LABEL_AT.match(value, position)
        if match is not None:
            field = _label_field(match)
            boundary = patterns.FRONT_LABEL.match(value, position) is not None
            if boundary and lost_opening(match, value):
                found.append(
                    (match.start(), _after_colon(value, match.end() + 1), Kind.LABEL, field)
                )
                position = found[-1][1]
                continue
            stands = (
                stands_as_label(match, field, value, multiline)
                if boundary
                else stands_glued(match, field, value)
            )
            if stands:
                found.append((match.start(), match.end(), Kind.LABEL, field))
                if not boundary:
                    glued.append(len(found) - 1)
                position = match.end()
                continue
        position += 1
    # a glued label whose field a label at a boundary writes again is inside a value
    kept = _without_inner_repeats(found, glued) if glued else found
    return [(start, end, field) for start, end, _, field in kept]


@given(bodies)
@example(" 内容摘要 \n")
@example(";摘 要")  # a spaced label glued after a mark, with no colon
@example("x 【来源:某刊】 摘要】本文")  # a label inside a meta bracket; one that lost its bracket
@example("一摘要:")  # a label of the table glued inside a run of the same shape
@example(
    "标题注释:"
)  # a block label glued inside a label found by its shape  # a bare label after the indentation of the first line
def test_label_candidates_find_what_a_full_scan_finds(value: str) -> None:
    multiline = "\n" in value
    found = _labels(value, _separators(value, multiline), multiline)
    # labels of the table (those found by their shape alone are another scan's, and
    # a block label glued inside one, '标题注释:', is part of it)
    got = [(start, end, field) for start, end, _, field in found if field != SHAPE_LABEL]
    shapes = [(start, end) for start, end, _, field in found if field == SHAPE_LABEL]
    expected = [
        label
        for label in _full_scan(value, multiline)
        if not any(start < label[0] < end for start, end in shapes)
    ]
    assert got == expected


@given(st.text(alphabet=st.sampled_from(list("  ab,.(1'\"中文")), max_size=60))
def test_single_line_split_matches_the_separator_pattern(value: str) -> None:
    # the str.split fast path against the pattern; _separators then keeps the
    # spaces inside a spaced heading number ('1. 1 ') out on purpose
    expected = [m.span() for m in patterns.SPACE_SEPARATOR.finditer(value)]
    assert _raw_separators(value, multiline=False) == expected
