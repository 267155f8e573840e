"""Fixture comparison: the tree-path diff shared by ``validate`` and the pytest plugin."""

from __future__ import annotations

import os
import shutil
import tracemalloc
from pathlib import Path

import pytest
from fixture_files import FIXTURES

from articleparse.corpus.validate import (
    MISSING,
    SHOWN_DIFFERENCES,
    Difference,
    check_fixture,
    diff_trees,
    expected_path,
    format_verdict,
)

SEED = FIXTURES / "seed" / "000_462883809ea3ad38.txt"


def test_expected_path_drops_an_encoding_suffix() -> None:
    assert expected_path(Path("a/x.txt")) == Path("a/x.json")
    assert expected_path(Path("a/x.gb18030.txt")) == Path("a/x.json")
    assert expected_path(Path("a/v1.2.txt")) == Path("a/v1.2.json")
    assert expected_path(Path("a/.gbk.txt")) == Path("a/.gbk.json")


def test_diff_names_paths_in_the_tree_in_document_order() -> None:
    expected = {"a": [1, {"b": "x"}], "c": {"key with space": 1}, "d": 1}
    got = {"a": [1, {"b": "y"}, 3], "c": {"key with space": 2}, "e": None}
    assert list(diff_trees(expected, got)) == [
        Difference("a[1].b", "x", "y"),
        Difference("a[2]", MISSING, 3),
        Difference('c["key with space"]', 1, 2),
        Difference("d", 1, MISSING),
        Difference("e", MISSING, None),
    ]
    assert list(diff_trees({"a": [1]}, {"a": [1]})) == []
    assert list(diff_trees(1, True)) == [Difference("(root)", 1, True)]


def test_diff_of_deep_trees_does_not_recurse() -> None:
    expected: dict[str, object] = {}
    got: dict[str, object] = {}
    left, right = expected, got
    for _ in range(5000):
        left["s"], right["s"] = {}, {}
        left, right = left["s"], right["s"]  # type: ignore[assignment]
    left["t"], right["t"] = 1, 2
    [difference] = diff_trees(expected, got)
    assert difference.path.endswith(".s.t")


def test_report_puts_content_before_positions_and_shows_where_long_text_differs(
    tmp_path: Path,
) -> None:
    text = SEED.read_text(encoding="utf-8")
    fixture = tmp_path / "seed.txt"
    fixture.write_text(text, encoding="utf-8")
    check_fixture(fixture, update=True)
    fixture.write_text(
        text.replace("导致基层党建缺乏生机", "导致基层党建缺少生机"), encoding="utf-8"
    )
    verdict = check_fixture(fixture)
    assert verdict.status == "differ"
    report = format_verdict(verdict).splitlines()
    assert report[0] == f"{fixture}: differs from seed.json"
    assert report[1].startswith("  sections[1].subsections[")
    assert report[1].endswith("].text")
    # A long text is shown around its first difference, not from its start.
    assert report[2].startswith("    expected: …") and "缺乏生机" in report[2]
    assert report[3].startswith("    got:      …") and "缺少生机" in report[3]
    assert len(report) == 4  # same length: no span moves


def test_report_summarises_position_differences_after_content(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    fixture = tmp_path / "seed.txt"
    fixture.write_text(text, encoding="utf-8")
    check_fixture(fixture, update=True)
    fixture.write_text(text.replace("思想认识 有些", "思想认识和观念 有些"), encoding="utf-8")
    report = format_verdict(check_fixture(fixture))
    assert "  sections[1].subsections[0].title\n" in report
    assert "difference(s) in positions" in report.splitlines()[-1]


def test_missing_expected_file_and_update(tmp_path: Path) -> None:
    fixture = tmp_path / "seed.txt"
    shutil.copy(SEED, fixture)
    assert check_fixture(fixture).status == "missing"
    assert check_fixture(fixture, update=True).ok
    assert check_fixture(fixture).status == "match"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.json", "seed.txt"]


def test_deeply_nested_expected_file_is_corrupt_not_a_crash(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "seed.txt")
    (tmp_path / "seed.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    verdict = check_fixture(tmp_path / "seed.txt")
    assert verdict.status == "corrupt"
    assert "expected file seed.json is not valid JSON: nested too deeply" in format_verdict(verdict)


WIDE_ITEMS = {"numbers": "0", "objects": "{}", "lists": "[]", "nested": "[[[[0]]]]"}


@pytest.mark.parametrize("shape", list(WIDE_ITEMS))
def test_a_wide_expected_file_costs_what_reading_it_costs(shape: str, tmp_path: Path) -> None:
    """Only the differences a report shows are kept (the rest are counted), so
    memory follows the expected file's own JSON, not the number of differences:
    at most 40 bytes per byte of the file for the widest shapes ('[[[[0]]]]',
    Python's JSON objects), and a few bytes per byte for a list of numbers."""
    fixture = tmp_path / "a.txt"
    fixture.write_text("标题 | 题 |\n范文 | 1引言 正文。 |\n", encoding="utf-8")
    items = 20_000
    expected = tmp_path / "a.json"
    expected.write_text(
        '{"boilerplate": [' + ",".join([WIDE_ITEMS[shape]] * items) + "]}", encoding="utf-8"
    )
    size = expected.stat().st_size
    check_fixture(fixture, max_bytes=size)  # parser tables and imports outside the count
    tracemalloc.start()
    try:
        verdict = check_fixture(fixture, max_bytes=size)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert verdict.status == "differ"
    assert len(verdict.differences) == SHOWN_DIFFERENCES
    assert verdict.counted == (items + 9, 0)  # the seed's boilerplate has 9 more entries
    assert peak / size < (10 if shape == "numbers" else 40)
    report = format_verdict(verdict).splitlines()
    assert report[-1] == f"  … and {items + 9 - SHOWN_DIFFERENCES} more difference(s)"


def test_links_leading_out_of_the_folder_are_refused(tmp_path: Path) -> None:
    """A fixture folder is data: a link in it to a file elsewhere is not read (its
    content would show in reports) and an expected file that is a link, a FIFO or
    a device is not written (the link's target would be overwritten)."""
    folder = tmp_path / "fixtures"
    folder.mkdir()
    text = "标题 | 题 |\n范文 | 1引言 正文。 |\n"
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "a.json").symlink_to("../victim.txt")
    written = check_fixture(folder / "a.txt", update=True)
    assert written.status == "unwritable"
    assert "it is a symbolic link (to ../victim.txt)" in format_verdict(written)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    checked = check_fixture(folder / "a.txt")
    assert checked.status == "corrupt" and "outside its folder" in checked.message
    (folder / "b.txt").symlink_to("../victim.txt")
    read = check_fixture(folder / "b.txt", update=True)
    assert read.status == "unreadable"
    assert format_verdict(read) == (
        f"{folder / 'b.txt'}: cannot read: a link to {victim}, outside its folder: fixture "
        "files are read only inside their folder (copy the file in instead of linking it)"
    )
    assert not (folder / "b.json").exists()
    # a link inside the folder is read, and the expected file written beside it
    (folder / "c.txt").symlink_to("a.txt")
    assert check_fixture(folder / "c.txt", update=True).ok
    assert check_fixture(folder / "c.txt").status == "match"
    assert sorted(p.name for p in folder.iterdir()) == [
        "a.json",
        "a.txt",
        "b.txt",
        "c.json",
        "c.txt",
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_expected_file_is_refused_without_waiting(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("标题 | 题 |\n范文 | 1引言 正文。 |\n", encoding="utf-8")
    os.mkfifo(tmp_path / "a.json")
    verdict = check_fixture(tmp_path / "a.txt", update=True)
    assert verdict.status == "unwritable"
    assert "cannot write a.json: not a regular file (a FIFO)" in format_verdict(verdict)
