"""The work done for one file, in a worker process: parse, validate, or count.

Each task takes an :class:`~articleparse.corpus.batch.Input` and returns an
:class:`Outcome`: the bytes to write for that file (already serialised and
encoded, so that the writing process only copies them out), its exit code and,
when something went wrong, a one-line problem for the run's summary. Tasks
never raise on a file: an unreadable file or a parser failure is an outcome.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic_core import to_json

from ..diagnostics import Diagnostic
from ..inputs import DEFAULT_MAX_BYTES, shown_path
from ..serialize.markdown import to_markdown
from ..serialize.record import plain_text, record_json
from .batch import Input
from .many import ParseResult, parse_input
from .stats import DocStats, doc_stats
from .validate import Verdict, check_fixture, dump_expected, expected_path, format_verdict

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_UNUSABLE = 2

FORMATS = ("json", "jsonl", "record", "parquet", "markdown", "text")


@dataclass(frozen=True, slots=True)
class Options:
    """What a worker needs to know to process one file; pickled to the workers."""

    format: str = "json"
    strict: bool = False
    single: bool = False
    update: bool = False
    encoding: str | None = None
    section_text: bool = False
    normalize: bool = False
    max_bytes: int | None = DEFAULT_MAX_BYTES
    collisions: dict[str, str] = field(default_factory=dict)
    """validate: inputs whose expected file another input maps to, with what to say."""


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
    result = parse_input(item, options.encoding, options.strict, options.max_bytes)
    outcome = _outcome(result)
    try:
        outcome.output = _output(options, result)
    except Exception as exc:  # a serialiser bug must cost one file, not the run
        outcome.exit_code = EXIT_FAILED
        outcome.problem = result.error = f"cannot serialise: {type(exc).__name__}: {exc}"
        result.article = None
        outcome.output = _output(options, result)
    return outcome


def parse_lost(options: Options, item: Input, why: str) -> Outcome:
    """The outcome of a file whose worker died: a failed record, written in its place."""
    result = ParseResult(
        shown_path(item.path),
        error=f"cannot parse: {why}",
        relative_path=shown_path(item.name),
        unreadable=True,
    )
    outcome = _outcome(result)
    outcome.output = _output(options, result)
    return outcome


def lost_outcome(item: Input, why: str) -> Outcome:
    """The outcome of a file whose worker died, for a command that writes no record."""
    shown = shown_path(item.path)
    problem = f"cannot parse: {why}"
    return Outcome(shown, EXIT_UNUSABLE, f"{shown}: {problem}\n".encode(), problem)


def stats_task(options: Options, item: Input) -> Outcome:
    """Parse one file and keep only the numbers ``stats`` counts."""
    result = parse_input(item, options.encoding, max_bytes=options.max_bytes)
    outcome = _outcome(result)
    if result.article is not None:
        outcome.stats = doc_stats(result.article)
    return outcome


def _outcome(result: ParseResult) -> Outcome:
    """How one file went: its exit code and, when it failed, the problem in one line."""
    outcome = Outcome(result.path, diagnostics=tuple(result.diagnostics))
    errors = [d for d in result.diagnostics if d.severity == "error"]
    if result.unreadable:
        outcome.exit_code = EXIT_UNUSABLE
        outcome.problem = result.error or ""
    elif errors:
        outcome.exit_code = EXIT_FAILED
        outcome.problem = f"{len(errors)} error diagnostic(s), first at {_one_line(errors[0])}"
    elif result.error is not None:
        outcome.exit_code = EXIT_FAILED
        outcome.problem = result.error
    return outcome


def _broken(item: Input, problem: str) -> Outcome:
    return Outcome(shown_path(item.path), EXIT_FAILED, problem=problem)


def validate_task(options: Options, item: Input) -> Outcome:
    """Check one fixture against its expected file (or write it, with ``--update``).

    An input in ``options.collisions`` is neither checked nor written: another
    input maps to the same expected file, and the two would overwrite each other.
    """
    shown = shown_path(item.path)
    path = Path(item.path)
    try:
        if item.path in options.collisions:
            message = options.collisions[item.path]
            verdict = Verdict(path, expected_path(path), "collision", message=message)
        else:
            verdict = check_fixture(path, update=options.update, max_bytes=options.max_bytes)
    except Exception as exc:  # a parser bug must cost one file, not the run
        outcome = _broken(item, f"validation failed: {type(exc).__name__}: {exc}")
        outcome.output = f"{shown}: {outcome.problem}\n".encode()
        return outcome
    if verdict.ok:
        return Outcome(shown)
    report = format_verdict(verdict)
    code = EXIT_UNUSABLE if verdict.status in ("unreadable", "unwritable") else EXIT_FAILED
    return Outcome(
        shown,
        code,
        (report + "\n").encode(),
        report.splitlines()[0].removeprefix(shown + ": "),
    )


def _output(options: Options, result: ParseResult) -> bytes:
    fmt = options.format
    doc = result.article
    if doc is None and options.single:
        return b""  # alone, a file that gave no document writes nothing; stderr says why
    if fmt in ("record", "parquet"):
        record = result.record(section_text=options.section_text, normalize=options.normalize)
        if options.single and fmt == "record":
            return (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode()
        return record_json(record) + b"\n"
    if doc is None:
        return _failed_output(options, result)
    if options.single:
        if fmt == "json":
            return dump_expected(doc).encode()
        if fmt == "markdown":
            return to_markdown(doc).encode()
        if fmt == "text":
            return (plain_text(doc) + "\n").encode()
    head = _envelope_head(result)
    if fmt == "markdown":
        return head + b'"markdown":' + to_json(to_markdown(doc)) + b"}\n"
    if fmt == "text":
        return head + b'"text":' + to_json(plain_text(doc)) + b"}\n"
    return head + b'"article":' + doc.__pydantic_serializer__.to_json(doc) + b"}\n"


def _failed_output(options: Options, result: ParseResult) -> bytes:
    """What a file that gave no document writes in a batch: its error in the envelope."""
    key = options.format if options.format in ("markdown", "text") else "article"
    return _envelope_head(result) + f'"{key}":null}}\n'.encode()


def _envelope_head(result: ParseResult) -> bytes:
    head = {
        "path": result.path,
        "encoding": result.encoding,
        "diagnostics": result.diagnostics,
        "error": result.error,
    }
    return to_json(head)[:-1] + b","


def _one_line(diagnostic: Diagnostic) -> str:
    return f"line {diagnostic.line}, column {diagnostic.column}: {diagnostic.code}"
