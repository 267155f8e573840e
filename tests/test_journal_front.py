"""A journal page's own lines before the article: its header, numbers, history,
how-to-cite lines and column name, in multi-line and single-line bodies."""

from __future__ import annotations

import pytest

import articleparse as ap

TITLE = "湿地鸟类的越冬行为"


def _parse(lines: list[str], single: bool) -> ap.Article:
    body = (" " if single else "\n").join(lines)
    text = f"标题 | {TITLE} |\n范文 | {body} |\n"
    doc = ap.parse(text)
    assert ap.render(doc) == text
    return doc


LAYOUTS = pytest.mark.parametrize("single", [False, True], ids=["multi-line", "single-line"])
END = ["摘要: 观测了三个越冬季的鸟类行为。", "1 引言", "湿地是越冬鸟类的主要栖息地。"]


@LAYOUTS
@pytest.mark.parametrize(
    "header",
    [
        "湿地科学通讯, 2024, 18(6): 77-85",
        "某某师范大学学报(自然科学版) 2023,Vol.59 Issue(1):12-20",
        "某某生态学报 ›› 2021, Vol. 7 ›› Issue (3): 5-11",
        "《动物学杂志》2020年第4期",
    ],
)
def test_journal_header_is_the_source(header: str, single: bool) -> None:
    doc = _parse([header, TITLE, "吴晓东1, 欧阳琳2", *END], single)
    assert doc.metadata.source == header
    assert doc.metadata.authors == ["吴晓东", "欧阳琳"]
    assert doc.preamble == []


@LAYOUTS
def test_registration_numbers_and_buttons(single: bool) -> None:
    doc = _parse(["ISSN 1000-123X", "CN 31-1234/Q", TITLE, "[PDF全文]", "吴晓东", *END], single)
    assert doc.metadata.extra["ISSN"] == "1000-123X"
    assert doc.metadata.extra["CN"] == "31-1234/Q"
    assert doc.metadata.authors == ["吴晓东"]
    assert doc.preamble == []


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Received:", "2022-01-05"], {"Received": "2022-01-05"}),
        (["Revised: 2022/03/01", "Online: March 9, 2022"], {"Revised": "2022/03/01"}),
        (["Available online: 12 April 2022"], {"Available online": "12 April 2022"}),
    ],
)
def test_english_history(lines: list[str], expected: dict[str, str]) -> None:
    doc = _parse(["吴晓东", *lines, *END], single=False)
    for key, value in expected.items():
        assert doc.metadata.extra[key] == value
    assert doc.preamble == []


@LAYOUTS
def test_how_to_cite_lines(single: bool) -> None:
    cn = f"吴晓东, 欧阳琳. {TITLE}[J]. 湿地科学通讯, 2024, 18(6): 77-85."
    en = "WU Xiaodong, OUYANG Lin. Wintering behaviour of wetland birds[J]. Wetland Letters, 2024, 18(6): 77-85."
    doc = _parse(["吴晓东, 欧阳琳", cn, "Cite this article: " + en, *END], single)
    assert doc.metadata.authors == ["吴晓东", "欧阳琳"]
    assert doc.metadata.extra["引用本文"] == cn
    assert doc.metadata.extra["Cite this article"] == en
    assert doc.preamble == []


@LAYOUTS
def test_column_line_before_the_title(single: bool) -> None:
    doc = _parse(["生态观察", TITLE, "吴晓东", *END], single)
    assert doc.metadata.extra["栏目"] == "生态观察"
    assert doc.metadata.authors == ["吴晓东"]


def test_numbered_units_go_on_in_a_single_line() -> None:
    doc = _parse(
        [
            "吴晓东1, 欧阳琳2",
            "1. 某某大学生命科学学院, 湖南 长沙 410081;",
            "2. 某某湿地保护站, 江西 九江 332000",
            *END,
        ],
        single=True,
    )
    assert doc.metadata.affiliations == [
        "某某大学生命科学学院, 湖南 长沙 410081",
        "某某湿地保护站, 江西 九江 332000",
    ]
    assert doc.sections[0].title == "引言"


@LAYOUTS
def test_english_sentences_are_the_abstract_not_the_title(single: bool) -> None:
    english = "Wetland birds were observed for three winters. Feeding time rose as the water fell."
    doc = _parse(["吴晓东", english, *END], single)
    assert doc.metadata.abstract_en == english
    assert doc.metadata.title_en is None


@pytest.mark.parametrize(
    ("bio", "authors"),
    [
        ("作者简介:吴晓东(1980-),男,教授;欧阳琳(1990-),女,讲师。", ["吴晓东", "欧阳琳"]),
        ("作者简介:鍾秀蘭,女,副研究员。", ["鍾秀蘭"]),
        ("作者简介:男,1980年生,教授。", []),
    ],
)
def test_authors_from_the_bio_when_no_author_line(bio: str, authors: list[str]) -> None:
    for single in (False, True):
        doc = _parse([bio, *END], single)
        assert doc.metadata.authors == authors


def test_an_author_line_wins_over_the_bio() -> None:
    doc = _parse(["欧阳琳", "作者简介:吴晓东(1980-),男,教授。", *END], single=False)
    assert doc.metadata.authors == ["欧阳琳"]


@LAYOUTS
@pytest.mark.parametrize(
    "line", [f"柯雨晴:{TITLE}研究全文", f"柯雨晴|{TITLE}-某某网", f"柯雨晴：{TITLE}"]
)
def test_heading_line_with_the_author_before_the_title(line: str, single: bool) -> None:
    doc = _parse([line, "湿地是越冬鸟类的主要栖息地。"], single)
    assert doc.metadata.authors == ["柯雨晴"]
    assert doc.boilerplate[0] == line


def test_an_author_label_wins_over_the_heading_line() -> None:
    doc = _parse([f"柯雨晴:{TITLE}", "作者: 吴晓东", *END], single=False)
    assert doc.metadata.authors == ["吴晓东"]


def test_a_sentence_after_a_name_and_colon_is_no_heading_line() -> None:
    doc = _parse(["柯雨晴:这是一段说明文字。", *END], single=False)
    assert doc.metadata.authors == []


@LAYOUTS
def test_title_case_pinyin_names_end_the_english_title(single: bool) -> None:
    title_en = "Wintering Behaviour of Wetland Birds——Evidence from Three Lakes"
    doc = _parse(
        [
            "吴晓东, 欧阳琳",
            title_en,
            "Wu Xiaodong1, Ouyang Lin2",
            "School of Life Sciences, XX University, Changsha 410081, China",
            *END,
        ],
        single,
    )
    assert doc.metadata.title_en == title_en
    assert doc.metadata.extra["英文作者"] == "Wu Xiaodong1, Ouyang Lin2"
