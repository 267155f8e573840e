# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Recognizers of author lines and affiliations in the lead, and the lists they
give (names with their marks and roles, affiliations split one per unit).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Final, NamedTuple

from .. import patterns
from ..fields import SplitList, split_list
from .english import _any_affiliation, english_affiliation
from .lead_text import (
    _MAX_AFFILIATION,
    _MAX_BRACKET,
    _OPENERS,
    _SPACE,
    Lead,
    _affiliation_text,
    _line_or_chunk_end,
    _matching,
    _trim,
)
from .name_rows import row_names
from .names import (
    Name,
    is_han,
    looks_like_affiliation,
    scan_names,
    split_glued,
    valid_name,
)


def _bracket(lead: Lead, position: int) -> int:
    """A bracketed affiliation, '(1.某大学 某学院,江苏 南京 210000;2.…)', which may
    run over lines."""
    text = lead.text
    closing = _OPENERS.get(text[position])
    if closing is None or text[position] in "【〔":
        return -1
    found = _matching(text, position, min(len(text), position + _MAX_BRACKET))
    if found < 0:
        return -1
    inner = text[position + 1 : found]
    if looks_like_affiliation(inner) or (inner.isascii() and english_affiliation(inner)):
        return found + 1
    return -1


def _numbered(lead: Lead, position: int) -> int:
    """'1.某大学某学院,上海 200030' and the numbered lines after it."""
    text = lead.text
    match = patterns.NUMBERED_LINE.match(text, position)
    if match is None:
        return -1
    end = _line_or_chunk_end(lead, position)
    if not lead.multiline and not _any_affiliation(text[position:end]):
        # '2. School of Economics, Some Institute, Xinxiang 453003, China 新冠…': in a
        # single-line body an English unit runs over its spaces to the Chinese text
        latin = _latin_unit_end(text, match.end())
        if latin > end and english_affiliation(text[position:latin]):
            return latin
    if not _any_affiliation(text[position:end]):
        return -1
    while not lead.multiline and end < len(text):
        # a single-line body: '… 210000; 2. 某研究所, 某市 200000' goes on with the next unit
        following = end
        while following < len(text) and text[following] in _SPACE:
            following += 1
        if following == end or not patterns.NUMBERED_LINE.match(text, following):
            break
        unit_end = _numbered_unit_end(text, following)
        if unit_end <= following or not _any_affiliation(text[following:unit_end]):
            break
        end = unit_end
    while lead.multiline and end < len(text):
        following = end + 1
        if not patterns.NUMBERED_LINE.match(text, following):
            break
        line_end = text.find("\n", following)
        line_end = len(text) if line_end < 0 else line_end
        if not _any_affiliation(text[following:line_end]):
            break
        end = line_end
    return _trim(text, position, end)


def _latin_unit_end(text: str, start: int) -> int:
    """The end of the English text from ``start`` (before the next Chinese character,
    its trailing spaces left out), within an English unit's length; -1 if none."""
    limit = min(len(text), start + _MAX_ENGLISH_UNIT)
    end = start
    while end < limit and text[end].isascii():
        end += 1
    if end >= limit and end < len(text):
        return -1  # longer than any unit: English text, not an affiliation
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return end if end > start + 1 else -1


_MAX_ENGLISH_UNIT: Final = 200
"""Longest English affiliation read over its spaces in a single-line body."""


def _numbered_unit_end(text: str, start: int) -> int:
    """In a single-line body, the end of the numbered unit at ``start``: over its
    space-separated pieces to the one that ends it (a postcode, a ';'); -1 if it
    does not end within an affiliation's length or holds a sentence stop."""
    limit = min(len(text), start + _MAX_AFFILIATION)
    position = start
    while position < limit:
        end = position
        while end < limit and text[end] not in _SPACE:
            if text[end] in "。！？":
                return -1
            end += 1
        piece = text[position:end].rstrip(")）")
        if piece.endswith((";", "；")) or piece.isdigit():
            return end
        position = end
        while position < limit and text[position] in _SPACE:
            position += 1
    return -1


def _authors(lead: Lead, position: int) -> int:
    """Names that end where an author line can end: at whitespace, at the end, or
    before a bracket ('王芳(某大学)'); '文上，上。' is prose."""
    text = lead.text
    stop = lead.end_of_line(position)
    ends: list[int] = []
    end, names = scan_names(text, position, stop, ends)
    again = [name.start for name in names[1:] if name.value == names[0].value]
    if again and text[end : end + 1] == ".":
        # '甲, 乙 甲, 乙. 题名[J]…': the names again, and a full stop, begin a citation
        ends = []
        end, names = scan_names(text, position, again[0], ends)
    count = len(names)
    while count and not _ends_author_line(text, end):
        # the last 'name' begins the text after the author line: stop before it
        # (where the scan stood when it reached that name, so no second scan)
        count -= 1
        end = ends[count]
    return end if count else _name_before_number(lead, position)


def _name_before_number(lead: Lead, position: int) -> int:
    """'林惠美   M982416': a name, spaces, and a student or staff number that ends the
    line; the end of the name, or -1."""
    text = lead.text
    stop = lead.end_of_line(position)
    chunks = text[position:stop].split()
    if len(chunks) != 2 or not valid_name(chunks[0]) or not staff_number(chunks[1]):
        return -1
    return position + len(chunks[0])


def staff_number(chunk: str) -> bool:
    """'M982416', '2019012345': letters and digits, digits among them, a short run;
    digits alone only when longer than a postcode ('545006')."""
    return (
        chunk.isascii()
        and chunk.isalnum()
        and any(c.isdigit() for c in chunk)
        and (not chunk.isdigit() or len(chunk) >= _SHORTEST_DIGIT_NUMBER)
        and len(chunk) <= _LONGEST_NUMBER
    )


def _staff_number_part(lead: Lead, position: int) -> int:
    """The number after an author's name at the end of its line (a part of the
    line kept as it stands)."""
    text = lead.text
    stop = lead.end_of_line(position)
    chunk = text[position:stop].rstrip()
    before = text[:position].rstrip(" \u3000\t")
    if " " in chunk or not staff_number(chunk) or not before or not is_han(before[-1]):
        return -1
    head = before.split()[-1] if before.split() else ""
    return position + len(chunk) if valid_name(head) else -1


_LONGEST_NUMBER: Final = 12
_SHORTEST_DIGIT_NUMBER: Final = 8


def _ends_author_line(text: str, end: int) -> bool:
    after = end
    while after < len(text) and text[after] in _NAME_TRAIL:
        after += 1
    if after >= len(text) or text[after] in _SPACE:
        return True
    return text[after] in _OPENERS and not _prose_after_bracket(text, after)


def _prose_after_bracket(text: str, opener: int) -> bool:
    """'悉尼·胡克(Sidney Hook,1902-1989)是美国…': the bracket after a name is
    followed by a run of Chinese longer than any name, so the name opens a
    sentence; an author's bracket is followed by a space, a line end, a
    separator or the next name ('王芳(某大学)李明(某学院)')."""
    closing = _OPENERS[text[opener]]
    close = text.find(closing, opener + 1, opener + _MAX_AUTHOR_BRACKET)
    if close < 0:
        return False
    run = close + 1
    if run < len(text) and text[run].isdigit():
        return True  # '张三[1]2003年在…': a citation mark, then the sentence goes on
    while run < len(text) and is_han(text[run]) and run - close <= _MAX_NAME_RUN:
        run += 1
    return run - close > _MAX_NAME_RUN


_MAX_AUTHOR_BRACKET: Final = 120
"""Longest bracket after an author's name looked through (an affiliation with its address)."""

_MAX_NAME_RUN: Final = 5
"""Chinese characters after an author's bracket that can still be the next name."""


_NAME_TRAIL: Final = frozenset(",，、;；")


def _named_unit(lead: Lead, position: int) -> int:
    """'孙某*:某大学,陕西 延安;周某#:某医院,陕西 西安': names, a colon, and their
    unit (the hanspub author line); the names are the part, the unit follows."""
    text = lead.text
    limit = min(lead.end_of_line(position), position + _MAX_NAMES_BEFORE_UNIT)
    colon = -1
    for index in range(position, limit):
        if text[index] in ":：":
            colon = index
            break
    if colon <= position:
        return -1
    names_text = text[position:colon]
    end, names = scan_names(names_text, 0, len(names_text))
    if not names or names_text[end:].strip(" \u3000"):
        return -1
    unit_start = colon + 1
    while unit_start < len(text) and text[unit_start] in " \u3000":
        unit_start += 1
    unit_end = _unit_end(lead, unit_start)
    if unit_end <= unit_start or not _affiliation_text(text[unit_start:unit_end].rstrip(";；")):
        return -1
    lead.unit_colon, lead.unit_start = colon, unit_start
    return position + end


_MAX_NAMES_BEFORE_UNIT: Final = 40


def _unit_end(lead: Lead, start: int) -> int:
    """A unit after its names ends after the ';' before the next names, or at the end
    of its line (in a single-line body, of its address)."""
    text = lead.text
    line_end = lead.end_of_line(start)
    limit = min(line_end, start + _MAX_AFFILIATION + 1)
    for index in range(start, limit):
        if text[index] in ";；":
            return index + 1
    return _line_or_chunk_end(lead, start) if start < len(text) else start


def _unit_colon(lead: Lead, position: int) -> int:
    """The colon after the names of a '名*:单位' pair."""
    return position + 1 if position == lead.unit_colon else -1


def _unit(lead: Lead, position: int) -> int:
    """The unit of a '名*:单位' pair, with the ';' after it."""
    if position != lead.unit_start:
        return -1
    return _unit_end(lead, position)


def _glued_names(lead: Lead, position: int) -> int:
    """'2023-09-14 10:26邵某某卢某某': the names a mirror glues to its date, run
    together; taken only when they split into names one way alone."""
    if position != lead.after_date:
        return -1
    text = lead.text
    end = position
    limit = lead.end_of_line(position)
    while end < limit and text[end] not in _SPACE:
        end += 1
    return end if split_glued(text[position:end]) is not None else -1


def author_names(raw: str) -> list[Name]:
    """The names of an author part, as written or run together."""
    _, names = scan_names(raw, 0, len(raw))
    if not names:
        return split_glued(raw) or row_names(raw)
    return names


def _plain_affiliation(lead: Lead, position: int) -> int:
    """'某某大学 航空学院, 北京 100083' with no bracket: to the line end (in a
    single-line body, over the short pieces that follow)."""
    text = lead.text
    if not is_han(text[position]):
        return -1
    end = _line_or_chunk_end(lead, position)
    if not _affiliation_text(text[position:end]):
        return -1
    names = _names_after_unit(text, position, end)
    if names - position < _SHORTEST_UNIT or text[names - 1] not in _UNIT_ENDS:
        return end
    return names


_SHORTEST_UNIT: Final = 4
# The last character of a unit's name ('…检察院', '…研究所', '…硕士班'), not of an
# address ('湖南 长沙'), so that a name set apart after it is a person's.
_UNIT_ENDS: Final = frozenset("院所局站校系部室处厅委会司心班组科馆团队社厂场行")


def _names_after_unit(text: str, start: int, end: int) -> int:
    """'河源市人民检察院 谢斯敏', '某学院硕士班   林惠美   M982416': the author's name
    after the unit, set off by spaces (a student number may follow it); where the
    unit's trailing spaces start, or -1."""
    chunks = text[start:end].split()
    if len(chunks) < 2:
        return -1
    last = len(chunks) - 1
    if staff_number(chunks[last]):
        last -= 1  # a student or staff number
    first = last
    while first > 0 and valid_name(chunks[first]):
        first -= 1
    if first == last:
        return -1
    cut = end
    for chunk in reversed(chunks[first + 1 :]):
        cut = text.rfind(chunk, start, cut)
    while cut > start and text[cut - 1] in _SPACE:
        cut -= 1
    return cut


class NameList(NamedTuple):
    split: SplitList
    forms: dict[int, str]  # item index → the name as written, where it differs


def split_names(raw: str) -> NameList | None:
    """``raw`` as author names; None when anything but names, marks and roles is in it."""
    end, names = scan_names(raw, 0, len(raw))
    if not names or raw[end:].strip(" \u3000\u00a0,，、;；"):
        return None
    return name_list(raw, names)


def name_list(raw: str, names: list[Name]) -> NameList:
    """The names of ``raw`` as list items; what stands around them is head, separators, tail."""
    head = raw[: names[0].start]
    seps = [raw[a.end : b.start] for a, b in pairwise(names)]
    tail = raw[names[-1].end :]
    forms = {
        index: raw[name.start : name.end]
        for index, name in enumerate(names)
        if raw[name.start : name.end] != name.value
    }
    return NameList(SplitList(head, [n.value for n in names], seps, tail), forms)


def split_affiliations(raw: str) -> SplitList:
    return split_list(raw, patterns.AFFILIATION_SEPARATOR)
