# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""The article under construction: fields, nodes, layout pieces and diagnostics.

Everything the parser writes goes through :class:`Tree`. Separators after a
content node become that node's ``sep``; every other separator is layout text,
so rendering the layout gives the input back.
"""

from __future__ import annotations

from typing import Any, Final, get_args

from ..diagnostics import DiagnosticLog
from ..model import (
    Article,
    BoilerplatePiece,
    ExtraPiece,
    FieldPiece,
    ItemsPiece,
    ListField,
    Metadata,
    NodesPiece,
    Paragraph,
    Piece,
    Reference,
    ScalarField,
    Section,
    Source,
    TextPiece,
)
from ..spans import Span
from . import patterns
from .checks import (
    affiliation_reason,
    author_reason,
    keyword_reason,
    scalar_reason,
)
from .content.outline import NumberingState
from .fields import SplitList, list_separator, split_list
from .front.authors import split_names
from .front.bios import bio_names
from .labels import FIELD_LABELS
from .lines import LineIndex, OffsetSet
from .paragraph_checks import (
    chrome_throughout,
    contents_line,
    inside_reason,
    paragraph_reason,
    prose_shaped,
)
from .trusted import trusted, trusted_node


class Tree:
    """The article under construction: its fields, nodes, layout pieces and diagnostics.

    The builder and the body's recognizers write into it through these methods;
    :meth:`article` gives the finished tree."""

    def __init__(self, text: str, log: DiagnosticLog | None = None) -> None:
        self.text = text
        self.lines = LineIndex(text)
        self.layout: list[Piece] = []
        self.pending_text: list[str] = []
        self.scalars: dict[str, str] = {}
        self.lists: dict[str, list[str]] = {}
        self.last_items: dict[str, ItemsPiece] = {}  # per list field: its last piece
        self.extra: dict[str, str] = {}
        self.next_key_number: dict[str, int] = {}  # per label: the next '#n' to try
        self.boilerplate: list[str] = []
        self.preamble: list[Paragraph] = []
        self.sections: list[Section] = []
        self.references: list[Reference] = []
        self.notes: list[Reference] = []
        self.counts = {"preamble": 0, "sections": 0, "references": 0, "notes": 0}
        self.open_piece: NodesPiece | None = None
        self.log = log if log is not None else DiagnosticLog()  # in bounded memory
        self.last_diagnosed = -1  # the offset of the last diagnostic made here
        self.last_code = ""  # and its code
        self.reported = OffsetSet(len(text))  # the offsets diagnostics made here point at
        self.numbering = NumberingState()
        self.open_sections: list[Section] = []
        self.last_node: Paragraph | Section | Reference | None = None
        self.seen_body = False
        self.prose = False  # a paragraph of prose was written (the text has begun)
        self.multiline = True  # the body's layout, set by body.run
        self.short_lines = 0  # short lines standing alone before the first heading
        # authors named where the layout keeps other text (a page's heading line
        # '甲乙:题名'), used when no author line gives them
        self.named_authors: list[str] = []

    # ----------------------------------------------------------------- output

    def open_last_runs(self) -> None:
        """The last run of each node field reaches to the end, so added nodes render."""
        seen: set[str] = set()
        for piece in reversed(self.layout):
            if isinstance(piece, NodesPiece) and piece.field not in seen:
                seen.add(piece.field)
                piece.stop = None

    def article(self) -> Article:
        values: dict[str, Any] = {name: self.scalars.get(name) for name in _SCALARS}
        values.update((name, self.lists.get(name, [])) for name in _LISTS)
        if "authors" not in self.lists:
            # no author line: the authors a heading line or the 作者简介 names (the
            # list has no place in the layout: the text stays where it was read)
            bio = self.scalars.get("author_info")
            values["authors"] = self.named_authors or (bio_names(bio) if bio else [])
        metadata = trusted(Metadata)(**values, extra=self.extra)
        return trusted(Article)(
            schema_version=1,
            metadata=metadata,
            preamble=self.preamble,
            sections=self.sections,
            references=self.references,
            notes=self.notes,
            boilerplate=self.boilerplate,
            diagnostics=self.log.result(),
            source=trusted(Source)(encoding=None, undecoded=[]),
            layout=self.layout,
        )

    # ---------------------------------------------------------------- layout

    def close_node(self) -> None:
        """The last content node is followed by something other than a separator."""
        node = self.last_node
        if node is not None:
            if node.sep is None:
                node.__dict__["sep"] = ""  # the builder's own node: no validation (trusted.py)
            self.last_node = None

    def add_text(self, text: str) -> None:
        if text:
            self.close_node()
            self.pending_text.append(text)
            self.open_piece = None

    def flush_text(self) -> None:
        if self.pending_text:
            text = "".join(self.pending_text)
            self.layout.append(trusted_node(TextPiece, {"kind": "text", "text": text}))
            self.pending_text = []

    def piece(self, piece: Piece) -> None:
        self.close_node()
        self.flush_text()
        self.layout.append(piece)
        self.open_piece = None

    def node_slot(self, field: str) -> None:
        """Count one content node of ``field`` into the layout's current run."""
        self.close_node()
        piece = self.open_piece
        if piece is None or piece.field != field or self.pending_text:
            self.flush_text()
            start = self.counts[field]
            piece = trusted_node(
                NodesPiece, {"kind": "nodes", "field": field, "start": start, "stop": start}
            )
            self.layout.append(piece)
            self.open_piece = piece
        self.counts[field] += 1
        piece.__dict__["stop"] = self.counts[field]  # the builder's own node (trusted.py)

    def sep(self, text: str) -> None:
        """A separator: owned by the last content node, else layout text."""
        node = self.last_node
        if node is not None and node.sep is None:
            node.__dict__["sep"] = text  # the builder's own node (trusted.py)
        else:
            self.add_text(text)

    # ------------------------------------------------------------- positions

    def span(self, start: int, end: int) -> Span:
        return self.lines.span(start, end)

    def _diagnosed_at(self, offset: int) -> bool:
        """Whether the last diagnostic made here points at ``offset``."""
        return self.last_diagnosed == offset

    def diagnose(self, code: str, offset: int, detail: str) -> None:
        self.last_diagnosed = offset
        self.last_code = code
        self.reported.add(offset)
        self.log.add(code, detail, offset, self.lines.position)

    # ------------------------------------------------------------- metadata

    def set_scalar(self, field: str, value: str, label: str, offset: int) -> None:
        if field not in self.scalars:
            self.scalars[field] = value
            reason = scalar_reason(field, value)
            if reason:
                self.diagnose("field-unlikely", offset, f"{FIELD_LABELS[field]}: {reason}")
            self.piece(trusted_node(FieldPiece, {"kind": "field", "field": field}))
            return
        if self.scalars[field] != value:
            self.diagnose("duplicate-field", offset, f"{label.strip() or field} appears again")
        self.set_extra(label or FIELD_LABELS[field], value)

    def set_list(
        self,
        field: str,
        raw: str,
        label: str,
        offset: int,
        split: SplitList | None = None,
        forms: dict[int, str] | None = None,
        more: bool = False,
    ) -> None:
        """A list field written here. ``more``: the front matter goes on with more of
        the list (authors and affiliations in several places, one bracket per
        author); the same items written again are a repeat, kept in ``extra``.
        A field written empty so far (an empty ``作者 |`` row) takes the first
        items written later, as if the empty occurrence were not there."""
        if split is None:
            split = split_list(raw, list_separator(field, raw))
        existing = self.lists.get(field)
        start = 0
        if existing is not None:
            if existing and (not more or existing[-len(split.items) :] == split.items):
                if existing != split.items:
                    self.diagnose(
                        "duplicate-field", offset, f"{label.strip() or field} appears again"
                    )
                self.set_extra(label or FIELD_LABELS[field], raw)
                return
            start = len(existing)
            self.close_items(field, start)
            existing.extend(split.items)
        else:
            self.lists[field] = split.items
        self._check_items(field, split.items, offset)
        shifted = {start + index: form for index, form in (forms or {}).items()}
        piece = trusted_node(
            ItemsPiece,
            {
                "kind": "items",
                "field": field,
                "head": split.head,
                "seps": split.seps,
                "tail": split.tail,
                "start": start,
                "stop": None,
                "forms": shifted,
                "written": list(split.items),
            },
        )
        self.last_items[field] = piece
        self.piece(piece)

    def _check_items(self, field: str, items: list[str], offset: int) -> None:
        """A diagnostic when the items written do not look like the field's (checks.py)."""
        reason = ""
        if field == "authors":
            reason = next((r for r in map(author_reason, items) if r), "")
        elif field == "affiliations":
            reason = next((r for r in map(affiliation_reason, items) if r), "")
        elif field in ("keywords", "keywords_en"):
            reason = keyword_reason(items)
        if reason:
            self.diagnose("field-unlikely", offset, f"{FIELD_LABELS[field]}: {reason}")

    def close_items(self, field: str, stop: int) -> None:
        """The last piece of ``field`` so far ends where the new one starts."""
        piece = self.last_items[field]
        piece.__dict__["stop"] = stop  # the builder's own node (trusted.py)

    def add_boilerplate(self, text: str) -> None:
        """Site chrome outside the rows (the footer), written as it stands."""
        self.flush_text()
        self.layout.append(_boilerplate_piece(len(self.boilerplate), text))
        self.boilerplate.append(text)

    def add_chrome(self, text: str) -> None:
        """Site chrome inside the body ('APP下载', '下载: 376 浏览: 612')."""
        self.piece(_boilerplate_piece(len(self.boilerplate), text))
        self.boilerplate.append(text)

    def set_extra(self, label: str, value: str) -> None:
        key = _bare_label(label) or "?"
        if key in self.extra:
            # Numbers only go up, so N repeats of one label cost O(N), not O(N²).
            number = self.next_key_number.get(key, 2)
            while f"{key}#{number}" in self.extra:
                number += 1
            self.next_key_number[key] = number + 1
            key = f"{key}#{number}"
        self.extra[key] = value
        self.piece(trusted_node(ExtraPiece, {"kind": "extra", "key": key}))

    def assign(self, field: str, raw: str, label: str, offset: int) -> None:
        if field == "authors":
            names = split_names(raw)
            if names is not None:
                self.set_list(field, raw, label, offset, names.split, names.forms)
                return
            self.set_list(field, raw, label, offset, split_list(raw, patterns.LIST_SEPARATOR))
        elif field in _LISTS:
            self.set_list(field, raw, label, offset)
        elif field == "extra":
            self.set_extra(label, raw)
        else:
            self.set_scalar(field, raw, label, offset)

    # ------------------------------------------------------------- sections

    def add_paragraph(self, text: str, start: int) -> None:
        if contents_line(text):
            # '1.1 研究对象……3': a table of contents, wherever it stands
            if not self._diagnosed_at(start):
                self.diagnose("contents-entry", start, f"'{text.strip()[:20]}'")
            self.add_chrome(text)
            return
        before_text = not self.prose and not self.open_sections
        preamble = "" if self.open_sections else self.scalars.get("title", "")
        reason = paragraph_reason(
            text, before_text, self.multiline, preamble, self.scalars.get("title")
        )
        if (
            before_text
            and reason
            and (
                (len(text) <= MAX_CHROME_PARAGRAPH and text.rstrip()[-1:] not in "。！？")
                or chrome_throughout(text)
            )
        ):
            # before the article's text, a line shaped like no paragraph of it (a page's
            # counter, a citation line, a form's field, markup): the page's own, kept
            # in the layout as chrome, reported where it stands; a Chinese sentence
            # ('目的：探讨某事。') is the article's, whatever opens it
            if self.last_diagnosed != start:
                self.diagnose("chrome-before-text", start, reason)
            self.add_chrome(text)
            return
        if not self.prose and prose_shaped(text):
            self.prose = True
        elif not self.open_sections and not prose_shaped(text):
            # short lines standing alone before the first heading: one may be a
            # heading written with no number, a second is front matter or chrome
            self.short_lines += 1
            if self.short_lines == 2 and not reason:
                reason = f"'{text.strip()[:20]}' is another short line before the first heading"
        if reason and not self._diagnosed_at(start):
            self.diagnose("paragraph-unlikely", start, reason)
        elif not reason:
            # what the page lost a line break before; the paragraph is kept whole
            code, at, detail = inside_reason(text, not self.open_sections)
            if code:
                self.diagnose(code, start + at, detail)
        span = self.span(start, start + len(text))
        paragraph = trusted_node(Paragraph, {"text": text, "sep": None, "span": span})
        if self.open_sections:
            self.open_sections[-1].paragraphs.append(paragraph)
            self.node_slot("sections")
        else:
            self.preamble.append(paragraph)
            self.node_slot("preamble")
        self.last_node = paragraph

    def add_section(self, section: Section, keep: int) -> None:
        del self.open_sections[keep:]
        if self.open_sections:
            self.open_sections[-1].subsections.append(section)
        else:
            self.sections.append(section)
        self.open_sections.append(section)
        self.node_slot("sections")
        self.last_node = section

    def add_entry(self, field: str, label: str, text: str, start: int) -> None:
        span = self.span(start, start + len(label) + len(text))
        entry = trusted_node(Reference, {"label": label, "text": text, "sep": None, "span": span})
        (self.references if field == "references" else self.notes).append(entry)
        self.node_slot(field)
        self.last_node = entry


_SCALARS: Final[tuple[str, ...]] = get_args(ScalarField)
_LISTS: Final[tuple[str, ...]] = get_args(ListField)
MAX_CHROME_PARAGRAPH: Final = 300
"""Longest paragraph before the text that is kept as chrome when shaped like none (a
longer one holds the article's text glued to it and stays a paragraph, reported)."""


def _boilerplate_piece(index: int, written: str) -> BoilerplatePiece:
    return trusted_node(
        BoilerplatePiece, {"kind": "boilerplate", "index": index, "written": written}
    )


def _bare_label(label: str) -> str:
    """The key of a label in ``extra``: as written, without its brackets, colon and
    the spaces between its characters ('出 版 物：' → '出版物'); the spaces between
    words of an English label stay ('Published online')."""
    bare = label.strip().strip("【】[]〔〕［］:： \u3000")
    if bare.isascii():
        return " ".join(bare.split())
    return "".join(bare.split())
