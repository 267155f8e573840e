# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Paragraphs: a segment, the tokens glued to it, and in a single-line body
every space that does not end it.

A space ends a paragraph only where a paragraph can end
(:func:`~.numbering.ends_paragraph`), before a heading, a label or site chrome.
"""

from __future__ import annotations

from typing import Final

from ..back.chrome_line import end_chrome
from ..labels import (
    UNNUMBERED_TITLES,
)
from ..state import Body
from ..tokens import Kind, Marker
from .numbering import ends_paragraph
from .plan import heading_plan


def paragraph(st: Body, index: int, skip: int = 0) -> int:
    """A paragraph from the segment at ``index`` (from its offset ``skip``).

    Tokens glued to it (a label with no space before it) belong to it; in a
    single-line body so does every space that does not end it.
    """
    tokens = st.tokens
    first = tokens[index]
    pieces = [first.text[skip:] if skip else first.text]
    end = _glue(st, pieces, index + 1)
    # '引言 随着…': a title written with no number stands as a paragraph of its own
    alone = len(pieces) == 1 and pieces[0] in UNNUMBERED_TITLES
    item = first.marker if first.marker is not None and first.marker.scheme in ITEM_SCHEMES else None
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
    text = pieces[0] if len(pieces) == 1 else "".join(pieces)
    st.tree.add_paragraph(text, first.start + skip)
    return end


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
