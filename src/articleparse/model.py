"""The typed tree.

Nodes own their exact source text and the separators written after them, so
rendering a parsed tree is a walk over stored strings. Semantic values that the
reader sees (a title, a paragraph, a keyword) are stored once; the ``layout``
records, in file order, the literal trivia (row labels, ``|`` separators, line
endings, front-matter labels as written) and *where* each semantic value goes.
A tree built in code has no layout and renders in the canonical style.

This module holds data only: no parsing, no I/O, no export logic.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from .diagnostics import Diagnostic
from .spans import Span

SCHEMA_VERSION: Literal[1] = 1

Scheme = Literal[
    "decimal",
    "cn-dun",
    "cn-paren",
    "arabic-paren",
    "circled",
    "cn-chapter",
    "cn-section",
    "cn-part",
    "arabic-half-paren",
]
"""Heading numbering schemes: ``1.2.3``; ``一、``; ``（一）``; ``(1)``; ``①``; ``第一章``;
``第一节``; ``第一部分``; ``1）``. A heading is numbered: a part title standing alone
(``引言``, ``结语``) is a paragraph."""

ScalarField = Literal[
    "title",
    "title_en",
    "abstract",
    "abstract_en",
    "document_code",
    "article_number",
    "doi",
    "fund",
    "author_info",
    "received",
    "source",
]
ListField = Literal["authors", "affiliations", "keywords", "keywords_en", "clc"]
NodeField = Literal["preamble", "sections", "references", "notes"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Paragraph(_Model):
    """A run of body text. ``sep`` is the separator written after it (``None``: canonical)."""

    text: str
    sep: str | None = None
    span: Span | None = None


class Section(_Model):
    """A numbered heading with the paragraphs and subsections under it.

    ``number`` is ``'2.2.1'`` in the decimal scheme and the bare marker (``'一'``,
    ``'1'``, ``'①'``) otherwise; ``marker`` is the number exactly as written with
    its punctuation (``'1．'``, ``'（一）'``), ``gap`` the text between marker and
    title. ``None`` in a trivia field means "use the canonical form".
    """

    number: str
    title: str
    level: int = Field(ge=1)
    scheme: Scheme = "decimal"
    marker: str | None = None
    gap: str | None = None
    sep: str | None = None
    paragraphs: list[Paragraph] = Field(default_factory=list)
    subsections: list[Section] = Field(default_factory=list)
    span: Span | None = None


class Reference(_Model):
    """One entry of a reference or notes list: ``label`` (``'[1]'``, ``'①'``) and its text."""

    label: str
    text: str
    sep: str | None = None
    span: Span | None = None


class Metadata(_Model):
    """Front matter and labelled rows. ``extra`` keeps every other label as written."""

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
    extra: dict[str, str] = Field(default_factory=dict)


class TextPiece(_Model):
    """Literal source text that carries no semantic value (labels, ``|``, line endings)."""

    kind: Literal["text"] = "text"
    text: str


class FieldPiece(_Model):
    """Where a scalar metadata field is written."""

    kind: Literal["field"] = "field"
    field: ScalarField


class ItemsPiece(_Model):
    """Where a list metadata field is written.

    ``head`` comes before the first item, ``seps[i]`` between items
    ``start + i`` and ``start + i + 1``, ``tail`` after the last.
    """

    kind: Literal["items"] = "items"
    field: ListField
    head: str = ""
    seps: list[str] = Field(default_factory=list)
    tail: str = ""
    start: int = Field(default=0, ge=0)
    """The first item of the field written here (a field may be written in several places)."""
    stop: int | None = Field(default=None, ge=0)
    """One past the last item written here; ``None``: to the end of the list."""
    forms: dict[int, str] = Field(default_factory=dict)
    """Items written differently from their value, by index into the field: a padded
    name ``'王 芳'`` is the author ``'王芳'``. A form is written only while the item
    still equals the form with its inner spaces removed."""
    written: list[str] | None = None
    """The items as the file had them here (``start`` to ``stop``): when items are
    removed from the list, the ones left are found by them, so that each keeps the
    marks written after it (an author's affiliation number, '*', a role) and its
    form. ``None`` (a layout stored without it): items are placed by position."""


class ExtraPiece(_Model):
    """Where ``metadata.extra[key]`` is written."""

    kind: Literal["extra"] = "extra"
    key: str


class BoilerplatePiece(_Model):
    """Where ``boilerplate[index]`` is written. ``written`` is the entry as the file
    had it: when entries are removed from the list, the ones left are found by it,
    so each keeps its place."""

    kind: Literal["boilerplate"] = "boilerplate"
    index: int = Field(ge=0)
    written: str | None = None


class NodesPiece(_Model):
    """A run of content nodes of one field, in pre-order; ``stop=None`` runs to the end."""

    kind: Literal["nodes"] = "nodes"
    field: NodeField
    start: int = Field(default=0, ge=0)
    stop: int | None = Field(default=None, ge=0)


Piece = Annotated[
    TextPiece | FieldPiece | ItemsPiece | ExtraPiece | BoilerplatePiece | NodesPiece,
    Field(discriminator="kind"),
]


class UndecodedBytes(_Model):
    """Bytes that could not be decoded; each became one U+FFFD at ``offset`` in the text."""

    offset: int = Field(ge=0)
    byte_offset: int = Field(ge=0)
    data: str = Field(pattern=r"^(?:[0-9a-f]{2})+$")  # hex digits of the original bytes


class Source(_Model):
    """Facts about the input itself."""

    encoding: str | None = None
    undecoded: list[UndecodedBytes] = Field(default_factory=list)


class Article(_Model):
    """A parsed (or hand-built) article."""

    schema_version: Literal[1] = SCHEMA_VERSION
    metadata: Metadata = Field(default_factory=Metadata)
    preamble: list[Paragraph] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    notes: list[Reference] = Field(default_factory=list)
    boilerplate: list[str] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    source: Source = Field(default_factory=Source)
    layout: list[Piece] | None = None

    @field_validator("layout")
    @classmethod
    def _layout_points_inside_the_tree(
        cls, layout: list[Piece] | None, info: ValidationInfo
    ) -> list[Piece] | None:
        if layout is not None:
            check_layout(layout, info.data)
        return layout


def check_layout(layout: list[Piece], values: dict[str, Any]) -> None:
    """Raise ``ValueError`` naming the piece (``layout[7]``) that would write text twice
    or point outside the tree.

    Every boilerplate entry and every scalar field and ``extra`` key is written
    at most once, boilerplate indices are inside ``boilerplate``, and the runs of
    one node field, like the runs of items of one list field, follow each other
    without overlapping (only the last one may run to the end) and never stop
    before they start. A run that starts past the last node or item writes
    nothing: it is what removing nodes leaves, so it is not an error.
    """
    boilerplate = values.get("boilerplate")
    written: dict[tuple[str, object], int] = {}
    run_end: dict[tuple[str, str], tuple[int | None, int]] = {}
    for position, piece in enumerate(layout):
        where = f"layout[{position}]"
        key: tuple[str, object] | None = None
        if isinstance(piece, BoilerplatePiece):
            if boilerplate is not None and piece.index >= len(boilerplate):
                raise ValueError(
                    f"{where}: boilerplate index {piece.index} is outside boilerplate "
                    f"({len(boilerplate)} entries)"
                )
            key = ("boilerplate", piece.index)
        elif isinstance(piece, FieldPiece):
            key = ("field", piece.field)
        elif isinstance(piece, ExtraPiece):
            key = ("extra", piece.key)
        elif isinstance(piece, NodesPiece | ItemsPiece):
            run = (piece.kind, piece.field)
            _check_run(where, piece, run_end.get(run))
            run_end[run] = (piece.stop, position)
        if key is not None:
            if key in written:
                raise ValueError(
                    f"{where}: writes {_name(key)} again, after layout[{written[key]}]"
                )
            written[key] = position


def _check_run(
    where: str, piece: NodesPiece | ItemsPiece, previous: tuple[int | None, int] | None
) -> None:
    what = f"{piece.field} run" if isinstance(piece, NodesPiece) else f"run of {piece.field} items"
    if piece.stop is not None and piece.stop < piece.start:
        raise ValueError(f"{where}: {what} stops at {piece.stop}, before its start")
    if previous is None:
        return
    stop, at = previous
    if stop is None or piece.start < stop:
        end = "the end" if stop is None else str(stop)
        raise ValueError(
            f"{where}: {what} from {piece.start} overlaps layout[{at}], which runs to {end}"
        )


def _name(key: tuple[str, object]) -> str:
    kind, value = key
    if kind == "boilerplate":
        return f"boilerplate[{value}]"
    if kind == "field":
        return f"metadata.{value}"
    return f"metadata.extra[{value!r}]"
