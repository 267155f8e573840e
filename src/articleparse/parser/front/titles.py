# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Recognizers of the title printed again in the lead, its subtitle and marks,
and a journal's column name ('综 述').
"""

from __future__ import annotations

from typing import Final

from ..content.numbering import find_marker
from ..labels import COLUMN_NAMES
from .lead_text import _BULLETS, _MAX_TAG, _OPENERS, _SPACE, Lead, _trim
from .names import (
    MAX_NAME,
    ROLE_WORDS,
    is_han,
    valid_name,
)
from .needle import Needle
from .site_lines import INTERFACE_WORDS


def _column(lead: Lead, position: int) -> int:
    """'·综 述·', '【论著】': a column name between two marks."""
    text = lead.text
    first = text[position]
    if first in _BULLETS:
        closing = first
    elif first in "【〔":
        closing = _OPENERS[first]
    else:
        return -1
    limit = min(lead.end_of_line(position), position + _MAX_TAG + 2)
    found = text.find(closing, position + 1, limit)
    if found < 0:
        return -1
    inner = text[position + 1 : found].strip(" \u3000")
    if not inner and first not in _BULLETS:
        return -1
    words = [word for word in inner.split() if word not in ROLE_WORDS]
    if words and (valid_name("".join(words)) or valid_name(words[0])):
        return -1  # '○吴静 ○李明', '○罗佳 综述 ○邵文': marks before names
    if any(not (is_han(c) or c in " \u3000") for c in inner):
        return -1
    return found + 1


def _title(lead: Lead, position: int) -> int:
    """The article's title written again at the start of a line, with its
    subtitle on the next line ('——以某市为例') in a multi-line body."""
    title = lead.title
    if not title:
        return -1
    text = lead.text
    if lead.title_at is None:
        # the title and the part before its subtitle, each found in one pass
        lead.title_at = Needle(text, title)
        dash = title.find(_SUBTITLE_DASH)
        if dash > 0 and lead.multiline:
            lead.subtitle_at = Needle(text, title[:dash])
    if lead.title_at.at(position):
        end = position + len(title)
        if _heading_title(title) and not _written_again(lead, end, title):
            return -1  # '四、结论' as the page's title and its first heading: the heading
    elif text[position] in _TITLE_BRACKETS and lead.title_at.at(position + 1):
        # '【题名】近年来…': the title in black brackets, glued to the first sentence
        end = position + 1 + len(title)
        if text[end : end + 1] == _TITLE_BRACKETS[text[position]]:
            return end + 1
        return -1
    else:
        # the row's title holds the subtitle, the body breaks the line before it
        before = lead.subtitle_at
        if before is None or not before.at(position):
            return -1
        end = position + len(before.needle)
    end = _title_marks(text, end)
    if end < len(text) and text[end] not in _SPACE:
        return -1  # the title's words begin a sentence ('上上上上上。' after title '上上')
    if lead.multiline:
        end = _subtitle(lead, end)
    return end


def _heading_title(title: str) -> bool:
    """A title that is a numbered heading ('四、结论及深思', '3.研究方法'): the page
    holds one part of a longer article."""
    marker = find_marker(title)
    return (
        marker is not None
        and marker.scheme in _PART_HEADING_SCHEMES
        and title[marker.end - 1 : marker.end] in "、.．章"
        and marker.title_start < len(title)
    )


def _written_again(lead: Lead, end: int, title: str) -> bool:
    """The title is written again next: on the next line, or in a single-line body
    after the space that follows it."""
    text = lead.text
    if lead.multiline:
        line_end = text.find("\n", end)
        if line_end < 0:
            return False
        start = line_end + 1
    else:
        start = end
    while start < len(text) and text[start] in " \t\u3000":
        start += 1
    return text.startswith(title, start)


_PART_HEADING_SCHEMES: Final = frozenset(("cn-dun", "cn-chapter", "decimal"))


_TITLE_MARKS: Final = frozenset("*＊∗#※†①②③")


_TITLE_BRACKETS: Final = {"【": "】", "[": "]", "〔": "〕", "《": "》"}


_SUBTITLE_DASH: Final = "——"


def _title_marks(text: str, end: int) -> int:
    while end < len(text) and text[end] in _TITLE_MARKS:
        end += 1  # '标题*', '标题①': the mark of a fund note
    return end


def _subtitle(lead: Lead, end: int) -> int:
    """Past a subtitle line ('——兼论某某问题*') right after the title's line; ``end``
    if the next line is not one."""
    text = lead.text
    line_end = lead.end_of_line(end)
    if _trim(text, end, line_end) != end or line_end >= len(text):
        return end
    start = line_end + 1
    while start < len(text) and text[start] in " \t\u3000\u00a0":
        start += 1
    if not text.startswith(_SUBTITLE_DASH, start):
        return end
    found = text.find("\n", start)
    return _trim(text, start, len(text) if found < 0 else found)


def _bare_column(lead: Lead, position: int) -> int:
    """'综 述', '临床研究': a journal's column name alone on its line, with no marks
    around it (multi-line bodies only; the names are a closed list)."""
    if not lead.multiline or (position > 0 and lead.text[position - 1] != "\n"):
        return -1
    text = lead.text
    end = _trim(text, position, lead.end_of_line(position))
    if end - position > _MAX_TAG:
        return -1
    name = "".join(char for char in text[position:end] if char not in _SPACE)
    return end if name in COLUMN_NAMES else -1


def _rubric(lead: Lead, position: int) -> int:
    """'草原论坛', '专题研究': a journal's column name of a few characters, alone on its
    line (in a single-line body, one piece), right before the title written again."""
    text = lead.text
    if not is_han(text[position]) or (position > 0 and text[position - 1] not in _SPACE):
        return -1
    end = _trim(text, position, lead.end_of_line(position))
    if not lead.multiline:
        end = position
        while end < len(text) and text[end] not in _SPACE:
            end += 1
    if not 2 <= end - position <= _MAX_TAG or not all(is_han(c) for c in text[position:end]):
        return -1
    if text[position:end] in INTERFACE_WORDS:
        return -1  # '验证码' above the title: the last field of a page's form
    following = end
    while following < len(text) and text[following] in _SPACE:
        following += 1
    title = lead.title
    if not title or following == end or not text.startswith(title, following):
        return -1
    return end


def _byline(lead: Lead, position: int) -> int:
    """'严某:题名全文', '庞某|题名-某某网': a page's heading line that puts the author's
    name before the article's title (or the title's start) with a colon or a bar;
    to the line end (in a single-line body, to the title's end and the piece glued
    to it)."""
    text = lead.text
    title = lead.title
    if not title or (position > 0 and text[position - 1] not in _SPACE):
        return -1
    name_end = position
    while name_end < len(text) and name_end - position <= MAX_NAME and is_han(text[name_end]):
        name_end += 1
    if name_end >= len(text) or text[name_end] not in _BYLINE_MARKS:
        return -1
    if not valid_name(text[position:name_end]):
        return -1
    start = name_end + 1
    head = title[: min(len(title), _BYLINE_TITLE_HEAD)]
    if not text.startswith(head, start):
        return -1
    if lead.multiline:
        return _trim(text, position, lead.end_of_line(position))
    end = start + len(title) if text.startswith(title, start) else start + len(head)
    while end < len(text) and text[end] not in _SPACE:
        end += 1
    return end


_BYLINE_MARKS: Final = frozenset(":：|｜")
_BYLINE_TITLE_HEAD: Final = 6


def byline_name(raw: str) -> str:
    """The author's name of a part :func:`_byline` took."""
    end = 0
    while end < len(raw) and raw[end] not in _BYLINE_MARKS:
        end += 1
    return raw[:end]
