# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Splitting list values (keywords, CLC codes, authors) without losing a character."""

from __future__ import annotations

from typing import Final, NamedTuple

import regex

from . import patterns

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


_LIST_SPLITTERS: Final = {
    "affiliations": patterns.AFFILIATION_SEPARATOR,
    "keywords_en": patterns.LATIN_LIST_SEPARATOR,
}


def list_separator(field: str, raw: str) -> regex.Pattern[str]:
    """The separator a list uses: ';' before ',' before '、' before '/' before spaces
    (a separator at the end, 'a、b、c;', is trailing punctuation and does not count);
    one item a line below a label alone on its line."""
    raw = raw.rstrip(";；,，、。. \u3000\u00a0")
    marked = any(c in raw for c in _MARKS)
    if field in _LINE_LISTS and "\n" in raw and not marked and "/" not in raw:
        return patterns.LINE_LIST
    special = _LIST_SPLITTERS.get(field)
    if field == "keywords_en" and not marked and patterns.SLASH_LIST.search(raw) is not None:
        return patterns.SLASH_LIST  # 'rural governance / village rules'
    if special is not None:
        return special
    if ";" in raw or "；" in raw:
        return patterns.SEMICOLON_LIST
    if "," in raw or "，" in raw:
        return patterns.COMMA_LIST
    if "、" in raw:
        return patterns.DUN_LIST
    if field != "clc" and "/" in raw and patterns.SLASH_LIST.search(raw) is not None:
        return patterns.SLASH_LIST  # '乡村治理/村规民约/罚款'
    return patterns.CLC_SPACE_LIST if field == "clc" else patterns.SPACE_LIST


_MARKS: Final = ";；,，、"
_LINE_LISTS: Final = frozenset({"keywords", "keywords_en", "clc"})
