"""What keeps a corpus run at the cost of parsing: shared fields sets, trees sent as plain
data, one decoding per file, the record and its JSON, and a worker pool that never
respawns. Speed itself is measured in benchmarks/, not here."""

from __future__ import annotations

import gc
import multiprocessing
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from corpus_files import write_corpus
from fixture_files import inputs
from hypothesis import given
from hypothesis import strategies as st
from pydantic_core import to_json

import articleparse as ap
from articleparse.corpus.batch import Input, cgroup_cpu_quota, default_jobs, ordered_map
from articleparse.corpus.many import ParseResult, parse_input
from articleparse.inputs import NotText, check_text, read_input
from articleparse.model import Article, Paragraph, Section
from articleparse.parser.trusted import from_plain, to_plain, trusted
from articleparse.serialize.record import Record, record_json, to_record
from articleparse.serialize.text import walk_sections

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), 120)


def _docs() -> list[Article]:
    return [ap.parse_file(path) for path in inputs()]


# ---------------------------------------------------------------- kept trees


def test_nodes_of_one_class_share_one_fields_set_that_names_every_field() -> None:
    doc = ap.parse_file(inputs()[0])
    paragraphs = [node for node in walk_sections(doc.sections) if isinstance(node, Paragraph)]
    assert len(paragraphs) > 1
    sets = {id(node.model_fields_set) for node in paragraphs}
    assert len(sets) == 1
    assert paragraphs[0].model_fields_set == set(Paragraph.model_fields)
    paragraphs[0].text = "改过的段落"  # assignment marks a field already marked: nothing changes
    assert paragraphs[1].model_fields_set == set(Paragraph.model_fields)
    copy = paragraphs[0].model_copy(update={"sep": "\n"})
    assert copy.model_fields_set is not paragraphs[0].model_fields_set


def test_a_kept_tree_holds_no_fields_set_of_its_own() -> None:
    """The cyclic collector walks every container a program keeps: a tree keeps none per node
    for its fields sets (a third of its containers before they were shared)."""
    doc = ap.parse_file(inputs()[0])
    gc.collect()
    shared = {id(cls_set) for cls_set in (trusted(Paragraph)(text="x").model_fields_set,)}
    found = []
    stack: list[Any] = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, Section | Paragraph):
            found.append(id(node.model_fields_set))
            stack.extend(getattr(node, "paragraphs", ()))
            stack.extend(getattr(node, "subsections", ()))
        elif isinstance(node, Article):
            stack.extend(node.sections)
    assert len(set(found)) <= 2 and shared & set(found)


# ---------------------------------------------------------------- plain data


def test_every_fixture_tree_comes_back_from_plain_data_the_same() -> None:
    for doc in _docs():
        again = pickle.loads(pickle.dumps(to_plain(doc), pickle.HIGHEST_PROTOCOL))
        rebuilt = from_plain(again)
        assert rebuilt == doc
        assert rebuilt.model_dump_json() == doc.model_dump_json()
        assert ap.render(rebuilt) == ap.render(doc)


def test_a_hand_built_node_keeps_the_fields_it_was_given() -> None:
    node = Section(number="1", title="引言", level=1)
    again = from_plain(pickle.loads(pickle.dumps(to_plain(node))))
    assert again == node
    assert again.model_fields_set == {"number", "title", "level"}
    assert again.model_dump(exclude_unset=True) == node.model_dump(exclude_unset=True)


def test_parse_results_pickle_with_their_tree_and_shared_diagnostics(corpus: Path) -> None:
    broken = ("broken.txt", "标题:某某\n正文\xff".encode("utf-8", "surrogateescape"))
    items = [Input(str(path)) for path in sorted(corpus.rglob("*.txt"))[:20]]
    items += [Input(*broken), Input(str(corpus / "missing.txt")), Input("nul.txt", b"a\x00b")]
    for item in items:
        result = parse_input(item)
        again: ParseResult = pickle.loads(pickle.dumps(result))
        assert again.article == result.article
        assert again.diagnostics == result.diagnostics
        if again.article is not None:
            assert again.diagnostics is again.article.diagnostics
        assert again.record() == result.record()
        for name in ("path", "error", "relative_path", "size", "sha256", "encoding", "unreadable"):
            assert getattr(again, name) == getattr(result, name)


def test_strict_results_pickle_their_diagnostics_without_a_tree() -> None:
    text = "标题:某某\n范文:一、甲\n三、乙\n".encode()
    result = parse_input(Input("bad.txt", text), strict=True)
    again = pickle.loads(pickle.dumps(result))
    assert again.diagnostics == result.diagnostics and again.error == result.error


# ---------------------------------------------------------------- decoded once


def _verdict_checked_first(data: bytes) -> str | None:
    try:
        check_text(data)
    except NotText as exc:
        return str(exc)
    return None


@given(st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("gb18030")))
def test_the_not_text_verdict_is_the_one_the_full_check_gives(data: bytes) -> None:
    result = parse_input(Input("x.txt", data))
    expected = _verdict_checked_first(data)
    if expected is not None:
        assert result.error == expected and result.article is None
    else:
        assert result.error is None and result.article == ap.parse_bytes(data)


def test_fixtures_and_marked_files_get_the_same_verdict_as_before() -> None:
    samples = [path.read_bytes() for path in inputs()]
    samples += [
        b"\xff\xfe" + "标题".encode("utf-16-le"),
        b"\xef\xbb\xbf" + "正文".encode(),
        b"\x00\x00\xfe\xff" + "正文".encode("utf-32-be"),
        "正文".encode("gbk") + b"\x80\x81\x01\x02\x03",
        b"",
    ]
    for data in samples:
        assert parse_input(Input("x.txt", data)).error == _verdict_checked_first(data)


def test_a_file_reads_whole_whatever_size_fstat_gives(tmp_path: Path) -> None:
    status = read_input("/proc/self/status", text=False)  # a regular file fstat says is empty
    assert b"Name:" in status
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 5000)
    assert read_input(str(path)) == b"x" * 5000
    assert read_input(str(path), None) == b"x" * 5000
    with pytest.raises(OSError, match="too large"):
        read_input(str(path), 4999)
    with pytest.raises(OSError, match="too large"):
        read_input("/proc/self/status", 10, text=False)


# ---------------------------------------------------------------- the record


def _reference_body(doc: Article) -> tuple[str, list[dict[str, Any]]]:
    """The record's text and section rows, built the obvious way."""
    lines: list[str] = [paragraph.text for paragraph in doc.preamble]
    rows: list[dict[str, Any]] = []
    for node in walk_sections(doc.sections):
        if isinstance(node, Section):
            lines.append(f"{node.number} {node.title}")
            end = len("\n".join(lines))
            rows.append(
                {
                    "number": node.number,
                    "title": node.title,
                    "level": node.level,
                    "start": end,
                    "end": end,
                    "text": None,
                }
            )
            first = True
        else:
            lines.append(node.text)
            end = len("\n".join(lines))
            if first:
                rows[-1]["start"] = end - len(node.text)
                first = False
            rows[-1]["end"] = end
    return "\n".join(lines), rows


def test_records_have_the_columns_of_record_in_order_and_the_text_rows_point_right() -> None:
    for doc in _docs():
        record = to_record(doc)
        assert tuple(record) == tuple(Record.model_fields)
        Record.model_validate(record)
        text, rows = _reference_body(doc)
        assert record["text"] == text
        assert record["sections"] == rows
        for row in to_record(doc, section_text=True)["sections"]:
            assert row["text"] == text[row["start"] : row["end"]]


def test_record_json_is_the_bytes_pydantic_core_writes(corpus: Path) -> None:
    docs = _docs() + [ap.parse_file(path) for path in sorted(corpus.rglob("*.txt"))]
    for doc in docs:
        for section_text in (False, True):
            record = to_record(doc, path="路径/a b.txt", section_text=section_text)
            assert record_json(record) == to_json(record)


@given(st.text(), st.dictionaries(st.text(), st.text(), max_size=3))
def test_record_json_writes_any_text_as_pydantic_core_does(
    text: str, extra: dict[str, str]
) -> None:
    record = {
        "text": text,
        "extra": [{"label": k, "value": v} for k, v in extra.items()],
        "n": len(text),
    }
    try:
        expected = to_json(record)
    except Exception as exc:  # a lone surrogate: both refuse it alike
        with pytest.raises(type(exc)):
            record_json(record)
        return
    assert record_json(record) == expected


# ---------------------------------------------------------------- workers


def test_cpu_quota_of_a_cgroup_bounds_the_default_jobs(tmp_path: Path) -> None:
    (tmp_path / "cpu.max").write_text("150000 100000\n")
    assert cgroup_cpu_quota(str(tmp_path)) == 2
    (tmp_path / "cpu.max").write_text("max 100000\n")
    assert cgroup_cpu_quota(str(tmp_path)) is None
    (tmp_path / "cpu.max").unlink()
    (tmp_path / "cpu").mkdir()
    (tmp_path / "cpu" / "cpu.cfs_quota_us").write_text("50000\n")
    (tmp_path / "cpu" / "cpu.cfs_period_us").write_text("100000\n")
    assert cgroup_cpu_quota(str(tmp_path)) == 1
    (tmp_path / "cpu" / "cpu.cfs_quota_us").write_text("-1\n")
    assert cgroup_cpu_quota(str(tmp_path)) is None
    assert cgroup_cpu_quota(str(tmp_path / "none")) is None
    assert default_jobs() >= 1


def _parse_many_in_a_pool_worker(folder: str) -> list[str | None]:
    return [result.sha256 for result in ap.parse_many(folder, jobs=2)]


def test_parse_many_in_a_daemonic_worker_stays_in_that_worker(corpus: Path) -> None:
    with multiprocessing.get_context("fork").Pool(1) as pool:
        (hashes,) = pool.map(_parse_many_in_a_pool_worker, [str(corpus)])
    assert hashes == [result.sha256 for result in ap.parse_many(corpus, jobs=1)]


def _square(number: int) -> int:
    return number * number


def test_ordered_map_with_one_chunk_per_worker_keeps_order() -> None:
    assert list(ordered_map(_square, range(50), 2, chunk_size=3)) == [n * n for n in range(50)]


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_a_script_without_a_main_guard_never_respawns_workers(
    tmp_path: Path, corpus: Path, method: str
) -> None:
    script = tmp_path / "unguarded.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import multiprocessing
            multiprocessing.set_start_method({method!r}, force=True)
            import articleparse as ap
            results = list(ap.parse_many({str(corpus)!r}, jobs=2))
            print("results", len(results))
            """
        )
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path
    )
    # The pool forks its workers whatever start method the script set: they never
    # import the script, so it runs once, to the end, and no worker starts again.
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("results") == 1
