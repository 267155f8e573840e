"""normalize(): the normalized view of text, and the records' normalized_* columns."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import articleparse as ap
from articleparse.corpus.arrow import record_arrow_schema, records_table
from articleparse.serialize.record import Record

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "000_462883809ea3ad38.txt"
TRADITIONAL = ROOT / "fixtures" / "variants" / "010_traditional_village_trad_labels.txt"
NORMALIZED = ("normalized_title", "normalized_abstract", "normalized_keywords", "normalized_text")


def test_the_example_of_the_api() -> None:
    assert ap.normalize("關(guān)鍵詞 技術(shù)ＡＢＣ１２３") == "关键词 技术ABC123"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中圖(tú)分類號", "中图分类号"),
        ("關（guān）鍵", "关键"),  # full-width parentheses
        ("鍵(jian4)盤", "键盘"),  # a tone digit
        ("綠(lǜ)色", "绿色"),  # ü with its tone
        ("處理器(CPU)", "处理器(CPU)"),  # no syllable: kept
        ("如圖(a)所示", "如图(a)所示"),  # no tone: kept
        ("系數(a1)", "系数(a1)"),  # a label, not a syllable with a tone digit
        ("函數(max)", "函数(max)"),
        ("見(guān)", "见"),
        ("。(guān)", "。(guān)"),  # not after a Han character
        ("A(guān)", "A(guān)"),
        ("關 (guān)", "关 (guān)"),  # not right after it
        ("ＧＤＰ增長１２％", "GDP增长12％"),  # letters and digits fold, the percent sign stays
        ("摘要：測試，結果；討論。（一）", "摘要：测试，结果；讨论。（一）"),  # punctuation kept
        ("　　縮進", "　　缩进"),  # ideographic spaces kept
        ("", ""),
        ("plain ascii (a) [1]", "plain ascii (a) [1]"),
        ("我們\r\n關鍵詞", "我们\r\n关键词"),
    ],
)
def test_cases(text: str, expected: str) -> None:
    assert ap.normalize(text) == expected


def test_refuses_what_is_not_text() -> None:
    with pytest.raises(TypeError):
        ap.normalize(b"bytes")  # type: ignore[arg-type]


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_ascii_text_is_left_alone(text: str) -> None:
    assert ap.normalize(text) == text


_CJK_TEXT = st.text(
    alphabet=st.sampled_from(
        list("關鍵詞技術們國學習發展經濟這個說話長門開問題(guān)（）ＡＢ１２，。；：\n \r　ab1")
    )
)


@given(_CJK_TEXT)
def test_lines_and_punctuation_stay(text: str) -> None:
    result = ap.normalize(text)
    assert result.splitlines() == [ap.normalize(line) for line in text.splitlines()]
    for mark in "，。；：\n\r　":
        assert result.count(mark) == text.count(mark)


@given(_CJK_TEXT)
def test_idempotent(text: str) -> None:
    once = ap.normalize(text)
    assert ap.normalize(once) == once


# ------------------------------------------------------------------ the record columns


def test_records_leave_the_columns_null_unless_asked() -> None:
    doc = ap.parse(SEED.read_text("utf-8"))
    record = ap.to_record(doc)
    assert all(record[name] is None for name in NORMALIZED)
    Record.model_validate(record)


def test_records_carry_normalized_copies_when_asked() -> None:
    text = TRADITIONAL.read_text("utf-8")
    doc = ap.parse(text)
    record = ap.to_record(doc, normalize=True)
    Record.model_validate(record)
    assert record["normalized_title"] == ap.normalize(record["title"])
    assert record["normalized_abstract"] == ap.normalize(record["abstract"])
    assert record["normalized_keywords"] == [ap.normalize(k) for k in record["keywords"]]
    assert record["normalized_text"] == ap.normalize(record["text"])
    assert record["normalized_text"] != record["text"]  # the variant has traditional text
    assert ap.render(doc) == text  # the tree is untouched


def test_the_arrow_schema_types_the_columns() -> None:
    pa = pytest.importorskip("pyarrow")
    schema = record_arrow_schema()
    assert schema.field("normalized_text").type == pa.string()
    assert schema.field("normalized_text").nullable
    assert schema.field("normalized_keywords").type == pa.list_(
        pa.field("element", pa.string(), nullable=False)
    )
    doc = ap.parse(SEED.read_text("utf-8"))
    table = records_table([ap.to_record(doc), ap.to_record(doc, normalize=True)])
    assert table.column("normalized_keywords").to_pylist()[0] is None
    assert table.column("normalized_keywords").to_pylist()[1] == doc.metadata.keywords


def test_parse_many_option() -> None:
    data = TRADITIONAL.read_bytes()
    (plain,) = ap.parse_many([("a.txt", data)], jobs=1)
    (normalized,) = ap.parse_many([("a.txt", data)], jobs=1, normalize=True)
    assert plain.record()["normalized_text"] is None
    assert normalized.record()["normalized_text"] == ap.normalize(plain.record()["text"])
    assert normalized.record(normalize=False)["normalized_text"] is None


def test_the_command_line_option(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "articleparse", "parse", "-f", "record", str(TRADITIONAL)]
    plain = json.loads(subprocess.run(command, capture_output=True, check=True).stdout)
    command.append("--normalize")
    normalized = json.loads(subprocess.run(command, capture_output=True, check=True).stdout)
    assert plain["normalized_text"] is None
    assert normalized["normalized_text"] == ap.normalize(plain["text"])
    assert {k: v for k, v in normalized.items() if k not in NORMALIZED} == {
        k: v for k, v in plain.items() if k not in NORMALIZED
    }
