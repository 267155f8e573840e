"""What ``articleparse stats`` counts: a few numbers per document, totals over a corpus.

Workers reduce each document to a :class:`DocStats`; the writing process adds
them into :class:`CorpusCounts`, which holds counters only, so a corpus of any
size costs the same memory.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Article, Section
from ..serialize.text import walk_sections


@dataclass(frozen=True, slots=True)
class DocStats:
    """The few numbers ``stats`` keeps of one document."""

    encoding: str | None
    has_title: bool
    has_abstract: bool
    has_errors: bool
    levels: tuple[int, ...]  # headings per level, level 1 first
    codes: tuple[str, ...]


def doc_stats(doc: Article) -> DocStats:
    """The numbers ``stats`` keeps of ``doc``."""
    levels: Counter[int] = Counter(
        node.level for node in walk_sections(doc.sections) if isinstance(node, Section)
    )
    return DocStats(
        encoding=doc.source.encoding,
        has_title=bool(doc.metadata.title),
        has_abstract=bool(doc.metadata.abstract),
        has_errors=any(d.severity == "error" for d in doc.diagnostics),
        levels=tuple(levels[level] for level in range(1, max(levels, default=0) + 1)),
        codes=tuple(d.code for d in doc.diagnostics),
    )


@dataclass(slots=True)
class CorpusCounts:
    """The totals of ``stats``: counters only, whatever the size of the corpus."""

    files: int = 0
    documents: int = 0
    unreadable: int = 0
    with_errors: int = 0
    no_title: int = 0
    no_abstract: int = 0
    no_headings: int = 0
    encodings: Counter[str] = field(default_factory=Counter)
    deepest_level: Counter[int] = field(default_factory=Counter)
    headings_by_level: Counter[int] = field(default_factory=Counter)
    diagnostics: Counter[str] = field(default_factory=Counter)
    documents_by_code: Counter[str] = field(default_factory=Counter)

    def add(self, found: DocStats | None, *, unreadable: bool = False) -> None:
        """Count one file: its numbers, or ``None`` when it gave no document."""
        self.files += 1
        if found is None:
            self.unreadable += unreadable
            return
        self.documents += 1
        self.with_errors += found.has_errors
        self.no_title += not found.has_title
        self.no_abstract += not found.has_abstract
        self.no_headings += not found.levels
        self.encodings[found.encoding or "unknown"] += 1
        self.deepest_level[len(found.levels)] += 1
        self.headings_by_level.update(
            {level: count for level, count in enumerate(found.levels, 1) if count}
        )
        self.diagnostics.update(found.codes)
        self.documents_by_code.update(set(found.codes))

    def as_json(self) -> dict[str, object]:
        return {
            "files": self.files,
            "documents": self.documents,
            "unreadable": self.unreadable,
            "with_error_diagnostics": self.with_errors,
            "no_title": self.no_title,
            "no_abstract": self.no_abstract,
            "no_headings": self.no_headings,
            "encodings": dict(self.encodings.most_common()),
            "deepest_heading_level": {str(k): v for k, v in sorted(self.deepest_level.items())},
            "headings_by_level": {str(k): v for k, v in sorted(self.headings_by_level.items())},
            "diagnostics_by_code": {
                code: {"count": count, "documents": self.documents_by_code[code]}
                for code, count in sorted(self.diagnostics.items())
            },
        }

    def table(self) -> str:
        rows: list[tuple[str, object]] = [
            ("files", self.files),
            ("documents", self.documents),
            ("unreadable", self.unreadable),
            ("with error diagnostics", self.with_errors),
            ("no title", self.no_title),
            ("no abstract", self.no_abstract),
            ("no headings", self.no_headings),
        ]
        lines = [f"{label:<28}{value:>8}" for label, value in rows]
        lines.append("")
        lines.append(f"{'encoding':<28}{'documents':>9}")
        lines.extend(f"  {name:<26}{n:>8}" for name, n in self.encodings.most_common())
        lines.append("")
        lines.append(f"{'deepest heading level':<28}{'documents':>9}")
        for level, n in sorted(self.deepest_level.items()):
            lines.append(f"  {level or 'none'!s:<26}{n:>8}")
        lines.append("")
        lines.append(f"{'heading level':<28}{'headings':>9}")
        for level, n in sorted(self.headings_by_level.items()):
            lines.append(f"  {level!s:<26}{n:>8}")
        lines.append("")
        lines.append(f"{'diagnostic code':<28}{'count':>8}{'documents':>11}")
        for code, n in sorted(self.diagnostics.items()):
            lines.append(f"  {code:<26}{n:>8}{self.documents_by_code[code]:>11}")
        if not self.diagnostics:
            lines.append("  (none)")
        return "\n".join(lines)
