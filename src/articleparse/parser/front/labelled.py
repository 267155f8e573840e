# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""A labelled front-matter item: the label, where its value starts, and the value.

The label token comes from the tokenizer (its field already looked up);
here the value is found: on the next line when the label stands alone, one
segment for a site's tag line, otherwise as far as :func:`~.values.value_end`
reaches for the field.
"""

from __future__ import annotations

from typing import Final

from .. import patterns
from ..checks import prose, value_shape
from ..content.numbering import find_marker
from ..labels import (
    BLOCK_FIELDS,
    DATE_LABELS,
    LIST_FIELDS,
    SHAPE_LABEL,
    SHORT_FIELDS,
)
from ..state import Body, excerpt
from ..tokens import Kind, Token
from .blocks import BLOCK_VALUE_FIELDS, block_end, latin_items, script_switch, unit_lines
from .chrome import site_tags
from .english import english_tail, english_title_line
from .names import is_han, valid_name
from .opening import opens_content
from .values import value_end


def bracketed_label(st: Body, index: int) -> bool:
    """'（' before a label, as in '（作者单位：某县委组织部）' and '（责任编辑：李明）', or
    '【' on a site's meta line ('【来源:某刊】')."""
    tokens = st.tokens
    return (
        tokens[index].text in _OPENERS
        and index + 1 < len(tokens)
        and tokens[index + 1].kind is Kind.LABEL
        and tokens[index + 1].field not in BLOCK_FIELDS
    )


def labelled(st: Body, index: int, bracketed: bool = False) -> int:
    """A front-matter label and its value; returns the index after the value.
    ``bracketed``: a bracket opened before the label and closes after the value."""
    tokens = st.tokens
    tree = st.tree
    label = tokens[index]
    start = index + 1
    tag = language_tag(st, start, label.field)
    if tag:
        # 'Abstract (中文)': the tag says which language's field the label heads
        written = label.text + tokens[start].text
        start += 1
        if (
            start < len(tokens)
            and tokens[start].kind is Kind.SEP
            and "\n" not in tokens[start].text
        ):
            written += tokens[start].text
            start += 1
        label = Token(Kind.LABEL, written, label.start, tag)
    field = "extra" if label.field == SHAPE_LABEL else label.field
    lead = ""
    alone = _value_on_next_line(st, start, label.field)
    if alone:
        lead = tokens[start].text
        start += 1
    if _site_tags_segment(st, start, field):
        end = start + 1  # '关键词:三治德治党组织 张三 …': the tags are one segment
    else:
        end = value_end(st, start, _reach_field(label.field, label.text), bracketed)
    english = -1
    if alone and field in BLOCK_VALUE_FIELDS:
        end = block_end(st, start, end, field)  # '关键词' alone, one keyword a line
        if field == "keywords":
            english = script_switch(st, start, end)
    if field == "extra" and end > start:
        end = unit_lines(st, start, end)  # '参与单位:某学院' then '某学院' on the next line
    english_end = end
    if english > 0:
        end = english - 1
    raw = "".join(t.text for t in tokens[start:end])
    if not raw and _same_field_next(st, end, label.field):
        # '摘  要' alone, then '【摘要】…': two labels of one field, one value
        tree.add_text(label.text)
        return end
    if _title_en_instead(st, label, raw):
        # '开放科学(资源服务)标识码(OSID): A Simplified Estimate of …': the label's
        # value (a code's picture) is lost; the English title follows it
        tree.add_text(label.text)
        tree.diagnose("empty-field", label.start, f"'{label.text.strip()}' has no value")
        return index + 1
    if field == "keywords" and not bracketed and site_tags(raw.strip()):
        if _keywords_ahead(st, end):
            tree.add_chrome(label.text + lead + raw)  # the site's tags; the list follows
            return end
        if _name_follows(st, end):
            tree.diagnose("keywords-unsplit", label.start, f"'{excerpt(raw.strip())}'")
    tree.add_text(label.text)
    tree.add_text(lead)
    if raw and raw[0] in _CELL_BARS and field not in SHORT_FIELDS:
        # '摘要: | 中國人…': the bar of a table's cell between the label and its value
        kept = raw.lstrip(" \u3000" + _CELL_BARS)
        tree.add_text(raw[: len(raw) - len(kept)])
        raw = kept
    junk = ""
    if bracketed and raw[-1:] in _CLOSERS:
        raw, junk = raw[:-1], raw[-1:]
    elif field == "doi":
        # 'doi: 10.4236/x.1109665.': the sentence's full stop ends no DOI
        kept = raw.rstrip(".。;；,，")
        raw, junk = kept, raw[len(kept) :]
    elif field in SHORT_FIELDS:
        # 'G623.5??', 'A " "': the '?' or '"' a page shows for lost spaces is no part of a code
        kept = raw.rstrip(_LOST_SPACE)
        raw, junk = kept, raw[len(kept) :]
    if field not in _KEEPS_SEPARATOR and _label_follows(st, end):
        # the '；' between two labelled values on one line belongs to neither
        kept = raw.rstrip(" \t\u3000")
        if kept[-1:] in _BETWEEN_LABELS:
            junk = kept[-1:] + raw[len(kept) :] + junk
            raw = kept[:-1]
    if not raw:
        tree.diagnose("empty-field", label.start, f"'{label.text.strip()}' has no value")
    if field == "abstract":
        cut, english_at = english_tail(raw)
    elif field == "keywords" and english < 0 and not _english_keywords_ahead(st, index):
        cut, english_at = latin_items(raw)
    else:
        cut, english_at = -1, -1
    if cut > 0 and field == "keywords":
        # '茶園 ; 監測 ; tea garden ; soil acidification': the English items after them
        tree.assign(field, raw[:cut], label.text, label.start)
        tree.add_text(raw[cut:english_at])
        tree.assign("keywords_en", raw[english_at:], "", tokens[start].start + english_at)
    elif cut > 0 and "abstract_en" not in tree.scalars:
        # '摘要 …的几种方法。 On the basis of …': the English abstract, unlabelled, after it
        tree.assign(field, raw[:cut], label.text, label.start)
        tree.add_text(raw[cut:english_at])
        tree.assign("abstract_en", raw[english_at:], "", tokens[start].start + english_at)
    else:
        tree.assign(field, raw, label.text, label.start)
    tree.add_text(junk)
    if english > 0:
        tree.sep(tokens[end].text)
        english_raw = "".join(t.text for t in tokens[english:english_end])
        tree.assign("keywords_en", english_raw, "", tokens[english].start)
        return english_end
    return end


_CELL_BARS: Final = "|｜"
_OPENERS: Final = frozenset({"（", "(", "【", "〔", "［"})
_CLOSERS: Final = "）)】〕］"


def language_tag(st: Body, index: int, field: str) -> str:
    """The field a language tag after a label makes of it ('Abstract (中文)' heads the
    Chinese abstract, '摘要(English)' the English one), or ''."""
    tokens = st.tokens
    if index >= len(tokens) or tokens[index].kind is not Kind.SEGMENT:
        return ""
    text = tokens[index].text.strip()
    if text[:1] not in "(（" or text[-1:] not in ")）":
        return ""
    language = _LANGUAGES.get(text[1:-1].strip().lower(), "")
    if language == "zh" and field.endswith("_en") and field[:-3] in _BILINGUAL:
        return field[:-3]
    if language == "en" and field in _BILINGUAL:
        return field + "_en"
    return ""


_LANGUAGES: Final = {
    "中文": "zh",
    "chinese": "zh",
    "中": "zh",
    "英文": "en",
    "english": "en",
    "英": "en",
}


_BILINGUAL: Final = frozenset({"abstract", "keywords"})


def _title_en_instead(st: Body, label: Token, raw: str) -> bool:
    """A Chinese label found by its shape alone whose value would be the English
    title the front matter has not had yet: the label is empty."""
    return (
        label.field == SHAPE_LABEL
        and "title_en" not in st.tree.scalars
        and any(is_han(c) for c in label.text)
        and english_title_line(raw)
    )


def _same_field_next(st: Body, index: int, field: str) -> bool:
    """The next token after a separator is a label of ``field``."""
    tokens = st.tokens
    if index < len(tokens) and tokens[index].kind is Kind.SEP:
        index += 1
    return (
        index < len(tokens)
        and tokens[index].kind is Kind.LABEL
        and tokens[index].field == field
        and field != SHAPE_LABEL
    )


def _label_follows(st: Body, index: int) -> bool:
    """A label comes next on the same line (after at most a space in a single-line body)."""
    tokens = st.tokens
    if index < len(tokens) and tokens[index].kind is Kind.SEP:
        if "\n" in tokens[index].text:
            return False
        index += 1
    return index < len(tokens) and tokens[index].kind is Kind.LABEL


def _site_tags_segment(st: Body, index: int, field: str) -> bool:
    """In a single-line body, a site's tag line: a run of tags before the article's
    own keywords or before the author's name ('关键词:社区食堂养老服务 沈某')."""
    tokens = st.tokens
    if (
        field != "keywords"
        or st.multiline
        or index + 2 >= len(tokens)
        or tokens[index].kind is not Kind.SEGMENT
        or not site_tags(tokens[index].text)
    ):
        return False
    return _name_follows(st, index + 1) or _keywords_ahead(st, index + 1)


def _name_follows(st: Body, index: int) -> bool:
    """Whether the segment after the separator at ``index`` starts with a name (the
    author line a mirror prints after its tag line)."""
    tokens = st.tokens
    if index + 1 >= len(tokens) or tokens[index].kind is not Kind.SEP:
        return False
    words = tokens[index + 1].text.split()
    return (
        tokens[index + 1].kind is Kind.SEGMENT
        and bool(words)
        and valid_name(words[0].rstrip(",，、"))
    )


def _english_keywords_ahead(st: Body, index: int) -> bool:
    """The English keywords are read already, or their label comes within a few tokens."""
    if "keywords_en" in st.tree.lists:
        return True
    return any(
        token.kind is Kind.LABEL and token.field == "keywords_en"
        for token in st.tokens[index : index + _TAGS_AHEAD]
    )


def _keywords_ahead(st: Body, index: int) -> bool:
    """Whether the article's own keyword label follows within a few tokens (after a
    site's tag line)."""
    tokens = st.tokens
    for token in tokens[index : index + _TAGS_AHEAD]:
        if token.kind is Kind.LABEL and token.field == "keywords":
            return True
    return False


def _value_on_next_line(st: Body, index: int, field: str) -> bool:
    """'摘要：' alone on its line, the abstract on the next one (for a code, only a
    line of its shape)."""
    tokens = st.tokens
    if field in SHORT_FIELDS and index + 1 < len(tokens):
        if not value_shape(field, tokens[index + 1].text.strip()):
            return False

    return (
        st.multiline
        and index + 1 < len(tokens)
        and tokens[index].kind is Kind.SEP
        and "\n" in tokens[index].text
        and tokens[index + 1].kind is Kind.SEGMENT
        and not opens_content(st, index + 1)
        # '关键词：' alone, then a paragraph: the label is empty
        and not ((field in LIST_FIELDS or field == SHAPE_LABEL) and prose(tokens[index + 1].text))
    )


def _reach_field(field: str, label: str) -> str:
    """The field whose reach a value takes: a date kept in extra ('修回日期') reaches
    as far as 收稿日期 does."""
    if field == "extra" and "".join(label.split()).strip("【】[]〔〕［］:：") in DATE_LABELS:
        return "received"
    if field == SHAPE_LABEL:
        return "source"  # one value: a segment, or on a meta line up to a gap
    return field


def shape_stands(st: Body, index: int) -> bool:
    """Whether a label found by its shape alone (not in the table) is a label here,
    in the front-matter zone: in brackets always; before a colon when its value is
    no prose (no sentence inside it, and a whole sentence only among other front
    matter), and when the line is not the title written again ('标题:副题')."""
    tokens = st.tokens
    label = tokens[index].text
    if label[:1] in "【〔［[":
        return True
    following = index + 1
    if (
        st.multiline
        and following + 1 < len(tokens)
        and tokens[following].kind is Kind.SEP
        and "\n" in tokens[following].text
    ):
        following += 1  # alone on its line: its value is on the next one
    value = ""
    if following < len(tokens) and tokens[following].kind is Kind.SEGMENT:
        value = tokens[following].text.rstrip()
    title = "".join(st.tree.scalars.get("title", "").split())[:_TITLE_HEAD]
    if len(title) == _TITLE_HEAD and title in "".join((label + value).split()):
        return False  # the title again ('主题:副题'), or a byline ('甲乙:标题')
    if patterns.braced_number(value) == 1:
        return False  # the header of a site's rules numbered in braces ('须知:' '{1}…')
    if len(value) > _SHAPE_VALUE_LONGEST or any(c in _SENTENCE_INSIDE for c in value[:-1]):
        return False
    if value[-1:] in _SENTENCE_END:
        return bool(st.tree.scalars) or bool(st.tree.lists)
    return True


def demote_shape(st: Body, index: int) -> None:
    """A label found by its shape that is no label here: text again, one segment
    with the segment glued after it."""
    tokens = st.tokens
    text = tokens[index].text
    start = tokens[index].start
    stop = index + 1
    if stop < len(tokens) and tokens[stop].kind is Kind.SEGMENT:
        text += tokens[stop].text
        stop += 1
    tokens[index:stop] = [Token(Kind.SEGMENT, text, start, marker=find_marker(text))]


def demote_shapes(st: Body, index: int) -> None:
    """Every label found by its shape from ``index`` on is text (after the front
    matter they are words of a sentence: '研究表明：')."""
    tokens = st.tokens
    first = index
    while first < len(tokens) and (
        tokens[first].kind is not Kind.LABEL or tokens[first].field != SHAPE_LABEL
    ):
        first += 1
    if first == len(tokens):
        return
    index = first
    kept: list[Token] = []
    position = index
    while position < len(tokens):
        token = tokens[position]
        position += 1
        if token.kind is not Kind.LABEL or token.field != SHAPE_LABEL:
            kept.append(token)
            continue
        text = token.text
        if position < len(tokens) and tokens[position].kind is Kind.SEGMENT:
            text += tokens[position].text
            position += 1
        kept.append(Token(Kind.SEGMENT, text, token.start, marker=find_marker(text)))
    tokens[index:] = kept


_SHAPE_VALUE_LONGEST: Final = 80
_TITLE_HEAD: Final = 4
_SENTENCE_INSIDE: Final = "。！？!?；;"
_SENTENCE_END: Final = "。！？!?"


_LOST_SPACE: Final = '?" \u00a0'


# What a page writes between two labelled values on one line ('收稿日期：2021-03-15；修回日期：…').
_BETWEEN_LABELS: Final = ";；"


# Fields whose value keeps a ';' before the next label: lists split it off themselves.
_KEEPS_SEPARATOR: Final = frozenset({"keywords", "keywords_en", "clc", "authors", "affiliations"})


_TAGS_AHEAD: Final = 60  # tokens between a site's tag line and the article's keyword label
