"""Which build of the parser runs: the mypyc-compiled modules or their pure-Python sources.

setup.py compiles the modules listed under ``[tool.articleparse] compiled`` in
pyproject.toml and records them in ``_compiled.json`` beside this file, with a
digest of each source as it was compiled. Python's import system prefers an
extension module to a ``.py`` file of the same name, so before the package
imports any of them, :func:`select` decides, and when the answer is pure
Python it puts a finder first on ``sys.meta_path`` that loads those modules
from their ``.py`` sources. Pure Python runs

* when ``ARTICLEPARSE_PURE`` is set (to anything but ``0``);
* when a source differs from the one compiled (an edit after the build): a
  warning says so, since the extensions would otherwise run the old code;
* when the build could not compile (``_compiled.json`` says why).

This module is never compiled itself.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

_PACKAGE = __name__.rpartition(".")[0]
_HERE = Path(__file__).resolve().parent
INFO = _HERE / "_compiled.json"


class StaleBuildWarning(UserWarning):
    """A compiled module's source changed after the build; pure Python runs instead."""


class _PureSources(importlib.abc.MetaPathFinder):
    """Loads the listed modules of the package from their ``.py`` files."""

    def __init__(self, modules: Sequence[str]) -> None:
        self.paths = {f"{_PACKAGE}.{name}": source(name) for name in modules}

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        source = self.paths.get(fullname)
        if source is None or not source.is_file():
            return None
        return importlib.util.spec_from_file_location(fullname, source)


@functools.cache
def _read_info() -> dict[str, Any]:
    try:
        info = json.loads(INFO.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def source(name: str) -> Path:
    """The source file of the module ``name``, named from the package ('parser.body')."""
    return _HERE.joinpath(*name.split(".")).with_suffix(".py")


def _digest(name: str) -> str:
    try:
        return hashlib.sha256(source(name).read_bytes()).hexdigest()
    except OSError:
        return ""


def select() -> str:
    """Decide the build before any parser module is imported; return why it is pure
    Python ('' when the compiled modules may run). Runs when this module is imported."""
    info = _read_info()
    compiled: dict[str, str] = info.get("compiled") or {}
    if os.environ.get("ARTICLEPARSE_PURE", "") not in ("", "0"):
        reason = "ARTICLEPARSE_PURE is set"
    elif not info:
        reason = "no compiled build is installed"
    elif not compiled:
        reason = str(info.get("reason") or "the build compiled nothing")
    else:
        stale = [name for name, digest in compiled.items() if _digest(name) != digest]
        reason = ""
        if stale:
            names = ", ".join(str(source(name).relative_to(_HERE)) for name in stale)
            reason = f"{names} changed since the build"
            warnings.warn(
                f"articleparse: {reason}; running pure Python (rebuild with `make` or "
                "`pip install -e .` to compile again)",
                StaleBuildWarning,
                stacklevel=3,
            )
    # Every extension module here that may not run is loaded from its source,
    # including one left by an earlier build that no longer compiles it.
    trusted = set() if reason else set(compiled)
    pure = (set(info.get("modules", [])) | _extension_modules()) - trusted
    if pure and not any(isinstance(f, _PureSources) for f in sys.meta_path):
        sys.meta_path.insert(0, _PureSources(sorted(pure)))
    return reason


def _extension_modules() -> set[str]:
    """The extension modules inside the package, named from it ('parser.body')."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    try:
        return {
            ".".join([*path.relative_to(_HERE).parent.parts, path.name.partition(".")[0]])
            for path in _HERE.rglob("*")
            if path.name.endswith(suffixes)
        }
    except OSError:
        return set()


def running_compiled() -> bool:
    """Whether every module the build compiled is running as an extension module."""
    compiled = _read_info().get("compiled")
    if not isinstance(compiled, dict) or not compiled:
        return False
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for name in compiled:
        spec = importlib.util.find_spec(f"{_PACKAGE}.{name}")
        if spec is None or not str(spec.origin).endswith(suffixes):
            return False
    return True


PURE_REASON = select()
"""Why pure Python runs ('' when the compiled build does)."""
