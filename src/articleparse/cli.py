"""The ``articleparse`` command: parse, validate, stats, schema.

Every command takes files, folders (walked recursively, ``--glob``) or ``-``
for standard input, runs files in worker processes (``-j``) and streams the
results in input order. One bad file never stops a run; the exit code says
what happened, the same way for every command (see :data:`EXIT_CODES_HELP`).
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import functools
import json
import os
import signal
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

from . import COMPILED, __version__, _build
from .corpus.arrow import record_arrow_schema
from .corpus.atomic import atomic_file
from .corpus.batch import (
    DEFAULT_GLOB,
    STDIN,
    Input,
    default_jobs,
    iter_inputs,
    ordered_map,
    walk_folder,
)
from .corpus.files import DEFAULT_MAX_BYTES, shown_path
from .corpus.outputs import (
    DEFAULT_SHARD_SIZE,
    ErrorsFile,
    OutputError,
    RecordWriter,
    ShardedOutput,
    check_format_available,
    writer_for,
)
from .corpus.progress import Progress
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
from .corpus.validate import expected_path
from .schema import schema_text
from .serialize.record import record_schema

EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE: what a tool killed by a closed pipe exits with (``… | head``)."""

EXIT_CODES_HELP = """\
exit codes (the same for every command):
  0    every file parsed with no error diagnostic (validate: and matched)
  1    some file has an error diagnostic (undecodable bytes included),
       differs from its expected file, or its expected file is missing or corrupt
  2    usage error, no input file found, or some file could not be read at all
       (not a regular file, or over --max-bytes)
  130  interrupted (Ctrl-C, SIGTERM or SIGHUP); no half-written output is left
  141  the reader of standard output went away (a broken pipe: '| head')"""

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

    def add_prior(self, failure: dict[str, Any]) -> None:
        """A failed input of an earlier run whose shard is complete (``--resume``)."""
        self.add(Outcome(failure["path"], failure["exit"], problem=failure["error"]))

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


def _build_name() -> str:
    """The build that runs, for ``--version``."""
    if COMPILED:
        return "compiled with mypyc"
    return f"pure Python: {_build.PURE_REASON or 'not compiled'}"


def _outcomes(
    args: argparse.Namespace,
    task: Callable[[Input], Outcome],
    *,
    output_to_terminal: bool = False,
    skip: frozenset[str] = frozenset(),
) -> tuple[Progress, Iterator[Outcome]]:
    """The task over every input (but those in ``skip``), in input order, and its progress bar.

    The bar is drawn on a terminal's standard error, unless the records are
    written to that terminal too (``output_to_terminal``): the two never share
    a line.
    """
    inputs: Iterable[Input] = iter_inputs(args.paths, args.glob, args.max_bytes)
    if skip:
        inputs = (item for item in inputs if shown_path(item.path) not in skip)
    outcomes = ordered_map(task, inputs, args.jobs)
    terminal = sys.stderr.isatty() and not (output_to_terminal and sys.stdout.isatty())
    enabled = terminal and not args.quiet
    total = _count_inputs(args.paths, args.glob) if enabled else None
    progress = Progress(sys.stderr, total, enabled=enabled, initial=len(skip) if total else 0)
    return progress, progress.track(outcomes)


def _count_inputs(paths: list[str], glob: str) -> int:
    return sum(
        sum(1 for _ in walk_folder(path, glob)) if os.path.isdir(path) else 1 for path in paths
    )


class _Output:
    """Standard output, or a file that appears only once the run has completed."""

    def __init__(self, target: str | None, format: str) -> None:
        self.target = target
        self.format = format
        self._stack = contextlib.ExitStack()
        self._writer: RecordWriter | None = None

    def __enter__(self) -> _Output:
        stream = sys.stdout.buffer
        if self.target is not None:
            stream = self._stack.enter_context(atomic_file(self.target))
        self._writer = writer_for(self.format, stream)
        return self

    def write(self, data: bytes) -> None:
        assert self._writer is not None
        self._writer.write(data)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None and self._writer is not None:
            self._writer.close()
        elif self._writer is not None:
            self._writer.abandon()
        if kind is not None and self.target is None:
            with contextlib.suppress(OSError):
                sys.stdout.buffer.flush()
        self._stack.__exit__(kind, error, trace)


def _failure(outcome: Outcome) -> dict[str, Any] | None:
    """The line ``--errors`` writes for an input that failed; ``None`` when it did not."""
    if outcome.exit_code == EXIT_OK:
        return None
    return {"path": outcome.path, "exit": outcome.exit_code, "error": outcome.problem}


def _say(args: argparse.Namespace, text: str) -> None:
    if not args.quiet and text:
        print(text, file=sys.stderr, flush=True)


# ------------------------------------------------------------------ commands


def cmd_parse(args: argparse.Namespace) -> int:
    problem = _check_parse_arguments(args)
    if problem:
        return _usage_error(problem)
    single = (
        len(args.paths) == 1
        and (args.paths[0] == STDIN or not os.path.isdir(args.paths[0]))
        and args.output_dir is None
        and args.format != "parquet"
    )
    options = Options(
        format=args.format,
        strict=args.strict,
        single=single,
        encoding=args.encoding,
        section_text=args.section_text,
        max_bytes=args.max_bytes,
    )
    task = functools.partial(parse_task, options)
    if args.output_dir is not None:
        return _parse_to_shards(args, task)
    summary = Summary()
    with _Output(args.output, args.format) as out, _errors_file(args) as errors:
        _progress, outcomes = _outcomes(args, task, output_to_terminal=args.output is None)
        for outcome in outcomes:
            out.write(outcome.output)
            summary.add(outcome)
            _note_failure(errors, outcome)
            if single:
                _report_single(args, outcome)
    if not single:
        _say(args, summary.report("parse"))
    return summary.exit_code


def _parse_to_shards(args: argparse.Namespace, task: Callable[[Input], Outcome]) -> int:
    try:
        shards = ShardedOutput(
            args.output_dir, args.format, shard_size=args.shard_size, resume=args.resume
        )
    except OutputError as exc:
        return _usage_error(str(exc))
    summary = Summary()
    with shards, _errors_file(args) as errors:
        for prior in shards.prior_failures:
            summary.add_prior(prior)
            if errors is not None:
                errors.add(prior)
        _, outcomes = _outcomes(args, task, skip=shards.done)
        for outcome in outcomes:
            failure = _failure(outcome)
            shards.write(outcome.path, outcome.output, failure)
            summary.add(outcome)
            _note_failure(errors, outcome)
    summary.files += len(shards.done) - len(shards.prior_failures)
    if shards.done:
        _say(args, f"articleparse parse: {len(shards.done)} file(s) already in complete shards")
    _say(args, summary.report("parse"))
    return summary.exit_code


def _check_parse_arguments(args: argparse.Namespace) -> str:
    """What is wrong with the arguments of ``parse``, before any work: '' when nothing is."""
    if args.encoding is not None:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            return f"unknown encoding: {args.encoding}"
    try:
        check_format_available(args.format)
    except OutputError as exc:
        return str(exc)
    if args.format == "parquet" and args.output is None and args.output_dir is None:
        return "Parquet is written to a file: pass -o FILE or --output-dir DIR"
    if args.resume and args.output_dir is None:
        return "--resume carries on a run into --output-dir DIR"
    for target in (args.output, args.errors):
        if target is not None and not _writable(target):
            return f"cannot write {target}: not a writable file path"
    return ""


def _writable(target: str) -> bool:
    """A file (or device, FIFO, pipe) this process can write, or a new file in a writable folder.

    A link counts as its target, which is what gets written.
    """
    if os.path.isdir(target):
        return False
    if os.path.exists(target) and not os.path.isfile(target):
        return os.access(target, os.W_OK)  # /dev/null, a FIFO, /dev/fd/N: written straight
    return os.access(os.path.dirname(os.path.realpath(target)), os.W_OK | os.X_OK)


@contextlib.contextmanager
def _errors_file(args: argparse.Namespace) -> Iterator[ErrorsFile | None]:
    if args.errors is None:
        yield None
        return
    with ErrorsFile(args.errors) as errors:
        yield errors


def _note_failure(errors: ErrorsFile | None, outcome: Outcome) -> None:
    failure = _failure(outcome) if errors is not None else None
    if errors is not None and failure is not None:
        errors.add(failure)


def _report_single(args: argparse.Namespace, outcome: Outcome) -> None:
    for d in outcome.diagnostics:
        _say(args, f"{outcome.path}:{d.line}:{d.column}: {d.severity}[{d.code}]: {d.message}")
    if not outcome.diagnostics and outcome.problem:
        _say(args, f"{outcome.path}: {outcome.problem}")


def cmd_validate(args: argparse.Namespace) -> int:
    if STDIN in args.paths:
        return _usage_error("validate needs files with expected files beside them, not '-'")
    options = Options(update=args.update, max_bytes=args.max_bytes, collisions=_collisions(args))
    summary = Summary()
    progress, outcomes = _outcomes(args, functools.partial(validate_task, options))
    for outcome in outcomes:
        if outcome.output:
            progress.write_between(functools.partial(_write_out, outcome.output))
        summary.add(outcome)
    _say(args, summary.report("validate --update" if args.update else "validate"))
    return summary.exit_code


def _collisions(args: argparse.Namespace) -> dict[str, str]:
    """Inputs that share an expected file (``a.txt`` and ``a.gb18030.txt`` → ``a.json``).

    One walk over the inputs before the run, keeping one expected path per input.
    """
    claimed: dict[str, list[str]] = {}
    for item in iter_inputs(args.paths, args.glob):
        target = os.path.realpath(expected_path(Path(item.path)))
        claimed.setdefault(target, []).append(item.path)
    found: dict[str, str] = {}
    for target, paths in claimed.items():
        if len(paths) > 1:
            names = ", ".join(shown_path(path) for path in paths)
            message = (
                f"{shown_path(os.path.basename(target))} is the expected file of "
                f"{len(paths)} inputs ({names}): rename all but one, so that each has its own"
            )
            found.update((path, message) for path in paths)
    return found


def _write_out(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def cmd_stats(args: argparse.Namespace) -> int:
    if args.encoding is not None:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            return _usage_error(f"unknown encoding: {args.encoding}")
    summary = Summary()
    counts = CorpusCounts()
    options = Options(encoding=args.encoding, max_bytes=args.max_bytes)
    _, outcomes = _outcomes(args, functools.partial(stats_task, options))
    for outcome in outcomes:
        summary.add(outcome)
        counts.add(outcome.stats, unreadable=outcome.exit_code == EXIT_UNUSABLE)
    print(json.dumps(counts.as_json(), indent=1) if args.json else counts.table())
    if summary.exit_code != EXIT_OK:
        _say(args, summary.report("stats"))
    return summary.exit_code


def cmd_schema(args: argparse.Namespace) -> int:
    if args.arrow:
        try:
            schema = record_arrow_schema()
        except ImportError as exc:
            return _usage_error(str(exc))
        sys.stdout.write(schema.to_string(show_schema_metadata=True) + "\n")
    elif args.record:
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
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__} ({_build_name()})"
    )
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
        "(see 'articleparse schema --record'); parquet: records as Parquet (needs -o or "
        "--output-dir, and pyarrow: pip install 'articleparse[parquet]'); markdown, text: "
        "for people (several files: JSON Lines with it under 'markdown' or 'text'). "
        "Default: json",
    )
    where = parse.add_mutually_exclusive_group()
    where.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT instead of stdout; OUT appears only once the run has finished",
    )
    where.add_argument(
        "--output-dir",
        metavar="DIR",
        help="write shards DIR/part-00000.jsonl (or .parquet), each appearing once complete, "
        "and DIR/_manifest.jsonl listing the inputs of each complete shard",
    )
    parse.add_argument(
        "--shard-size",
        type=_positive,
        default=DEFAULT_SHARD_SIZE,
        metavar="N",
        help=f"inputs per shard with --output-dir (default: {DEFAULT_SHARD_SIZE})",
    )
    parse.add_argument(
        "--resume",
        action="store_true",
        help="with --output-dir: skip the inputs already in complete shards and write the rest",
    )
    parse.add_argument(
        "--errors",
        metavar="FILE",
        help="also write one JSON line per failed file ({path, exit, error}) to FILE",
    )
    parse.add_argument(
        "--strict",
        action="store_true",
        help="give no document for a file with an error diagnostic (its record carries "
        "the error instead)",
    )
    parse.add_argument(
        "--section-text",
        action="store_true",
        help="records: also copy each section's own text into its row (by default it is "
        "stored once, in 'text', and each section row says where its part is)",
    )
    _encoding_argument(parse)
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
    _encoding_argument(stats)
    stats.set_defaults(run=cmd_stats)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of Article",
        description="Print the JSON Schema of the Article tree (or of the flat record, or "
        "the record's Arrow schema).",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    which = schema.add_mutually_exclusive_group()
    which.add_argument(
        "--record", action="store_true", help="the JSON Schema of the flat corpus record instead"
    )
    which.add_argument(
        "--arrow",
        action="store_true",
        help="the Arrow schema of the record (what Parquet output holds; needs pyarrow)",
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
        "--max-bytes",
        type=_size,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="largest file read, in bytes, or with K, M or G (default: 64M); a larger file "
        "is one error for that file, and so is anything but a regular file",
    )
    command.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, summary or warnings on stderr"
    )
    return command


def _encoding_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--encoding",
        metavar="NAME",
        help="decode every file with this encoding (big5, utf-16, gbk, …) instead of "
        "detecting UTF-8 or GB18030",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _size(text: str) -> int:
    units = {"K": 1024, "M": 1024**2, "G": 1024**3}
    factor = units.get(text[-1:].upper(), 1)
    number = text[:-1] if factor > 1 else text
    if not number.isdigit() or int(number) < 1:
        raise argparse.ArgumentTypeError(f"not a size in bytes (such as 1000, 64M): {text!r}")
    return int(number) * factor


def _usage_error(message: str) -> int:
    print(f"articleparse: error: {message}", file=sys.stderr)
    return EXIT_UNUSABLE


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    # A dropped terminal session (SIGHUP) stops a run the way Ctrl-C and SIGTERM
    # do: the temporary file of -o is removed and nothing half-written is left.
    stops = [signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    previous = {number: signal.signal(number, _interrupt) for number in stops}
    try:
        code: int = args.run(args)
        return code
    except KeyboardInterrupt:
        print("articleparse: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``| head``): the run did not finish, so it is no
        # success; stop quietly, without a traceback when Python flushes at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
