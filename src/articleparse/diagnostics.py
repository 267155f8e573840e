"""Diagnostics: the stable code table, the record, and :class:`ParseError`.

Every problem the parser meets in the *content* becomes a :class:`Diagnostic`
instead of an exception. Codes are stable strings; their meaning, severity and
the advice shown to people live in :data:`CODES`, the single table the docs
are generated from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Code:
    """One row of the code table."""

    severity: Severity
    summary: str
    advice: str


CODES: dict[str, Code] = {
    "row-unterminated": Code(
        "error",
        "the last row never closes with '|'",
        "end the row's last line with ' |'; the unclosed text is kept as that row's value",
    ),
    "decode-invalid-bytes": Code(
        "error",
        "bytes that are not valid in the detected encoding",
        "re-save the file as UTF-8 or pass encoding=...; each bad byte became U+FFFD "
        "and its original value is kept in source.undecoded",
    ),
    "decode-mixed": Code(
        "warning",
        "a file decoded as GB18030 holds runs of UTF-8 text",
        "re-save the file in one encoding; the bytes are kept exactly, but the UTF-8 part "
        "reads as mojibake",
    ),
    "decode-fallback": Code(
        "info",
        "the file is not UTF-8 and was decoded as GB18030",
        "nothing to do if the text reads correctly; pass encoding=... to force another",
    ),
    "decode-guessed": Code(
        "warning",
        "the file is neither UTF-8 nor, by its characters, GB18030; it was read as Big5",
        "check the text: pass encoding=... (or --encoding) if it does not read correctly",
    ),
    "heading-gap": Code(
        "warning",
        "a heading skips numbers in its sequence",
        "check the numbering (a heading may be missing or mistyped); the heading is kept",
    ),
    "heading-in-paragraph": Code(
        "warning",
        "a heading's number inside a paragraph: right after a sentence's end, or a "
        "numbered title run together with its first sub-heading ('1.1背景1.1.1…')",
        "check the paragraph: a heading ('（一）标题', '二、标题') may be glued to the text "
        "before it (the page lost a line break); the paragraph is kept whole",
    ),
    "heading-out-of-sequence": Code(
        "warning",
        "a line shaped like a heading whose number does not go on with the outline "
        "(a number repeated or going back)",
        "check the numbering: the line is kept as a paragraph; if it is a heading, "
        "number it in sequence (a section may be repeated on the page)",
    ),
    "heading-empty-run": Code(
        "warning",
        "three headings or more one after another with no text under any of them",
        "check the outline: a numbered list or a table of contents may have been read as "
        "headings; they are kept as headings",
    ),
    "heading-rank": Code(
        "warning",
        "a top number of a Chinese outline ('一、') nested under lower ones only ('1.', '(1)')",
        "check the outline: the numbers above it may be a list the page printed before its "
        "first part, or a heading was lost; the heading is kept where the numbers put it",
    ),
    "heading-jump": Code(
        "warning",
        "a heading goes down more than one level at once",
        "check the numbering (an intermediate heading may be missing); the heading is kept",
    ),
    "heading-run-on": Code(
        "warning",
        "a line opens with the next heading number, but no title can be told from its text",
        "check the line: its title may be glued to its paragraph ('一、问题提出干部队伍…') "
        "or be a whole sentence; it is kept as a paragraph",
    ),
    "heading-title-long": Code(
        "warning",
        "a heading's title, read up to its first full stop, is long enough to be a sentence",
        "check the heading: its title may be a few words glued to the first sentence of "
        "its paragraph ('一、问题提出干部队伍建设是…。'); where the title ends cannot be told",
    ),
    "heading-page-number": Code(
        "warning",
        "headings whose titles end in page numbers: a table of contents read as headings",
        "check the sections: the entries of a table of contents ('…资金流失4') were read "
        "as headings, with their page numbers in the titles; remove the table of contents "
        "from the text to be sure",
    ),
    "heading-too-deep": Code(
        "warning",
        "a heading number nested deeper than the supported depth",
        "if it is a heading, number it within the supported depth (docs/format.md, limits); "
        "otherwise nothing to do: it is kept as paragraph text",
    ),
    "duplicate-field": Code(
        "warning",
        "a field that should appear once appears again",
        "remove or rename the repeated label if it is a mistake; the first value is used, "
        "the later one is kept in metadata.extra under its label ('标题'), or '标题#2', "
        "'标题#3' … when that key is taken",
    ),
    "empty-field": Code(
        "info",
        "a front-matter label with no value after it",
        "fill in the value or remove the label; the label is kept as written",
    ),
    "too-many-diagnostics": Code(
        "warning",
        "more diagnostics than a document keeps",
        "fix the problems reported first (errors are kept before warnings), or check that "
        "the file is an article in the scrape format",
    ),
    "body-open": Code(
        "warning",
        "the body label has an empty value and the lines after it are no rows",
        "those lines, up to the next row, were read as the body; end the body's last "
        "line with ' |' to make it a row",
    ),
    "front-matter-unplaced": Code(
        "warning",
        "text before the article that is neither a labelled field nor authors or affiliations",
        "check the front matter: the text is kept as a paragraph (as site chrome when it "
        "is shaped like no paragraph); if it is an author line "
        "or an affiliation, write it in one of the forms in docs/format.md",
    ),
    "body-stalled": Code(
        "warning",
        "a piece of the body that no reading rule could take",
        "the text is kept as a paragraph; please report the file, since every piece of "
        "the body should be read as something",
    ),
    "front-matter-unlabelled": Code(
        "warning",
        "an abstract and keywords with no labels, read by where they stand",
        "check metadata.abstract and metadata.keywords: a paragraph right after the authors "
        "followed by a short ';' list was taken for them; label them (摘要:, 关键词:) to be sure",
    ),
    "keywords-unsplit": Code(
        "warning",
        "a keyword list of one long run of characters with no separator",
        "check metadata.keywords: mirror sites print their tags run together "
        "('关键词:三治德治党组织'); the run is kept as one keyword, since where the words "
        "end cannot be told",
    ),
    "field-unlikely": Code(
        "warning",
        "a front-matter value that does not have the shape of its field",
        "check that field: the value is kept where it was read (an author that is no name, "
        "a keyword that is a sentence, an abstract that ran on into the text); if the "
        "front matter is laid out in another way, write it in one of the forms in "
        "docs/format.md",
    ),
    "label-in-paragraph": Code(
        "warning",
        "a front-matter label (bracketed, or with its colon) inside a paragraph before the "
        "first heading",
        "check the front matter: a field ('【关键词】…', '摘要:…') is glued to the text "
        "before it and was not read; the paragraph is kept whole",
    ),
    "paragraph-unlikely": Code(
        "warning",
        "a paragraph of the text shaped like none (a cut sentence, markup, a citation) or a "
        "second short line before the first heading",
        "check it: it is kept as a paragraph, but it may be site chrome, a heading written "
        "with no number, or front matter the parser did not place",
    ),
    "chrome-before-text": Code(
        "warning",
        "a line before the article's text shaped like no paragraph of it, kept as chrome",
        "check it: a page's counter, menu or form field, "
        "a citation line, markup or a short line that is no sentence, standing before the "
        "text, was kept in the layout as site chrome; if it is the article's text, report "
        "the file",
    ),
    "contents-entry": Code(
        "info",
        "a table of contents ('目录' and its entries, or a line of leader dots and a page "
        "number), kept as chrome",
        "nothing to do if the paragraphs read right: a table of contents entry "
        "('1.1 研究对象……3') is the page's, not a paragraph of the text",
    ),
    "references-unlabelled": Code(
        "info",
        "a reference list with no '参考文献' label, known by its entries",
        "nothing to do if metadata and references read right: entries numbered from 1 with "
        "a document type mark ([J], [M] …) were taken for the list; add the label to be sure",
    ),
    "empty-input": Code(
        "warning",
        "the input is empty or holds only whitespace",
        "check the file: a scrape that saved nothing gives an empty article",
    ),
    "no-body": Code(
        "warning",
        "no body row (范文 / 正文 / 内容) was found",
        "check that the file is in the scrape format; all text is kept",
    ),
}


MAX_DIAGNOSTICS = 1000
"""Diagnostics a document keeps: the last one kept is ``too-many-diagnostics``,
saying how many more there were. A binary file would otherwise carry one per
bad byte (270,000 for 3 MB of random bytes)."""


class Diagnostic(BaseModel):
    """A problem found in the input, with a 1-based position into the original text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    severity: Severity
    message: str
    line: int
    column: int
    offset: int


def make_diagnostic(code: str, detail: str, line: int, column: int, offset: int) -> Diagnostic:
    """Build a diagnostic from the code table: ``detail`` says what, the table says what to do."""
    entry = CODES[code]
    message = f"{detail}: {entry.advice}" if detail else f"{entry.summary}: {entry.advice}"
    return Diagnostic.model_construct(
        code=code,
        severity=entry.severity,
        message=message,
        line=line,
        column=column,
        offset=offset,
    )


def cap_diagnostics(
    found: list[Diagnostic],
    limit: int = MAX_DIAGNOSTICS,
    counts: dict[str, int] | None = None,
) -> list[Diagnostic]:
    """At most ``limit`` diagnostics in document order, errors kept first.

    The last one is ``too-many-diagnostics``, at the first one left out, saying
    how many were left out of each severity. ``counts`` (per severity) is how
    many were found when ``found`` holds only the first ``limit`` errors and the
    first ``limit`` others (what a :class:`DiagnosticLog` keeps): the result is
    the same as from the whole list.
    """
    if counts is None:
        counts = _count(found)
    total = sum(counts.values())
    if total <= limit:
        return found
    room = limit - 1
    chosen = [index for index, d in enumerate(found) if d.severity == "error"][:room]
    if len(chosen) < room:
        taken = set(chosen)
        others = (index for index in range(len(found)) if index not in taken)
        chosen.extend(next(others) for _ in range(room - len(chosen)))
        chosen.sort()
    taken = set(chosen)
    left = dict(counts)
    for index in chosen:
        left[found[index].severity] -= 1
    first = next(d for index, d in enumerate(found) if index not in taken)
    detail = (
        f"{total - room} more diagnostic(s) not kept ("
        + ", ".join(f"{count} {severity}(s)" for severity, count in left.items() if count)
        + f"), the first at line {first.line}, column {first.column}"
    )
    kept = [found[index] for index in chosen]
    kept.append(
        make_diagnostic("too-many-diagnostics", detail, first.line, first.column, first.offset)
    )
    return kept


def _count(found: list[Diagnostic]) -> dict[str, int]:
    counts = {severity: 0 for severity in ("error", "warning", "info")}
    for d in found:
        counts[d.severity] += 1
    return counts


class DiagnosticLog:
    """The diagnostics of one parse as they are found, in bounded memory.

    It keeps what :func:`cap_diagnostics` can return, the first ``limit`` errors
    and the first ``limit`` others, and counts the rest by severity; a
    diagnostic it will not keep is never made (a file of short lines can give
    one per line). With ``keep_all`` (``strict=True``: :class:`ParseError`
    carries them all) it keeps every one.
    """

    def __init__(self, limit: int = MAX_DIAGNOSTICS, keep_all: bool = False) -> None:
        self.found: list[Diagnostic] = []
        self.counts = {severity: 0 for severity in ("error", "warning", "info")}
        self.limit = limit
        self.keep_all = keep_all
        self._errors = 0  # errors kept
        self._others = 0  # warnings and infos kept

    def add(
        self, code: str, detail: str, offset: int, position: Callable[[int], tuple[int, int]]
    ) -> None:
        """Count a diagnostic of ``code`` at ``offset``; keep it (``position`` gives its
        line and column) unless enough of its kind are kept."""
        severity = CODES[code].severity
        self.counts[severity] += 1
        if not self.keep_all:
            if severity == "error":
                if self._errors >= self.limit:
                    return
                self._errors += 1
            else:
                if self._others >= self.limit:
                    return
                self._others += 1
        line, column = position(offset)
        self.found.append(make_diagnostic(code, detail, line, column, offset))

    @property
    def errors(self) -> int:
        """How many errors were found."""
        return self.counts["error"]

    def result(self) -> list[Diagnostic]:
        """What a document keeps (:func:`cap_diagnostics`)."""
        return cap_diagnostics(self.found, self.limit, self.counts)


class ParseError(ValueError):
    """Raised by ``parse(..., strict=True)`` when any diagnostic is an error."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d.severity == "error"]
        first = errors[0] if errors else None
        where = (
            f" (first at line {first.line}, column {first.column}: {first.message})"
            if first
            else ""
        )
        super().__init__(f"{len(errors)} error diagnostic(s){where}")
