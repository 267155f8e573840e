"""Side-by-side timings for design.md §6 (run with ``make bench``).

Everything here is a ratio measured in one run on one machine, so the figures
compare like with like:

1. ``parse`` of the seed against two Markdown parsers on the seed's Markdown
   twin (``to_markdown`` of the parsed tree): mistune 3 building its AST, and
   markdown-it-py producing its token stream;
2. ``parse`` of the seed against ``Article.model_validate_json`` of the seed's
   own JSON, i.e. what pydantic alone needs to materialise the same tree;
3. a document one hundred times the seed (its sections repeated with the
   numbering continued) against the seed: time per input byte, and the peak
   memory ``parse`` allocates per input byte;
4. the batch command over 10,000 generated files, ``-j 2`` against ``-j 1``;
5. corpus runs on the same files (benchmarks/corpus_runs.py): files/s for
   record JSON Lines and Parquet at ``-j 1`` and ``-j 2``, the cost of
   ``parse_many`` and of the Dask path over a plain loop, bytes per record;
6. throughput on 2,000 generated files (benchmarks/throughput.py): parsing while
   keeping 5,000 trees against dropping them, ``parse_many`` CPU at ``jobs=2``
   against ``jobs=1``, the command line's record run against a bare
   read-and-parse loop.

Each timing is the median of several repeats; a repeat times a loop long enough
to make the clock's resolution irrelevant, and the contenders of one comparison
take turns within each repeat (ratios are medians of per-repeat ratios). In-process timings use this thread's
CPU time by default (``--clock wall`` for wall time), so that other work on a
shared machine inflates them less; the batch runs use wall time, since their
point is to use more than one core. Bytes are UTF-8 bytes of the input.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import markdown_it
import mistune
import pydantic

import articleparse as ap
from articleparse.serialize.text import walk_sections

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_runs import corpus_runs
from throughput import make_corpus as make_small_corpus
from throughput import throughput

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "000_462883809ea3ad38.txt"
MAKE_CORPUS = ROOT / "benchmarks" / "make_corpus.py"

TARGET_MISTUNE = 4.0
TARGET_MARKDOWN_IT = 6.0
TARGET_FLOOR = 1.5
TARGET_SCALING = 1.15
TARGET_MEMORY = 20.0
TARGET_BATCH = 1.7
BATCH_FILES = 10_000

clock = time.thread_time


# ------------------------------------------------------------------ timing


def _loops(func: Callable[[], object], min_time: float) -> int:
    """How many calls of ``func`` take at least ``min_time``."""
    func()
    loops = 1
    while True:
        start = clock()
        for _ in range(loops):
            func()
        if clock() - start >= min_time:
            return loops
        loops *= 2


def _once(func: Callable[[], object], loops: int) -> float:
    gc.collect()
    start = clock()
    for _ in range(loops):
        func()
    return (clock() - start) / loops


def paired_seconds(
    funcs: list[Callable[[], object]], repeats: int, min_time: float = 0.05
) -> tuple[list[float], list[float]]:
    """Median time per call of each of ``funcs``, and the median ratio of each to the first.

    The functions take turns within every repeat, so that a burst of other work on
    the machine hits all of them alike, and each ratio is the median of per-repeat
    ratios rather than a ratio of medians taken at different moments.
    """
    loops = [_loops(func, min_time) for func in funcs]
    samples: list[list[float]] = [[] for _ in funcs]
    for _ in range(repeats):
        for index, func in enumerate(funcs):
            samples[index].append(_once(func, loops[index]))
    medians = [statistics.median(times) for times in samples]
    ratios = [
        statistics.median(mine / first for mine, first in zip(times, samples[0], strict=True))
        for times in samples
    ]
    return medians, ratios


def peak_bytes(func: Callable[[], object]) -> int:
    """Peak memory allocated (and traced by tracemalloc) while ``func`` runs."""
    gc.collect()
    tracemalloc.start()
    try:
        baseline = tracemalloc.get_traced_memory()[0]
        result = func()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del result
    return peak - baseline


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


# ------------------------------------------------------------------ inputs


def repeated_document(text: str, copies: int) -> str:
    """The seed with its section run repeated ``copies`` times, top-level numbers continued.

    Every heading of copy ``k`` has its first number part raised by ``k`` times
    the number of top-level sections, so the numbering keeps going (``0 1 2 3
    4 5 …``, ``1.1`` → ``4.1``) and each copy parses as new sections.
    """
    doc = ap.parse(text)
    nodes = list(walk_sections(doc.sections))
    assert nodes and nodes[0].span is not None and nodes[-1].span is not None
    start, end = nodes[0].span.start, nodes[-1].span.end
    separator = nodes[0].sep or " "
    top = len(doc.sections)
    marks: list[tuple[int, int, str]] = []  # (offset in run, marker length, number)
    for node in nodes:
        if isinstance(node, ap.Section):
            assert node.span is not None and node.marker is not None
            marks.append((node.span.start - start, len(node.marker), node.number))
    run = text[start:end]
    copies_text = []
    for copy in range(copies):
        pieces = []
        position = 0
        for offset, length, number in marks:
            head, *rest = number.split(".")
            shifted = ".".join([str(int(head) + copy * top), *rest])
            pieces.append(run[position:offset])
            pieces.append(shifted + run[offset + len(number) : offset + length])
            position = offset + length
        pieces.append(run[position:])
        copies_text.append("".join(pieces))
    return text[:start] + separator.join(copies_text) + text[end:]


def check_repeated(big: str, seed_doc: ap.Article, copies: int) -> None:
    doc = ap.parse(big)
    want = sum(1 for _ in walk_sections(seed_doc.sections)) * copies
    got = sum(1 for _ in walk_sections(doc.sections))
    if got != want or doc.diagnostics != seed_doc.diagnostics or ap.render(doc) != big:
        raise SystemExit(f"the repeated document did not parse as {copies} copies ({got}/{want})")


# ------------------------------------------------------------------ sections


def environment(clock_name: str) -> None:
    print(f"articleparse benchmark ({clock_name} clock for in-process timings)")
    print(
        f"  python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.machine()}, {os.cpu_count()} CPUs"
    )
    print(
        f"  pydantic {pydantic.VERSION}, mistune {mistune.__version__}, "
        f"markdown-it-py {markdown_it.__version__}"
    )
    if hasattr(os, "getloadavg"):
        print("  load average at start: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))


def against_markdown(text: str, repeats: int) -> tuple[float, bool]:
    doc = ap.parse(text)
    twin = ap.to_markdown(doc)
    to_ast = mistune.create_markdown(renderer="ast")
    md = markdown_it.MarkdownIt("commonmark")
    (ours, theirs_mistune, theirs_markdown_it), ratios = paired_seconds(
        [lambda: ap.parse(text), lambda: to_ast(twin), lambda: md.parse(twin)], repeats
    )
    size = len(text.encode("utf-8"))
    twin_size = len(twin.encode("utf-8"))
    print(f"\n1. seed ({size:,} bytes) vs its Markdown twin ({twin_size:,} bytes)")
    print(f"   parse(seed)                    {ours * 1e6:9.1f} µs")
    mistune_ratio, markdown_it_ratio = ratios[1], ratios[2]
    print(
        f"   mistune AST of the twin        {theirs_mistune * 1e6:9.1f} µs   "
        f"parse is {mistune_ratio:.2f}× faster (target ≥ {TARGET_MISTUNE}×: "
        f"{verdict(mistune_ratio >= TARGET_MISTUNE)})"
    )
    print(
        f"   markdown-it-py tokens of twin  {theirs_markdown_it * 1e6:9.1f} µs   "
        f"parse is {markdown_it_ratio:.2f}× faster (target ≥ {TARGET_MARKDOWN_IT}×: "
        f"{verdict(markdown_it_ratio >= TARGET_MARKDOWN_IT)})"
    )
    return ours, mistune_ratio >= TARGET_MISTUNE and markdown_it_ratio >= TARGET_MARKDOWN_IT


def against_floor(text: str, repeats: int) -> bool:
    data = ap.parse(text).model_dump_json()
    (floor, ours), ratios = paired_seconds(
        [lambda: ap.Article.model_validate_json(data), lambda: ap.parse(text)], repeats
    )
    ratio = ratios[1]
    print(f"\n2. seed vs pydantic's floor ({len(data.encode()):,} bytes of JSON)")
    print(f"   parse(seed)                    {ours * 1e6:9.1f} µs")
    print(
        f"   Article.model_validate_json    {floor * 1e6:9.1f} µs   "
        f"parse takes {ratio:.2f}× (target ≤ {TARGET_FLOOR}×: {verdict(ratio <= TARGET_FLOOR)})"
    )
    return ratio <= TARGET_FLOOR


def scaling(text: str, repeats: int, copies: int = 100) -> bool:
    big = repeated_document(text, copies)
    check_repeated(big, ap.parse(text), copies)
    seed_size = len(text.encode("utf-8"))
    big_size = len(big.encode("utf-8"))
    (seed_time, big_time), ratios = paired_seconds(
        [lambda: ap.parse(text), lambda: ap.parse(big)], repeats, min_time=0.2
    )
    seed_rate = seed_time / seed_size
    big_rate = big_time / big_size
    ratio = ratios[1] * seed_size / big_size
    peak = peak_bytes(lambda: ap.parse(big))
    per_byte = peak / big_size
    print(f"\n3. {copies}× the seed ({big_size:,} bytes) vs the seed ({seed_size:,} bytes)")
    print(f"   seed     {seed_time * 1e3:9.3f} ms   {seed_rate * 1e9:7.1f} ns/byte")
    print(
        f"   {copies}×     {big_time * 1e3:9.3f} ms   {big_rate * 1e9:7.1f} ns/byte   "
        f"{ratio:.2f}× the seed's time per byte (target ≤ {TARGET_SCALING}×: "
        f"{verdict(ratio <= TARGET_SCALING)})"
    )
    print(
        f"   peak memory of parse({copies}×)  {peak / 1e6:7.1f} MB   {per_byte:.1f} bytes per "
        f"input byte (target < {TARGET_MEMORY}: {verdict(per_byte < TARGET_MEMORY)})"
    )
    return ratio <= TARGET_SCALING and per_byte < TARGET_MEMORY


def batch_missing() -> str | None:
    if importlib.util.find_spec("articleparse.cli") is None:
        return "the command line (articleparse.cli) is not there yet"
    if not MAKE_CORPUS.exists():
        return "the corpus generator (benchmarks/make_corpus.py) is not there yet"
    return None


def run_batch(folder: Path, jobs: int) -> float:
    command = [sys.executable, "-m", "articleparse", "parse", str(folder), "-j", str(jobs), "-q"]
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: some file has an error diagnostic, still parsed
        raise SystemExit(f"the batch command failed with exit code {done.returncode}")
    return elapsed


def make_corpus(folder: Path) -> None:
    subprocess.run(
        [sys.executable, str(MAKE_CORPUS), str(folder), "--count", str(BATCH_FILES)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def batch(folder: Path, runs: int) -> bool | None:
    print(f"\n4. the batch command over {BATCH_FILES:,} generated files")
    missing = batch_missing()
    if missing:
        print(f"   skipped: {missing}")
        return None
    run_batch(folder, 1)  # warm the file cache
    one = statistics.median(run_batch(folder, 1) for _ in range(runs))
    two = statistics.median(run_batch(folder, 2) for _ in range(runs))
    ratio = one / two
    print(f"   -j 1   {one:7.2f} s   {BATCH_FILES / one:8.0f} files/s")
    print(
        f"   -j 2   {two:7.2f} s   {BATCH_FILES / two:8.0f} files/s   "
        f"{ratio:.2f}× the throughput (target ≥ {TARGET_BATCH}×: {verdict(ratio >= TARGET_BATCH)})"
    )
    return ratio >= TARGET_BATCH


def profile(text: str, calls: int = 3000) -> None:
    """Where parse(seed) spends its time, by call tree (pyinstrument, sampling every 50 µs)."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.00005)
    profiler.start()
    for _ in range(calls):
        ap.parse(text)
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15, help="repeats per timing (median)")
    parser.add_argument("--batch-runs", type=int, default=3, help="runs per batch setting")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch measurement")
    parser.add_argument(
        "--clock", choices=("cpu", "wall"), default="cpu", help="clock for in-process timings"
    )
    parser.add_argument(
        "--profile", action="store_true", help="print a pyinstrument profile of parse(seed) only"
    )
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    if args.profile:
        profile(text)
        return
    global clock
    clock = time.thread_time if args.clock == "cpu" else time.perf_counter
    environment(args.clock)
    results = [
        against_markdown(text, args.repeats)[1],
        against_floor(text, args.repeats),
        scaling(text, args.repeats),
    ]
    if args.no_batch:
        print("\n4. the batch command\n   skipped: --no-batch")
        print("\n5. corpus runs\n   skipped: --no-batch")
        print("\n6. throughput\n   skipped: --no-batch")
    else:
        with tempfile.TemporaryDirectory(prefix="articleparse-bench-") as tmp:
            folder = Path(tmp) / "corpus"
            make_corpus(folder)
            outcome = batch(folder, args.batch_runs)
            if outcome is not None:
                results.append(outcome)
            corpus_runs(folder, BATCH_FILES, args.batch_runs, args.repeats // 3 or 1)
            small = Path(tmp) / "throughput"
            results.extend(throughput(small, make_small_corpus(small, 2000), 5000, 3))
    print(f"\ntargets met: {sum(results)} of {len(results)} measured")


if __name__ == "__main__":
    main()
