"""Parsed trees kept out of the cyclic garbage collector's lists.

Parsing makes no reference cycles, so reference counting alone frees a tree
the moment nothing refers to it. The cyclic collector does not know that: a
program that keeps its trees (``docs = [parse(t) for t in texts]``, a dict of
them, the results of ``parse_many``) would have every node, list and field
dict of every kept tree walked again at each collection of the oldest
generation, and a growing collection of trees starts one each time it grows
by a quarter. That cost grew with the trees kept (about half again the cost
of the parses at 5,000 trees).

:func:`untrack_tree` takes a finished tree out of those lists: the nodes (any
pydantic model), their field dicts, and the lists, dicts and tuples between
them, nothing else. An untracked tree is freed as before, as soon as nothing
refers to it; were a program to make a reference cycle through one of its
objects (say a section put among its own subsections), that cycle would be
kept until the end rather than collected. The work is done by a small C helper
built with the compiled modules (:mod:`.native`); in the pure-Python build trees stay tracked.
"""

from __future__ import annotations

from typing import Any, Final

from pydantic import BaseModel

from .native import untrack

_untrack: Final = untrack

UNTRACKING = _untrack is not None
"""Whether finished trees leave the collector's lists (the C helper is built and in use)."""


def untrack_tree(tree: Any) -> None:
    """Take ``tree`` (a node, or lists and dicts of nodes) out of the cyclic collector's lists.

    Only for objects without reference cycles, such as the trees :func:`articleparse.parse`
    gives; a no-op where the helper is not built.
    """
    if _untrack is not None:
        _untrack(tree, BaseModel)
