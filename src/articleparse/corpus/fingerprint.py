"""The work of ``dedup`` for one input, in a worker process: its article's text, signed.

A scrape file is read and decoded as ``parse`` reads it, and its normalized
text parsed; a record output of ``parse`` (JSON Lines or Parquet) is cut into
batches of records, each record an input of its own. Each gives a
:class:`Fingerprint`: the MinHash signature of the article's text (see
:func:`compared_text`), or why there is none, with the exit code ``parse``
would give it. Nothing here raises on an input.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

from ..api import parse
from ..inputs import DEFAULT_MAX_BYTES, NotText, check_text, read_input, shown_path
from ..normalize import normalize
from ..parser.decode import decode
from ..serialize.record import to_record
from .batch import Input, ordered_map
from .minhash import Signature, signature

RECORD_SUFFIXES: Final = (".jsonl", ".ndjson", ".json")
PARQUET_SUFFIX: Final = ".parquet"
RECORDS_PER_UNIT: Final = 64
_COLUMNS: Final = (
    "path",
    "status",
    "error",
    "authors",
    "affiliations",
    "abstract",
    "keywords",
    "text",
)
_NORMALIZED: Final = ("normalized_abstract", "normalized_keywords", "normalized_text")

# The exit codes of every command (corpus.tasks), without importing the serialisers.
EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
EXIT_UNUSABLE: Final = 2


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a worker sends back for one article: its signature, or why it has none."""

    path: str
    signature: Signature | None
    exit_code: int = EXIT_OK
    problem: str = ""


@dataclass(frozen=True, slots=True)
class RecordBatch:
    """Records read from a record file (JSON Lines or Parquet), signed in a worker."""

    source: str
    first: int
    """The 1-based line (JSON Lines) or row (Parquet) number of the first record."""
    lines: tuple[tuple[int, bytes], ...] = ()
    """JSON Lines: each line with its number."""
    rows: tuple[dict[str, Any], ...] = ()


Unit = Input | RecordBatch


@dataclass(frozen=True, slots=True)
class Settings:
    """What a worker needs: pickled to the workers."""

    encoding: str | None = None
    max_bytes: int | None = DEFAULT_MAX_BYTES


def fingerprint_unit(settings: Settings, unit: Unit) -> list[Fingerprint]:
    """The fingerprints of one unit: a scrape file, or a batch of records."""
    if isinstance(unit, RecordBatch):
        return _fingerprint_records(unit)
    return [_fingerprint_file(settings, unit)]


def _fingerprint_file(settings: Settings, item: Input) -> Fingerprint:
    """Read one scrape file, parse its normalized text and sign its article's text.

    The parser reads the text as normalized (:func:`~articleparse.normalize`),
    so that the rows and labels of a copy in traditional characters with
    pinyin annotations (``範(fàn)文 |``, ``關(guān)鍵詞``) are found as in the
    original; it is read, refused and decoded as ``parse`` does, and its exit
    code comes from the diagnostics of that parse.
    """
    shown = shown_path(item.path)
    try:
        data = item.data
        if data is None:
            data = read_input(item.path, settings.max_bytes, text=settings.encoding is None)
        elif settings.max_bytes is not None and len(data) > settings.max_bytes:
            raise OSError(f"too large: over the limit of {settings.max_bytes:,} bytes")
        elif settings.encoding is None:
            check_text(data)
    except NotText as exc:
        return Fingerprint(shown, None, EXIT_FAILED, str(exc))
    except OSError as exc:
        return Fingerprint(shown, None, EXIT_UNUSABLE, f"cannot read: {exc.strerror or exc}")
    try:
        decoded = decode(data, settings.encoding)
        doc = parse(normalize(decoded.text))
        text, _ = compared_text(to_record(doc))
        found = signature(text, normalized=True)  # the parsed text was normalized
    except Exception as exc:  # a bug must cost one file, not the run
        return Fingerprint(shown, None, EXIT_FAILED, f"{type(exc).__name__}: {exc}")
    errors = sum(d.severity == "error" for d in doc.diagnostics) + bool(decoded.undecoded)
    problem = f"{errors} error diagnostic(s)" if errors else ""
    return Fingerprint(shown, found, EXIT_FAILED if errors else EXIT_OK, problem)


def _fingerprint_records(batch: RecordBatch) -> list[Fingerprint]:
    prints: list[Fingerprint] = []
    for number, line in batch.lines:
        where = f"{batch.source}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text", ""), str):
                raise ValueError("not a record")
        except ValueError as exc:
            prints.append(Fingerprint(where, None, EXIT_FAILED, f"not a record: {exc}"))
            continue
        prints.append(_record_fingerprint(record, where))
    prints.extend(
        _record_fingerprint(row, f"{batch.source}:{batch.first + index}")
        for index, row in enumerate(batch.rows)
    )
    return prints


def _record_fingerprint(record: dict[str, Any], where: str) -> Fingerprint:
    path = record.get("path") or where
    problem = ""
    if record.get("status") == "error":
        problem = record.get("error") or "error diagnostic(s)"
    try:
        found = _sign(record)
    except Exception as exc:  # a bug must cost one record, not the run
        return Fingerprint(path, None, EXIT_FAILED, f"{type(exc).__name__}: {exc}")
    return Fingerprint(path, found, EXIT_FAILED if problem else EXIT_OK, problem)


def _sign(record: dict[str, Any]) -> Signature | None:
    """The signature of a record's article text (see :func:`compared_text`)."""
    text, normalized = compared_text(record)
    return signature(text, normalized=normalized)


def compared_text(record: dict[str, Any]) -> tuple[str, bool]:
    """The text of a record that is compared, and whether it is normalized already.

    The article's own text: authors, affiliations, abstract, keywords and body.
    Which line of a page is an affiliation and which a paragraph can change
    with its layout, so both sides of that line are taken; the title rows,
    other rows, chrome and references are not. A record made with
    ``normalize`` gives its normalized columns.
    """
    names = [*(record.get("authors") or ()), *(record.get("affiliations") or ())]
    if isinstance(record.get("normalized_text"), str):
        keywords = record.get("normalized_keywords") or ()
        body = (record.get("normalized_abstract") or "", *keywords, record["normalized_text"])
        return "\n".join((normalize("\n".join(names)), *body)), True
    keywords = record.get("keywords") or ()
    body = (record.get("abstract") or "", *keywords, record.get("text") or "")
    return "\n".join((*names, *body)), False


# ------------------------------------------------------------------ the inputs


def iter_units(inputs: Iterable[Input]) -> Iterator[Unit | Fingerprint]:
    """Scrape inputs as they are, record files cut into batches; an unreadable record file
    is a :class:`Fingerprint` with its problem."""
    for item in inputs:
        name = item.path.lower()
        if item.data is None and name.endswith(RECORD_SUFFIXES):
            yield from _json_lines_units(item.path)
        elif item.data is None and name.endswith(PARQUET_SUFFIX):
            yield from _parquet_units(item.path)
        else:
            yield item


def _json_lines_units(path: str) -> Iterator[RecordBatch | Fingerprint]:
    shown = shown_path(path)
    try:
        with open(path, "rb") as stream:
            lines: list[tuple[int, bytes]] = []
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                lines.append((number, line))
                if len(lines) == RECORDS_PER_UNIT:
                    yield RecordBatch(shown, lines[0][0], tuple(lines))
                    lines = []
            if lines:
                yield RecordBatch(shown, lines[0][0], tuple(lines))
    except OSError as exc:
        yield Fingerprint(shown, None, EXIT_UNUSABLE, f"cannot read: {exc.strerror or exc}")


def _parquet_units(path: str) -> Iterator[RecordBatch | Fingerprint]:
    from .arrow import require_pyarrow

    require_pyarrow()
    import pyarrow.parquet as pq

    shown = shown_path(path)
    try:
        file = pq.ParquetFile(path)
        names = set(file.schema_arrow.names)
        columns = [name for name in (*_COLUMNS, *_NORMALIZED) if name in names]
        first = 1
        for batch in file.iter_batches(batch_size=RECORDS_PER_UNIT, columns=columns):
            rows = tuple(batch.to_pylist())
            yield RecordBatch(shown, first, rows=rows)
            first += len(rows)
    except (OSError, ValueError) as exc:
        yield Fingerprint(shown, None, EXIT_UNUSABLE, f"cannot read as Parquet: {exc}")


def fingerprints(
    units: Iterable[Unit | Fingerprint], settings: Settings, jobs: int
) -> Iterator[Fingerprint]:
    """The fingerprints of every unit, in input order, made in ``jobs`` processes."""
    task = functools.partial(_fingerprint_or_pass, settings)
    for prints in ordered_map(task, units, jobs, on_lost=_lost):
        yield from prints


def _lost(unit: Unit | Fingerprint, why: str) -> list[Fingerprint]:
    """The fingerprints of a unit whose worker died: its inputs, each with the reason."""
    problem = f"cannot parse: {why}"
    if isinstance(unit, RecordBatch):
        count = len(unit.lines) + len(unit.rows)
        return [
            Fingerprint(f"{unit.source}:{unit.first}+{index}", None, EXIT_UNUSABLE, problem)
            for index in range(count)
        ]
    if isinstance(unit, Fingerprint):
        return [unit]
    return [Fingerprint(shown_path(unit.path), None, EXIT_UNUSABLE, problem)]


def _fingerprint_or_pass(settings: Settings, unit: Unit | Fingerprint) -> list[Fingerprint]:
    if isinstance(unit, Fingerprint):
        return [unit]
    return fingerprint_unit(settings, unit)


__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_UNUSABLE",
    "Fingerprint",
    "RecordBatch",
    "Settings",
    "compared_text",
    "fingerprint_unit",
    "fingerprints",
    "iter_units",
]
