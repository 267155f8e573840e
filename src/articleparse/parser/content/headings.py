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
    block = _BLOCK_TITLES.get(plan.title.strip())
    if block is not None:
        # '5 参考文献': a numbered heading that opens the references block
        st.state = block
    if plan.paragraph_skip:
        return paragraph(st, plan.paragraph_at, plan.paragraph_skip)
    if plan.chain:
        # the rest of the title's segment, from the glued child's number, is read next
        glued = tokens[plan.paragraph_at]
        rest = glued.text[plan.chain :]
        tokens[plan.paragraph_at] = Token(
            Kind.SEGMENT, rest, glued.start + plan.chain, marker=find_marker(rest)
        )
        # (at most one call per level: a child's number is deeper every time)
        return heading(st, plan.paragraph_at) or paragraph(st, plan.paragraph_at)
    return plan.end


def _run_on(st: Body, index: int) -> None:
    """'一、问题提出干部队伍建设始终是…。': a line that opens with the next number of a
    heading scheme ('一、', '第二章') yet has no title that its shape can tell (a
    title glued to its paragraph, or a sentence) stays a paragraph, with a warning."""
    token = st.tokens[index]
    marker = cast(Marker, token.marker)
    if marker.scheme not in _HEADING_ONLY_SCHEMES or marker.title_start >= len(token.text):
        return
    if token.text[marker.end - 1 : marker.end] not in "、．.章节分":
        return  # a bare numeral ('一 ') may be a word
    if st.tree.numbering.judge(marker.scheme, marker.parts) is None:
        return
    st.tree.diagnose(
        "heading-run-on",
        token.start,
        f"'{excerpt(token.text)}' continues the numbering but has no title of its own",
    )


_HEADING_ONLY_SCHEMES: Final = frozenset(("cn-dun", "cn-chapter", "cn-section", "cn-part"))
"""Schemes that number headings only, never the items of a list."""

_BLOCK_TITLES: Final = {form: field for field in BLOCK_FIELDS for form in FRONT_LABELS[field]}
