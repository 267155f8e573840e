# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Where a labelled value ends in a multi-line body: the rest of its line, and the
lines that go on with it (a ';' at the line's end, one author's bio a line, an
abstract's lines up to the next label), never across the English version of it.
"""

from __future__ import annotations

from typing import Final

from ..content.numbering import ends_paragraph
from ..label_forms import simplified_label
from ..labels import (
    ABSTRACT_PART_LONGEST,
    BLOCK_FIELDS,
    LIST_FIELDS,
    SHORT_FIELDS,
    abstract_part,
)
from ..state import Body
from ..tokens import Kind
from .names import MAX_NAME, is_han, valid_name
from .opening import opens_content


def line_value_end(st: Body, index: int, field: str) -> int:
    """In a multi-line body, a value is the rest of its line (up to a label on it);
    a value that ends in ';' goes on with the next line ('作者简介:张三，…；' then
    '李四，…。'), unless that line is a label or a heading."""
    tokens = st.tokens
    end = index
    while end < len(tokens) and tokens[end].kind is not Kind.LABEL:
        # (a separator of a multi-line body is a line end or a run of spaces that
        # sets items apart as one would: '文章编号:…   一、研究背景')
        if tokens[end].kind is Kind.SEP:
            previous = tokens[end - 1].text
            following = end + 1
            if "\n" not in tokens[end].text and _run_inside_value(st, field, following):
                end += 1
                continue
            if (
                field in SHORT_FIELDS
                or field in LIST_FIELDS
                or (previous[-1:] not in "；;" and not _next_bio(st, field, following))
                or tokens[end].text.count("\n") > 1
                or following >= len(tokens)
                or tokens[following].kind is not Kind.SEGMENT
                or (tokens[following].marker is not None and opens_content(st, following))
                or _latin_after_han(previous, tokens[following].text)
            ):
                break
        end += 1
    while end > index and tokens[end - 1].kind is Kind.SEP:
        end -= 1
    if field in ("abstract", "abstract_en"):
        lines_end = _abstract_lines(st, end)
        return _rubric_lines(st, end) if lines_end == end else lines_end
    return end


def _rubric_lines(st: Body, end: int) -> int:
    """A structured abstract with no label after it: the lines right after the
    value that open with a part's rubric ('方法:…', '材料和方法:…', '结论 …') are
    the abstract's; a blank line or any other line ends it."""
    tokens = st.tokens
    position = end
    last = end
    while position + 1 < len(tokens):
        separator = tokens[position]
        if separator.kind is not Kind.SEP or separator.text.count("\n") != 1:
            break
        token = tokens[position + 1]
        if token.kind is not Kind.SEGMENT or not _opens_with_rubric(token.text):
            break
        position += 2
        last = position
    return last


def _opens_with_rubric(text: str) -> bool:
    """'方法:…', '材料和方法：…', '结论 …': a part's rubric, then a colon or a space."""
    start = 0
    while start < len(text) and text[start] in " \t\u3000":
        start += 1
    cut = start
    while cut < len(text) and cut - start <= ABSTRACT_PART_LONGEST and is_han(text[cut]):
        cut += 1
    if cut == start or cut >= len(text) or text[cut] not in ":： \u3000":
        return False
    return abstract_part(simplified_label(text[start:cut]))


def item_before(st: Body, index: int, end: int) -> int:
    """Where a value of sentences that runs from ``index`` to ``end`` (a label after
    it) ends when a short piece with no sentence stands between its last sentence
    and a run of spaces before the label ('…效应。 下载论文网   关键词:'): a run of
    three spaces or more sets items apart on the line, so the piece is an item of
    its own, never the value's end."""
    tokens = st.tokens
    if end >= len(tokens) or tokens[end].kind is not Kind.SEP or not _item_run(tokens[end].text):
        return end
    position = end
    piece = 0
    while position > index and not ends_paragraph(tokens[position - 1].text):
        position -= 1
        piece += len(tokens[position].text)
        if piece > _LONGEST_ITEM:
            return end
    if position <= index or position == end:
        return end
    while position > index + 1 and tokens[position - 1].kind is Kind.SEP:
        position -= 1
    return position


def _item_run(separator: str) -> bool:
    """A run of spaces inside a line that sets items apart."""
    return (
        "\n" not in separator
        and len(separator) - len(separator.lstrip(" \u3000\u00a0")) >= _ITEM_RUN
    )


_ITEM_RUN: Final = 3
"""Spaces in a run that sets items apart on one line."""


_LONGEST_ITEM: Final = 20
"""Longest piece read as an item of its own between a value and a run of spaces."""


def _abstract_lines(st: Body, end: int) -> int:
    """An abstract printed over several lines ('目的 …' / '方法 …' / '结果 …'): the
    lines up to the next label are the abstract when that label comes within
    ``MAX_ABSTRACT_LINES`` lines and no heading stands before it."""
    tokens = st.tokens
    lines = 0
    position = end
    last = end  # the end of the last line of text on the way
    before = end  # the end of the line before it
    while position < len(tokens):
        token = tokens[position]
        if token.kind is Kind.LABEL:
            if token.field in BLOCK_FIELDS or position == end:
                return end
            if (
                position - 1 == last
                and _item_run(tokens[last].text)
                and len(tokens[last - 1].text) <= _LONGEST_ITEM
                and not ends_paragraph(tokens[last - 1].text)
            ):
                return before  # '下载论文网   关键词:': an item of its own before the label
            return last
        if token.kind is Kind.SEGMENT:
            if not any(c.isalnum() for c in token.text) or not any(is_han(c) for c in token.text):
                return last  # a bullet, the English title or abstract, before the next label
            before = last
            last = position + 1
            lines += 1
            if lines > MAX_ABSTRACT_LINES or (
                token.marker is not None and opens_content(st, position)
            ):
                return end
        position += 1
    return end


def _run_inside_value(st: Body, field: str, position: int) -> bool:
    """A run of spaces inside a line goes on with a list ('复合材料     低速冲击') or
    with prose; it ends a code ('文章编号:…   一、研究背景') and stops before a
    heading."""
    if field in SHORT_FIELDS or field == "doi" or position >= len(st.tokens):
        return False
    token = st.tokens[position]
    return token.kind is Kind.SEGMENT and not (
        token.marker is not None and opens_content(st, position)
    )


def _next_bio(st: Body, field: str, position: int) -> bool:
    """'作者简介' with one author a line ('甲乙，某大学教授。' then '丙丁(某学院讲师)'):
    a line that opens with a name before a comma or bracket goes on with the value."""
    if field != "author_info" or position >= len(st.tokens):
        return False
    text = st.tokens[position].text
    cut = 0
    while cut < len(text) and cut <= MAX_NAME and is_han(text[cut]):
        cut += 1
    return 2 <= cut <= MAX_NAME and text[cut : cut + 1] in _BIO_NAME_END and valid_name(text[:cut])


_BIO_NAME_END: Final = ("(", "（", ",", "，")


def _latin_after_han(previous: str, following: str) -> bool:
    """A line with no Chinese character after one with them: the English version of
    the value, which goes on no Chinese value ('…；' then 'The study …')."""
    return any(is_han(c) for c in previous) and not any(is_han(c) for c in following)


MAX_ABSTRACT_LINES: Final = 6
"""How many more lines an abstract in a multi-line body may take to reach the next label."""
