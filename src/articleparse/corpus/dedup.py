"""Near-duplicate articles across a corpus: files, folders and record outputs of ``parse``.

Each input gives the text of its article (abstract and body, chrome excluded:
scrape files are parsed, records give their columns) and its MinHash
signature (:mod:`.minhash`), in worker processes. This process then reads the
signatures in input order and groups them in one pass: every group has a
representative, its first member in input order, whose band keys are in
:data:`~.minhash.BANDS` hash tables (the locality-sensitive index); a new
article is compared with the representatives it shares a band with, and joins
the group of the most similar one when the estimated containment (the share of
the smaller text found in the larger) reaches the threshold, or else starts a
group of its own. Cost is linear in the corpus: a constant number of look-ups
and comparisons per article; memory holds the representatives' signatures and
band keys (under a kilobyte each), never the texts. Results stream out in
input order, one per input (one per record of a record file).

Compared through containment rather than Jaccard similarity alone, a copy cut
short still matches its whole; normalized (:func:`articleparse.normalize`) and
stripped of spaces and punctuation, a copy in traditional characters, with
pinyin annotations, in full-width letters or laid out on other lines matches.
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

from ..api import parse
from ..inputs import DEFAULT_MAX_BYTES, shown_path
from ..normalize import normalize
from ..serialize.record import to_record
from ..serialize.text import render
from .batch import DEFAULT_GLOB, Input, Source, default_jobs, iter_inputs, ordered_map
from .many import parse_input
from .minhash import Signature, require_datasketch, signature

THRESHOLD: Final = 0.8
"""Estimated containment from which two articles are one: the share of the shorter's
shingles found in the longer."""

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
class Duplicate:
    """One input's place in the grouping.

    ``group`` is the number of its group (0, 1, 2, … in the order groups first
    appear), ``representative`` the path of the group's first member and
    ``similarity`` the estimated containment between the two (1.0 for the
    representative itself; ``None`` for an input with no text to compare, which
    is a group of its own). ``exit_code`` and ``problem`` say how reading it
    went, as ``parse`` would: 0, 1 (no document, an error diagnostic, a
    malformed record) or 2 (unreadable).
    """

    path: str
    group: int
    representative: str
    similarity: float | None
    exit_code: int = EXIT_OK
    problem: str = ""

    def as_json(self) -> dict[str, Any]:
        similarity = None if self.similarity is None else round(self.similarity, 4)
        return {
            "path": self.path,
            "group": self.group,
            "representative": self.representative,
            "similarity": similarity,
            "error": self.problem or None,
        }


class Grouper:
    """The one-pass grouping over signatures in input order (see the module's text)."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._tables: list[dict[bytes, int]] = []
        self._signatures: list[Signature] = []
        self._paths: list[str] = []
        self._groups: list[int] = []
        self.groups = 0

    def add(self, item: Fingerprint) -> Duplicate:
        found = item.signature
        if found is None:
            return self._new_group(item, None)
        bands = found.bands()
        if not self._tables:
            self._tables = [{} for _ in bands]
        best, best_score = -1, 0.0
        seen: set[int] = set()
        for table, key in zip(self._tables, bands, strict=True):
            candidate = table.get(key)
            if candidate is None or candidate in seen:
                continue
            seen.add(candidate)
            score = found.containment(self._signatures[candidate])
            if score > best_score:
                best, best_score = candidate, score
        if best >= 0 and best_score >= self.threshold:
            return Duplicate(
                item.path,
                self._groups[best],
                self._paths[best],
                best_score,
                item.exit_code,
                item.problem,
            )
        representative = len(self._signatures)
        for table, key in zip(self._tables, bands, strict=True):
            table.setdefault(key, representative)
        self._signatures.append(found)
        self._paths.append(item.path)
        self._groups.append(self.groups)
        return self._new_group(item, 1.0)

    def _new_group(self, item: Fingerprint, similarity: float | None) -> Duplicate:
        self.groups += 1
        group = self.groups - 1
        return Duplicate(item.path, group, item.path, similarity, item.exit_code, item.problem)


# ------------------------------------------------------------------ the work of one input


@dataclass(frozen=True, slots=True)
class RecordBatch:
    """Records read from a record file (JSON Lines or Parquet), signed in a worker."""

    source: str
    first: int
    lines: tuple[bytes, ...] = ()
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
    """Parse the normalized text of one scrape file and sign its article's text.

    The parser reads the file as normalized (:func:`~articleparse.normalize`), so
    that the rows and labels of a copy in traditional characters with pinyin
    annotations (``範(fàn)文 |``, ``關(guān)鍵詞``) are found as in the original.
    """
    result = parse_input(item, settings.encoding, max_bytes=settings.max_bytes)
    if result.article is None:
        code = EXIT_UNUSABLE if result.unreadable else EXIT_FAILED
        return Fingerprint(result.path, None, code, result.error or "")
    errors = sum(d.severity == "error" for d in result.diagnostics)
    problem = f"{errors} error diagnostic(s)" if errors else ""
    try:
        doc = parse(normalize(render(result.article)))
        text, _ = compared_text(to_record(doc))
        found = signature(text, normalized=True)  # the parsed text was normalized
    except Exception as exc:  # a bug must cost one file, not the run
        return Fingerprint(result.path, None, EXIT_FAILED, f"{type(exc).__name__}: {exc}")
    return Fingerprint(result.path, found, EXIT_FAILED if errors else EXIT_OK, problem)


def _fingerprint_records(batch: RecordBatch) -> list[Fingerprint]:
    prints: list[Fingerprint] = []
    for index, line in enumerate(batch.lines):
        where = f"{batch.source}:{batch.first + index + 1}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text", ""), str):
                raise ValueError("not a record")
        except ValueError as exc:
            prints.append(Fingerprint(where, None, EXIT_FAILED, f"not a record: {exc}"))
            continue
        prints.append(_record_fingerprint(record, where))
    prints.extend(
        _record_fingerprint(row, f"{batch.source}:{batch.first + index + 1}")
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


def iter_units(
    sources: Iterable[Source], glob: str = DEFAULT_GLOB, max_bytes: int | None = None
) -> Iterator[Unit | Fingerprint]:
    """Scrape inputs as they are, record files cut into batches; an unreadable record file
    is a :class:`Fingerprint` with its problem."""
    for item in iter_inputs(sources, glob, max_bytes):
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
            first, lines = 0, list[bytes]()
            for number, line in enumerate(stream):
                if not line.strip():
                    continue
                if not lines:
                    first = number
                lines.append(line)
                if len(lines) == RECORDS_PER_UNIT:
                    yield RecordBatch(shown, first, tuple(lines))
                    lines = []
            if lines:
                yield RecordBatch(shown, first, tuple(lines))
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
        first = 0
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
    import functools

    task = functools.partial(_fingerprint_or_pass, settings)
    for prints in ordered_map(task, units, jobs):
        yield from prints


def _fingerprint_or_pass(settings: Settings, unit: Unit | Fingerprint) -> list[Fingerprint]:
    if isinstance(unit, Fingerprint):
        return [unit]
    return fingerprint_unit(settings, unit)


# ------------------------------------------------------------------ the Python API


def find_duplicates(
    sources: Source | Iterable[Source],
    *,
    jobs: int | None = None,
    threshold: float = THRESHOLD,
    encoding: str | None = None,
    glob: str = DEFAULT_GLOB,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Iterator[Duplicate]:
    """Group near-duplicate articles: one :class:`Duplicate` per input, in input order.

    ``sources`` are what :func:`~articleparse.parse_many` takes (files, folders
    walked for ``glob``, ``(name, bytes)`` pairs), and record outputs of
    ``parse``: a ``.jsonl`` / ``.json`` file of records, one a line, or a
    ``.parquet`` file, each record an input of its own (known by its ``path``
    column). ``threshold`` is the estimated containment from which two
    articles are one group. Needs ``pip install 'articleparse[dedup]'``.
    """
    if encoding is not None:
        codecs.lookup(encoding)
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    if isinstance(sources, str | os.PathLike | tuple):
        sources = [sources]
    require_datasketch()  # missing: the ImportError comes now, not from a worker
    settings = Settings(encoding, max_bytes)
    grouper = Grouper(threshold)
    units = iter_units(sources, glob, max_bytes)
    for item in fingerprints(units, settings, jobs or default_jobs()):
        yield grouper.add(item)


__all__ = [
    "THRESHOLD",
    "Duplicate",
    "Fingerprint",
    "Grouper",
    "Settings",
    "find_duplicates",
    "fingerprints",
    "iter_units",
]
