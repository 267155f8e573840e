# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Whether a value has the shape of its field: the checks behind ``field-unlikely``.

The recognizers decide where a value stands; these checks look at what was
placed and say when it does not look like what the field holds: an author
that is no name, a keyword that is a sentence, an English title in Chinese,
an abstract that ran on past the front matter. The value is kept where the
parser put it; the diagnostic tells a user which records to look at. Each
check returns a short reason, or '' when the value fits.
"""

from __future__ import annotations

from typing import Final

import regex

from .front.chrome import COPYRIGHT_MARKS
from .front.english import english_affiliation
from .front.english_run import english_names
from .front.names import looks_like_affiliation, valid_name
from .front.site_lines import INTERFACE_WORDS, MAX_CHROME_LINE, pieces
from .labels import FRONT_LABELS, ROW_ROLES, UNNUMBERED_TITLES
from .patterns import CITED_ISSUE, TOC_ENTRY, TYPE_MARK

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

_SENTENCE: Final = frozenset("。！？")
# What may stand around a name in an author list: marks, numbers, roles.
_NAME_MARKS: Final = "0123456789*＊∗#※†,，;；、 \u3000\u00a0.·"
_ROLES: Final = ("综述", "审校", "指导", "通讯作者", "执笔", "整理", "编译", "译", "著", "等")


def _han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


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
    if any(_han(c) for c in core):
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
        and all(_han(c) for c in compact)
        and compact[-1] not in _UNIT_ENDS
        and compact not in _NOT_NAMES
    )


def keyword_reason(items: list[str]) -> str:
    """Why a keyword list does not look like one ('' when it does)."""
    if len(items) > MAX_KEYWORDS:
        return f"{len(items)} keywords"
    for item in items:
        text = item.strip()
        if "\n" in text or text[:1] in _PAGE_MARKS:
            return f"'{text[:20]}' holds a line break or a list mark"
        if len(text) > MAX_KEYWORD and not text.isascii():
            return f"'{text[:20]}…' is too long for a keyword"
        if any(c in _SENTENCE for c in text):
            return f"'{text[:20]}' is a sentence"
    return ""


def affiliation_reason(item: str) -> str:
    """Why ``item`` does not look like an institution or an address."""
    text = item.strip(" \u3000()（）[]［］;；,，")
    if "《" in text:
        return f"'{text[:20]}' names a journal or book in 《》"
    if any(mark in text for mark in COPYRIGHT_MARKS):
        return f"'{text[:20]}' is a site's copyright line"
    if not text or looks_like_affiliation(text) or english_affiliation(text):
        return ""
    if any(c in _SENTENCE for c in text):
        return f"'{text[:20]}' is a sentence"
    if len(text) > MAX_AFFILIATION:
        return f"'{text[:20]}…' is too long for an affiliation"
    return ""


def scalar_reason(field: str, value: str) -> str:
    """Why ``value`` does not look like the value of ``field`` ('' when it does)."""
    text = value.strip()
    if not text:
        return ""
    if field == "title_en":
        if any(_han(c) for c in text):
            return "an English title holding Chinese characters"
        if len(text) > MAX_ENGLISH_TITLE or text.count(". ") >= 2:
            return "an English title of several sentences"
    elif field == "abstract":
        if len(text) > MAX_ABSTRACT:
            return f"an abstract of {len(text):,} characters"
        if text[0] in "(（[【" and text[-1] in ")）]】":
            return f"an abstract that is a note in brackets ('{text[:20]}')"
    elif field == "abstract_en":
        if len(text) > MAX_ABSTRACT * 3:
            return f"an English abstract of {len(text):,} characters"
        han = sum(1 for c in text if _han(c))
        if han >= _MAX_HAN_IN_ENGLISH:
            return f"an English abstract holding {han} Chinese characters (it ran on)"
        if han:
            # the labels after it were not seen ('…plasmas.关键词 甲/乙Key words …')
            for form in _CHINESE_LABEL_FORMS:
                if form in text:
                    return f"an English abstract holding the label '{form}' (it ran on)"
    return ""


MIN_PROSE: Final = 40
"""A paragraph at least this long is prose even with no sentence-final mark."""


def prose_shaped(text: str) -> bool:
    """A paragraph of the article's text: a sentence, or a long run of words; not a
    short line standing alone (chrome, a heading written with no number, front
    matter nothing placed). A part title with no number ('引言') and a line that
    leads into what follows ('同志们：') count as text."""
    stripped = text.strip()
    return (
        len(stripped) >= MIN_PROSE
        or any(c in _SENTENCE for c in stripped)
        or "".join(stripped.split()) in UNNUMBERED_TITLES
        or stripped[-1:] in "：:"  # a salutation or a lead-in ('同志们：')
    )


# A paragraph that opens with what closes a sentence was cut from the one before it.
_CLOSING: Final = frozenset(",，。、；;：:）)」』”.")
# What opens a line of a web page's list or an export format, never a paragraph
# before the text ('- 相关推荐', '• 中文核心期刊', '# 标题', '%T 题名').
_PAGE_MARKS: Final = frozenset("-•·#%*>|")
# A short run before a colon at a paragraph's start: a label nothing knew ('发布时间:').
_LABEL_START: Final = regex.compile(r"\p{Han}{2,8}[:：]")
_MARKUP: Final = regex.compile(r"<(?:[a-zA-Z]{1,10}[\s>/]|/[a-zA-Z]{1,10}>)")
_MAX_LEAD_CHUNK: Final = 15
_MIN_ENGLISH_PROSE: Final = 80


def _mostly_latin(text: str) -> bool:
    """Four in five characters ASCII, with sentences ('. ' twice)."""
    ascii_chars = sum(1 for c in text if c.isascii())
    return ascii_chars * 5 >= len(text) * 4 and text.count(". ") >= 2


_LIST_MARKS: Final = ",，、;；"
# What the page says of itself ('本站', '本文档由用户上传', '由会员分享'), and, with '您',
# a word of its interface ('您可以本页添加留言'): a notice, never the article.
_SELF_WORDS: Final = (
    "本站",
    "本网",
    "本網",
    "本页",
    "本頁",
    "本文档",
    "本文檔",
    "本资料",
    "本資料",
)
_SHARED: Final = ("会员分享", "會員分享", "用户上传", "用戶上傳", "用户提供", "用戶提供")
_MAX_NOTICE: Final = 200
_LATIN_SENTENCE_END: Final = frozenset(".!?。！？")


def chrome_throughout(text: str) -> bool:
    """Whether ``text`` is shaped like no paragraph all through, not only at its start:
    markup, a reference's type mark, the page's notice about itself, no Chinese text
    and no sentence, or a run of English sentences."""
    stripped = text.strip()
    return bool(stripped) and (
        _MARKUP.search(stripped) is not None
        or TYPE_MARK.search(stripped) is not None
        or _site_notice(stripped)
        or (stripped[-1] not in _LATIN_SENTENCE_END and not any(_is_han(c) for c in stripped))
        or (len(stripped) >= _MIN_ENGLISH_PROSE and _mostly_latin(stripped))
    )


def title_again(text: str, title: str) -> bool:
    """Whether ``text`` is the document's title written again: the same characters
    (spaces, punctuation and the pinyin mirror sites add left out), the title with a
    few characters more ('论文', '.docx', '_第1页'), or at least half of it (a title
    broken over two lines)."""
    if text.rstrip()[-1:] in "。！？":
        return False  # '题名既是要求,也是趋势。': a sentence that opens with its words
    line = _title_key(text)
    key = _title_key(title)
    if len(key) < _MIN_TITLE_KEY or len(line) < _MIN_TITLE_KEY:
        return False
    if key in line:
        return len(line) <= len(key) + _TITLE_AFFIX
    return line in key and 2 * len(line) >= len(key)


def _title_key(text: str) -> str:
    """The letters and digits of ``text`` with no pinyin annotation ('關(guān)')."""
    kept: list[str] = []
    index = 0
    size = len(text)
    while index < size:
        char = text[index]
        if char in "(（" and kept and _is_han(kept[-1]):
            close = index + 1
            while close < size and close - index <= _PINYIN and _pinyin_char(text[close]):
                close += 1
            if close < size and close > index + 1 and text[close] in ")）":
                index = close + 1
                continue
        if char.isalnum():
            kept.append(char)
        index += 1
    return "".join(kept)


def _pinyin_char(char: str) -> bool:
    return "a" <= char <= "z" or "\u00e0" <= char <= "\u01dc"


_MIN_TITLE_KEY: Final = 4
_TITLE_AFFIX: Final = 10
_PINYIN: Final = 8


def contents_line(text: str) -> bool:
    """'1.1 研究对象……3', '目 录 1.需求分析...1 1.1 处理对象...1': entries of a table
    of contents (leader dots and a page number), no sentence among them."""
    if "".join(text.split()) in _CONTENTS_TITLES:
        return True  # '目 录' alone on its line, above the entries
    return (
        len(text) <= _MAX_CONTENTS
        and not any(c in _SENTENCE for c in text)
        and TOC_ENTRY.search(text) is not None
    )


_MAX_CONTENTS: Final = 400
_CONTENTS_TITLES: Final = frozenset(("目录", "目錄", "目次"))


def _menu_row(text: str) -> bool:
    """'小学 一年级上册 一年级下册 二年级上册 …': at least :data:`_MENU_PIECES` pieces
    set apart by spaces, none longer than :data:`_MENU_PIECE`, no sentence in them."""
    if any(c in _SENTENCE for c in text):
        return False
    count = 0
    for piece in text.split():
        if len(piece) > _MENU_PIECE:
            return False
        count += 1
    return count >= _MENU_PIECES


def tag_list(text: str) -> bool:
    """'甲乙,丙丁,戊己,…', '语文网-读书-文学评论、书评、…': at least :data:`_TAGS` items split
    by commas, '、', '-', '|' or '/', none longer than :data:`_TAG`, no sentence."""
    if any(c in _SENTENCE for c in text):
        return False
    count = 0
    for item in _TAG_SEPARATORS.split(text):
        if len(item.strip()) > _TAG:
            return False
        count += 1
    return count >= _TAGS


_TAG_SEPARATORS: Final = regex.compile(r"[,，、|｜/／]|-(?=\S)")
_TAGS: Final = 6
_TAG: Final = 15
_MENU_PIECES: Final = 5
_MENU_PIECE: Final = 6


def _site_notice(text: str) -> bool:
    """A sentence in which the page speaks of itself or to its reader about itself."""
    head = text[:_MAX_NOTICE]
    if any(word in head for word in _SELF_WORDS) or any(word in head for word in _SHARED):
        return True
    if "您" not in head:
        return False
    return any(head[i : i + n] in INTERFACE_WORDS for n in _WORD_SIZES for i in range(len(head)))


_WORD_SIZES: Final = tuple(sorted({len(word) for word in INTERFACE_WORDS}))


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _standalone_run(head: str) -> bool:
    """A run that stands alone before text: words, or a list of them ('张三,李四,'),
    not the opening clause of a sentence ('众所周知,')."""
    core = head.rstrip(_LIST_MARKS)
    if not core or not all(c.isalnum() or c in _LIST_MARKS for c in core):
        return False
    return core == head or any(c in _LIST_MARKS for c in core)


def paragraph_reason(
    text: str,
    before_text: bool,
    multiline: bool,
    preamble: str | None = None,
    title: str | None = None,
) -> str:
    """Why ``text`` does not look like a paragraph of the article ('' when it does).
    ``before_text``: no prose and no heading came before it; ``multiline``: the
    body's layout; ``preamble``: when no heading came before it, the document's
    title ('' when it has none), else None."""
    stripped = text.strip()
    if not stripped:
        return ""
    if stripped[0] in _CLOSING:
        return "a paragraph that opens with closing punctuation (a sentence cut by a line break)"
    if _MARKUP.search(stripped) is not None:
        return "a paragraph holding markup (an HTML tag)"
    if TYPE_MARK.search(stripped) is not None:
        return "a paragraph that reads like a reference entry or a citation ([J], [M] …)"
    if not before_text:
        if preamble is not None and not multiline:
            return _glued_list(stripped) or _title_inside(stripped, preamble)
        return ""
    if _site_notice(stripped):
        return f"'{stripped[:20]}' is the page's notice about itself, before the text"
    if TOC_ENTRY.search(stripped) is not None:
        return f"'{stripped[:20]}' is a table of contents (leader dots, a page), before the text"
    if _menu_row(stripped) or tag_list(stripped):
        return f"'{stripped[:20]}' is a row of short pieces (a menu), before the text"
    if title and title_again(stripped, title):
        return f"'{stripped[:20]}' is the title again, before the text"
    if "。" not in stripped and CITED_ISSUE.search(stripped) is not None:
        return f"'{stripped[:20]}' cites a journal's volume, issue and pages, before the text"
    if stripped[-1] not in _LATIN_SENTENCE_END and not any(_is_han(c) for c in stripped):
        return f"'{stripped[:20]}' holds no Chinese text and no sentence, before the text"
    if stripped[0] in _PAGE_MARKS:
        return f"'{stripped[:20]}' opens like a line of a web page, before the text"
    opening = pieces(stripped[:MAX_CHROME_LINE])
    if len(opening) > 1 and opening[0] in INTERFACE_WORDS:
        return f"'{stripped[:20]}' opens with the page's navigation, before the text"
    if len(stripped) >= _MIN_ENGLISH_PROSE and _mostly_latin(stripped):
        return "an English paragraph before the text (an English abstract with no label?)"
    label = _LABEL_START.match(stripped)
    if (
        label is not None
        and label.end() < len(stripped)
        and label.group()[:-1] not in UNNUMBERED_TITLES
    ):
        return f"'{label.group()}' reads like a label the parser does not know"
    if not prose_shaped(stripped):
        return f"'{stripped[:20]}' stands before the text"
    if not multiline:
        # a single-line paragraph that starts with a short run standing alone ('首页 论文
        # 张三 随着…'): front matter or chrome that nothing placed, glued to the text
        head, _, rest = stripped.partition(" ")
        if (
            rest
            and len(head) <= _MAX_LEAD_CHUNK
            and not head.isascii()
            and _standalone_run(head)
            and head not in UNNUMBERED_TITLES
        ):
            return f"'{head}' stands before the text"
        if preamble is not None:
            return _title_inside(stripped, preamble)
    return ""


def _title_inside(stripped: str, title: str) -> str:
    """A single-line paragraph before the first heading that holds the document's
    title: the title again with what a page glues around it (a viewer's page
    captions 'title_第1页 title_第2页', a site's header, the authors), read as text."""
    if len(title) < _MIN_TITLE:
        return ""
    reach = stripped[:_TITLE_REACH]
    found = reach.find(title)
    if found < 0:
        return ""
    after = reach[found + len(title) : found + len(title) + 1]
    # apart from the words after it; a sentence may open with the words of the
    # title, or name them again ('教育数字化转型既是…')
    if after in _TITLE_APART or after.isspace():
        return f"the title '{title[:20]}' stands in it: front matter or chrome glued to the text"
    return ""


_TITLE_APART: Final = frozenset(["", "_", "-", "|", "/"])


_MIN_TITLE: Final = 6
_TITLE_REACH: Final = 400
"""How far into a paragraph before the first heading the title is looked for."""


def _glued_list(stripped: str) -> str:
    """A single-line paragraph before the first heading that opens with a list of
    words and a space ('甲;乙;丙 随着…', '甲、乙、丙 F830 …'): a keyword line that
    lost its label, glued to what follows."""
    head, _, rest = stripped.partition(" ")
    if not rest or head.isascii() or not _standalone_run(head):
        return ""
    marks = {c for c in head if c in _LIST_MARKS}
    if len(marks) != 1 or marks & _CLAUSE_MARKS:
        # one separator throughout, and not the comma that joins the clauses of a
        # sentence: '设备安全、稳定的运行,是…', '试验设5个处理,3次重复,…' are text
        return ""
    items = head.rstrip(_LIST_MARKS).split(marks.pop())
    if len(items) >= _MIN_GLUED_ITEMS and all(0 < len(i) <= _MAX_GLUED_ITEM for i in items):
        return f"'{head[:20]}' reads like a list with no label, glued to the text"
    return ""


_CLAUSE_MARKS: Final = frozenset(",，")
_MIN_GLUED_ITEMS: Final = 3
_MAX_GLUED_ITEM: Final = 12
"""Longest item of a list of words a paragraph may open with ('甲;乙;丙 随着…')."""
