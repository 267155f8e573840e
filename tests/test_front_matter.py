"""Front matter inside the body: authors, affiliations, labelled fields."""

from __future__ import annotations

import articleparse as ap


def _parse(text: str) -> ap.Article:
    doc = ap.parse(text)
    assert ap.render(doc) == text
    return doc


def test_numbered_affiliation_lines_after_the_authors() -> None:
    doc = _parse(
        "范文 | 张三1，李四2\n1.某某大学 经济学院,湖北 武汉 430000\n2.某某研究所,北京 100000\n"
        "摘要：本文研究。\n关键词：甲；乙\n1 引言\n正文。 |"
    )
    assert doc.metadata.authors == ["张三", "李四"]
    assert doc.metadata.affiliations == [
        "某某大学 经济学院,湖北 武汉 430000",
        "某某研究所,北京 100000",
    ]
    assert doc.metadata.extra == {}
    assert doc.diagnostics == []


def test_bracketed_affiliation_glued_to_a_name() -> None:
    doc = _parse("范文 | 王五（某某公司,湖南 长沙 410004）\n摘要：本文研究。\n正文。 |")
    assert doc.metadata.authors == ["王五"]
    assert doc.metadata.affiliations == ["某某公司,湖南 长沙 410004"]


def test_headings_after_the_front_matter_are_not_authors() -> None:
    doc = _parse("范文 | 摘要:x 文献标识码:A 1 引言 正文内容 作者简介:张三 |")
    assert doc.metadata.authors == []
    assert doc.metadata.author_info == "张三"
    assert [(s.number, s.title) for s in doc.sections] == [("1", "引言")]


def test_label_alone_on_its_line_takes_the_next_line() -> None:
    doc = _parse("范文 | 摘要：\n本文研究了某问题。\n关键词：\n甲；乙\n1 引言\n正文。 |")
    assert doc.metadata.abstract == "本文研究了某问题。"
    assert doc.metadata.keywords == ["甲", "乙"]
    assert [(s.number, s.title) for s in doc.sections] == [("1", "引言")]
    assert doc.diagnostics == []


def test_empty_label_before_a_heading_is_reported() -> None:
    doc = _parse("范文 | 摘要：\n1 引言\n正文。 |")
    assert doc.metadata.abstract == ""
    assert [d.code for d in doc.diagnostics] == ["empty-field"]
    assert [(s.number, s.title) for s in doc.sections] == [("1", "引言")]


def test_english_front_matter() -> None:
    doc = _parse(
        "范文 | 摘要：中文摘要。\n关键词：甲；乙\nStudy on Rural Governance\n"
        "Abstract: This paper studies rural governance in 2019 and after.\n"
        "Key words: rural governance; village; policy\n1 引言\n正文。 |"
    )
    assert doc.metadata.title_en == "Study on Rural Governance"
    assert doc.metadata.abstract_en == "This paper studies rural governance in 2019 and after."
    assert doc.metadata.keywords_en == ["rural governance", "village", "policy"]
    assert doc.preamble == []


def test_same_list_twice_is_kept_without_a_warning() -> None:
    doc = _parse("作者 | 张三 |\n范文 | 张三 摘要:摘要。 正文。 |")
    assert doc.metadata.authors == ["张三"]
    assert doc.metadata.extra == {"作者": "张三"}
    assert doc.diagnostics == []


def test_different_list_twice_warns() -> None:
    doc = _parse("作者 | 张三 |\n范文 | 李四 摘要:摘要。 正文。 |")
    assert doc.metadata.authors == ["张三"]
    assert doc.metadata.extra == {"作者": "李四"}
    assert [d.code for d in doc.diagnostics] == ["duplicate-field"]


def test_label_word_inside_text_is_text() -> None:
    doc = _parse("范文 | 1引言 本文的摘要部分略。 2方法 关键词提取采用词频。 |")
    assert doc.metadata.abstract is None
    assert doc.metadata.keywords == []


def test_title_again_only_as_a_whole_part() -> None:
    """A first paragraph that begins with the title's words is no repeated title
    (found by the tree round trip: the title was taken from it five times)."""
    doc = _parse("标题 | 上上 |\n范文 | 上上上上上上上上上上。 |")
    assert [p.text for p in doc.preamble] == ["上上上上上上上上上上。"]
    assert doc.metadata.extra == {}
    repeated = _parse("标题 | 基层治理 |\n范文 | 基层治理\n王芳\n摘要:甲。\n1 引言\n乙。 |")
    assert repeated.metadata.extra == {"标题": "基层治理"}
    assert repeated.metadata.authors == ["王芳"]


def test_names_glued_to_a_mirror_date_split_one_way_only() -> None:
    from articleparse.parser.front.names import split_glued

    glued = split_glued("邵明辉卢雨桐")
    assert glued is not None and [name.value for name in glued] == ["邵明辉", "卢雨桐"]
    assert split_glued("庞景明等") is None  # '等' is no name
    assert split_glued("高校图书馆建设") is None
    doc = ap.parse("标题 | 题 |\n范文 | 2021-06-02 14:08鲁婉清尹立夫\n一、引言\n正文。 |\n")
    assert doc.metadata.authors == ["鲁婉清", "尹立夫"]
    assert doc.boilerplate == ["2021-06-02 14:08"]


def test_lower_case_english_labels_need_their_colon() -> None:
    doc = ap.parse(
        "标题 | 题 |\n范文 | 摘要:本文。\nabstract: This paper.\nkeywords: a; b\n1 引言\n"
        "keywords matter less than trust.\nabstract rules.\n正文。 |\n"
    )
    assert doc.metadata.abstract_en == "This paper."
    assert doc.metadata.keywords_en == ["a", "b"]
    texts = [paragraph.text for paragraph in doc.sections[0].paragraphs]
    assert texts == ["keywords matter less than trust.", "abstract rules.", "正文。"]


def test_question_marks_for_a_lost_space_after_a_label() -> None:
    # a page shows '?' for the space between a label and its value
    doc = _parse("范文 | 王五\n摘要??本文研究某问题。\n关键词?甲;乙\n1 引言\n正文。 |")
    assert doc.metadata.abstract == "本文研究某问题。"
    assert doc.metadata.keywords == ["甲", "乙"]


def test_question_mark_after_a_label_word_in_a_sentence_is_text() -> None:
    doc = _parse("范文 | 1 引言\n什么是摘要? 摘要是论文的缩影。 |")
    assert doc.metadata.abstract is None
    assert [p.text for p in doc.sections[0].paragraphs] == ["什么是摘要? 摘要是论文的缩影。"]


def test_front_label_after_text_reports_where_the_text_was_chosen() -> None:
    banner = "各类期刊论文的题录与全文链接，所收内容均来自公开出版物，可供检索与比较，" * 3
    doc = _parse(f"范文 | {banner} 摘要:本文研究某问题。 关键词:甲;乙 1 引言 正文。 |")
    assert doc.metadata.abstract == "本文研究某问题。"
    found = [d for d in doc.diagnostics if d.code == "front-matter-unplaced"]
    assert [d.offset for d in found] == [5]


def test_site_notice_before_the_front_matter_is_chrome_and_the_zone_goes_on() -> None:
    doc = _parse(
        "范文 | 尊敬的读者、作者，关于本刊的投稿与审稿，您可以在本页留言，我们将尽快答复。\n"
        "某某学报\n张三 李四\n摘要:本文研究某问题。\n关键词:甲;乙\n1 引言\n正文。 |"
    )
    assert doc.metadata.abstract == "本文研究某问题。"
    assert doc.metadata.authors == ["张三", "李四"]
    assert doc.boilerplate[0].startswith("尊敬的读者")
    notice = [d for d in doc.diagnostics if d.code == "chrome-before-text"]
    assert [(d.line, d.column) for d in notice] == [(1, 6)]


def test_keywords_running_into_the_text_after_a_space_are_reported() -> None:
    doc = _parse(
        "范文 | 摘要:本文研究某问题。\n"
        "关键词:社区治理,基层,协同,路径 近年来,基层治理的研究越来越多,学界展开了讨论。\n"
        "1 引言\n正文。 |"
    )
    found = [d for d in doc.diagnostics if d.code == "field-unlikely"]
    assert found and "holds a space" in found[0].message
    assert (found[0].line, found[0].column) == (2, 1)


def test_a_keyword_label_before_space_run_items_ends_the_abstract() -> None:
    doc = _parse(
        "范文 | 摘要:本文研究某问题,讨论其成因与对策,提出三条建议 关键词甲乙    丙丁    戊己 |"
    )
    assert doc.metadata.abstract == "本文研究某问题,讨论其成因与对策,提出三条建议"
    assert doc.metadata.keywords == ["甲乙", "丙丁", "戊己"]


def test_keywords_as_a_word_of_the_abstract_are_no_label() -> None:
    doc = _parse("范文 | 摘要:研究发现,该领域的热点关键词为乡村振兴与共同富裕。\n1 引言\n正文。 |")
    assert not [d for d in doc.diagnostics if d.code == "field-unlikely"]


def test_an_abstract_ending_in_english_words_is_reported() -> None:
    english = " ".join(["Study", "of", "the", "whole", "chain", "innovation"] * 5)
    doc = _parse(f"范文 | 摘要:本文研究某问题,讨论其成因与对策。{english}\n1 引言\n正文。 |")
    found = [d for d in doc.diagnostics if d.code == "field-unlikely"]
    assert found and "English words" in found[0].message


def test_interface_words_above_the_title_are_no_names() -> None:
    # '相' and '推' open names too; '相關 推薦' is the page's links
    doc = _parse("范文 | - 相關 推薦 某某研究 摘要:本文研究某问题。 关键词:甲;乙 1 引言 正文。 |")
    assert doc.metadata.authors == []
    assert doc.metadata.abstract == "本文研究某问题。"


def test_bare_keywords_spaced_after_semicolons_on_one_line() -> None:
    doc = _parse(
        "范文 | 钱某某, 孙某某 (某某大学 管理学院, 江苏 南京 210000) "
        "本文称量了剩餐。剩餐来自主食。 剩餐; 高校食堂; 节约 食堂每天供应餐食。 1 方法 称量。 |"
    )
    assert doc.metadata.abstract == "本文称量了剩餐。剩餐来自主食。"
    assert doc.metadata.keywords == ["剩餐", "高校食堂", "节约"]
    assert [p.text for p in doc.preamble] == ["食堂每天供应餐食。"]


def test_list_glued_to_a_paragraph_on_one_line_is_reported() -> None:
    doc = _parse(
        "范文 | 本文建立了模型。 县域物流、站点布局、选址模型 农村网购增长很快。 1 模型 正文。 |"
    )
    assert [d.code for d in doc.diagnostics] == ["paragraph-unlikely"]
    assert doc.diagnostics[0].offset == len("范文 | 本文建立了模型。 ")


def test_clause_with_mixed_marks_before_a_space_is_text() -> None:
    # a sentence cut by a space after its first clause is no list
    doc = _parse(
        "范文 | 本文建立了模型。 设备安全、稳定的运行,是前提 ,但操作复杂。 1 模型 正文。 |"
    )
    assert doc.diagnostics == []


def test_tag_residue_ends_a_paragraph_on_one_line() -> None:
    doc = _parse("范文 | 1 引言 甲乙丙丁。”①/p> 《某书》记载了此事 /div> 戊己庚。 |")
    assert [p.text for p in doc.sections[0].paragraphs] == [
        "甲乙丙丁。”①/p>",
        "《某书》记载了此事 /div>",
        "戊己庚。",
    ]


def test_title_glued_before_the_text_on_one_line_is_reported() -> None:
    doc = _parse(
        "标题 | 乡村民宿的满意度 |\n范文 | 乡村民宿的满意度_第1页 乡村民宿近年来发展迅速,游客很多。 |"
    )
    assert [d.code for d in doc.diagnostics] == ["paragraph-unlikely"]
    assert "title" in doc.diagnostics[0].message


def test_sentence_opening_with_the_title_words_is_text() -> None:
    doc = _parse(
        "标题 | 教育评价数字化 |\n范文 | 教育评价数字化既是要求,也是趋势。 随着技术发展,评价在变。 |"
    )
    assert doc.diagnostics == []


def test_clauses_split_by_commas_before_a_space_are_text() -> None:
    doc = _parse(
        "范文 | 本文比较了覆膜方式。 试验设5个处理,3次重复,小区面积30 m2。 1 结果 正文。 |"
    )
    assert doc.diagnostics == []


def test_label_glued_after_an_address_on_one_line() -> None:
    doc = _parse(
        "范文 | 通讯作者: E-mail: li@example.cn作者简介: 李某(1990—),女,博士。 1 引言 正文。 |"
    )
    assert doc.metadata.extra == {"通讯作者": "E-mail: li@example.cn"}
    assert doc.metadata.author_info == "李某(1990—),女,博士。"


def test_label_word_after_an_abbreviation_is_text() -> None:
    doc = _parse("范文 | 1 引言 按JEL分类号:E2 归类。 |")
    assert doc.metadata.clc == []


def test_english_abstract_running_on_past_a_glued_label_is_reported() -> None:
    doc = _parse("范文 | Abstract: Loss rose with slope.关键词 梯田/坡度 |")
    assert [d.code for d in doc.diagnostics] == ["field-unlikely"]


def test_english_abstract_quoting_a_chinese_name_is_not_reported() -> None:
    doc = _parse("范文 | Abstract: Plots near 黄河 were measured. 1 Methods 正文。 |")
    assert doc.diagnostics == []


def test_record_page_with_a_bare_doi_and_no_labels() -> None:
    doc = _parse(
        "范文 | 10.1234/j.issn.1000-0000.2019.05.011 本文调查了边坡。 边坡、植被、侵蚀 正文。 |"
    )
    assert doc.metadata.doi == "10.1234/j.issn.1000-0000.2019.05.011"
    assert doc.metadata.abstract == "本文调查了边坡。"
    assert doc.metadata.keywords == ["边坡", "植被", "侵蚀"]
    assert [d.code for d in doc.diagnostics] == ["front-matter-unlabelled"]


def test_bare_keyword_line_after_a_labelled_abstract() -> None:
    for body in (
        "摘要\n本文调查了边坡。\n边坡;植被;侵蚀\n1 引言\n正文。",
        "摘要:本文调查了边坡。 边坡;植被;侵蚀 1 引言 正文。",
    ):
        doc = _parse(f"范文 | {body} |")
        assert doc.metadata.abstract == "本文调查了边坡。"
        assert doc.metadata.keywords == ["边坡", "植被", "侵蚀"]
        assert doc.metadata.affiliations == []
        assert [d.code for d in doc.diagnostics] == ["front-matter-unlabelled"]


def test_line_after_a_labelled_abstract_that_is_no_list_stays() -> None:
    # a sentence with ';' is no keyword list
    doc = _parse(
        "范文 | 摘要:本文调查了边坡。\n坡度较大;植被稀疏的地段侵蚀最重。\n1 引言\n正文。 |"
    )
    assert doc.metadata.keywords == []


def test_cell_bars_at_line_starts_are_layout() -> None:
    # a forum's table cells: '| ' opens the value and the paragraph's line
    for body in (
        "| 甘某(某省某市职业技术学校,某省 某市 512000)\n| 长期以来,配方追求生长速度。\n1 问题\n正文。",
        "| 甘某(某省某市职业技术学校,某省 某市 512000) | 长期以来,配方追求生长速度。 1 问题 正文。",
    ):
        doc = _parse(f"范文 | {body} |")
        assert doc.metadata.authors == ["甘某"]
        texts = [p.text for p in doc.preamble]
        assert texts == ["长期以来,配方追求生长速度。"]


def test_bar_inside_a_line_stays_text() -> None:
    doc = _parse("范文 | 前文写到这里。\n甲项 | 乙项 | 丙项\n正文。 |")
    assert [p.text for p in doc.preamble] == ["前文写到这里。", "甲项 | 乙项 | 丙项", "正文。"]


def test_role_and_name_byline_after_the_editors_lead() -> None:
    for body in (
        "古城墙的修复常常引起争议。\n撰文 | 魏青禾\n1 修复的原则\n正文。",
        "古城墙的修复常常引起争议。 文/魏青禾 1 修复的原则 正文。",
        "文／魏青禾\n古城墙的修复常常引起争议。\n1 修复的原则\n正文。",
    ):
        doc = _parse(f"标题 | 某题 |\n范文 | {body} |\n")
        assert doc.metadata.authors == ["魏青禾"]
        assert [s.title for s in doc.sections] == ["修复的原则"]
        assert [p.text for p in doc.preamble] == ["古城墙的修复常常引起争议。"]


def test_credit_of_another_role_is_no_author() -> None:
    doc = _parse("标题 | 某题 |\n范文 | 古城墙的修复常常引起争议。\n图/魏青禾\n1 原则\n正文。 |\n")
    assert doc.metadata.authors == []


def test_english_label_with_a_language_tag_and_an_author_bio_block() -> None:
    for body in (
        "Abstract (中文)\n本文比较了两地的节庆。\n關鍵詞: 節慶、社區\nAuthor\n"
        "秦海帆, 某大学博士生,研究方向为社会学。 林晚舟, 某研究院助理研究员,研究方向为民俗学。\n"
        "一、引言\n正文。",
        "Abstract (中文) 本文比较了两地的节庆。 關鍵詞: 節慶、社區 Author "
        "秦海帆, 某大学博士生,研究方向为社会学。 林晚舟, 某研究院助理研究员,研究方向为民俗学。"
        " 一、引言 正文。",
    ):
        doc = _parse(f"标题 | 某题 |\n范文 | {body} |\n")
        assert doc.metadata.abstract == "本文比较了两地的节庆。"
        assert doc.metadata.abstract_en is None
        assert doc.metadata.authors == ["秦海帆", "林晚舟"]
        assert [p.text for p in doc.preamble] == []


def test_english_author_label_before_pinyin_names_is_kept_under_its_label() -> None:
    doc = _parse("标题 | 某题 |\n范文 | 张三1,李四2\nAuthors:ZHANG San  LI Si\n1 引言\n正文。 |\n")
    assert doc.metadata.authors == ["张三", "李四"]
    assert doc.metadata.extra == {"Authors": "ZHANG San  LI Si"}
