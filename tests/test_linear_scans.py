"""The scans rewritten to cost linear time give what the plain forms give.

Each rule of the lead and of the body's separators was once written the direct
way: a pattern that backtracks, a scan repeated for each part. The direct forms
stay here as references, and each property draws inputs from the pieces that
matter to the rule and requires the same answer.
"""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from articleparse.parser import patterns
from articleparse.parser.front import site_lines
from articleparse.parser.front.authors import _authors, _ends_author_line
from articleparse.parser.front.english import _english
from articleparse.parser.front.english_run import NamesSuffix, english_names
from articleparse.parser.front.lead_text import Lead
from articleparse.parser.front.names import scan_names
from articleparse.parser.front.needle import Needle
from articleparse.parser.segments import spaced_decimals


def pieces(*words: str, most: int = 14) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words), max_size=most).map("".join)


SPACED_DECIMAL = regex.compile(
    r"(?:(?<=^)|(?<=[ \t\u3000]))\d{1,2}(?:[ ]?[.．][ ]?\d{1,2})+(?=[ \u3000]|\p{Han})"
)


@given(pieces("1", "2", "12", "345", " ", ".", "．", "x", "中", "\u3000", "\t", "٣"))
def test_spaced_decimals_are_the_pattern_s_matches(text: str) -> None:
    assert spaced_decimals(text) == [m.span() for m in SPACED_DECIMAL.finditer(text)]


_COUNTER = r"(?:下载|浏览|阅读|被引量|访问)[ ]?[:：][ ]?\d+[次]?"
CHROME_COUNTERS = regex.compile(
    r"(?:[,，] ?)?(?:PDF|HTML|XML|[,，] ?)*" + _COUNTER + r"(?:[ \t\u3000]+" + _COUNTER + r")*"
)


@given(
    pieces("PDF", "HTML", ",", "，", " ", "下载", "被引量", ":", "：", "1", "23", "次", "\t", "P"),
    st.integers(0, 3),
)
def test_chrome_counters_match_as_the_backtracking_pattern(text: str, start: int) -> None:
    found = patterns.CHROME_COUNTERS.match(text, start)
    expected = CHROME_COUNTERS.match(text, start)
    assert (found and found.span()) == (expected and expected.span())


def authors_by_rescanning(text: str, position: int, stop: int) -> int:
    end, names = scan_names(text, position, stop)
    while names and not _ends_author_line(text, end):
        end, names = scan_names(text, position, names[-1].start)
    return end if names else -1


NAME_PIECES = (
    "张三",
    "李四",
    "王",
    "芳",
    "欧阳",
    "等",
    "大学",
    ",",
    "，",
    "、",
    ";",
    " ",
    "\u3000",
    "1",
    "123",
    "*",
    "(",
    ")",
    "（副教授）",
    "a",
    "。",
    "的",
    "·",
    "马木提江",
    "吴",
    "星",
    "\n",
)


@given(pieces(*NAME_PIECES))
def test_author_line_ends_where_rescanning_ends_it(text: str) -> None:
    if not text:
        return
    lead = Lead(text, None, "\n" in text)
    stop = lead.end_of_line(0)
    assert _authors(lead, 0) == authors_by_rescanning(text, 0, stop)


ENGLISH_PIECES = (
    "Study",
    "on",
    "AB",
    "Cd",
    "ZHANG",
    "San",
    " ",
    ",",
    ", ",
    ";",
    "1",
    "*",
    "of",
    "HE",
    "SurgeryHE",
    "Lili",
    "IRON",
    "DUST",
    "张",
    "(",
    "//",
    "\n",
    "\t",
    "Xiao-lin",
    "University",
    "2019年",
    ".",
)


@given(pieces(*ENGLISH_PIECES), st.booleans(), st.data())
def test_english_parts_read_as_if_each_were_read_alone(
    text: str, multiline: bool, data: st.DataObject
) -> None:
    """One lead asked at increasing positions (its run read once) answers as a fresh
    lead asked at each."""
    if not text:
        return
    positions = sorted(set(data.draw(st.lists(st.integers(0, len(text) - 1), max_size=8))))
    shared = Lead(text, None, multiline)
    for position in positions:
        assert _english(shared, position) == _english(Lead(text, None, multiline), position)


@given(pieces(*ENGLISH_PIECES, most=18), st.data())
def test_names_of_a_suffix_as_the_plain_test(text: str, data: st.DataObject) -> None:
    letters = [i for i, c in enumerate(text) if c.isascii() and c.isalpha()]
    if not letters:
        return
    position = data.draw(st.sampled_from(letters))
    end = data.draw(st.integers(position + 1, len(text)))
    start = data.draw(st.integers(0, position))
    suffix = NamesSuffix(text, start, end)
    assert suffix.names_from(text, position) == english_names(text[position:end])


@given(st.text("ab", min_size=1, max_size=5), st.integers(60, 200), st.data())
def test_needle_finds_what_startswith_finds(unit: str, size: int, data: st.DataObject) -> None:
    needle = (unit * size)[:size] + data.draw(st.sampled_from(("", "a", "b")))
    text = "".join(data.draw(st.lists(st.sampled_from((unit, "a", "b", needle)), max_size=80)))
    found = Needle(text, needle)
    for position in range(len(text)):
        assert found.at(position) == text.startswith(needle, position)


def counter_directly(chunk: str) -> bool:
    """'浏览:86次', '点击:': an interface word, a colon (':' looked for before '：'), a
    count or nothing."""
    cuts = [chunk.find(colon) for colon in ":：" if chunk.find(colon) > 0]
    if not cuts:
        return False
    cut = cuts[0]
    count = chunk[cut + 1 :]
    return chunk[:cut] in site_lines.INTERFACE_WORDS and (
        not count or site_lines._COUNTED.fullmatch(count) is not None
    )


def interface_chunks_directly(text: str, position: int) -> int:
    end = position
    taken = -1
    words = 0
    while end < len(text):
        chunk_end = end
        while chunk_end < len(text) and not text[chunk_end].isspace():
            chunk_end += 1
        if chunk_end == end:
            break
        chunk = text[end:chunk_end]
        if chunk in site_lines.INTERFACE_WORDS or counter_directly(chunk):
            words += 1
        elif not (
            all(c in site_lines._TRAIL or c in "|｜" for c in chunk)
            or site_lines._COUNTED.fullmatch(chunk)
        ):
            break
        taken = chunk_end
        end = chunk_end
        while end < len(text) and text[end] in " \u3000\u00a0":
            end += 1
    return taken if words > 0 else -1


@given(
    pieces(
        "首页",
        "收藏",
        "浏览",
        ":",
        "：",
        "第",
        "共",
        "已阅读",
        "12",
        "3",
        "页",
        "KB",
        "»",
        ">",
        "|",
        "(",
        "某大学",
        ")",
        " ",
        "\t",
        "x",
        "1" * 20,
        "»" * 20,
        most=30,
    ),
    st.integers(0, 3),
)
def test_interface_chunks_as_read_directly(text: str, start: int) -> None:
    if start < len(text):
        assert site_lines.interface_chunks(text, start) == interface_chunks_directly(text, start)
