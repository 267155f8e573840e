# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Where a labelled value ends, field by field.

A DOI ends at whitespace; a bracketed value at its closing bracket; in a
multi-line body a value is the rest of its line; in a single-line body a code
is one segment of its shape, a list runs over short items, and prose runs to
the next label or to the end of a sentence (the reach limits below).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import regex

from .. import patterns
from ..checks import prose, value_shape
from ..content.numbering import ends_paragraph, find_marker
from ..labels import (
    BLOCK_FIELDS,
    LIST_FIELDS,
    SHORT_FIELDS,
    UNNUMBERED_TITLES,
)
from ..state import Body
from ..tokens import Kind, Token
from .blocks import record_gap
from .line_values import _next_bio, item_before, line_value_end
from .opening import opens_content


def value_end(st: Body, index: int, field: str, bracketed: bool = False) -> int:
    tokens = st.tokens
    if index >= len(tokens) or tokens[index].kind is not Kind.SEGMENT:
        return index
    if field == "doi":
        return _doi_end(st, index)
    if bracketed:
        closed = _bracket_end(st, index)
        if closed is not None:
            return closed
    if field == "source":
        return _source_end(st, index)
    if st.multiline:
        return line_value_end(st, index, field)
    if field in SHORT_FIELDS:
        return _short_value_end(st, index, field)
    if (
        field in LIST_FIELDS
        and index > 0
        and record_gap(tokens[index - 1].text)
        and index + 1 < len(tokens)
        and tokens[index + 1].text == " "
    ):
        # a record page's item ('关键词  甲 ; 乙 ; tea garden  学位类别  …'): the pieces
        # a single space sets apart, to the next gap
        end = index + 1
        while (
            end + 1 < len(tokens)
            and tokens[end].kind is Kind.SEP
            and tokens[end].text == " "
            and tokens[end + 1].kind is Kind.SEGMENT
        ):
            end += 2
        return end
    if field in LIST_FIELDS:
        if prose(tokens[index].text):
            return index  # '关键词: 美术馆的…。许多…': an empty label, then a paragraph
        latin = field == "keywords_en"
        reach, at_label = _reach(
            st, index, MAX_LIST_SEGMENTS, lambda position: _stops_list(st, position, latin)
        )
        return reach if reach is not None and at_label else _list_end(st, index)
    chinese = not field.endswith("_en")
    reach, at_label = _reach(
        st, index, MAX_VALUE_SEGMENTS, lambda position: _stops_value(st, position, chinese)
    )
    if reach is not None and at_label and field in ("abstract", "abstract_en"):
        # an abstract of several paragraphs runs to the next label
        return item_before(st, index, reach)
    end = _sentence_end(st, index, reach, field in _CODED_FIELDS)
    while (
        field == "author_info"
        and end + 1 < len(tokens)
        and (reach is None or end + 1 < reach)
        and tokens[end].kind is Kind.SEP
        and _next_bio(st, field, end + 1)
    ):
        end = _sentence_end(st, end + 1, reach, False)  # '甲乙,…。 丙丁,…。': one bio each
    return _postcode_end(st, index, end) if field == "affiliations" else end


def _source_end(st: Body, index: int) -> int:
    """Where an article was printed: one segment ('《某刊》2019年第4期'), or on a
    site's meta line up to a bar or a gap of spaces ('来源:某刊 | 被引量:0次',
    '来源:某刊   浏览次数:233')."""
    tokens = st.tokens
    text = tokens[index].text
    cut = _meta_gap(text)
    if cut > 0:
        rest = cut
        while rest < len(text) and text[rest] in _GAP_CHARS:
            rest += 1
        _split_token(st, index, cut, rest)
        return index + 1
    end = index + 1
    while (
        end + 1 < len(tokens)
        and tokens[end].kind is Kind.SEP
        and "\n" not in tokens[end].text
        and tokens[end + 1].kind is Kind.SEGMENT
        and _ISSUE.match(tokens[end + 1].text) is not None
    ):
        end += 2  # '《某刊》 2004年第2期55-57,共3页': the issue after the journal
    return end


# A journal issue after its name: '2004年第2期', '2019,41(3)', '2004年 第2期'.
_ISSUE: Final = regex.compile(
    r"(?:19|20)\d\d(?:年第?\d{1,3}[期卷]|[,，]\s?(?:Vol\.\s?)?\d{1,3}\s?[(（])"
)


def _meta_gap(text: str) -> int:
    """Where a value on a site's meta line ends: before ' | ' or two spaces; -1."""
    bar = text.find(" |")
    gap = text.find("  ")
    found = min(bar, gap) if bar >= 0 and gap >= 0 else max(bar, gap)
    return found if found > 0 else -1


def _postcode_end(st: Body, index: int, end: int) -> int:
    """A single-line affiliation value that would run on into prose ends after the
    postcode before it ('作者单位：某大学，湖南 长沙 410081 该方法…。')."""
    tokens = st.tokens
    for position in range(index, end - 2):
        token = tokens[position]
        following = tokens[position + 2]
        if (
            token.kind is Kind.SEGMENT
            and _ends_with_postcode(token.text)
            and tokens[position + 1].kind is Kind.SEP
            and following.kind is Kind.SEGMENT
            and any(c in "。！？" for c in following.text)
        ):
            return position + 1
    return end


def _short_value_end(st: Body, index: int, field: str) -> int:
    """'中图分类号: D630', '文献标识码: A': one segment of the field's shape (or
    none), and for CLC codes the codes that follow ('TP391; TP18')."""
    tokens = st.tokens
    text = tokens[index].text
    if field == "document_code" and len(text) > 2 and text[1] == " " and text[0].isupper():
        # 'A Lightweight detection…': the space after a one-letter code separates,
        # though it stands between Latin letters
        _split_token(st, index, 1, 2)
    text = tokens[index].text
    end = index + 1
    if (
        field == "clc"
        and patterns.CLC_CLASS.fullmatch(text) is not None
        and index + 2 < len(tokens)
        and tokens[index + 1].text == " "
        and patterns.CLC_NUMBER.fullmatch(tokens[index + 2].text) is not None
    ):
        end = index + 3  # 'G 807.04': the class letter, a space, the number
    elif not value_shape(field, text):
        return index
    while (
        field == "clc"
        and end + 1 < len(tokens)
        and tokens[end].kind is Kind.SEP
        and tokens[end + 1].kind is Kind.SEGMENT
        and (
            tokens[end - 1].text[-1] in ";；,，、"
            or patterns.CLC_CODE.fullmatch(tokens[end + 1].text) is not None
        )
    ):
        end += 2
    return end


def _doi_end(st: Body, index: int) -> int:
    """A DOI ends at whitespace or a comma ('10.12677/ACM.2022.12121697, PDF, …')."""
    text = st.tokens[index].text
    cut = next((i for i, c in enumerate(text) if c in _DOI_END), len(text))
    if 0 < cut < len(text):
        rest = cut
        while rest < len(text) and text[rest] in _DOI_END:
            rest += 1
        if rest < len(text):
            _split_token(st, index, cut, rest)
    return index + 1 if value_shape("doi", st.tokens[index].text) else index


def _bracket_end(st: Body, index: int) -> int | None:
    """After '（作者单位：', the value ends with the closing bracket (a segment is
    cut after it when more text is glued to it)."""
    tokens = st.tokens
    for position in range(index, min(len(tokens), index + MAX_LIST_SEGMENTS)):
        token = tokens[position]
        if token.kind is Kind.LABEL:
            return None
        if token.kind is not Kind.SEGMENT:
            continue
        found = next((i for i, c in enumerate(token.text) if c in _CLOSING_BRACKETS), -1)
        if found < 0:
            continue
        if found + 1 < len(token.text):
            _split_token(st, position, found + 1, found + 1)
        return position + 1
    return None


def _split_token(st: Body, index: int, cut: int, rest: int) -> None:
    """Cut the segment at ``index`` into a segment, a separator (none when
    ``cut == rest``) and a segment."""
    token = st.tokens[index]
    text = token.text
    start = token.start
    pieces = [Token(Kind.SEGMENT, text[:cut], start, marker=find_marker(text[:cut]))]
    if rest > cut:
        pieces.append(Token(Kind.SEP, text[cut:rest], start + cut))
    pieces.append(Token(Kind.SEGMENT, text[rest:], start + rest, marker=find_marker(text[rest:])))
    st.tokens[index : index + 1] = pieces


def _list_end(st: Body, index: int) -> int:
    """A list with no label after it: items that end in a separator, or short
    space-separated items ('民事 调解 仲裁'), up to the first longer text."""
    tokens = st.tokens
    end = index + 1
    # a list split by ';' or ',' goes on only after a separator; one split by
    # spaces goes on over short items
    spaced = not any(c in ";；,，、" for c in tokens[index].text[:-1])
    while end + 1 < len(tokens) and tokens[end].kind is Kind.SEP:
        following = tokens[end + 1]
        if following.kind is not Kind.SEGMENT:
            break
        if following.marker is not None and opens_content(st, end + 1):
            break  # '…卷积网络; 1 引言'
        previous = tokens[end - 1].text
        if previous[-1] in "。." or not _short_item(following, previous):
            break
        if previous[-1] not in ";；,，、" and not spaced:
            break
        end += 2
    return end


def _sentence_end(st: Body, index: int, reach: int | None, coded: bool) -> int:
    """Up to the first place where a paragraph can end (or ``reach``); ``coded``:
    a value that may end with a bracketed code ('…课题(2020JJ3412)') ends there."""
    tokens = st.tokens
    limit = reach if reach is not None else min(len(tokens), index + MAX_VALUE_SEGMENTS)
    end = index + 1
    while end < limit and not ends_paragraph(tokens[end - 1].text):
        if tokens[end].kind is Kind.LABEL:
            break
        if coded and tokens[end - 1].text[-1:] in ")）" and tokens[end].kind is Kind.SEP:
            break
        end += 1
    while end > index + 1 and tokens[end - 1].kind is Kind.SEP:
        end -= 1
    return end


def _reach(
    st: Body, index: int, limit: int, stops: Callable[[int], bool]
) -> tuple[int | None, bool]:
    """In a single-line body, where a value running to the next label or to a
    segment that ``stops`` it ends (separators before it left out), and whether
    a label ended it; None when neither is near."""
    tokens = st.tokens
    segments = 0
    for position in range(index, len(tokens)):
        token = tokens[position]
        at_label = token.kind is Kind.LABEL and token.field not in BLOCK_FIELDS
        if token.kind is Kind.LABEL or (token.kind is Kind.SEGMENT and stops(position)):
            if position == index:
                return None, False
            end = position
            while end > index and tokens[end - 1].kind is Kind.SEP:
                end -= 1
            return end, at_label
        if token.kind is Kind.SEGMENT:
            segments += 1
            if segments > limit:
                return None, False
    return None, False


def _stops_value(st: Body, position: int, chinese: bool) -> bool:
    """A heading ends a value: with its title glued to its number ('1引言'), or
    after the end of a sentence or of a code-like value ('…。 1 引言',
    '…(19BZZ001) 1 引言'), never after a word inside a sentence ('分为 1 组').
    ``chinese``: so does an English title after the end of a Chinese value."""
    tokens = st.tokens
    token = tokens[position]
    marker = token.marker
    if position < 2:
        return False
    previous = tokens[position - 2].text
    if marker is None:
        text = token.text
        return (
            chinese
            and text.isascii()
            and " " in text
            and text[0].isupper()
            and not previous.isascii()
            and (ends_paragraph(previous) or previous[-1:] in _VALUE_END)
        )
    glued = marker.title_start < len(token.text)
    after_value = ends_paragraph(previous) or previous[-1:] in _VALUE_END
    return (glued or after_value) and opens_content(st, position)


def _stops_list(st: Body, position: int, latin: bool) -> bool:
    """A heading or a piece of prose ends a single-line list, and so does an
    English phrase after a Chinese one."""
    token = st.tokens[position]
    if token.marker is not None and opens_content(st, position):
        return True
    text = token.text
    if text.isascii():
        return not latin and " " in text
    return len(text) > 30 or any(c in "。，！？" for c in text[:-1])


def _ends_with_postcode(text: str) -> bool:
    """'410081', '210000）', '250100;': a six-digit postcode at the end of ``text``."""
    core = text.rstrip(")）;；,，")
    return (
        len(core) >= 6 and core[-6:].isascii() and core[-6:].isdigit() and not core[-7:-6].isdigit()
    )


def _short_item(token: Token, previous: str) -> bool:
    """A keyword: short, no punctuation, no heading marker, and not an English phrase
    after Chinese items (or Chinese after English)."""
    text = token.text
    if text in _SLASHES:
        return True  # '甲 / 乙': the separator, standing between spaces
    if (
        previous not in _SLASHES
        and text.isascii() != previous.isascii()
        and (" " in text or not text.isascii())
    ):
        return False  # an English phrase after Chinese items, or Chinese after English
    if text[-1] == "。" and len(text) <= _LAST_ITEM:
        text = text[:-1]  # '电子商务。': the last item (no paragraph is so short)
    return (
        len(text) <= 15
        and token.marker is None
        and text not in UNNUMBERED_TITLES  # '… 乙 丙 引言 随着…'
        and not any(c in "。！？，,：:" for c in text)
    )


MAX_VALUE_SEGMENTS: Final = 120
"""How many segments a single-line front-matter value may span to reach the next label."""


MAX_LIST_SEGMENTS: Final = 12
"""How many segments a single-line list (keywords) may span to reach the next label."""


_CODED_FIELDS: Final = frozenset({"fund", "extra"})


_CLOSING_BRACKETS: Final = frozenset("）)】〕］")


_SLASHES: Final = frozenset({"/", "／"})


_GAP_CHARS: Final = " |\u3000\u00a0"


_DOI_END: Final = frozenset(" \t\u3000\u00a0,，;；")


# How a value that is no sentence may end: a bracket, a digit, a Latin letter.
_VALUE_END: Final = frozenset(
    ")）]】" + "0123456789" + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)


_LAST_ITEM: Final = 9
"""Longest keyword that may end a space-separated list with '。'."""
