# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Lines that open with names: names run together on the line under the title
('李某阳黄某金宋某豪'); a row of names set apart by spaces, alone on its line
('远航 梁凌熙 李宇芯 淡自强': an author line whose first name may have a rarer
surname, told from a menu row by how many of its pieces open with a common
surname: half of them or more), and an author's bio written with no label ('张三(1974—),男,…').
"""

from __future__ import annotations

from typing import Final

from .lead_text import Lead, _affiliation_text
from .names import SPACE_CHARS, Name, is_han, scan_names, split_glued, valid_name
from .site_lines import INTERFACE_WORDS


def name_row(lead: Lead, position: int) -> int:
    """The end of the names when the line from ``position`` is a row of them (multi-line
    bodies, at a line's start), else -1."""
    text = lead.text
    if not lead.multiline or (position > 0 and text[position - 1] != "\n"):
        return -1
    end = lead.end_of_line(position)
    while end > position and text[end - 1] in SPACE_CHARS:
        end -= 1
    return end if row_names(text[position:end]) else -1


def row_names(raw: str) -> list[Name]:
    """The names of ``raw`` when it is a row of :data:`MIN_NAMES` or more pieces of two
    or three Chinese characters set apart by spaces, each a name (the rarer surnames
    taken) and half or more opening with a common surname; else []."""
    names: list[Name] = []
    common = 0
    position = 0
    size = len(raw)
    while position < size:
        while position < size and raw[position] in SPACE_CHARS:
            position += 1
        start = position
        while position < size and raw[position] not in SPACE_CHARS:
            position += 1
        piece = raw[start:position]
        if not piece:
            break
        if (
            not 2 <= len(piece) <= _LONGEST
            or not all(is_han(c) for c in piece)
            or piece in INTERFACE_WORDS
            or not valid_name(piece, after_names=True)
        ):
            return []
        common += valid_name(piece)
        names.append(Name(start, position, piece))
    if len(names) < MIN_NAMES or common * 2 < len(names):
        return []
    return names


MIN_NAMES: Final = 3
_LONGEST: Final = 3


def bio_line(lead: Lead, position: int) -> int:
    """'张三(1974—),男,山东人,博士,…', '李四(1980-), 女, …': an author's bio with no
    label, a name, the year of birth in brackets and the sex; to the line's end."""
    text = lead.text
    end = lead.end_of_line(position)
    cut = position
    while cut < end and cut - position <= _LONGEST + 1 and is_han(text[cut]):
        cut += 1
    if not valid_name(text[position:cut]) or text[cut : cut + 1] not in ("(", "（"):
        return -1
    year = cut + 1
    if not (text[year : year + 4].isdigit() and text[year : year + 2] in ("19", "20")):
        return -1
    close = year + 4
    while close < end and close - year < _YEAR_BRACKET and text[close] not in ")）":
        close += 1
    if close >= end or text[close] not in ")）":
        return -1
    sex = text[close + 1 : close + 1 + _SEX_REACH].lstrip(" ,，、\u3000")
    if sex[:1] not in ("男", "女"):
        return -1
    return end


_YEAR_BRACKET: Final = 12
"""Characters from the year to the closing bracket ('1974—2020.3')."""
_SEX_REACH: Final = 4


def glued_name_line(lead: Lead, position: int) -> int:
    """'李某阳黄某金宋某豪' alone on the line right under the title: names written with
    nothing between them, taken when they split into names one way alone (multi-line
    bodies)."""
    text = lead.text
    title = lead.title
    if not lead.multiline or not title or (position > 0 and text[position - 1] != "\n"):
        return -1
    end = lead.end_of_line(position)
    while end > position and text[end - 1] in SPACE_CHARS:
        end -= 1
    if split_glued(text[position:end]) is None:
        return -1
    # the line above (blank lines between), read back no further than the title's length
    window = max(0, position - 3 * len(title) - _BLANK_REACH)
    above = text[window:position].rstrip()
    line_start = above.rfind("\n") + 1
    if line_start == 0 and window > 0:
        return -1  # the line above is longer than the title
    written = "".join(above[line_start:].split())
    return end if written == "".join(title.split()) else -1


_BLANK_REACH: Final = 20


def unit_before_names(lead: Lead, position: int) -> int:
    """'某某公司化学组:罗某妹', '某校某课题组：甲乙丙': a unit, a colon and its names to
    the line's end; the unit is the part, the colon and the names follow."""
    text = lead.text
    colon = _colon_before(lead, position)
    if colon < 0 or not _affiliation_text(text[position:colon].strip(" \u3000")):
        return -1
    line_end = lead.end_of_line(colon)
    if line_end - colon > _UNIT_REACH:
        return -1  # the names end the line: a short one
    names = text[colon + 1 : line_end].strip(" \u3000")
    if not names or not _only_names(names):
        return -1
    lead.unit_colon = colon
    return colon


def names_before_title(lead: Lead, position: int) -> int:
    """'张某 李某:题名' (a forum's thread title, a repost's heading): names, a colon
    and the title; the names are the part, the colon and the title follow."""
    text = lead.text
    title = lead.title
    colon = _colon_before(lead, position)
    if colon < 0 or not title or not _only_names(text[position:colon]):
        return -1
    start = colon + 1
    while start < len(text) and text[start] in SPACE_CHARS:
        start += 1
    if not text.startswith(title, start):
        return -1
    lead.unit_colon = colon
    return colon


def _only_names(raw: str) -> bool:
    """Names and what goes with them (marks, separators), nothing else."""
    end, names = scan_names(raw, 0, len(raw))
    return bool(names) and not raw[end:].strip(" \u3000,，、;；")


def _colon_before(lead: Lead, position: int) -> int:
    """The first colon on the line within :data:`_UNIT_REACH` of ``position``, or -1."""
    text = lead.text
    limit = min(lead.end_of_line(position), position + _UNIT_REACH)
    for index in range(position, limit):
        if text[index] in ":：":
            return index if index > position else -1
    return -1


_UNIT_REACH: Final = 40
