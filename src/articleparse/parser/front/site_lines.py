# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Lines of the site's own page before the article: navigation, viewers, forms, counters.

A scraped body often opens with what the page drew around the article: a
breadcrumb trail (``首页 » 论文 » 正文``), a document viewer's captions
(``第1页 / 共9页``, ``已阅读5页``), buttons and counters (``收藏 分享 打印``,
``阅读量:281``), a guest-book form (``姓名`` / ``邮箱`` / ``验证码`` one per line),
lone bullets and rules (``-``, ``•``, ``:::``). Such a line is known by its
shape, not by the site:

* it is no sentence: no sentence-final punctuation, and short;
* and it is made of *pieces* (runs between spaces, separators and colons) of
  which one is a word of a page's interface standing whole (``首页``, not the
  ``首页`` inside a title word), or it is a trail of pieces between
  breadcrumb separators, or it holds no word at all (symbols only).

A title that merely contains such a word (``基于二维码的服务研究``) is one
piece and no interface word stands whole in it, so it is never chrome.
"""

from __future__ import annotations

from typing import Final

import regex

from ..labels import UNNUMBERED_TITLES
from .lead_text import Lead, _trim
from .names import TOGGLE_WORDS

MAX_CHROME_LINE: Final = 60
"""Longest line read as the page's own chrome, in characters."""

# Words of a page's interface (navigation, viewers, buttons, counters, forms),
# simplified and traditional. Each counts only as a whole piece of its line.
INTERFACE_WORDS: Final = (
    frozenset(
        {
            "首页",
            "網站首頁",
            "网站首页",
            "当前位置",
            "當前位置",
            "您的位置",
            "您现在的位置",
            "现在位置",
            "导航",
            "栏目",
            "浏览",
            "瀏覽",
            "浏览量",
            "阅读",
            "閱讀",
            "阅读量",
            "阅读次数",
            "点击",
            "点击数",
            "点击量",
            "人气",
            "下载",
            "下載",
            "收藏",
            "分享",
            "分享到",
            "打印",
            "字号",
            "字體",
            "字体",
            "返回",
            "返回顶部",
            "投稿",
            "在线投稿",
            "登录",
            "登錄",
            "注册",
            "註冊",
            "设为首页",
            "加入收藏",
            "网站地图",
            "联系我们",
            "关于我们",
            "免责声明",
            "二维码",
            "扫一扫",
            "扫码",
            "公众号",
            "关注",
            "评论",
            "留言",
            "留言板",
            "验证码",
            "驗證碼",
            "搜索",
            "检索",
            "高级检索",
            "上传",
            "上传人",
            "文档",
            "文檔",
            "页数",
            "已阅读",
            "还剩",
            "未读",
            "查看原文",
            "阅读原文",
            "全文下载",
            "下载全文",
            "在线阅读",
            "在线阅读下载全文",
            "PDF下载",
            "TOP",
            "更多",
            "推荐",
            "相关推荐",
            "热门",
            "客服",
            "会员",
            "积分",
            "文档简介",
            "文檔簡介",
            "下载本文档",
            "下載本文檔",
            "举报",
            "纠错",
            "姓名",
            "邮箱",
            "手机号码",
            "留言内容",
            "提交",
            "上一篇",
            "下一篇",
            "上一页",
            "下一页",
            "返回列表",
            "打印本页",
            "关闭窗口",
        }
    )
    | TOGGLE_WORDS
)

# What separates the pieces of a line: spaces, breadcrumb marks, bars, colons.
_PIECES: Final = regex.compile(r"[\s|｜>»›＞≫→/／:：,，·•●■◆▪|_\-–—]+")
# Breadcrumb marks: two of them on a line make a trail.
_TRAIL: Final = frozenset(">»›＞≫→")
# A viewer's page captions and counters ('第1页', '共9页', '5頁', '281次').
_COUNTED: Final = regex.compile(r"(?:第|共|还剩|已阅读)?\d+(?:页|頁|次|人|条|篇|KB|MB|k|K)?")
_SENTENCE_END: Final = frozenset("。！？!?；;")


def pieces(text: str) -> list[str]:
    """The runs of ``text`` between spaces, separators and colons."""
    return [piece for piece in _PIECES.split(text) if piece]


def interface_line(text: str) -> bool:
    """Whether ``text`` (one line, or one chunk of a single-line body) is the page's own
    chrome: no sentence, and an interface word standing whole, a breadcrumb trail,
    or no word at all."""
    line = text.strip()
    if not line or len(line) > MAX_CHROME_LINE or any(c in _SENTENCE_END for c in line):
        return False
    if line in UNNUMBERED_TITLES:
        return False
    if not any(c.isalnum() for c in line):
        # '-', '•', ':::', '——'; not an opening mark a line break left alone ('《')
        return line[-1] not in "《“‘（(「『"
    if sum(1 for c in line if c in _TRAIL) >= 2:
        return True
    words = 0
    longest_other = 0
    latin = False
    for piece in pieces(line):
        if piece in INTERFACE_WORDS:
            words += 1
        elif _COUNTED.fullmatch(piece) is None:
            longest_other = max(longest_other, len(piece))
            latin = latin or (piece.isascii() and piece.isalpha())
    # an interface word makes the line chrome when the rest of it is short pieces
    # ('收藏 分享 打印', '阅读量:281 2021-06-03'), not a phrase ('关注 城乡融合发展的路径')
    # nor English words ('TOP designs')
    return words >= 2 or (words == 1 and longest_other <= 4 and not latin)


def interface_chunks(text: str, position: int) -> int:
    """In a single-line body: the end of the run of chunks from ``position`` that are
    interface words, counters or breadcrumb marks ('首页 » 论文 » 正文 收藏'), or -1."""
    end = position
    taken = -1
    words = 0
    while end < len(text):
        chunk_end = _chunk_end(text, end)
        if chunk_end <= end:
            break  # a space the run does not cross ('\t'), or a chunk that is none
        chunk = text[end:chunk_end]
        if chunk in INTERFACE_WORDS or _counter_chunk(chunk):
            words += 1
        elif not (all(c in _TRAIL or c in "|｜" for c in chunk) or _COUNTED.fullmatch(chunk)):
            break
        taken = chunk_end
        end = chunk_end
        while end < len(text) and text[end] in " \u3000\u00a0":
            end += 1
    return taken if words > 0 else -1


def _counter_chunk(chunk: str) -> bool:
    """'浏览:86次', '评论：2': an interface word, a colon, a count (or none: '点击:',
    whose number the page's script draws)."""
    for colon in ":：":
        cut = chunk.find(colon)
        if cut > 0:
            return chunk[:cut] in INTERFACE_WORDS and (
                cut + 1 == len(chunk) or _COUNTED.fullmatch(chunk, cut + 1) is not None
            )
    return False


def _chunk_end(text: str, start: int) -> int:
    """The end of the chunk at ``start`` (the next space); -1 as soon as it is longer
    than any interface word and neither a trail ('»»') nor a counter ('第12页'),
    whose digits run from at most the fourth character to at most two before the
    end: a long chunk is read only as far as it takes to refuse it."""
    index = start
    trail = True
    non_digit = -1  # the first character past a counter's prefix that is no digit
    while index < len(text) and not text[index].isspace():
        char = text[index]
        if trail and char not in _TRAIL and char not in "|｜":
            trail = False
        if non_digit < 0 and index - start >= _COUNTER_PREFIX and not char.isdigit():
            non_digit = index
        if (
            not trail
            and index - start >= _LONGEST_WORD + 2
            and start + _COUNTER_PREFIX <= non_digit <= index - 2
        ):
            return -1
        index += 1
    return index


_LONGEST_WORD: Final = max(len(word) for word in INTERFACE_WORDS)
_COUNTER_PREFIX: Final = 3  # '已阅读'


def interface_part(lead: Lead, position: int) -> int:
    """A recognizer of the lead (:data:`~.parts.RECOGNIZERS`): the page's own chrome
    at ``position`` (its line, or its run of chunks on one line), or -1."""
    text = lead.text
    if lead.multiline:
        end = _trim(text, position, lead.end_of_line(position))
        return end if interface_line(text[position:end]) else -1
    return interface_chunks(text, position)
