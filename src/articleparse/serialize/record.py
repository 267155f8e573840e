"""Article → a flat corpus record: what dataset tools take row by row.

A record is one JSON object per document: the metadata as scalars and lists
of strings, the article's plain text, and the section tree flattened into a
list of ``number / title / level / text`` rows in document order. Nothing in
it nests deeper than a list of small objects, so pandas, Parquet writers and
dataset loaders read it as it is. Lossy by design: the layout, spans and site
chrome stay in the :class:`~articleparse.model.Article`.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from ..diagnostics import Diagnostic
from ..model import Article, ListField, ScalarField, Section
from .text import walk_sections

RECORD_VERSION: Literal[1] = 1
RECORD_SCHEMA_ID = f"urn:articleparse:schema:record:{RECORD_VERSION}"

_HEADING_TITLE_SEP = " "
_LINE_SEP = "\n"


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RecordSection(_Row):
    """One heading: its number, title, level, and the text of its own paragraphs.

    ``text`` holds the paragraphs directly under the heading, one per line; the
    text of subsections is in their own rows, which follow in document order.
    """

    number: str
    title: str
    level: int
    text: str


class ExtraField(_Row):
    """A labelled field the parser has no name for, with the label as written."""

    label: str
    value: str


class Record(_Row):
    """The flat corpus record of one document (see :func:`to_record`).

    ``path`` and ``error`` are filled by batch runs: ``error`` says why a file
    gave no document (unreadable, or refused by ``--strict``), and then the
    content fields keep their empty defaults.
    """

    record_version: Literal[1] = RECORD_VERSION
    path: str | None = None
    error: str | None = None
    encoding: str | None = None
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
    diagnostics: list[Diagnostic] = Field(default_factory=list)


_SCALARS: tuple[str, ...] = get_args(ScalarField)
_LISTS: tuple[str, ...] = get_args(ListField)


def to_record(doc: Article, *, path: str | None = None) -> dict[str, Any]:
    """The flat record of ``doc`` as a plain dict (JSON-ready; its schema is :class:`Record`)."""
    metadata = doc.metadata
    values: dict[str, Any] = {
        "record_version": RECORD_VERSION,
        "path": path,
        "error": None,
        "encoding": doc.source.encoding,
        "extra": [{"label": key, "value": value} for key, value in metadata.extra.items()],
        "text": plain_text(doc),
        "sections": _section_rows(doc.sections),
        "references": [entry.label + entry.text for entry in doc.references],
        "notes": [entry.label + entry.text for entry in doc.notes],
        "diagnostics": [diagnostic.model_dump(mode="json") for diagnostic in doc.diagnostics],
    }
    values.update((name, getattr(metadata, name)) for name in _SCALARS)
    values.update((name, list(getattr(metadata, name))) for name in _LISTS)
    return {name: values[name] for name in Record.model_fields}


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


def failed_record(path: str, error: str, doc: Article | None = None) -> dict[str, Any]:
    """The record of a file that gave no document: where it was, and why."""
    record = Record(path=path, error=error).model_dump(mode="json")
    if doc is not None:
        record["encoding"] = doc.source.encoding
        record["diagnostics"] = [d.model_dump(mode="json") for d in doc.diagnostics]
    return record


def plain_text(doc: Article) -> str:
    """The body as plain text, one paragraph or heading per line.

    The preamble, then each heading as ``number title`` followed by its
    paragraphs. Title, abstract and references have fields of their own and
    are not repeated here.
    """
    lines = [paragraph.text for paragraph in doc.preamble]
    for node in walk_sections(doc.sections):
        if isinstance(node, Section):
            lines.append(node.number + _HEADING_TITLE_SEP + node.title)
        else:
            lines.append(node.text)
    return _LINE_SEP.join(lines)


def _section_rows(sections: list[Section]) -> list[dict[str, Any]]:
    return [
        {
            "number": node.number,
            "title": node.title,
            "level": node.level,
            "text": _LINE_SEP.join(paragraph.text for paragraph in node.paragraphs),
        }
        for node in walk_sections(sections)
        if isinstance(node, Section)
    ]
