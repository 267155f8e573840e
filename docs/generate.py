"""Regenerate the code-derived parts of the documentation.

``docs/format.md`` holds regions between ``<!-- generated: NAME -->`` and
``<!-- end: NAME -->``; each region's text is produced here from the tables in
the package (labels, heading schemes, limits, diagnostic codes).
``docs/article.schema.json`` is the output of ``articleparse.schema``.

    python docs/generate.py          # rewrite the generated parts in place
    python docs/generate.py --check  # exit 1 when any generated part is stale

``tests/test_docs.py`` runs the same comparison, so a change to a table in the
code that is not carried into the documentation fails the test suite.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import regex

from articleparse.diagnostics import CODES
from articleparse.parser.content import numbering, plan
from articleparse.parser.front import lead, names, values
from articleparse.parser.labels import (
    BLOCK_FIELDS,
    FRONT_LABELS,
    LATE_FIELDS,
    LIST_FIELDS,
    ROW_ROLES,
    SHORT_FIELDS,
    UNIT_CHARS,
)
from articleparse.schema import check as check_schema
from articleparse.schema import schema_text
from articleparse.serialize import canonical as canonical_style

DOCS = Path(__file__).resolve().parent
FORMAT_MD = DOCS / "format.md"
SCHEMA_JSON = DOCS / "article.schema.json"

REGION = regex.compile(
    r"(?P<open><!-- generated: (?P<name>[a-z-]+) -->\n)"
    r"(?P<body>.*?)"
    r"(?P<close><!-- end: (?P=name) -->)",
    regex.DOTALL,
)


def _cell(text: str) -> str:
    """Text made safe for one Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    """Inline code that survives any backticks and spaces inside ``text``."""
    fence = "``" if "`" in text else "`"
    padded = f" {text} " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else text
    return f"{fence}{padded}{fence}"


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------- regions

_ROLE_MEANING = {
    "title": "`metadata.title`",
    "body": "the article: front matter, sections, references (see *The body*)",
    "authors": "`metadata.authors`, split like authors in the body",
    "source": "`metadata.source`",
    "keywords": "`metadata.keywords`, split at list separators",
    "abstract": "`metadata.abstract`",
    "chrome": "the whole row is site chrome: one `boilerplate` entry",
}


def row_roles() -> str:
    """Row labels with a meaning, grouped by what they mean."""
    by_role: dict[str, list[str]] = {}
    for label, role in ROW_ROLES.items():
        by_role.setdefault(role, []).append(label)
    rows = []
    for role, labels in by_role.items():
        written = ", ".join(_code(label) if label else "*(empty label)*" for label in labels)
        rows.append([f"`{role}`", written, _ROLE_MEANING.get(role, f"`metadata.{role}`")])
    return _table(["role", "labels (after stripping surrounding whitespace)", "goes to"], rows)


_FIELD_TARGET = {
    "fund": "`metadata.fund`",
    "author_info": "`metadata.author_info`",
    "received": "`metadata.received`",
    "references": "`references` (a block of entries)",
    "notes": "`notes` (a block of entries)",
}


def _reach(field: str) -> str:
    if field in BLOCK_FIELDS:
        return "opens a block"
    if field in SHORT_FIELDS:
        return "one segment"
    if field in LIST_FIELDS:
        return "to the next label, else one segment (more after a list separator)"
    if field == "source":
        return (
            "one segment; on a site's meta line, to ` | ` or two spaces "
            "(`来源:某刊   浏览次数:233`); alone on its line, the short lines below it"
        )
    if field == "affiliations":
        return (
            "to the next label, else one segment; in a single-line body it ends after "
            "the postcode a sentence follows (`…湖南 长沙 410081 该方法…。`)"
        )
    return "to the next label, else one segment"


def front_labels() -> str:
    """Body labels: written forms, target, how far the value reaches, where it may stand."""
    rows = []
    for field, forms in FRONT_LABELS.items():
        target = _FIELD_TARGET.get(field, f"`metadata.{field}`")
        where = "front matter or after the text" if field in LATE_FIELDS else "front matter"
        kind = "list" if field in LIST_FIELDS else ("block" if field in BLOCK_FIELDS else "text")
        rows.append(
            [
                target,
                ", ".join(_code(form) for form in forms),
                kind,
                _reach(field),
                where,
            ]
        )
    return _table(
        [
            "field",
            "written forms",
            "value",
            "reach in a single-line body",
            "recognised in",
        ],
        rows,
    )


def unit_chars() -> str:
    """The characters that make a number a quantity, and the words excepted."""
    ordered = "".join(sorted(UNIT_CHARS))
    lines = [f"Unit characters: {_code(ordered)}\n"]
    exceptions = _unit_word_exceptions()
    if exceptions:
        words = "、".join(sorted(exceptions))
        lines.append(
            f"\nTitle words that start with a unit character and are not quantities: {words}\n"
        )
    return "".join(lines)


def _unit_word_exceptions() -> frozenset[str]:
    from articleparse.parser import labels

    found: frozenset[str] = getattr(labels, "UNIT_WORD_EXCEPTIONS", frozenset())
    return found


_SCHEME_EXAMPLES = {
    "decimal": "`0`, `1`, `1.1`, `2.2.1`, `1．`, `1、`, `2．1`",
    "cn-dun": "`一、`, `十二、`, `三．`, `一.`, `一 、`, `一` (bare), `壹、`",
    "cn-paren": "`（一）`, `(二)`, `（三）、`, `(貳)`",
    "arabic-paren": "`(1)`, `（2）`, `(3)、`",
    "circled": "`①` … `⑳`",
    "arabic-half-paren": "`1）`, `2)`",
    "cn-chapter": "`第一章`, `第十二章`",
    "cn-section": "`第一节`, `第三节`",
    "cn-part": "`第一部分`, `第二部分`",
}


def schemes() -> str:
    """The recognizer table of heading schemes, in the order they are tried."""
    canonical: dict[str, str] = canonical_style.CANONICAL_MARKERS
    rows = []
    for position, rule in enumerate(numbering.SCHEMES, start=1):
        marker = canonical.get(rule.scheme)
        rows.append(
            [
                str(position),
                f"`{rule.scheme}`",
                _SCHEME_EXAMPLES.get(rule.scheme, ""),
                _code(_cell(rule.pattern.pattern)),
                _code(marker.format("N")) if marker is not None else "",
            ]
        )
    return _table(
        ["try", "scheme", "examples", "marker pattern", "canonical marker (N = number)"], rows
    )


_LIMITS: tuple[tuple[object, str, str], ...] = (
    (numbering, "MAX_DECIMAL_DEPTH", "deepest decimal number taken as a heading (parts)"),
    (numbering, "MAX_LEVEL", "deepest heading level, in any mix of schemes"),
    (numbering, "MAX_GAP", "how many numbers a heading may skip and still count"),
    (numbering, "MAX_TITLE_CHARS", "longest heading title, in characters"),
    (values, "MAX_VALUE_SEGMENTS", "segments a single-line value may span to the next label"),
    (values, "MAX_LIST_SEGMENTS", "segments a single-line list may span to the next label"),
    (
        lead,
        "MAX_UNPLACED_CHARS",
        "unlabelled text this close before a label is reported, not ending the front matter",
    ),
    (plan, "MAX_RUN_IN_TITLE", "how far into its line a run-in heading title may end"),
    (plan, "MAX_CLOSED_TITLE", "longest title closed by a full stop (`1.标题。`) taken"),
    (names, "MAX_NAME", "longest Chinese author name, in characters"),
)


def limits() -> str:
    """The numeric limits, read from the modules that define them."""
    rows = []
    for module, name, meaning in _LIMITS:
        value = getattr(module, name)
        module_name = getattr(module, "__name__", "").rpartition(".")[2]
        rows.append([f"`{module_name}.{name}`", str(value), meaning])
    return _table(["constant", "value", "meaning"], rows)


def diagnostics() -> str:
    """Every diagnostic code with its severity, what it means and what to do."""
    rows = [
        [f"`{code}`", entry.severity, _cell(entry.summary), _cell(entry.advice)]
        for code, entry in CODES.items()
    ]
    return _table(["code", "severity", "meaning", "advice"], rows)


GENERATORS: dict[str, Callable[[], str]] = {
    "row-roles": row_roles,
    "front-labels": front_labels,
    "unit-chars": unit_chars,
    "schemes": schemes,
    "limits": limits,
    "diagnostics": diagnostics,
}


# ------------------------------------------------------------------ driver


def regions(text: str) -> dict[str, str]:
    """The generated regions of ``text`` by name, as they stand."""
    return {match.group("name"): match.group("body") for match in REGION.finditer(text)}


def regenerate(text: str) -> str:
    """``text`` with every generated region replaced by fresh output."""
    unknown = set(regions(text)) - set(GENERATORS)
    if unknown:
        raise KeyError(f"no generator for region(s): {', '.join(sorted(unknown))}")

    def fresh(match: regex.Match[str]) -> str:
        body = GENERATORS[match.group("name")]()
        return match.group("open") + body + match.group("close")

    return REGION.sub(fresh, text)


def stale() -> list[str]:
    """What is out of date, one line each; empty when the docs match the code."""
    problems: list[str] = []
    text = FORMAT_MD.read_text(encoding="utf-8")
    missing = set(GENERATORS) - set(regions(text))
    problems.extend(f"{FORMAT_MD.name}: region '{name}' is missing" for name in sorted(missing))
    current = regions(text)
    for name, body in regions(regenerate(text)).items():
        if current.get(name) != body:
            problems.append(f"{FORMAT_MD.name}: region '{name}' is stale")
    schema_problem = check_schema(SCHEMA_JSON)
    if schema_problem is not None:
        problems.append(schema_problem)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="report stale parts, change nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    text = FORMAT_MD.read_text(encoding="utf-8")
    FORMAT_MD.write_text(regenerate(text), encoding="utf-8", newline="\n")
    SCHEMA_JSON.write_text(schema_text(), encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
