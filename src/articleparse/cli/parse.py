"""``articleparse parse``: files to JSON, JSON Lines, records, Parquet, Markdown or text."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import functools
import os
import sys
from collections.abc import Callable
from types import TracebackType

from ..corpus.atomic import atomic_file
from ..corpus.batch import STDIN, Input
from ..corpus.outputs import (
    DEFAULT_SHARD_SIZE,
    OutputError,
    RecordWriter,
    ShardedOutput,
    check_format_available,
    writer_for,
)
from ..corpus.tasks import FORMATS, Options, Outcome, parse_task
from .common import (
    Summary,
    add_command,
    encoding_argument,
    errors_file,
    failure_line,
    note_failure,
    positive,
    run_task,
    say,
    usage_error,
    writable,
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


def cmd_parse(args: argparse.Namespace) -> int:
    problem = _check_parse_arguments(args)
    if problem:
        return usage_error(problem)
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
        normalize=args.normalize,
        max_bytes=args.max_bytes,
    )
    task = functools.partial(parse_task, options)
    if args.output_dir is not None:
        return _parse_to_shards(args, task)
    summary = Summary()
    with _Output(args.output, args.format) as out, errors_file(args) as errors:
        _progress, outcomes = run_task(args, task, output_to_terminal=args.output is None)
        for outcome in outcomes:
            out.write(outcome.output)
            summary.add(outcome)
            note_failure(errors, outcome)
            if single:
                _report_single(args, outcome)
    if not single:
        say(args, summary.report("parse"))
    return summary.exit_code


def _parse_to_shards(args: argparse.Namespace, task: Callable[[Input], Outcome]) -> int:
    try:
        shards = ShardedOutput(
            args.output_dir, args.format, shard_size=args.shard_size, resume=args.resume
        )
    except OutputError as exc:
        return usage_error(str(exc))
    summary = Summary()
    with shards, errors_file(args) as errors:
        for prior in shards.prior_failures:
            summary.add_prior(prior)
            if errors is not None:
                errors.add(prior)
        _, outcomes = run_task(args, task, skip=shards.done)
        for outcome in outcomes:
            failure = failure_line(outcome)
            shards.write(outcome.path, outcome.output, failure)
            summary.add(outcome)
            note_failure(errors, outcome)
    summary.files += len(shards.done) - len(shards.prior_failures)
    if shards.done:
        say(args, f"articleparse parse: {len(shards.done)} file(s) already in complete shards")
    say(args, summary.report("parse"))
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
        if target is not None and not writable(target):
            return f"cannot write {target}: not a writable file path"
    return ""


def _report_single(args: argparse.Namespace, outcome: Outcome) -> None:
    for d in outcome.diagnostics:
        say(args, f"{outcome.path}:{d.line}:{d.column}: {d.severity}[{d.code}]: {d.message}")
    if not outcome.diagnostics and outcome.problem:
        say(args, f"{outcome.path}: {outcome.problem}")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``parse`` command."""
    parse = add_command(
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
        type=positive,
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
    parse.add_argument(
        "--normalize",
        action="store_true",
        help="records: also fill the normalized_title, normalized_abstract, "
        "normalized_keywords and normalized_text columns (simplified characters, no pinyin "
        "annotations, half-width letters and digits; null without this option)",
    )
    encoding_argument(parse)
    parse.set_defaults(run=cmd_parse)
