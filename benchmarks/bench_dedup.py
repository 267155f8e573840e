"""CPU time of ``articleparse dedup`` against the CPU time of parsing the same corpus.

    python benchmarks/bench_dedup.py [--count 100000] [--jobs 1] [--folder DIR]

On a corpus of generated articles (benchmarks/make_corpus.py, seed 1), one
file in ten followed by a copy the way mirror sites make them (other chrome,
traditional characters with pinyin annotations, cut to two thirds, laid out on
other lines: tests/dedup_set.py), it measures the CPU seconds (user + system,
of every process of the run) of:

1. ``articleparse parse DIR -f record -o records.jsonl``: the parse;
2. ``articleparse dedup records.jsonl -o groups.jsonl``: dedup of its records;
3. ``articleparse dedup DIR -o groups.jsonl``: dedup straight from the files,
   which parses them itself (the parse of their normalized text);

and prints the CPU per file of each and the ratios of 2 and 3 to 1, with the
groups found. ``--jobs`` is passed to every run (the ratio is of CPU time, so
the number of processes changes it little). A folder given with ``--folder``
is kept and reused.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from dedup_set import MUTATIONS, mutate  # noqa: E402
from fixture_files import load_script  # noqa: E402

MAKE_CORPUS = load_script(ROOT / "benchmarks" / "make_corpus.py", "make_corpus")
COPY_EVERY = 10


def write_corpus(folder: Path, count: int) -> None:
    rng = random.Random(1)
    mutations = random.Random(2)
    written = 0
    while written < count:
        text, encoding = MAKE_CORPUS.make_article(rng)
        files = [text.encode(encoding)]
        if written % COPY_EVERY == 0:
            chosen = mutations.sample(MUTATIONS, mutations.randint(1, 2))
            files.append(mutate(text.replace("\r\n", "\n"), chosen, mutations).encode("utf-8"))
        for data in files[: count - written]:
            target = folder / f"{written // 1000:03d}" / f"{written:06d}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written += 1


def timed(args: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (all its processes) of one run of the command line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "articleparse", *args], capture_output=True, check=False
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{args} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="files (default 100,000)")
    parser.add_argument("--jobs", type=int, default=1, help="-j of every run (default 1)")
    parser.add_argument("--folder", type=Path, help="keep the corpus here (reused when present)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        corpus = args.folder or work / "corpus"
        if not corpus.exists() or not any(corpus.iterdir()):
            start = time.perf_counter()
            write_corpus(corpus, args.count)
            print(f"wrote {args.count:,} files in {time.perf_counter() - start:.0f} s", flush=True)
        count = sum(1 for _ in corpus.rglob("*.txt"))
        records, groups = work / "records.jsonl", work / "groups.jsonl"
        jobs = ["-j", str(args.jobs), "-q"]
        runs = {
            "parse -f record": ["parse", str(corpus), "-f", "record", "-o", str(records), *jobs],
            "dedup records.jsonl": ["dedup", str(records), "-o", str(groups), *jobs],
            "dedup DIR (parses too)": ["dedup", str(corpus), "-o", str(groups), *jobs],
        }
        cpu: dict[str, float] = {}
        for name, command in runs.items():
            wall, cpu[name] = timed(command)
            print(
                f"{name:24} {cpu[name]:8.1f} s CPU  {cpu[name] / count * 1000:6.3f} ms/file  "
                f"(wall {wall:.1f} s)",
                flush=True,
            )
        base = cpu["parse -f record"]
        for name in list(runs)[1:]:
            print(f"{name} / parse: {cpu[name] / base:.2f}×")
        sizes = Counter(json.loads(line)["group"] for line in groups.open())
        copies = sum(size - 1 for size in sizes.values())
        print(f"{count:,} files, {len(sizes):,} groups, {copies:,} files grouped with another")


if __name__ == "__main__":
    main()
