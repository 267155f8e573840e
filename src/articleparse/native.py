"""The package's small C helper (``_native.c``), where the compiled build has it.

setup.py builds it with the mypyc modules. It does two things the compiled
Python cannot do cheaply: make a model node (``object.__new__`` and BaseModel's
four slots, with no Python-level call between them; see
:func:`articleparse.parser.trusted.trusted_node`), and take a finished tree out
of the cyclic garbage collector's lists (:mod:`articleparse.collector`).

Both are ``None`` in the pure-Python build (``ARTICLEPARSE_PURE``, no compiler,
a source edited after the build): the sources then run as they are, the
reference the compiled build is compared with.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from pydantic import BaseModel

from ._build import PURE_REASON

NewNode = Callable[[type, dict[str, Any], set[str]], Any]
Untrack = Callable[[object, type], int]


def _load() -> tuple[NewNode | None, Untrack | None]:
    if PURE_REASON:  # the pure-Python build runs none of the package's C
        return None, None
    try:
        from . import _native
    except ImportError:
        return None, None
    _native.bind(BaseModel)
    return _native.new_node, _native.untrack


_LOADED: Final = _load()
new_node: Final[NewNode | None] = _LOADED[0]
untrack: Final[Untrack | None] = _LOADED[1]
