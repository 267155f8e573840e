"""Article → scrape text.

A parsed tree renders from its layout and the text its nodes own, byte for
byte. A tree built in code (no layout) renders in the canonical style: one
``标题`` row, one single-line ``范文`` row, extra rows, then the boilerplate.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import (
    Article,
    BoilerplatePiece,
    ExtraPiece,
    FieldPiece,
    ItemsPiece,
    Metadata,
    NodesPiece,
    Paragraph,
    Reference,
    Section,
    TextPiece,
)

CANONICAL_SEP = " "

_CANONICAL_MARKERS = {
    "decimal": "{}",
    "cn-dun": "{}、",
    "cn-paren": "（{}）",
    "arabic-paren": "({})",
    "circled": "{}",
}


def render(doc: Article) -> str:
    """The scrape text of ``doc``: the original input for a parsed tree."""
    if doc.layout is None:
        return _canonical(doc)
    out: list[str] = []
    metadata = doc.metadata
    nodes: dict[str, list[str]] = {}
    for piece in doc.layout:
        if isinstance(piece, TextPiece):
            out.append(piece.text)
        elif isinstance(piece, FieldPiece):
            out.append(getattr(metadata, piece.field) or "")
        elif isinstance(piece, ItemsPiece):
            _items(out, getattr(metadata, piece.field), piece)
        elif isinstance(piece, ExtraPiece):
            out.append(metadata.extra.get(piece.key, ""))
        elif isinstance(piece, BoilerplatePiece):
            if piece.index < len(doc.boilerplate):
                out.append(doc.boilerplate[piece.index])
        elif isinstance(piece, NodesPiece):
            if piece.field not in nodes:
                nodes[piece.field] = list(_node_texts(doc, piece.field))
            out.extend(nodes[piece.field][piece.start : piece.stop])
    return "".join(out)


def _items(out: list[str], items: list[str], piece: ItemsPiece) -> None:
    out.append(piece.head)
    last = len(items) - 1
    for position, item in enumerate(items):
        out.append(item)
        if position < last:
            out.append(
                piece.seps[position]
                if position < len(piece.seps)
                else (piece.seps[-1:] or [";"])[0]
            )
    out.append(piece.tail)


def _node_texts(doc: Article, field: str) -> Iterator[str]:
    """The text of each content node of ``field``, in pre-order, separators included.

    A node added by hand (``sep is None``) takes the separator of the nodes
    before it; after a node that ends the run (empty ``sep``) it goes first.
    """
    previous = CANONICAL_SEP
    ended = False
    for node in _walk(doc, field):
        if isinstance(node, Paragraph):
            text = node.text
        elif isinstance(node, Section):
            marker = node.marker if node.marker is not None else _canonical_marker(node)
            text = marker + (node.gap or "") + node.title
        else:
            text = node.label + node.text
        if node.sep is None:
            yield previous + text if ended else text + previous
            continue
        if node.sep:
            previous = node.sep
        ended = not node.sep
        yield text + node.sep


def _walk(doc: Article, field: str) -> Iterator[Paragraph | Section | Reference]:
    if field == "preamble":
        yield from doc.preamble
    elif field == "references":
        yield from doc.references
    elif field == "notes":
        yield from doc.notes
    else:
        yield from walk_sections(doc.sections)


def walk_sections(sections: list[Section]) -> Iterator[Paragraph | Section]:
    """Sections and their paragraphs in document order, without recursion."""
    stack = list(reversed(sections))
    while stack:
        section = stack.pop()
        yield section
        yield from section.paragraphs
        stack.extend(reversed(section.subsections))


def _canonical_marker(section: Section) -> str:
    return _CANONICAL_MARKERS[section.scheme].format(section.number)


# ------------------------------------------------------------ canonical style

_FRONT_ORDER: tuple[tuple[str, str, str], ...] = (
    # (field, label as written, list joiner or '' for scalars)
    ("abstract", "摘要:", ""),
    ("keywords", "关键词:", ";"),
    ("clc", "中图分类号:", ";"),
    ("document_code", "文献标识码:", ""),
    ("article_number", "文章编号:", ""),
    ("doi", "DOI:", ""),
    ("fund", "基金项目:", ""),
    ("author_info", "作者简介:", ""),
    ("received", "收稿日期:", ""),
    ("abstract_en", "Abstract:", ""),
    ("keywords_en", "Key words:", "; "),
)


def _canonical(doc: Article) -> str:
    metadata = doc.metadata
    rows: list[str] = []
    if metadata.title is not None:
        rows.append(f"标题 | {metadata.title} |")
    rows.append(f"范文 | {CANONICAL_SEP.join(_canonical_body(doc))} |")
    if metadata.source is not None:
        rows.append(f"来源 | {metadata.source} |")
    rows.extend(f"{key} | {value} |" for key, value in metadata.extra.items())
    rows.extend(doc.boilerplate)
    return "\n".join(rows)


def _canonical_body(doc: Article) -> Iterator[str]:
    metadata = doc.metadata
    if metadata.authors:
        yield CANONICAL_SEP.join(metadata.authors)
    if metadata.affiliations:
        yield "(" + ";".join(metadata.affiliations) + ")"
    yield from _canonical_front(metadata)
    for paragraph in doc.preamble:
        yield paragraph.text
    for node in walk_sections(doc.sections):
        if isinstance(node, Section):
            yield _canonical_marker(node) + node.title
        else:
            yield node.text
    for label, entries in (("参考文献:", doc.references), ("注释:", doc.notes)):
        if entries:
            yield label + CANONICAL_SEP.join(entry.label + entry.text for entry in entries)


def _canonical_front(metadata: Metadata) -> Iterator[str]:
    for field, label, joiner in _FRONT_ORDER:
        value = getattr(metadata, field)
        if value is None or (joiner and not value):
            continue
        yield label + (joiner.join(value) if joiner else value)
