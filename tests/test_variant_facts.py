"""Hand-written facts about each variant fixture, checked against the parse.

The golden JSON files pin everything the parser produces; these facts say what
a careful reader expects, independently of the parser, so a regenerated golden
file cannot quietly accept a wrong parse.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, get_args

import pytest
from fixture_files import FIXTURES

import articleparse as ap
from articleparse.model import ListField, Paragraph, ScalarField, Section
from articleparse.serialize.text import walk_sections

FACT_FILES = sorted(
    [*(FIXTURES / "variants").glob("*.facts.json"), *(FIXTURES / "real").glob("*.facts.json")]
)

SCALARS = get_args(ScalarField)
LISTS = get_args(ListField)


def _input_for(facts_path: Path) -> Path:
    stem = facts_path.name.removesuffix(".facts.json")
    for candidate in (f"{stem}.txt", f"{stem}.gb18030.txt"):
        if (facts_path.parent / candidate).exists():
            return facts_path.parent / candidate
    raise FileNotFoundError(stem)


# Structures seen on real pages that the parser does not read right yet; each is
# an expected failure (strict: when it starts passing, take it off this list).
# Classes found on real pages whose fixtures the parser does not pass yet.
KNOWN_GAPS: dict[str, str] = {
    "1601_trailing_compiler_credit_disclaimer_copy_url_single": (
        "single-line body: a bracketed credit after the text spans several segments"
    ),
    "1602_journal_submission_rules_block_after_abstract_multi": (
        "a site's block of submission rules ('{1}…') after the text"
    ),
    "1603_journal_submission_rules_block_after_abstract_single": (
        "a site's block of submission rules ('{1}…') after the text"
    ),
    "1614_line_break_after_open_book_title_mark_multi": (
        "a line broken after an opening title mark ('《') or '第'"
    ),
    "1615_line_break_after_open_book_title_mark_single": (
        "a line broken after an opening title mark ('《') or '第'"
    ),
    "1617_latin_number_token_after_space_not_heading_single": (
        "single-line body: a number glued to Latin letters ('3D') read as a heading number"
    ),
    "1619_stock_editor_blurb_and_essay_counter_single": (
        "single-line body: an editor's blurb and an essay counter before the text"
    ),
    "1624_forum_table_cell_pipe_prefixed_lines_multi": (
        "a forum's table cells: lines opening with '| '"
    ),
    "1625_forum_table_cell_pipe_prefixed_lines_single": (
        "a forum's table cells: lines opening with '| '"
    ),
    "1365_pipe_ending_chrome_line_inside_body_multi": (
        "a chrome line ending in '|' inside the body closes the body row (the format's row end)"
    ),
    "1366_bare_pipe_border_line_first_multi": (
        "a bare '|' border line inside the body closes the body row (the format's row end)"
    ),
    "1371_hard_line_break_mid_sentence_multi": (
        "a line broken inside a sentence is two paragraphs"
    ),
    "1372_hard_line_break_with_blank_line_multi": (
        "a line broken inside a sentence, with a blank line, is two paragraphs"
    ),
    "1378_page_title_is_section_heading_multi": (
        "a page whose title is its first heading ('四、结论')"
    ),
    "1379_page_title_is_section_heading_single": (
        "a page whose title is its first heading ('四、结论')"
    ),
    "1380_numbered_heading_title_ends_full_stop_multi": (
        "a heading line '1.标题。' alone on its line"
    ),
    "1381_numbered_heading_title_ends_full_stop_single": (
        "a heading '1.标题。' in a single-line body"
    ),
    "1386_toc_entries_not_headings_multi": ("a table of contents is read as headings"),
    "1387_toc_entries_not_headings_single": ("a table of contents is read as headings"),
    "1388_docshare_glued_toc_chunk_markers_multi": (
        "a document-sharing preview's glued contents and chunk markers"
    ),
}


def _param(path: Path) -> Any:
    name = path.name.removesuffix(".facts.json")
    gap = KNOWN_GAPS.get(name)
    marks = [pytest.mark.xfail(reason=gap, strict=False)] if gap else []
    return pytest.param(path, id=name, marks=marks)


@pytest.fixture(params=[_param(p) for p in FACT_FILES])
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], ap.Article]:
    facts = json.loads(request.param.read_text(encoding="utf-8"))
    return facts, ap.parse_file(_input_for(request.param))


def test_metadata(case: tuple[dict[str, Any], ap.Article]) -> None:
    facts, doc = case
    metadata = doc.metadata
    for field in SCALARS:
        if field in facts:
            assert getattr(metadata, field) == facts[field], field
    for field in LISTS:
        if field in facts:
            assert getattr(metadata, field) == facts[field], field
    for key, value in facts.get("extra", {}).items():
        assert metadata.extra.get(key) == value, key
    if "encoding" in facts:
        assert doc.source.encoding == facts["encoding"]


def test_sections(case: tuple[dict[str, Any], ap.Article]) -> None:
    facts, doc = case
    if "sections" not in facts:
        pytest.skip("no section facts")
    got = [
        [node.number, node.title, node.level]
        for node in walk_sections(doc.sections)
        if isinstance(node, Section)
    ]
    assert got == facts["sections"]


def test_body(case: tuple[dict[str, Any], ap.Article]) -> None:
    facts, doc = case
    if "preamble_paragraphs" in facts:
        assert len(doc.preamble) == facts["preamble_paragraphs"]
    texts = [p.text for p in doc.preamble] + [
        node.text for node in walk_sections(doc.sections) if isinstance(node, Paragraph)
    ]
    if "paragraphs" in facts:
        assert texts == facts["paragraphs"]
    for start in facts.get("paragraph_starts", []):
        assert any(text.startswith(start) for text in texts), start
    if "references" in facts:
        assert len(doc.references) == facts["references"]
    if "notes" in facts:
        assert len(doc.notes) == facts["notes"]


def test_chrome_and_warnings(case: tuple[dict[str, Any], ap.Article]) -> None:
    facts, doc = case
    if "boilerplate" in facts:
        assert doc.boilerplate == facts["boilerplate"]
    if "warnings" in facts:
        codes = sorted({d.code for d in doc.diagnostics if d.severity == "warning"})
        assert codes == sorted(set(facts["warnings"]))
    assert not [d for d in doc.diagnostics if d.severity == "error"]
