"""Names in traditional and variant characters are names: every surname of the
table, converted to traditional characters by OpenCC, reads back as that surname."""

from __future__ import annotations

import pytest

import articleparse as ap
from articleparse.parser.front.names import COMPOUND_SURNAMES, SURNAMES, simplified, valid_name

opencc = pytest.importorskip("opencc")

_CONFIGS = ("s2t", "s2tw", "s2hk", "s2twp")


@pytest.mark.parametrize("config", _CONFIGS)
def test_every_surname_reads_back_from_its_traditional_form(config: str) -> None:
    converter = opencc.OpenCC(config)
    missing = [s for s in sorted(SURNAMES) if simplified(converter.convert(s)) != simplified(s)]
    assert missing == []


@pytest.mark.parametrize("config", _CONFIGS)
def test_compound_surnames_in_traditional_form(config: str) -> None:
    converter = opencc.OpenCC(config)
    for surname in COMPOUND_SURNAMES:
        written = converter.convert(surname)
        assert valid_name(written + "明"), written


@pytest.mark.parametrize(
    "name", ["闞文博", "歐陽明遠", "鍾秀", "龐一鳴", "閻立本", "諸葛亮亮", "淩雲", "蕭何"]
)
def test_traditional_names_are_names(name: str) -> None:
    assert valid_name(name)


@pytest.mark.parametrize("word", ["關於", "方法", "江蘇", "某某大學", "學院"])
def test_traditional_words_are_not_names(word: str) -> None:
    assert not valid_name(word)


@pytest.mark.parametrize("surname", ["閻", "龐", "鄺", "聶", "顏"])
def test_rare_traditional_surname_author_line(surname: str) -> None:
    for body in (
        f"{surname}文博, 宋怡然\n(1. 某某大學 旅遊學院, 湖北 宜昌 443002; 2. 某某學院 管理系,北京 100024)\n"
        "摘要:甲乙丙丁戊己。\n1 引言\n正文。",
        f"{surname}文博, 宋怡然 (1. 某某大學 旅遊學院, 湖北 宜昌 443002) 摘要:甲乙丙丁戊己。 1 引言 正文。",
    ):
        doc = ap.parse(f"标题 | 某题 |\n范文 | {body} |\n")
        assert doc.metadata.authors == [f"{surname}文博", "宋怡然"]
