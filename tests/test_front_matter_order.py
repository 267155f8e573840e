"""The front matter is a zone, not a sequence: labelled items in any order (and any
subset) between the authors and the first heading give the same metadata."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import articleparse as ap

ITEMS = {
    "abstract": ("摘要:", "本文讨论基层治理的路径。研究表明协同机制有效。"),
    "keywords": ("关键词:", "基层治理;协同,共治;路径"),
    "clc": ("中图分类号:", "D630"),
    "document_code": ("文献标识码:", "A"),
    "article_number": ("文章编号:", "1008-0000(2020)03-0012-04"),
    "doi": ("DOI:", "10.3969/j.issn.1008-0000.2020.03.002"),
    "fund": ("基金项目:", "国家社会科学基金项目(19BZZ001)"),
    "author_info": ("作者简介:", "王芳(1985-),女,江西南昌人,讲师,主要研究方向为基层治理。"),
    "received": ("收稿日期:", "2020-01-06"),
}
EXPECTED_LISTS = {"keywords": ["基层治理", "协同,共治", "路径"], "clc": ["D630"]}

orders = st.lists(st.sampled_from(sorted(ITEMS)), unique=True, min_size=1).flatmap(st.permutations)


@given(orders, st.booleans(), st.sampled_from([":", "："]))
def test_property_front_matter_in_any_order(order: list[str], multiline: bool, colon: str) -> None:
    joiner = "\n" if multiline else " "
    items = [ITEMS[name][0].replace(":", colon) + ITEMS[name][1] for name in order]
    body = joiner.join(["王芳 李建国", *items, "1 引言", "基层是国家治理的基础。"])
    text = f"标题 | 基层治理的路径 |\n范文 | {body} |\n"
    doc = ap.parse(text)
    metadata = doc.metadata
    assert metadata.authors == ["王芳", "李建国"]
    for name in ITEMS:
        got = getattr(metadata, name)
        if name not in order:
            assert got in (None, []), name
        elif name in EXPECTED_LISTS:
            assert got == EXPECTED_LISTS[name], name
        else:
            assert got == ITEMS[name][1], name
    assert [(s.number, s.title) for s in doc.sections] == [("1", "引言")]
    assert [p.text for p in doc.sections[0].paragraphs] == ["基层是国家治理的基础。"]
    assert not doc.preamble and not doc.diagnostics
    assert ap.render(doc) == text
