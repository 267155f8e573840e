# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Recognizers of site chrome in the lead: bullets, counters, download links,
a site's summary, and the tag lines some mirrors print before the keywords.
"""

from __future__ import annotations

from typing import Final

from .. import patterns
from .lead_text import _BULLETS, _SPACE, Lead, _trim
from .names import (
    is_han,
)


def _bullet(lead: Lead, position: int) -> int:
    """'•' or '■' alone before a label or line: layout, not text."""
    text = lead.text
    end = position
    while end < len(text) and text[end] in _BULLETS:
        end += 1
    if end < len(text) and text[end] not in _SPACE:
        return -1
    return end


def _chrome(lead: Lead, position: int) -> int:
    """What a mirror site prints around the article: 'APP下载', a date glued to the
    author ('2019-08-03黄某'), the issue line ('党政研究 2019年4期'), counters
    ('下载: 376 浏览: 612')."""
    text = lead.text
    line_end = lead.end_of_line(position)
    summary = _site_summary(text, position, line_end)
    if summary > position:
        return summary
    if lead.multiline and _copyright_line(text, position, line_end):
        return _trim(text, position, line_end)
    for pattern in (patterns.CHROME_DATE, patterns.CHROME_WORDS, patterns.CHROME_COUNTERS):
        match = pattern.match(text, position, line_end)
        if match is not None and match.end() > position:
            if pattern is patterns.CHROME_DATE:
                lead.after_date = match.end()
            return match.end()
    if lead.multiline:
        match = patterns.CHROME_ISSUE_LINE.fullmatch(
            text, position, _trim(text, position, line_end)
        )
        if match is not None:
            return match.end()
    else:
        # in a single-line body, the issue line ends at a space
        match = patterns.CHROME_ISSUE_LINE.match(text, position, line_end)
        if match is not None and (match.end() == len(text) or text[match.end()] in _SPACE):
            return match.end()
    return -1


def _copyright_line(text: str, position: int, line_end: int) -> bool:
    """A site's copyright or registration line ('某网 版权所有 京ICP备…号'), short."""
    if line_end - position > _LONGEST_COPYRIGHT:
        return False
    line = text[position:line_end]
    return any(mark in line for mark in COPYRIGHT_MARKS)


COPYRIGHT_MARKS: Final = (
    "版权所有",
    "版權所有",
    "ICP备",
    "ICP備",
    "Copyright",
    "©",
    "公网安备",
    "公網安備",
)
_LONGEST_COPYRIGHT: Final = 120


def _site_summary(text: str, position: int, line_end: int) -> int:
    """The site's sentence about the article, to its full stop ('…,本文主要内容关键词为:
    甲论文,乙论文,此文献不代表本站观点,内容供学术参考。'); -1 if none starts here."""
    stop = text.find("。", position, min(line_end, position + _MAX_SUMMARY))
    if stop < 0:
        return -1
    sentence = text[position:stop]
    if not any(word in sentence for word in patterns.SITE_SUMMARY_WORDS):
        return -1
    return stop + 1


_MAX_SUMMARY: Final = 300


def _slashes(lead: Lead, position: int) -> int:
    """'//' between an English title and its authors."""
    return position + 2 if lead.text.startswith("//", position) else -1


def site_tags(value: str) -> bool:
    """'三治德治党组织': a keyword value that is one run of Chinese characters with no
    separator, the tags a mirror site prints above the article run together."""
    return _MIN_TAGS <= len(value) <= _MAX_TAGS and all(is_han(c) for c in value)


_MIN_TAGS: Final = 6


_MAX_TAGS: Final = 24
"""A run this long holds several keywords (a real single keyword is shorter)."""
