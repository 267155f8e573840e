# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Whether a value has the shape of its field: the checks behind ``field-unlikely``.

The recognizers decide where a value stands; these checks look at what was
placed and say when it does not look like what the field holds: an author
that is no name, a keyword that is a sentence, an English title in Chinese,
an abstract that ran on past the front matter. The value is kept where the
parser put it; the diagnostic tells a user which records to look at. Each
check returns a short reason, or '' when the value fits. :func:`value_shape`
and :func:`prose` are the same kind of test, asked before a value is placed.
"""

from __future__ import annotations

from typing import Final

from .front.chrome import COPYRIGHT_MARKS
from .front.english import english_affiliation
from .front.english_run import english_names
from .front.names import looks_like_affiliation, valid_name
from .labels import FRONT_LABELS, ROW_ROLES
from .patterns import is_han

_MAX_NAME_PART: Final = 6
"""Longest part of a transliterated foreign name ('约翰·史密斯'), in characters."""
MAX_KEYWORD: Final = 25
"""Longest keyword, in characters; a longer one is a phrase or a sentence."""
MAX_KEYWORDS: Final = 16
"""Most keywords a list holds; more is a run of text split at its commas."""
MAX_ABSTRACT: Final = 3000
"""Longest abstract, in characters; a longer one ran on into the article."""
MAX_ENGLISH_TITLE: Final = 300
MAX_AFFILIATION: Final = 120
_MAX_HAN_IN_ENGLISH: Final = 20
_CHINESE_LABEL_FORMS: Final = tuple(
    sorted(
        {
            form.replace(" ", "")
            for forms in FRONT_LABELS.values()
            for form in forms
            if not form.isascii() and len(form.replace(" ", "")) >= 2
        }
    )
)
"""Chinese characters an English abstract may quote (a place, a term) before it
counts as one that ran on into Chinese text."""
"""Longest affiliation, in characters."""

SENTENCE: Final = frozenset("。！？")
# What may stand around a name in an author list: marks, numbers, roles.
_NAME_MARKS: Final = "0123456789*＊∗#※†,，;；、 \u3000\u00a0.·"
_ROLES: Final = ("综述", "审校", "指导", "通讯作者", "执笔", "整理", "编译", "译", "著", "等")


def author_reason(item: str) -> str:
    """Why ``item`` does not look like an author's name ('' when it does)."""
    core = item.strip(_NAME_MARKS)
    for bracket in ("(", "（", "["):
        cut = core.find(bracket)
        if cut > 0:
            core = core[:cut].strip(_NAME_MARKS)
    for role in _ROLES:
        if core.endswith(role) and len(core) > len(role) + 1:
            core = core[: -len(role)].strip(_NAME_MARKS)
    if not core:
        return "an empty name"
    if any(is_han(c) for c in core):
        compact = "".join(core.split())
        if "·" in item or "•" in item:
            # a transliterated foreign name ('约翰·史密斯'): short parts
            parts = [p for p in compact.replace("•", "·").split("·") if p]
            if parts and all(len(p) <= _MAX_NAME_PART for p in parts):
                return ""
            return f"'{core[:20]}' is not shaped like a name"
        return "" if _name_shaped(compact) else f"'{core[:20]}' is not shaped like a name"
    if core.isascii():
        return "" if english_names(core) else f"'{core[:20]}' is not shaped like a name"
    return f"'{core[:20]}' is not shaped like a name"


# Last characters of a unit's name, never of a person's ('某镇卫生院', '某县委组织部').
_UNIT_ENDS: Final = frozenset("院所局部委会校司厅处站室馆社网报刊厂")
_NOT_NAMES: Final = frozenset(ROW_ROLES) | frozenset(
    form.replace(" ", "") for forms in FRONT_LABELS.values() for form in forms
)


def _name_shaped(compact: str) -> bool:
    """A Chinese name: one the name rules accept, or two to four Han characters that
    are no label and do not end like a unit's name (a surname the tables lack)."""
    if valid_name(compact) or looks_like_affiliation(compact):
        return True  # a unit may sign a text as its author ('某镇卫生院')
    return (
        2 <= len(compact) <= 4
        and all(is_han(c) for c in compact)
        and compact[-1] not in _UNIT_ENDS
        and compact not in _NOT_NAMES
    )


def keyword_reason(items: list[str]) -> str:
    """Why a keyword list does not look like one ('' when it does)."""
    if len(items) > MAX_KEYWORDS:
        return f"{len(items)} keywords"
    for item in items:
        text = item.strip()
        if "\n" in text or text[:1] in PAGE_MARKS:
            return f"'{text[:20]}' holds a line break or a list mark"
        if len(text) > MAX_KEYWORD and not text.isascii():
            return f"'{text[:20]}…' is too long for a keyword"
        if any(c in SENTENCE for c in text):
            return f"'{text[:20]}' is a sentence"
        if len(items) > 1 and _han_space_han(text):
            # '路径 近年来': items split at a mark keep no space between Chinese words
            return f"'{text[:20]}' holds a space: the list may run into the text after it"
    return ""


def _han_space_han(text: str) -> bool:
    """A space between two Chinese characters."""
    for index in range(1, len(text) - 1):
        if text[index] == " " and is_han(text[index - 1]) and is_han(text[index + 1]):
            return True
    return False


def affiliation_reason(item: str) -> str:
    """Why ``item`` does not look like an institution or an address."""
    text = item.strip(" \u3000()（）[]［］;；,，")
    if "《" in text:
        return f"'{text[:20]}' names a journal or book in 《》"
    if any(mark in text for mark in COPYRIGHT_MARKS):
        return f"'{text[:20]}' is a site's copyright line"
    if not text or looks_like_affiliation(text) or english_affiliation(text):
        return ""
    if any(c in SENTENCE for c in text):
        return f"'{text[:20]}' is a sentence"
    if len(text) > MAX_AFFILIATION:
        return f"'{text[:20]}…' is too long for an affiliation"
    return ""


# Labels of what follows an abstract, which its text never holds.
_RUN_ON_LABELS: Final = (
    "关键词",
    "關鍵詞",
    "关键字",
    "關鍵字",
    "Key words",
    "Keywords",
    "KEYWORDS",
)


def _run_on_label(text: str) -> str:
    """A keyword label inside an abstract where a label stands: after a sentence's
    end, a space or '【', and before a colon, '】', a space or a list set apart by
    spaces ('…。 关键词甲乙    丙丁'); not the word in a sentence ('热点关键词为')."""
    for form in _RUN_ON_LABELS:
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            before = text[at - 1] if at else ""
            after = text[end : end + 1]
            if before in _BEFORE_LABEL and (
                after in _AFTER_LABEL or "  " in text[end : end + _LIST_REACH]
            ):
                return form
            at = text.find(form, end)
    return ""


_BEFORE_LABEL: Final = frozenset(["", "。", "！", "？", " ", "\u3000", "【", "[", "\n"])
_AFTER_LABEL: Final = frozenset([":", "：", "】", "]", " ", "\u3000", ""])
_LIST_REACH: Final = 30

_ENGLISH_END: Final = 120
"""How much of an abstract's end is looked at for English words that ran on."""


def _english_end(text: str) -> bool:
    """A Chinese abstract whose last characters are nearly all English letters and
    spaces (twelve words or more)."""
    tail = text[-_ENGLISH_END:]
    if len(tail) < _ENGLISH_END or not any(is_han(c) for c in text[:-_ENGLISH_END]):
        return False
    latin = sum(1 for c in tail if c.isascii())
    return latin * 10 >= len(tail) * 9 and tail.count(" ") >= 12


def scalar_reason(field: str, value: str) -> str:
    """Why ``value`` does not look like the value of ``field`` ('' when it does)."""
    text = value.strip()
    if not text:
        return ""
    if field == "title_en":
        if any(is_han(c) for c in text):
            return "an English title holding Chinese characters"
        if len(text) > MAX_ENGLISH_TITLE or text.count(". ") >= 2:
            return "an English title of several sentences"
    elif field == "abstract":
        if len(text) > MAX_ABSTRACT:
            return f"an abstract of {len(text):,} characters"
        if text[0] in "(（[【" and text[-1] in ")）]】":
            return f"an abstract that is a note in brackets ('{text[:20]}')"
        label = _run_on_label(text)
        if label:
            return f"an abstract holding the label '{label}' (it ran on)"
        if _english_end(text):
            return "an abstract that ends in English words (an English title or names ran on)"
    elif field == "abstract_en":
        if len(text) > MAX_ABSTRACT * 3:
            return f"an English abstract of {len(text):,} characters"
        han = sum(1 for c in text if is_han(c))
        if han >= _MAX_HAN_IN_ENGLISH:
            return f"an English abstract holding {han} Chinese characters (it ran on)"
        if han:
            # the labels after it were not seen ('…plasmas.关键词 甲/乙Key words …')
            for form in _CHINESE_LABEL_FORMS:
                if form in text:
                    return f"an English abstract holding the label '{form}' (it ran on)"
    return ""


# What opens a line of a web page's list or an export format, never a paragraph
# before the text ('- 相关推荐', '• 中文核心期刊', '# 标题', '%T 题名').
PAGE_MARKS: Final = frozenset("-•·#%*>|")


def prose(text: str) -> bool:
    """Whether ``text`` holds a sentence that ends before its last character: a
    paragraph, never the value of a list or of a label found by its shape."""
    core = text.rstrip()
    return any(c in _SENTENCE_STOPS for c in core[:-1])


def value_shape(field: str, text: str) -> bool:
    """Whether ``text`` can be the value of a short field (an empty '文章编号:' never
    takes the next heading as its value)."""
    if not text:
        return False
    if field == "document_code":
        return 1 <= len(text) <= 4 and text[0].isascii() and text[0].isalpha()
    if field == "clc":
        return text[0].isascii() and text[0].isalpha() and any(c.isdigit() for c in text)
    if field == "doi":
        return text.startswith("10.") or text[:4].lower() == "doi:"
    if field == "article_number":
        # '1000-0000(2019)01-0001-03': never the '1' of '1 引言'
        # ('1000—176X(2015)07—0099—08': dashes of any width)
        return len(text) >= 6 and any(c in "-—–" for c in text) and any(c.isdigit() for c in text)
    return sum(c.isdigit() for c in text) >= 4  # a date


_SENTENCE_STOPS: Final = "。！？"
