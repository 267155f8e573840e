"""The canonical style: how a tree built in code (no layout) is written out.

One ``标题`` row, one ``范文`` row (single-line unless the :class:`Style` says
otherwise), a ``来源`` row, one row per ``extra`` key, then the boilerplate;
in the body the front matter, the preamble, the sections, the references and
the notes, each from its values alone, so that parsing the text gives the tree
back (docs/model.md, "The canonical style").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace

from ..model import Article, Metadata, Paragraph, Section
from ..parser.content.numbering import ends_paragraph
from ..parser.labels import FIELD_LABELS

CANONICAL_SEP = " "

CANONICAL_MARKERS = {
    "decimal": "{}",
    "cn-dun": "{}、",
    "cn-paren": "（{}）",
    "arabic-paren": "({})",
    "circled": "{}",
    "cn-chapter": "第{}章",
    "cn-section": "第{}节",
    "cn-part": "第{}部分",
    "arabic-half-paren": "{}）",
}


def walk_sections(sections: list[Section]) -> Iterator[Paragraph | Section]:
    """Sections and their paragraphs in document order, without recursion."""
    stack = list(reversed(sections))
    while stack:
        section = stack.pop()
        yield section
        yield from section.paragraphs
        stack.extend(reversed(section.subsections))


def canonical_marker(section: Section) -> str:
    """The marker of ``section``'s number in its scheme's canonical form (``（一）``)."""
    return CANONICAL_MARKERS[section.scheme].format(section.number)


_DEFAULT_LABELS: Mapping[str, str] = FIELD_LABELS


@dataclass(frozen=True, slots=True)
class Style:
    """How a tree built in code is written out.

    The default is the seed's style: one ``范文`` row on a single line, segments
    separated by spaces, numbers glued to their titles, half-width colons.
    """

    multiline: bool = False
    """One segment per line (front-matter items, headings, paragraphs, entries)."""
    newline: str = "\n"
    """Line ending of the file (and of a multi-line body)."""
    heading_gap: str = ""
    """Between a heading's marker and its title: '' (``1.1背景``) or ' ' (``1.1 背景``)."""
    colon: str = ":"
    """After a front-matter label: ':' or '：' (unused with ``brackets``)."""
    brackets: tuple[str, str] | None = None
    """Around front-matter labels instead of a colon, e.g. ('【', '】')."""
    keyword_separator: str = ";"
    author_separator: str = " "
    labels: Mapping[str, str] = field(default_factory=lambda: _DEFAULT_LABELS)
    """The written form of each front-matter label, by field."""
    body_label: str = "范文"

    def label(self, field_name: str) -> str:
        written = self.labels.get(field_name, _DEFAULT_LABELS[field_name])
        if self.brackets:
            return self.brackets[0] + written + self.brackets[1]
        return written + self.colon


_FRONT_ORDER: tuple[str, ...] = (
    "abstract",
    "keywords",
    "clc",
    "document_code",
    "article_number",
    "doi",
    "fund",
    "author_info",
    "received",
    "abstract_en",
    "keywords_en",
)


_SENTENCE_VALUES: tuple[str, ...] = ("abstract", "fund", "author_info", "abstract_en")
"""Front-matter fields whose value, on one line, runs to the end of a sentence."""
_CODED_VALUES = frozenset({"fund"})
"""Fields whose value also ends with a bracketed code ('…项目(19BDJ001)')."""


def _value_left_open(doc: Article) -> bool:
    """Whether the last front-matter value would run into the body text after it on
    one line: a value read up to the end of a sentence that does not end one (a
    fund without a grant code, the usual 作者简介 '张三(1980—),男,…,教授') takes
    the following paragraph or heading into itself when parsed back."""
    if not doc.preamble and not doc.sections:
        return False
    metadata = doc.metadata
    last = next(
        (name for name in reversed(_FRONT_ORDER) if getattr(metadata, name) not in (None, [])),
        None,
    )
    if last not in _SENTENCE_VALUES:
        return False
    value: str = getattr(metadata, last)
    return not ends_paragraph(value) and not (last in _CODED_VALUES and value.endswith((")", "）")))


def canonical(doc: Article, style: Style) -> str:
    """The scrape text of ``doc`` in ``style``, from its values alone."""
    if not style.multiline and _value_left_open(doc):
        # Nothing on one line ends such a value before body text: one segment per line does.
        style = replace(style, multiline=True)
    metadata = doc.metadata
    rows: list[str] = []
    if metadata.title is not None:
        rows.append(f"标题 | {metadata.title} |")
    joiner = style.newline if style.multiline else CANONICAL_SEP
    rows.append(f"{style.body_label} | {joiner.join(_canonical_body(doc, style))} |")
    if metadata.source is not None:
        rows.append(f"来源 | {metadata.source} |")
    rows.extend(f"{key} | {value} |" for key, value in metadata.extra.items())
    rows.extend(doc.boilerplate)
    return style.newline.join(rows)


def _canonical_body(doc: Article, style: Style) -> Iterator[str]:
    metadata = doc.metadata
    if metadata.authors:
        yield style.author_separator.join(metadata.authors)
    if metadata.affiliations:
        yield "(" + ";".join(metadata.affiliations) + ")"
    if metadata.title_en:
        yield metadata.title_en
    yield from _canonical_front(metadata, style)
    for paragraph in doc.preamble:
        yield paragraph.text
    for node in walk_sections(doc.sections):
        if isinstance(node, Section):
            yield canonical_marker(node) + style.heading_gap + node.title
        else:
            yield node.text
    for field_name, entries in (("references", doc.references), ("notes", doc.notes)):
        if not entries:
            continue
        texts = [entry.label + entry.text for entry in entries]
        if style.multiline:
            yield style.labels.get(field_name, _DEFAULT_LABELS[field_name])
            yield from texts
        else:
            yield style.label(field_name) + CANONICAL_SEP.join(texts)


def _canonical_front(metadata: Metadata, style: Style) -> Iterator[str]:
    for field_name in _FRONT_ORDER:
        value = getattr(metadata, field_name)
        if value is None or (isinstance(value, list) and not value):
            continue
        if isinstance(value, list):
            separator = "; " if field_name == "keywords_en" else style.keyword_separator
            if field_name == "clc":
                separator = ";"
            value = separator.join(value)
        yield style.label(field_name) + value
