# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""A table of contents: '目录' and its entries, kept as chrome before the text.

A table of contents lists the headings that follow, so its entries have the
headings' shape (a number and a short title, often a page number after it) and
the text starts where the first entry's title is written again. Read from the
'目录' line: the entries up to that repeat are the table; with no repeat, only
the lines that are entries beyond doubt (a page number or leader dots, several
numbered entries on one line) are.
"""

from __future__ import annotations

from typing import Final

from .. import patterns
from ..state import Body, chrome_tokens
from ..tokens import Kind, Token
from .numbering import find_marker


def contents_block(st: Body, index: int) -> int:
    """The token index after a table of contents that starts with its title at
    ``index`` ('目录', '目 录'); ``index`` when none starts there."""
    tokens = st.tokens
    title_end = _title_end(tokens, index)
    if title_end < 0:
        return index
    first = ""
    sure_end = title_end
    end = -1
    position = title_end
    while position + 1 < len(tokens) and position - index < _MOST_TOKENS:
        sep = tokens[position]
        if sep.kind is not Kind.SEP or sep.text.count("\n") > _MOST_BREAKS:
            break
        after, key, sure = _entry(st, position + 1)
        if after < 0:
            break
        if not first:
            first = key
        elif key == first:
            end = position  # the first entry's title again: the text's first heading
            break
        position = after
        if sure:
            sure_end = position
    if end < 0:
        # no repeat: the lines that are entries beyond doubt, or all when the body ends
        end = position if position + 1 >= len(tokens) else sure_end
    tree = st.tree
    tree.diagnose(
        "contents-entry",
        tokens[index].start,
        f"'{tokens[index].text.strip()}' and {(end - index) // 2} line(s) of entries",
    )
    chrome_tokens(st, index, end)
    return end


def _title_end(tokens: list[Token], index: int) -> int:
    """The token index after a contents title at ``index``, written in one segment
    ('目录') or two set apart by spaces ('目   录'); -1 if none stands there."""
    text = tokens[index].text
    if contents_title(text):
        return index + 1
    if (
        len(text) == 1
        and index + 2 < len(tokens)
        and tokens[index + 1].kind is Kind.SEP
        and "\n" not in tokens[index + 1].text
        and tokens[index + 2].kind is Kind.SEGMENT
        and text + tokens[index + 2].text in CONTENTS_TITLES
    ):
        return index + 3
    return -1


def contents_title(text: str) -> bool:
    """'目录', '目 录', '目錄', '目次': the title of a table of contents."""
    return len(text) <= _LONGEST_TITLE and "".join(text.split()) in CONTENTS_TITLES


CONTENTS_TITLES: Final = frozenset(("目录", "目錄", "目次"))
_LONGEST_TITLE: Final = 8


def _entry(st: Body, index: int) -> tuple[int, str, bool]:
    """The entry (or, on a line of several, the entries) that starts at token
    ``index``: the token index after it, its first title with no page number
    (to find it again), and whether it is an entry beyond doubt; (-1, '', False)
    when the token is none."""
    tokens = st.tokens
    token = tokens[index]
    after = index + 1
    if token.kind is Kind.LABEL:
        # '摘要', '参考文献' alone: the label of a part, listed as an entry
        if any(c in token.text for c in ":：") or not token.text.strip():
            return -1, "", False
        page = tokens[after] if after < len(tokens) else None
        if page is not None and page.kind is Kind.SEGMENT and _page_only(page.text):
            return after + 1, _key(token.text), True
        return after, _key(token.text), False
    if token.kind is not Kind.SEGMENT:
        return -1, "", False
    text = token.text
    if (
        len(text) > _LONGEST_LINE
        or any(c in text for c in _SENTENCE_MARKS)
        or _title_end(tokens, index) > 0
    ):
        return -1, "", False  # a sentence, or the title of another table
    if st.multiline and " " in text.strip():
        pieces = text.split()
        marked = sum(1 for piece in pieces if find_marker(piece) is not None)
        if marked >= 2 and all(len(piece) <= _LONGEST_ENTRY for piece in pieces):
            # '(一)研究背景 (二)研究方法 (三)研究思路': entries on one line (after the
            # title of their part, when its number was lost)
            return after, _key(pieces[0]), True
    key = _key(text)
    if (
        not key
        and not st.multiline
        and token.marker is not None
        and after + 1 < len(tokens)
        and tokens[after].kind is Kind.SEP
        and tokens[after + 1].kind is Kind.SEGMENT
    ):
        # '1.1 研究对象……3' on one line: the number, a space, the title
        text = tokens[after + 1].text
        if len(text) > _LONGEST_LINE or any(c in text for c in _SENTENCE_MARKS):
            return -1, "", False
        key = _key(text)
        after += 2
    if not key or len(key) > _LONGEST_ENTRY:
        return -1, "", False
    return after, key, _paged(text)


def _key(text: str) -> str:
    """An entry's title, to compare with a heading: no number, no page number, no
    leader dots, no spaces."""
    marker = find_marker(text)
    title = text[marker.title_start :] if marker is not None else text
    title = title.rstrip("0123456789 \u3000")
    title = title.rstrip(_LEADERS + " \u3000")
    return "".join(title.split())


def _paged(text: str) -> bool:
    """An entry with a page number after leader dots ('研究对象……3')."""
    found = patterns.TOC_ENTRY.search(text, max(0, len(text) - _TAIL))
    return found is not None and found.end() == len(text) and text[-1:].isdigit()


def _page_only(text: str) -> bool:
    core = text.strip().lstrip(_LEADERS + " ")
    return 0 < len(core) <= 3 and core.isdigit()


_LEADERS: Final = ".．…·"
_SENTENCE_MARKS: Final = frozenset("。！？!?；;，,")
_LONGEST_LINE: Final = 200
_LONGEST_ENTRY: Final = 40
_TAIL: Final = 12
_MOST_BREAKS: Final = 2
_MOST_TOKENS: Final = 400
"""Tokens a table of contents may take (two hundred entries and their separators)."""
