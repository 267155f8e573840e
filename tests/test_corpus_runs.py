"""Corpus runs a scheduler can trust, on real files and real processes.

A worker killed mid-run, ``--resume`` with the folder spelled two ways, an
input named twice, outputs that cannot be written or that name an input,
the exit codes (a FIFO among the inputs), ``--files-from``, compressed
output read back, progress lines in a log, and what every reader of an
output folder sees.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_files import SEED, write_corpus

from articleparse.corpus.atomic import atomic_file
from articleparse.corpus.batch import ordered_map
from articleparse.corpus.pool import LOST_MESSAGE, WorkerLost

_SCRIPT = Path(sys.executable).parent / "articleparse"
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "articleparse"]
_PARENT = os.getpid()


def run(
    *args: str | Path, cwd: Path | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*COMMAND, *map(str, args)], capture_output=True, timeout=300, cwd=cwd, input=stdin
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("runs"), 12, per_folder=6)


def _die_on_seven(number: int) -> int:
    if number == 7 and os.getpid() != _PARENT:
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
    return number


def _as_lost(number: int, why: str) -> int:
    return -number


def test_a_killed_worker_costs_its_chunk_and_the_run_goes_on() -> None:
    # chunks of 4, so 7 is in the second chunk, which a worker takes
    results = list(ordered_map(_die_on_seven, range(40), 2, chunk_size=4, on_lost=_as_lost))
    assert len(results) == 40
    assert results[:4] == [0, 1, 2, 3]
    assert results == [-n if 4 <= n < 8 else n for n in range(40)]  # the chunk 4..7 alone


def test_without_a_stand_in_a_killed_worker_stops_the_run_with_a_message() -> None:
    with pytest.raises(WorkerLost, match="died"):
        list(ordered_map(_die_on_seven, range(40), 2, chunk_size=4))
    assert "died" in LOST_MESSAGE


def test_resume_knows_an_input_however_its_folder_is_spelled(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run("parse", corpus, "-f", "record", "--output-dir", out, "--shard-size", "5", "-q")
    assert first.returncode == 0, first.stderr
    manifest = (out / "_manifest.ndjson").read_bytes()
    shards = sorted(p.name for p in out.iterdir())
    # the same folder, relative and with ./ : every input is already in a complete shard
    relative = os.path.relpath(corpus, tmp_path)
    again = run(
        "parse",
        f"./{relative}",
        "-f",
        "record",
        "--output-dir",
        "out",
        "--shard-size",
        "5",
        "--resume",
        cwd=tmp_path,
    )
    assert again.returncode == 0, again.stderr
    assert b"12 file(s) already in complete shards" in again.stderr
    assert sorted(p.name for p in out.iterdir()) == shards
    assert (out / "_manifest.ndjson").read_bytes() == manifest


def test_resume_refuses_inputs_that_are_not_in_the_manifest(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("parse", corpus / "000", "--output-dir", out, "-f", "record", "-q").returncode == 0
    other = run("parse", corpus / "001", "--output-dir", out, "-f", "record", "--resume")
    assert other.returncode == 2 and b"cannot resume" in other.stderr


def test_an_input_named_twice_is_written_twice_after_a_resume(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "c", 2, per_folder=2)
    args = ["parse", folder, folder / "000", "-f", "record", "--shard-size", "1", "-q"]
    assert run(*args, "--output-dir", tmp_path / "full").returncode == 0
    part = tmp_path / "part"
    part.mkdir()
    (part / "part-00000.jsonl").write_bytes((tmp_path / "full" / "part-00000.jsonl").read_bytes())
    lines = (tmp_path / "full" / "_manifest.ndjson").read_bytes().splitlines(keepends=True)
    (part / "_manifest.ndjson").write_bytes(lines[0])
    resumed = run(*args, "--output-dir", part, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    full = sorted((tmp_path / "full").iterdir())
    assert [p.name for p in full] == sorted(p.name for p in part.iterdir())
    assert len(full) == 5  # four shards, the second file of 000 twice
    assert all(p.read_bytes() == (part / p.name).read_bytes() for p in full)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full to fill")
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(
    corpus: Path, tmp_path: Path
) -> None:
    for args in (["-o", "/dev/full"], ["-o", tmp_path / "o.jsonl", "--errors", "/dev/full"]):
        result = run("parse", corpus, tmp_path / "missing.txt", "-f", "record", "-q", *args)
        assert result.returncode == 2, result.stderr
        assert b"Traceback" not in result.stderr
        assert result.stderr.decode().strip().splitlines() == [
            "articleparse: error: cannot write /dev/full: No space left on device"
        ]
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [*COMMAND, "parse", str(SEED)], stdout=full, stderr=subprocess.PIPE, timeout=60
        )
    assert result.returncode == 2 and b"cannot write standard output" in result.stderr
    assert b"Traceback" not in result.stderr and not list(tmp_path.iterdir())


def test_an_output_that_names_an_input_or_the_other_output_is_refused(
    corpus: Path, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(SEED.read_bytes())
    refused = run("parse", "a.txt", "-o", "a.txt", cwd=tmp_path)
    assert refused.returncode == 2 and b"is an input" in refused.stderr
    assert article.read_bytes() == SEED.read_bytes()
    same = run("parse", corpus, "-o", tmp_path / "x.jsonl", "--errors", tmp_path / "x.jsonl")
    assert same.returncode == 2 and b"the same file" in same.stderr
    inside = run("parse", tmp_path, "-o", tmp_path / "all.txt")
    assert inside.returncode == 2 and b"a later run would read it" in inside.stderr
    assert (
        run("parse", "a.txt", "-o", "all.json", cwd=tmp_path).returncode == 0
    )  # not matched by *.txt


def test_exit_codes_with_a_fifo_among_the_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    assert run("parse", folder, "-f", "record", "-q").returncode == 0
    os.mkfifo(folder / "b.txt")
    result = run("parse", folder, "-f", "record")
    assert result.returncode == 1, result.stderr  # finished, one file could not be read
    assert b"a FIFO" in result.stderr
    assert run("parse", folder, "--no-such-flag").returncode == 2
    stopped = run(
        "parse", folder, "-f", "record", "--max-failures", "0", "-o", tmp_path / "o.jsonl"
    )
    assert stopped.returncode == 2 and b"--max-failures" in stopped.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_files_from_a_list_and_compressed_output_read_back(corpus: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    listing = ("\n".join(files[:5]) + "\n\n").encode()
    plain = run("parse", "--files-from", "-", "-f", "record", "-q", stdin=listing)
    assert plain.returncode == 0, plain.stderr
    assert [json.loads(line)["path"] for line in plain.stdout.splitlines()] == files[:5]
    (tmp_path / "list").write_bytes(listing)
    packed = run(
        "parse", "--files-from", tmp_path / "list", "-f", "record", "-o", tmp_path / "x.jsonl.gz"
    )
    assert packed.returncode == 0, packed.stderr
    assert gzip.decompress((tmp_path / "x.jsonl.gz").read_bytes()) == plain.stdout
    zstandard = pytest.importorskip("zstandard")
    assert run("parse", *files[:5], "-f", "record", "-o", tmp_path / "x.jsonl.zst").returncode == 0
    reader = zstandard.ZstdDecompressor().stream_reader((tmp_path / "x.jsonl.zst").read_bytes())
    assert reader.read() == plain.stdout
    assert run("parse", "-f", "record").returncode == 2  # neither paths nor a list


def test_progress_lines_off_a_terminal(corpus: Path) -> None:
    # stderr is a pipe here: lines with counts every few seconds, none in so short a run
    result = run("parse", corpus, "-f", "record")
    assert result.stderr.decode().splitlines() == ["articleparse parse: 12 file(s), 12 ok"]


def test_parquet_to_a_closed_pipe_stops_quietly(corpus: Path) -> None:
    pytest.importorskip("pyarrow")
    command = " ".join(
        [*COMMAND, "parse", str(corpus), str(corpus), "-f", "parquet", "-o", "/dev/stdout"]
    )
    shell = subprocess.run(
        ["sh", "-c", f"{command} | head -c 10 > /dev/null; echo $?"],
        capture_output=True,
        timeout=120,
    )
    assert b"Traceback" not in shell.stderr and b"Exception ignored" not in shell.stderr


def test_stale_temporary_files_of_a_dead_run_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = tmp_path / f".out.jsonl.{dead.stdout.strip()}.abcdefgh.tmp"
    stale.write_bytes(b"half")
    alive = tmp_path / f".out.jsonl.{os.getppid()}.abcdefgh.tmp"  # a run still going
    alive.write_bytes(b"half")
    with atomic_file(tmp_path / "out.jsonl") as stream:
        stream.write(b"whole")
    assert not stale.exists() and alive.exists()
    assert (tmp_path / "out.jsonl").read_bytes() == b"whole"


def test_duckdb_reads_every_jsonl_of_an_output_folder_as_records(
    corpus: Path, tmp_path: Path
) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "out"
    assert (
        run(
            "parse", corpus, "-f", "record", "--output-dir", out, "--shard-size", "5", "-q"
        ).returncode
        == 0
    )
    rows = duckdb.sql(
        f"select count(*), count(record_version) from read_json_auto('{out}/*.jsonl')"
    ).fetchall()[0]
    assert rows == (12, 12)


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the workers through /proc")
def test_workers_end_quietly_when_their_parent_is_killed(corpus: Path, tmp_path: Path) -> None:
    process = subprocess.Popen(
        [
            *COMMAND,
            "parse",
            *[str(corpus)] * 400,
            "-j",
            "3",
            "-q",
            "-f",
            "record",
            "-o",
            tmp_path / "o.jsonl",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    workers: list[int] = []
    while len(workers) < 2 and process.poll() is None:
        workers = _children(process.pid)
    assert process.poll() is None, "the run ended before its workers could be seen"
    process.kill()
    _, stderr = process.communicate(timeout=120)  # the end of stderr: every worker has closed it
    assert b"Traceback" not in stderr and b"Error" not in stderr, stderr
    assert [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]  # left by the kill ...
    with atomic_file(tmp_path / "o.jsonl") as stream:  # ... and removed by the next write
        stream.write(b"")
    assert os.listdir(tmp_path) == ["o.jsonl"]


def test_urls_are_inputs_of_the_command_line(corpus: Path) -> None:
    pytest.importorskip("fsspec")
    local = run("parse", corpus, "-f", "record", "-q")
    remote = run("parse", f"file://{corpus}", "-f", "record", "-q")
    assert remote.returncode == 0, remote.stderr
    pairs = [
        (json.loads(a), json.loads(b))
        for a, b in zip(local.stdout.splitlines(), remote.stdout.splitlines(), strict=True)
    ]
    assert all(b["path"] == f"file://{a['path']}" for a, b in pairs)
    assert all(
        a["relative_path"] == b["relative_path"] and a["sha256"] == b["sha256"] for a, b in pairs
    )
    missing = run("parse", f"file://{corpus}/nothing-here.txt", "-f", "record")
    assert missing.returncode == 1 and b"cannot read" in missing.stderr
