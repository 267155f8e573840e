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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import FrameType, TracebackType
from typing import BinaryIO

from . import __version__
from .corpus.atomic import atomic_file
from .corpus.batch import (
    DEFAULT_GLOB,
    STDIN,
    Input,
    Progress,
    default_jobs,
    iter_inputs,
    ordered_map,
    walk_folder,
)
from .corpus.stats import CorpusCounts
from .corpus.tasks import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_UNUSABLE,
    FORMATS,
    Options,
    Outcome,
    parse_task,
    stats_task,
    validate_task,
)
from .schema import schema_text
from .serialize.record import record_schema

EXIT_INTERRUPTED = 130

EXIT_CODES_HELP = """\
exit codes (the same for every command):
  0    every file parsed with no error diagnostic (validate: and matched)
  1    some file has an error diagnostic (undecodable bytes included),
       differs from its expected file, or its expected file is missing or corrupt
  2    usage error, no input file found, or some file could not be read at all
  130  interrupted (Ctrl-C or SIGTERM); no half-written output is left behind"""

SHOWN_PROBLEMS = 20


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


def _clear_progress_line(args: argparse.Namespace) -> None:
    """Before writing a report to a terminal, take the progress bar out of its way."""
    if not args.quiet and sys.stderr.isatty() and sys.stdout.isatty():
        sys.stderr.write("\r\x1b[2K")
        sys.stderr.flush()


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
    if args.output is not None:
        folder = os.path.dirname(os.path.abspath(args.output))
        if os.path.isdir(args.output) or not os.access(folder, os.W_OK | os.X_OK):
            return _usage_error(f"cannot write {args.output}: not a writable file path")
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
            _clear_progress_line(args)
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
        counts.add(outcome.stats, unreadable=outcome.exit_code == EXIT_UNUSABLE)
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
