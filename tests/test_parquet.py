"""The record's fixed Arrow schema and Parquet output, read back by the tools people use."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as pa_dataset
import pyarrow.parquet as pq
import pytest
from corpus_files import SEED, corpus_paths, write_corpus

import articleparse as ap
from articleparse.corpus.arrow import json_lines_table, records_table
from articleparse.corpus.outputs import ParquetWriter
from articleparse.serialize.record import record_schema

_SCRIPT = Path(sys.executable).parent / "articleparse"
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "articleparse"]

# Two outputs whose null columns differ: DOI, an unknown label, keywords and a heading in one only.
RICH = "标题 | 第一篇 |\n责任编辑 | 李四 |\n范文 | 张三 摘要:这是摘要。 关键词:甲;乙 DOI:10.1000/xyz 1引言 正文。 |\n"
BARE = "标题 | 第二篇 |\n范文 | 正文只有一段。 |\n"


def run(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*COMMAND, *map(str, args)], capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """out/rich.parquet, out/bare.parquet, and the same records as JSON Lines in jsonl/ beside out/."""
    base = tmp_path_factory.mktemp("two")
    for name, text in (("rich", RICH), ("bare", BARE)):
        (base / name).mkdir()
        (base / name / f"{name}.txt").write_text(text, encoding="utf-8")
    out = base / "out"
    out.mkdir()
    (base / "jsonl").mkdir()
    for name in ("rich", "bare"):
        assert (
            run("parse", base / name, "-f", "parquet", "-o", out / f"{name}.parquet").returncode
            == 0
        )
        assert (
            run(
                "parse", base / name, "-f", "record", "-o", out.parent / "jsonl" / f"{name}.jsonl"
            ).returncode
            == 0
        )
    return out


def _strip(schema: pa.Schema) -> pa.Schema:
    return schema.remove_metadata()


def test_each_file_holds_the_fixed_schema_whatever_is_null(outputs: Path) -> None:
    rich = pq.read_table(outputs / "rich.parquet")
    bare = pq.read_table(outputs / "bare.parquet")
    schema = ap.record_arrow_schema()
    assert _strip(rich.schema) == _strip(bare.schema) == _strip(schema)
    assert rich.column("doi").to_pylist() == [ap.parse(RICH).metadata.doi] != [None]
    assert bare.column("doi").to_pylist() == [None]
    assert bare.schema.field("doi").type == pa.string()
    assert bare.schema.field("extra").type == schema.field("extra").type
    assert pa.types.is_struct(bare.schema.field("extra").type.value_type)
    assert bare.schema.field("keywords").type == pa.list_(
        pa.field("element", pa.string(), nullable=False)
    )


def test_a_folder_of_outputs_reads_as_one_table(outputs: Path) -> None:
    dataset = pa_dataset.dataset(outputs, format="parquet")
    table = dataset.to_table()
    assert sorted(table.column("title").to_pylist()) == ["第一篇", "第二篇"]
    frame = pd.read_parquet(outputs, engine="pyarrow")
    assert sorted(frame["title"]) == ["第一篇", "第二篇"]
    rows = duckdb.sql(
        f"select title, doi, len(extra) as extra, len(keywords) as keywords "
        f"from read_parquet('{outputs}/*.parquet') order by title"
    ).fetchall()
    rich = ap.to_record(ap.parse(RICH))
    assert rich["doi"] and rich["extra"] and rich["keywords"]  # the columns that differ
    assert rows == [
        ("第一篇", rich["doi"], len(rich["extra"]), len(rich["keywords"])),
        ("第二篇", None, 0, 0),
    ]


def test_datasets_loads_the_parquet_and_the_json_lines(
    outputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    import datasets

    files = [str(outputs / "bare.parquet"), str(outputs / "rich.parquet")]  # the all-null one first
    table = datasets.load_dataset(
        "parquet", data_files=files, split="train", cache_dir=str(tmp_path / "c1")
    )
    assert sorted(table["title"]) == ["第一篇", "第二篇"]
    features = datasets.Features.from_arrow_schema(ap.record_arrow_schema())
    lines = [
        str(outputs.parent / "jsonl" / "bare.jsonl"),
        str(outputs.parent / "jsonl" / "rich.jsonl"),
    ]
    loaded = datasets.load_dataset(
        "json", data_files=lines, features=features, split="train", cache_dir=str(tmp_path / "c2")
    )
    assert loaded["doi"] == [None, ap.parse(RICH).metadata.doi]
    assert loaded["extra"][1] == ap.to_record(ap.parse(RICH))["extra"] != []


def test_json_lines_read_with_the_schema_match_the_parquet(outputs: Path) -> None:
    for name in ("rich", "bare"):
        lines = (outputs.parent / "jsonl" / f"{name}.jsonl").read_bytes()
        assert json_lines_table(lines).equals(
            pq.read_table(outputs / f"{name}.parquet").cast(ap.record_arrow_schema())
        )


_JSON_TYPES = {"string": pa.string(), "integer": pa.int64()}


def _json_type(prop: dict[str, Any], defs: dict[str, Any]) -> tuple[pa.DataType, bool]:
    """The Arrow type a JSON Schema property describes, and whether null is allowed."""
    if "anyOf" in prop:
        kinds = [option for option in prop["anyOf"] if option.get("type") != "null"]
        assert len(kinds) == 1
        return _json_type(kinds[0], defs)[0], True
    if "$ref" in prop:
        model = defs[prop["$ref"].rsplit("/", 1)[1]]
        fields = []
        for name, inner in model["properties"].items():
            kind, nullable = _json_type(inner, defs)
            fields.append(pa.field(name, kind, nullable=nullable))
        return pa.struct(fields), False
    if prop.get("type") == "array":
        item, _ = _json_type(prop["items"], defs)
        return pa.list_(pa.field("element", item, nullable=False)), False
    if "const" in prop or "enum" in prop:
        values = [prop["const"]] if "const" in prop else prop["enum"]
        return (pa.int64() if isinstance(values[0], int) else pa.string()), False
    return _JSON_TYPES[prop["type"]], False


def test_the_json_schema_of_the_record_says_what_the_arrow_schema_says() -> None:
    schema = record_schema()
    arrow = ap.record_arrow_schema()
    assert list(schema["properties"]) == arrow.names
    for field in arrow:
        kind, nullable = _json_type(schema["properties"][field.name], schema.get("$defs", {}))
        assert kind == field.type, field.name
        assert nullable == field.nullable, field.name
    assert (
        arrow.metadata[b"articleparse.record_version"] == str(schema["x-record-version"]).encode()
    )


def test_schema_arrow_prints_the_schema() -> None:
    result = run("schema", "--arrow")
    assert result.returncode == 0
    assert (
        result.stdout.decode()
        == ap.record_arrow_schema().to_string(show_schema_metadata=True) + "\n"
    )


def test_parquet_is_written_in_row_groups_as_records_come_zstd(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 120)
    records = [r.record() for r in ap.parse_many(corpus, jobs=1)]
    stream = io.BytesIO()
    writer = ParquetWriter(stream, row_group_rows=50)
    for record in records:
        writer.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
        assert len(writer._pending) < 50  # never more than one row group held
    writer.close()
    parquet = pq.ParquetFile(io.BytesIO(stream.getvalue()))
    assert parquet.num_row_groups == 3
    assert parquet.metadata.row_group(0).column(0).compression == "ZSTD"
    assert parquet.read().equals(records_table(records).cast(parquet.schema_arrow))
    assert parquet.read().column("path").to_pylist() == corpus_paths(corpus)


def test_parquet_needs_a_file_and_says_so() -> None:
    result = run("parse", SEED, "-f", "parquet")
    assert result.returncode == 2
    assert b"pass -o FILE or --output-dir DIR" in result.stderr


def test_a_missing_pyarrow_is_a_clear_message(tmp_path: Path) -> None:
    """With pyarrow hidden from the import system, -f parquet explains how to install it."""
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text(
        "import sys\n"
        "class _Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'pyarrow' or name.startswith('pyarrow.'):\n"
        "            raise ImportError('blocked')\n"
        "sys.meta_path.insert(0, _Block())\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "articleparse",
            "parse",
            SEED,
            "-f",
            "parquet",
            "-o",
            tmp_path / "x.parquet",
        ],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert b"pip install 'articleparse[parquet]'" in result.stderr
    assert not (tmp_path / "x.parquet").exists()


def test_docs_corpus_md_describes_every_column() -> None:
    text = (Path(__file__).resolve().parent.parent / "docs" / "corpus.md").read_text(
        encoding="utf-8"
    )
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    described = {
        name for line in rows for name in re.findall(r"`([a-z_0-9]+)`", line.split("|")[1])
    }
    assert set(ap.record_arrow_schema().names) == described
