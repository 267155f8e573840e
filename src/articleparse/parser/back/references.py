# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Reference and note blocks: entries, their labels, continuations and the
part titles that end a block ('致谢', '附录').
"""

from __future__ import annotations

from typing import Final, cast

import regex

from ...model import Reference
from .. import patterns
from ..labels import (
    UNNUMBERED_TITLES,
)
from ..state import REFERENCES, Body
from ..tokens import Kind


def entry(st: Body, index: int) -> int:
    """A segment inside a references or notes block."""
    token = st.tokens[index]
    tree = st.tree
    field = st.state
    label_pattern = patterns.REFERENCE_LABEL if field == REFERENCES else patterns.NOTE_LABEL
    text = token.text
    match = label_pattern.match(text)
    if match is None and field == REFERENCES:
        match = _numbered_reference(st, text)
    current = tree.last_node if isinstance(tree.last_node, Reference) else None
    if match is None and field == REFERENCES and _spaced_number(st, index, current):
        # '参考文献： 1 张三.题名[J]…. 2 李四…' in a single-line body: the number,
        # its space and the next segment are one entry
        finish_entry(st)
        st.numbered += 1
        space, entry = st.tokens[index + 1], st.tokens[index + 2]
        tree.add_entry(field, text + space.text, entry.text, token.start)
        return index + 3
    if match is None and current is not None and (current.label or not st.multiline):
        # a continuation: gathered and joined once, so a long entry costs linear time
        if not st.entry_parts:
            st.entry_parts.append(current.text)
        st.entry_parts.append(current.sep or "")
        st.entry_parts.append(text)
        current.sep = None
        st.entry_end = token.start + len(text)
        return index + 1
    finish_entry(st)
    if match is not None and match.re is patterns.NUMBERED_REFERENCE:
        _numbered_entries(st, field, text, token.start)
        return index + 1
    next_entry = patterns.NEXT_REFERENCE if field == REFERENCES else patterns.NEXT_NOTE
    pieces = next_entry.split(text)
    offset = token.start
    for piece in pieces:
        found = label_pattern.match(piece)
        label = found.group() if found else ""
        tree.add_entry(field, label, piece[len(label) :], offset)
        offset += len(piece)
    return index + 1


def _numbered_entries(st: Body, field: str, text: str, offset: int) -> None:
    """Entries numbered in sequence ('(1)…. (2)…'), several in one segment of a
    single-line body when the Latin spacing rule kept them together."""
    cuts = [0]
    for found in patterns.NEXT_NUMBERED_REFERENCE.finditer(text, 1):
        label = patterns.NUMBERED_REFERENCE.match(text, found.start())
        if label is not None and int(label["num"]) == st.numbered + len(cuts) + 1:
            cuts.append(found.start())
    cuts.append(len(text))
    for position in range(len(cuts) - 1):
        start, end = cuts[position], cuts[position + 1]
        label = cast("regex.Match[str]", patterns.NUMBERED_REFERENCE.match(text, start))
        st.numbered += 1
        st.tree.add_entry(field, label.group(), text[label.end() : end], offset + start)


def _spaced_number(st: Body, index: int, current: Reference | None) -> bool:
    """A segment that is only the next number of a list numbered '1 ', '2 ' in a
    single-line body, before the entry's text: the first entry of its block, or
    after entries numbered so. The digits are compared as text: a segment may be
    any run of digits, too long for ``int`` (over 4,300 digits)."""
    tokens = st.tokens
    text = tokens[index].text
    return (
        not st.multiline
        and text.isascii()
        and text.isdigit()
        and text.lstrip("0") == str(st.numbered + 1)
        and (st.numbered > 0 or current is None)
        and index + 2 < len(tokens)
        and tokens[index + 1].kind is Kind.SEP
        and tokens[index + 2].kind is Kind.SEGMENT
    )


def _numbered_reference(st: Body, text: str) -> regex.Match[str] | None:
    """'1. 张三.题名[J]…': a reference numbered with a dot, taken only when it
    continues the count of such entries (so '2018.' is no label), or starts a
    second list from 1."""
    match = patterns.NUMBERED_REFERENCE.match(text)
    if match is None:
        return None
    number = int(match["num"])
    if number == 1 and st.numbered >= 2:
        st.numbered = 0  # a second list numbered from 1 (the works in another language)
    if number != st.numbered + 1:
        return None
    return match


def finish_entry(st: Body) -> None:
    if not st.entry_parts:
        return
    current = st.tree.last_node
    assert isinstance(current, Reference)
    current.text = "".join(st.entry_parts)
    if current.span is not None:
        current.span = st.tree.span(current.span.start, st.entry_end)
    st.entry_parts = []


def part_title(text: str, multiline: bool) -> str:
    """The part title with no number that the segment ``text`` is ('结语', in a
    multi-line body also '结　语', given back as '结语') or starts with before a
    colon ('致谢：感谢…'); '' when it is none."""
    colon = -1
    for position in range(min(len(text), _LONGEST_PART_TITLE + 1)):
        if text[position] in "：:":
            colon = position
            break
    if colon > 0:
        return text[:colon] if text[:colon] in UNNUMBERED_TITLES else ""
    if len(text) > _LONGEST_PART_TITLE + 2:
        return ""
    if text in UNNUMBERED_TITLES:
        return text
    compact = text.replace(" ", "").replace("\u3000", "") if multiline else ""
    return compact if compact in UNNUMBERED_TITLES else ""


_LONGEST_PART_TITLE: Final = max(len(title) for title in UNNUMBERED_TITLES)
