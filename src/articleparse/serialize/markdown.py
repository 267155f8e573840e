"""Article → Markdown for people: title, a metadata block, headings by level, paragraphs."""

from __future__ import annotations

from ..model import Article, Section
from .text import walk_sections

_META_LINES: tuple[tuple[str, str], ...] = (
    ("authors", "作者"),
    ("affiliations", "单位"),
    ("keywords", "关键词"),
    ("clc", "中图分类号"),
    ("document_code", "文献标识码"),
    ("article_number", "文章编号"),
    ("doi", "DOI"),
    ("fund", "基金项目"),
    ("received", "收稿日期"),
    ("source", "来源"),
)


def to_markdown(doc: Article) -> str:
    """A readable Markdown rendering; lossy by design (chrome and layout are left out)."""
    metadata = doc.metadata
    blocks: list[str] = []
    if metadata.title:
        blocks.append(f"# {metadata.title}")
    if metadata.title_en:
        blocks.append(f"*{metadata.title_en}*")
    lines = []
    for field, label in _META_LINES:
        value = getattr(metadata, field)
        if value:
            shown = "；".join(value) if isinstance(value, list) else value
            lines.append(f"- **{label}**: {shown}")
    lines.extend(f"- **{key}**: {value}" for key, value in metadata.extra.items() if value)
    if lines:
        blocks.append("\n".join(lines))
    if metadata.abstract:
        blocks.append(f"> **摘要**: {metadata.abstract}")
    if metadata.abstract_en:
        blocks.append(f"> **Abstract**: {metadata.abstract_en}")
    if metadata.keywords_en:
        blocks.append(f"> **Key words**: {'; '.join(metadata.keywords_en)}")
    blocks.extend(paragraph.text for paragraph in doc.preamble)
    for node in walk_sections(doc.sections):
        if isinstance(node, Section):
            hashes = "#" * min(node.level + 1, 6)
            number = f"{node.number} " if node.number else ""
            blocks.append(f"{hashes} {number}{node.title}")
        else:
            blocks.append(node.text)
    for heading, entries in (("参考文献", doc.references), ("注释", doc.notes)):
        if entries:
            blocks.append(f"## {heading}")
            blocks.append("\n".join(f"- {entry.label}{entry.text}" for entry in entries))
    return "\n\n".join(blocks) + "\n"
