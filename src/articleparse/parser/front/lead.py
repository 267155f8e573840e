# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""The unlabelled lead: authors, affiliations, English lines, the title again.

The text between labels (or before the first one) is cut into parts by
:func:`~.parts.lead_parts`; each part is placed in its field, and text no
recognizer takes either ends the zone or is reported as unplaced.
"""

from __future__ import annotations

from typing import Final

from .. import patterns
from ..labels import (
    BLOCK_FIELDS,
)
from ..paragraph_checks import site_notice, title_again
from ..patterns import is_han
from ..state import Body, excerpt
from ..tokens import Kind
from .authors import author_names, name_list, split_affiliations
from .journal import place_labelled
from .labelled import bracketed_label
from .names import valid_name
from .opening import opens_content
from .parts import lead_parts
from .titles import byline_name


def _lead_stop(st: Body, index: int) -> int:
    """Where the unlabelled text from ``index`` ends: the next label or heading."""
    tokens = st.tokens
    for position in range(index + 1, len(tokens)):
        token = tokens[position]
        if token.kind is Kind.LABEL:
            if position - 1 > index and bracketed_label(st, position - 1):
                return position - 1  # '【来源:…】': the bracket opens the item
            return position
        if token.kind is Kind.SEGMENT and token.marker is not None:
            if opens_content(st, position):
                return position
        if token.kind is Kind.SEGMENT and patterns.braced_number(token.text) == 1:
            # a site's rules numbered in braces, with the header before it
            header = position - 2
            if header > index and tokens[header].text.endswith((":", "：")):
                return header
            return position
    return len(tokens)


def lead(st: Body, index: int, names_first: bool = False) -> tuple[int, int]:
    """Unlabelled front text from ``index``: authors, affiliations, English lines
    (``names_first``: right after an author label, see :func:`~.parts.lead_parts`).

    Returns (token index, -1) when all of it was placed, or the token index and
    offset where the content starts.
    """
    tokens = st.tokens
    tree = st.tree
    stop = _lead_stop(st, index)
    label_at = stop + 1 if stop < len(tokens) and bracketed_label(st, stop) else stop
    label_follows = (
        label_at < len(tokens)
        and tokens[label_at].kind is Kind.LABEL
        and tokens[label_at].field not in BLOCK_FIELDS
    )
    while stop > index and tokens[stop - 1].kind is Kind.SEP:
        stop -= 1
    text = "".join(t.text for t in tokens[index:stop])
    base = tokens[index].start
    title = tree.scalars.get("title")
    notice_end = -1  # the end of a site's notice the parts are in
    for part in lead_parts(text, title, st.multiline, names_first):
        raw = text[part.start : part.end]
        offset = base + part.start
        if part.start < notice_end:
            if part.end > notice_end:
                tree.add_chrome(text[notice_end : part.end])  # the rest of the notice's part
                notice_end = part.end
        elif part.kind == "space":
            tree.sep(raw)
        elif part.kind == "trivia":
            tree.add_text(raw)
        elif part.kind == "unknown" and label_follows and _layout_marks(raw):
            tree.add_chrome(raw)  # '>', '|', '-': the page's layout, never a word
        elif part.kind == "unknown" and label_follows and title and title_again(raw, title):
            _place(st, "title", raw, offset)  # the title with a word more ('…论文')
        elif (
            part.kind == "unknown"
            and (found := _notice_end(text, part.start, part.end, st.multiline)) > 0
        ):
            # '尊敬的读者…您可以在本页留言': the page speaks of itself; the zone goes on
            notice_end = found
            notice = raw.strip()[:20]
            tree.diagnose(
                "chrome-before-text",
                offset,
                f"'{notice}' is the page's notice about itself, before the text",
            )
            tree.add_chrome(text[part.start : notice_end])
        elif (
            part.kind == "affiliations"
            and label_follows
            and not text[part.end :].strip()
            and not any(c.isdigit() or c in _NOT_BARE for c in raw)
            and _no_names(st)
        ):
            # a bare unit (no number, no address) right before a label, with no author
            # read before it (a report's cover: '某研究中心', then '摘要:'): nobody's
            # affiliation; reported and kept where it stands
            tree.diagnose(
                "front-matter-unplaced", offset, f"'{excerpt(raw)}' names a unit but no author"
            )
            tree.add_paragraph(raw, offset)
        elif part.kind == "unknown":
            if not label_follows or len(text) - part.start > MAX_UNPLACED_CHARS:
                _warn_if_names(st, raw, offset)
                return _token_at(st, index, stop, offset)
            tree.diagnose(
                "front-matter-unplaced", offset, f"'{excerpt(raw)}' stands among the labels"
            )
            tree.add_paragraph(raw, offset)
        else:
            _place(st, part.kind, raw, offset)
    return stop, -1


def _notice_end(text: str, start: int, end: int, multiline: bool) -> int:
    """Where a site's notice that opens at ``start`` ends, or -1: the part itself,
    or in a single-line body, whose spaces cut the notice into parts, its sentence
    and the sentence after it ('尊敬的读者, 关于本刊…您可以留言。我们将尽快答复')."""
    if site_notice(text[start:end]):
        if multiline:
            return end
        found = _sentence_end(text, end - 1, min(len(text), start + _NOTICE_REACH))
        return max(end, found)
    if multiline:
        return -1
    stop = start
    for _ in range(_NOTICE_SENTENCES):
        found = _sentence_end(text, stop, min(len(text), start + _NOTICE_REACH))
        if found < 0:
            break
        stop = found
        if site_notice(text[start:stop]):
            return stop
    return -1


def _sentence_end(text: str, start: int, limit: int) -> int:
    for index in range(start, limit):
        if text[index] in "。！？!?":
            return index + 1
    return -1


_NOTICE_SENTENCES: Final = 2
_NOTICE_REACH: Final = 200


# What a bare unit's line holds none of: a colon (a label), a list, an address's number.
_NOT_BARE: Final = frozenset(":：;；,，")


def _no_names(st: Body) -> bool:
    """No author has been read, from an author line, a label or a byline."""
    tree = st.tree
    return "authors" not in tree.lists and not tree.named_authors and "authors" not in st.placed


def _layout_marks(raw: str) -> bool:
    """'>', '|', '-': printed marks with no letter or digit (not control characters,
    which are damage to report)."""
    return raw.isprintable() and not any(c.isalnum() for c in raw)


def _place(st: Body, kind: str, raw: str, offset: int) -> None:
    tree = st.tree
    if kind == "authors":
        listed = name_list(raw, author_names(raw))
        more = "authors" in st.placed
        tree.set_list("authors", raw, "", offset, listed.split, listed.forms, more)
        st.placed.add("authors")
    elif kind == "affiliations":
        more = "affiliations" in st.placed
        tree.set_list("affiliations", raw, "", offset, split_affiliations(raw), more=more)
        st.placed.add("affiliations")
    elif kind == "chrome":
        tree.add_chrome(raw)
    elif kind == "byline":
        # the page's heading line: chrome, whose name is the author when no author
        # line gives one (the list has no place in the layout: the line stays chrome)
        tree.add_chrome(raw)
        tree.named_authors.append(byline_name(raw))
    elif kind in ("citation", "history", "registration"):
        place_labelled(tree, kind, raw, offset)
    elif kind in _PART_FIELDS:
        tree.assign(_PART_FIELDS[kind], raw, "", offset)
    else:
        tree.set_extra(_PART_EXTRA_KEYS[kind], raw)


def _warn_if_names(st: Body, raw: str, offset: int) -> None:
    """The zone ends at text that may be an author line the recognizers refused, or
    at a few Latin words no recognizer took ('English', 'More Info': a page's
    buttons), which begin no Chinese article's text."""
    words = raw.split()
    if raw.isascii() and 1 <= len(words) <= _MAX_STRAY_WORDS and raw.rstrip()[-1:] not in ".?!":
        st.tree.diagnose("front-matter-unplaced", offset, f"'{excerpt(raw)}' ends the front matter")
        return
    head = raw.split()[0] if raw.split() else raw
    bracket = min((head.find(c) for c in "(（" if c in head), default=-1)
    if bracket > 0 and is_han(head[bracket + 1 : bracket + 2] or "a"):
        head = head[:bracket]  # '甘某(某校,某省': a name glued to its affiliation
    if valid_name(head.rstrip("。！？!?…：:")) and head != raw.rstrip():
        if st.tree.lists.get("authors") is None:
            st.tree.diagnose("front-matter-unplaced", offset, f"'{head}' may be an author's name")


def _token_at(st: Body, index: int, stop: int, offset: int) -> tuple[int, int]:
    tokens = st.tokens
    for position in range(index, max(stop, index + 1)):
        token = tokens[position]
        if token.start + len(token.text) > offset:
            if token.kind is Kind.SEP and position + 1 < len(tokens):
                # inside a separator (after its line break, a cell's bar: '\n| '):
                # the rest of it is layout, the text starts at the next token
                st.tree.add_text(token.text[offset - token.start :])
                return position + 1, 0
            return position, offset - token.start
    return stop, 0


_MAX_STRAY_WORDS: Final = 3


MAX_UNPLACED_CHARS: Final = 150
"""Unlabelled text this close before a label is front matter that was not placed."""


# What each unlabelled part of the front matter becomes: a list or scalar field,
# or a key of metadata.extra.
_PART_FIELDS: Final = {
    "authors": "authors",
    "affiliations": "affiliations",
    "title_en": "title_en",
    "source": "source",
    "abstract_en": "abstract_en",
    "doi": "doi",
    "author_info": "author_info",
}


_PART_EXTRA_KEYS: Final = {
    "affiliation_en": "英文单位",
    "title": "标题",
    "column": "栏目",
    "authors_en": "英文作者",
    "english": "英文",
}
