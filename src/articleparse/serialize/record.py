"""Article → a flat corpus record: what dataset tools take row by row.

A record is one row per input file: where it came from (the provenance
columns), the metadata as scalars and lists of strings, the body as plain text,
and the section tree flattened into a list of ``number / title / level`` rows
in document order. Every column has one type whatever the document holds, so
records from any number of files combine into one table (the Arrow form of
this schema is :func:`articleparse.record_arrow_schema`). Lossy by design: the
layout, spans and site chrome stay in the :class:`~articleparse.model.Article`.

The body text is stored once: ``text`` holds it, and each section row says
where its own paragraphs are in it (``text[start:end]``, offsets in
characters). ``section_text=True`` also copies that slice into the row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from ..diagnostics import Diagnostic
from ..model import Article, ListField, ScalarField, Section
from ..normalize import normalize as normalize_text
from .text import walk_sections

RECORD_VERSION: Literal[3] = 3
RECORD_SCHEMA_ID = f"urn:articleparse:schema:record:{RECORD_VERSION}"

Status = Literal["ok", "warnings", "error"]

_HEADING_TITLE_SEP = " "
_LINE_SEP = "\n"


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RecordSection(_Row):
    """One heading: its number, title, level, and where its own paragraphs are in ``text``.

    ``record.text[start:end]`` is the text of the paragraphs directly under the
    heading, one per line (empty when there are none); the paragraphs of its
    subsections are in their own rows, which follow in document order. ``text``
    holds that same slice only when the record was made with ``section_text``.
    """

    number: str
    title: str
    level: int
    start: int
    end: int
    text: str | None = None


class ExtraField(_Row):
    """A labelled field the parser has no name for, with the label as written."""

    label: str
    value: str


class RecordDiagnostic(_Row):
    """A diagnostic as the record stores it (the same fields as :class:`Diagnostic`)."""

    code: str
    severity: str
    message: str
    line: int
    column: int
    offset: int


class Record(_Row):
    """The flat corpus record of one input file (see :func:`to_record`).

    Provenance: ``path`` as the run was given or found it, ``relative_path``
    from the folder it was found in, the ``size`` and ``sha256`` of its bytes,
    the ``encoding`` they were decoded with and the ``parser_version``.
    ``status`` is ``error`` when the file gave no document (``error`` says why:
    unreadable, or refused by ``strict``) or has an error diagnostic,
    ``warnings`` when its worst diagnostic is a warning, else ``ok``;
    ``error_count``, ``warning_count`` and ``info_count`` count its diagnostics
    by severity. A file with no document keeps the empty defaults elsewhere.
    The ``normalized_*`` columns hold :func:`articleparse.normalize` of the
    title, abstract, keywords and text when the record was made with
    ``normalize=True``, and are null otherwise.
    """

    record_version: Literal[3] = RECORD_VERSION
    parser_version: str = ""
    path: str | None = None
    relative_path: str | None = None
    size: int | None = None
    sha256: str | None = None
    encoding: str | None = None
    status: Status = "ok"
    error: str | None = None
    error_count: int = 0
    warning_count: int = 0
    info_count: int = 0
    title: str | None = None
    title_en: str | None = None
    authors: list[str] = Field(default_factory=list)
    affiliations: list[str] = Field(default_factory=list)
    abstract: str | None = None
    abstract_en: str | None = None
    keywords: list[str] = Field(default_factory=list)
    keywords_en: list[str] = Field(default_factory=list)
    clc: list[str] = Field(default_factory=list)
    document_code: str | None = None
    article_number: str | None = None
    doi: str | None = None
    fund: str | None = None
    author_info: str | None = None
    received: str | None = None
    source: str | None = None
    extra: list[ExtraField] = Field(default_factory=list)
    text: str = ""
    sections: list[RecordSection] = Field(default_factory=list)
    references: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    diagnostics: list[RecordDiagnostic] = Field(default_factory=list)
    normalized_title: str | None = None
    normalized_abstract: str | None = None
    normalized_keywords: list[str] | None = None
    normalized_text: str | None = None


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a record's document came from: filled by batch runs, empty for a lone tree."""

    path: str | None = None
    relative_path: str | None = None
    size: int | None = None
    sha256: str | None = None
    encoding: str | None = None


_SCALARS: tuple[str, ...] = get_args(ScalarField)
_LISTS: tuple[str, ...] = get_args(ListField)
_COLUMNS: tuple[str, ...] = tuple(Record.model_fields)
_NORMALIZED_COLUMNS: tuple[str, ...] = tuple(c for c in _COLUMNS if c.startswith("normalized_"))


def parser_version() -> str:
    from .. import __version__

    return __version__


def to_record(
    doc: Article,
    *,
    path: str | None = None,
    provenance: Provenance | None = None,
    section_text: bool = False,
    normalize: bool = False,
) -> dict[str, Any]:
    """The flat record of ``doc`` as a plain dict (JSON-ready; its schema is :class:`Record`).

    ``path`` is a shorthand for ``provenance=Provenance(path=...)``; the
    encoding comes from ``doc.source`` unless the provenance names one.
    ``normalize`` fills the ``normalized_*`` columns (see :mod:`articleparse.normalize`).
    """
    origin = provenance or Provenance(path=path)
    metadata = doc.metadata
    text, sections = _body(doc, section_text)
    values: dict[str, Any] = {
        "record_version": RECORD_VERSION,
        "parser_version": parser_version(),
        "path": origin.path,
        "relative_path": origin.relative_path,
        "size": origin.size,
        "sha256": origin.sha256,
        "encoding": origin.encoding or doc.source.encoding,
        "error": None,
        "extra": [{"label": key, "value": value} for key, value in metadata.extra.items()],
        "text": text,
        "sections": sections,
        "references": [entry.label + entry.text for entry in doc.references],
        "notes": [entry.label + entry.text for entry in doc.notes],
    }
    values.update(_diagnostic_columns(doc.diagnostics))
    values.update((name, getattr(metadata, name)) for name in _SCALARS)
    values.update((name, list(getattr(metadata, name))) for name in _LISTS)
    values.update(_normalized_columns(values if normalize else None))
    return {name: values[name] for name in _COLUMNS}


def failed_record(
    path: str,
    error: str,
    *,
    provenance: Provenance | None = None,
    diagnostics: Sequence[Diagnostic] = (),
) -> dict[str, Any]:
    """The record of a file that gave no document: where it was, why, and its diagnostics."""
    origin = provenance or Provenance(path=path)
    record = Record(
        parser_version=parser_version(),
        path=path,
        relative_path=origin.relative_path,
        size=origin.size,
        sha256=origin.sha256,
        encoding=origin.encoding,
    ).model_dump(mode="json")
    record.update(_diagnostic_columns(diagnostics), status="error", error=error)
    return record


def record_schema() -> dict[str, Any]:
    """The JSON Schema of a record, versioned like the schema of ``Article``."""
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": RECORD_SCHEMA_ID,
        "title": "Record",
        "x-record-version": RECORD_VERSION,
    }
    generated = Record.model_json_schema(mode="validation")
    schema.update((key, value) for key, value in generated.items() if key not in schema)
    return schema


def status_of(diagnostics: Sequence[Diagnostic]) -> Status:
    """``error`` if any diagnostic is an error, ``warnings`` if any is a warning, else ``ok``."""
    severities = {d.severity for d in diagnostics}
    if "error" in severities:
        return "error"
    return "warnings" if "warning" in severities else "ok"


def plain_text(doc: Article) -> str:
    """The body as plain text, one paragraph or heading per line.

    The preamble, then each heading as ``number title`` followed by its
    paragraphs. Title, abstract and references have fields of their own and
    are not repeated here.
    """
    return _body(doc, section_text=False)[0]


def _body(doc: Article, section_text: bool) -> tuple[str, list[dict[str, Any]]]:
    """``text`` and the section rows pointing into it, in one walk.

    ``end`` is the length of the text joined so far; a heading's row starts
    empty at the end of its heading line and grows over each paragraph after it.
    """
    lines: list[str] = []
    rows: list[dict[str, Any]] = []
    row: dict[str, Any] | None = None
    first = True  # no paragraph under the current heading yet
    end = 0

    def add(line: str) -> int:
        nonlocal end
        start = end + 1 if lines else 0
        lines.append(line)
        end = start + len(line)
        return start

    for paragraph in doc.preamble:
        add(paragraph.text)
    for node in walk_sections(doc.sections):
        if isinstance(node, Section):
            add(node.number + _HEADING_TITLE_SEP + node.title)
            row = {"number": node.number, "title": node.title, "level": node.level}
            row.update(start=end, end=end, text=None)
            rows.append(row)
            first = True
        else:
            start = add(node.text)
            if row is not None:
                if first:
                    row["start"] = start
                    first = False
                row["end"] = end
    text = _LINE_SEP.join(lines)
    if section_text:
        for row in rows:
            row["text"] = text[row["start"] : row["end"]]
    return text, rows


def _normalized_columns(values: dict[str, Any] | None) -> dict[str, Any]:
    """The ``normalized_*`` columns from the record's own values; all null without them."""
    if values is None:
        return dict.fromkeys(_NORMALIZED_COLUMNS)
    title, abstract = values["title"], values["abstract"]
    return {
        "normalized_title": None if title is None else normalize_text(title),
        "normalized_abstract": None if abstract is None else normalize_text(abstract),
        "normalized_keywords": [normalize_text(keyword) for keyword in values["keywords"]],
        "normalized_text": normalize_text(values["text"]),
    }


def _diagnostic_columns(diagnostics: Sequence[Diagnostic]) -> dict[str, Any]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for diagnostic in diagnostics:
        counts[diagnostic.severity] += 1
    return {
        "status": status_of(diagnostics),
        "error_count": counts["error"],
        "warning_count": counts["warning"],
        "info_count": counts["info"],
        "diagnostics": [
            {
                "code": d.code,
                "severity": d.severity,
                "message": d.message,
                "line": d.line,
                "column": d.column,
                "offset": d.offset,
            }
            for d in diagnostics
        ],
    }
