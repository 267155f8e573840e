"""Edits of a parsed tree render where they belong, and JSON cannot point outside the tree.

Each case is an edit that once lost text, moved it, or made ``render`` raise:
removing chrome, adding nodes to a list the file had none of, the English
title of a tree built in code, and hand-written JSON with indices outside the
tree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixture_files import inputs
from pydantic import ValidationError

import articleparse as ap
from articleparse.compare import without_source

CHROME = "页眉\n标题 | 题目 |\n范文 | 1引言 正文。 |\n随便看 |\n|\n页脚文字"
FRONT_ONLY = "标题 | 题目 |\n范文 | 张三 摘要:中文摘要。 |\n页脚"


# ------------------------------------------------------------------ boilerplate


def test_blanking_a_chrome_entry_removes_exactly_its_text() -> None:
    doc = ap.parse(CHROME)
    assert doc.boilerplate == ["页眉", "随便看 |", "|", "页脚文字"]
    edited = doc.model_copy(update={"boilerplate": ["", "随便看 |", "|", "页脚文字"]})
    assert ap.render(edited) == CHROME.removeprefix("页眉")


def test_removing_a_chrome_entry_removes_exactly_its_text() -> None:
    """The footer once rendered above the title row when the header was removed."""
    doc = ap.parse(CHROME)
    assert ap.render(doc.model_copy(update={"boilerplate": doc.boilerplate[1:]})) == (
        CHROME.removeprefix("页眉")
    )
    middle = doc.model_copy(update={"boilerplate": ["页眉", "|", "页脚文字"]})
    assert ap.render(middle) == CHROME.replace("随便看 |", "", 1)
    footer_gone = doc.model_copy(update={"boilerplate": doc.boilerplate[:-1]})
    assert ap.render(footer_gone) == CHROME.removesuffix("页脚文字")


def test_removing_chrome_inside_the_body_removes_exactly_its_text() -> None:
    text = "标题 | 题目 |\n范文 | APP下载\n王芳\n摘要:中文摘要。\n1 引言\n正文。 |\n页脚"
    doc = ap.parse(text)
    assert doc.boilerplate == ["APP下载", "页脚"]
    edited = doc.model_copy(update={"boilerplate": ["页脚"]})
    assert ap.render(edited) == text.replace("APP下载", "", 1)


def test_removing_and_editing_chrome_at_once_is_refused() -> None:
    doc = ap.parse(CHROME)
    edited = doc.model_copy(update={"boilerplate": ["页眉", "随便看 |", "新页脚"]})
    with pytest.raises(ap.LayoutError, match="in two steps"):
        ap.render(edited)


def test_removing_all_chrome_keeps_everything_else() -> None:
    doc = ap.parse(CHROME)
    rendered = ap.render(doc.model_copy(update={"boilerplate": []}))
    assert rendered == "\n标题 | 题目 |\n范文 | 1引言 正文。 |\n\n\n"


def test_added_chrome_goes_at_the_end() -> None:
    doc = ap.parse(CHROME)
    rendered = ap.render(doc.model_copy(update={"boilerplate": [*doc.boilerplate, "版权所有"]}))
    assert rendered == CHROME + "\n版权所有"
    assert ap.parse(rendered).boilerplate == [*doc.boilerplate, "版权所有"]


# ------------------------------------------------------- nodes added to empty lists


def _values(doc: ap.Article) -> ap.Article:
    return without_source(doc)


@pytest.mark.parametrize(
    ("text", "update"),
    [
        (
            "标题 | 题目 |\n范文 | 1引言 正文。 |",
            {"references": [ap.Reference(label="[1]", text="张三.题名[J].")]},
        ),
        (
            "标题 | 题目 |\n范文 | 1引言 正文。 |",
            {"preamble": [ap.Paragraph(text="前言。")]},
        ),
        (
            "标题 | 题目 |\n范文 | 前言。 |",
            {"sections": [ap.Section(number="1", title="引言", level=1)]},
        ),
        (
            "标题 | 题目 |\n范文 | 前言。 参考文献:[1]张三.题名[J]. |",
            {"sections": [ap.Section(number="1", title="引言", level=1)]},
        ),
        (
            "标题 | 题目 |\n范文 | 张三\n摘要：中文。\n1 引言\n正文。\n|\n",
            {
                "references": [
                    ap.Reference(label="[1]", text="张三.题名[J]."),
                    ap.Reference(label="[2]", text="李四.题名[M]."),
                ],
                "notes": [ap.Reference(label="①", text="注文。")],
            },
        ),
    ],
    ids=["references", "preamble", "sections", "sections-before-references", "multi-line"],
)
def test_nodes_added_to_an_empty_list_render_in_their_place(
    text: str, update: dict[str, object]
) -> None:
    doc = ap.parse(text)
    for field in update:
        assert getattr(doc, field) == []
    edited = doc.model_copy(update=update)
    rendered = ap.render(edited)
    again = ap.parse(rendered)
    for field, nodes in update.items():
        assert _values(again).model_dump()[field] == _values(edited).model_dump()[field], rendered
        assert nodes
    # Nothing else moved: the other fields read the same.
    assert again.metadata == doc.metadata
    assert again.boilerplate == doc.boilerplate


def test_nodes_added_to_a_body_without_content_are_refused() -> None:
    doc = ap.parse(FRONT_ONLY)
    edited = doc.model_copy(update={"sections": [ap.Section(number="1", title="引言", level=1)]})
    with pytest.raises(ap.LayoutError, match="drop the layout"):
        ap.render(edited)
    assert "1引言" in ap.render(edited.model_copy(update={"layout": None}))


# ------------------------------------------------------------ English title


@pytest.mark.parametrize("style", [ap.Style(), ap.Style(multiline=True)], ids=["single", "multi"])
def test_canonical_style_writes_the_english_title(style: ap.Style) -> None:
    built = ap.Article(
        metadata=ap.Metadata(
            title="乡村治理研究",
            title_en="Study on Rural Governance",
            abstract="本文研究乡村治理。",
            abstract_en="This paper studies rural governance.",
        ),
        sections=[
            ap.Section(number="1", title="引言", level=1, paragraphs=[ap.Paragraph(text="正文。")])
        ],
    )
    text = ap.render(built, style)
    assert "Study on Rural Governance" in text
    assert without_source(ap.parse(text)) == without_source(built)


def test_canonical_english_title_after_authors_and_affiliations() -> None:
    built = ap.Article(
        metadata=ap.Metadata(
            authors=["张三"],
            affiliations=["北京大学"],
            title_en="Study on Rural Governance",
            abstract="本文研究乡村治理。",
        ),
    )
    assert without_source(ap.parse(ap.render(built))) == without_source(built)


# ------------------------------------------------------------ JSON inside the tree


def _seed_json() -> dict[str, object]:
    doc = ap.parse(CHROME + "\n")
    data: dict[str, object] = json.loads(doc.model_dump_json())
    return data


def _first(data: dict[str, object], kind: str) -> int:
    layout = data["layout"]
    assert isinstance(layout, list)
    return next(i for i, piece in enumerate(layout) if piece["kind"] == kind)


@pytest.mark.parametrize(
    ("kind", "change", "message"),
    [
        ("boilerplate", {"index": -9}, "greater than or equal to 0"),
        ("boilerplate", {"index": 9}, "boilerplate index 9 is outside boilerplate (4 entries)"),
        ("boilerplate", {"index": 1}, "writes boilerplate[1] again, after layout"),
        ("nodes", {"start": -1}, "greater than or equal to 0"),
        ("nodes", {"stop": -2}, "greater than or equal to 0"),
        ("field", {"field": "title"}, None),
    ],
)
def test_layout_outside_the_tree_is_a_validation_error_with_its_path(
    kind: str, change: dict[str, object], message: str | None
) -> None:
    data = _seed_json()
    position = _first(data, kind)
    layout = data["layout"]
    assert isinstance(layout, list)
    layout[position].update(change)
    if message is None:  # an unchanged piece: still valid
        assert ap.render(ap.Article.model_validate(data)) == CHROME + "\n"
        return
    with pytest.raises(ValidationError) as raised:
        ap.Article.model_validate(data)
    text = str(raised.value)
    assert message in text
    assert "layout" in text
    if "again" in message or "outside" in message:
        assert f"layout[{position}]" in text


def test_overlapping_runs_and_repeated_fields_are_refused() -> None:
    data = _seed_json()
    layout = data["layout"]
    assert isinstance(layout, list)
    nodes = layout[_first(data, "nodes")]
    layout.append(dict(nodes))  # the same run twice would write every section twice
    with pytest.raises(ValidationError, match=r"sections run from 0 overlaps layout\[\d+\]"):
        ap.Article.model_validate(data)
    layout.pop()
    layout.append({"kind": "field", "field": "title"})
    with pytest.raises(ValidationError, match=r"writes metadata.title again"):
        ap.Article.model_validate(data)


def test_items_runs_are_checked_like_node_runs() -> None:
    """A second piece for the same list would write its items twice, a run that stops
    before its start none of them: stored JSON with either is refused."""
    data = json.loads(ap.parse("范文 | 关键词:甲;乙 1引言 正文。 |").model_dump_json())
    layout = data["layout"]
    position = next(p for p, piece in enumerate(layout) if piece["kind"] == "items")
    twice = json.loads(json.dumps(data))
    twice["layout"].append({"kind": "items", "field": "keywords"})
    with pytest.raises(
        ValidationError, match=rf"run of keywords items from 0 overlaps layout\[{position}\]"
    ):
        ap.Article.model_validate(twice)
    backwards = json.loads(json.dumps(data))
    backwards["layout"][position].update(start=2, stop=0)
    with pytest.raises(
        ValidationError, match=rf"layout\[{position}\]: run of keywords items stops at 0"
    ):
        ap.Article.model_validate(backwards)
    # runs one after the other, as authors written in two places are, stay valid
    doc = ap.parse("范文 | 张三1\n(某大学)\n李四2\n摘要:x |")
    assert ap.Article.model_validate_json(doc.model_dump_json()) == doc


def test_undecoded_bytes_are_hex_at_offsets_inside_the_file() -> None:
    doc = ap.parse_bytes("范文 | 正文".encode() + b"\xff |")
    data = json.loads(doc.model_dump_json())
    for field, value in (("offset", -1), ("byte_offset", -3), ("data", "f"), ("data", "zz")):
        broken = json.loads(json.dumps(data))
        broken["source"]["undecoded"][0][field] = value
        with pytest.raises(ValidationError, match=f"source.undecoded.0.{field}"):
            ap.Article.model_validate(broken)


@pytest.mark.parametrize(
    ("text", "field", "removed", "expected"),
    [
        ("作者 | 张三1,李四2,王五3 |", "authors", 0, "作者 | 李四2,王五3 |"),
        ("作者 | 张三1,李四2,王五3 |", "authors", 1, "作者 | 张三1,王五3 |"),
        ("作者 | 张三1,李四2,王五3 |", "authors", 2, "作者 | 张三1,李四2 |"),
        (
            "范文 | 周雅琴1 综述,孙 芮2,刘海燕1* 审校\n摘要:x |",
            "authors",
            0,
            "范文 | 孙 芮2,刘海燕1* 审校\n摘要:x |",
        ),
        (
            "范文 | 张三\n(某大学;某学院)\n摘要:x |",
            "affiliations",
            1,
            "范文 | 张三\n(某大学)\n摘要:x |",
        ),
        (
            "范文 | 张三1,李四2\n( 1. 某大学; 2. 某学院)\n摘要:x |",
            "affiliations",
            0,
            "范文 | 张三1,李四2\n( 2. 某学院)\n摘要:x |",
        ),
        (
            "范文 | 关键词:甲;乙;丙。 1引言 正文。 |",
            "keywords",
            2,
            "范文 | 关键词:甲;乙。 1引言 正文。 |",
        ),
    ],
)
def test_removing_a_list_item_removes_its_marks_and_nothing_else(
    text: str, field: str, removed: int, expected: str
) -> None:
    """What follows an author (affiliation number, '*', a role) is that author's, what
    precedes an affiliation ('2.') is that affiliation's: when one item is removed the
    others keep theirs, and their written forms ('孙 芮')."""
    doc = ap.parse(text)
    values = getattr(doc.metadata, field)
    kept = values[:removed] + values[removed + 1 :]
    edited = doc.model_copy(update={"metadata": doc.metadata.model_copy(update={field: kept})})
    assert ap.render(edited) == expected


def test_removing_and_editing_list_items_at_once_is_refused() -> None:
    doc = ap.parse("作者 | 张三1,李四2,王五3 |")
    edited = doc.model_copy(
        update={"metadata": doc.metadata.model_copy(update={"authors": ["赵六"]})}
    )
    with pytest.raises(ap.LayoutError, match="which were removed cannot be told"):
        ap.render(edited)


def _one_piece_cut(original: str, rendered: str) -> bool:
    """Whether ``rendered`` is ``original`` with one contiguous piece left out."""
    prefix = 0
    while prefix < len(rendered) and original[prefix] == rendered[prefix]:
        prefix += 1
    suffix = 0
    while suffix < len(rendered) - prefix and original[-1 - suffix] == rendered[-1 - suffix]:
        suffix += 1
    return len(rendered) < len(original) and prefix + suffix >= len(rendered)


@pytest.mark.parametrize("path", inputs(), ids=lambda path: path.name)
def test_removing_any_list_item_of_a_fixture_cuts_one_piece(path: Path) -> None:
    doc = ap.parse_bytes(path.read_bytes())
    text = ap.render(doc)
    # A list read out of another field's value (the authors named by a 作者简介 bio)
    # has no place of its own in the text: removing an item leaves the text as it was.
    placed = {piece.field for piece in doc.layout or [] if piece.kind == "items"}
    for field in ("authors", "affiliations", "keywords", "keywords_en", "clc"):
        values = getattr(doc.metadata, field)
        for index in range(len(values)):
            kept = values[:index] + values[index + 1 :]
            metadata = doc.metadata.model_copy(update={field: kept})
            rendered = ap.render(doc.model_copy(update={"metadata": metadata}))
            if field in placed:
                assert _one_piece_cut(text, rendered), (field, values[index], rendered)
            else:
                assert rendered == text, (field, values[index], rendered)
