"""``parse`` pauses the cyclic garbage collector; it must leave nothing for it to do."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from fixture_files import inputs
from hypothesis import given
from strategies import mixed_text

import articleparse as ap


@pytest.fixture
def collector_off() -> Iterator[None]:
    """The collector disabled for the test, and restored after it."""
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    yield
    if was_enabled:
        gc.enable()


def test_parse_restores_the_collector() -> None:
    assert gc.isenabled()
    ap.parse("标题 | 题 |\n范文 | 1引言 正文。 |\n")
    assert gc.isenabled()
    gc.disable()
    try:
        ap.parse("标题 | 题 |\n范文 | 1引言 正文。 |\n")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_parse_restores_the_collector_when_strict_raises() -> None:
    with pytest.raises(ap.ParseError):
        ap.parse("范文 | 1引言 正文。", strict=True)
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_off")
def test_fixtures_leave_no_cyclic_garbage() -> None:
    docs = [ap.parse_file(path) for path in inputs()]
    del docs
    assert gc.collect() == 0


@given(mixed_text)
def test_property_parse_leaves_no_cyclic_garbage(text: str) -> None:
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        doc = ap.parse(text)
        del doc
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()
