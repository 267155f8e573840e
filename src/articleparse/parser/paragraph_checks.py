# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Whether a paragraph has the shape of the article's text (paragraph-unlikely,
chrome-before-text): prose, or a page's chrome, a title written again, a table of
contents, a tag list or menu row, front matter glued to the text.
"""

from __future__ import annotations

from typing import Final

import regex

from .checks import PAGE_MARKS, SENTENCE
from .front.site_lines import INTERFACE_WORDS, MAX_CHROME_LINE, pieces
from .label_forms import FRONT_LABEL
from .labels import UNNUMBERED_TITLES
from .patterns import CITED_ISSUE, TOC_ENTRY, TYPE_MARK, is_han

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
        or any(c in SENTENCE for c in stripped)
        or "".join(stripped.split()) in UNNUMBERED_TITLES
        or stripped[-1:] in "：:"  # a salutation or a lead-in ('同志们：')
    )


# A paragraph that opens with what closes a sentence was cut from the one before it.
_CLOSING: Final = frozenset(",，。、；;：:）)」』”.")
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
    "本刊",
    "我刊",
)
_SHARED: Final = ("会员分享", "會員分享", "用户上传", "用戶上傳", "用户提供", "用戶提供")
_MAX_NOTICE: Final = 200
# What an editor's note says of the original a page reproduces: parts left out, where
# it first appeared.
_NOTE_WORDS: Final = (
    "省略",
    "略去",
    "从略",
    "從略",
    "删去",
    "刪去",
    "原载",
    "原載",
    "转载自",
    "轉載自",
)
_MAX_NOTE: Final = 60
_LATIN_SENTENCE_END: Final = frozenset(".!?。！？")


def chrome_throughout(text: str) -> bool:
    """Whether ``text`` is shaped like no paragraph all through, not only at its start:
    markup, a reference's type mark, the page's notice about itself, no Chinese text
    and no sentence, or a run of English sentences."""
    stripped = text.strip()
    return bool(stripped) and (
        _MARKUP.search(stripped) is not None
        or TYPE_MARK.search(stripped) is not None
        or site_notice(stripped)
        or (stripped[-1] not in _LATIN_SENTENCE_END and not any(is_han(c) for c in stripped))
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
        if char in "(（" and kept and is_han(kept[-1]):
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
        and not any(c in SENTENCE for c in text)
        and TOC_ENTRY.search(text) is not None
    )


_MAX_CONTENTS: Final = 400
_CONTENTS_TITLES: Final = frozenset(("目录", "目錄", "目次"))


def _menu_row(text: str) -> bool:
    """'小学 一年级上册 一年级下册 二年级上册 …': at least :data:`_MENU_PIECES` pieces
    set apart by spaces, none longer than :data:`_MENU_PIECE`, no sentence in them."""
    if any(c in SENTENCE for c in text):
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
    if any(c in SENTENCE for c in text):
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


def site_notice(text: str) -> bool:
    """A sentence in which the page speaks of itself or to its reader about itself."""
    head = text[:_MAX_NOTICE]
    if any(word in head for word in _SELF_WORDS) or any(word in head for word in _SHARED):
        return True
    if len(text) <= _MAX_NOTE and any(word in text for word in _NOTE_WORDS):
        return True  # '因篇幅所限,省略原文注释。', '本文原载《某刊》': of the original
    if "您" not in head:
        return False
    return any(head[i : i + n] in INTERFACE_WORDS for n in _WORD_SIZES for i in range(len(head)))


_WORD_SIZES: Final = tuple(sorted({len(word) for word in INTERFACE_WORDS}))


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
    if site_notice(stripped):
        return f"'{stripped[:20]}' is the page's notice about itself, before the text"
    if TOC_ENTRY.search(stripped) is not None:
        return f"'{stripped[:20]}' is a table of contents (leader dots, a page), before the text"
    if _menu_row(stripped) or tag_list(stripped):
        return f"'{stripped[:20]}' is a row of short pieces (a menu), before the text"
    if title and title_again(stripped, title):
        return f"'{stripped[:20]}' is the title again, before the text"
    if "。" not in stripped and CITED_ISSUE.search(stripped) is not None:
        return f"'{stripped[:20]}' cites a journal's volume, issue and pages, before the text"
    if stripped[-1] not in _LATIN_SENTENCE_END and not any(is_han(c) for c in stripped):
        return f"'{stripped[:20]}' holds no Chinese text and no sentence, before the text"
    if stripped[0] in PAGE_MARKS:
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


# A heading's number right after a sentence's end, inside a paragraph: '…片面的。(一)
# 使用价值…', '…为例。二、现状…'. Chinese numerals only: a digit after a full stop is
# as often a list item or a figure as a heading.
_INNER_HEADING: Final = regex.compile(
    r"[。！？；!?;][ \u3000]*"
    r"(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])(?=\S)"
)


# A decimal number, a short title and that number's first child, run together:
# '…引言1.1研究背景1.1.1高校体育…' (a page that lost every line break of its outline).
_GLUED_CHAIN: Final = regex.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\p{Han}{2,20}?\1\.\2\.1(?!\d)")


def inner_heading(text: str) -> int:
    """Where a heading's number stands after a sentence's end inside ``text`` (the
    number's offset), or -1: a page that lost the line break before a heading."""
    found = _INNER_HEADING.search(text)
    if found is None:
        chain = _GLUED_CHAIN.search(text) if "." in text else None
        return -1 if chain is None else chain.start()
    marks = found.group()
    return found.start() + len(marks) - len(marks.lstrip("。！？；!?; \u3000"))


_GLUED_LABEL_FIELDS: Final = frozenset(
    {
        "abstract",
        "keywords",
        "clc",
        "document_code",
        "article_number",
        "fund",
        "author_info",
        "received",
        "abstract_en",
        "keywords_en",
    }
)
"""Fields whose label, bracketed or with its colon, is never a word of the text."""


def inner_label(text: str) -> tuple[int, str]:
    """A front-matter label in brackets or with its colon inside ``text``, with a
    value after it ('…奠定基础。【关键词】甲;乙'): its offset and the label as written,
    or (-1, '')."""
    # a label ends at its colon or closing bracket: only the few characters before
    # each of those are read (the whole pattern over every paragraph costs too much)
    size = len(text)
    for mark in _LABEL_ENDS.finditer(text):
        position = mark.start()
        start = max(0, position - _LONGEST_LABEL)
        for found in FRONT_LABEL.finditer(text, start, min(size, position + 2)):
            if found.end() >= size or not (found.group("close") or found.group("colon")):
                continue
            groups = found.groupdict()
            if any(groups.get(field) for field in _GLUED_LABEL_FIELDS):
                return found.start(), found.group().strip()
    return -1, ""


_LABEL_ENDS: Final = regex.compile(r"[:：】\]〕]")
_LONGEST_LABEL: Final = 24
"""How far before its colon or bracket a label may start (spaces and pinyin included)."""


def inside_reason(text: str, before_headings: bool) -> tuple[str, int, str]:
    """What ``text`` holds that the page lost a line break before, as a diagnostic's
    code, offset in ``text`` and detail; ('', -1, '') for nothing. A front-matter
    label counts only before the first heading."""
    at = inner_heading(text)
    if at >= 0:
        return "heading-in-paragraph", at, f"'{text[at : at + 16]}'"
    if before_headings:
        at, label = inner_label(text)
        if at >= 0:
            return "label-in-paragraph", at, f"'{label}'"
    return "", -1, ""
