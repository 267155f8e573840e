"""The compiled build against the pure-Python reference, byte for byte.

The suite runs on whichever build is installed (compiled after ``make``); this
module parses every fixture, the fuzz corpus and a few thousand generated and
mangled articles with both builds (the pure one in a subprocess with
``ARTICLEPARSE_PURE=1``) and compares the JSON of every document.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import subprocess
import sys
import sysconfig
import warnings
from pathlib import Path

import pytest
from corpus_files import MAKE_CORPUS, ROOT

import articleparse as ap
from articleparse import _build

GENERATED = 2000
MANGLED = 1000
requires_compiled = pytest.mark.skipif(
    not ap.COMPILED, reason=f"the compiled build is not running ({_build.PURE_REASON})"
)

# Run in the pure-Python subprocess: the JSON of each input file, one per line.
_PURE_WORKER = """
import sys
import articleparse as ap
assert not ap.COMPILED
out = sys.stdout.buffer
for path in sys.stdin.read().splitlines():
    with open(path, "rb") as handle:
        out.write(ap.parse_bytes(handle.read()).model_dump_json().encode() + b"\\n")
"""


def _inputs() -> list[bytes]:
    files = sorted((ROOT / "fixtures").rglob("*.txt"))
    files += sorted(p for p in (ROOT / "tests" / "fuzz_corpus").iterdir() if p.is_file())
    found = [path.read_bytes() for path in files]
    rng = random.Random(12)
    for _ in range(GENERATED):
        text, encoding = MAKE_CORPUS.make_article(rng)
        found.append(text.encode(encoding))
    texts = [data.decode("utf-8", "replace") for data in found[: len(files)]]
    for _ in range(MANGLED):  # cut and spliced: unterminated rows, half headings, stray bars
        first, second = rng.choice(texts), rng.choice(texts)
        cut, paste = rng.randrange(len(first) + 1), rng.randrange(len(second) + 1)
        found.append((first[:cut] + second[paste:]).encode("utf-8"))
    return found


@requires_compiled
def test_compiled_and_pure_builds_give_the_same_json(tmp_path: Path) -> None:
    inputs = _inputs()
    paths = []
    for index, data in enumerate(inputs):
        path = tmp_path / f"{index:05d}.txt"
        path.write_bytes(data)
        paths.append(str(path))
    env = dict(os.environ, ARTICLEPARSE_PURE="1")
    pure = subprocess.run(
        [sys.executable, "-c", _PURE_WORKER],
        input="\n".join(paths).encode(),
        capture_output=True,
        env=env,
        text=False,
        check=True,
    ).stdout.splitlines()
    assert len(pure) == len(inputs)
    differ = []
    for path, data, expected in zip(paths, inputs, pure, strict=True):
        got = ap.parse_bytes(data).model_dump_json().encode()
        if got != expected:
            differ.append(path)
    assert not differ, f"{len(differ)} of {len(inputs)} inputs differ, first {differ[:5]}"


@pytest.mark.skipif(
    os.environ.get("ARTICLEPARSE_PURE", "") not in ("", "0"), reason="ARTICLEPARSE_PURE is set"
)
@pytest.mark.skipif(
    shutil.which(sysconfig.get_config_var("CC").split()[0]) is None, reason="no C compiler"
)
def test_the_build_is_compiled_where_it_can_be() -> None:
    # with mypyc and a compiler at hand, pure Python means mypyc rejected a module:
    # a type error in the compiled sources, which must not pass as a fallback
    assert ap.COMPILED, _build.PURE_REASON


def test_pure_python_on_request() -> None:
    code = (
        "import articleparse as ap, articleparse.parser.body as b; print(ap.COMPILED, b.__file__)"
    )
    env = dict(os.environ, ARTICLEPARSE_PURE="1")
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    assert shown[0] == "False"
    assert shown[1].endswith("body.py")


@requires_compiled
def test_version_names_the_build() -> None:
    command = [sys.executable, "-m", "articleparse", "--version"]
    shown = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    assert "compiled with mypyc" in shown


def test_an_edited_source_runs_as_pure_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """A digest that no longer matches its source: a warning, and the finder that
    loads the sources goes first on sys.meta_path."""
    info = {"modules": ["parser.body"], "compiled": {"parser.body": "0" * 64}, "reason": ""}
    monkeypatch.setattr(_build, "_read_info", lambda: info)
    monkeypatch.delenv("ARTICLEPARSE_PURE", raising=False)
    monkeypatch.setattr(
        sys, "meta_path", [f for f in sys.meta_path if not isinstance(f, _build._PureSources)]
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reason = _build.select()
    assert reason == "parser/body.py changed since the build"
    assert [w.category for w in caught] == [_build.StaleBuildWarning]
    finder = sys.meta_path[0]
    assert isinstance(finder, _build._PureSources)
    spec = finder.find_spec("articleparse.parser.body", None)
    assert spec is not None and spec.origin is not None and spec.origin.endswith("body.py")
    assert finder.find_spec("articleparse.model", None) is None


def test_the_digests_are_of_the_sources_as_built() -> None:
    info = _build._read_info()
    if not info.get("compiled"):
        pytest.skip(f"no compiled build ({_build.PURE_REASON})")
    for name, digest in info["compiled"].items():
        assert hashlib.sha256(_build.source(name).read_bytes()).hexdigest() == digest
