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
