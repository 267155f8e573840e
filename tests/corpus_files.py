"""Generated corpora for the corpus-tooling tests (benchmarks/make_corpus.py, a fixed seed)."""

from __future__ import annotations

from pathlib import Path

from fixture_files import load_script

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "000_462883809ea3ad38.txt"


MAKE_CORPUS = load_script(ROOT / "benchmarks" / "make_corpus.py", "make_corpus")


def write_corpus(folder: Path, count: int, per_folder: int = 50, seed: int = 1) -> Path:
    MAKE_CORPUS.write_corpus(folder, count, seed, per_folder)
    return folder


def corpus_paths(folder: Path) -> list[str]:
    return [str(p) for p in sorted(folder.rglob("*.txt"))]
