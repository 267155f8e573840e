# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""A byline that names the writer's role before the name: '撰文 | 某某', '文/某某'.

Magazines and their WeChat mirrors credit the writer with a role word and a bar
or a slash, often after an editor's lead paragraph, so the byline may stand
after text. The role word is looked up in :data:`WRITER_ROLES` (other credits,
'图/', '编辑 |', name no author); the name after the mark must be a name.
"""

from __future__ import annotations

from typing import Final

from ..state import Body
from ..tokens import Kind
from .lead_text import _SPACE, Lead
from .names import MAX_NAME, is_han, valid_name

WRITER_ROLES: Final = frozenset(
    {"文", "撰文", "文字", "作者", "采写", "采访", "记者", "执笔", "撰稿", "图文", "文图"}
    | {"撰文者", "文章"}
)
"""Role words that credit the text's writer (simplified; traditional forms are mapped)."""


_TRADITIONAL: Final = {"記": "记", "筆": "笔", "寫": "写", "訪": "访", "圖": "图"}


_ROLE_MARKS: Final = frozenset("|｜/／")


_LONGEST_ROLE: Final = 3


def role_mark_end(text: str, position: int) -> int:
    """Where the role and its mark that start at ``position`` end ('撰文 | ' of
    '撰文 | 某某'), the spaces after the mark included; -1 when no writer's role
    and mark stand there, or no name follows them."""
    if position > 0 and text[position - 1] not in _SPACE:
        return -1
    end = position
    while end < len(text) and end - position < _LONGEST_ROLE and is_han(text[end]):
        end += 1
    role = "".join(_TRADITIONAL.get(c, c) for c in text[position:end])
    if role not in WRITER_ROLES:
        return -1
    while end < len(text) and text[end] in " \u3000\u00a0":
        end += 1
    if end >= len(text) or text[end] not in _ROLE_MARKS:
        return -1
    end += 1
    while end < len(text) and text[end] in " \u3000\u00a0":
        end += 1
    name_end = end
    while name_end < len(text) and name_end - end <= MAX_NAME and is_han(text[name_end]):
        name_end += 1
    if not valid_name(text[end:name_end]):
        return -1
    if name_end < len(text) and text[name_end] not in _NAME_ENDS:
        return -1
    return end


_NAME_ENDS: Final = frozenset(" \t\r\n\u3000\u00a0,，、;；")


def role_part(lead: Lead, position: int) -> int:
    """A recognizer of the lead (:data:`~.parts.RECOGNIZERS`): a writer's role and its
    mark before the name, as trivia (the name is read as the author next)."""
    return role_mark_end(lead.text, position)


def role_byline(st: Body, index: int) -> bool:
    """The segment at ``index`` opens with a writer's role and a name ('撰文 | 某某'),
    before any heading and while no author was found: the byline after a lead."""
    tokens = st.tokens
    tree = st.tree
    if tree.sections or "authors" in tree.lists or tokens[index].kind is not Kind.SEGMENT:
        return False
    # (in a single-line body the role, the mark and the name may be segments of their own)
    words = "".join(t.text for t in tokens[index : index + _ROLE_TOKENS])
    return role_mark_end(words, 0) > 0


_ROLE_TOKENS: Final = 5
"""Tokens a role, its mark and a name take in a single-line body ('撰文', ' ', '|', ' ', '某某')."""


def bios_follow(st: Body, index: int) -> bool:
    """After the author label at ``index`` ('Author', alone on its line or before the
    text), a bio rather than names: a name, a comma or bracket, and a clause about
    the person that ends a sentence ('甲乙, 某大学博士生,研究方向为…。')."""
    tokens = st.tokens
    text = "".join(t.text for t in tokens[index + 1 : index + 1 + _BIO_TOKENS]).lstrip()
    cut = 0
    while cut < len(text) and cut <= MAX_NAME and is_han(text[cut]):
        cut += 1
    if not valid_name(text[:cut]) or text[cut : cut + 1] not in _BIO_NAME_END:
        return False
    rest = text[cut + 1 : cut + 1 + _LONGEST_BIO_CLAUSE].lstrip()
    head = 0
    while head < len(rest) and head <= MAX_NAME and is_han(rest[head]):
        head += 1
    if valid_name(rest[:head]) and rest[head : head + 1] in _NAME_ENDS | {""}:
        return False  # '甲乙, 丙丁, …': names
    stop = rest.find("。")
    return stop >= _SHORTEST_BIO_CLAUSE and "\n" not in rest[:stop]


_BIO_NAME_END: Final = frozenset(",，")
_BIO_TOKENS: Final = 8
_LONGEST_BIO_CLAUSE: Final = 400
_SHORTEST_BIO_CLAUSE: Final = 6


def latin_names_follow(st: Body, index: int) -> bool:
    """An English author label ('Authors:') before a line with no Chinese character:
    the names in Pinyin, not the article's authors."""
    tokens = st.tokens
    if not tokens[index].text.isascii():
        return False
    following = index + 1
    if following < len(tokens) and tokens[following].kind is Kind.SEP:
        following += 1
    return (
        following < len(tokens)
        and tokens[following].kind is Kind.SEGMENT
        and not any(is_han(c) for c in tokens[following].text)
    )
