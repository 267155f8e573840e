"""Labels by their shape, then by the table: normalizing the written form, unknown
labels in the front-matter zone, labels alone on their line, list separators."""

from __future__ import annotations

import pytest

import articleparse as ap
from articleparse.parser.patterns import bare_label_form, simplified_label


def _body(body: str, title: str = "某题") -> ap.Article:
    return ap.parse(f"标题 | {title} |\n范文 | {body} |\n")


@pytest.mark.parametrize(
    ("written", "bare"),
    [
        ("關(guān)鍵詞", "關鍵詞"),
        ("中圖分類(lèi)號(hào)", "中圖分類號"),
        ("摘(zhai1)要", "摘要"),  # a tone digit instead of a mark
        ("關（guān） 鍵 詞", "關鍵詞"),  # full-width brackets, spaces
        ('摘 "要', "摘要"),
        ("摘? ? 要", "摘要"),
        ("號(2019)", "號(2019)"),  # digits are no pinyin
        ("DOI(doi)", "DOI(doi)"),  # after a Latin letter, no annotation
    ],
)
def test_bare_label_form(written: str, bare: str) -> None:
    assert bare_label_form(written) == bare


def test_simplified_label() -> None:
    assert simplified_label("關鍵詞") == "关键词"
    assert simplified_label("論文提要") == "论文提要"
    assert simplified_label("學科代碼") == "学科代码"


@pytest.mark.parametrize(
    "body",
    [
        "關(guān)鍵(jiàn)詞(cí)：甲；乙\n1 引言\n正文。",
        "【關(guān)鍵詞】甲；乙 1 引言 正文。",
        "關(guan1)鍵詞:甲；乙\n1 引言\n正文。",
        "《關鍵詞》甲；乙\n1 引言\n正文。",  # title marks around a label, a value after
    ],
)
def test_pinyin_annotated_labels(body: str) -> None:
    doc = _body(body)
    assert doc.metadata.keywords == ["甲", "乙"]


@pytest.mark.parametrize(
    ("body", "key", "value"),
    [
        ("【期刊年份】2018年【期号】3\n1 引言\n正文。", "期号", "3"),
        ("【文章编码】A-2018-03\n1 引言\n正文。", "文章编码", "A-2018-03"),
        ("年 卷 期:2004年第3期\n1 引言\n正文。", "年卷期", "2004年第3期"),
        ("所属栏目:农业 发布时间:2022-01-02\n1 引言\n正文。", "发布时间", "2022-01-02"),
        ("所属栏目:农业 发布时间:2022-01-02 1 引言 正文。", "发布时间", "2022-01-02"),
        ("〔责任校对〕丙丁\n1 引言\n正文。", "责任校对", "丙丁"),
    ],
)
def test_unknown_labels_go_to_extra(body: str, key: str, value: str) -> None:
    doc = _body(body)
    assert doc.metadata.extra[key] == value
    assert [p.text for p in doc.sections[0].paragraphs] == ["正文。"]
    assert not doc.preamble


@pytest.mark.parametrize(
    "body",
    [
        "1 引言\n研究表明:设备成本最受关心。\n2 结论\n应当推广。",
        "1 引言 研究表明:设备成本最受关心。 2 结论 应当推广。",
        "同志们:\n今天召开会议,部署下一阶段任务。下面,我讲三点意见。",
        "1 引言\n他读了《摘要》,很喜欢。",
    ],
)
def test_label_shapes_in_text_stay_text(body: str) -> None:
    doc = _body(body)
    assert not doc.metadata.extra
    texts = [p.text for p in doc.preamble] + [p.text for s in doc.sections for p in s.paragraphs]
    assert "".join(texts).replace(" ", "").replace("\n", "") == body.replace(" ", "").replace(
        "\n", ""
    ).replace("1引言", "").replace("2结论", "")


def test_structured_abstract_parts_stay_in_the_abstract() -> None:
    doc = _body("摘要:\n目的:探讨甲。\n方法:选取乙。\n结果:丙。\n关键词:甲;乙\n1 引言\n正文。")
    assert doc.metadata.abstract is not None
    assert "方法:选取乙。" in doc.metadata.abstract
    assert not doc.metadata.extra


def test_glued_short_label_is_a_word() -> None:
    """'数据来源：' under a table is a sentence's words, never the source."""
    doc = _body("1 引言\n正文。\n数据来源:某统计年鉴")
    assert doc.metadata.source is None


def test_source_in_the_body() -> None:
    doc = _body("来源 :某某农业科技 | 被引量 : 0次\n摘要:甲。\n1 引言\n正文。")
    assert doc.metadata.source == "某某农业科技"


def test_two_labels_of_one_field_are_one_field() -> None:
    doc = _body("摘  要\n【摘要】甲乙丙。\n1 引言\n正文。")
    assert doc.metadata.abstract == "甲乙丙。"
    assert not [d for d in doc.diagnostics if d.code == "duplicate-field"]


def test_empty_label_never_takes_prose() -> None:
    doc = _body("關鍵詞:\n美术馆面向学生,近年扩展到社区。许多场馆开设工作坊。\n1 引言\n正文。")
    assert doc.metadata.keywords == []
    assert doc.preamble[0].text.startswith("美术馆")
    assert [d.code for d in doc.diagnostics] == ["empty-field"]


@pytest.mark.parametrize(
    ("body", "keywords"),
    [
        ("关键词:甲/乙/丙\n1 引言\n正文。", ["甲", "乙", "丙"]),
        ("关键词:甲 / 乙 / 丙 1 引言 正文。", ["甲", "乙", "丙"]),
        ("关键词:TCP/IP 协议 路由\n1 引言\n正文。", ["TCP/IP", "协议", "路由"]),
        ("关键词:肺疾病,慢性阻塞性;护理干预\n1 引言\n正文。", ["肺疾病,慢性阻塞性", "护理干预"]),
        ("关键词:甲 乙 丙 1 引言 正文。", ["甲", "乙", "丙"]),
        ("关键词\n甲\n乙\n\n1 引言\n正文。", ["甲", "乙"]),
    ],
)
def test_list_separators(body: str, keywords: list[str]) -> None:
    assert _body(body).metadata.keywords == keywords


def test_keywords_one_a_line_then_english() -> None:
    doc = _body("关键词\n社区食堂\n老年助餐\ncommunity canteen\nmeal aid\n1 引言\n正文。")
    assert doc.metadata.keywords == ["社区食堂", "老年助餐"]
    assert doc.metadata.keywords_en == ["community canteen", "meal aid"]


@pytest.mark.parametrize(
    "body",
    [
        "文献标识码:A 开放科学(资源服务)标识码(OSID): A Simplified Estimate of Tomato Growth\n"
        "1 引言\n正文。",
        "文献标识码:A 开放科学(资源服务)标识码(OSID): A Simplified Estimate of Tomato Growth"
        " 1 引言 正文。",
    ],
)
def test_label_with_glosses_in_brackets_left_empty_before_the_english_title(body: str) -> None:
    doc = _body(body)
    assert doc.metadata.document_code == "A"
    assert doc.metadata.title_en == "A Simplified Estimate of Tomato Growth"
    assert [d.code for d in doc.diagnostics] == ["empty-field"]
    assert (doc.diagnostics[0].line, doc.diagnostics[0].column) == (2, 14)


@pytest.mark.parametrize(
    "body",
    [
        "分享到:\n2022-05-06 【来源:某刊通讯】 点击:\n摘要】本文梳理了刊物的变化。\n一、创办\n正文。",
        "分享到: 2022-05-06 【来源:某刊通讯】 点击: 摘要】本文梳理了刊物的变化。 一、创办 正文。",
    ],
)
def test_label_inside_a_meta_bracket_and_a_label_that_lost_its_opening_bracket(body: str) -> None:
    doc = _body(body)
    assert doc.metadata.source == "某刊通讯"
    assert doc.metadata.abstract == "本文梳理了刊物的变化。"
    assert doc.boilerplate == ["分享到:", "2022-05-06", "点击:"]
    assert [p.text for p in doc.preamble] == []


@pytest.mark.parametrize(
    "body",
    [
        "摘要:本文测量了降温效应。\n某某论文网   关键词:绿地;降温   文章编号:1000—176X(2015)07—0099—08"
        "   一、背景   正文。",
        "摘要:本文测量了降温效应。 某某论文网   关键词:绿地;降温   文章编号:1000—176X(2015)07—0099—08"
        "   一、背景   正文。",
    ],
)
def test_a_run_of_spaces_sets_a_piece_apart_from_the_value_before_it(body: str) -> None:
    doc = _body(body)
    assert doc.metadata.abstract == "本文测量了降温效应。"
    assert doc.metadata.keywords == ["绿地", "降温"]
    assert doc.metadata.article_number == "1000—176X(2015)07—0099—08"
    assert doc.boilerplate == ["某某论文网"]
    assert [d.code for d in doc.diagnostics] == ["front-matter-unplaced"]


def test_keyword_label_without_colon_before_items_set_apart_by_space_runs() -> None:
    doc = _body(
        "摘要:本文做了实验。 关键词陶瓷膜     含油废水     膜通量     Experimental Study on Membranes"
    )
    assert doc.metadata.keywords == ["陶瓷膜", "含油废水", "膜通量"]
    assert doc.metadata.title_en == "Experimental Study on Membranes"


@pytest.mark.parametrize(
    "body",
    [
        "某研究中心\n摘要:本文做了调查。\n主持单位:某研究中心\n主持人:秦教授\n一、概况\n正文。",
        "某研究中心 摘要:本文做了调查。 主持单位:某研究中心 主持人:秦教授 一、概况 正文。",
    ],
)
def test_compound_label_ending_in_a_word_label_and_a_bare_unit_with_no_author(body: str) -> None:
    doc = _body(body)
    assert doc.metadata.abstract == "本文做了调查。"
    assert doc.metadata.extra == {"主持单位": "某研究中心", "主持人": "秦教授"}
    assert doc.metadata.affiliations == []
    assert doc.boilerplate == ["某研究中心"]
    assert [d.code for d in doc.diagnostics] == ["front-matter-unplaced"]


def test_a_unit_before_the_name_on_its_line_is_an_affiliation() -> None:
    doc = _body("某市人民检察院 秦思敏\n摘要:本文做了调查。\n一、概况\n正文。")
    assert doc.metadata.affiliations == ["某市人民检察院"]
    assert doc.metadata.authors == ["秦思敏"]


@pytest.mark.parametrize(
    "body",
    [
        "作者\n\n秦若溪\n\n关键词\n\n茶园 ; 监测 ; tea garden ; soil acidification\n\n学位类别\n\n硕士"
        "\n\n导师\n\n柯明远\n\n中文摘要\n\n本研究比较了三种方法。",
        "作者  秦若溪  关键词  茶园 ; 监测 ; tea garden ; soil acidification  学位类别  硕士"
        "  导师  柯明远  中文摘要  本研究比较了三种方法。",
    ],
)
def test_record_page_labels_by_their_layout_and_an_advisor_no_author(body: str) -> None:
    doc = _body(body)
    assert doc.metadata.authors == ["秦若溪"]
    assert doc.metadata.keywords == ["茶园", "监测"]
    assert doc.metadata.keywords_en == ["tea garden", "soil acidification"]
    assert doc.metadata.extra == {"学位类别": "硕士", "导师": "柯明远"}
    assert doc.metadata.abstract == "本研究比较了三种方法。"


def test_an_acronym_among_chinese_keywords_stays_a_keyword() -> None:
    doc = _body("关键词: 语料库; 翻译策略; ESP;\n1 引言\n正文。")
    assert doc.metadata.keywords == ["语料库", "翻译策略", "ESP"]
    assert doc.metadata.keywords_en == []


def test_a_forms_blank_after_a_sentence_is_no_label_on_one_line() -> None:
    doc = _body(
        "摘要:本文做了调查。 本人郑重声明:以上属实。  作者签名:    日期:    年 1 引言 正文。"
    )
    assert "作者签名" not in doc.metadata.extra


def test_a_units_label_value_goes_on_over_unit_lines_before_the_next_label() -> None:
    doc = _body(
        "摘要:本文做了调查。\n参与单位:某大学环境学院\n某大学公共管理学院\n主持人:秦教授\n一、概况\n正文。"
    )
    assert doc.metadata.extra["参与单位"] == "某大学环境学院\n某大学公共管理学院"
    assert doc.metadata.affiliations == []
