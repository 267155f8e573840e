"""Instructions per parse, counted by callgrind (run with ``make bench-ir``).

Wall-clock times on a shared machine move by a third from run to run;
instruction counts do not. Each contender runs in its own process under
``valgrind --tool=callgrind``, once doing the work one time and once doing it
``1 + N`` times; the difference divided by ``N`` is the cost of one call, with
interpreter start-up, imports and the first (warming) call cancelled out.

Contenders, on the seed and its Markdown twin (:func:`segment_twin`: the title as a
first-level heading, each space-separated segment of the one-line body a paragraph,
a segment that is a dotted number and a short title a heading one level below
per part; built from the text alone, as the shared reference measurement builds
it, so the anchors see no metadata list, quote or bold text):

* ``parse`` of the seed, on the build that is installed (compiled when it is);
* ``parse`` of the seed on the pure-Python modules (``ARTICLEPARSE_PURE=1``);
* mistune 3 building the AST of the twin;
* markdown-it-py producing the token stream of the twin;
* ``Article.model_validate_json`` of the seed's own JSON.

``python benchmarks/bench_ir.py --worker NAME COUNT`` is the measured process;
without ``--worker`` the script runs all of them (two at a time) and prints the table.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Final

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "000_462883809ea3ad38.txt"
CONTENDERS = ("parse", "parse-pure", "mistune", "markdown-it", "model_validate_json")
TARGET_MISTUNE = 2.0  # issue 12: parse at most half of mistune's instructions


_NUMBERED: Final = re.compile(r"(\d+(?:\.\d+)*)(\S+)")
_MAX_TWIN_TITLE: Final = 40


def segment_twin(text: str) -> str:
    """The Markdown twin of a one-line scrape file: '# title', then one block per
    space-separated segment of the body; '1.2标题' (no full stop, a short title) is
    a heading of one '#' more than its number has parts."""
    rows = text.split("\n")
    title = rows[0].split(" | ", 1)[1].removesuffix(" |")
    body = rows[1].split(" | ", 1)[1].removesuffix(" |")
    blocks = ["# " + title]
    for segment in body.split(" "):
        numbered = _NUMBERED.fullmatch(segment)
        if (
            numbered is not None
            and not segment.endswith("。")
            and len(numbered.group(2)) < _MAX_TWIN_TITLE
        ):
            depth = numbered.group(1).count(".") + 2
            blocks.append("#" * depth + f" {numbered.group(1)} {numbered.group(2)}")
        else:
            blocks.append(segment)
    return "\n\n".join(blocks) + "\n"


def _work(name: str) -> Callable[[], object]:
    """The call to count for ``name``, with its inputs prepared."""
    import articleparse as ap

    text = SEED.read_text(encoding="utf-8")
    if name in ("parse", "parse-pure"):
        return lambda: ap.parse(text)
    doc = ap.parse(text)
    if name == "model_validate_json":
        data = doc.model_dump_json()
        return lambda: ap.Article.model_validate_json(data)
    twin = segment_twin(text)
    if name == "mistune":
        import mistune

        to_ast = mistune.create_markdown(renderer="ast")
        return lambda: to_ast(twin)
    import markdown_it

    md = markdown_it.MarkdownIt("commonmark")
    return lambda: md.parse(twin)


def worker(name: str, count: int) -> None:
    work = _work(name)
    for _ in range(count):
        work()
    if name.startswith("parse"):
        import articleparse as ap

        print(f"compiled={getattr(ap, 'COMPILED', False)}")


def _instructions(name: str, count: int, workdir: Path) -> tuple[int, str]:
    out = workdir / f"{name}.{count}.out"
    env = dict(os.environ, PYTHONHASHSEED="0")
    if name == "parse-pure":
        env["ARTICLEPARSE_PURE"] = "1"
    command = [
        "valgrind",
        "--tool=callgrind",
        f"--callgrind-out-file={out}",
        "--dump-instr=no",
        "--compress-strings=no",
        sys.executable,
        __file__,
        "--worker",
        name,
        str(count),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    totals = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.MULTILINE)
    if totals is None:
        raise RuntimeError(f"no instruction total in {out}")
    return int(totals.group(1)), done.stdout.strip()


def measure(names: tuple[str, ...], calls: int) -> dict[str, tuple[float, str]]:
    """Instructions per call of each contender, and what its worker printed."""
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(2) as pool:
        workdir = Path(tmp)
        jobs = {
            (name, count): pool.submit(_instructions, name, count, workdir)
            for name in names
            for count in (1, 1 + calls)
        }
        results = {}
        for name in names:
            once, _ = jobs[name, 1].result()
            many, printed = jobs[name, 1 + calls].result()
            results[name] = ((many - once) / calls, printed)
        return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", nargs=2, metavar=("NAME", "COUNT"))
    parser.add_argument("--calls", type=int, default=50, help="calls counted (default 50)")
    parser.add_argument("--only", nargs="+", choices=CONTENDERS, help="count only these")
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], int(args.worker[1]))
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    if args.only:
        for name, (count, printed) in measure(tuple(args.only), args.calls).items():
            print(f"  {name:<22} {count / 1e6:8.3f} M  {printed}")
        return 0
    results = measure(CONTENDERS, args.calls)
    parse_ir = results["parse"][0]
    print(f"instructions per call (callgrind, mean of {args.calls} calls after one warm-up)")
    print(f"  seed: {SEED.relative_to(ROOT)}; python {sys.version.split()[0]}")
    for name in CONTENDERS:
        count, printed = results[name]
        note = f"  ({printed})" if printed else ""
        ratio = "" if name == "parse" else f"   {count / parse_ir:5.2f}× parse"
        print(f"  {name:<22} {count / 1e6:8.3f} M{ratio}{note}")
    mistune_ratio = results["mistune"][0] / parse_ir
    floor_ratio = parse_ir / results["model_validate_json"][0]
    pure_ratio = results["parse-pure"][0] / parse_ir
    print(f"  compiled build: {pure_ratio:.2f}× fewer instructions than pure Python")
    print(
        f"  parse is {mistune_ratio:.2f}× mistune (target ≥ {TARGET_MISTUNE}×), "
        f"{floor_ratio:.2f}× model_validate_json (target ≤ 1.5×)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
