"""The recipes of docs/corpus.md run as they are written, on a generated corpus.

Each Python block is saved as a script and run with this interpreter in a
folder holding ``corpus/`` (and, for the readers, the outputs the command line
writes). The Spark block needs a Java runtime and pyspark: without Java it is
skipped, with Java the test installs pyspark (and pandas) itself, so it runs
only in ``make slow``.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_files import write_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS_MD = ROOT / "docs" / "corpus.md"
_SCRIPT = Path(sys.executable).parent / "articleparse"
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "articleparse"]


def python_blocks(section: str) -> list[str]:
    """The Python blocks under the ``## section`` heading of docs/corpus.md."""
    text = CORPUS_MD.read_text(encoding="utf-8")
    start = text.index(f"\n## {section}\n")
    end = text.find("\n## ", start + 1)
    part = text[start : end if end != -1 else len(text)]
    return re.findall(r"```python\n(.*?)```", part, flags=re.DOTALL)


def run_block(code: str, folder: Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    script = folder / "recipe.py"
    script.write_text(code, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script)], cwd=folder, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    here = tmp_path_factory.mktemp("recipes")
    write_corpus(here / "corpus", 24, per_folder=8)
    for format, out in (("parquet", "out"), ("record", "lines")):
        result = subprocess.run(
            [
                *COMMAND,
                "parse",
                "corpus",
                "-f",
                format,
                "--output-dir",
                out,
                "--shard-size",
                "10",
                "-q",
            ],
            cwd=here,
            capture_output=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
    return here


def test_the_reader_recipes_run(folder: Path) -> None:
    blocks = python_blocks("Reading the outputs")
    assert len(blocks) == 2
    for code in blocks:
        result = run_block(code, folder)
        assert result.returncode == 0, result.stderr
    assert "│" in result.stdout or result.returncode == 0


def test_the_dask_recipe_runs_as_written(folder: Path) -> None:
    (code,) = python_blocks("Dask")
    result = run_block(code, folder)
    assert result.returncode == 0, result.stderr
    import pyarrow.parquet as pq

    assert pq.read_table(folder / "out-dask").num_rows == 24


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("java") is None, reason="no Java runtime: Spark cannot start")
def test_the_spark_recipe_runs_as_written(folder: Path) -> None:
    if importlib.util.find_spec("pyspark") is None:
        install = subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "pyspark", "pandas"],
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert install.returncode == 0, install.stderr
    (code,) = python_blocks("Spark")
    result = run_block(code, folder, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    import pyarrow.parquet as pq

    table = pq.read_table(folder / "out-spark")
    assert table.num_rows == 24
    assert sorted(table.column("relative_path").to_pylist()) == sorted(
        str(p.relative_to(folder / "corpus")) for p in (folder / "corpus").rglob("*.txt")
    )
