"""``--output-dir``: shards that appear only when complete, a manifest, ``--resume`` and ``--errors``.

The interrupted runs are real: the command is killed (SIGKILL, or Ctrl-C's
SIGINT) while it writes, started again with ``--resume``, and the folder it
leaves is compared with that of one uninterrupted run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from corpus_files import SEED, corpus_paths, write_corpus

_SCRIPT = Path(sys.executable).parent / "articleparse"
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "articleparse"]
FILES = 2000
SHARD = 250


def run(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*COMMAND, *map(str, args)], capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated corpus with one undecodable file and one that cannot be read (a dangling link)."""
    folder = write_corpus(tmp_path_factory.mktemp("corpus"), FILES, per_folder=500)
    (folder / "001" / "000600.txt").write_bytes(
        SEED.read_bytes().replace("引言".encode(), b"\xff\xfe", 1)
    )
    os.symlink(folder / "no-such-file", folder / "002" / "001200x.txt")
    return folder


def _manifest(folder: Path) -> list[dict[str, object]]:
    return [
        json.loads(line)
        for line in (folder / "_manifest.ndjson").read_text(encoding="utf-8").splitlines()
    ]


def _shards(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture(scope="module")
def uninterrupted(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("whole")
    result = run(
        "parse",
        corpus,
        "-f",
        "parquet",
        "--output-dir",
        out / "shards",
        "--shard-size",
        SHARD,
        "-j",
        "2",
        "--errors",
        out / "errors.jsonl",
    )
    assert result.returncode == 1, (
        result.stderr
    )  # the run finished; the dangling link cannot be read
    return out


def test_shards_and_manifest_of_one_run(corpus: Path, uninterrupted: Path) -> None:
    shards = uninterrupted / "shards"
    names = _shards(shards)
    count = -(-(FILES + 1) // SHARD)
    assert names == ["_manifest.ndjson", *(f"part-{i:05d}.parquet" for i in range(count))]
    manifest = _manifest(shards)
    assert [entry["shard"] for entry in manifest] == names[1:]
    inputs = [path for entry in manifest for path in entry["inputs"]]  # type: ignore[attr-defined]
    assert inputs == corpus_paths(corpus)
    for entry in manifest:
        table = pq.read_table(shards / str(entry["shard"]))
        assert table.column("path").to_pylist() == entry["inputs"]
        assert table.num_rows == entry["records"] <= SHARD
    errors = [
        json.loads(line)
        for line in (uninterrupted / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [(e["path"], e["exit"]) for e in errors] == [
        (str(corpus / "001" / "000600.txt"), 1),
        (str(corpus / "002" / "001200x.txt"), 2),
    ]
    assert errors[1]["error"].startswith("cannot read")


def _start(corpus: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            *COMMAND,
            "parse",
            str(corpus),
            "-f",
            "parquet",
            "--output-dir",
            str(out / "shards"),
            "--shard-size",
            str(SHARD),
            "-j",
            "1",
            "--errors",
            str(out / "errors.jsonl"),
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for_shards(process: subprocess.Popen[bytes], folder: Path, count: int) -> None:
    deadline = time.monotonic() + 120
    manifest = folder / "_manifest.ndjson"
    while not (manifest.exists() and manifest.read_bytes().count(b"\n") >= count):
        assert process.poll() is None, "finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.005)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_a_killed_run_resumed_equals_one_uninterrupted_run(
    corpus: Path, uninterrupted: Path, tmp_path: Path, signum: int
) -> None:
    process = _start(corpus, tmp_path)
    _wait_for_shards(process, tmp_path / "shards", 2)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    left = _shards(tmp_path / "shards")
    complete = {entry["shard"] for entry in _manifest(tmp_path / "shards")}
    assert len(complete) < -(-(FILES + 1) // SHARD), "the run was not interrupted"
    for name in left:
        assert (
            name == "_manifest.ndjson" or name in complete or name.startswith(".")
        )  # no half shard
    if signum == signal.SIGINT:
        assert process.returncode == 130 and b"Traceback" not in stderr
        assert not any(name.startswith(".") for name in left)  # temporary files removed
    assert not (tmp_path / "errors.jsonl").exists()
    resumed = _start(corpus, tmp_path, "--resume")
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 1, stderr
    assert b"already in complete shards" in stderr
    whole = uninterrupted / "shards"
    assert _shards(tmp_path / "shards") == _shards(whole)
    assert _manifest(tmp_path / "shards") == _manifest(whole)
    for name in _shards(whole)[1:]:
        assert pq.read_table(tmp_path / "shards" / name).equals(pq.read_table(whole / name)), name
    assert (tmp_path / "errors.jsonl").read_bytes() == (uninterrupted / "errors.jsonl").read_bytes()


def test_resume_drops_a_shard_the_manifest_does_not_list(corpus: Path, tmp_path: Path) -> None:
    """Killed between a shard's rename and its manifest line: that shard is written again."""
    out = tmp_path / "shards"
    first = run(
        "parse",
        corpus / "000",
        "-f",
        "record",
        "--output-dir",
        out,
        "--shard-size",
        "200",
        "-j",
        "1",
    )
    assert first.returncode == 0
    whole = {name: (out / name).read_bytes() for name in _shards(out)}
    lines = (out / "_manifest.ndjson").read_bytes().splitlines(keepends=True)
    (out / "_manifest.ndjson").write_bytes(
        b"".join(lines[:1]) + lines[1][:20]
    )  # a torn second line
    (out / ".part-00002.jsonl.abc.tmp").write_bytes(b"half")
    resumed = run(
        "parse",
        corpus / "000",
        "-f",
        "record",
        "--output-dir",
        out,
        "--shard-size",
        "200",
        "--resume",
        "-j",
        "1",
    )
    assert resumed.returncode == 0, resumed.stderr
    assert b"200 file(s) already in complete shards" in resumed.stderr
    assert {name: (out / name).read_bytes() for name in _shards(out)} == whole


def test_output_dir_refuses_old_shards_without_resume_and_a_format_change(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "shards"
    assert run("parse", corpus / "000", "-f", "record", "--output-dir", out, "-q").returncode == 0
    again = run("parse", corpus / "000", "-f", "record", "--output-dir", out)
    assert again.returncode == 2 and b"pass --resume" in again.stderr
    other = run("parse", corpus / "000", "-f", "parquet", "--output-dir", out, "--resume")
    assert other.returncode == 2 and b"jsonl shards, not parquet" in other.stderr
    assert run("parse", corpus / "000", "--resume").returncode == 2
    done = run("parse", corpus / "000", "-f", "record", "--output-dir", out, "--resume")
    assert done.returncode == 0
    assert b"500 file(s) already in complete shards" in done.stderr
