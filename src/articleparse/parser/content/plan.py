# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Whether a numbered segment is a heading, and its parts, before the tree changes.

:func:`heading_plan` reads the marker, the title (glued, after a space, on the
next segment, padded '引 言'), a run-in title's paragraph, and asks the
numbering state for a verdict. Nothing is written: a plan may be dropped.
"""

from __future__ import annotations

from typing import Final

from .. import patterns
from ..labels import (
    UNNUMBERED_TITLES,
)
from ..paragraph_checks import title_again
from ..patterns import is_han
from ..state import Body, HeadingPlan
from ..tokens import Kind, Marker, Token
from .numbering import (
    MAX_TITLE_CHARS,
    PARAGRAPH_END_CHARS,
    find_marker,
    is_quantity,
    looks_like_title,
)


def heading_plan(st: Body, index: int, after_open: bool) -> HeadingPlan | None:
    """Whether the segment at ``index`` is a heading, and its parts.

    ``after_open``: the segment follows a paragraph that has not ended, where a
    bare number standing alone ('2', then its title after a space) is running
    text; a marker glued to its title or punctuated ('3结论', '一、') still
    starts a heading.
    """
    tokens = st.tokens
    token = tokens[index]
    marker = token.marker
    assert marker is not None
    segment = token.text
    if marker.scheme == "decimal" and _spaced_number(tokens, index):
        return None
    strong = _punctuated_marker(marker, segment)
    title = segment[marker.title_start :]
    gap = segment[marker.end : marker.title_start]
    end = index + 1
    title_at, title_offset = index, marker.title_start
    title_end = token.start + len(segment)
    run_in = ""
    skip = 0
    if not title:
        if after_open and not _strong_marker(marker, segment):
            return None  # '共有 2 所学校': a number standing alone inside a sentence
        following = _title_after(st, index, marker, strong)
        if following is None:
            return None
        if not following:
            # a number alone ('(一)', '一' on its line) before text that is no
            # title: a heading with no title
            verdict = st.tree.numbering.judge(marker.scheme, marker.parts)
            if verdict is None:
                return None
            return HeadingPlan(verdict, "", gap, end, title_end, "", index, 0)
        gap += tokens[index + 1].text
        title = following
        title_end = tokens[index + 2].start + len(title)
        end = index + 3
        title_at, title_offset = index + 2, 0
    if len(title) == 1 and title_offset + 1 == len(tokens[title_at].text):
        padded = _padded_title(st, title_at, title)
        if padded:
            title += padded
            end = title_at + 3
            title_end = tokens[end - 1].start + 1
    chain = _glued_child(title, marker) if len(title) <= MAX_TITLE_CHARS else 0
    if chain:
        # '1 研究背景1.1 国内研究现状': the first child glued to the title
        title = title[:chain]
        title_end = tokens[title_at].start + title_offset + chain
        chain += title_offset
        end = title_at
    if not looks_like_title(title) and not (strong and _question_title(title)):
        # '（一）加强领导。各级…', and in a single-line body '2.1 施工准备。开工前…'
        split = _run_in(title, st.multiline, strong or title_at != index)
        if split is not None:
            cut, paragraph_at = split
            run_in = title[cut:paragraph_at]
            skip = title_offset + paragraph_at
            title = title[:cut]
            title_end = tokens[title_at].start + title_offset + cut
    closed = False
    if not run_in and strong and title_at == index and _closed_title(title):
        # '1.学生参与度普遍偏低。' alone: a punctuated number, a short title, its full stop
        closed = True
        run_in = title[-1]
        title = title[:-1]
        title_end -= 1
    if not looks_like_title(title) and not (strong and _question_title(title)):
        return None
    if not st.tree.sections and not st.tree.prose and _title_follows(st, end):
        return None  # '1. 某篇相关文章' above the title written again: the page's list
    verdict = st.tree.numbering.judge(marker.scheme, marker.parts)
    if closed and (verdict is None or verdict.warning is not None):
        return None  # a numbered sentence that does not continue the outline exactly
    if (
        verdict is None
        and not run_in
        and not chain
        and not st.tree.sections
        and not any(char in title for char in ",，")
    ):
        # a page that holds a later part of an article: its first heading, before
        # any text or, on a line of its own (on one line: '4.' and a Chinese title
        # after a sentence's end), after the part's first paragraphs
        alone = strong and (
            st.multiline
            or (marker.scheme == "decimal" and is_han(title[0]) and _after_sentence(st, index))
        )
        if not st.tree.preamble or alone:
            verdict = st.tree.numbering.judge_later_part(
                marker.scheme, marker.parts, alone or (strong and st.multiline)
            )
    if verdict is None:
        if title_at == index and _line_of_its_own(st, index, marker):
            # '1.1 研究背景' again after '1.2': shaped like a heading, yet its number
            # does not go on with the outline; kept as a paragraph, and said so
            if st.tree.last_diagnosed != token.start:
                st.tree.diagnose("heading-out-of-sequence", token.start, f"'{segment[:20]}'")
        return None
    return HeadingPlan(verdict, title, gap, end, title_end, run_in, title_at, skip, chain)


def _line_of_its_own(st: Body, index: int, marker: Marker) -> bool:
    """A heading's number and title on a line of their own in a multi-line body, of
    a scheme the outline already uses (a number of two parts or more in a decimal
    outline, or '一、' under '一、'): what only a heading looks like."""
    if not st.multiline:
        return False
    tokens = st.tokens
    if index > 0 and "\n" not in tokens[index - 1].text:
        return False
    if index + 1 < len(tokens) and "\n" not in tokens[index + 1].text:
        return False
    numbering = st.tree.numbering
    if marker.scheme == "decimal":
        return numbering.decimal_outline and len(marker.parts) > 1
    return marker.scheme == "cn-dun" and any(o.scheme == "cn-dun" for o in numbering.stack)


def _title_follows(st: Body, end: int) -> bool:
    """Whether the segment after the heading's line is the document's title written
    again: what stands above it is the page's, not the article's."""
    tokens = st.tokens
    title = st.tree.scalars.get("title")
    return (
        bool(title)
        and end + 1 < len(tokens)
        and tokens[end].kind is Kind.SEP
        and tokens[end + 1].kind is Kind.SEGMENT
        and tokens[end + 1].marker is None  # a numbered heading is no title again
        and title_again(tokens[end + 1].text, title or "")
    )


def _after_sentence(st: Body, index: int) -> bool:
    """The segment at ``index`` follows a sentence's end, after a space."""
    tokens = st.tokens
    return (
        index >= 2
        and tokens[index - 1].kind is Kind.SEP
        and tokens[index - 2].text[-1:] in PARAGRAPH_END_CHARS
    )


def _glued_child(title: str, marker: Marker) -> int:
    """Where the number of the heading's first child starts when it is glued to
    the end of a short title ('研究背景1.1 …' under '1', '现状（一）…' under '一、');
    0 when there is none. The child is read from there as any heading is."""
    if marker.scheme == "decimal":
        forms: tuple[str, ...] = (".".join(map(str, marker.parts)) + ".1",)
    else:
        forms = _CHILD_FORMS.get(marker.scheme, ())
    for form in forms:
        cut = title.find(form, 2)
        if cut < 0:
            continue
        before = title[cut - 1]
        if before.isascii() or before in patterns.HSPACE_CHARS:
            continue  # '2.11.1', 'ISO 1.1': part of a number or a word
        child = find_marker(title[cut:])
        if child is not None and child.parts[-1] == 1:
            return cut
    return 0


_CHILD_FORMS: Final = {
    "cn-dun": ("（一）", "(一)", "1.", "1．", "1、"),
    "cn-paren": ("1.", "1．", "1、"),
    "cn-chapter": ("第一节",),
}
"""How the first child of a heading of each scheme is written."""


def _spaced_number(tokens: list[Token], index: int) -> bool:
    """'2 0世纪', '3 0年代': a number after a space that follows one or two digits
    standing alone is the rest of a number spaced apart (OCR), not a heading."""
    if (
        index < 2
        or tokens[index - 1].text != " "
        or tokens[index].start != tokens[index - 1].start + 1
    ):
        return False
    before = tokens[index - 2].text
    return 0 < len(before) <= 2 and before.isdigit() and before.isascii()


def _title_after(st: Body, index: int, marker: Marker, strong: bool) -> str | None:
    """The title of a number standing alone (its segment holds nothing else): the
    next segment when it is shaped like a title; '' for a heading with no title
    (any number alone on its line, or on one line a punctuated one of a scheme
    other than the decimal, before text that is no title); None when the number
    is text ('2 0世纪', '3 个', a bare number before a sentence on one line)."""
    tokens = st.tokens
    if st.multiline and index >= 2 and tokens[index - 2].text.isdigit():
        return None  # '30', '0', '0': a run of counters, one a line
    if (
        index + 2 >= len(tokens)
        or tokens[index + 1].kind is not Kind.SEP
        or tokens[index + 2].kind is not Kind.SEGMENT
    ):
        return "" if strong else None
    title = tokens[index + 2].text
    if is_quantity(marker.parts, title) or (marker.scheme == "decimal" and title[:1].isdigit()):
        return None  # '3 个', '2 0世纪': a number, or one spaced apart by OCR
    if tokens[index + 2].marker is None and (
        looks_like_title(title) or (strong and _question_title(title))
    ):
        return title
    if st.multiline:
        return ""  # '一' alone on its line, then prose
    if strong and marker.scheme != "decimal":
        # '(一) 财务公司是…。': the sentence after the number is no title ('1. 王力,…'
        # on one line is a numbered entry, not a heading)
        return ""
    return title  # a run-in title, if any: '2.1 施工准备。开工前…'


def _padded_title(st: Body, title_at: int, title: str) -> str:
    """'0引 言 近年来…': in a single-line body, the rest of a title written with no
    number whose two characters stand a space apart (the space and the second
    character); '' when the title is not one."""
    tokens = st.tokens
    if st.multiline or title_at + 2 >= len(tokens):
        return ""
    gap, second = tokens[title_at + 1], tokens[title_at + 2]
    if (
        gap.kind is Kind.SEP
        and gap.text in (" ", "\u3000")
        and second.kind is Kind.SEGMENT
        and title + second.text in UNNUMBERED_TITLES
    ):
        return gap.text + second.text
    return ""


def _strong_marker(marker: Marker, segment: str) -> bool:
    """A marker that cannot be a bare number in running text: punctuated or with
    several parts ('2.1')."""
    return _punctuated_marker(marker, segment) or len(marker.parts) > 1


def _punctuated_marker(marker: Marker, segment: str) -> bool:
    """'一、', '（一）', '(1)', '①', '1.': a marker of its own scheme or with its
    punctuation, not a bare number ('1', '一')."""
    if marker.scheme in _BARE_SCHEMES:
        return segment[marker.end - 1] in ".．、"
    return True


_BARE_SCHEMES: Final = frozenset(("decimal", "cn-dun"))
"""Schemes whose number may stand bare, with no punctuation ('1 引言', '一 引言')."""


def _run_in(title: str, multiline: bool, punctuated: bool) -> tuple[int, int] | None:
    """A title that runs into its paragraph: '加强领导。各级…' (the title ends at a
    full stop, colon or question mark), or in a multi-line body '施工准备 本项目…'
    (at a space). After a punctuated marker ('（一）', '一、', '1.') the title may be
    short parallel phrases ('领导重视，措施有力。'); otherwise a comma means a
    sentence. Returns (where the title ends, where the paragraph starts)."""
    phrase = 0
    for index, char in enumerate(title[: MAX_RUN_IN_TITLE + 1]):
        if char in "，,":
            if not punctuated or not 2 <= phrase <= _MAX_PHRASE:
                return None
            phrase = 0
            continue
        if char in "；;":
            return None
        if char in "。：:？?":
            if (
                index < 2
                or index + 1 >= len(title)
                or (phrase > _MAX_PHRASE and "，" in title[:index])
            ):
                return None
            cut = index + 1 if char in "？?" else index  # a question keeps its mark
            return _paragraph_after(title, cut, index + 1)
        if multiline and char in patterns.HSPACE_CHARS:
            if index < 2 or title[:index].isascii() or "，" in title[:index]:
                return None
            return _paragraph_after(title, index, index)
        phrase += 1
    return None


def _closed_title(title: str) -> bool:
    """'学生参与度普遍偏低。': a title that ends its segment with a full stop, short and
    with no other sentence or clause mark inside (a sentence of its own would have one)."""
    if len(title) < 3 or len(title) > MAX_CLOSED_TITLE or title[-1] != "。":
        return False
    return not any(char in _CLAUSE_MARKS for char in title[:-1])


_CLAUSE_MARKS: Final = frozenset("，,；;：:。！!？?、")
MAX_CLOSED_TITLE: Final = 20
"""Longest title that a full stop closes ('1.学生参与度普遍偏低。') read as a heading."""


def _paragraph_after(title: str, cut: int, after: int) -> tuple[int, int] | None:
    """(cut, where the paragraph starts past the space after ``after``), or None
    when no paragraph text follows."""
    while after < len(title) and title[after] in patterns.HSPACE_CHARS:
        after += 1
    return (cut, after) if after < len(title) else None


def _question_title(title: str) -> bool:
    """'什么是新质生产力？': a heading may ask a question."""
    return (
        title[-1:] in "？?" and 2 <= len(title) <= 40 and not any(c in "。，,；;！!" for c in title)
    )


MAX_RUN_IN_TITLE: Final = 30
"""How far into a heading's line a run-in title may end ('（一）加强领导。各级…')."""


_MAX_PHRASE: Final = 8
"""Longest phrase of a run-in title made of parallel phrases."""
