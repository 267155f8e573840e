# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""A heading made: the section node, its diagnostics and what follows it."""

from __future__ import annotations

from typing import Final, cast

from ...model import Section
from ..labels import (
    BLOCK_FIELDS,
    FRONT_LABELS,
)
from ..patterns import is_han
from ..state import Body, HeadingPlan, excerpt
from ..tokens import Kind, Marker, Token
from ..trusted import trusted_node
from .numbering import find_marker
from .paragraphs import paragraph
from .plan import heading_plan


def heading(st: Body, index: int) -> int:
    """Make the segment at ``index`` a heading if the numbering allows; 0 otherwise."""
    planned = st.planned
    if planned is not None and planned[0] == index:
        plan: HeadingPlan | None = planned[1]
    else:
        plan = heading_plan(st, index, after_open=False)
    st.planned = None
    if plan is None:
        _run_on(st, index)
        return 0
    tokens = st.tokens
    token = tokens[index]
    marker = cast(Marker, token.marker)
    tree = st.tree
    verdict = plan.verdict
    if verdict.warning == "heading-too-deep":
        tree.diagnose(
            "heading-too-deep",
            token.start,
            f"'{marker.number}' is deeper than a heading may go",
        )
        return 0
    if verdict.warning is not None:
        tree.diagnose(
            verdict.warning,
            token.start,
            f"heading {marker.number} does not follow;"
            f" expected {verdict.expected or 'the next number'}",
        )
    marker_text = token.text[: marker.end]
    tree.numbering.push(verdict, marker.scheme, marker.parts, marker_text[-1:] in ".．、")
    section = trusted_node(
        Section,
        {
            "number": marker.number,
            "title": plan.title,
            "level": verdict.level,
            "scheme": marker.scheme,
            "marker": marker_text,
            "gap": plan.gap,
            "sep": "" if plan.chain else plan.run_in or None,
            "paragraphs": [],
            "subsections": [],
            "span": tree.span(token.start, plan.title_end),
        },
    )
    tree.add_section(section, verdict.keep)
    _empty_run(st, token.start)
    _under_lower_rank(st, marker, token.start)
    _contents_entry(st, plan.title, token.start)
    if plan.run_in and len(plan.title) > MAX_RUN_IN_TITLE_SURE:
        tree.diagnose(
            "heading-title-long",
            token.start,
            f"'{excerpt(plan.title)}' ({len(plan.title)} characters)",
        )
    block = _BLOCK_TITLES.get(plan.title.strip())
    if block is not None:
        # '5 参考文献': a numbered heading that opens the references block
        st.state = block
    if plan.paragraph_skip:
        _numbered_run_in(st, plan)
        return paragraph(st, plan.paragraph_at, plan.paragraph_skip)
    if plan.chain:
        # the rest of the title's segment, from the glued child's number, is read next
        glued = tokens[plan.paragraph_at]
        rest = glued.text[plan.chain :]
        tokens[plan.paragraph_at] = Token(
            Kind.SEGMENT, rest, glued.start + plan.chain, marker=find_marker(rest)
        )
        # (at most one call per level: a child's number is deeper every time)
        taken = heading(st, plan.paragraph_at)
        if taken:
            return taken
        child = tokens[plan.paragraph_at]
        if tree.last_code != "heading-run-on":
            tree.diagnose(
                "heading-run-on",
                child.start,
                f"'{excerpt(child.text)}' follows heading {marker.number} with the next number",
            )
        return paragraph(st, plan.paragraph_at)
    return plan.end


def page_number(title: str) -> int:
    """The page number a table of contents writes after an entry's title
    ('…造成资金流失4', '…政策建议12'): one to three digits glued to a title of six
    characters or more that ends in a Chinese character or a closing mark; -1 if none."""
    digits = len(title)
    while digits > 0 and len(title) - digits < _MAX_PAGE_DIGITS and title[digits - 1].isdigit():
        digits -= 1
    if digits == len(title) or digits < _MIN_ENTRY_TITLE or title[digits - 1].isdigit():
        return -1
    before = title[digits - 1]
    if not (is_han(before) or before in "）)」”》"):
        return -1
    return int(title[digits:])


def _contents_entry(st: Body, title: str, start: int) -> None:
    """Headings whose titles end in page numbers that never go down, three in a row,
    are the entries of a table of contents read as headings: reported once, at the
    first of them ('实验1', '案例2' are too short a title to count)."""
    page = page_number(title)
    if page < 0 or page < st.contents_page:
        st.contents_run = 0
        st.contents_page = -1
        if page < 0:
            return
    if st.contents_run == 0:
        st.contents_start = start
    st.contents_run += 1
    st.contents_page = page
    if st.contents_run == _CONTENTS_RUN and not st.contents_reported:
        st.contents_reported = True
        st.tree.diagnose(
            "heading-page-number",
            st.contents_start,
            f"'{excerpt(title)}' and the headings before it end in page numbers",
        )


_MAX_PAGE_DIGITS: Final = 3
_MIN_ENTRY_TITLE: Final = 6
_CONTENTS_RUN: Final = 3


def _numbered_run_in(st: Body, plan: HeadingPlan) -> None:
    """'1 材料与方法 1.1 研究区域概况天津市…': the text after a run-in title opens with
    the next heading number, whose own title cannot be told from its paragraph."""
    token = st.tokens[plan.paragraph_at]
    rest = token.text[plan.paragraph_skip :]
    following = find_marker(rest)
    if following is None or following.title_start >= len(rest):
        return
    if st.tree.numbering.judge(following.scheme, following.parts) is None:
        return
    st.tree.diagnose(
        "heading-run-on",
        token.start + plan.paragraph_skip,
        f"'{excerpt(rest)}' opens with the next heading number after a run-in title",
    )


def _run_on(st: Body, index: int) -> None:
    """'一、问题提出干部队伍建设始终是…。': a line that opens with the next number of a
    heading scheme ('一、', '第二章') yet has no title that its shape can tell (a
    title glued to its paragraph, or a sentence) stays a paragraph, with a warning."""
    tokens = st.tokens
    token = tokens[index]
    marker = cast(Marker, token.marker)
    if marker.scheme not in _HEADING_ONLY_SCHEMES:
        return
    if marker.title_start >= len(token.text):
        # a single-line body cuts '一 胡适认为…' at the space: the numeral alone
        if not (
            index + 2 < len(tokens)
            and tokens[index + 1].kind is Kind.SEP
            and not tokens[index + 1].text.strip()
            and tokens[index + 2].kind is Kind.SEGMENT
            and is_han(tokens[index + 2].text[0])
        ):
            return
    else:
        punctuated = token.text[marker.end - 1 : marker.end] in "、．.章节分"
        if not punctuated and not _bare_numeral_before_text(token.text, marker):
            return  # a bare numeral glued to its text ('一方面') is a word
    if st.tree.numbering.judge(marker.scheme, marker.parts) is None:
        return
    st.tree.diagnose(
        "heading-run-on",
        token.start,
        f"'{excerpt(token.text)}' continues the numbering but has no title of its own",
    )


def _bare_numeral_before_text(text: str, marker: Marker) -> bool:
    """'一 胡克早年…': a bare numeral, a space, then Chinese text (no word of Chinese
    prose is a numeral followed by a space)."""
    gap = text[marker.end : marker.title_start]
    return bool(gap) and not gap.strip() and is_han(text[marker.title_start])


MAX_RUN_IN_TITLE_SURE: Final = 20
"""Longest run-in title read with no warning ('（一）加强组织领导。各级…'); a longer one
may be a short title glued to its paragraph's first sentence."""


_HEADING_ONLY_SCHEMES: Final = frozenset(("cn-dun", "cn-chapter", "cn-section", "cn-part"))
"""Schemes that number headings only, never the items of a list."""

_BLOCK_TITLES: Final = {form: field for field in BLOCK_FIELDS for form in FRONT_LABELS[field]}


def _empty_run(st: Body, offset: int) -> None:
    """Headings one after another with nothing under them ('1. 史学' '2. 方法' '3. 文献'
    on their lines): a list the page numbered, or a table of contents, read as
    headings; reported once, at the third."""
    tree = st.tree
    open_sections = tree.open_sections
    siblings = open_sections[-2].subsections if len(open_sections) > 1 else tree.sections
    if len(siblings) < _EMPTY_RUN + 1:
        return
    run = siblings[-_EMPTY_RUN - 1 : -1]
    if all(not s.paragraphs and not s.subsections for s in run) and (
        len(siblings) == _EMPTY_RUN + 1
        or siblings[-_EMPTY_RUN - 2].paragraphs
        or siblings[-_EMPTY_RUN - 2].subsections
    ):
        tree.diagnose("heading-empty-run", offset, f"'{run[0].number} {run[0].title[:12]}'")


_EMPTY_RUN: Final = 2
"""Headings with nothing under them, before the next, that make a run."""


def _under_lower_rank(st: Body, marker: Marker, offset: int) -> None:
    """'一、' nested under '1.' or '(1)' only: the top number of a Chinese outline
    under lower ones (a list the page numbered above its first part, a lost heading)."""
    ancestors = st.tree.open_sections[:-1]
    if (
        marker.scheme == "cn-dun"
        and ancestors
        and all(s.scheme in _BELOW_CN_DUN for s in ancestors)
    ):
        st.tree.diagnose(
            "heading-rank",
            offset,
            f"'{marker.number}、' comes under '{ancestors[0].marker}'",
        )


_BELOW_CN_DUN: Final = frozenset(("decimal", "arabic-paren", "arabic-half-paren", "circled"))
"""Schemes a '一、' heading never stands under in a Chinese outline."""
