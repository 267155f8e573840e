"""Near-duplicate detection: the labelled set's precision and recall, the command, the API."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from dedup_set import Item, labelled_set, pairwise
from hypothesis import given
from hypothesis import strategies as st

import articleparse as ap
from articleparse.corpus.dedup import Grouper, find_duplicates
from articleparse.corpus.fingerprint import Fingerprint
from articleparse.corpus.minhash import band_keys, comparable_text, signature

pytest.importorskip("datasketch")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "000_462883809ea3ad38.txt"


@pytest.fixture(scope="module")
def items() -> list[Item]:
    return labelled_set()


@pytest.fixture(scope="module")
def corpus(items: list[Item], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mirrors")
    for index, item in enumerate(items):
        (folder / f"{index:04d}.txt").write_text(item.text, encoding="utf-8")
    return folder


def _names(corpus: Path, items: list[Item]) -> dict[str, str]:
    return {str(corpus / f"{index:04d}.txt"): item.name for index, item in enumerate(items)}


def test_precision_and_recall_on_the_labelled_set(
    items: list[Item], capsys: pytest.CaptureFixture[str]
) -> None:
    results = list(find_duplicates([(i.name, i.text.encode()) for i in items], jobs=1))
    assert [r.path for r in results] == [i.name for i in items]
    groups = {r.path: r.group for r in results}
    precision, recall, correct, found, true = pairwise(groups, items)
    with capsys.disabled():
        copies = len(items) - len({i.origin for i in items})
        print(
            f"\ndedup on {len(items)} articles ({copies} copies): pairwise precision "
            f"{precision:.4f} ({correct}/{found}), recall {recall:.4f} ({correct}/{true})"
        )
    assert precision >= 0.99
    assert recall >= 0.95


def test_each_kind_of_copy_is_found(items: list[Item]) -> None:
    """Each mutation applied alone: at least nine copies in ten join their original."""
    results = {
        r.path: r for r in find_duplicates([(i.name, i.text.encode()) for i in items], jobs=1)
    }
    origins = {i.origin: i.name for i in items if ".copy" not in i.name}
    for kind in ("chrome", "traditional", "truncated", "rewrapped"):
        copies = [i for i in items if i.name.endswith(f"-{kind}.txt")]
        found = sum(results[c.name].group == results[origins[c.origin]].group for c in copies)
        assert found >= 0.9 * len(copies), (kind, found, len(copies))


def test_the_command_writes_one_line_per_input(corpus: Path, items: list[Item]) -> None:
    output = corpus.parent / "groups.jsonl"
    run = _dedup(str(corpus), "-o", str(output), "-j", "2")
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in output.read_text().splitlines()]
    names = _names(corpus, items)
    assert [line["path"] for line in lines] == sorted(names)
    assert set(lines[0]) == {"path", "group", "representative", "similarity", "error"}
    groups = {names[line["path"]]: line["group"] for line in lines}
    precision, recall, *_ = pairwise(groups, items)
    assert precision >= 0.99 and recall >= 0.95
    for line in lines:
        if line["path"] == line["representative"]:
            assert line["similarity"] in (1.0, None)
        else:
            assert line["similarity"] >= 0.8
    assert "group(s)" in run.stderr.decode()


def test_jobs_do_not_change_the_result(corpus: Path) -> None:
    one = [r.as_json() for r in find_duplicates(corpus, jobs=1)]
    two = [r.as_json() for r in find_duplicates(corpus, jobs=2)]
    assert one == two


def test_record_outputs_of_parse_are_inputs(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    folder = tmp_path / "in"
    folder.mkdir()
    text = SEED.read_text("utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("\n", "\n\n") + "\n其他网站的页脚", encoding="utf-8")
    (folder / "c.txt").write_text(_unrelated(), encoding="utf-8")
    records = tmp_path / "records.jsonl"
    parquet = tmp_path / "records.parquet"
    for target, extra in ((records, ["-f", "record", "--normalize"]), (parquet, ["-f", "parquet"])):
        run = subprocess.run(
            [sys.executable, "-m", "articleparse", "parse", str(folder), "-o", str(target), *extra],
            capture_output=True,
        )
        assert run.returncode == 0, run.stderr
    for source in (records, parquet, folder):
        results = list(find_duplicates(source, jobs=1))
        assert [Path(r.path).name for r in results] == ["a.txt", "b.txt", "c.txt"]
        assert [r.group for r in results] == [0, 0, 1]
        assert results[1].representative == results[0].path


def test_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED.read_text("utf-8"), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    assert _dedup(str(tmp_path / "a.txt"), "-o", str(output)).returncode == 0
    missing = _dedup(str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), "-o", str(output))
    assert missing.returncode == 1  # the run finished; one input could not be read
    lines = [json.loads(line) for line in output.read_text().splitlines()]
    assert lines[1]["error"].startswith("cannot read") and lines[1]["similarity"] is None
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"path": "x.txt", "text": "一些文字"}\n\nnot json\n', encoding="utf-8")
    run = _dedup(str(broken), "-o", "-")
    assert run.returncode == 1
    lines = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert lines[0]["path"] == "x.txt" and lines[0]["error"] is None
    assert lines[1]["path"].endswith("broken.jsonl:3") and "not a record" in lines[1]["error"]
    assert _dedup(str(broken), "-o", "-", "--threshold", "0").returncode == 2
    unwritable = _dedup(str(broken), "-o", str(tmp_path / "no" / "out.jsonl"))
    assert unwritable.returncode == 2 and b"cannot write" in unwritable.stderr
    assert not (tmp_path / "never.jsonl").exists()


def test_the_grouper_compares_with_representatives() -> None:
    grouper = Grouper()
    text = "".join(f"第{i}段文字描述了不同的内容和观点。" for i in range(60))
    whole, half = signature(text), signature(text[: len(text) * 2 // 3])
    other = signature(_unrelated())
    first = grouper.add(Fingerprint("whole", whole))
    cut = grouper.add(Fingerprint("cut", half))
    unrelated = grouper.add(Fingerprint("other", other))
    empty = grouper.add(Fingerprint("empty", None, 1, "no text"))
    assert (first.group, first.representative, first.similarity) == (0, "whole", 1.0)
    assert (cut.group, cut.representative) == (0, "whole") and cut.similarity is not None
    assert cut.similarity > 0.9
    assert (unrelated.group, unrelated.representative) == (1, "other")
    assert (empty.group, empty.similarity, empty.problem) == (2, None, "no text")
    assert grouper.groups == 3


def test_band_keys_are_the_same_in_every_process() -> None:
    text = SEED.read_text("utf-8")
    here = band_keys(text)
    code = "import sys, json; from articleparse.corpus.minhash import band_keys; print(json.dumps(band_keys(sys.stdin.read())))"
    there = subprocess.run(
        [sys.executable, "-c", code], input=text.encode(), capture_output=True, check=True
    )
    assert json.loads(there.stdout) == here
    assert len(here) == 32 and len(set(here)) == 32


@given(st.text(alphabet="他们的研究发现了新方法。，；：\n 　ＡＢ１2"), st.randoms())
def test_layout_and_punctuation_count_for_nothing(text: str, rng: random.Random) -> None:
    spaced = "".join(c + rng.choice(["", " ", "\n", "，", "　"]) for c in text)
    assert comparable_text(spaced) == comparable_text(text)


def _dedup(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "articleparse", "dedup", *args], capture_output=True
    )


def _unrelated() -> str:
    body = "".join(
        f"{i}年我们在山区调查了水稻种植的情况并记录了产量变化。" for i in range(1990, 2030)
    )
    return f"标题 | 山区水稻调查 |\n范文 | {body} |\n"


def test_the_signature_column_of_a_frame_of_records() -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from articleparse.corpus.arrow import records_table
    from articleparse.corpus.dedup import band_column, record_band_keys

    text = SEED.read_text("utf-8")
    copy = text.replace("\n", "\n\n").replace("标题 | ", "标题 | 转载：")
    records = [
        ap.to_record(ap.parse(text)),
        ap.to_record(ap.parse(copy), normalize=True),
        ap.to_record(ap.parse(_unrelated())),
    ]
    frame = records_table(records).to_pandas(types_mapper=pd.ArrowDtype)
    column = band_column(frame)
    assert list(column) == [record_band_keys(record) for record in records]
    assert column.iloc[0] == column.iloc[1]  # the same article's text, normalized or not
    exploded = frame.assign(dedup_bands=column).explode("dedup_bands")
    shared = exploded.groupby("dedup_bands")["path"].size()
    assert (shared == 2).sum() == 32 and (shared == 1).sum() == 32


def test_files_from_and_max_failures(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED.read_text("utf-8"), encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_text(f"{tmp_path / 'a.txt'}\n{tmp_path / 'gone.txt'}\n{tmp_path / 'gone2.txt'}\n")
    output = tmp_path / "out.jsonl"
    run = _dedup("--files-from", str(listing), "-o", str(output))
    assert run.returncode == 1
    assert len(output.read_text().splitlines()) == 3
    stopped = _dedup(
        "--files-from", str(listing), "--max-failures", "1", "-o", str(tmp_path / "x.jsonl")
    )
    assert stopped.returncode == 2 and b"--max-failures" in stopped.stderr
    assert not (tmp_path / "x.jsonl").exists()


def test_the_recipes_of_docs_corpus_md_run(tmp_path: Path) -> None:
    """The Python blocks of the normalize and dedup sections, run as written."""
    from corpus_files import write_corpus

    write_corpus(tmp_path / "corpus", 12, per_folder=6)
    text = (ROOT / "docs" / "corpus.md").read_text(encoding="utf-8")
    blocks = []
    for section in ("## Normalized copies", "## Near-duplicates"):
        start = text.index(section)
        part = text[start : text.find("\n## ", start + 1)]
        blocks += re.findall(r"```python\n(.*?)```", part, flags=re.DOTALL)
    assert len(blocks) == 3
    for code in blocks:
        script = tmp_path / "recipe.py"
        script.write_text(code, encoding="utf-8")
        run = subprocess.run(
            [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=300
        )
        assert run.returncode == 0, run.stderr
