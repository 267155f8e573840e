"""The build backend: setuptools, asking for mypy and the parser's type stubs only to compile.

A compiled build needs mypy (mypyc), pydantic and the regex stubs at build
time; a pure build (``ARTICLEPARSE_PURE=1``) needs none of them, and gives a
``py3-none-any`` wheel that installs anywhere (setup.py says which).
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (every hook not defined here)

COMPILE_REQUIRES = ["mypy==2.4.1", "pydantic>=2.6,<3", "regex>=2023.0", "types-regex"]


def _pure() -> bool:
    return os.environ.get("ARTICLEPARSE_PURE", "") not in ("", "0")


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    extra = [] if _pure() else COMPILE_REQUIRES
    return [*_setuptools.get_requires_for_build_wheel(config_settings), *extra]


def get_requires_for_build_editable(config_settings: dict[str, Any] | None = None) -> list[str]:
    extra = [] if _pure() else COMPILE_REQUIRES
    return [*_setuptools.get_requires_for_build_editable(config_settings), *extra]
