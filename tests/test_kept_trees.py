"""Finished trees leave the cyclic collector's lists (articleparse.collector), however they
are made (parse, parse_bytes, parse_file, parse_many in this process or in workers), and
stay ordinary trees: freed when dropped, editable, equal to what pydantic validates."""

from __future__ import annotations

import gc
import os
import pickle
import weakref
from pathlib import Path
from typing import Any

import pytest
from corpus_files import write_corpus
from fixture_files import inputs
from hypothesis import given
from pydantic import BaseModel
from strategies import mixed_text

import articleparse as ap
from articleparse.collector import UNTRACKING, untrack_tree
from articleparse.corpus.batch import ordered_map
from articleparse.model import Article, Paragraph

needs_helper = pytest.mark.skipif(
    not UNTRACKING, reason="the C helper runs with the compiled build"
)


def _containers(tree: Any) -> list[Any]:
    """Every node, field dict, list, dict and tuple of ``tree``."""
    found: list[Any] = []
    stack = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, BaseModel):
            found += [item, item.__dict__]
            stack.extend(item.__dict__.values())
        elif isinstance(item, list | tuple):
            found.append(item)
            stack.extend(item)
        elif isinstance(item, dict):
            found.append(item)
            stack.extend(item.values())
    return found


def _tracked(tree: Any) -> list[str]:
    return [type(item).__name__ for item in _containers(tree) if gc.is_tracked(item)]


def test_the_compiled_build_untracks() -> None:
    if ap.COMPILED:
        assert UNTRACKING, "the compiled build comes with the C helper"


@needs_helper
def test_every_entry_point_gives_an_untracked_tree(tmp_path: Path) -> None:
    path = inputs()[0]
    data = path.read_bytes()
    for doc in (ap.parse(data.decode("utf-8")), ap.parse_bytes(data), ap.parse_file(path)):
        assert len(_containers(doc)) > 50
        assert _tracked(doc) == []


@needs_helper
@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_many_results_hold_untracked_trees(tmp_path: Path, jobs: int) -> None:
    folder = write_corpus(tmp_path / "corpus", 140)  # three chunks: workers send some back
    results = list(ap.parse_many(folder, jobs=jobs))
    assert len(results) == 140
    for result in results:
        assert result.article is not None
        assert _tracked(result.article) == []
        assert _tracked(result.diagnostics) == []


@needs_helper
def test_an_untracked_tree_is_freed_when_dropped() -> None:
    doc = ap.parse_file(inputs()[0])
    watched = [weakref.ref(doc), weakref.ref(doc.sections[0]), weakref.ref(doc.metadata)]
    gc.disable()  # reference counting alone frees it
    try:
        del doc
        assert [ref() for ref in watched] == [None, None, None]
    finally:
        gc.enable()


@needs_helper
def test_an_untracked_tree_stays_an_ordinary_tree() -> None:
    doc = ap.parse_file(inputs()[0])
    again = Article.model_validate(doc.model_dump())
    assert doc == again
    doc.sections[0].paragraphs.append(Paragraph(text="加上的一段。"))
    doc.metadata.extra["新的"] = "值"
    doc.metadata.title = "新题目"
    assert doc.sections[0].paragraphs[-1].text == "加上的一段。"
    assert pickle.loads(pickle.dumps(doc)) == doc
    assert doc.model_copy(deep=True) == doc
    assert Article.model_validate_json(doc.model_dump_json()) == doc


@needs_helper
def test_only_the_tree_is_untracked() -> None:
    class Other:
        pass

    other = Other()
    outside = [other]
    tree = [Paragraph(text="一"), {"key": [Paragraph(text="二")]}, (outside,), other]
    untrack_tree(tree)
    assert not gc.is_tracked(tree) and not gc.is_tracked(tree[1]) and not gc.is_tracked(tree[2])
    assert not gc.is_tracked(tree[0]) and not gc.is_tracked(outside)
    assert gc.is_tracked(other)  # no node, list, dict or tuple: left as it was
    assert gc.is_tracked(Paragraph) and gc.is_tracked(Other)  # classes are never touched


@needs_helper
def test_the_helper_wants_a_class() -> None:
    from articleparse._native import untrack

    with pytest.raises(TypeError):
        untrack([], "BaseModel")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        untrack([])  # type: ignore[call-arg]
    assert untrack([[], [1]], BaseModel) == 3  # a new empty dict is untracked already


def test_untrack_tree_takes_anything() -> None:
    for value in (None, "text", 3, [], {}, Paragraph(text="一")):
        untrack_tree(value)


@given(mixed_text)
def test_property_parsed_trees_are_untracked_and_leave_no_garbage(text: str) -> None:
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        doc = ap.parse(text)
        if UNTRACKING:
            assert _tracked(doc) == []
        del doc
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()


# ---------------------------------------------------------------- nodes made in C


@needs_helper
def test_a_node_made_in_c_is_the_node_trusted_makes() -> None:
    from articleparse import native
    from articleparse.parser.trusted import trusted, trusted_node
    from articleparse.spans import Span

    assert native.new_node is not None
    fields = {
        "text": "一段。",
        "sep": "\n",
        "span": trusted_node(Span, {"start": 0, "end": 3, "line": 1, "column": 1}),
    }
    made = trusted_node(Paragraph, dict(fields))
    expected = trusted(Paragraph)(**fields)
    assert type(made) is Paragraph and made == expected
    assert made.model_dump_json() == expected.model_dump_json()
    assert made.model_fields_set == expected.model_fields_set == set(Paragraph.model_fields)
    assert made.__pydantic_extra__ is None and made.__pydantic_private__ is None
    assert list(made.__dict__) == list(Paragraph.model_fields)
    assert Paragraph.model_validate(made.model_dump()) == made


@needs_helper
def test_the_c_constructor_refuses_what_is_no_model() -> None:
    from articleparse import native

    assert native.new_node is not None
    with pytest.raises(TypeError):
        native.new_node(dict, {}, set())
    with pytest.raises(TypeError):
        native.new_node(Paragraph, [("text", "x")], set())  # type: ignore[arg-type]


# ---------------------------------------------------------------- workers


def _freeze_count(item: int) -> tuple[int, int]:
    return os.getpid(), gc.get_freeze_count()


def test_workers_freeze_what_they_inherit() -> None:
    """A worker's collections never walk the heap it inherited from its parent."""
    results = list(ordered_map(_freeze_count, range(200), 2, chunk_size=10))
    counts = {count for pid, count in results if pid != os.getpid()}
    assert counts and all(count > 0 for count in counts)
    assert gc.get_freeze_count() == 0  # this process freezes nothing
