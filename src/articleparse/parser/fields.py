# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Splitting list values (keywords, CLC codes, authors) without losing a character."""

from __future__ import annotations

from typing import Final, NamedTuple

import regex

# Tried only where a run of punctuation starts (the lookbehind): a long run of
# spaces inside a value would otherwise be rescanned from every position.
_TRAILING_PUNCT: Final = regex.compile(
    r"(?<![。.;；,，、 \u3000\u00a0?])[。.;；,，、 \u3000\u00a0?]+\Z"
)


class SplitList(NamedTuple):
    """``head + items[0] + seps[0] + items[1] + … + tail`` is the original text."""

    head: str
    items: list[str]
    seps: list[str]
    tail: str


def split_list(raw: str, separator: regex.Pattern[str]) -> SplitList:
    """Split ``raw`` at ``separator``; runs of separators count as one."""
    trailing = _TRAILING_PUNCT.search(raw)
    tail = trailing.group() if trailing else ""
    body = raw[: len(raw) - len(tail)]
    items: list[str] = []
    seps: list[str] = []
    head = ""
    position = 0
    pending = ""
    for match in separator.finditer(body):
        if match.end() == match.start():
            continue
        item = body[position : match.start()]
        if item:
            if items:
                seps.append(pending)
            elif pending:
                head = pending
            items.append(item)
            pending = match.group()
        else:
            pending += match.group()
        position = match.end()
    rest = body[position:]
    if rest:
        if items:
            seps.append(pending)
        else:
            head = pending
        items.append(rest)
    elif items:
        tail = pending + tail
    else:
        head = pending + head
    return SplitList(head, items, seps, tail)
