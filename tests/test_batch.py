"""Batch machinery: walking folders, the ordered worker pool, the progress bar."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from articleparse.corpus.batch import iter_inputs, ordered_map, walk_folder
from articleparse.corpus.progress import Progress


def test_walk_folder_is_in_path_order_and_skips_hidden_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "a/y.json", "a/.x.txt.tmp", ".hidden/c.txt", "c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in walk_folder(str(tmp_path))]
    assert found == ["a/z.txt", "b.txt", "c.txt"]
    assert [Path(p).name for p in walk_folder(str(tmp_path), "a/*.json")] == ["y.json"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_after_its_delay_and_clears_its_line() -> None:
    stream = _Terminal()
    progress = Progress(stream, total=4, delay=0.0, interval=0.0)
    assert list(progress.track(range(4))) == [0, 1, 2, 3]
    drawn = stream.getvalue()
    assert "3/4" in drawn and "files/s" in drawn
    last_line = drawn.rsplit("\r", 2)[-2]
    assert last_line.strip() == ""  # the bar's line is blank again when it is done
    quiet = _Terminal()
    assert list(Progress(quiet, total=4, delay=60.0).track(range(4))) == [0, 1, 2, 3]
    assert quiet.getvalue() == ""
    off = _Terminal()
    assert list(Progress(off, total=4, enabled=False, delay=0.0).track(range(4))) == [0, 1, 2, 3]
    assert off.getvalue() == ""


def test_writes_between_draws_never_share_the_bar_line() -> None:
    stream = _Terminal()
    progress = Progress(stream, total=10, delay=0.0, interval=0.0)
    for number in progress.track(range(10)):
        if number == 5:
            progress.write_between(lambda: stream.write("REPORT\n"))
    text = stream.getvalue()
    before, after = text.split("REPORT\n")
    assert before.rsplit("\r", 1)[-1].strip() == ""  # cleared just before the report
    assert "/10" in after  # and drawn again after it


def test_inputs_know_their_path_from_the_folder_they_were_found_in(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("", encoding="utf-8")
    (tmp_path / "y.txt").write_text("", encoding="utf-8")
    found = list(iter_inputs([str(tmp_path / "a"), str(tmp_path / "y.txt"), ("mem.txt", b"x")]))
    assert [item.name for item in found] == ["b/x.txt", str(tmp_path / "y.txt"), "mem.txt"]
    assert found[2].data == b"x"


def _square(number: int) -> int:
    return number * number


def test_ordered_map_keeps_input_order_in_and_out_of_process() -> None:
    for jobs, count in ((1, 50), (2, 3), (2, 200)):
        assert list(ordered_map(_square, iter(range(count)), jobs, chunk_size=4)) == [
            n * n for n in range(count)
        ]


_PARENT = os.getpid()


def _square_slowly_in_workers(number: int) -> tuple[int, bool]:
    """Workers are slow, so the parent process finds results not ready and takes chunks."""
    in_parent = os.getpid() == _PARENT
    if not in_parent:
        time.sleep(0.002)
    return number * number, in_parent


def test_ordered_map_takes_a_share_in_this_process_and_keeps_order() -> None:
    results = list(ordered_map(_square_slowly_in_workers, iter(range(400)), 2, chunk_size=8))
    assert [value for value, _ in results] == [n * n for n in range(400)]
    in_parent = sum(1 for _, here in results if here)
    assert 0 < in_parent < 400  # both this process and the worker did some of the work


@settings(max_examples=12, deadline=None)
@given(st.lists(st.integers(), max_size=60), st.integers(1, 3), st.integers(1, 9))
def test_ordered_map_is_map_whatever_the_jobs_and_chunks(
    numbers: list[int], jobs: int, chunk: int
) -> None:
    assert list(ordered_map(_square, iter(numbers), jobs, chunk_size=chunk)) == [
        n * n for n in numbers
    ]


def test_off_a_terminal_progress_is_lines_of_counts() -> None:
    stream = io.StringIO()
    progress = Progress(stream, None, lines=True, line_seconds=0.0, label="articleparse parse")
    assert list(progress.track(range(3), lambda n: n == 1)) == [0, 1, 2]
    assert stream.getvalue().splitlines()[-1].startswith("articleparse parse: 3 files, ")
    assert stream.getvalue().splitlines()[-1].endswith(" files/s, 1 with errors")
    assert "\r" not in stream.getvalue()
