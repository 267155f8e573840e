"""Comparing trees by content: what a tree says, without where it came from."""

from __future__ import annotations

from typing import Any

from .model import Article

_SOURCE_KEYS = frozenset({"span", "sep", "marker", "gap"})


def without_source(doc: Article) -> Article:
    """A copy of ``doc`` without layout, spans, trivia, diagnostics or source facts.

    Two trees that say the same thing compare equal after this, whether they
    were parsed (and so carry their source) or built in code.
    """
    data = doc.model_dump(exclude={"layout", "diagnostics", "source"})
    stack: list[Any] = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key in _SOURCE_KEYS & item.keys():
                del item[key]
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return Article.model_validate(data)
