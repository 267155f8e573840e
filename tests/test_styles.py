"""Tree round trip in every written style (design.md §4.3, the variants of §2).

A tree built in code, rendered in a style, parses back to the same tree.
"""

from __future__ import annotations

import pytest
from hypothesis import given, note
from hypothesis import strategies as st
from strategies import STYLES, articles

import articleparse as ap
from articleparse.compare import without_source


@pytest.mark.parametrize("style_name", list(STYLES))
@given(data=st.data())
def test_property_tree_round_trip_in_style(style_name: str, data: st.DataObject) -> None:
    style = STYLES[style_name]
    profile = data.draw(st.sampled_from(("decimal", "chinese")), label="profile")
    doc = data.draw(articles(profile), label="article")
    text = ap.render(doc, style)
    note(repr(text))
    parsed = ap.parse(text)
    assert [d.code for d in parsed.diagnostics] == []
    assert without_source(parsed) == doc
    assert ap.render(parsed) == text


def test_styles_differ() -> None:
    doc = ap.Article(
        metadata=ap.Metadata(title="题目", abstract="摘要内容。", keywords=["甲", "乙"]),
        sections=[ap.Section(number="1", title="引言", level=1)],
    )
    texts = {name: ap.render(doc, style) for name, style in STYLES.items()}
    assert len(set(texts.values())) == len(texts)
    assert texts["seed"] == "标题 | 题目 |\n范文 | 摘要:摘要内容。 关键词:甲;乙 1引言 |"


OPEN_VALUES = {
    "fund": "湖北省教育厅项目",
    "author_info": "张三(1980—),男,湖北武汉人,教授",
    "abstract": "本文讨论基层党建工作的方法",
    "abstract_en": "This paper discusses the work",
}


@pytest.mark.parametrize("style_name", list(STYLES))
@pytest.mark.parametrize("field", list(OPEN_VALUES))
@pytest.mark.parametrize("body", ["preamble", "sections"])
def test_a_value_that_ends_no_sentence_is_ended_by_the_writer(
    style_name: str, field: str, body: str
) -> None:
    """On one line such a value runs to the next sentence end, so the paragraph or
    heading after it would become part of it: the writer puts the body one segment
    per line instead, where the line ends the value."""
    # a bio that opens with a name names the author when no author line does (the
    # convention of tests/strategies.py)
    authors = ["张三"] if field == "author_info" else []
    built = ap.Article(
        metadata=ap.Metadata(**{field: OPEN_VALUES[field]}, authors=authors),
        preamble=[ap.Paragraph(text="第一段。")] if body == "preamble" else [],
        sections=[
            ap.Section(number="1", title="引言", level=1, paragraphs=[ap.Paragraph(text="正文。")])
        ],
    )
    text = ap.render(built, STYLES[style_name])
    assert without_source(ap.parse(text)) == without_source(built), repr(text)


def test_a_value_that_ends_itself_stays_on_the_single_line() -> None:
    built = ap.Article(
        metadata=ap.Metadata(fund="湖北省教育厅项目(19BDJ001)"),
        preamble=[ap.Paragraph(text="第一段。")],
    )
    assert ap.render(built) == "范文 | 基金项目:湖北省教育厅项目(19BDJ001) 第一段。 |"
