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
