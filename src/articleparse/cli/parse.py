"""``articleparse parse``: files to JSON, JSON Lines, records, Parquet, Markdown or text."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import fnmatch
import functools
import gzip
import itertools
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import PurePath
from types import TracebackType
from typing import Any, BinaryIO, cast

from ..corpus.atomic import atomic_file
from ..corpus.batch import STDIN, Input, input_key, names_many
from ..corpus.outputs import (
    DEFAULT_SHARD_SIZE,
    OutputError,
    RecordWriter,
    ShardedOutput,
    check_format_available,
    writer_for,
    writing,
)
from ..corpus.tasks import FORMATS, Options, Outcome, parse_lost, parse_task
from ..inputs import shown_path
from .common import (
    Summary,
    add_command,
    command_inputs,
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

COMPRESSED = (".gz", ".zst")


class _Output:
    """Standard output, or a file that appears only once the run has completed.

    A file named ``….gz`` or ``….zst`` is compressed (gzip; Zstandard, which
    needs ``pip install 'articleparse[zstd]'``), as readers of such files expect.
    """

    def __init__(self, target: str | None, format: str) -> None:
        self.target = target
        self.format = format
        self.name = target if target is not None else "standard output"
        self._stack = contextlib.ExitStack()
        self._writer: RecordWriter | None = None

    def __enter__(self) -> _Output:
        stream: BinaryIO = sys.stdout.buffer
        with writing(self.name):
            if self.target is not None:
                stream = self._stack.enter_context(atomic_file(self.target))
                stream = self._stack.enter_context(_compressed(self.target, stream))
            self._writer = writer_for(self.format, stream)
        return self

    def write(self, data: bytes) -> None:
        assert self._writer is not None
        with writing(self.name):
            self._writer.write(data)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            with writing(self.name):
                if kind is None and self._writer is not None:
                    self._writer.close()
        except BaseException as exc:  # a full disk, or the reader went away
            self._abandon(type(exc), exc, exc.__traceback__)
            raise
        self._abandon(kind, error, trace)

    def _abandon(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is not None and self._writer is not None:
            self._writer.abandon()
        if kind is not None and self.target is None:
            with contextlib.suppress(OSError):
                sys.stdout.buffer.flush()
        with writing(self.name):
            self._stack.__exit__(kind, error, trace)


def _compressed(target: str, stream: BinaryIO) -> contextlib.AbstractContextManager[BinaryIO]:
    """``stream`` compressed as the suffix of ``target`` says, or as it is."""
    if target.endswith(".gz"):
        packed = gzip.GzipFile(filename="", mode="wb", fileobj=stream, mtime=0)
        return cast("contextlib.AbstractContextManager[BinaryIO]", packed)
    if target.endswith(".zst"):
        zstandard = _zstandard()
        writer: BinaryIO = zstandard.ZstdCompressor().stream_writer(stream, closefd=False)
        return writer
    return contextlib.nullcontext(stream)


def _zstandard() -> Any:
    try:
        import zstandard
    except ImportError:
        raise OutputError(
            "a .zst output needs zstandard: pip install 'articleparse[zstd]'"
        ) from None
    return zstandard


def cmd_parse(args: argparse.Namespace) -> int:
    problem = _check_parse_arguments(args)
    if problem:
        return usage_error(problem)
    single = (
        len(args.paths) == 1
        and args.files_from is None
        and (args.paths[0] == STDIN or not names_many(args.paths[0]))
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
    lost = functools.partial(parse_lost, options)
    if args.output_dir is not None:
        return _parse_to_shards(args, task, lost)
    summary = Summary()
    with _Output(args.output, args.format) as out, errors_file(args) as errors:
        _progress, outcomes = run_task(
            args, task, output_to_terminal=args.output is None, on_lost=lost
        )
        for outcome in outcomes:
            out.write(outcome.output)
            summary.add(outcome)
            note_failure(errors, outcome)
            if single:
                _report_single(args, outcome)
    if not single:
        say(args, summary.report("parse"))
    return summary.exit_code


def _parse_to_shards(
    args: argparse.Namespace,
    task: Callable[[Input], Outcome],
    lost: Callable[[Input, str], Outcome],
) -> int:
    try:
        shards = ShardedOutput(
            args.output_dir, args.format, shard_size=args.shard_size, resume=args.resume
        )
    except OutputError as exc:
        return usage_error(str(exc))
    inputs = command_inputs(args)
    first = next(inputs, None)
    if shards.done and (first is None or not shards.done[input_key(first)]):
        shown = "no input" if first is None else f"the first input, {shown_path(first.path)},"
        return usage_error(
            f"cannot resume: {shown} is not in the complete shards of {args.output_dir}; "
            "resume with the inputs of the run that wrote them"
        )
    keys: deque[str] = deque()
    remaining = shards.done.copy()
    already = 0

    def todo() -> Iterator[Input]:
        nonlocal already
        for item in itertools.chain([] if first is None else [first], inputs):
            key = input_key(item)
            if remaining[key] > 0:  # in a complete shard: as many times as it was there
                remaining[key] -= 1
                already += 1
                continue
            keys.append(key)
            yield item

    summary = Summary()
    with shards, errors_file(args) as errors:
        for prior in shards.prior_failures:
            summary.add_prior(prior)
            if errors is not None:
                errors.add(prior)
        _, outcomes = run_task(args, task, inputs=todo(), on_lost=lost)
        for outcome in outcomes:
            shards.write(keys.popleft(), outcome.output, failure_line(outcome))
            summary.add(outcome)
            note_failure(errors, outcome)
    summary.files += already - len(shards.prior_failures)
    if already:
        say(args, f"articleparse parse: {already} file(s) already in complete shards")
    say(args, summary.report("parse"))
    return summary.exit_code


def _check_parse_arguments(args: argparse.Namespace) -> str:
    """What is wrong with the arguments of ``parse``, before any work: '' when nothing is."""
    if not args.paths and args.files_from is None:
        return "no inputs: name files or folders, or --files-from FILE"
    if args.encoding is not None:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            return f"unknown encoding: {args.encoding}"
    try:
        check_format_available(args.format)
        if args.output is not None and args.output.endswith(".zst"):
            _zstandard()
    except OutputError as exc:
        return str(exc)
    if args.format == "parquet" and args.output is None and args.output_dir is None:
        return "Parquet is written to a file: pass -o FILE or --output-dir DIR"
    if args.format == "parquet" and (args.output or "").endswith(COMPRESSED):
        return "Parquet compresses its own columns: name the output ….parquet"
    if args.resume and args.output_dir is None:
        return "--resume carries on a run into --output-dir DIR"
    if args.files_from is not None and args.files_from != STDIN:
        if not os.path.isfile(args.files_from):
            return f"cannot read the list {args.files_from}: not a file"
    if args.files_from == STDIN and STDIN in args.paths:
        return "standard input cannot be both an input and the list of inputs"
    for target in (args.output, args.errors):
        if target is not None and not writable(target):
            return f"cannot write {target}: not a writable file path"
    return _aliasing(args)


def _aliasing(args: argparse.Namespace) -> str:
    """An output that is an input, or the other output: writing it would destroy data."""
    if args.output and args.errors and _same(args.output, args.errors):
        return f"-o and --errors name the same file ({args.output}): give each its own"
    for target in (args.output, args.errors):
        if target is None or _is_special(target):
            continue
        for path in args.paths:
            if path == STDIN:
                continue
            if _same(target, path):
                return f"{target} is an input: writing it would replace the input"
            if os.path.isdir(path) and _would_read(path, target, args.glob):
                return (
                    f"{target} is in the input folder {path} and matches --glob "
                    f"{args.glob}: a later run would read it as an input; write it elsewhere"
                )
    return ""


def _same(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return os.path.realpath(one) == os.path.realpath(other)


def _is_special(target: str) -> bool:
    """A device, FIFO or pipe, which is written straight and never replaced."""
    return os.path.exists(target) and not os.path.isfile(target)


def _would_read(folder: str, target: str, glob: str) -> bool:
    """Whether walking ``folder`` for ``glob`` would find ``target``."""
    root, path = os.path.realpath(folder), os.path.realpath(target)
    relative = os.path.relpath(path, root)
    if relative.startswith(os.pardir + os.sep) or relative == os.pardir:
        return False
    parts = relative.split(os.sep)
    if any(part.startswith(".") for part in parts):
        return False
    if "/" not in glob:
        return fnmatch.fnmatchcase(parts[-1], glob)
    return PurePath(relative).match(glob)


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
        help="write to OUT instead of stdout; OUT appears only once the run has finished, "
        "compressed when named .gz or .zst; an OUT that is an input is refused",
    )
    where.add_argument(
        "--output-dir",
        metavar="DIR",
        help="write shards DIR/part-00000.jsonl (or .parquet), each appearing once complete, "
        "and DIR/_manifest.ndjson listing the inputs of each complete shard",
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
