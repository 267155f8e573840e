"""The shipped JSON Schema matches the model, and parsed articles conform to it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from strategies import articles, mixed_text

import articleparse as ap
from articleparse.schema import SCHEMA_ID, article_schema, check, main, schema_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "docs" / "article.schema.json"
SEED = ROOT / "fixtures" / "seed" / "000_462883809ea3ad38.txt"
SEED_JSON = SEED.with_suffix(".json")

VALIDATOR = jsonschema.Draft202012Validator(article_schema())


def _errors(instance: object) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
        for error in VALIDATOR.iter_errors(instance)
    ]


def test_shipped_schema_matches_the_model() -> None:
    stored = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert stored == article_schema(), (
        "docs/article.schema.json is out of date: "
        "run python -m articleparse.schema --write docs/article.schema.json"
    )


def test_shipped_schema_is_the_generated_text() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(article_schema())


def test_schema_records_id_title_and_version() -> None:
    schema = article_schema()
    assert schema["$id"] == SCHEMA_ID
    assert schema["title"] == "Article"
    assert schema["x-schema-version"] == ap.SCHEMA_VERSION
    assert schema["properties"]["schema_version"]["const"] == ap.SCHEMA_VERSION


def test_seed_parses_to_conforming_json() -> None:
    doc = ap.parse_file(SEED)
    assert _errors(json.loads(doc.model_dump_json())) == []


def test_stored_seed_json_conforms() -> None:
    assert _errors(json.loads(SEED_JSON.read_text(encoding="utf-8"))) == []


def test_diagnostics_and_undecoded_bytes_conform() -> None:
    data = "标题 | 题".encode() + b"\xff" + "\n范文 | 1引言 正文。 1.3结论".encode()
    doc = ap.parse_bytes(data)
    assert {d.code for d in doc.diagnostics} >= {"decode-invalid-bytes", "row-unterminated"}
    assert doc.source.undecoded
    assert _errors(json.loads(doc.model_dump_json())) == []


@pytest.mark.parametrize(
    ("path", "value", "fragment"),
    [
        (("schema_version",), 2, "1 was expected"),
        (("sections", 0, "level"), 0, "minimum"),
        (("layout", 0, "kind"), "row", "not valid under any"),
        (("metadata", "colour"), "red", "Additional properties"),
    ],
)
def test_schema_rejects_what_the_model_rejects(
    path: tuple[str | int, ...], value: object, fragment: str
) -> None:
    instance = json.loads(ap.parse_file(SEED).model_dump_json())
    target = instance
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    errors = _errors(instance)
    assert any(fragment in error for error in errors), errors
    with pytest.raises(ValueError):
        ap.Article.model_validate(instance)


@settings(max_examples=60)
@given(mixed_text)
def test_property_any_parse_conforms(text: str) -> None:
    assert _errors(json.loads(ap.parse(text).model_dump_json())) == []


@settings(max_examples=60)
@given(articles())
def test_property_built_trees_conform(doc: ap.Article) -> None:
    assert _errors(json.loads(doc.model_dump_json())) == []


def test_command_line_check_and_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check", str(SCHEMA_FILE)]) == 0
    written = tmp_path / "schema.json"
    assert main(["--write", str(written)]) == 0
    assert written.read_text(encoding="utf-8") == schema_text()
    assert check(written) is None
    stale = json.loads(schema_text())
    stale["x-schema-version"] = 0
    written.write_text(json.dumps(stale), encoding="utf-8")
    assert main(["--check", str(written)]) == 1
    assert "does not match the model" in capsys.readouterr().err
    assert check(tmp_path / "missing.json") is not None
    assert main([]) == 0
    assert json.loads(capsys.readouterr().out) == article_schema()
