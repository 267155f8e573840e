"""What a real corpus folder holds besides articles, run through the real command.

Names that are not UTF-8, FIFOs, links to devices, huge and binary files,
outputs that are devices, pipes or links, names near the length limit, and
inputs that share an expected file. Every run has a timeout, so a hang fails.
"""

from __future__ import annotations

import json
import os
import random
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from fixture_files import ROOT

import articleparse as ap
from articleparse.inputs import UnreadableInput, path_from_shown, shown_path

SEED = ROOT / "fixtures" / "seed" / "000_462883809ea3ad38.txt"
_SCRIPT = Path(sys.executable).parent / "articleparse"
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "articleparse"]
GBK_NAME = "范文".encode("gbk") + b".txt"  # what a Windows tool writes


def run(*args: str | bytes | Path, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*COMMAND, *map(os.fsencode, args)], capture_output=True, timeout=timeout)


def json_lines(data: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


# ------------------------------------------------------------------ names


def test_a_name_that_is_not_utf8_survives_records_messages_and_outputs(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    gbk = os.path.join(os.fsencode(folder), GBK_NAME)
    with open(gbk, "wb") as handle:
        handle.write(SEED.read_bytes() + b"\xff")  # an error, so the summary names it
    out = tmp_path / "out.jsonl"
    for fmt in ("jsonl", "record"):
        result = run("parse", folder, "-j", "1", "-f", fmt, "-o", out)
        assert result.returncode == 1, result.stderr
        found = json_lines(out.read_bytes())
        assert len(found) == 2
        path = found[1]["path"]
        assert isinstance(path, str)
        assert os.fsencode(path_from_shown(path)) == gbk
        assert "Traceback" not in result.stderr.decode("utf-8", "replace")
        assert shown_path(os.fsdecode(gbk)).encode() in result.stderr
    result = run("validate", folder, "--update", "-j", "1")
    assert result.returncode == 1, result.stderr  # the bad byte is an error
    assert os.path.exists(os.path.join(os.fsencode(folder), "范文".encode("gbk") + b".json"))
    assert b"Traceback" not in result.stderr


def test_shown_paths_come_back() -> None:
    for raw in (GBK_NAME, b"plain.txt", "范文.txt".encode(), b"back\\slash\xff.txt", b"a\\x41.txt"):
        path = os.fsdecode(raw)
        shown = shown_path(path)
        shown.encode("utf-8")  # writable anywhere
        assert path_from_shown(shown) == path


# ------------------------------------------------------------------ special inputs


def _special_corpus(folder: Path) -> None:
    folder.mkdir()
    (folder / "a_good.txt").write_bytes(SEED.read_bytes())
    os.mkfifo(folder / "b_fifo.txt")
    (folder / "c_zero.txt").symlink_to("/dev/zero")
    (folder / "d_random.txt").write_bytes(random.Random(2).randbytes(3_000_000))
    (folder / "e_good.txt").write_bytes(SEED.read_bytes())


def test_fifos_devices_and_binary_files_are_one_error_each(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    _special_corpus(folder)
    result = run("parse", folder, "-j", "1", "-f", "jsonl", timeout=60)
    assert result.returncode == 1, result.stderr  # the run finished; some files could not be read
    found = {Path(str(line["path"])).name: line for line in json_lines(result.stdout)}
    assert list(found) == ["a_good.txt", "b_fifo.txt", "c_zero.txt", "d_random.txt", "e_good.txt"]
    assert (
        found["b_fifo.txt"]["error"]
        == "cannot read: not a regular file (a FIFO); only regular files are read"
    )
    assert "a character device" in str(found["c_zero.txt"]["error"])
    assert str(found["d_random.txt"]["error"]).startswith("not-text: not a text file: ")
    assert len(result.stdout) < 200_000  # not 273,000 diagnostics in a 90 MB line
    assert found["a_good.txt"]["article"] is not None and found["e_good.txt"]["article"] is not None


def test_the_size_limit_is_an_option_of_every_command(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(SEED.read_bytes())
    for command in ("parse", "stats", "validate"):
        result = run(command, tmp_path, "-j", "1", "--max-bytes", "1K")
        assert result.returncode == 1, (command, result.stderr)
        assert b"too large: 11,147 bytes, over the limit of 1,024 (--max-bytes)" in result.stderr
    assert run("parse", tmp_path, "-j", "1", "--max-bytes", "1M").returncode == 0
    results = list(ap.parse_many([tmp_path], jobs=1, max_bytes=1000))
    assert results[0].unreadable and "too large" in str(results[0].error)


def test_the_plugin_and_validate_read_only_regular_files(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.txt")
    result = run("validate", tmp_path, "-j", "1")
    assert result.returncode == 1
    assert b"not a regular file (a FIFO)" in result.stdout


def test_parse_file_reads_only_regular_files_and_never_blocks(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.txt")  # no writer: a plain open() would wait forever
    outcome: list[BaseException] = []

    def attempt() -> None:
        try:
            ap.parse_file(tmp_path / "fifo.txt")
        except BaseException as error:  # the test thread reports whatever came
            outcome.append(error)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "parse_file blocked on a FIFO"
    assert isinstance(outcome[0], UnreadableInput), outcome
    assert "not a regular file (a FIFO)" in str(outcome[0])
    with pytest.raises(UnreadableInput, match="a folder"):
        ap.parse_file(tmp_path)
    with pytest.raises(UnreadableInput, match="too large: 11,147 bytes"):
        ap.parse_file(SEED, max_bytes=1000)
    assert ap.parse_file(SEED, max_bytes=11_147).metadata.title == "加强和创新基层党建工作探讨"


# ------------------------------------------------------------------ outputs


def _read_all(path: Path, into: list[bytes]) -> None:
    with open(path, "rb") as handle:
        into.append(handle.read())


def test_output_onto_a_fifo_is_written_into_it(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=_read_all, args=(fifo, got), daemon=True)
    reader.start()
    result = run("parse", SEED, SEED, "-j", "1", "-o", fifo)
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert len(json_lines(got[0])) == 2


def test_output_onto_a_pipe_behind_dev_fd(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [*COMMAND, "parse", str(SEED), str(SEED), "-j", "1", "-o", f"/dev/fd/{write_end}"],
        pass_fds=[write_end],
        stderr=subprocess.PIPE,
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        data = stream.read()
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert b"Traceback" not in stderr
    assert len(json_lines(data)) == 2


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_output_onto_a_device_keeps_the_device(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    result = run("parse", SEED, SEED, "-j", "1", "-o", null)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]


def test_output_onto_a_link_writes_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.jsonl"
    target.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target.name)
    result = run("parse", SEED, SEED, "-j", "1", "-o", link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert len(json_lines(target.read_bytes())) == 2


def test_names_at_the_length_limit_can_be_written(tmp_path: Path) -> None:
    out = tmp_path / ("题" * 80 + ".jsonl")  # 246 bytes: legal, and 14 short of the limit
    assert run("parse", SEED, SEED, "-j", "1", "-o", out).returncode == 0
    assert len(json_lines(out.read_bytes())) == 2
    fixture = tmp_path / ("题" * 81 + ".txt")  # its X.json has 248 bytes
    fixture.write_bytes(SEED.read_bytes())
    result = run("validate", fixture, "--update", "-j", "1")
    assert result.returncode == 0, result.stderr
    assert fixture.with_suffix(".json").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# ------------------------------------------------------------------ validate


def test_two_inputs_with_one_expected_file_are_both_errors(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.gb18030.txt").write_bytes(text.encode("gb18030"))
    result = run("validate", tmp_path, "--update", "-j", "1")
    assert result.returncode == 1, result.stderr
    report = result.stdout.decode()
    for name in ("a.txt", "a.gb18030.txt"):
        assert f"{tmp_path / name}: a.json is the expected file of 2 inputs" in report
    assert not (tmp_path / "a.json").exists()
    assert b"2 failed" in result.stderr
