"""Score the parser against facts written by reading real pages.

    python benchmarks/realcheck.py DIR [--only ID ...] [--layout as-written|one-line|both] [-v]

``DIR`` holds ``pages/ID.txt`` (a real page as a scrape file) and
``facts/ID.json`` (what a careful reader expects of it: title, authors,
abstract start, keywords, CLC codes, other fields, labels kept in extra,
headings, the start of every paragraph, the number of references). Page text
stays outside the project; only this script is kept here.

Each page is parsed as written and with its body on one line (line breaks
made spaces, as many scraped files have it). A document is *right* when every
fact holds; *warned* when the parse carries a warning or an error; *wrong and
silent* when it is wrong and carries neither: the records a user cannot tell
from good ones.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import articleparse as ap
from articleparse.model import Article, Section

SCALARS = (
    "doi",
    "document_code",
    "article_number",
    "fund",
    "author_info",
    "received",
    "title_en",
    "abstract_en",
    "source",
)


TIMEOUT = 10
"""Seconds one parse may take before the page counts as wrong (a parse that never returns)."""


def _timeout(signum: int, frame: object) -> None:
    raise TimeoutError


def squeeze(text: str | None) -> str:
    return "".join((text or "").split())


def walk(sections: Iterable[Section]) -> Iterator[Section]:
    stack = list(reversed(list(sections)))
    while stack:
        section = stack.pop()
        yield section
        stack.extend(reversed(section.subsections))


def paragraphs(doc: Article) -> list[str]:
    found = [p.text for p in doc.preamble]
    for section in walk(doc.sections):
        found.extend(p.text for p in section.paragraphs)
    return found


def lcs(a: list[Any], b: list[Any]) -> int:
    table = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, 1):
            keep = table[j]
            table[j] = previous + 1 if x == y else max(table[j], table[j - 1])
            previous = keep
    return table[-1]


def one_line(text: str) -> str:
    head, _, rest = text.partition("\n")
    return head + "\n" + rest.rstrip("\n").replace("\r\n", " ").replace("\n", " ") + "\n"


def check(facts: dict[str, Any], doc: Article) -> tuple[list[str], dict[str, tuple[int, int, int]]]:
    """The facts that fail, and (matched, expected, found) for headings and paragraphs."""
    meta = doc.metadata
    failed: list[str] = []

    def fact(name: str, ok: bool, got: object) -> None:
        if not ok:
            failed.append(f"{name}: got {got!r}"[:160])

    if facts.get("title") is not None:
        fact("title", squeeze(meta.title) == squeeze(facts["title"]), meta.title)
    for name in ("authors", "keywords", "keywords_en", "clc"):
        expected = facts.get(name)
        if expected is not None:
            got = [squeeze(x) for x in getattr(meta, name)]
            fact(name, got == [squeeze(x) for x in expected], getattr(meta, name))
    if facts.get("affiliations") is not None:
        fact(
            "affiliations", len(meta.affiliations) == len(facts["affiliations"]), meta.affiliations
        )
    if facts.get("abstract") is not None:
        want = squeeze(facts["abstract"])
        got = squeeze(meta.abstract)
        fact("abstract", got.startswith(want) if want else not got, (meta.abstract or "")[:20])
    for name, want in (facts.get("fields") or {}).items():
        if name in SCALARS:
            got = squeeze(getattr(meta, name))
            fact(name, bool(got) and got.startswith(squeeze(want)), getattr(meta, name))
    keys = {squeeze(k.split("#")[0]).strip("【】[]〔〕［］:：") for k in meta.extra}
    for label in facts.get("extra") or []:
        fact(f"extra[{label}]", squeeze(label).strip("【】[]〔〕［］:：") in keys, sorted(keys))
    if facts.get("references") is not None:
        fact("references", len(doc.references) == facts["references"], len(doc.references))
    scores: dict[str, tuple[int, int, int]] = {}
    if facts.get("headings") is not None:
        want_h = [(str(n), squeeze(t), int(level)) for n, t, level in facts["headings"]]
        got_h = [(s.number, squeeze(s.title), s.level) for s in walk(doc.sections)]
        scores["headings"] = (lcs(want_h, got_h), len(want_h), len(got_h))
        fact("headings", want_h == got_h, [f"{n} {t[:8]} L{lv}" for n, t, lv in got_h][:12])
    if facts.get("paragraphs") is not None:
        want_p = [squeeze(p)[:8] for p in facts["paragraphs"]]
        got_p = [squeeze(p)[:8] for p in paragraphs(doc)]
        scores["paragraphs"] = (lcs(want_p, got_p), len(want_p), len(got_p))
        fact("paragraphs", want_p == got_p, got_p[:12])
    return failed, scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--layout", choices=("as-written", "one-line", "both"), default="both")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong document")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _timeout)
    fact_files = sorted((args.folder / "facts").glob("*.json"))
    if args.only:
        fact_files = [f for f in fact_files if f.stem in args.only]
    layouts = ("as-written", "one-line") if args.layout == "both" else (args.layout,)
    report: dict[str, Any] = {}
    for layout in layouts:
        totals = Counter()
        fields_total = Counter()
        fields_ok = Counter()
        wrong: list[str] = []
        for path in fact_files:
            page = args.folder / "pages" / f"{path.stem}.txt"
            if not page.exists():
                continue
            facts = json.loads(path.read_text(encoding="utf-8"))
            text = page.read_text(encoding="utf-8")
            signal.alarm(TIMEOUT)
            try:
                doc = ap.parse(one_line(text) if layout == "one-line" else text)
            except TimeoutError:
                wrong.append(f"{path.stem} SILENT: no result in {TIMEOUT} s")
                totals["documents"] += 1
                totals["wrong and silent"] += 1
                continue
            finally:
                signal.alarm(0)
            failed, scores = check(facts, doc)
            warned = any(d.severity in ("warning", "error") for d in doc.diagnostics)
            totals["documents"] += 1
            totals["right"] += not failed
            totals["wrong and silent"] += bool(failed) and not warned
            totals["wrong and warned"] += bool(failed) and warned
            totals["right but warned"] += not failed and warned
            for kind, (matched, expected, found) in scores.items():
                totals[f"{kind} matched"] += matched
                totals[f"{kind} expected"] += expected
                totals[f"{kind} found"] += found
            names = {f.split(":")[0].split("[")[0] for f in failed}
            for key in facts:
                if (
                    key
                    in (
                        "title",
                        "authors",
                        "affiliations",
                        "abstract",
                        "keywords",
                        "keywords_en",
                        "clc",
                        "extra",
                        "references",
                    )
                    and facts[key] is not None
                ):
                    fields_total[key] += 1
                    fields_ok[key] += key not in names
            for key in facts.get("fields") or {}:
                fields_total[key] += 1
                fields_ok[key] += key not in names
            if failed:
                codes = sorted({d.code for d in doc.diagnostics if d.severity != "info"})
                wrong.append(
                    f"{path.stem} {'WARNED ' + ','.join(codes) if warned else 'SILENT'}: "
                    + " | ".join(failed)
                )
            elif warned:
                noted = [
                    f"{d.code} {d.line}:{d.column}" for d in doc.diagnostics if d.severity != "info"
                ]
                wrong.append(f"{path.stem} RIGHT BUT WARNED: " + ", ".join(noted))
        f1 = {}
        for kind in ("headings", "paragraphs"):
            m, e, f = (totals[f"{kind} {x}"] for x in ("matched", "expected", "found"))
            f1[kind] = round(2 * m / (e + f), 3) if e + f else 1.0
        n = totals["documents"]
        field_share = round(sum(fields_ok.values()) / max(1, sum(fields_total.values())), 3)
        report[layout] = {
            "documents": n,
            "fully right": totals["right"],
            "wrong and silent": totals["wrong and silent"],
            "wrong and warned": totals["wrong and warned"],
            "right but warned": totals["right but warned"],
            "headings F1": f1["headings"],
            "paragraphs F1": f1["paragraphs"],
            "fields": field_share,
            "per field": {k: f"{fields_ok[k]}/{fields_total[k]}" for k in sorted(fields_total)},
        }
        if not args.json:
            print(f"== {layout}: {n} documents")
            for key, value in report[layout].items():
                if key != "documents":
                    print(f"  {key:18} {value}")
            if args.verbose:
                for line in wrong:
                    print("  - " + line)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
