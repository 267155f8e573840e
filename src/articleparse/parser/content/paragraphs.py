# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Paragraphs: a segment, the tokens glued to it, and in a single-line body
every space that does not end it.

A space ends a paragraph only where a paragraph can end
(:func:`~.numbering.ends_paragraph`), before a heading, a label or site chrome.
"""

from __future__ import annotations

from typing import Final

from ...model import Section
from .. import patterns
from ..back.chrome_line import end_chrome
from ..labels import (
    UNNUMBERED_TITLES,
)
from ..paragraph_checks import tag_list
from ..state import Body
from ..tokens import Kind, Marker
from .citations import citation_run
from .numbering import ends_paragraph
from .plan import heading_plan
from .wraps import MOST_WRAP_BREAKS, bracketed_link, cell_bar, left_open, line_goes_on


def paragraph(st: Body, index: int, skip: int = 0) -> int:
    """A paragraph from the segment at ``index`` (from its offset ``skip``).

    Tokens glued to it (a label with no space before it) belong to it; in a
    single-line body so does every space that does not end it.
    """
    tokens = st.tokens
    first = tokens[index]
    if not st.multiline and not skip:
        cited = citation_run(st, index)
        if cited > index:
            # '张三. 题名[J]. 刊名, 2021, 21(4): 94-105.': one line, whose full stops
            # after the names and the title end no paragraph
            st.tree.add_paragraph("".join(t.text for t in tokens[index:cited]), first.start)
            return cited
    if not st.multiline and not skip and not st.tree.prose and not st.tree.open_sections:
        opening = leading_chrome(st, index)
        if opening > index:
            # 'English • 铂族金属因…', '甲,乙,丙* 近半个世纪,…': what the page printed
            # before the text, glued to it by the single line, is a piece of its own
            st.tree.add_paragraph("".join(t.text for t in tokens[index : opening - 1]), first.start)
            return opening - 1
    if not skip and not st.tree.prose and not st.tree.open_sections:
        opening = bullet_opening(first.text)
        if opening > 0:
            # '• 中文化学名词自…。': the page's bullet before the text's first sentence
            marks = len(first.text) - len(first.text.lstrip(_BULLETS))
            st.tree.add_chrome(first.text[:marks])
            st.tree.add_text(first.text[marks:opening])
            skip = opening
    if not skip:
        advert = bracketed_link(first.text)
        if advert > 0:
            # '【某某设备http://www.example.cn】污水处理技术…': a site's link in black
            # brackets glued before a sentence is chrome; the sentence is the paragraph
            st.tree.add_chrome(first.text[:advert])
            skip = advert
    pieces = [first.text[skip:] if skip else first.text]
    end = _glue(st, pieces, index + 1)
    # '引言 随着…': a title written with no number stands as a paragraph of its own
    # and so does a short phrase shaped like a title ('…打通。 发展现状 随着…')
    item = (
        first.marker if first.marker is not None and first.marker.scheme in ITEM_SCHEMES else None
    )
    # and so does a list item's title ('(1)现实需求分析 用户调研。…')
    alone = len(pieces) == 1 and (
        pieces[0] in UNNUMBERED_TITLES
        or (item is None and _title_shaped(st, end, pieces[0]))
        or (item is not None and _title_shaped(st, end, pieces[0][item.title_start :], True))
    )
    if not st.multiline and not alone:
        while (
            end + 1 < len(tokens)
            and tokens[end].kind is Kind.SEP
            and tokens[end + 1].kind is Kind.SEGMENT
            and not ends_paragraph(pieces[-1])
        ):
            following = end + 1
            if end_chrome(tokens[following].text) is not None:
                break  # chrome never enters a paragraph
            if cell_bar(tokens[end].text):
                break  # ' | ': a table's cells end there
            if _contents_end(pieces[-1]) or _contents_end(tokens[following].text):
                break  # '检测方法……2 现场试验……5': entries of a table of contents
            marker = tokens[following].marker
            if marker is not None:
                plan = heading_plan(st, following, after_open=True)
                if plan is not None:
                    st.planned = (following, plan)  # _heading takes it from here
                    break
                if _next_item(marker, item, pieces[-1]):
                    break  # '…如下: (1)…' or '(1)… (2)…': a list item is a paragraph
            pieces.append(tokens[end].text)
            pieces.append(tokens[following].text)
            end = _glue(st, pieces, following + 1)
    elif st.multiline and not alone:
        line = 0  # where the paragraph's last line starts in ``pieces``
        while (
            end + 1 < len(tokens)
            and tokens[end].kind is Kind.SEP
            and "\n" in tokens[end].text
            and tokens[end].text.count("\n") <= MOST_WRAP_BREAKS
            and not cell_bar(tokens[end].text)
            and tokens[end + 1].kind is Kind.SEGMENT
            and (
                left_open("".join(pieces[line:]))
                or (
                    tokens[end + 1].marker is None
                    and line_goes_on(
                        "".join(pieces[line:]),
                        tokens[end + 1].text,
                        tokens[end].text.count("\n") > 1,
                    )
                )
            )
        ):
            pieces.append(tokens[end].text)
            line = len(pieces)
            pieces.append(tokens[end + 1].text)
            end = _glue(st, pieces, end + 2)
    text = pieces[0] if len(pieces) == 1 else "".join(pieces)
    st.tree.add_paragraph(text, first.start + skip)
    return end


def _contents_end(text: str) -> bool:
    """A segment that ends like a table of contents entry: leader dots, a page."""
    if not text[-1:].isdigit():
        return False  # '需求分析... 1': the page follows after a space
    found = patterns.TOC_ENTRY.search(text, max(0, len(text) - _CONTENTS_TAIL))
    return found is not None and found.end() == len(text)


_CONTENTS_TAIL: Final = 12


def bullet_opening(text: str) -> int:
    """Where the sentence starts in '• 中文化学名词自…。' (a page's bullet, a space,
    then a sentence of Chinese text); 0 if ``text`` does not open so."""
    marks = len(text) - len(text.lstrip(_BULLETS))
    if not marks:
        return 0
    start = marks
    while start < len(text) and text[start] in " \t\u3000\u00a0":
        start += 1
    if start == marks or start >= len(text) or "。" not in text:
        return 0
    first = text[start]
    return start if "\u4e00" <= first <= "\u9fff" or first in "“《「" else 0


_BULLETS: Final = "•●■◆▪▸►"


def leading_chrome(st: Body, index: int) -> int:
    """In a single-line body before the text: the token index of the segment where a
    sentence starts after chunks that stand alone (symbols, Latin words, a list of
    names, a short 'label:value', the title again, a word; each of up to
    :data:`_MAX_CHUNK` characters, a run of Latin words counting as one);
    ``index`` if the paragraph does not open so. One such chunk is enough when it is
    no bare word (symbols, Latin, a list, a mark); a bare word ('近年来') needs another."""
    tokens = st.tokens
    end = index
    chunks = 0
    steps = 0
    marked = False
    latin = False
    while (
        chunks < _MAX_CHUNKS
        and steps < _MAX_STEPS
        and end + 2 < len(tokens)
        and tokens[end].kind is Kind.SEGMENT
        and tokens[end + 1].kind is Kind.SEP
        and tokens[end + 2].kind is Kind.SEGMENT
    ):
        if tokens[end].marker is not None:
            break  # a heading's number ('1 引言', '一、'): never chrome
        after_title = _title_again_at(st, end)
        if after_title > end:
            chunks += 1
            marked = True
            latin = False
            end = after_title
            continue
        kind = _chunk_kind(tokens[end].text)
        if not kind:
            break
        steps += 1
        if kind != _LATIN or not latin:
            chunks += 1  # a run of Latin words ('Tradition as a …') is one chunk
        latin = kind == _LATIN
        marked = marked or kind != _WORD
        end += 2
    if not chunks or end >= len(tokens) or tokens[end].kind is not Kind.SEGMENT:
        return index
    if chunks == 1 and not marked:
        return index
    opening = tokens[end].text[:1]
    if not ("\u4e00" <= opening <= "\u9fff" or opening in "“《「"):
        return index
    if tokens[index].text in UNNUMBERED_TITLES or tokens[end].marker is not None:
        return index
    return end


def _title_again_at(st: Body, index: int) -> int:
    """The index of the segment after the document's title written again from
    ``index`` over whole segments (and the separator after it); ``index`` if the
    title does not stand there."""
    title = st.tree.scalars.get("title")
    tokens = st.tokens
    if not title or not title.startswith(tokens[index].text[:2]):
        return index
    key = "".join(title.split())
    size = 0
    end = index
    while end < len(tokens) and size < len(key):
        if tokens[end].kind is Kind.SEGMENT:
            size += len(tokens[end].text)
        elif tokens[end].kind is not Kind.SEP:
            return index
        end += 1
    written = "".join(t.text for t in tokens[index:end] if t.kind is Kind.SEGMENT)
    if written != key or end + 1 >= len(tokens) or tokens[end].kind is not Kind.SEP:
        return index
    return end + 1


_WORD: Final = "word"
_MARKED: Final = "marked"
_LATIN: Final = "latin"
_MAX_CHUNK: Final = 20
_MAX_CHUNKS: Final = 12
_MAX_STEPS: Final = 80
_MAX_LATIN: Final = 300
_NAME_MARKS: Final = frozenset(",，、;；*＊#")
_CHUNK_END: Final = frozenset("。！？!?；;…")


def _chunk_kind(text: str) -> str:
    """How a chunk stands alone: '' (it does not: a sentence's start or end), a bare
    word, or a marked chunk (symbols, Latin words, a list of names, 'label:value')."""
    if text.isascii() and len(text) <= _MAX_LATIN and text[-1] not in ".?!":
        # 'Loading', an English title glued into one segment ('Tradition as a …')
        return _LATIN if any(c.isalpha() for c in text) else _MARKED
    if len(text) > _MAX_CHUNK:
        return _MARKED if len(text) <= _MAX_LATIN and tag_list(text) else ""
    if text[-1] in _CHUNK_END or "。" in text:
        return ""
    if not any(c.isalnum() for c in text):
        return _MARKED
    colon = max(text.find(":"), text.find("："))
    if 0 < colon < len(text) - 1:
        return _MARKED  # '发布时间:2024-08-27'
    core = text.rstrip(",，、")
    if core and all(c.isalnum() or c in _NAME_MARKS for c in core):
        if any(c in _NAME_MARKS for c in core):
            return _MARKED  # '甲,乙,丙*', '张三,李四,'
        if _essay_counter(core):
            return _MARKED  # '某某研究篇1': a collection's counter before each essay
        return _WORD if core == text else ""  # not the opening clause '近年来,'
    return ""


def _essay_counter(text: str) -> bool:
    """'木偶戏传承研究篇1': words, then '篇' and the essay's number in the collection."""
    digits = len(text)
    while digits > 0 and text[digits - 1].isdigit():
        digits -= 1
    return 0 < len(text) - digits <= 2 and digits >= 3 and text[digits - 1] == "篇"


def _title_shaped(st: Body, end: int, text: str, item: bool = False) -> bool:
    """An unnumbered section title standing first in its paragraph of a single-line
    body: 4 to 20 Chinese characters (and their pinyin, on mirror sites) with no
    punctuation, not ending in a word that
    goes on ('的', '和', '在' …), before a segment that starts a longer text
    (``item``: the title of a list item, after its marker)."""
    tokens = st.tokens
    if st.multiline or not text or len(text) > _MAX_TITLE * 3 or text[-1] in _GOES_ON:
        return False
    if not item and isinstance(st.tree.last_node, Section):
        return False  # right under a heading, the words open its text ('一、引言 新时代…聚焦 “…”')
    if not _MIN_TITLE <= _han_count(text) <= _MAX_TITLE:
        return False
    if end + 1 >= len(tokens) or tokens[end].kind is not Kind.SEP:
        return False
    following = tokens[end + 1]
    if following.kind is not Kind.SEGMENT or len(following.text) < _MIN_TITLE * 2:
        return False
    # not '条件 [2]。': there the sentence goes on
    return following.text[0].isalnum() or following.text[0] in "“《"


def _han_count(text: str) -> int:
    """How many Chinese characters ``text`` holds when it holds nothing else but the
    pinyin that mirror sites write after some of them ('發(fā)展'); -1 otherwise."""
    count = 0
    index = 0
    while index < len(text):
        char = text[index]
        if "\u4e00" <= char <= "\u9fff":
            count += 1
            index += 1
            continue
        close = text.find(")", index) if char == "(" and count else -1
        if close < 0 or close - index > 8 or not all(_pinyin(c) for c in text[index + 1 : close]):
            return -1
        index = close + 1
    return count


def _pinyin(char: str) -> bool:
    return "a" <= char <= "z" or "\u00e0" <= char <= "\u01dc"


_MIN_TITLE: Final = 4
_MAX_TITLE: Final = 20
_GOES_ON: Final = frozenset("的了和与及在是对把被将从向为着过地得之而并或其所这那每各该")


ITEM_SCHEMES: Final = frozenset(("arabic-paren", "arabic-half-paren", "circled", "cn-paren"))
"""Markers that start a list item ('(1)', '1)', '①', '(一)') when they are not headings."""
_LEAD_IN_ENDS: Final = frozenset(":：;；")


def _next_item(marker: Marker, item: Marker | None, before: str) -> bool:
    """Whether ``marker``, after a space, starts a list item of its own: the next
    item of the list this paragraph opens with, or a first item after a lead-in
    ending in a colon or semicolon."""
    if marker.scheme not in ITEM_SCHEMES:
        return False
    if item is not None and item.scheme == marker.scheme:
        return marker.parts[0] == item.parts[0] + 1
    return marker.parts[0] == 1 and before[-1:] in _LEAD_IN_ENDS


def _glue(st: Body, pieces: list[str], end: int) -> int:
    tokens = st.tokens
    while end < len(tokens) and tokens[end].kind is not Kind.SEP:
        pieces.append(tokens[end].text)
        end += 1
    return end
