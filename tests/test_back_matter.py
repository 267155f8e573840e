"""After the text: references, notes, back-matter titles, English back matter, chrome."""

from __future__ import annotations

import articleparse as ap


def _parse(body: str) -> ap.Article:
    text = f"标题 | 测试 |\n范文 | {body} |\n"
    doc = ap.parse(text)
    assert ap.render(doc) == text
    return doc


def test_numbered_references_continue_their_count() -> None:
    doc = _parse(
        "一、现状\n正文。\n参考文献：\n1. 甲.题名[J].刊名,2019(3):\n2018.\n2. 乙.书名[M].北京:某社,2020."
    )
    assert [(r.label, r.text) for r in doc.references] == [
        ("1.", " 甲.题名[J].刊名,2019(3):\n2018."),
        ("2.", " 乙.书名[M].北京:某社,2020."),
    ]


def test_numbered_references_in_a_single_line_body() -> None:
    doc = _parse("一、现状 正文。 参考文献: 1. 甲.题名[J].刊名,2019. 2. 乙.书名[M].北京:某社,2020.")
    assert [r.label for r in doc.references] == ["1.", "2."]


def test_chrome_after_the_references_is_boilerplate() -> None:
    doc = _parse("一、现状 正文。 参考文献: [1]甲.题名[J].刊名,2019. 上一篇：某文 下一篇：另文")
    assert [r.text for r in doc.references] == ["甲.题名[J].刊名,2019."]
    assert doc.boilerplate == ["上一篇：某文", "下一篇：另文"]


def test_chrome_never_enters_an_unfinished_paragraph() -> None:
    doc = _parse("一、现状 正文还没有结束 版权所有 © 2022 某网")
    assert [p.text for p in doc.sections[0].paragraphs] == ["正文还没有结束"]
    assert doc.boilerplate == ["版权所有 © 2022 某网"]


def test_related_articles_list_in_a_multiline_body() -> None:
    doc = _parse("一、现状\n正文。\n相关文章\n甲文的题目\n乙文的题目")
    assert doc.boilerplate == ["相关文章", "甲文的题目", "乙文的题目"]


def test_prose_that_names_chrome_words_is_text() -> None:
    doc = _parse(
        "一、现状\n本文来源于作者的调研。\n相关文章指出，问题依然存在。\n版权所有人享有署名权。"
    )
    assert len(doc.sections[0].paragraphs) == 3
    assert doc.boilerplate == []


def test_english_back_matter_after_the_references() -> None:
    doc = _parse(
        "一、现状\n正文。\n参考文献：\n[1]甲.题名[J].刊名,2019.\n"
        "A Study of Something\nLI Ming\nAbstract: This paper studies it.\nKey words: it; study"
    )
    assert len(doc.references) == 1
    assert doc.metadata.title_en == "A Study of Something"
    assert doc.metadata.extra["英文作者"] == "LI Ming"
    assert doc.metadata.abstract_en == "This paper studies it."
    assert doc.metadata.keywords_en == ["it", "study"]


def test_tortoise_shell_references_and_bracketed_notes() -> None:
    doc = _parse(
        "一、现状 正文。 注释: [1]参见某书。 [2]数据来自某局。 参考文献: 〔1〕甲.题名[J].刊名,2019."
    )
    assert [n.label for n in doc.notes] == ["[1]", "[2]"]
    assert [r.label for r in doc.references] == ["〔1〕"]


def test_paren_numbered_references_kept_together_by_latin_spacing() -> None:
    doc = _parse(
        "一、现状 正文。 参考文献: (1)甲.题名[J].刊名,2019,39 (5):12-18. (2)乙.书名[M].北京:某社,2020."
    )
    assert [(r.label, r.text) for r in doc.references] == [
        ("(1)", "甲.题名[J].刊名,2019,39 (5):12-18. "),
        ("(2)", "乙.书名[M].北京:某社,2020."),
    ]


def test_a_conclusion_line_before_any_heading_is_a_paragraph() -> None:
    doc = _parse("李明\n目的：探讨某事。\n结论：某法有效。\n引言：近年来如此。\n一、现状\n正文。")
    assert [p.text for p in doc.preamble] == [
        "目的：探讨某事。",
        "结论：某法有效。",
        "引言：近年来如此。",
    ]
    assert [(s.title, [p.text for p in s.paragraphs]) for s in doc.sections] == [
        ("现状", ["正文。"]),
    ]


def test_credit_in_brackets_over_spaces_on_one_line() -> None:
    doc = _parse(
        "山区小学的午餐很简单。 学生最喜欢杂粮饭。 (本报记者 甲乙、丙丁整理) 免责声明:本页由网友提供。"
    )
    assert [p.text for p in doc.preamble] == ["山区小学的午餐很简单。", "学生最喜欢杂粮饭。"]
    assert "(本报记者 甲乙、丙丁整理)" in doc.boilerplate


def test_bracketed_aside_after_the_text_stays_a_paragraph() -> None:
    doc = _parse("山区小学的午餐很简单。 (见下表 所示的三种做法)")
    assert [p.text for p in doc.preamble] == [
        "山区小学的午餐很简单。",
        "(见下表 所示的三种做法)",
    ]


def test_site_rules_numbered_in_braces_are_chrome() -> None:
    for body in (
        "摘要:本文比较了三种工艺。\n某刊投稿须知:\n{1}请写明地址。\n{2}题名简短。\n注:本页只展示摘要",
        "摘要:本文比较了三种工艺。 某刊投稿须知: {1}请写明 地址。 {2}题名简短。 注:本页只展示摘要",
    ):
        doc = _parse(body)
        assert doc.metadata.abstract == "本文比较了三种工艺。"
        assert [p.text for p in doc.preamble] == []
        assert doc.boilerplate[-1] == "注:本页只展示摘要"


def test_a_list_after_a_colon_in_the_text_stays_text() -> None:
    doc = _parse("1 做法\n主要做法如下:\n(1)请写明地址。\n(2)题名简短。")
    assert [p.text for p in doc.sections[0].paragraphs] == [
        "主要做法如下:",
        "(1)请写明地址。",
        "(2)题名简短。",
    ]
