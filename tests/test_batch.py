"""Batch machinery: walking folders, the ordered worker pool, the progress bar."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

from articleparse.corpus.batch import Progress, ordered_map, walk_folder


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
    assert "4/4 files" in drawn and "left" in drawn
    assert drawn.endswith("\r\x1b[2K")
    quiet = _Terminal()
    assert list(Progress(quiet, total=4, delay=60.0).track(range(4))) == [0, 1, 2, 3]
    assert quiet.getvalue() == ""


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
