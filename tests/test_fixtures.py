"""Every fixture parses to its expected JSON and renders back to its exact bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_files import REGENERATE, dump, expected_path, inputs, visible_diff

import articleparse as ap

FILES = inputs()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_fixture_matches_expected_json(path: Path) -> None:
    doc = ap.parse_file(path)
    got = dump(doc.model_dump(mode="json"))
    target = expected_path(path)
    if REGENERATE:
        target.write_text(got, encoding="utf-8")
        pytest.fail(f"regenerated {target.name}; run again without ARTICLEPARSE_REGEN")
    assert target.exists(), (
        f"{target} missing: run ARTICLEPARSE_REGEN=1 pytest tests/test_fixtures.py"
    )
    expected = target.read_text(encoding="utf-8")
    assert got == expected, visible_diff(expected, got)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_fixture_renders_original_bytes(path: Path) -> None:
    original = path.read_bytes()
    doc = ap.parse_file(path)
    assert (
        ap.encode_original(ap.render(doc), doc.source.encoding or "utf-8", doc.source.undecoded)
        == original
    )


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_fixture_json_round_trip(path: Path) -> None:
    doc = ap.parse_file(path)
    assert ap.Article.model_validate_json(doc.model_dump_json()) == doc


def test_there_are_fixtures() -> None:
    assert len(FILES) >= 1
    assert all(expected_path(p).exists() or REGENERATE for p in FILES)
