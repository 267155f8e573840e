"""Parsing is a pure function of one file: results and the function itself pickle (design.md §7)."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor

from fixture_files import inputs

import articleparse as ap


def test_parsed_trees_pickle_and_compare_equal() -> None:
    for path in inputs():
        doc = ap.parse_file(path)
        again = pickle.loads(pickle.dumps(doc))
        assert again == doc
        assert ap.render(again) == ap.render(doc)


def test_parse_runs_in_worker_processes() -> None:
    texts = [
        path.read_text(encoding="utf-8-sig") for path in inputs() if "gb18030" not in path.name
    ][:6]
    with ProcessPoolExecutor(max_workers=2) as pool:
        docs = list(pool.map(ap.parse, texts))
    assert docs == [ap.parse(text) for text in texts]
