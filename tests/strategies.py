"""Hypothesis strategies: arbitrary text, and articles built in code."""

from __future__ import annotations

from hypothesis import strategies as st

import articleparse as ap
from articleparse.parser.content.numbering import written_number
from articleparse.parser.front.names import SURNAMES, valid_name
from articleparse.parser.labels import FRONT_LABELS, UNIT_CHARS, UNIT_WORDS

# Characters that matter to the format, mixed into arbitrary text.
FORMAT_CHARS = (
    "|| \n\r\t\u3000\ufeff0123456789..．、:：;；,，()（）[]【】〔〕一二三十①②"
    + "摘要关键词中图分类号文献标识码参考文献标题范文随便看年%亿个"
)

format_text = st.text(alphabet=st.sampled_from(FORMAT_CHARS), max_size=400)
any_text = st.text(max_size=400)
mixed_text = st.lists(st.one_of(format_text, any_text), max_size=4).map("".join)

_COMMON = (
    "的是在不了有和人这中大为上我以要他时来用们生到作地于出就分对成会可主发动同工也能下过子说产种面而"
    "方后多定行学法所民得经之进着等部度家电力里如水化高自理起小物现实加量都两体制机当使点从业本去把性好应"
    "开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第"
    "向道命此变条只没结解问意建公无系军很情者最立代想已通并提直题党程展果料象员革位入常文总次品式活设及管"
)
_TITLE_START = "".join(ch for ch in _COMMON if ch not in UNIT_CHARS)

cjk_word = st.text(alphabet=_COMMON, min_size=2, max_size=6)
title_text = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(_TITLE_START),
    st.text(alphabet=_COMMON + "，", min_size=1, max_size=18).filter(
        lambda s: not s.endswith("，")
    ),
).filter(lambda title: not title.startswith(UNIT_WORDS))
TRAP_STARTS = ("2019年", "2020年7月,", "3.5%的", "1.5亿元", "1.2万名", "10个乡镇")
sentence = st.builds(
    lambda trap, body: trap + body + "。",
    st.sampled_from(("",) * 4 + TRAP_STARTS),
    # (at least ten characters: a shorter one after a keyword list reads as its last item;
    # never opening with '，': a paragraph that does is a sentence cut by a line break)
    st.text(alphabet=_COMMON + "，", min_size=10, max_size=60).filter(
        lambda s: not s.startswith("，")
    ),
)
paragraph = st.builds(lambda text: ap.Paragraph(text=text), sentence)
fund_value = st.builds(
    lambda name, code: name + "项目" + code,
    st.text(alphabet=_COMMON, min_size=2, max_size=12),
    st.sampled_from(("", "(19BDJ001)", "（2020JJ3412）", "。")),
)
author_info_value = st.builds(
    lambda name, born, end: f"{name}({born}—),男,湖北武汉人,教授{end}",
    st.sampled_from(("张三", "李四海", "王芳")),
    st.integers(min_value=1950, max_value=1999),
    st.sampled_from(("", "。", ",研究方向为基层党建")),
)
english_words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8), min_size=2, max_size=8
)


# A name that is also a label word ('提要 张三' on a line of its own) reads as
# that label; such names are outside the canonical domain.
_LABEL_WORDS = {form for forms in FRONT_LABELS.values() for form in forms}
_ENGLISH_LABELS = {form for form in _LABEL_WORDS if form.isascii()}
# Names as people have them: a common surname and one or two given characters.
author_name = st.builds(
    lambda surname, given: surname + given,
    st.sampled_from(sorted(SURNAMES)),
    st.text(alphabet=_COMMON, min_size=1, max_size=2),
).filter(
    lambda name: (
        valid_name(name)
        and not name.endswith("等")
        and not any(name.startswith(word) for word in _LABEL_WORDS)
    )
)

# Numbering schemes by level for documents in the Chinese customary order.
CHINESE_SCHEMES = ("cn-dun", "cn-paren", "decimal", "arabic-paren", "circled")


# List items (GB/T 7713's 列项) under decimal headings: paragraphs that keep their
# marker, '(1)…' or '1)…' (docs/format.md 4.5).
list_items = st.builds(
    lambda marker, texts: [
        ap.Paragraph(text=marker.format(n) + text) for n, text in enumerate(texts, start=1)
    ],
    st.sampled_from(("({})", "（{}）", "{})")),
    st.lists(sentence, max_size=3),
)


def _number(profile: str, prefix: tuple[int, ...], value: int, level: int) -> tuple[str, str]:
    if profile == "decimal":
        return ".".join(map(str, (*prefix, value))), "decimal"
    scheme = CHINESE_SCHEMES[level - 1]
    return written_number(scheme, value), scheme


def _section_tree(
    draw: st.DrawFn, profile: str, prefix: tuple[int, ...], level: int, max_level: int
) -> list[ap.Section]:
    count = draw(st.integers(min_value=0 if level > 1 else 1, max_value=3 if level < 3 else 2))
    sections = []
    first = draw(st.sampled_from((0, 1))) if level == 1 and profile == "decimal" else 1
    for offset in range(count):
        value = first + offset
        number, scheme = _number(profile, prefix, value, level)
        children = (
            _section_tree(draw, profile, (*prefix, value), level + 1, max_level)
            if level < max_level
            else []
        )
        sections.append(
            ap.Section(
                number=number,
                title=draw(title_text),
                level=level,
                scheme=scheme,
                # an empty section only first among its siblings: three headings in a
                # row with nothing under them are reported (heading-empty-run)
                paragraphs=draw(
                    st.lists(paragraph, min_size=0 if children or offset == 0 else 1, max_size=2)
                )
                + (draw(list_items) if profile == "decimal" else []),
                subsections=children,
            )
        )
    return sections


@st.composite
def articles(draw: st.DrawFn, profile: str = "decimal") -> ap.Article:
    """An article built in code, in the canonical domain (texts without separators)."""
    metadata = ap.Metadata(
        title=draw(st.one_of(st.none(), title_text)),
        authors=draw(st.lists(author_name, max_size=3)),
        abstract=draw(st.one_of(st.none(), sentence)),
        keywords=draw(st.lists(cjk_word, max_size=5)),
        clc=draw(st.lists(st.sampled_from(["D267", "D262.6", "G642", "F323.4"]), max_size=2)),
        document_code=draw(st.one_of(st.none(), st.sampled_from("ABCDEF"))),
        abstract_en=draw(st.one_of(st.none(), english_words.map(lambda w: " ".join(w) + "."))),
        keywords_en=draw(st.lists(english_words.map(" ".join), max_size=3)),
    )
    # Authors and an English title are lead text: they are read with or without
    # labelled fields after them.
    # (not one that starts with an English label word: 'Abstract aa' reads as the label)
    title_en = draw(
        st.one_of(
            st.none(),
            english_words.map(lambda w: " ".join(w).capitalize()).filter(
                lambda t: not any(t.lower().startswith(w.lower()) for w in _ENGLISH_LABELS)
            ),
        )
    )
    author_info = draw(st.one_of(st.none(), author_info_value))
    metadata = metadata.model_copy(
        update={
            "title_en": title_en,
            # values that need not end a sentence: the writer must end them itself
            "fund": draw(st.one_of(st.none(), fund_value)),
            "author_info": author_info,
        }
    )
    if author_info and not metadata.authors:
        # a page with no author line has the authors its bio names
        metadata = metadata.model_copy(update={"authors": [author_info.split("(")[0]]})
    max_level = 3 if profile == "decimal" else 5
    sections = _section_tree(draw, profile, (), 1, max_level) if draw(st.booleans()) else []
    references = [
        ap.Reference(label=f"[{n}]", text=text + ".")
        for n, text in enumerate(draw(st.lists(cjk_word, max_size=3)), start=1)
    ]
    notes = [
        ap.Reference(label=chr(ord("①") + n), text=text + "。")
        for n, text in enumerate(draw(st.lists(cjk_word, max_size=2)))
    ]
    return ap.Article(
        metadata=metadata,
        preamble=draw(st.lists(paragraph, max_size=2)),
        sections=sections,
        references=references,
        notes=notes,
        boilerplate=draw(
            st.lists(st.sampled_from(["随便看 |", "|", "免费提供各类范文下载服务。"]), max_size=3)
        ),
    )


# The written styles a tree is rendered in for the tree round trip.
STYLES: dict[str, ap.Style] = {
    "seed": ap.Style(),
    "spaced-headings": ap.Style(heading_gap=" "),
    "full-width": ap.Style(colon="：", keyword_separator="；", author_separator="，"),
    "lenticular-brackets": ap.Style(
        brackets=("【", "】"), keyword_separator="、", author_separator="、"
    ),
    "square-brackets-spaced": ap.Style(
        brackets=("[", "]"),
        labels={"abstract": "摘 要", "keywords": "关键字"},
        keyword_separator="，",
    ),
    "traditional": ap.Style(
        labels={"keywords": "關鍵詞", "clc": "中圖分類號", "document_code": "文獻標識碼"},
        colon="：",
    ),
    "multi-line": ap.Style(multiline=True, heading_gap=" "),
    "multi-line-crlf": ap.Style(multiline=True, newline="\r\n", colon="：", keyword_separator="，"),
    "multi-line-glued-zhengwen": ap.Style(
        multiline=True, body_label="正文", keyword_separator="，"
    ),
}
