"""The body row: front matter, then content and back matter.

The body's tokens go through three states: front matter (authors,
affiliations, labelled fields), content (paragraphs and headings, decided by
the numbering state), and back-matter blocks (references, notes). The owning
:class:`~.builder.Builder` holds the tree, the layout and the diagnostics.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from . import patterns
from .labels import BLOCK_FIELDS, FRONT_LABELS, LATE_FIELDS, LIST_FIELDS, SHORT_FIELDS
from .model import Reference, Scheme, Section
from .numbering import ends_sentence, looks_like_title
from .tokens import Kind, Token
from .trusted import trusted

if TYPE_CHECKING:
    from .builder import Builder

MAX_LEAD_SEGMENTS = 6
"""Segments before the first front-matter label that may still be authors or affiliations."""
MAX_LEAD_CHARS = 200
MAX_VALUE_SEGMENTS = 12
"""How many segments a single-line front-matter value may span to reach the next label."""

_CONTENT, _REFERENCES, _NOTES = "content", "references", "notes"
_OPENERS = "(（"
_CLOSERS = ")）"


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
                    or ends_sentence(token.text)
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

        def stops(token: Token, segments: int) -> bool:
            return (
                segments > MAX_LEAD_SEGMENTS
                or ends_sentence(token.text)
                or (index > 0 and _opens_numbering(token))
            )

        return self._up_to_label(index, LATE_FIELDS, stops)

    def _up_to_label(
        self, index: int, refused: frozenset[str], stops: Callable[[Token, int], bool]
    ) -> int | None:
        """Where the text from ``index`` ends at the next label (separators before it
        left out); None when that label's field is ``refused``, when a segment on
        the way ``stops`` the search (given the count of segments so far), or when
        no label follows."""
        tokens = self.tokens
        segments = 0
        for position in range(index, len(tokens)):
            token = tokens[position]
            if token.kind is Kind.LABEL:
                if token.field in refused:
                    return None
                end = position
                while end > index and tokens[end - 1].kind is Kind.SEP:
                    end -= 1
                return end
            if token.kind is Kind.SEGMENT:
                segments += 1
                if stops(token, segments):
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

        def stops(token: Token, segments: int) -> bool:
            return segments > MAX_VALUE_SEGMENTS or (segments > 1 and _opens_numbering(token))

        return self._up_to_label(index, BLOCK_FIELDS, stops)

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
        section = _new_section(
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


_new_section = trusted(Section)
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
