"""The body driver advances on every token stream.

Every rule the driver calls returns the index after what it took; a rule that
took nothing would make the loop spin forever. The driver reports such a token
(``body-stalled``) and makes it a paragraph, so a parse always ends; the
property below drives the body with random token streams — segments with and
without heading markers, labels of every field, line and space separators in
any order — and requires that no rule ever needs that guard, and that the tree
gives the input back.
"""

from __future__ import annotations

from hypothesis import given, note, settings
from hypothesis import strategies as st

import articleparse as ap
from articleparse.parser import body
from articleparse.parser.builder import Builder
from articleparse.parser.content.numbering import find_marker
from articleparse.parser.labels import FRONT_LABELS
from articleparse.parser.state import Body
from articleparse.parser.tokens import Kind, Token
from articleparse.parser.tree import Tree

# Segments that reach every room of the body: English back matter, authors,
# affiliations, chrome, headings, references, part titles, and plain text.
SEGMENTS = (
    "Research",
    "of",
    "Title",
    "Study on the Effect",
    "ZHANG San, LI Si",
    "(School of Economics, Some University, Beijing 100000, China)",
    "x" * 160,
    "张三",
    "张三，李四",
    "(某大学 经济学院,北京 100000)",
    "某大学",
    "1引言",
    "1.",
    "1",
    "2.1 方法",
    "（一）总体要求",
    "一、",
    "[1]张三.题名[J].刊名,2019(1):1-2.",
    "1.张三.题名[M].北京:某社,2018.",
    "参考文献",
    "致谢",
    "附录",
    "上一篇：某文",
    "相关文章",
    "版权所有 © 2020",
    "PDF",
    "下载:1",
    "（",
    "(",
    "）",
    "正文。",
    "正文",
    "2019年",
)
LABELS = tuple(
    (field, form + colon)
    for field, forms in FRONT_LABELS.items()
    for form in forms[:2]
    for colon in (":", "：")
)

segment = st.one_of(
    st.sampled_from(SEGMENTS),
    st.text(alphabet="abcXYZ .,:()1张三。（）[]", min_size=1, max_size=30).filter(
        lambda s: s.strip() == s and s != ""
    ),
).map(lambda text: ("segment", text))
# the English labels that end English back matter, as often as all the others
ENGLISH = tuple((field, text) for field, text in LABELS if field in ("abstract_en", "keywords_en"))
label = st.one_of(st.sampled_from(LABELS), st.sampled_from(ENGLISH)).map(
    lambda pair: ("label", pair)
)
separator = st.sampled_from((" ", "\n", "\n", "  ")).map(lambda text: ("sep", text))
# half of the streams open with a heading and its text: the rules after the front matter
OPENINGS = ((), (("segment", "1引言"), ("sep", "\n"), ("segment", "正文。"), ("sep", "\n")))
streams = st.builds(
    lambda opening, rest: [*opening, *rest],
    st.sampled_from(OPENINGS),
    st.lists(st.one_of(segment, segment, label, separator), min_size=1, max_size=40),
)


def _tokens(stream: list[tuple[str, object]]) -> tuple[str, list[Token]]:
    """The text of a body row holding ``stream``, and its tokens as the
    tokenizer would hand them over (a body row between its label and closer)."""
    head = "范文 | "
    tokens = [Token(Kind.ROW_LABEL, "范文", 0, "body"), Token(Kind.TRIVIA, " | ", 2)]
    position = len(head)
    pieces = [head]
    for kind, value in stream:
        if kind == "segment":
            assert isinstance(value, str)
            tokens.append(Token(Kind.SEGMENT, value, position, marker=find_marker(value)))
            text = value
        elif kind == "label":
            assert isinstance(value, tuple)
            field, text = value
            tokens.append(Token(Kind.LABEL, text, position, field))
        else:
            assert isinstance(value, str)
            tokens.append(Token(Kind.SEP, value, position))
            text = value
        pieces.append(text)
        position += len(text)
    tokens.append(Token(Kind.TRIVIA, " |", position))
    tokens.append(Token(Kind.ROW_END, "", position + 2))
    pieces.append(" |")
    return "".join(pieces), tokens


@settings(max_examples=500)
@given(streams)
def test_every_rule_advances(stream: list[tuple[str, object]]) -> None:
    text, tokens = _tokens(stream)
    note(repr(text))
    doc = Builder(text, tokens).build()
    assert [d for d in doc.diagnostics if d.code == "body-stalled"] == []
    assert ap.render(doc) == text


def test_stalled_token_becomes_a_paragraph_with_a_diagnostic() -> None:
    text = "范文 | 甲\n乙 |"
    tokens = [
        Token(Kind.SEGMENT, "甲", 5),
        Token(Kind.SEP, "\n", 6),
        Token(Kind.SEGMENT, "乙", 7),
    ]
    st = Body(Tree(text), tokens)
    assert body.advance(st, 0, 0) == 1  # a segment: a paragraph of its own
    assert body.advance(st, 1, 1) == 2  # a separator: kept as one
    assert body.advance(st, 2, 3) == 3  # a rule that moved on: nothing to do
    assert [(d.code, d.offset) for d in st.tree.log.found] == [
        ("body-stalled", 5),
        ("body-stalled", 6),
    ]
    # kept where any line before the text goes: a paragraph, or chrome when it is
    # shaped like no paragraph (one character standing alone)
    kept = [p.text for p in st.tree.preamble] + st.tree.boilerplate
    assert kept[0] == "甲"


ENGLISH_BACK_MATTER = {
    # an English line, a line the lead does not place, then 'Abstract:'
    "one line before": "范文 | Title\n" + "x" * 150 + "\nAbstract: y |",
    "after the text": "标题 | 题 |\n范文 | 1引言 正文。\nResearch\n(School of Economics and "
    "Management, Northwest Agriculture and Forestry University, Yangling, Shaanxi 712100, "
    "China; College of Resources and Environment)\nAbstract: This paper studies it. |",
    # a scanned page: the English title broken into words, one per line
    "words on lines": "范文 | 1引言 正文。\nStudy\n\nof\n\nCuS04andtheheatdecomposition\n\n"
    "(1.School\n\nof\n\n" + "MaterialScienceandEngineering," * 6 + "China)Abstract:The process |",
}


def test_english_back_matter_nothing_placed_is_text() -> None:
    for name, text in ENGLISH_BACK_MATTER.items():
        doc = ap.parse(text)
        assert ap.render(doc) == text, name
        assert "body-stalled" not in {d.code for d in doc.diagnostics}, name
        assert doc.metadata.abstract_en is not None, name
