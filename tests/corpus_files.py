"""Generated corpora for the corpus-tooling tests (benchmarks/make_corpus.py, a fixed seed)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "000_462883809ea3ad38.txt"


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


MAKE_CORPUS = _load_generator()


def write_corpus(folder: Path, count: int, per_folder: int = 50, seed: int = 1) -> Path:
    MAKE_CORPUS.write_corpus(folder, count, seed, per_folder)
    return folder


def corpus_paths(folder: Path) -> list[str]:
    return [str(p) for p in sorted(folder.rglob("*.txt"))]
