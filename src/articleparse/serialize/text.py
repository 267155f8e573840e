"""Article → scrape text.

A parsed tree renders from its layout and the text its nodes own, byte for
byte. A tree built in code (no layout) renders in the canonical style
(:mod:`.canonical`): one ``标题`` row, one single-line ``范文`` row, extra rows,
then the boilerplate.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import (
    Article,
    BoilerplatePiece,
    ExtraPiece,
    FieldPiece,
    ItemsPiece,
    NodesPiece,
    Paragraph,
    Piece,
    Reference,
    Section,
    TextPiece,
)
from ..parser.front.names import SPACE_CHARS
from .canonical import CANONICAL_SEP, Style, canonical, canonical_marker, walk_sections

__all__ = ["CANONICAL_SEP", "LayoutError", "Style", "render", "walk_sections"]

BODY_ORDER = ("preamble", "sections", "references", "notes")
"""The content fields in the order the body writes them."""

Node = Paragraph | Section | Reference


class LayoutError(ValueError):
    """A parsed tree was edited in a way its layout cannot place without guessing."""


def render(doc: Article, style: Style | None = None) -> str:
    """The scrape text of ``doc``: the original input for a parsed tree.

    A tree without layout (built in code) is written in ``style``, the
    canonical :class:`Style` by default. A parsed tree ignores ``style``.
    """
    if doc.layout is None:
        return canonical(doc, style or Style())
    layout = doc.layout
    out: list[str] = []
    metadata = doc.metadata
    chrome = _chrome_texts(doc, layout)
    before, after = _added_fields(doc, layout)
    nodes: dict[str, list[str]] = {}
    ends: dict[str, tuple[str, bool]] = {}
    for position, piece in enumerate(layout):
        if position in before:
            _added_texts(out, doc, before[position], (CANONICAL_SEP, False))
        if isinstance(piece, TextPiece):
            out.append(piece.text)
        elif isinstance(piece, FieldPiece):
            out.append(getattr(metadata, piece.field) or "")
        elif isinstance(piece, ItemsPiece):
            _items(out, getattr(metadata, piece.field), piece)
        elif isinstance(piece, ExtraPiece):
            out.append(metadata.extra.get(piece.key, ""))
        elif isinstance(piece, BoilerplatePiece):
            out.append(chrome.get(position, ""))
        elif isinstance(piece, NodesPiece):
            if piece.field not in nodes:
                texts, previous, ended = _node_texts(_walk(doc, piece.field))
                nodes[piece.field], ends[piece.field] = texts, (previous, ended)
            out.extend(nodes[piece.field][piece.start : piece.stop])
            if position in after:
                _added_texts(out, doc, after[position], ends[piece.field])
    _added_boilerplate(out, doc.boilerplate, layout)
    return "".join(out)


def _chrome_texts(doc: Article, layout: list[Piece]) -> dict[int, str]:
    """What each boilerplate piece of the layout writes, by its position.

    Each entry of ``doc.boilerplate`` has its own place in the file (header,
    rows, footer). While the list is as long as the layout's pieces, piece
    ``i`` writes entry ``i`` (edited or not); entries added go at the end. When
    entries were removed, the entries left are matched in order against what
    each piece wrote in the file, and a piece whose entry is gone writes
    nothing; entries that match no piece (removed and edited at once) are a
    ``LayoutError``.
    """
    entries = doc.boilerplate
    pieces = [(p, piece) for p, piece in enumerate(layout) if isinstance(piece, BoilerplatePiece)]
    if len(entries) >= len(pieces):
        return {p: entries[piece.index] for p, piece in pieces if piece.index < len(entries)}
    texts: dict[int, str] = {}
    left = 0
    for p, piece in pieces:
        if left < len(entries) and piece.written is not None and piece.written == entries[left]:
            texts[p] = entries[left]
            left += 1
    if left < len(entries):
        raise LayoutError(
            f"boilerplate has {len(entries)} entries, fewer than the {len(pieces)} this parsed "
            "tree's layout places, and some are not as the file had them: which were removed "
            "cannot be told. Remove entries and edit the others in two steps, set an entry to "
            "'' to remove its text, or drop the layout (model_copy(update={'layout': None})) "
            "to write the tree in the canonical style"
        )
    return texts


def _added_boilerplate(out: list[str], entries: list[str], layout: list[Piece]) -> None:
    """Entries beyond those the layout places go at the end of the file, one per line."""
    placed = sum(1 for piece in layout if isinstance(piece, BoilerplatePiece))
    for entry in entries[placed:]:
        last = next((text for text in reversed(out) if text), "")
        if last and not last.endswith("\n"):
            out.append("\n")
        out.append(entry)


def _added_fields(
    doc: Article, layout: list[Piece]
) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """Where nodes go that were added to a field the file had none of.

    Their canonical place: after the last run of the nearest field before them
    in :data:`BODY_ORDER` that the file has, else before the first run of the
    nearest one after them. Returns (before piece i, after piece i) → fields.
    A body without any content run has no such place: ``LayoutError``.
    """
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for position, piece in enumerate(layout):
        if isinstance(piece, NodesPiece):
            first.setdefault(piece.field, position)
            last[piece.field] = position
    before: dict[int, list[str]] = {}
    after: dict[int, list[str]] = {}
    for index, name in enumerate(BODY_ORDER):
        if name in first or next(_walk(doc, name), None) is None:
            continue
        earlier = [other for other in BODY_ORDER[:index] if other in first]
        later = [other for other in BODY_ORDER[index + 1 :] if other in first]
        if earlier:
            after.setdefault(last[earlier[-1]], []).append(name)
        elif later:
            before.setdefault(first[later[0]], []).append(name)
        else:
            raise LayoutError(
                f"{name} were added to a parsed tree whose body has no paragraphs, sections "
                "or references to place them by; drop the layout "
                "(model_copy(update={'layout': None})) to write the tree in the canonical style"
            )
    return before, after


def _added_texts(out: list[str], doc: Article, fields: list[str], end: tuple[str, bool]) -> None:
    """Write the nodes of ``fields`` in the canonical way, going on from the state ``end``."""
    previous, ended = end
    for name in fields:
        label = Style().label(name) if name in ("references", "notes") else ""
        texts, previous, ended = _node_texts(_walk(doc, name), previous, ended, label)
        out.extend(texts)


def _items(out: list[str], values: list[str], piece: ItemsPiece) -> None:
    out.append(piece.head)
    items = values[piece.start : piece.stop]
    last = len(items) - 1
    forms = piece.forms
    for position, item in enumerate(items):
        form = forms.get(piece.start + position) if forms else None
        out.append(form if form is not None and _compact(form) == item else item)
        if position < last:
            out.append(
                piece.seps[position]
                if position < len(piece.seps)
                else (piece.seps[-1:] or [";"])[0]
            )
    out.append(piece.tail)


def _compact(form: str) -> str:
    """``form`` without the spaces that pad a name's characters (the ones the name
    reader takes between them), so that it compares with the item's value."""
    return "".join(char for char in form if char not in SPACE_CHARS)


def _node_texts(
    nodes: Iterable[Node], previous: str = CANONICAL_SEP, ended: bool = False, label: str = ""
) -> tuple[list[str], str, bool]:
    """The text of each node, in order, separators included; and the state after them.

    A node added by hand (``sep is None``) takes the separator of the nodes
    before it (``previous``); after a node that ends the run (empty ``sep``,
    ``ended``) it goes first. ``label`` is written before the first node.
    """
    texts: list[str] = []
    for node in nodes:
        text = label + _node_text(node)
        label = ""
        if node.sep is None:
            texts.append(previous + text if ended else text + previous)
            continue
        if node.sep:
            previous = node.sep
        ended = not node.sep
        texts.append(text + node.sep)
    return texts, previous, ended


def _node_text(node: Node) -> str:
    if isinstance(node, Paragraph):
        return node.text
    if isinstance(node, Section):
        return _marker(node) + (node.gap or "") + node.title
    return node.label + node.text


def _walk(doc: Article, field: str) -> Iterator[Node]:
    if field == "preamble":
        yield from doc.preamble
    elif field == "references":
        yield from doc.references
    elif field == "notes":
        yield from doc.notes
    else:
        yield from walk_sections(doc.sections)


def _marker(section: Section) -> str:
    """The marker as written, unless ``number`` was changed since: then the canonical one."""
    marker = section.marker
    if marker is None or _number_in_marker(marker, section.scheme) != section.number:
        return canonical_marker(section)
    return marker


def _number_in_marker(marker: str, scheme: str) -> str:
    if scheme == "decimal":
        return marker.rstrip(".．、").replace("．", ".").replace(" ", "")
    if scheme == "circled":
        return marker
    if marker.startswith("第"):
        return marker[1:].removesuffix("部分").rstrip("章节")
    return marker.strip("（()）、．")
