"""The invariants of design.md §4, each as a property."""

from __future__ import annotations

from fixture_files import visible_diff
from hypothesis import given, note
from hypothesis import strategies as st
from strategies import articles, mixed_text

import articleparse as ap
from articleparse.compare import without_source
from articleparse.model import Paragraph, Section
from articleparse.parser.content.numbering import MAX_LEVEL
from articleparse.parser.tokenizer import tokenize
from articleparse.serialize.text import walk_sections


@given(mixed_text)
def test_tokens_join_back_to_input(text: str) -> None:
    assert "".join(token.text for token in tokenize(text)) == text


@given(mixed_text)
def test_property_lossless_render(text: str) -> None:
    rendered = ap.render(ap.parse(text))
    assert rendered == text, visible_diff(text, rendered)


@given(mixed_text)
def test_property_json_round_trip(text: str) -> None:
    doc = ap.parse(text)
    assert ap.Article.model_validate_json(doc.model_dump_json()) == doc


@given(articles())
def test_property_tree_round_trip(doc: ap.Article) -> None:
    text = ap.render(doc)
    note(text)
    parsed = ap.parse(text)
    assert parsed.diagnostics == []
    assert without_source(parsed) == doc
    assert ap.render(parsed) == text


@given(mixed_text)
def test_property_diagnostics_have_positions(text: str) -> None:
    doc = ap.parse(text)
    lines = text.split("\n")
    for diagnostic in doc.diagnostics:
        assert diagnostic.code in ap.CODES
        assert diagnostic.severity == ap.CODES[diagnostic.code].severity
        assert diagnostic.message
        assert 1 <= diagnostic.line <= len(lines)
        assert 1 <= diagnostic.column <= len(lines[diagnostic.line - 1]) + 1
        assert 0 <= diagnostic.offset <= len(text)


@given(mixed_text)
def test_property_strict_raises_only_on_errors(text: str) -> None:
    doc = ap.parse(text)
    errors = [d for d in doc.diagnostics if d.severity == "error"]
    try:
        ap.parse(text, strict=True)
    except ap.ParseError as error:
        assert errors and error.diagnostics == doc.diagnostics
    else:
        assert not errors


@given(mixed_text)
def test_property_spans_point_at_node_text(text: str) -> None:
    doc = ap.parse(text)
    nodes = [*doc.preamble, *walk_sections(doc.sections), *doc.references, *doc.notes]
    for node in nodes:
        assert node.span is not None
        source = text[node.span.start : node.span.end]
        if isinstance(node, Paragraph):
            assert source == node.text
        elif isinstance(node, Section):
            assert source.endswith(node.title) and source.startswith(node.marker or "")
        else:
            assert source == node.label + node.text
        prefix = text[: node.span.start]
        assert node.span.line == prefix.count("\n") + 1
        assert node.span.column == node.span.start - (prefix.rfind("\n") + 1) + 1


@given(mixed_text)
def test_property_depth_is_bounded(text: str) -> None:
    doc = ap.parse(text)
    assert all(
        node.level <= MAX_LEVEL for node in walk_sections(doc.sections) if isinstance(node, Section)
    )


@given(articles(), st.data())
def test_property_edits_render(doc: ap.Article, data: st.DataObject) -> None:
    text = ap.render(doc)
    parsed = ap.parse(text)
    paragraphs = [*parsed.preamble]
    if not paragraphs:
        return
    index = data.draw(st.integers(0, len(paragraphs) - 1))
    old = paragraphs[index]
    new_text = data.draw(st.text(alphabet="新文本改写", min_size=1, max_size=10)) + "。"
    edited = parsed.model_copy(
        update={
            "preamble": [
                p if i != index else p.model_copy(update={"text": new_text})
                for i, p in enumerate(paragraphs)
            ]
        }
    )
    assert old.span is not None
    expected = text[: old.span.start] + new_text + text[old.span.end :]
    assert ap.render(edited) == expected
