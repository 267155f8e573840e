# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Where the front-matter zone gives way to the content: the first heading.

A segment opens the content when it would be the document's first heading
('1 引言', '一、绪论'), and is not a numbered affiliation ('1.某大学 …,江苏 南京').
Every value end and the lead ask this one question.
"""

from __future__ import annotations

from typing import Final

from ..content.numbering import ends_paragraph
from ..content.plan import heading_plan
from ..state import Body
from ..tokens import Kind
from .english import english_affiliation
from .names import looks_like_affiliation


def opens_content(st: Body, index: int) -> bool:
    """A segment that would be the document's first heading ('1 引言', '一、绪论')."""
    token = st.tokens[index]
    marker = token.marker
    if marker is None or marker.parts not in ((0,), (1,)):
        return False
    if marker.scheme in ("decimal", "circled") and _numbered_affiliation(text_ahead(st, index)):
        return False
    return heading_plan(st, index, after_open=False) is not None


def text_ahead(st: Body, index: int) -> str:
    """The segment at ``index`` and, in a single-line body, the few after it up to
    a label or the next numbered segment: enough to tell
    '1.某大学 公共管理学院,江苏 南京 210000' from '1 引言'."""
    tokens = st.tokens
    if st.multiline:
        return tokens[index].text
    end = index + 1
    size = len(tokens[index].text)
    while end < len(tokens) and size < _AHEAD and tokens[end].kind is not Kind.LABEL:
        if tokens[end].marker is not None or ends_paragraph(tokens[end - 1].text):
            break
        size += len(tokens[end].text)
        end += 1
    return "".join(t.text for t in tokens[index:end])


def _numbered_affiliation(text: str) -> bool:
    """'1.某某大学 经济学院,湖北 武汉 430000': an institution with its address, not
    a heading ('1.大学生心理健康')."""
    return (looks_like_affiliation(text) or english_affiliation(text)) and (
        any(c in ",，;；" for c in text) or sum(c.isdigit() for c in text) >= 6
    )


_AHEAD: Final = 80
