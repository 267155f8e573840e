"""Throughput ratios (section 6 of benchmarks/bench.py, or alone):

    python benchmarks/throughput.py [--files 2000] [--keep 5000] [--repeats 3]

On one generated corpus (benchmarks/make_corpus.py), in one run, each a ratio of
CPU seconds so that other work on a shared machine moves it little:

1. kept trees: parsing ``--keep`` documents while keeping every tree in a list,
   over parsing them and dropping each (target ≤ 1.25); the cyclic collector
   walks every container a program keeps, so what a tree holds shows here;
2. ``parse_many(jobs=2)`` over ``parse_many(jobs=1)``, the CPU of this process
   and its workers together (target ≤ 1.2), with the wall-clock speed-up; and
   what one result costs the collecting process (unpickling) against its parse;
3. the command line's record run at ``-j 1`` (``articleparse parse DIR -f record
   -o out``) over a bare loop reading and parsing the same files in one process
   (target ≤ 1.2), with the start-up of the command (a run over one file)
   taken off; and files/s per core end to end.

Each figure is the median of ``--repeats`` runs, the contenders taking turns.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import articleparse as ap
from articleparse.corpus.batch import Input
from articleparse.corpus.many import parse_input

ROOT = Path(__file__).resolve().parent.parent
MAKE_CORPUS = ROOT / "benchmarks" / "make_corpus.py"

TARGET_KEEP = 1.25
TARGET_JOBS = 1.2
TARGET_CLI = 1.2


def cpu() -> float:
    """CPU seconds of this process and of its children that have ended."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def measured(func: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one call, with a collection before it."""
    gc.collect()
    start_cpu, start_wall = cpu(), time.perf_counter()
    func()
    return cpu() - start_cpu, time.perf_counter() - start_wall


def make_corpus(folder: Path, count: int) -> list[Path]:
    subprocess.run(
        [sys.executable, str(MAKE_CORPUS), str(folder), "--count", str(count), "--seed", "1"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return sorted(folder.rglob("*.txt"))


def verdict(ratio: float, target: float) -> str:
    return f"{'met' if ratio <= target else 'NOT met'} (target ≤ {target})"


def kept_trees(files: list[Path], keep: int, repeats: int) -> float:
    datas = [path.read_bytes() for path in files]
    datas = (datas * (keep // len(datas) + 1))[:keep]

    def drop() -> None:
        for data in datas:
            ap.parse_bytes(data)

    def hold() -> None:
        kept = [ap.parse_bytes(data) for data in datas]
        del kept

    ratios = []
    for _ in range(repeats):
        dropped = measured(drop)[0]
        held = measured(hold)[0]
        ratios.append(held / dropped)
    ratio = statistics.median(ratios)
    print(
        f"   parse {keep:,} documents keeping every tree / dropping each: {ratio:.2f}×  {verdict(ratio, TARGET_KEEP)}"
    )
    return ratio


def many_jobs(folder: Path, repeats: int) -> float:
    def run(jobs: int) -> Callable[[], object]:
        return lambda: sum(
            1 for result in ap.parse_many(folder, jobs=jobs) if result.article is not None
        )

    cpu_ratios, speedups = [], []
    for _ in range(repeats):
        one_cpu, one_wall = measured(run(1))
        two_cpu, two_wall = measured(run(2))
        cpu_ratios.append(two_cpu / one_cpu)
        speedups.append(one_wall / two_wall)
    ratio = statistics.median(cpu_ratios)
    print(f"   parse_many CPU, jobs=2 / jobs=1: {ratio:.2f}×  {verdict(ratio, TARGET_JOBS)}")
    print(
        f"   parse_many wall-clock speed-up of jobs=2: {statistics.median(speedups):.2f}× on {os.cpu_count()} cores"
    )
    return ratio


def result_transfer(files: list[Path]) -> None:
    sample = [Input(str(path)) for path in files[:200]]
    results = [parse_input(item) for item in sample]
    pickled = [pickle.dumps(result, pickle.HIGHEST_PROTOCOL) for result in results]
    parse_cpu = measured(lambda: [parse_input(item) for item in sample])[0]
    loads_cpu = measured(lambda: [pickle.loads(data) for data in pickled])[0]
    dumps_cpu = measured(lambda: [pickle.dumps(r, pickle.HIGHEST_PROTOCOL) for r in results])[0]
    print(
        f"   one result sent back: pickling {dumps_cpu / parse_cpu:.2f}× and unpickling "
        f"{loads_cpu / parse_cpu:.2f}× of reading and parsing it"
    )


def command_line(folder: Path, files: list[Path], repeats: int) -> float:
    def cli(target: Path) -> Callable[[], object]:
        def call() -> None:
            with tempfile.TemporaryDirectory() as out:
                args = [
                    "parse",
                    str(target),
                    "-j",
                    "1",
                    "-q",
                    "-f",
                    "record",
                    "-o",
                    f"{out}/out.jsonl",
                ]
                subprocess.run([sys.executable, "-m", "articleparse", *args], check=True)

        return call

    def bare() -> None:
        for path in files:
            ap.parse_bytes(path.read_bytes())

    ratios, rates = [], []
    for _ in range(repeats):
        start_up = measured(cli(files[0]))[0]
        run_cpu, _ = measured(cli(folder))
        loop_cpu = measured(bare)[0]
        ratios.append((run_cpu - start_up) / loop_cpu)
        rates.append(len(files) / run_cpu)
    ratio = statistics.median(ratios)
    print(
        f"   command-line record run at -j 1 / bare read-and-parse loop: {ratio:.2f}×  {verdict(ratio, TARGET_CLI)}"
    )
    print(f"   end to end: {statistics.median(rates):,.0f} files/s per core (start-up included)")
    return ratio


def throughput(folder: Path, files: list[Path], keep: int, repeats: int) -> list[bool]:
    """Print section 6 of the benchmark; whether each target was met."""
    print(f"\n6. throughput ({len(files):,} generated files, CPU seconds)")
    keep_ratio = kept_trees(files, keep, repeats)
    jobs_ratio = many_jobs(folder, repeats)
    result_transfer(files)
    cli_ratio = command_line(folder, files, repeats)
    return [keep_ratio <= TARGET_KEEP, jobs_ratio <= TARGET_JOBS, cli_ratio <= TARGET_CLI]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000, help="generated files")
    parser.add_argument("--keep", type=int, default=5000, help="trees kept")
    parser.add_argument("--repeats", type=int, default=3, help="runs per ratio (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="articleparse-throughput-") as tmp:
        folder = Path(tmp) / "corpus"
        files = make_corpus(folder, args.files)
        met = throughput(folder, files, args.keep, args.repeats)
    print(f"\ntargets met: {sum(met)} of {len(met)}")


if __name__ == "__main__":
    main()
