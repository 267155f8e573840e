"""The work done for one file, in a worker process: parse, validate, or count.

Each task takes an :class:`~articleparse.corpus.batch.Input` and returns an
:class:`Outcome`: the bytes to write for that file (already serialised and
encoded, so that the writing process only copies them out), its exit code and,
when something went wrong, a one-line problem for the run's summary. Tasks
never raise on a file: an unreadable file or a parser failure is an outcome.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..api import parse_bytes, parse_file
from ..diagnostics import Diagnostic, ParseError
from ..model import Article
from ..serialize.markdown import to_markdown
from ..serialize.record import failed_record, plain_text, to_record
from .batch import Input
from .stats import DocStats, doc_stats
from .validate import check_fixture, dump_expected, format_verdict

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_UNUSABLE = 2

FORMATS = ("json", "jsonl", "record", "markdown", "text")


@dataclass(frozen=True, slots=True)
class Options:
    """What a worker needs to know to process one file; pickled to the workers."""

    format: str = "json"
    strict: bool = False
    single: bool = False
    update: bool = False


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
        try:
            outcome.output = _document_output(options, item.path, doc).encode()
        except Exception as exc:  # a serialiser bug must cost one file, not the run
            outcome = _broken(item, f"cannot serialise: {type(exc).__name__}: {exc}")
            outcome.output = _failed_output(options, item.path, outcome.problem).encode()
    return outcome


def stats_task(item: Input) -> Outcome:
    """Parse one file and keep only the numbers ``stats`` counts."""
    doc, outcome = _load(item)
    if doc is not None:
        outcome.stats = doc_stats(doc)
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
        return None, _broken(item, f"parser failed: {type(exc).__name__}: {exc}")
    outcome = Outcome(item.path, diagnostics=tuple(doc.diagnostics))
    errors = [d for d in doc.diagnostics if d.severity == "error"]
    if errors:
        outcome.exit_code = EXIT_FAILED
        outcome.problem = f"{len(errors)} error diagnostic(s), first at {_one_line(errors[0])}"
    return doc, outcome


def _broken(item: Input, problem: str) -> Outcome:
    return Outcome(item.path, EXIT_FAILED, problem=problem)


def validate_task(options: Options, item: Input) -> Outcome:
    """Check one fixture against its expected file (or write it, with ``--update``)."""
    try:
        verdict = check_fixture(Path(item.path), update=options.update)
    except Exception as exc:  # a parser bug must cost one file, not the run
        outcome = _broken(item, f"validation failed: {type(exc).__name__}: {exc}")
        outcome.output = f"{item.path}: {outcome.problem}\n".encode()
        return outcome
    if verdict.ok:
        return Outcome(item.path)
    report = format_verdict(verdict)
    code = EXIT_UNUSABLE if verdict.status in ("unreadable", "unwritable") else EXIT_FAILED
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
