"""The documentation keeps up with the code: generated tables, codes, models and fields."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixture_files import load_script

import articleparse as ap
from articleparse.diagnostics import CODES
from articleparse.schema import article_schema

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FORMAT_MD = DOCS / "format.md"
MODEL_MD = DOCS / "model.md"


GENERATE = load_script(DOCS / "generate.py", "docs_generate")


def test_generated_parts_are_current() -> None:
    problems = GENERATE.stale()
    assert problems == [], "\n".join(problems) + "\nrun: python docs/generate.py"


def test_every_region_has_a_generator() -> None:
    text = FORMAT_MD.read_text(encoding="utf-8")
    assert set(GENERATE.regions(text)) == set(GENERATE.GENERATORS)


def _diagnostic_rows() -> dict[str, str]:
    """Code → severity, read from the tables of format.md."""
    text = FORMAT_MD.read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| (error|warning|info) \|", text, flags=re.MULTILINE)
    return dict(rows)


@pytest.mark.parametrize("code", list(CODES))
def test_format_md_lists_code_with_its_severity(code: str) -> None:
    listed = _diagnostic_rows()
    assert code in listed, f"docs/format.md does not list diagnostic code {code!r}"
    assert listed[code] == CODES[code].severity, (
        f"docs/format.md gives {code!r} severity {listed[code]!r}, "
        f"the code table says {CODES[code].severity!r}"
    )


def test_format_md_lists_no_unknown_code() -> None:
    assert set(_diagnostic_rows()) <= set(CODES)


def _model_sections() -> dict[str, str]:
    """Heading text → the Markdown under it, for every heading of model.md."""
    text = MODEL_MD.read_text(encoding="utf-8")
    parts = re.split(r"^#{2,3} (.+)$", text, flags=re.MULTILINE)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def _models() -> dict[str, list[str]]:
    """Every model reachable from Article, with its fields, from the JSON Schema."""
    schema = article_schema()
    models = {"Article": list(schema["properties"])}
    for name, definition in schema["$defs"].items():
        models[name] = list(definition.get("properties", {}))
    return models


@pytest.mark.parametrize("model", sorted(_models()))
def test_model_md_documents_every_field(model: str) -> None:
    sections = _model_sections()
    assert model in sections, f"docs/model.md has no section for {model}"
    rows = set(re.findall(r"^\| `([a-z_]+)` \|", sections[model], flags=re.MULTILINE))
    missing = [field for field in _models()[model] if field not in rows]
    assert missing == [], f"docs/model.md does not describe {model}.{', '.join(missing)}"
    extra = sorted(rows - set(_models()[model]))
    assert extra == [], f"docs/model.md describes fields {model} does not have: {extra}"


@pytest.mark.parametrize("page", [FORMAT_MD, MODEL_MD], ids=lambda p: p.name)
def test_relative_links_resolve(page: Path) -> None:
    text = re.sub(r"`[^`\n]*`", "", page.read_text(encoding="utf-8"))
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
        assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def test_model_md_position_example() -> None:
    text = "标题 | 题 |\n范文 | 1引言 正文。 |"
    span = ap.parse(text).sections[0].paragraphs[0].span
    assert span is not None
    assert text[span.start : span.end] == "正文。"
    assert (span.line, span.column) == (2, 10)


def test_model_md_renumber_example() -> None:
    text = "标题 | 题 |\n范文 | 摘要:x 1引言 a。 2方法 b。 |\n"
    doc = ap.parse(text)
    moved = doc.sections[1].model_copy(update={"number": "3", "marker": None})
    edited = doc.model_copy(update={"sections": [doc.sections[0], moved]})
    assert ap.render(edited) == text.replace("2方法", "3方法")
