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
    Metadata,
    NodesPiece,
    Paragraph,
    Piece,
    Reference,
    Section,
    TextPiece,
)
from ..parser.front.names import SEPARATOR_CHARS, SPACE_CHARS
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
    kept = _kept_items(metadata, layout)
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
            _items(out, getattr(metadata, piece.field), piece, kept.get(piece.field))
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


def _kept_items(metadata: Metadata, layout: list[Piece]) -> dict[str, dict[int, int]]:
    """For each list field with fewer items than its layout wrote: which of the items
    written are left (their index in the field then → their index now).

    The items left are matched in order against the items as the file had them;
    one that matches none (removed and edited at once) is a ``LayoutError``. A
    field the same length or longer is written by position, as is a layout
    stored without the items as written.
    """
    written: dict[str, list[tuple[int, str]]] = {}
    for piece in layout:
        if isinstance(piece, ItemsPiece):
            if piece.written is None:
                written[piece.field] = []
                continue
            written.setdefault(piece.field, []).extend(
                (piece.start + index, item) for index, item in enumerate(piece.written)
            )
    kept: dict[str, dict[int, int]] = {}
    for name, items in written.items():
        values: list[str] = getattr(metadata, name)
        if len(values) >= len(items):
            continue
        found: dict[int, int] = {}
        for index, item in items:
            if len(found) < len(values) and values[len(found)] == item:
                found[index] = len(found)
        if len(found) < len(values):
            raise LayoutError(
                f"metadata.{name} has {len(values)} items, fewer than the {len(items)} this "
                "parsed tree's layout places, and some are not as the file had them: which "
                "were removed cannot be told. Remove items and edit the others in two steps, "
                "or drop the layout (model_copy(update={'layout': None})) to write the tree "
                "in the canonical style"
            )
        kept[name] = found
    return kept


def _items(
    out: list[str], values: list[str], piece: ItemsPiece, kept: dict[int, int] | None
) -> None:
    if kept is not None and piece.written is not None:
        _items_left(out, values, piece, kept)
        return
    out.append(piece.head)
    items = values[piece.start : piece.stop]
    last = len(items) - 1
    for position, item in enumerate(items):
        out.append(_item_text(piece, piece.start + position, item))
        if position < last:
            out.append(
                piece.seps[position]
                if position < len(piece.seps)
                else (piece.seps[-1:] or [";"])[0]
            )
    out.append(piece.tail)


def _items_left(out: list[str], values: list[str], piece: ItemsPiece, kept: dict[int, int]) -> None:
    """The items of ``piece`` left after some were removed, each with what the file
    had around it up to the separators (an author's marks and role after it, an
    affiliation's number before it), so that removing an item removes its text and
    its marks and nothing of its neighbours'."""
    written = piece.written or []
    left = [p for p in range(len(written)) if piece.start + p in kept]
    opening, prefix = _split_head(piece.head)
    prefixes = [prefix]
    owns: list[str] = []
    delimiters: list[str] = []
    for separator in piece.seps[: max(0, len(written) - 1)]:
        own, delimiter, following = _split_separator(separator)
        owns.append(own)
        delimiters.append(delimiter)
        prefixes.append(following)
    own, rest = _split_tail(piece.tail)
    owns.append(own)
    out.append(opening)
    for number, position in enumerate(left):
        index = piece.start + position
        out.append(prefixes[position] if position < len(prefixes) else "")
        out.append(_item_text(piece, index, values[kept[index]]))
        out.append(owns[position] if position < len(owns) else "")
        if number < len(left) - 1:
            out.append(delimiters[position] if position < len(delimiters) else ";")
    out.append(rest)


def _item_text(piece: ItemsPiece, index: int, item: str) -> str:
    form = piece.forms.get(index) if piece.forms else None
    return form if form is not None and _compact(form) == item else item


def _split_separator(text: str) -> tuple[str, str, str]:
    """What stands between two items, as (what belongs to the first: '1', '1* 综述';
    the separator: ',', '; ', ' '; what belongs to the second: '2.' in ';2.'): the
    separator is the last separator character with the whitespace around it, or
    the whitespace that ends ``text``."""
    cut = max((index for index, char in enumerate(text) if char in SEPARATOR_CHARS), default=-1)
    if cut < 0:
        cut = after = len(text)
    else:
        after = cut + 1
        while after < len(text) and text[after].isspace():
            after += 1
    while cut > 0 and text[cut - 1].isspace():
        cut -= 1
    return text[:cut], text[cut:after], text[after:]


def _split_head(text: str) -> tuple[str, str]:
    """What stands before the first item, as (what opens the list: '(', '( '; what
    belongs to the first item: '1.' in '(1.', '1. ' in '( 1. '): cut after the last
    opening bracket and the whitespace after it."""
    cut = max((index + 1 for index, char in enumerate(text) if char in _OPENERS), default=0)
    while cut < len(text) and text[cut].isspace():
        cut += 1
    return text[:cut], text[cut:]


_LIST_ENDS = frozenset("。.！!？?")
_OPENERS = frozenset("(（[【")


def _split_tail(text: str) -> tuple[str, str]:
    """What follows the last item, as (what belongs to it: '3', '(副教授)'; what closes
    the list: ')', '，', '。'): cut at the first separator, sentence mark or unmatched
    closing bracket."""
    depth = 0
    cut = len(text)
    for index, char in enumerate(text):
        if char in "(（[【":
            depth += 1
        elif char in ")）]】":
            if depth == 0:
                cut = index
                break
            depth -= 1
        elif char in SEPARATOR_CHARS or char in _LIST_ENDS:
            cut = index
            break
    while cut > 0 and text[cut - 1].isspace():
        cut -= 1
    return text[:cut], text[cut:]


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
    return marker.strip("（()）、．. \u3000")
