"""One digest of everything the parser produces, to show that a change left the output as it was.

    python benchmarks/digest.py            # print one SHA-256 per input set
    python benchmarks/digest.py --dump DIR # also write every JSON, to diff two runs

The sets: every fixture (``fixtures/**/*.txt``), every input of the fuzz corpus
(``tests/fuzz_corpus``), and 3,000 articles from ``benchmarks/make_corpus.py``
(seeds 0–2,999), and every fixture again with its line breaks made spaces, each parsed and dumped as the JSON of its tree. A refactoring
that changes no behaviour prints the same digests before and after.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import articleparse as ap

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import make_article  # noqa: E402

GENERATED = 3000


def fixtures() -> Iterator[tuple[str, bytes]]:
    for path in sorted((ROOT / "fixtures").rglob("*.txt")):
        yield str(path.relative_to(ROOT)), path.read_bytes()


def fixtures_on_one_line() -> Iterator[tuple[str, bytes]]:
    """Each fixture with its line breaks made spaces: the single-line paths of the body."""
    for name, data in fixtures():
        yield name + " (one line)", data.replace(b"\r\n", b" ").replace(b"\n", b" ")


def fuzz_corpus() -> Iterator[tuple[str, bytes]]:
    for path in sorted((ROOT / "tests" / "fuzz_corpus").iterdir()):
        yield path.name, path.read_bytes()


def generated() -> Iterator[tuple[str, bytes]]:
    for seed in range(GENERATED):
        text, _ = make_article(random.Random(seed))
        yield f"generated-{seed}", text.encode("utf-8")


def digest(items: Iterator[tuple[str, bytes]], dump: Path | None) -> str:
    total = hashlib.sha256()
    for name, data in items:
        out = ap.parse_bytes(data).model_dump_json().encode("utf-8")
        total.update(name.encode("utf-8") + b"\0" + out + b"\0")
        if dump is not None:
            (dump / (hashlib.sha1(name.encode()).hexdigest() + ".json")).write_bytes(out)
    return total.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="also write each output here")
    args = parser.parse_args()
    if args.dump is not None:
        args.dump.mkdir(parents=True, exist_ok=True)
    print(f"build: {'compiled' if ap.COMPILED else 'pure'}")
    sets = (
        ("fixtures", fixtures()),
        ("one line", fixtures_on_one_line()),
        ("fuzz corpus", fuzz_corpus()),
        ("generated", generated()),
    )
    for name, items in sets:
        print(f"{name:12} {digest(items, args.dump)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
