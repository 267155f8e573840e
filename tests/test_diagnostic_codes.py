"""Every diagnostic code, triggered on purpose: its position and its advice.

Each row of ``TRIGGERS`` is the smallest input that produces one code, the
line and column (1-based) the diagnostic must point at, and the words of the
message that tell a person what to do. A code added to the table without a row
here fails ``test_every_code_has_a_trigger``; the few codes no input should
produce (a rule's guard against a defect of the parser) are listed in
``GUARDS`` with the test that triggers them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import articleparse as ap


@dataclass(frozen=True)
class Trigger:
    data: str | bytes  # bytes go through parse_bytes, text through parse
    line: int
    column: int
    action: str  # what the message tells a person to do
    detail: str = ""  # what the message says about this input


TRIGGERS = {
    "row-unterminated": Trigger(
        "标题 | 题目 |\n范文 | 正文没有结尾\n第二行",
        line=2,
        column=1,
        action="end the row's last line with ' |'",
        detail="never closes",
    ),
    "decode-invalid-bytes": Trigger(
        "标题 | 题目 |\n范文 | ab".encode() + b"\xff" + b"cd |\n",
        line=2,
        column=8,
        action="re-save the file as UTF-8 or pass encoding=",
        detail="byte(s) ff at byte offset 29",
    ),
    "decode-mixed": Trigger(
        "标题 | 题目 |\n范文 | ".encode("gbk")
        + "面对当前全面从严治党的新形势和新要求".encode()
        + " |\n".encode("gbk"),
        line=2,
        column=6,
        action="re-save the file in one encoding",
        detail="bytes 21 to 75 are UTF-8 text in a file decoded as gb18030",
    ),
    "body-open": Trigger(
        "标题 | 题目 |\n范文 |\n第一段。\n第二段。\n随便看 |",
        line=2,
        column=1,
        action="end the body's last line with ' |'",
    ),
    "field-unlikely": Trigger(
        "标题 | 题目 |\n范文 | 关键词：第一个关键词是一句完整的话。；乙\n1 引言\n正文。 |",
        line=2,
        column=6,
        action="check that field",
        detail="is a sentence",
    ),
    "paragraph-unlikely": Trigger(
        "标题 | 题目 |\n范文 | 近年来，基层治理的研究越来越多。\n张三. 题名[J]. 刊名, 2021, 2(3): 1-9. |",
        line=3,
        column=1,
        action="check it",
        detail="a reference entry or a citation",
    ),
    "chrome-before-text": Trigger(
        "标题 | 题目 |\n范文 | 本刊讯\n近年来，基层治理的研究越来越多。 |",
        line=2,
        column=6,
        action="report the file",
        detail="'本刊讯' is the page's notice about itself",
    ),
    "contents-entry": Trigger(
        "标题 | 题目 |\n范文 | 近年来，基层治理的研究越来越多。\n研究对象与方法……3\n正文。 |",
        line=3,
        column=1,
        action="nothing to do",
        detail="研究对象与方法……3",
    ),
    "references-unlabelled": Trigger(
        "标题 | 题目 |\n范文 | 正文。\n[1]张三.题名[J].刊名,2019(4):1-3.\n[2]李四.书名[M].北京:出版社,2018. |",
        line=3,
        column=1,
        action="add the label to be sure",
    ),
    "empty-input": Trigger(" \n\t\n", line=1, column=1, action="check the file"),
    "decode-guessed": Trigger(
        "標題 | 傳統文化 |\n範文 | 本文討論傳統文化在現代社會中的傳承與發展，認為學校教育、家庭教育與社會教育應當相互配合，共同推動優秀傳統文化的創造性轉化。 |".encode(
            "big5"
        ),
        line=1,
        column=1,
        action="pass encoding=",
        detail="decoded as big5",
    ),
    "front-matter-unplaced": Trigger(
        "标题 | 题目 |\n范文 | 张三\n编辑部特约稿件\n摘要：本文讨论一个问题。\n1 引言\n正文。 |",
        line=3,
        column=1,
        action="check the front matter",
        detail="'编辑部特约稿件' stands among the labels",
    ),
    "front-matter-unlabelled": Trigger(
        "标题 | 题目 |\n范文 | 王芳\n本文讨论基层治理的路径。\n基层治理;协同;路径\n1 引言\n正文。 |",
        line=3,
        column=1,
        action="check metadata.abstract and metadata.keywords",
    ),
    "decode-fallback": Trigger(
        "标题 | 题目 |\n范文 | 正文 |\n".encode("gbk"),
        line=1,
        column=1,
        action="pass encoding=",
        detail="decoded as gb18030",
    ),
    "heading-in-paragraph": Trigger(
        "标题 | 题目 |\n范文 | 一、背景\n研究的意义在于此。(一)方法的选择。正文在这里。 |",
        line=3,
        column=10,
        action="check the paragraph",
        detail="(一)方法的选择",
    ),
    "label-in-paragraph": Trigger(
        # a label glued to a long run of text, past where the front matter is read
        "标题 | 题目 |\n范文 | "
        + "近年来某市的社区治理研究越来越多,本文讨论其路径与方法。" * 12
        + "【关键词】社区;治理;路径这是接着的正文。 |",
        line=2,
        column=342,
        action="check the front matter",
        detail="【关键词】",
    ),
    "heading-out-of-sequence": Trigger(
        "标题 | 题目 |\n范文 | 1 绪论\n1.1 背景\n正文。\n1.2 方法\n正文。\n1.1 背景\n正文。 |",
        line=7,
        column=1,
        action="check the numbering",
        detail="1.1 背景",
    ),
    "heading-empty-run": Trigger(
        "标题 | 题目 |\n范文 | 1. 史学\n2. 方法\n3. 文献\n正文。 |",
        line=4,
        column=1,
        action="check the outline",
        detail="1 史学",
    ),
    "heading-rank": Trigger(
        "标题 | 题目 |\n范文 | 1. 相关文章的题目\n正文在这里。\n一、引言\n正文。 |",
        line=4,
        column=1,
        action="check the outline",
        detail="comes under",
    ),
    "heading-gap": Trigger(
        "范文 | 1引言 1.1背景 1.3方法 |",
        line=1,
        column=16,
        action="check the numbering",
        detail="expected 1.2",
    ),
    "heading-jump": Trigger(
        "范文 | 1引言\n1.1.1细节\n|",
        line=2,
        column=1,
        action="check the numbering",
        detail="expected 1.1",
    ),
    "heading-page-number": Trigger(
        "范文 | 目录\n1.企业资金管理的现状分析4\n2.应收账款管理中的问题5\n"
        "3.完善存货管理的主要对策5\n引言\n正文。 |",
        line=2,
        column=1,
        action="check the sections",
        detail="end in page numbers",
    ),
    "heading-title-long": Trigger(
        "范文 | 前言。\n一、问题提出杜撰的队伍建设始终是一项长期的基础工作。各地持续探索。\n |",
        line=2,
        column=1,
        action="check the heading",
        detail="characters",
    ),
    "heading-run-on": Trigger(
        "范文 | 前言。\n一、问题提出杜撰的队伍建设始终是一项长期的基础工作,也是各地持续探索的内容。\n |",
        line=2,
        column=1,
        action="check the line",
        detail="continues the numbering",
    ),
    "heading-too-deep": Trigger(
        "范文 | 1一 1.1二 1.1.1三 1.1.1.1四 1.1.1.1.1五 1.1.1.1.1.1六 1.1.1.1.1.1.1七 |",
        line=1,
        column=54,
        action="if it is a heading",
        detail="'1.1.1.1.1.1.1'",
    ),
    "duplicate-field": Trigger(
        "标题 | 第一个 |\n标题 | 第二个 |\n范文 | 正文 |",
        line=2,
        column=6,
        action="remove or rename",
        detail="标题 appears again",
    ),
    "empty-field": Trigger(
        "范文 | 张三 摘要: 关键词:党建 |",
        line=1,
        column=9,
        action="fill in the value or remove the label",
        detail="'摘要:' has no value",
    ),
    "too-many-diagnostics": Trigger(
        "".join(f"标题 | 题{i} |\n" for i in range(1002)) + "范文 | 正文是一句完整的话。 |",
        line=1001,
        column=6,
        action="fix the problems reported first",
        detail="2 more diagnostic(s) not kept (2 warning(s))",
    ),
    "keywords-unsplit": Trigger(
        "标题 | 题目 |\n范文 | 关键词:党建引领社区治理\n张三\n一、引言\n正文。 |",
        line=2,
        column=6,
        action="check metadata.keywords",
        detail="'党建引领社区治理'",
    ),
    "no-body": Trigger(
        "标题 | 只有标题 |\n随便看 |\n",
        line=1,
        column=1,
        action="check that the file is in the scrape format",
    ),
}


def parse(data: str | bytes) -> ap.Article:
    return ap.parse_bytes(data) if isinstance(data, bytes) else ap.parse(data)


# Codes no input should produce: each guards a rule against a defect of the
# parser itself, and is triggered in the test named here.
GUARDS = {
    "body-stalled": "test_body_progress.py::test_stalled_token_becomes_a_paragraph_with_a_diagnostic",
}


def test_every_code_has_a_trigger() -> None:
    assert set(TRIGGERS) | set(GUARDS) == set(ap.CODES)
    assert not set(TRIGGERS) & set(GUARDS)


@pytest.mark.parametrize("code", list(TRIGGERS))
def test_code_is_triggered_at_its_position(code: str) -> None:
    trigger = TRIGGERS[code]
    doc = parse(trigger.data)
    found = [d for d in doc.diagnostics if d.code == code]
    assert len(found) == 1, doc.diagnostics
    diagnostic = found[0]
    assert diagnostic.severity == ap.CODES[code].severity
    assert (diagnostic.line, diagnostic.column) == (trigger.line, trigger.column)
    text = ap.render(doc)
    line_start = sum(len(line) + 1 for line in text.split("\n")[: trigger.line - 1])
    assert diagnostic.offset == line_start + trigger.column - 1


@pytest.mark.parametrize("code", list(TRIGGERS))
def test_message_says_what_to_do(code: str) -> None:
    trigger = TRIGGERS[code]
    diagnostic = next(d for d in parse(trigger.data).diagnostics if d.code == code)
    assert diagnostic.message.endswith(ap.CODES[code].advice)
    assert trigger.action in diagnostic.message
    assert trigger.detail in diagnostic.message


@pytest.mark.parametrize("code", [c for c in TRIGGERS if ap.CODES[c].severity == "error"])
def test_strict_mode_raises_on_error_codes(code: str) -> None:
    data = TRIGGERS[code].data
    with pytest.raises(ap.ParseError) as raised:
        if isinstance(data, bytes):
            ap.parse_bytes(data, strict=True)
        else:
            ap.parse(data, strict=True)
    assert any(d.code == code for d in raised.value.diagnostics)
    trigger = TRIGGERS[code]
    assert f"line {trigger.line}, column {trigger.column}" in str(raised.value)


@pytest.mark.parametrize("code", [c for c in TRIGGERS if ap.CODES[c].severity != "error"])
def test_strict_mode_accepts_warnings_and_info(code: str) -> None:
    data = TRIGGERS[code].data
    doc = (
        ap.parse_bytes(data, strict=True)
        if isinstance(data, bytes)
        else ap.parse(data, strict=True)
    )
    assert any(d.code == code for d in doc.diagnostics)
