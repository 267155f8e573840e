"""The heading rule (design.md §2, "Traps"): numbering decides, quantities stay text."""

from __future__ import annotations

import pytest

import articleparse as ap
from articleparse.model import Paragraph, Section
from articleparse.parser.content.numbering import MAX_DECIMAL_DEPTH
from articleparse.serialize.text import walk_sections


def _outline(body: str) -> tuple[list[tuple[str, str, int]], list[str], list[str]]:
    doc = ap.parse(f"标题 | 测试 |\n范文 | {body} |\n")
    assert ap.render(doc) == f"标题 | 测试 |\n范文 | {body} |\n"
    nodes = list(walk_sections(doc.sections))
    headings = [(n.number, n.title, n.level) for n in nodes if isinstance(n, Section)]
    paragraphs = [p.text for p in doc.preamble] + [
        n.text for n in nodes if isinstance(n, Paragraph)
    ]
    return headings, paragraphs, [d.code for d in doc.diagnostics]


CASES = [
    # (name, body, headings, paragraph starts, diagnostic codes)
    (
        "glued decimal",
        "1绪论 正文一。 1.1背景 正文二。 1.2意义 正文三。 2方法 正文四。",
        [("1", "绪论", 1), ("1.1", "背景", 2), ("1.2", "意义", 2), ("2", "方法", 1)],
        ["正文一", "正文二", "正文三", "正文四"],
        [],
    ),
    (
        "year, percent, money, count stay paragraphs",
        "1现状 2019年以来变化很大。 3.5%的农户参与。 1.5亿元投入到位。 10个乡镇完成试点。 1.2万名群众受益。",
        [("1", "现状", 1)],
        ["2019年", "3.5%", "1.5亿元", "10个", "1.2万名"],
        [],
    ),
    (
        "quantity right after 1.4 continues the numbering but is not a heading",
        "1概况 1.1甲 一。 1.2乙 二。 1.3丙 三。 1.4丁 四。 1.5亿元资金全部到位 2对策 五。",
        [
            ("1", "概况", 1),
            ("1.1", "甲", 2),
            ("1.2", "乙", 2),
            ("1.3", "丙", 2),
            ("1.4", "丁", 2),
            ("2", "对策", 1),
        ],
        ["1.5亿元资金全部到位"],
        [],
    ),
    (
        "a number that breaks the sequence is text",
        "1引言 内容。 2方法 内容。 1.城乡差距仍然明显 3结论 内容。",
        [("1", "引言", 1), ("2", "方法", 1), ("3", "结论", 1)],
        ["1.城乡差距仍然明显"],
        [],
    ),
    (
        "gap keeps the heading and warns",
        "1引言 内容。 1.1背景 内容。 1.3意义 内容。 2方法 内容。",
        [("1", "引言", 1), ("1.1", "背景", 2), ("1.3", "意义", 2), ("2", "方法", 1)],
        [],
        ["heading-gap"],
    ),
    (
        "jump keeps the heading and warns; its implied parent counts for the next sibling",
        "1引言 内容。 1.1.1细节 内容。 1.2意义 内容。",
        [("1", "引言", 1), ("1.1.1", "细节", 3), ("1.2", "意义", 2)],
        [],
        ["heading-jump"],
    ),
    (
        "a sentence is not a title",
        "1引言 内容。 2这是一个完整的句子。 3结论 内容。",
        [("1", "引言", 1), ("3", "结论", 1)],
        ["2这是一个完整的句子。"],
        ["heading-gap"],
    ),
    (
        "space between number and title in a single-line body",
        "1 引言 内容一。 1.1 背景 内容二。",
        [("1", "引言", 1), ("1.1", "背景", 2)],
        ["内容一", "内容二"],
        [],
    ),
    (
        "full-width dot and dun after the number",
        "1．引言 内容一。 2、方法 内容二。",
        [("1", "引言", 1), ("2", "方法", 1)],
        ["内容一", "内容二"],
        [],
    ),
    (
        "no headings at all",
        "第一段。 第二段。",
        [],
        ["第一段", "第二段"],
        [],
    ),
    (
        "words starting with a unit character are titles when glued to a deep number",
        "1引言 内容。 1.1背景 内容。 1.1.1个人信息 内容。",
        [("1", "引言", 1), ("1.1", "背景", 2), ("1.1.1", "个人信息", 3)],
        [],
        [],
    ),
    (
        "chapters and sections of a thesis; '第一节课' in prose",
        "第一章 绪论 正文一。 第一节 背景 正文二。 第二节 方法 第一节课后，学生讨论。 第二章 结果 正文三。",
        [("一", "绪论", 1), ("一", "背景", 2), ("二", "方法", 2), ("二", "结果", 1)],
        ["正文一", "正文二", "第一节课后", "正文三"],
        [],
    ),
    (
        "capital numerals from a converter; '壹般' stays text",
        "壹、問題 壹般而言如此。 （壹）現狀 正文一。 （貳）原因 正文二。 貳、對策 正文三。",
        [("壹", "問題", 1), ("壹", "現狀", 2), ("貳", "原因", 2), ("貳", "對策", 1)],
        ["壹般", "正文一", "正文二", "正文三"],
        [],
    ),
    (
        "unnumbered introduction and conclusion around Chinese headings: paragraphs",
        "引言 正文一。 一、现状 正文二。 （一）问题 正文三。 结语： 正文四。",
        [("一", "现状", 1), ("一", "问题", 2)],
        ["引言", "正文一", "正文二", "正文三", "结语： 正文四"],
        [],
    ),
    (
        "a number with a closing bracket only; '2) ,' in running text stays text",
        "一、现状 正文（见表 2) ,如下。 1）领导 正文一。 2)制度 正文二。 结论：综上，有效。",
        [("一", "现状", 1), ("1", "领导", 2), ("2", "制度", 2)],
        ["正文（见表 2) ,如下。", "正文一", "正文二", "结论：综上，有效。"],
        [],
    ),
    (
        "a part title inside an unfinished sentence is text",
        "一、现状 我们得出的 结论 是明确的。",
        [("一", "现状", 1)],
        ["我们得出的 结论 是明确的。"],
        [],
    ),
    # Chinese numerals written with a space, a dot, or a space before the 、
    (
        "numeral, space, title (one line)",
        "前言。 一 缘起 正文一。 二 做法 正文二。",
        [("一", "缘起", 1), ("二", "做法", 1)],
        ["前言。", "正文一。", "正文二。"],
        [],
    ),
    (
        "numeral, space, title (lines)",
        "前言。\n一 缘起\n正文一。\n二 做法\n正文二。",
        [("一", "缘起", 1), ("二", "做法", 1)],
        ["前言。", "正文一。", "正文二。"],
        [],
    ),
    (
        "numeral with a half-width dot",
        "前言。 一. 缘起 正文一。 二.做法 正文二。",
        [("一", "缘起", 1), ("二", "做法", 1)],
        ["前言。", "正文一。", "正文二。"],
        [],
    ),
    (
        "space before the 、 (one line)",
        "前言。 三 、缘起 正文一。",
        [],
        ["前言。", "三 、缘起 正文一。"],
        [],
    ),
    (
        "space before the 、 (one line, numbered from one)",
        "前言。 一 、缘起 正文一。 二　、做法 正文二。",
        [("一", "缘起", 1), ("二", "做法", 1)],
        ["前言。", "正文一。", "正文二。"],
        [],
    ),
    (
        "space before the 、 (lines)",
        "前言。\n一 、缘起\n正文一。\n二 、做法\n正文二。",
        [("一", "缘起", 1), ("二", "做法", 1)],
        ["前言。", "正文一。", "正文二。"],
        [],
    ),
    (
        "a bare numeral inside a sentence is a word",
        "前言。 其中 一 项工作 已经完成。",
        [],
        ["前言。", "其中 一 项工作 已经完成。"],
        [],
    ),
    # a number alone, its title on the next line, or no title at all
    (
        "zero-padded number alone on its line, title on the next",
        "前言。\n01\n缘起\n正文一。\n02\n做法\n正文二。",
        [("01", "缘起", 1), ("02", "做法", 1)],
        ["前言。", "正文一。", "正文二。"],
        [],
    ),
    (
        "numeral alone on its line before prose: a heading with no title",
        "前言。\n一\n杜撰的正文说明了第一点。\n二\n杜撰的正文说明了第二点。",
        [("一", "", 1), ("二", "", 1)],
        ["前言。", "杜撰的正文说明了第一点。", "杜撰的正文说明了第二点。"],
        [],
    ),
    (
        "bracketed numeral alone before a sentence (one line)",
        "前言。 (一) 杜撰的机构是一种组织。它可以做事。 (二) 另一句话。",
        [("一", "", 1), ("二", "", 1)],
        ["前言。", "杜撰的机构是一种组织。它可以做事。", "另一句话。"],
        [],
    ),
    (
        "bracketed numeral alone on its line",
        "前言。\n（一）\n杜撰的机构是一种组织。\n（二）\n另一句话。",
        [("一", "", 1), ("二", "", 1)],
        ["前言。", "杜撰的机构是一种组织。", "另一句话。"],
        [],
    ),
    (
        "a bare number before a sentence on one line is text",
        "前言。 1 研究表明这样做有效。",
        [],
        ["前言。", "1 研究表明这样做有效。"],
        [],
    ),
    # the outline's first number mistyped
    (
        "an outline whose first number is mistyped starts at its second",
        "前言。\n—、缘起\n正文一。\n二、做法\n正文二。\n三、结语\n正文三。",
        [("二", "做法", 1), ("三", "结语", 1)],
        ["前言。", "—、缘起", "正文一。", "正文二。", "正文三。"],
        ["heading-gap"],
    ),
    (
        "a mistyped first child",
        "一、总论\n(—)缘起\n正文一。\n(二)做法\n正文二。",
        [("一", "总论", 1), ("二", "做法", 2)],
        ["(—)缘起", "正文一。", "正文二。"],
        ["heading-gap"],
    ),
    # a decimal outline inside a Chinese one
    (
        "1.1 under 一、 is its first child",
        "一、总论\n1.1 缘起\n正文一。\n1.2 做法\n正文二。\n二、分论\n2.1 方法\n正文三。",
        [
            ("一", "总论", 1),
            ("1.1", "缘起", 2),
            ("1.2", "做法", 2),
            ("二", "分论", 1),
            ("2.1", "方法", 2),
        ],
        ["正文一。", "正文二。", "正文三。"],
        [],
    ),
    # a title glued to its paragraph: kept as a paragraph, never silently
    (
        "a heading glued to its paragraph is reported",
        "前言。\n一、问题提出杜撰的干部队伍建设始终是一项长期的基础工作,也是各地持续探索的内容。\n",
        [],
        ["前言。", "一、问题提出"],
        ["heading-run-on"],
    ),
    # a heading's first child glued to its title
    (
        "decimal first child glued to the title (lines)",
        "1 缘起1.1 杜撰的现状\n正文一。\n1.2 杜撰的问题\n正文二。",
        [("1", "缘起", 1), ("1.1", "杜撰的现状", 2), ("1.2", "杜撰的问题", 2)],
        ["正文一。", "正文二。"],
        [],
    ),
    (
        "decimal first child glued to the title (one line)",
        "1 缘起1.1 杜撰的现状 正文一。 1.2 杜撰的问题 正文二。",
        [("1", "缘起", 1), ("1.1", "杜撰的现状", 2), ("1.2", "杜撰的问题", 2)],
        ["正文一。", "正文二。"],
        [],
    ),
    (
        "Chinese chain glued: 二、甲(一)乙",
        "一、总论 正文。 二、分论(一)方法 正文一。 (二)结果 正文二。",
        [("一", "总论", 1), ("二", "分论", 1), ("一", "方法", 2), ("二", "结果", 2)],
        ["正文。", "正文一。", "正文二。"],
        [],
    ),
    (
        "a number inside a title that is no first child stays in the title",
        "1 ISO 1.1标准的由来\n正文。",
        [("1", "ISO 1.1标准的由来", 1)],
        ["正文。"],
        [],
    ),
    # OCR-spaced numbers in a single-line body
    (
        "OCR-spaced digits are no headings",
        "前言写完了。 杜撰的调查起步于 2 0世纪 2 0年代末 ,在 3 0年代形成规模 。 1 引言 正文。",
        [("1", "引言", 1)],
        ["杜撰的调查起步于 2 0世纪", "正文。"],
        [],
    ),
    # a page holding a later part of an article: '2.' alone after its first text
    (
        "a later part's first heading numbered 2, on its line",
        "前文写到这里。\n2.是否标注机关\n正文。",
        [("2", "是否标注机关", 1)],
        ["前文写到这里。", "正文。"],
        ["heading-gap"],
    ),
    (
        "a later part's first heading on one line, after a sentence",
        "前文写到这里。 2.是否标注机关 正文。",
        [("2", "是否标注机关", 1)],
        ["前文写到这里。", "正文。"],
        ["heading-gap"],
    ),
    (
        "a numbered line with a comma is no later part's heading",
        "前文写到这里。\n2.某某大学,某省 某市\n正文。",
        [],
        ["前文写到这里。", "2.某某大学", "正文。"],
        [],
    ),
    # a number glued to a Latin letter is a word
    (
        "a number glued to Latin letters is no heading number",
        "1 结果 1.1 常用库 读者常用Visible Body 3D解剖库和5G网络。 1.2 频率 正文。",
        [("1", "结果", 1), ("1.1", "常用库", 2), ("1.2", "频率", 2)],
        ["读者常用Visible Body 3D解剖库和5G网络。", "正文。"],
        [],
    ),
    (
        "a list item's short title on one line stands as a paragraph of its own",
        "1 结果 (1)现实需求分析 用户调研的对象是两百名专家。 2 讨论 正文。",
        [("1", "结果", 1), ("2", "讨论", 1)],
        ["(1)现实需求分析", "用户调研的对象", "正文。"],
        [],
    ),
    # a short title that a full stop closes, alone on its line or before a space
    (
        "a punctuated number and a short title closed by a full stop",
        "一、调查结果\n1.参与度偏低。\n正文一。\n2.内容单一。\n正文二。",
        [("一", "调查结果", 1), ("1", "参与度偏低", 2), ("2", "内容单一", 2)],
        ["正文一。", "正文二。"],
        [],
    ),
    (
        "a closed title on one line",
        "一、调查结果 1.参与度偏低。 正文一。 2.内容单一。 正文二。",
        [("一", "调查结果", 1), ("1", "参与度偏低", 2), ("2", "内容单一", 2)],
        ["正文一。", "正文二。"],
        [],
    ),
    (
        "a numbered sentence off the outline stays a paragraph",
        "一、调查结果\n正文一。\n3.样本量较小。\n正文二。",
        [("一", "调查结果", 1)],
        ["正文一。", "3.样本量较小。", "正文二。"],
        [],
    ),
    (
        "a numbered sentence with a comma stays a paragraph",
        "一、调查结果\n1.样本量较小,结论有限。\n正文二。",
        [("一", "调查结果", 1)],
        ["1.样本量较小,结论有限。", "正文二。"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("body", "headings", "starts", "codes"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_heading_rule(
    body: str, headings: list[tuple[str, str, int]], starts: list[str], codes: list[str]
) -> None:
    got_headings, paragraphs, got_codes = _outline(body)
    assert got_headings == headings
    for start in starts:
        assert any(p.startswith(start) for p in paragraphs), (start, paragraphs)
    assert got_codes == codes


def test_chinese_schemes_nest_in_order_of_appearance() -> None:
    body = (
        "一、总论\n（一）背景\n1.现状\n(1)问题\n①细节\n正文。\n（二）意义\n二、分论\n（一）方法\n"
    )
    headings, _, codes = _outline(body)
    assert headings == [
        ("一", "总论", 1),
        ("一", "背景", 2),
        ("1", "现状", 3),
        ("1", "问题", 4),
        ("①", "细节", 5),
        ("二", "意义", 2),
        ("二", "分论", 1),
        ("一", "方法", 2),
    ]
    assert codes == []


def test_circled_marks_that_do_not_start_at_one_are_text() -> None:
    headings, paragraphs, _ = _outline("一、总论\n③这是脚注的说明文字\n")
    assert headings == [("一", "总论", 1)]
    assert paragraphs == ["③这是脚注的说明文字"]


def test_section_records_scheme_and_marker_as_written() -> None:
    doc = ap.parse("范文 | 一、总论\n（一）背景\n1．现状\n |")
    top = doc.sections[0]
    assert (top.scheme, top.marker, top.number) == ("cn-dun", "一、", "一")
    child = top.subsections[0]
    assert (child.scheme, child.marker, child.number) == ("cn-paren", "（一）", "一")
    grandchild = child.subsections[0]
    assert (grandchild.scheme, grandchild.marker, grandchild.number) == ("decimal", "1．", "1")


def test_too_deep_numbers_are_text_with_a_warning() -> None:
    deep = ".".join(["1"] * (MAX_DECIMAL_DEPTH + 1))
    parts = ["1引言 内容。"] + [
        ".".join(["1"] * n) + f"第{n}层" for n in range(2, MAX_DECIMAL_DEPTH + 2)
    ]
    headings, paragraphs, codes = _outline(" ".join(parts))
    assert len(headings) == MAX_DECIMAL_DEPTH
    assert any(p.startswith(deep) for p in paragraphs)
    assert codes == ["heading-too-deep"]


def test_thousands_of_levels_deep_parse_and_round_trip() -> None:
    text = "范文 | " + " ".join(".".join(["1"] * n) + "标题" for n in range(1, 2001)) + " |"
    doc = ap.parse(text)
    assert ap.render(doc) == text
    assert ap.Article.model_validate_json(doc.model_dump_json()) == doc


def test_numbered_references_heading_opens_the_references_block() -> None:
    body = (
        "1引言 内容。 2参考文献 [1]张三.题名[J].刊名,2019(4):1-3. [2]李四.书名[M].北京:出版社,2020."
    )
    doc = ap.parse(f"范文 | {body} |")
    assert [(s.number, s.title) for s in doc.sections] == [("1", "引言"), ("2", "参考文献")]
    assert [r.label for r in doc.references] == ["[1]", "[2]"]
    assert doc.sections[1].paragraphs == []


def test_back_matter_title_ends_the_references() -> None:
    body = "一、现状\n正文一。\n参考文献：\n[1]甲.题名[J].刊名,2019(1):1-2.\n致谢\n感谢导师。"
    doc = ap.parse(f"标题 | 测试 |\n范文 | {body} |\n")
    assert [r.text for r in doc.references] == ["甲.题名[J].刊名,2019(1):1-2."]
    assert [(s.title, [p.text for p in s.paragraphs]) for s in doc.sections] == [
        ("现状", ["正文一。", "致谢", "感谢导师。"]),
    ]


def test_list_items_in_a_decimal_outline_are_paragraphs() -> None:
    """GB/T 7713's 列项: '(1)', '1)' and '①' items under decimal headings."""
    body = "1 引言\n正文。\n(1)第一项\n(2)第二项\n1)甲项\n① 乙项\n1.1 背景\n正文。\n(1)说明。\n2 方法\n正文。"
    headings, paragraphs, codes = _outline(body)
    assert headings == [("1", "引言", 1), ("1.1", "背景", 2), ("2", "方法", 1)]
    assert paragraphs == [
        "正文。",
        "(1)第一项",
        "(2)第二项",
        "1)甲项",
        "① 乙项",
        "正文。",
        "(1)说明。",
        "正文。",
    ]
    assert codes == []


def test_list_items_on_one_line_are_paragraphs_of_their_own() -> None:
    body = "1 引言 主要有: (1)第一项 (2)第二项。 2 方法 正文。"
    headings, paragraphs, _ = _outline(body)
    assert headings == [("1", "引言", 1), ("2", "方法", 1)]
    assert paragraphs == ["主要有:", "(1)第一项", "(2)第二项。", "正文。"]


def test_paren_numbers_are_a_heading_level_under_a_top_1_dot() -> None:
    """'1.' at the top is the Chinese chain's third level: '(1)' under it is a heading."""
    headings, _, _ = _outline("1.现状\n(1)问题\n正文。\n(2)原因\n正文。\n2.对策\n正文。")
    assert headings == [("1", "现状", 1), ("1", "问题", 2), ("2", "原因", 2), ("2", "对策", 1)]


def test_run_in_paren_heading_in_a_chinese_outline() -> None:
    headings, paragraphs, _ = _outline(
        "一、总论\n(1)加强领导。各级组织要负责。\n(2)完善制度。制度要落实。"
    )
    assert headings == [("一", "总论", 1), ("1", "加强领导", 2), ("2", "完善制度", 2)]
    assert paragraphs == ["各级组织要负责。", "制度要落实。"]


@pytest.mark.parametrize(
    ("body", "paragraphs"),
    [
        # a short title with no number between two paragraphs of a single-line body
        (
            "前言写完了。 杜撰的发展现状 随着融合的推进,工作有了新的进展。",
            ["前言写完了。", "杜撰的发展现状", "随着融合的推进,工作有了新的进展。"],
        ),
        # with the pinyin a mirror site writes after some characters
        (
            "前言写完了。 媒體發(fā)展現(xiàn)狀 隨著融合的推進,工作有了新的進展。",
            ["前言写完了。", "媒體發(fā)展現(xiàn)狀", "隨著融合的推進,工作有了新的進展。"],
        ),
        # a phrase that goes on, or a citation after it: one sentence
        (
            "前言写完了。 我们看到的 结论是明确的而且可靠。",
            ["前言写完了。", "我们看到的 结论是明确的而且可靠。"],
        ),
        (
            "前言写完了。 签约服务提供了条件 [2]。社区护士可以提醒。",
            ["前言写完了。", "签约服务提供了条件 [2]。社区护士可以提醒。"],
        ),
    ],
)
def test_unnumbered_title_on_one_line_is_a_paragraph_of_its_own(
    body: str, paragraphs: list[str]
) -> None:
    _, got, _ = _outline(body)
    assert got == paragraphs


def test_headings_ending_in_page_numbers_are_reported_once() -> None:
    doc = ap.parse(
        "范文 | 1.企业资金管理的现状分析4 2.应收账款管理中的问题5 3.完善存货管理的主要对策5 "
        "4.加强现金预算管理的措施6 引言 正文。 |"
    )
    found = [d for d in doc.diagnostics if d.code == "heading-page-number"]
    assert [d.offset for d in found] == [5]


def test_numbered_short_titles_are_no_contents() -> None:
    # '实验1', '实验2': an ordinal after a short title, not a page number
    doc = ap.parse("范文 | 1 实验1 正文。 2 实验2 正文。 3 实验3 正文。 |")
    assert [d.code for d in doc.diagnostics] == []


def test_page_numbers_that_go_down_are_no_contents() -> None:
    doc = ap.parse(
        "范文 | 1 研究区域概况与数据9 正文。 2 研究方法与技术路线2 正文。 3 结果与讨论分析3 正文。 |"
    )
    assert "heading-page-number" not in [d.code for d in doc.diagnostics]


@pytest.mark.parametrize(
    ("body", "headings", "paragraphs"),
    [
        # entries with no page numbers, the text from the first entry's title again
        (
            "目录\n(一)背景 (二)方法\n一、背景\n正文一。\n二、方法\n正文二。",
            [("一", "背景", 1), ("二", "方法", 1)],
            ["正文一。", "正文二。"],
        ),
        (
            "目录 (一)背景 (二)方法 一、背景 正文一。 二、方法 正文二。",
            [("一", "背景", 1), ("二", "方法", 1)],
            ["正文一。", "正文二。"],
        ),
        # the title set apart by spaces, leader dots and pages, a listed label
        (
            "目   录\n1 引言……1\n2 方法……3\n参考文献……9\n1 引言\n正文一。\n2 方法\n正文二。",
            [("1", "引言", 1), ("2", "方法", 1)],
            ["正文一。", "正文二。"],
        ),
        (
            "目录 1 引言……1 2 方法……3 1 引言 正文一。 2 方法 正文二。",
            [("1", "引言", 1), ("2", "方法", 1)],
            ["正文一。", "正文二。"],
        ),
        # no repeat and no page numbers: only the title is the table's
        (
            "目录\n一、背景\n正文一。",
            [("一", "背景", 1)],
            ["正文一。"],
        ),
    ],
)
def test_table_of_contents_is_chrome(
    body: str, headings: list[tuple[str, str, int]], paragraphs: list[str]
) -> None:
    got_headings, got_paragraphs, codes = _outline(body)
    assert got_headings == headings
    assert got_paragraphs == paragraphs
    assert codes == ["contents-entry"]


def test_a_numbered_heading_equal_to_the_title_is_no_title_again() -> None:
    # the line above it is a heading, not the page's list above the title written again
    doc = ap.parse("标题 | 的上上上 |\n范文 | 一、的上 （一）的上上上 |")
    nodes = [n for n in walk_sections(doc.sections) if isinstance(n, Section)]
    assert [(n.number, n.title, n.level) for n in nodes] == [
        ("一", "的上", 1),
        ("一", "的上上上", 2),
    ]
    assert doc.diagnostics == []
