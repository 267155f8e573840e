"""Tokens → Article: one pass that keeps the numbering state and the layout.

The builder walks the token list once. File-level tokens become layout pieces
and metadata; the body's tokens go through three states: front matter (authors,
labelled fields), content (paragraphs and headings, decided by the numbering
state), and back matter blocks (references, notes). Separators after a content
node become that node's ``sep``; every other separator is layout text.
"""

from __future__ import annotations

from typing import Any, cast, get_args

from . import patterns
from .diagnostics import Diagnostic, make_diagnostic
from .fields import split_list
from .labels import BLOCK_FIELDS, FIELD_LABELS, FRONT_LABELS, LATE_FIELDS, LIST_FIELDS, SHORT_FIELDS
from .model import (
    Article,
    BoilerplatePiece,
    ExtraPiece,
    FieldPiece,
    ItemsPiece,
    ListField,
    Metadata,
    NodeField,
    NodesPiece,
    Paragraph,
    Piece,
    Reference,
    ScalarField,
    Scheme,
    Section,
    Source,
    TextPiece,
)
from .numbering import NumberingState, looks_like_title
from .spans import LineIndex, Span
from .tokens import Kind, Token
from .trusted import trusted

MAX_LEAD_SEGMENTS = 6
"""Segments before the first front-matter label that may still be authors or affiliations."""
MAX_LEAD_CHARS = 200
MAX_VALUE_SEGMENTS = 12
"""How many segments a single-line front-matter value may span to reach the next label."""

_CONTENT, _REFERENCES, _NOTES = "content", "references", "notes"
_OPENERS = "(（"
_CLOSERS = ")）"


class Builder:
    """Builds one :class:`Article` from the tokens of one text."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.lines: LineIndex | None = None
        self.layout: list[Piece] = []
        self.pending_text: list[str] = []
        self.scalars: dict[str, str] = {}
        self.lists: dict[str, list[str]] = {}
        self.extra: dict[str, str] = {}
        self.boilerplate: list[str] = []
        self.preamble: list[Paragraph] = []
        self.sections: list[Section] = []
        self.references: list[Reference] = []
        self.notes: list[Reference] = []
        self.counts = {"preamble": 0, "sections": 0, "references": 0, "notes": 0}
        self.open_piece: NodesPiece | None = None
        self.diagnostics: list[Diagnostic] = []
        self.numbering = NumberingState()
        self.open_sections: list[Section] = []
        self.last_node: Paragraph | Section | Reference | None = None
        self.seen_body = False

    # ----------------------------------------------------------------- output

    def build(self) -> Article:
        tokens = self.tokens
        index = 0
        row_start = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.kind
            if kind is Kind.ROW_LABEL:
                row_start = token.start
                index = self._row(index)
                continue
            if kind is Kind.CHROME:
                row_start = token.start
                self._flush_text()
                self.layout.append(trusted(BoilerplatePiece)(index=len(self.boilerplate)))
                self.boilerplate.append(token.text)
            elif kind is Kind.ROW_END:
                if token.field == "unterminated":
                    self._diagnose(
                        "row-unterminated", row_start, "the row starting here never closes with '|'"
                    )
            else:
                self._text(token.text)
            index += 1
        self._close_node()
        self._flush_text()
        self._open_last_runs()
        if not self.seen_body and self.text.strip():
            self._diagnose("no-body", 0, "")
        return self._article()

    def _open_last_runs(self) -> None:
        """The last run of each node field reaches to the end, so added nodes render."""
        seen: set[str] = set()
        for piece in reversed(self.layout):
            if isinstance(piece, NodesPiece) and piece.field not in seen:
                seen.add(piece.field)
                piece.stop = None

    def _article(self) -> Article:
        values: dict[str, Any] = {name: self.scalars.get(name) for name in _SCALARS}
        values.update((name, self.lists.get(name, [])) for name in _LISTS)
        metadata = trusted(Metadata)(**values, extra=self.extra)
        return trusted(Article)(
            schema_version=1,
            metadata=metadata,
            preamble=self.preamble,
            sections=self.sections,
            references=self.references,
            notes=self.notes,
            boilerplate=self.boilerplate,
            diagnostics=self.diagnostics,
            source=trusted(Source)(encoding=None, undecoded=[]),
            layout=self.layout,
        )

    # ---------------------------------------------------------------- layout

    def _close_node(self) -> None:
        """The last content node is followed by something other than a separator."""
        node = self.last_node
        if node is not None:
            if node.sep is None:
                node.__dict__["sep"] = ""  # the builder's own node: no validation (trusted.py)
            self.last_node = None

    def _text(self, text: str) -> None:
        if text:
            self._close_node()
            self.pending_text.append(text)
            self.open_piece = None

    def _flush_text(self) -> None:
        if self.pending_text:
            self.layout.append(trusted(TextPiece)(text="".join(self.pending_text)))
            self.pending_text = []

    def _piece(self, piece: Piece) -> None:
        self._close_node()
        self._flush_text()
        self.layout.append(piece)
        self.open_piece = None

    def _node_slot(self, field: str) -> None:
        """Count one content node of ``field`` into the layout's current run."""
        self._close_node()
        piece = self.open_piece
        if piece is None or piece.field != field or self.pending_text:
            self._flush_text()
            start = self.counts[field]
            piece = trusted(NodesPiece)(field=cast(NodeField, field), start=start, stop=start)
            self.layout.append(piece)
            self.open_piece = piece
        self.counts[field] += 1
        piece.__dict__["stop"] = self.counts[field]  # the builder's own node (trusted.py)

    def _sep(self, text: str) -> None:
        """A separator: owned by the last content node, else layout text."""
        node = self.last_node
        if node is not None and node.sep is None:
            node.__dict__["sep"] = text  # the builder's own node (trusted.py)
        else:
            self._text(text)

    # ------------------------------------------------------------- positions

    def _span(self, start: int, end: int) -> Span:
        if self.lines is None:
            self.lines = LineIndex(self.text)
        return self.lines.span(start, end)

    def _diagnose(self, code: str, offset: int, detail: str) -> None:
        if self.lines is None:
            self.lines = LineIndex(self.text)
        line, column = self.lines.position(offset)
        self.diagnostics.append(make_diagnostic(code, detail, line, column, offset))

    # ------------------------------------------------------------- metadata

    def _set_scalar(self, field: str, value: str, label: str, offset: int) -> None:
        if field not in self.scalars:
            self.scalars[field] = value
            self._piece(trusted(FieldPiece)(field=cast(ScalarField, field)))
            return
        if self.scalars[field] != value:
            self._diagnose("duplicate-field", offset, f"{label.strip() or field} appears again")
        self._set_extra(label or FIELD_LABELS[field], value)

    def _set_list(self, field: str, raw: str, label: str, offset: int) -> None:
        split = split_list(raw, _LIST_SPLITTERS.get(field, patterns.LIST_SEPARATOR))
        if field in self.lists:
            if self.lists[field] != split.items:
                self._diagnose("duplicate-field", offset, f"{label.strip() or field} appears again")
            self._set_extra(label or FIELD_LABELS[field], raw)
            return
        self.lists[field] = split.items
        self._piece(
            trusted(ItemsPiece)(
                field=cast(ListField, field), head=split.head, seps=split.seps, tail=split.tail
            )
        )

    def _set_extra(self, label: str, value: str) -> None:
        key = _bare_label(label) or "?"
        if key in self.extra:
            number = 2
            while f"{key}#{number}" in self.extra:
                number += 1
            key = f"{key}#{number}"
        self.extra[key] = value
        self._piece(trusted(ExtraPiece)(key=key))

    def _assign(self, field: str, raw: str, label: str, offset: int) -> None:
        if field in LIST_FIELDS or field == "authors" or field == "affiliations":
            self._set_list(field, raw, label, offset)
        elif field == "extra":
            self._set_extra(label, raw)
        else:
            self._set_scalar(field, raw, label, offset)

    # ------------------------------------------------------------------ rows

    def _row(self, index: int) -> int:
        tokens = self.tokens
        label = tokens[index]
        role = label.field
        self._text(label.text)
        index += 1
        if index < len(tokens) and tokens[index].kind is Kind.TRIVIA:
            # the separator (or, for an empty row, the closer)
            self._text(tokens[index].text)
            index += 1
        if role == "body":
            self.seen_body = True
            end = index
            while end < len(tokens) and tokens[end].kind in _BODY_KINDS:
                end += 1
            BodyBuilder(self, tokens[index:end]).run()
            self._close_node()
            index = end
        elif index < len(tokens) and tokens[index].kind is Kind.ROW_VALUE:
            value = tokens[index]
            self._assign(role, value.text, label.text, value.start)
            index += 1
        elif tokens[index - 1].kind is Kind.TRIVIA and tokens[index - 1].text.rstrip().endswith(
            "|"
        ):
            # an empty row with a meaning ('作者 |'): the field exists and is empty
            if role != "body":
                self._assign(role, "", label.text, label.start)
        return index

    # ------------------------------------------------------------- sections

    def _add_paragraph(self, text: str, start: int) -> None:
        paragraph = trusted(Paragraph)(
            text=text, sep=None, span=self._span(start, start + len(text))
        )
        if self.open_sections:
            self.open_sections[-1].paragraphs.append(paragraph)
            self._node_slot("sections")
        else:
            self.preamble.append(paragraph)
            self._node_slot("preamble")
        self.last_node = paragraph

    def _add_section(self, section: Section, keep: int) -> None:
        del self.open_sections[keep:]
        if self.open_sections:
            self.open_sections[-1].subsections.append(section)
        else:
            self.sections.append(section)
        self.open_sections.append(section)
        self._node_slot("sections")
        self.last_node = section

    def _add_entry(self, field: str, label: str, text: str, start: int) -> None:
        entry = trusted(Reference)(
            label=label, text=text, sep=None, span=self._span(start, start + len(label) + len(text))
        )
        (self.references if field == "references" else self.notes).append(entry)
        self._node_slot(field)
        self.last_node = entry


_SCALARS: tuple[str, ...] = get_args(ScalarField)
_LISTS: tuple[str, ...] = get_args(ListField)
_LIST_SPLITTERS = {
    "authors": patterns.AUTHOR_SEPARATOR,
    "affiliations": patterns.AFFILIATION_SEPARATOR,
    "keywords_en": patterns.LATIN_LIST_SEPARATOR,
}
_BODY_KINDS = (Kind.SEGMENT, Kind.SEP, Kind.LABEL)  # a tuple: Enum's hash runs in Python


def _bare_label(label: str) -> str:
    return label.strip().strip("【】[]〔〕［］:： \u3000")


class BodyBuilder:
    """The body row's tokens: front matter, then content and back matter."""

    def __init__(self, owner: Builder, tokens: list[Token]) -> None:
        self.owner = owner
        self.tokens = tokens
        self.multiline = any(t.kind is Kind.SEP and "\n" in t.text for t in tokens)
        self.state = _CONTENT

    def run(self) -> None:
        tokens = self.tokens
        index = self._front_start()
        if index is not None:
            index = self._front(index)
        else:
            index = 0
        while index < len(tokens):
            index = self._content(index)

    # ---------------------------------------------------------- front matter

    def _front_start(self) -> int | None:
        """Index where a front-matter block starts, or None when the body has none."""
        segments = 0
        chars = 0
        for token in self.tokens:
            if token.kind is Kind.LABEL:
                return 0 if token.field not in BLOCK_FIELDS else None
            if token.kind is Kind.SEGMENT:
                segments += 1
                chars += len(token.text)
                if (
                    segments > MAX_LEAD_SEGMENTS
                    or chars > MAX_LEAD_CHARS
                    or patterns.SENTENCE_END.search(token.text)
                ):
                    return None
        return None

    def _front(self, index: int) -> int:
        """Consume the front matter; return the index where the content starts."""
        tokens = self.tokens
        owner = self.owner
        while index < len(tokens):
            token = tokens[index]
            if token.kind is Kind.SEP:
                owner._sep(token.text)
                index += 1
            elif token.kind is Kind.LABEL:
                if token.field in BLOCK_FIELDS:
                    return index
                index = self._labelled(index)
            else:
                lead_end = self._lead_end(index)
                if lead_end is None:
                    return index
                self._lead(index, lead_end)
                index = lead_end
        return index

    def _lead_end(self, index: int) -> int | None:
        """End of the unlabelled front text starting at ``index`` (authors, affiliations)."""
        tokens = self.tokens
        segments = 0
        for position in range(index, len(tokens)):
            token = tokens[position]
            if token.kind is Kind.LABEL:
                if token.field in LATE_FIELDS:
                    return None
                end = position
                while end > index and tokens[end - 1].kind is Kind.SEP:
                    end -= 1
                return end
            if token.kind is Kind.SEGMENT:
                segments += 1
                if (
                    segments > MAX_LEAD_SEGMENTS
                    or patterns.SENTENCE_END.search(token.text)
                    or (index > 0 and _opens_numbering(token))
                ):
                    return None
        return None

    def _lead(self, start: int, end: int) -> None:
        """Authors, affiliations and an English title before (or between) labels.

        A bracketed group, or a line starting '1.', is an affiliation; other
        text runs up to the next bracket or line end: the first run is the
        authors, a Latin run with spaces the English title.
        """
        tokens = self.tokens
        owner = self.owner
        text = "".join(t.text for t in tokens[start:end])
        offset = tokens[start].start
        position = 0
        size = len(text)
        while position < size:
            space = patterns.LEAD_SPACE.match(text, position)
            if space is not None:
                owner._sep(space.group())
                position = space.end()
                continue
            part_end = _lead_part_end(text, position)
            raw = text[position:part_end]
            owner._assign(_lead_field(raw, owner), raw, "", offset + position)
            position = part_end

    def _labelled(self, index: int) -> int:
        """A front-matter label and its value; returns the index after the value."""
        tokens = self.tokens
        owner = self.owner
        label = tokens[index]
        field = label.field
        owner._text(label.text)
        start = index + 1
        if self._value_on_next_line(start):
            owner._text(tokens[start].text)
            start += 1
        end = self._value_end(start, field)
        raw = "".join(t.text for t in tokens[start:end])
        if not raw:
            owner._diagnose("empty-field", label.start, f"'{label.text.strip()}' has no value")
        owner._assign(field, raw, label.text, label.start)
        return end

    def _value_on_next_line(self, index: int) -> bool:
        """'摘要：' alone on its line, the abstract on the next one."""
        tokens = self.tokens
        return (
            self.multiline
            and index + 1 < len(tokens)
            and tokens[index].kind is Kind.SEP
            and tokens[index].text.count("\n") == 1
            and tokens[index + 1].kind is Kind.SEGMENT
            and not _opens_numbering(tokens[index + 1])
        )

    def _value_end(self, index: int, field: str) -> int:
        tokens = self.tokens
        if index >= len(tokens) or tokens[index].kind is not Kind.SEGMENT:
            return index
        if self.multiline:
            end = index
            while end < len(tokens) and tokens[end].kind is not Kind.LABEL:
                if tokens[end].kind is Kind.SEP and "\n" in tokens[end].text:
                    break
                end += 1
            while end > index and tokens[end - 1].kind is Kind.SEP:
                end -= 1
            return end
        if field in SHORT_FIELDS:
            return index + 1
        reach = self._reach_next_label(index)
        if reach is not None:
            return reach
        end = index + 1
        if field in LIST_FIELDS:
            while (
                end + 1 < len(tokens)
                and tokens[end].kind is Kind.SEP
                and tokens[end + 1].kind is Kind.SEGMENT
                and tokens[end - 1].text[-1] in ";；,，、"
            ):
                end += 2
        return end

    def _reach_next_label(self, index: int) -> int | None:
        """In a single-line body, the value runs to the next label when that is near."""
        tokens = self.tokens
        segments = 0
        for position in range(index, len(tokens)):
            token = tokens[position]
            if token.kind is Kind.LABEL:
                if token.field in LATE_FIELDS and token.field in BLOCK_FIELDS:
                    return None
                end = position
                while end > index and tokens[end - 1].kind is Kind.SEP:
                    end -= 1
                return end
            if token.kind is Kind.SEGMENT:
                segments += 1
                marker = token.marker
                if segments > MAX_VALUE_SEGMENTS or (
                    marker is not None and segments > 1 and marker.parts in ((0,), (1,))
                ):
                    return None
        return None

    # --------------------------------------------------------------- content

    def _content(self, index: int) -> int:
        token = self.tokens[index]
        owner = self.owner
        if token.kind is Kind.SEP:
            owner._sep(token.text)
            return index + 1
        if token.kind is Kind.LABEL:
            if token.field in BLOCK_FIELDS:
                owner._text(token.text)
                self.state = token.field
                return index + 1
            if token.field in LATE_FIELDS:
                return self._labelled(index)
            return self._paragraph(index)
        if self.state != _CONTENT:
            return self._entry(index)
        marker = token.marker
        if marker is not None:
            taken = self._heading(index)
            if taken:
                return taken
        return self._paragraph(index)

    def _paragraph(self, index: int) -> int:
        """A paragraph from the segment at ``index`` (and a label glued to it)."""
        tokens = self.tokens
        end = index + 1
        while (
            end < len(tokens)
            and tokens[end - 1].kind is Kind.LABEL
            and tokens[end].kind is not Kind.SEP
        ):
            end += 1
        if end == index + 1:
            text = tokens[index].text  # the common case, without a generator
        else:
            text = "".join(t.text for t in tokens[index:end])
        self.owner._add_paragraph(text, tokens[index].start)
        return end

    def _heading(self, index: int) -> int:
        """Make the segment at ``index`` a heading if the numbering allows; 0 otherwise."""
        tokens = self.tokens
        token = tokens[index]
        marker = token.marker
        assert marker is not None
        segment = token.text
        title = segment[marker.title_start :]
        gap = segment[marker.end : marker.title_start]
        end = index + 1
        title_end = token.start + len(segment)
        if not title and not self.multiline and index + 2 < len(tokens):
            if tokens[index + 1].kind is Kind.SEP and tokens[index + 2].kind is Kind.SEGMENT:
                gap += tokens[index + 1].text
                title = tokens[index + 2].text
                title_end = tokens[index + 2].start + len(title)
                end = index + 3
        if not looks_like_title(title):
            return 0
        owner = self.owner
        verdict = owner.numbering.judge(marker.scheme, marker.parts)
        if verdict is None:
            return 0
        if verdict.warning == "heading-too-deep":
            owner._diagnose(
                "heading-too-deep",
                token.start,
                f"'{marker.number}' is deeper than a heading may go",
            )
            return 0
        if verdict.warning is not None:
            owner._diagnose(
                verdict.warning,
                token.start,
                f"heading {marker.number} does not follow;"
                f" expected {verdict.expected or 'the next number'}",
            )
        owner.numbering.push(verdict, marker.scheme, marker.parts)
        section = trusted(Section)(
            number=marker.number,
            title=title,
            level=verdict.level,
            scheme=cast(Scheme, marker.scheme),
            marker=segment[: marker.end],
            gap=gap,
            sep=None,
            paragraphs=[],
            subsections=[],
            span=owner._span(token.start, title_end),
        )
        owner._add_section(section, verdict.keep)
        block = _BLOCK_TITLES.get(title.strip())
        if block is not None:
            # '5 参考文献': a numbered heading that opens the references block
            self.state = block
        return end

    def _entry(self, index: int) -> int:
        """A segment inside a references or notes block."""
        token = self.tokens[index]
        owner = self.owner
        field = self.state
        label_pattern = patterns.REFERENCE_LABEL if field == _REFERENCES else patterns.NOTE_LABEL
        text = token.text
        match = label_pattern.match(text)
        current = owner.last_node if isinstance(owner.last_node, Reference) else None
        if match is None and current is not None:
            current.text += (current.sep or "") + text
            current.sep = None
            if current.span is not None:
                current.span = owner._span(current.span.start, token.start + len(text))
            return index + 1
        pieces = patterns.NEXT_REFERENCE.split(text) if field == _REFERENCES else [text]
        offset = token.start
        for piece in pieces:
            found = label_pattern.match(piece)
            label = found.group() if found else ""
            owner._add_entry(field, label, piece[len(label) :], offset)
            offset += len(piece)
        return index + 1


_AFFILIATION_STARTS = frozenset({"1.", "1．", "1、"})


def _opens_numbering(token: Token) -> bool:
    """A segment that could be the first heading of a document ('1引言', '一、绪论')."""
    marker = token.marker
    return marker is not None and marker.parts in ((0,), (1,))


_BLOCK_TITLES = {form: field for field in BLOCK_FIELDS for form in FRONT_LABELS[field]}


def _lead_part_end(text: str, position: int) -> int:
    """End of one part of the lead text that starts at ``position``."""
    if text[position] in _OPENERS:
        depth = 0
        for index in range(position, len(text)):
            char = text[index]
            if char in _OPENERS:
                depth += 1
            elif char in _CLOSERS:
                depth -= 1
                if depth == 0:
                    return index + 1
            elif char == "\n":
                return index
        return len(text)
    line_end = text.find("\n", position)
    line_end = len(text) if line_end == -1 else line_end
    if text[position : position + 2] in _AFFILIATION_STARTS:
        # '1.某某大学…' and the numbered lines after it
        while line_end < len(text) and patterns.NUMBERED_LINE.match(text, line_end + 1):
            following = text.find("\n", line_end + 1)
            line_end = len(text) if following == -1 else following
        while line_end > position and text[line_end - 1] in " \t\u3000\r":
            line_end -= 1
        return line_end
    bracket = patterns.OPENER.search(text, position, line_end)
    stop = bracket.start() if bracket else line_end
    while stop > position and text[stop - 1] in " \t\u3000\r":
        stop -= 1
    return stop


def _lead_field(raw: str, owner: Builder) -> str:
    if raw[0] in _OPENERS or raw[:2] in _AFFILIATION_STARTS:
        return "affiliations"
    if raw.isascii() and " " in raw and "title_en" not in owner.scalars:
        return "title_en"
    return "authors"
