# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Where a line of a multi-line body goes on with the paragraph before it.

A page may break a sentence across lines (a hard wrap, a citation mark lost with
its markup, a line left open after '《'); these rules say when the next line is
the same paragraph, and what a site glues before a paragraph's first sentence.
"""

from __future__ import annotations

from typing import Final

from ..back.chrome_line import end_chrome
from ..labels import (
    UNNUMBERED_TITLES,
)


def bracketed_link(text: str) -> int:
    """The end of a run in black brackets at the start of ``text`` that holds a web
    address ('【某站http://…】'), when text follows it; 0 otherwise."""
    if text[:1] not in "【[［":
        return 0
    close = text.find(
        "】" if text[0] == "【" else ("]" if text[0] == "[" else "］"), 1, _LONGEST_LINK
    )
    if close < 0 or close + 1 >= len(text):
        return 0
    inside = text[1:close]
    return close + 1 if any(mark in inside for mark in _WEB_MARKS) else 0


_LONGEST_LINK: Final = 120
_LINK_CLOSERS: Final = {"【": "】", "[": "]", "［": "］"}
_WEB_MARKS: Final = ("http://", "https://", "www.")


def line_goes_on(line: str, following: str, blank: bool = False) -> bool:
    """In a multi-line body, whether ``following`` continues the paragraph whose last
    line is ``line``: it opens with what closes a sentence or a clause (',是…', '。',
    a citation mark lost with its markup left the break), or ``line`` was cut by a
    hard wrap (a long line holding a clause mark that ends in the middle of a word
    or after a comma, before a line that opens with a Chinese character)."""
    head = following.lstrip(" \t\u3000")
    if not head:
        return False
    if blank and not _cut_mid_sentence(line):
        return False  # after a blank line, only a line cut inside a sentence goes on
    if head[0] in _CONTINUES:
        # not ':::', a page's rule; a lone '。' is the end of the sentence
        return any(c.isalnum() for c in head) or all(c in _CLOSES_ALONE for c in head)
    tail = line.rstrip(" \t\u3000")
    if (
        len(tail) < _MIN_WRAPPED
        or not ("\u4e00" <= tail[-1] <= "\u9fff" or tail[-1] in _CLAUSE_ENDS)
        or not any(c in _CLAUSE_MARKS for c in tail)
        or end_chrome(head) is not None
        or head in UNNUMBERED_TITLES
        or _spaced_words(tail)
    ):
        return False
    return "\u4e00" <= head[0] <= "\u9fff"


def cell_bar(separator: str) -> bool:
    """A separator that holds a table cell's bar ('\n| ', ' | '): the cell ends there,
    and a paragraph with it."""
    return "|" in separator or "｜" in separator


def left_open(line: str) -> bool:
    """A line that ends inside a phrase: after an opening mark ('比如,《') or '第'
    ('…条例》第' ⏎ '12条…'); the next line goes on with it, whatever it opens with."""
    tail = line.rstrip(" \t\u3000")
    return bool(tail) and (tail[-1] in _OPENING_MARKS or tail[-1] == "第")


_OPENING_MARKS: Final = frozenset("《“‘（(「『【〔")


def _cut_mid_sentence(line: str) -> bool:
    """A long line of prose (commas in it) that ends on a Chinese character: the
    page broke it, with a blank line, inside a sentence ('…但是這' ⏎⏎ '樣美元…')."""
    tail = line.rstrip(" \t\u3000")
    return (
        len(tail) >= _MIN_BLANK_WRAPPED
        and "\u4e00" <= tail[-1] <= "\u9fff"
        and sum(1 for c in tail if c in _CLAUSE_MARKS) >= 2
    )


MOST_WRAP_BREAKS: Final = 2
_MIN_BLANK_WRAPPED: Final = 30


def _spaced_words(line: str) -> bool:
    """A space between two Chinese characters: pieces a page sets apart ('已阅读3页
    点击继续阅读'), not the run of a wrapped sentence."""
    for position in range(1, len(line) - 1):
        if (
            line[position] == " "
            and "\u4e00" <= line[position - 1] <= "\u9fff"
            and "\u4e00" <= line[position + 1] <= "\u9fff"
        ):
            return True
    return False


_CONTINUES: Final = frozenset(",，。、；;:：)）」』")
_CLAUSE_MARKS: Final = frozenset(",，")  # a sentence's commas, not a list's marks
_CLOSES_ALONE: Final = frozenset("。．.！？!?，,；;）)」』” \t\u3000")
_CLAUSE_ENDS: Final = frozenset(",，、")  # a line cut after a word or a comma
_MIN_WRAPPED: Final = 15
