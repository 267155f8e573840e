"""Never raises, never loses: properties over text drawn from all of Unicode.

Each strategy leans on one kind of trouble: any code point at all, the
characters that look like the format's own (full-width forms, U+3000, U+FEFF,
U+200B, U+FFFD, combining marks), line endings (``\\r\\n``, lone ``\\r``),
``|``-heavy text and digit-and-dot-heavy text. Every example goes through
:func:`reliability_checks.check_text`: ``parse`` returns, ``render`` gives the
input back, the JSON round trip gives the same tree, diagnostics point inside
the text. Run with ``HYPOTHESIS_PROFILE=long`` (``make hypothesis-long``) for
many more examples.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from reliability_checks import check_text

import articleparse as ap
from articleparse.parser.tokenizer import tokenize

# Any Unicode scalar value: every code point but the lone surrogates, which no
# decoded file can hold (they have a property of their own below).
anything = st.text(st.characters(codec="utf-8"), max_size=300)

TRICKY = (
    "\u3000\ufeff\u200b\u200c\u200d\u2028\u2029\ufffd\u00a0\u0085\x00\x0b\x0c\x1c"
    "\u0301\u0308\u20dd\u3099"  # combining marks, alone or after anything
    "｜：；，．、（）【】〔〕［］０１２３４５６７８９"  # full-width look-alikes
    "\r\n\t |"
)
tricky_chars = st.text(st.sampled_from(TRICKY), max_size=300)

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
FULL_WIDTH = st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E)
COMBINING = st.characters(min_codepoint=0x0300, max_codepoint=0x036F)
cjk_and_forms = st.text(
    st.one_of(CJK, FULL_WIDTH, COMBINING, st.sampled_from(TRICKY)), max_size=300
)

line_endings = st.text(st.sampled_from("\r\n|ab 1."), max_size=300).map(
    lambda text: text.replace("b", "\r\n")
)
pipe_heavy = st.text(st.sampled_from("|||||| \u3000\n文x"), max_size=400)
digit_dot_heavy = st.text(st.sampled_from("0123456789....．．、 \n|年%引言一（）①"), max_size=400)

LABELS = ("标题", "范文", "正文", "内容", "作者", "来源", "关键词", "随便看", "", "x", "｜")
FRONT = ("摘要:", "关键词:", "中图分类号:", "文献标识码:", "参考文献", "【摘要】", "[1]", "①")


@st.composite
def rows(draw: st.DrawFn) -> str:
    """Row-shaped text whose labels and values come from the hard alphabets."""
    parts = []
    for _ in range(draw(st.integers(0, 5))):
        label = draw(st.sampled_from(LABELS))
        chunks = draw(
            st.lists(
                st.one_of(
                    st.sampled_from(FRONT), tricky_chars, digit_dot_heavy, cjk_and_forms, anything
                ),
                max_size=6,
            )
        )
        closer = draw(st.sampled_from((" |", "|", " | ", "", " |\r")))
        ending = draw(st.sampled_from(("\n", "\r\n", "\r", "")))
        parts.append(f"{label} | {' '.join(chunks)}{closer}{ending}")
    parts.append(draw(st.one_of(st.just(""), tricky_chars, anything)))
    return "".join(parts)


hard_text = st.one_of(
    anything, tricky_chars, cjk_and_forms, line_endings, pipe_heavy, digit_dot_heavy, rows()
)


@given(anything)
@example("\r")
@example("\r\r\n\r")
@example("\ufeff标题 | x |")
@example("范文 | 1.1\u0301引言 |")
def test_property_any_unicode(text: str) -> None:
    check_text(text)


@given(tricky_chars)
def test_property_look_alikes_and_invisibles(text: str) -> None:
    check_text(text)


@given(cjk_and_forms)
def test_property_cjk_full_width_combining(text: str) -> None:
    check_text(text)


@given(line_endings)
@example("范文 | a\r|\rb |\r")
def test_property_line_endings(text: str) -> None:
    check_text(text)


@given(pipe_heavy)
@example("|" * 50)
@example("范文 | | | | |\n|\n")
def test_property_pipe_heavy(text: str) -> None:
    check_text(text)


@given(digit_dot_heavy)
@example("范文 | 1.1.1.1.1.1.1.1.1.1引言 |")
@example("范文 | 0引言 1一 1.1二 1.1.1三 2.2.2.2四 |")
def test_property_digit_dot_heavy(text: str) -> None:
    check_text(text)


@given(rows())
def test_property_rows_of_hard_text(text: str) -> None:
    check_text(text)


@given(hard_text)
def test_property_tokens_cover_hard_text(text: str) -> None:
    tokens = tokenize(text)
    assert "".join(token.text for token in tokens) == text
    position = 0
    for token in tokens:
        assert token.start == position, token
        position += len(token.text)


@given(hard_text)
def test_property_strict_raises_parse_error_only(text: str) -> None:
    doc = ap.parse(text)
    try:
        ap.parse(text, strict=True)
    except ap.ParseError as error:
        assert error.diagnostics == doc.diagnostics
        assert any(d.severity == "error" for d in doc.diagnostics)


@given(st.text(st.characters(categories=["Cs"]), min_size=1, max_size=5), rows())
def test_property_lone_surrogates_render_losslessly(surrogates: str, text: str) -> None:
    """Lone surrogates never come out of decoding a file, but a ``str`` may hold them:
    parsing keeps them (JSON cannot carry them; docs/reliability.md)."""
    mixed = text[: len(text) // 2] + surrogates + text[len(text) // 2 :]
    assert ap.render(ap.parse(mixed)) == mixed


def test_only_wrong_argument_types_raise() -> None:
    for wrong in (b"bytes", None, 1, ["list"]):
        try:
            ap.parse(wrong)  # type: ignore[arg-type]
        except TypeError as error:
            assert "str" in str(error)
        else:
            raise AssertionError(f"parse accepted {wrong!r}")
    for wrong in ("text", None):
        try:
            ap.parse_bytes(wrong)  # type: ignore[arg-type]
        except TypeError as error:
            assert "bytes" in str(error)
        else:
            raise AssertionError(f"parse_bytes accepted {wrong!r}")
