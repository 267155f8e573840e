"""Corpus-run figures for ``make bench`` (section 5 of benchmarks/bench.py).

On one generated corpus, in one run:

- end-to-end files/s of ``articleparse parse DIR -f record -o out.jsonl`` and
  ``-f parquet -o out.parquet`` at ``-j 1`` and ``-j 2`` (wall clock, median
  of a few runs each, the file cache warmed first);
- the cost per file of ``ap.parse_many(jobs=1)`` and of the Dask path
  (``articleparse.dask.read_articles(...).compute()`` on a one-worker,
  one-thread ``LocalCluster``) over a plain loop doing the same work in this
  process (``parse_file`` for ``parse_many``; ``parse_file`` + record + Arrow
  table for Dask), as ratios, taking turns within each repeat;
- bytes per record of each output format.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import articleparse as ap

FORMATS = (("record", "jsonl"), ("parquet", "parquet"))
SUBSET = 2000  # files for the in-process ratios


def command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "articleparse", *map(str, args)]


def timed_run(args: list[str]) -> tuple[float, float]:
    """Wall seconds of one run, and the CPU seconds its processes used (all of them)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed with exit code {done.returncode}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return elapsed, cpu


def throughput(folder: Path, count: int, runs: int) -> None:
    print(
        f"   end to end, {count:,} files (median of {runs} runs; CPU: all its processes, "
        "so a busy machine shows as wall time well over CPU / jobs)"
    )
    with tempfile.TemporaryDirectory(prefix="articleparse-out-") as tmp:
        for fmt, suffix in FORMATS:
            out = Path(tmp) / f"out.{suffix}"
            for jobs in (1, 2):
                args = command("parse", folder, "-f", fmt, "-o", out, "-j", str(jobs), "-q")
                timings = [timed_run(args) for _ in range(runs)]
                seconds = statistics.median(wall for wall, _ in timings)
                cpu = statistics.median(cpu for _, cpu in timings)
                print(
                    f"   -f {fmt:<8} -j {jobs}   {seconds:6.2f} s   {count / seconds:7.0f} files/s"
                    f"   CPU {cpu:6.2f} s ({cpu / count * 1e6:5.0f} µs a file)"
                )


def _paired(contenders: list[Callable[[], object]], repeats: int) -> list[float]:
    """Median seconds of each contender, taking turns within each repeat."""
    times: list[list[float]] = [[] for _ in contenders]
    for _ in range(repeats):
        for slot, func in enumerate(contenders):
            start = time.perf_counter()
            func()
            times[slot].append(time.perf_counter() - start)
    return [statistics.median(slot) for slot in times]


def overheads(folder: Path, repeats: int) -> None:
    from articleparse.corpus.arrow import records_table

    files = sorted(str(p) for p in folder.rglob("*.txt"))[:SUBSET]

    def plain_parse() -> None:
        for path in files:
            ap.parse_file(path)

    def many() -> None:
        for _ in ap.parse_many(files, jobs=1):
            pass

    loop, batch = _paired([plain_parse, many], repeats)
    print(f"   per file, {len(files):,} files, in this process (median of {repeats})")
    print(f"   plain loop of parse_file        {loop / len(files) * 1e6:7.0f} µs")
    print(
        f"   parse_many(jobs=1)              {batch / len(files) * 1e6:7.0f} µs   "
        f"{batch / loop:.2f}× the plain loop"
    )
    try:
        from distributed import Client, LocalCluster

        from articleparse.dask import read_articles
    except ImportError:
        print("   Dask path: skipped (pip install 'articleparse[dask]')")
        return

    def plain_records() -> None:
        records_table(ap.to_record(ap.parse_file(path), path=path) for path in files)

    with (
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        frame = read_articles(files, files_per_partition=1000)

        def dask_path() -> None:
            frame.compute()

        dask_path()  # the worker imports articleparse once
        loop, dask = _paired([plain_records, dask_path], repeats)
    print(f"   plain loop of parse + record + Arrow {loop / len(files) * 1e6:7.0f} µs")
    print(
        f"   Dask, 1 worker, 1000 files/part  {dask / len(files) * 1e6:7.0f} µs   "
        f"{dask / loop:.2f}× the plain loop"
    )


def sizes(folder: Path, count: int) -> None:
    print(f"   bytes per record, {count:,} files")
    inputs = sum(p.stat().st_size for p in folder.rglob("*.txt"))
    print(f"   input file                         {inputs / count:9,.0f}")
    with tempfile.TemporaryDirectory(prefix="articleparse-out-") as tmp:
        for label, fmt, suffix, extra in (
            ("Article JSON Lines (-f jsonl)", "jsonl", "jsonl", ()),
            ("record JSON Lines (-f record)", "record", "jsonl", ()),
            ("record + --section-text", "record", "jsonl", ("--section-text",)),
            ("record Parquet, zstd (-f parquet)", "parquet", "parquet", ()),
        ):
            out = Path(tmp) / f"out.{suffix}"
            subprocess.run(
                command("parse", folder, "-f", fmt, "-o", out, "-q", *extra), check=False
            )
            print(f"   {label:<34} {out.stat().st_size / count:9,.0f}")


def corpus_runs(folder: Path, count: int, runs: int, repeats: int) -> None:
    print(f"\n5. corpus runs over {count:,} generated files")
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        print("   skipped: pip install 'articleparse[parquet]'")
        return
    throughput(folder, count, runs)
    overheads(folder, repeats)
    sizes(folder, count)
