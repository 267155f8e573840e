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
from ..paragraph_checks import site_notice
from ..state import Body, chrome_tokens
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


def credit_run(st: Body, index: int) -> int:
    """In a single-line body, a credit in brackets after the text that the line's
    spaces cut into segments ('(本报记者 甲、乙整理)'): the token index after its
    closing bracket when the whole credit is chrome (patterns.END_CHROME); ``index``
    otherwise."""
    tokens = st.tokens
    text = tokens[index].text
    if st.multiline or text[:1] not in "(（" or ")" in text or "）" in text:
        return index
    size = len(text)
    end = index + 1
    while (
        end + 1 < len(tokens)
        and size <= _LONGEST_CREDIT
        and tokens[end].kind is Kind.SEP
        and tokens[end + 1].kind is Kind.SEGMENT
    ):
        closing = tokens[end + 1].text
        size += len(tokens[end].text) + len(closing)
        end += 2
        if ")" in closing or "）" in closing:
            credit = "".join(t.text for t in tokens[index:end])
            if size <= _LONGEST_CREDIT and end_chrome(credit) is not None:
                st.tree.add_chrome(credit)
                return end
            return index
    return index


def braced_block(st: Body, index: int) -> int:
    """A site's block of rules numbered in braces ('投稿须知:' ⏎ '{1}…' ⏎ '{2}…'), with
    the header that ends in a colon before it and a notice about the page after it
    ('注:…本页只展示摘要…'): the site's, kept as chrome (an article numbers its items
    '(1)', '1)', '①', never '{1}'). Returns the token index after it, or ``index``."""
    tokens = st.tokens
    first = index
    text = tokens[index].text
    glued = text.find("{1}", 0, _LONGEST_HEADER + 2)
    if glued > 0 and text[:glued].rstrip().endswith((":", "：")):
        pass  # the header glued before the first item ('须知: {1}…' read as one)
    elif (
        text.rstrip().endswith((":", "："))
        and len(text) <= _LONGEST_HEADER
        and index + 2 < len(tokens)
        and tokens[index + 1].kind is Kind.SEP
        and tokens[index + 2].kind is Kind.SEGMENT
    ):
        first = index + 2  # the block's header
        if patterns.braced_number(tokens[first].text) != 1:
            return index
    elif patterns.braced_number(text) != 1:
        return index
    number = 1
    end = _item_end(st, first)
    while end + 1 < len(tokens) and tokens[end].kind is Kind.SEP:
        following = tokens[end + 1]
        if following.kind is not Kind.SEGMENT:
            break
        if patterns.braced_number(following.text) == number + 1:
            number += 1
        elif not site_notice(following.text):
            break
        end = _item_end(st, end + 1)
    chrome_tokens(st, index, end)  # segments and the separators between them
    return end


def _item_end(st: Body, index: int) -> int:
    """After the item that starts at segment ``index``: its segment, and in a
    single-line body the segments after it up to the end of its sentence."""
    tokens = st.tokens
    end = index + 1
    while (
        not st.multiline
        and end - index < _MOST_ITEM_TOKENS
        and not ends_paragraph(tokens[end - 1].text)
        and end + 1 < len(tokens)
        and tokens[end].kind is Kind.SEP
        and tokens[end + 1].kind is Kind.SEGMENT
        and patterns.braced_number(tokens[end + 1].text) < 0
    ):
        end += 2
    return end


_LONGEST_HEADER: Final = 30
_MOST_ITEM_TOKENS: Final = 40


_LONGEST_CREDIT: Final = 80
"""Longest credit in brackets read over the spaces of a single-line body."""


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
