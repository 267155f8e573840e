"""The flat corpus record: ``ap.to_record`` and its schema, the ``Record`` model."""

from __future__ import annotations

import json

from fixture_files import FIXTURES

import articleparse as ap
from articleparse.model import Paragraph, Section
from articleparse.serialize.record import Record, failed_record, plain_text

SEED = FIXTURES / "seed" / "000_462883809ea3ad38.txt"


def test_record_of_the_seed() -> None:
    doc = ap.parse_file(SEED)
    record = ap.to_record(doc, path="seed.txt")
    assert list(record) == list(Record.model_fields)
    assert record["path"] == "seed.txt"
    assert record["encoding"] == "utf-8"
    assert record["title"] == "加强和创新基层党建工作探讨"
    assert record["keywords"] == ["基层党建", "理念", "机制", "方法", "栽体"]
    assert record["clc"] == ["D267"]
    numbers = [(row["number"], row["level"]) for row in record["sections"]]
    assert numbers[:4] == [("0", 1), ("1", 1), ("1.1", 2), ("1.2", 2)]
    first = doc.sections[0]
    row = record["sections"][0]
    assert row["title"] == first.title
    assert record["text"][row["start"] : row["end"]] == "\n".join(p.text for p in first.paragraphs)
    assert row["text"] is None  # the body text is stored once, in record["text"]
    assert (
        ap.to_record(doc, section_text=True)["sections"][0]["text"]
        == record["text"][row["start"] : row["end"]]
    )
    assert record["status"] == "ok" and record["parser_version"] == ap.__version__


def test_record_is_valid_json_for_its_own_schema() -> None:
    record = ap.to_record(ap.parse_file(SEED))
    assert (
        Record.model_validate_json(json.dumps(record, ensure_ascii=False)).model_dump(mode="json")
        == record
    )
    schema = Record.model_json_schema()
    assert set(schema["properties"]) == set(record)


def test_record_is_flat() -> None:
    """Scalars, lists of strings, and lists of small objects of scalars: nothing deeper."""
    record = ap.to_record(ap.parse_file(SEED))
    for key, value in record.items():
        if isinstance(value, list):
            for item in value:
                assert isinstance(item, str | dict), key
                if isinstance(item, dict):
                    assert all(not isinstance(v, dict | list) for v in item.values()), key
        else:
            assert value is None or isinstance(value, str | int), key


def test_plain_text_is_preamble_headings_and_paragraphs_one_per_line() -> None:
    doc = ap.Article(
        preamble=[Paragraph(text="前言。")],
        sections=[
            Section(
                number="1",
                title="背景",
                level=1,
                paragraphs=[Paragraph(text="第一段。"), Paragraph(text="第二段。")],
                subsections=[Section(number="1.1", title="现状", level=2)],
            )
        ],
    )
    assert plain_text(doc) == "前言。\n1 背景\n第一段。\n第二段。\n1.1 现状"
    record = ap.to_record(doc, section_text=True)
    assert record["sections"] == [
        {
            "number": "1",
            "title": "背景",
            "level": 1,
            "start": 9,
            "end": 18,
            "text": "第一段。\n第二段。",
        },
        {"number": "1.1", "title": "现状", "level": 2, "start": 25, "end": 25, "text": ""},
    ]
    assert record["encoding"] is None and record["error"] is None


def test_extra_fields_become_label_value_rows() -> None:
    doc = ap.Article(metadata=ap.Metadata(extra={"责任编辑": "张三"}))
    assert ap.to_record(doc)["extra"] == [{"label": "责任编辑", "value": "张三"}]


def test_failed_record_says_where_and_why() -> None:
    record = failed_record("gone.txt", "cannot read: No such file or directory")
    assert Record.model_validate(record).error == "cannot read: No such file or directory"
    assert record["path"] == "gone.txt"
    assert record["status"] == "error"
    assert record["sections"] == [] and record["title"] is None
