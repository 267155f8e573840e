# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""After the text: runs of site chrome, and the English front matter a journal
prints after the references.
"""

from __future__ import annotations

from typing import Final, cast

import regex

from .. import patterns
from ..content.numbering import ends_paragraph
from ..content.plan import heading_plan
from ..state import Body
from ..tokens import Kind
from .chrome_line import COPYRIGHT, end_chrome


def chrome_run(st: Body, index: int) -> int:
    """Site chrome after the text ('上一篇：…', '版权所有 © …', '相关文章' and the
    titles listed under it): boilerplate, never a paragraph or a reference. In a
    single-line body the run takes the segments after it up to the end of a
    sentence, a label or a heading; in a multi-line body it is its line, and
    after a list header the lines below it up to such a line."""
    tokens = st.tokens
    tree = st.tree
    token = tokens[index]
    header = cast("regex.Match[str]", end_chrome(token.text))["list"] is not None
    end = index + 1
    if not st.multiline or header:
        while (
            end + 1 < len(tokens)
            and tokens[end].kind is Kind.SEP
            and tokens[end + 1].kind is Kind.SEGMENT
            and not ends_paragraph(tokens[end - 1].text)
            and not _opens_after_chrome(st, end + 1)
        ):
            if st.multiline:
                tree.add_chrome("".join(t.text for t in tokens[index:end]))
                tree.sep(tokens[end].text)
                index = end + 1
            end += 2
    tree.add_chrome("".join(t.text for t in tokens[index:end]))
    return end


def _opens_after_chrome(st: Body, index: int) -> bool:
    """What ends a run of chrome: more chrome of its own (not the '©' of a
    '版权所有 © …' line), or a heading."""
    token = st.tokens[index]
    if end_chrome(token.text) is not None and not token.text.startswith(COPYRIGHT):
        return True
    marker = token.marker
    return marker is not None and heading_plan(st, index, after_open=False) is not None


def english_back_matter(st: Body, index: int) -> bool:
    """An English line after the text that a few English lines later reaches
    'Abstract:' or 'Key words:' (a journal's English title, authors and
    affiliation printed after the references)."""
    tokens = st.tokens
    if not _english_line(tokens[index].text):
        return False
    segments = 1
    for position in range(index + 1, min(len(tokens), index + 2 * _ENGLISH_LINES)):
        token = tokens[position]
        if token.kind is Kind.LABEL:
            return segments > 0 and token.field in ("abstract_en", "keywords_en")
        if token.kind is Kind.SEGMENT:
            # authors and affiliation: ASCII, '(1. School of …)' included
            if not token.text.isascii() or "[J]" in token.text:
                return False
            segments += 1
    return False


def _english_line(text: str) -> bool:
    """A line of English back matter: ASCII starting with a word, no reference shape."""
    return (
        text[:1].isascii()
        and text[:1].isalpha()
        and text.isascii()
        and any(c.isalpha() for c in text[1:4])
        and patterns.REFERENCE_LABEL.match(text) is None
        and "[J]" not in text
        and "[M]" not in text
    )


_ENGLISH_LINES: Final = 6  # English segments before 'Abstract:' after the text
