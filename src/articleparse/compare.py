"""Comparing trees by content: what a tree says, without where it came from."""

from __future__ import annotations

from typing import Any

from .model import Article

_SOURCE_KEYS = ("span", "sep", "marker", "gap")
_NODE_LISTS = ("preamble", "sections", "references", "notes")


def without_source(doc: Article) -> Article:
    """A copy of ``doc`` without layout, spans, trivia, diagnostics or source facts.

    Two trees that say the same thing compare equal after this, whether they
    were parsed (and so carry their source) or built in code.
    """
    data = doc.model_dump(exclude={"layout", "diagnostics", "source"})
    nodes: list[dict[str, Any]] = [node for name in _NODE_LISTS for node in data[name]]
    while nodes:
        node = nodes.pop()
        for key in _SOURCE_KEYS:
            node.pop(key, None)
        nodes.extend(node.get("paragraphs", ()))
        nodes.extend(node.get("subsections", ()))
    return Article.model_validate(data)
