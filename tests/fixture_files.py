"""Reading fixture files: each input ``X.txt`` has its expected tree ``X.json`` beside it."""

from __future__ import annotations

import difflib
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
REGENERATE = os.environ.get("ARTICLEPARSE_REGEN") == "1"


def load_script(path: Path, name: str) -> ModuleType:
    """Import a script of the project (docs/generate.py, benchmarks/make_corpus.py) by path."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def inputs() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*.txt"))


def expected_path(path: Path) -> Path:
    name = path.name.removesuffix(".txt").removesuffix(".gb18030")
    return path.with_name(name + ".json")


def dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def visible_diff(expected: str, got: str) -> str:
    """A unified diff with whitespace made visible, for failure messages."""

    def show(text: str) -> list[str]:
        return [
            line.replace(" ", "·").replace("\u3000", "□").replace("\t", "→").replace("\r", "␍")
            for line in text.splitlines(keepends=True)
        ]

    return "".join(difflib.unified_diff(show(expected), show(got), "expected", "got"))
