"""The ``articleparse`` command: parse, validate, stats, schema.

Every command takes files, folders (walked recursively, ``--glob``) or ``-``
for standard input, runs files in worker processes (``-j``) and streams the
results in input order. One bad file never stops a run; the exit code says
what happened, the same way for every command (see :data:`EXIT_CODES_HELP`).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import signal
import sys
import textwrap
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType, TracebackType
from typing import BinaryIO

from . import __version__
from .api import parse_bytes, parse_file
from .atomic import atomic_file
from .batch import (
    DEFAULT_GLOB,
    STDIN,
    Input,
    Progress,
    default_jobs,
    iter_inputs,
    ordered_map,
    walk_folder,
)
from .diagnostics import Diagnostic, ParseError
from .model import Article, Section
from .schema import schema_text
from .serialize.markdown import to_markdown
from .serialize.record import failed_record, plain_text, record_schema, to_record
from .serialize.text import walk_sections
from .validate import check_fixture, dump_expected, format_verdict

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_UNUSABLE = 2
EXIT_INTERRUPTED = 130

EXIT_CODES_HELP = """\
exit codes (the same for every command):
  0    every file parsed with no error diagnostic (validate: and matched)
  1    some file has an error diagnostic (undecodable bytes included),
       differs from its expected file, or its expected file is missing or corrupt
  2    usage error, no input file found, or some file could not be read at all
  130  interrupted (Ctrl-C or SIGTERM); no half-written output is left behind"""

FORMATS = ("json", "jsonl", "record", "markdown", "text")
SHOWN_PROBLEMS = 20


# ------------------------------------------------------------------ per file


@dataclass(frozen=True, slots=True)
class Options:
    """What a worker needs to know to process one file; pickled to the workers."""

    format: str = "json"
    strict: bool = False
    single: bool = False
    update: bool = False


@dataclass(frozen=True, slots=True)
class DocStats:
    """The few numbers ``stats`` keeps of one document."""

    encoding: str | None
    has_title: bool
    has_abstract: bool
    levels: tuple[int, ...]  # headings per level, level 1 first
    codes: tuple[str, ...]


@dataclass(slots=True)
class Outcome:
    """The result of one file: what to write, and how it went."""

    path: str
    exit_code: int = EXIT_OK
    output: bytes = b""  # encoded here, in the worker, not in the writing process
    problem: str = ""
    diagnostics: tuple[Diagnostic, ...] = ()
    stats: DocStats | None = None


def parse_task(options: Options, item: Input) -> Outcome:
    """Parse one file and serialise it in the requested format."""
    doc, outcome = _load(item)
    if doc is None:
        outcome.output = _failed_output(options, item.path, outcome.problem).encode()
    elif outcome.exit_code and options.strict:
        error = str(ParseError(doc.diagnostics))
        outcome.output = _failed_output(options, item.path, error, doc).encode()
    else:
        outcome.output = _document_output(options, item.path, doc).encode()
    return outcome


def stats_task(item: Input) -> Outcome:
    """Parse one file and keep only the numbers ``stats`` counts."""
    doc, outcome = _load(item)
    if doc is not None:
        levels: Counter[int] = Counter(
            node.level for node in walk_sections(doc.sections) if isinstance(node, Section)
        )
        outcome.stats = DocStats(
            encoding=doc.source.encoding,
            has_title=bool(doc.metadata.title),
            has_abstract=bool(doc.metadata.abstract),
            levels=tuple(levels[level] for level in range(1, max(levels, default=0) + 1)),
            codes=tuple(d.code for d in doc.diagnostics),
        )
    return outcome


def _load(item: Input) -> tuple[Article | None, Outcome]:
    """Read and parse one input; the outcome says how it went (output still empty)."""
    try:
        doc = parse_bytes(item.data) if item.data is not None else parse_file(item.path)
    except OSError as exc:
        return None, Outcome(
            item.path, EXIT_UNUSABLE, problem=f"cannot read: {exc.strerror or exc}"
        )
    except Exception as exc:  # a parser bug must cost one file, not the run
        problem = f"parser failed: {type(exc).__name__}: {exc}"
        return None, Outcome(item.path, EXIT_FAILED, problem=problem)
    outcome = Outcome(item.path, diagnostics=tuple(doc.diagnostics))
    errors = [d for d in doc.diagnostics if d.severity == "error"]
    if errors:
        outcome.exit_code = EXIT_FAILED
        outcome.problem = f"{len(errors)} error diagnostic(s), first at {_one_line(errors[0])}"
    return doc, outcome


def validate_task(options: Options, item: Input) -> Outcome:
    """Check one fixture against its expected file (or write it, with ``--update``)."""
    verdict = check_fixture(Path(item.path), update=options.update)
    if verdict.ok:
        return Outcome(item.path)
    report = format_verdict(verdict)
    code = EXIT_UNUSABLE if verdict.status == "unreadable" else EXIT_FAILED
    return Outcome(
        item.path,
        code,
        (report + "\n").encode(),
        report.splitlines()[0].removeprefix(item.path + ": "),
    )


def _document_output(options: Options, path: str, doc: Article) -> str:
    fmt = options.format
    if options.single and fmt == "json":
        return dump_expected(doc)
    if fmt == "record":
        record = to_record(doc, path=path)
        return _json(record, pretty=options.single)
    if options.single and fmt == "markdown":
        return to_markdown(doc)
    if options.single and fmt == "text":
        return plain_text(doc) + "\n"
    head = _envelope_head(path, doc, None)
    if fmt == "markdown":
        return head + '"markdown":' + _compact(to_markdown(doc)) + "}\n"
    if fmt == "text":
        return head + '"text":' + _compact(plain_text(doc)) + "}\n"
    return head + '"article":' + doc.model_dump_json() + "}\n"


def _failed_output(options: Options, path: str, error: str, doc: Article | None = None) -> str:
    """What a file that gave no document writes: alone nothing, in a batch its error."""
    if options.single:
        return ""
    if options.format == "record":
        return _json(failed_record(path, error, doc))
    key = options.format if options.format in ("markdown", "text") else "article"
    return _envelope_head(path, doc, error) + f'"{key}":null}}\n'


def _envelope_head(path: str, doc: Article | None, error: str | None) -> str:
    head = {
        "path": path,
        "encoding": doc.source.encoding if doc else None,
        "diagnostics": [d.model_dump(mode="json") for d in doc.diagnostics] if doc else [],
        "error": error,
    }
    return _compact(head)[:-1] + ","


def _json(value: object, *, pretty: bool = False) -> str:
    """One JSON document and its newline: indented alone, one line in JSON Lines."""
    return (json.dumps(value, ensure_ascii=False, indent=1) if pretty else _compact(value)) + "\n"


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _one_line(diagnostic: Diagnostic) -> str:
    return f"line {diagnostic.line}, column {diagnostic.column}: {diagnostic.code}"


# ------------------------------------------------------------------ running


@dataclass(slots=True)
class Summary:
    """What a run keeps of its files: counts and the first few problems, never the results."""

    files: int = 0
    failed: int = 0
    unusable: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.files += 1
        if outcome.exit_code == EXIT_FAILED:
            self.failed += 1
        elif outcome.exit_code == EXIT_UNUSABLE:
            self.unusable += 1
        if outcome.problem and len(self.problems) < SHOWN_PROBLEMS:
            self.problems.append(f"{outcome.path}: {outcome.problem}")

    @property
    def exit_code(self) -> int:
        if self.unusable or not self.files:
            return EXIT_UNUSABLE
        return EXIT_FAILED if self.failed else EXIT_OK

    def report(self, verb: str) -> str:
        ok = self.files - self.failed - self.unusable
        parts = [f"{self.files} file(s)", f"{ok} ok"]
        if self.failed:
            parts.append(f"{self.failed} failed")
        if self.unusable:
            parts.append(f"{self.unusable} unreadable")
        lines = [f"articleparse {verb}: " + ", ".join(parts)]
        if not self.files:
            lines.append("  no input files: check the paths and --glob")
        lines.extend(f"  {problem}" for problem in self.problems)
        shown = len(self.problems)
        if self.failed + self.unusable > shown:
            lines.append(f"  … and {self.failed + self.unusable - shown} more")
        return "\n".join(lines)


def _outcomes(args: argparse.Namespace, task: Callable[[Input], Outcome]) -> Iterator[Outcome]:
    """The task over every input, in input order, with a progress bar when it helps."""
    inputs = iter_inputs(args.paths, args.glob)
    outcomes = ordered_map(task, inputs, args.jobs)
    if args.quiet or not sys.stderr.isatty():
        return outcomes
    return Progress(sys.stderr, _count_inputs(args.paths, args.glob)).track(outcomes)


def _count_inputs(paths: list[str], glob: str) -> int:
    return sum(
        sum(1 for _ in walk_folder(path, glob)) if os.path.isdir(path) else 1 for path in paths
    )


class _Output:
    """Standard output, or a file that appears only once the run has completed."""

    def __init__(self, target: str | None) -> None:
        self.target = target
        self._stack = contextlib.ExitStack()
        self._stream: BinaryIO = sys.stdout.buffer

    def __enter__(self) -> _Output:
        if self.target is not None:
            self._stream = self._stack.enter_context(atomic_file(self.target))
        return self

    def write(self, data: bytes) -> None:
        self._stream.write(data)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.target is None:
            self._stream.flush()
        self._stack.__exit__(kind, error, trace)


def _say(args: argparse.Namespace, text: str) -> None:
    if not args.quiet and text:
        print(text, file=sys.stderr, flush=True)


# ------------------------------------------------------------------ commands


def cmd_parse(args: argparse.Namespace) -> int:
    single = len(args.paths) == 1 and (args.paths[0] == STDIN or not os.path.isdir(args.paths[0]))
    options = Options(format=args.format, strict=args.strict, single=single)
    summary = Summary()
    with _Output(args.output) as out:
        for outcome in _outcomes(args, functools.partial(parse_task, options)):
            out.write(outcome.output)
            summary.add(outcome)
            if single:
                _report_single(args, outcome)
    if not single:
        _say(args, summary.report("parse"))
    return summary.exit_code


def _report_single(args: argparse.Namespace, outcome: Outcome) -> None:
    for d in outcome.diagnostics:
        _say(args, f"{outcome.path}:{d.line}:{d.column}: {d.severity}[{d.code}]: {d.message}")
    if not outcome.diagnostics and outcome.problem:
        _say(args, f"{outcome.path}: {outcome.problem}")


def cmd_validate(args: argparse.Namespace) -> int:
    if STDIN in args.paths:
        return _usage_error("validate needs files with expected files beside them, not '-'")
    options = Options(update=args.update)
    summary = Summary()
    for outcome in _outcomes(args, functools.partial(validate_task, options)):
        if outcome.output:
            sys.stdout.buffer.write(outcome.output)
            sys.stdout.buffer.flush()
        summary.add(outcome)
    _say(args, summary.report("validate --update" if args.update else "validate"))
    return summary.exit_code


def cmd_stats(args: argparse.Namespace) -> int:
    summary = Summary()
    counts = CorpusCounts()
    for outcome in _outcomes(args, stats_task):
        summary.add(outcome)
        counts.add(outcome)
    print(json.dumps(counts.as_json(), indent=1) if args.json else counts.table())
    if summary.exit_code != EXIT_OK:
        _say(args, summary.report("stats"))
    return summary.exit_code


def cmd_schema(args: argparse.Namespace) -> int:
    if args.record:
        sys.stdout.write(json.dumps(record_schema(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(schema_text())
    return EXIT_OK


@dataclass(slots=True)
class CorpusCounts:
    """The totals of ``stats``: counters only, whatever the size of the corpus."""

    files: int = 0
    documents: int = 0
    unreadable: int = 0
    with_errors: int = 0
    no_title: int = 0
    no_abstract: int = 0
    no_headings: int = 0
    encodings: Counter[str] = field(default_factory=Counter)
    deepest_level: Counter[int] = field(default_factory=Counter)
    headings_by_level: Counter[int] = field(default_factory=Counter)
    diagnostics: Counter[str] = field(default_factory=Counter)
    documents_by_code: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        self.files += 1
        found = outcome.stats
        if found is None:
            self.unreadable += outcome.exit_code == EXIT_UNUSABLE
            return
        self.documents += 1
        self.with_errors += outcome.exit_code == EXIT_FAILED
        self.no_title += not found.has_title
        self.no_abstract += not found.has_abstract
        self.no_headings += not found.levels
        self.encodings[found.encoding or "unknown"] += 1
        self.deepest_level[len(found.levels)] += 1
        self.headings_by_level.update(
            {level: count for level, count in enumerate(found.levels, 1) if count}
        )
        self.diagnostics.update(found.codes)
        self.documents_by_code.update(set(found.codes))

    def as_json(self) -> dict[str, object]:
        return {
            "files": self.files,
            "documents": self.documents,
            "unreadable": self.unreadable,
            "with_error_diagnostics": self.with_errors,
            "no_title": self.no_title,
            "no_abstract": self.no_abstract,
            "no_headings": self.no_headings,
            "encodings": dict(self.encodings.most_common()),
            "deepest_heading_level": {str(k): v for k, v in sorted(self.deepest_level.items())},
            "headings_by_level": {str(k): v for k, v in sorted(self.headings_by_level.items())},
            "diagnostics_by_code": {
                code: {"count": count, "documents": self.documents_by_code[code]}
                for code, count in sorted(self.diagnostics.items())
            },
        }

    def table(self) -> str:
        rows: list[tuple[str, object]] = [
            ("files", self.files),
            ("documents", self.documents),
            ("unreadable", self.unreadable),
            ("with error diagnostics", self.with_errors),
            ("no title", self.no_title),
            ("no abstract", self.no_abstract),
            ("no headings", self.no_headings),
        ]
        lines = [f"{label:<28}{value:>8}" for label, value in rows]
        lines.append("")
        lines.append(f"{'encoding':<28}{'documents':>9}")
        lines.extend(f"  {name:<26}{n:>8}" for name, n in self.encodings.most_common())
        lines.append("")
        lines.append(f"{'deepest heading level':<28}{'documents':>9}")
        for level, n in sorted(self.deepest_level.items()):
            lines.append(f"  {level or 'none'!s:<26}{n:>8}")
        lines.append("")
        lines.append(f"{'heading level':<28}{'headings':>9}")
        for level, n in sorted(self.headings_by_level.items()):
            lines.append(f"  {level!s:<26}{n:>8}")
        lines.append("")
        lines.append(f"{'diagnostic code':<28}{'count':>8}{'documents':>11}")
        for code, n in sorted(self.diagnostics.items()):
            lines.append(f"  {code:<26}{n:>8}{self.documents_by_code[code]:>11}")
        if not self.diagnostics:
            lines.append("  (none)")
        return "\n".join(lines)


# ------------------------------------------------------------------ arguments


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="articleparse",
        description="Parse scraped Chinese articles (the scrape format) into typed trees.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = _command(
        commands,
        "parse",
        "parse files into JSON, JSON Lines, flat records, Markdown or plain text",
        "One file gives one document on stdout. Several files, or a folder, give JSON "
        "Lines: one line per file, in input order, each with its path, encoding, "
        "diagnostics and error (null when the file parsed).",
    )
    parse.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        default="json",
        help="json: the Article tree (one file: indented; several: JSON Lines with the tree "
        "under 'article'); jsonl: always JSON Lines; record: the flat corpus record "
        "(see 'articleparse schema --record'); markdown, text: for people (several "
        "files: JSON Lines with it under 'markdown' or 'text'). Default: json",
    )
    parse.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT instead of stdout; OUT appears only once the run has finished",
    )
    parse.add_argument(
        "--strict",
        action="store_true",
        help="give no document for a file with an error diagnostic (its record carries "
        "the error instead)",
    )
    parse.set_defaults(run=cmd_parse)

    validate = _command(
        commands,
        "validate",
        "check that each X.txt still parses to the tree in X.json beside it",
        "For each input X.txt (or X.<encoding>.txt) compare its tree with the expected "
        "X.json and print what differs: the path in the tree, the expected value and the "
        "value got. A file with an error diagnostic fails too. This is the command for CI.",
    )
    validate.add_argument(
        "--update",
        action="store_true",
        help="write the expected files from what the inputs parse to now",
    )
    validate.set_defaults(run=cmd_validate)

    stats = _command(
        commands,
        "stats",
        "count titles, abstracts, headings and diagnostics over a corpus",
        "Counts over every file: documents without a title, an abstract or any heading, "
        "the deepest heading level, headings per level, and diagnostics by code.",
    )
    stats.add_argument("--json", action="store_true", help="print the counts as JSON")
    stats.set_defaults(run=cmd_stats)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of Article",
        description="Print the JSON Schema of the Article tree (or of the flat record).",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    schema.add_argument(
        "--record", action="store_true", help="the schema of the flat corpus record instead"
    )
    schema.set_defaults(run=cmd_schema)
    return parser


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
) -> argparse.ArgumentParser:
    command = commands.add_parser(
        name,
        help=summary,
        description=textwrap.fill(description, 79),
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a file or a folder (searched recursively)"
        + ("" if name == "validate" else ", or - for standard input"),
    )
    command.add_argument(
        "--glob",
        default=DEFAULT_GLOB,
        help=f"which files to take from folders (default: {DEFAULT_GLOB})",
    )
    command.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=default_jobs(),
        metavar="N",
        help="worker processes (default: the number of cores, here %(default)s)",
    )
    command.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, summary or warnings on stderr"
    )
    return command


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _usage_error(message: str) -> int:
    print(f"articleparse: error: {message}", file=sys.stderr)
    return EXIT_UNUSABLE


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        code: int = args.run(args)
        return code
    except KeyboardInterrupt:
        print("articleparse: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, without a traceback at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    finally:
        signal.signal(signal.SIGTERM, previous)
