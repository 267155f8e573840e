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

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import to_json

from .._version import __version__
from ..diagnostics import Diagnostic
from ..model import Article
from ..normalize import normalize as normalize_text


def _find_orjson() -> Callable[[Any], bytes] | None:
    """``orjson.dumps``, or ``None`` where orjson is not installed (no wheel for this
    interpreter): pydantic_core writes then."""
    try:
        import orjson
    except ImportError:
        return None
    dumps: Callable[[Any], bytes] = orjson.dumps
    return dumps


_orjson_dumps = _find_orjson()

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


_COLUMNS: tuple[str, ...] = tuple(Record.model_fields)
_NORMALIZED_COLUMNS: tuple[str, ...] = tuple(c for c in _COLUMNS if c.startswith("normalized_"))


@functools.cache
def parser_version() -> str:
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
    stored = metadata.__dict__
    text, sections = _body(doc, section_text)
    diagnostics = doc.diagnostics
    counts = _severity_counts(diagnostics)
    # Built in the column order of Record, each value read once: the records of a
    # corpus run are made at the rate files are parsed.
    record = {
        "record_version": RECORD_VERSION,
        "parser_version": parser_version(),
        "path": origin.path,
        "relative_path": origin.relative_path,
        "size": origin.size,
        "sha256": origin.sha256,
        "encoding": origin.encoding or doc.source.encoding,
        "status": _status(counts),
        "error": None,
        "error_count": counts[0],
        "warning_count": counts[1],
        "info_count": counts[2],
        "title": stored["title"],
        "title_en": stored["title_en"],
        "authors": list(stored["authors"]),
        "affiliations": list(stored["affiliations"]),
        "abstract": stored["abstract"],
        "abstract_en": stored["abstract_en"],
        "keywords": list(stored["keywords"]),
        "keywords_en": list(stored["keywords_en"]),
        "clc": list(stored["clc"]),
        "document_code": stored["document_code"],
        "article_number": stored["article_number"],
        "doi": stored["doi"],
        "fund": stored["fund"],
        "author_info": stored["author_info"],
        "received": stored["received"],
        "source": stored["source"],
        "extra": [{"label": key, "value": value} for key, value in stored["extra"].items()],
        "text": text,
        "sections": sections,
        "references": [entry.label + entry.text for entry in doc.references],
        "notes": [entry.label + entry.text for entry in doc.notes],
        "diagnostics": _diagnostic_rows(diagnostics),
    }
    record.update(_normalized_columns(record if normalize else None))
    return record


def record_json(record: dict[str, Any]) -> bytes:
    """``record`` as compact JSON in UTF-8: the bytes ``pydantic_core.to_json`` gives, made
    by orjson where it is installed (a third of the cost).

    The two write the same bytes for every record: keys in order, no spaces,
    non-ASCII characters as they are, the same escapes for quotes, backslashes
    and control characters (a test holds them to it on the fixtures, a
    generated corpus and generated text). What orjson refuses (a lone
    surrogate, which ``utf-7`` can decode to) goes to pydantic_core, which
    answers for it as it always did.
    """
    if _orjson_dumps is not None:
        try:
            return _orjson_dumps(record)
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            pass
    return to_json(record)


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
    lines = [paragraph.text for paragraph in doc.preamble]
    end = sum(map(len, lines)) + len(lines) - 1 if lines else -1  # -1: nothing yet
    rows: list[dict[str, Any]] = []
    stack = list(reversed(doc.sections))
    while stack:
        section = stack.pop()
        heading = section.number + _HEADING_TITLE_SEP + section.title
        lines.append(heading)
        end += 1 + len(heading)
        start = end
        for index, paragraph in enumerate(section.paragraphs):
            line = paragraph.text
            lines.append(line)
            if index == 0:
                start = end + 1
            end += 1 + len(line)
        rows.append(
            {
                "number": section.number,
                "title": section.title,
                "level": section.level,
                "start": start,
                "end": end,
                "text": None,
            }
        )
        stack.extend(reversed(section.subsections))
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
    counts = _severity_counts(diagnostics)
    return {
        "status": _status(counts),
        "error_count": counts[0],
        "warning_count": counts[1],
        "info_count": counts[2],
        "diagnostics": _diagnostic_rows(diagnostics),
    }


def _severity_counts(diagnostics: Sequence[Diagnostic]) -> tuple[int, int, int]:
    """How many diagnostics are errors, warnings and infos."""
    if not diagnostics:
        return 0, 0, 0
    severities = [d.severity for d in diagnostics]
    return severities.count("error"), severities.count("warning"), severities.count("info")


def _status(counts: tuple[int, int, int]) -> Status:
    if counts[0]:
        return "error"
    return "warnings" if counts[1] else "ok"


def _diagnostic_rows(diagnostics: Sequence[Diagnostic]) -> list[dict[str, Any]]:
    return [
        {
            "code": d.code,
            "severity": d.severity,
            "message": d.message,
            "line": d.line,
            "column": d.column,
            "offset": d.offset,
        }
        for d in diagnostics
    ]
