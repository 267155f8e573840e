"""Rows, chrome and labels at the file level (design.md §2, "Rows")."""

from __future__ import annotations

import articleparse as ap


def _parse(text: str) -> ap.Article:
    doc = ap.parse(text)
    assert ap.render(doc) == text
    return doc


def test_unknown_labels_are_kept_in_extra_as_written() -> None:
    doc = _parse("标题 | 题目 |\n栏目 | 教育 |\n 发布时间  | 2021-05-12 |\n")
    assert doc.metadata.extra == {"栏目": "教育", "发布时间": "2021-05-12"}


def test_empty_values_and_bare_rows_are_chrome() -> None:
    doc = _parse("标题 | 题目 |\n范文 | 正文。 |\n随便看 |\n|\n上一篇 | 别的文章 |\n")
    assert doc.boilerplate == ["随便看 |", "|", "上一篇 | 别的文章 |"]
    assert [p.text for p in doc.preamble] == ["正文。"]


def test_unknown_label_with_empty_value_is_kept() -> None:
    doc = _parse("标题 | 题目 |\n分享 |\n")
    assert doc.metadata.extra == {"分享": ""}


def test_value_may_contain_bars() -> None:
    doc = _parse("标题 | A|B 的比较 |\n范文 | 阻抗比|Zo/Zin|小于1。 |\n")
    assert doc.metadata.title == "A|B 的比较"
    assert [p.text for p in doc.preamble] == ["阻抗比|Zo/Zin|小于1。"]


def test_value_spanning_lines_ends_at_first_line_ending_in_bar() -> None:
    doc = _parse("范文 | 第一段。\n第二段。\n第三段。 |\n页脚文字\n")
    assert [p.text for p in doc.preamble] == ["第一段。", "第二段。", "第三段。"]
    assert doc.boilerplate == ["页脚文字"]


def test_crlf_line_endings_are_kept() -> None:
    doc = _parse("标题 | 题目 |\r\n范文 | 第一段。\r\n第二段。 |\r\n随便看 |\r\n")
    assert doc.metadata.title == "题目"
    assert [p.text for p in doc.preamble] == ["第一段。", "第二段。"]
    assert [p.sep for p in doc.preamble] == ["\r\n", ""]


def test_unterminated_last_row_keeps_everything_and_reports_where() -> None:
    text = "标题 | 题目 |\n范文 | 第一段。\n第二段还没有结束"
    doc = _parse(text)
    assert [p.text for p in doc.preamble] == ["第一段。", "第二段还没有结束"]
    [diagnostic] = doc.diagnostics
    assert (diagnostic.code, diagnostic.severity, diagnostic.line, diagnostic.column) == (
        "row-unterminated",
        "error",
        2,
        1,
    )
    assert "' |'" in diagnostic.message


def test_text_outside_rows_is_chrome_before_and_after() -> None:
    doc = _parse("首页 > 论文 > 教育\n标题 | 题目 |\n范文 | 正文。 |\n版权所有\n联系我们")
    assert doc.boilerplate == ["首页 > 论文 > 教育", "版权所有", "联系我们"]


def test_title_row_and_author_row() -> None:
    doc = _parse("标题 | 题目 |\n作者 | 张三，李四 |\n来源 | 某某学报 |\n范文 | 正文。 |\n")
    assert doc.metadata.authors == ["张三", "李四"]
    assert doc.metadata.source == "某某学报"


def test_a_second_title_goes_to_extra_with_a_warning() -> None:
    doc = _parse("标题 | 甲 |\n标题 | 乙 |\n")
    assert doc.metadata.title == "甲"
    assert doc.metadata.extra == {"标题": "乙"}
    assert [d.code for d in doc.diagnostics] == ["duplicate-field", "no-body"]


def test_no_body_row_is_a_warning() -> None:
    doc = _parse("只是一些文字\n")
    assert [d.code for d in doc.diagnostics] == ["no-body"]
    assert doc.boilerplate == ["只是一些文字"]


def test_body_variants_of_the_label() -> None:
    for label in ("范文", "正文", "内容"):
        doc = _parse(f"{label} | 摘要:短摘要。 关键词:甲;乙 正文第一段。 |")
        assert doc.metadata.abstract == "短摘要。"
        assert doc.metadata.keywords == ["甲", "乙"]
        assert [p.text for p in doc.preamble] == ["正文第一段。"]


def test_edit_title_changes_only_the_title() -> None:
    text = "标题 | 旧题目 |\n范文 | 张三 摘要:摘要。 关键词:甲;乙 正文。 |\n随便看 |\n"
    doc = _parse(text)
    metadata = doc.metadata.model_copy(update={"title": "新题目", "keywords": ["丙", "丁"]})
    edited = doc.model_copy(update={"metadata": metadata})
    assert ap.render(edited) == text.replace("旧题目", "新题目").replace("甲;乙", "丙;丁")


def test_edit_section_title_changes_only_that_title() -> None:
    text = "范文 | 1引言 内容。 1.1背景 内容。 |"
    doc = _parse(text)
    child = doc.sections[0].subsections[0].model_copy(update={"title": "研究背景"})
    top = doc.sections[0].model_copy(update={"subsections": [child]})
    edited = doc.model_copy(update={"sections": [top]})
    assert ap.render(edited) == text.replace("1.1背景", "1.1研究背景")


def test_appended_paragraph_renders_with_its_neighbours_separator() -> None:
    text = "范文 | 第一段。\n第二段。 |"
    doc = _parse(text)
    edited = doc.model_copy(update={"preamble": [*doc.preamble, ap.Paragraph(text="第三段。")]})
    assert ap.render(edited) == "范文 | 第一段。\n第二段。\n第三段。 |"


def test_strict_mode_raises_with_the_diagnostics() -> None:
    try:
        ap.parse("范文 | 这一行没有结束。", strict=True)
    except ap.ParseError as error:
        assert [d.code for d in error.diagnostics] == ["row-unterminated"]
        assert "line 1, column 1" in str(error)
    else:
        raise AssertionError("strict parse of an unterminated row must raise")


def test_wrong_argument_type_raises_type_error() -> None:
    for bad in (b"bytes", None, 3):
        try:
            ap.parse(bad)  # type: ignore[arg-type]
        except TypeError:
            continue
        raise AssertionError(f"parse({bad!r}) must raise TypeError")


def test_renumbered_section_writes_the_canonical_marker() -> None:
    text = "范文 | 1．引言 正文。 2．方法 正文。 |"
    doc = _parse(text)
    renumbered = doc.sections[1].model_copy(update={"number": "3"})
    edited = doc.model_copy(update={"sections": [doc.sections[0], renumbered]})
    assert ap.render(edited) == "范文 | 1．引言 正文。 3方法 正文。 |"


def test_a_bar_line_inside_the_body_does_not_end_it() -> None:
    # the page's own line ends in a bar; the text after it closes with a sentence
    doc = _parse(
        "标题 | 题目 |\n范文 | 打印本页 | 关闭窗口 |\n一、概况\n正文一。\n二、发现\n正文二。 |\n"
    )
    assert [s.title for s in doc.sections] == ["概况", "发现"]
    assert [p.text for s in doc.sections for p in s.paragraphs] == ["正文一。", "正文二。"]


def test_a_table_border_as_the_body_value_does_not_end_it() -> None:
    doc = _parse("标题 | 题目 |\n范文 | |\n正文一。\n正文二。 |\n")
    assert [p.text for p in doc.preamble] == ["正文一。", "正文二。"]


def test_a_row_after_the_body_stays_a_row() -> None:
    # what follows the body is a row of its own, or a footer that no sentence closes
    doc = _parse("标题 | 题目 |\n范文 | 正文。 |\n随便看 |\n页脚文字\n备注 |\n")
    assert [p.text for p in doc.preamble] == ["正文。"]
    assert doc.metadata.extra == {"备注": ""}
    assert "页脚文字" in doc.boilerplate
