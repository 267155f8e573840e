# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""The unlabelled text of the front-matter zone: what each part of it is.

Between the body's start and its first heading or prose paragraph stand,
besides the labelled fields, text with no label: a column tag (``·综 述·``),
the title again, author lines, affiliations (bracketed, numbered, or plain),
English title, authors and affiliations. :func:`lead_parts` cuts such text
into parts, each recognised by the first row of :data:`RECOGNIZERS` that
accepts it; text no row accepts is ``unknown`` and ends the zone, or, when a
label follows, is reported.

Everything here works on one string and offsets into it; nothing knows
tokens or the model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Final, NamedTuple

from . import patterns
from .fields import SplitList, split_list
from .labels import COLUMN_NAMES
from .names import (
    PINYIN_SURNAMES,
    ROLE_WORDS,
    Name,
    is_han,
    looks_like_affiliation,
    scan_names,
    split_glued,
    valid_name,
)


class Part(NamedTuple):
    kind: str
    """'space', 'trivia', 'chrome', 'column', 'title', 'authors', 'affiliations', 'title_en',
    'authors_en', 'affiliation_en', 'english' or 'unknown'."""
    start: int
    end: int


@dataclass(slots=True)
class Lead:
    """The text being cut and what the recognizers need to know about it."""

    text: str
    title: str | None
    multiline: bool
    line_end: int = -1
    seen_title_en: bool = False
    after_date: int = -1  # the end of a mirror's date glued to the text after it
    unit_colon: int = -1  # the colon between names and their unit ('孙某*:某大学…')
    unit_start: int = -1  # where that unit starts

    def end_of_line(self, position: int) -> int:
        """End of the line holding ``position`` (each line end is searched once)."""
        if self.line_end < position:
            found = self.text.find("\n", position)
            self.line_end = len(self.text) if found < 0 else found
        return self.line_end


Recognizer = Callable[[Lead, int], int]
"""Returns where the part starting at the position ends, or -1."""

_SPACE: Final = frozenset(" \t\r\n\u3000\u00a0")
_BULLETS: Final = frozenset("·•●■◆▲★☆◇□○?")
_OPENERS: Final = {"(": ")", "（": "）", "[": "]", "［": "］", "【": "】", "〔": "〕"}
_MAX_TAG: Final = 10
_MAX_BRACKET: Final = 400


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
    if text.startswith(title, position):
        end = position + len(title)
    else:
        # the row's title holds the subtitle, the body breaks the line before it
        dash = title.find(_SUBTITLE_DASH)
        if dash <= 0 or not lead.multiline or not text.startswith(title[:dash], position):
            return -1
        end = position + dash
    end = _title_marks(text, end)
    if end < len(text) and text[end] not in _SPACE:
        return -1  # the title's words begin a sentence ('上上上上上。' after title '上上')
    if lead.multiline:
        end = _subtitle(lead, end)
    return end


_TITLE_MARKS: Final = frozenset("*＊∗#※†①②③")
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


_ROUND: Final = ("(（", ")）")
_SQUARE: Final = ("[［", "]］")


def _matching(text: str, position: int, limit: int) -> int:
    """Where the bracket opening at ``position`` closes, brackets inside it counted
    ('(某大学(北京)人文学院,北京 100083)'); -1 if not before ``limit``."""
    openers, closers = _ROUND if text[position] in _ROUND[0] else _SQUARE
    depth = 0
    for index in range(position, limit):
        char = text[index]
        if char in openers:
            depth += 1
        elif char in closers:
            depth -= 1
            if depth == 0:
                return index
    return -1


def _numbered(lead: Lead, position: int) -> int:
    """'1.某大学某学院,上海 200030' and the numbered lines after it."""
    text = lead.text
    match = patterns.NUMBERED_LINE.match(text, position)
    if match is None:
        return -1
    end = _line_or_chunk_end(lead, position)
    if not _any_affiliation(text[position:end]):
        return -1
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


def _any_affiliation(text: str) -> bool:
    return _affiliation_text(text) or (text.isascii() and english_affiliation(text))


def _english(lead: Lead, position: int) -> int:
    """A line of English (title, authors or affiliation): ASCII to the line end, or
    in a single-line body to the next Chinese character."""
    text = lead.text
    if not (text[position].isascii() and text[position].isalpha()):
        return -1
    end = position
    limit = lead.end_of_line(position)
    while end < limit and text[end].isascii() and text[end] not in "(（":
        if text.startswith("//", end):
            break
        end += 1
    if end < limit and not text[end].isascii() and text[end - 1] not in _SPACE:
        # '… 2019年': the last word is glued to the Chinese text after it
        space = text.rfind(" ", position, end)
        if space > position:
            end = space
    # An English title, its authors and their affiliation often share one line:
    # the authors start at 'WANG Ming1,' and the affiliation at its bracket.
    names = patterns.ENGLISH_AUTHOR_START.search(text, position + 1, end)
    if names is None:
        glued = patterns.ENGLISH_AUTHOR_GLUED.search(text, position + 1, end)
        if glued is not None and glued.group("surname") in PINYIN_SURNAMES:
            names = glued
    if not _english_names(text[position:end]):
        if names is not None:
            end = names.start()
        else:
            end = _before_last_name(text, position, _trim(text, position, end))
    end = _capitals_end(text, position, end)
    end = _trim(text, position, end)
    words = text[position:end].split()
    if len(words) < 2 and not _english_names(text[position:end]):
        return -1
    return end


def _capitals_end(text: str, start: int, end: int) -> int:
    """'IRON-BEARING DUST … RECYCLING Wei Jie Ruan Lihai …': a title in capitals
    (three words or more) ends before the first word that is not in capitals, where
    a flattened page goes on with the authors."""
    words = 0
    position = start
    while position < end:
        word_end = text.find(" ", position, end)
        word_end = end if word_end < 0 else word_end
        word = text[position:word_end]
        if any(c.islower() for c in word):
            if (
                words >= _MIN_CAPITAL_WORDS
                and word[0].isupper()
                and not _capitals(text, position, end)
            ):
                return _trim(text, start, position)
            return end  # 'EFFECT OF HEAT ON Bacillus subtilis GROWTH': one title
        if any(c.isalpha() for c in word):
            words += 1
        position = word_end + 1
    return end


_MIN_CAPITAL_WORDS: Final = 3


def _capitals(text: str, start: int, end: int) -> bool:
    """Whether a word in capitals (two letters or more) stands between the positions."""
    return any(
        len(word) >= 2 and word.isalpha() and word.isupper() for word in text[start:end].split()
    )


def _before_last_name(text: str, start: int, end: int) -> int:
    """Where one English author's name ends a title's run ('… Rural Communities ZHANG
    San'), with nothing after the name to mark it: a surname in capitals that is a
    Chinese surname, then a given name; else ``end``. A name alone is no title."""
    name = patterns.ENGLISH_NAME_AT_END.search(text, start + 1, end)
    if name is None or name.group("surname") not in PINYIN_SURNAMES:
        return end
    if len(text[start : name.start()].split()) < 2:
        return end
    return name.start()


def _authors(lead: Lead, position: int) -> int:
    """Names that end where an author line can end: at whitespace, at the end, or
    before a bracket ('王芳(某大学)'); '文上，上。' is prose."""
    text = lead.text
    stop = lead.end_of_line(position)
    end, names = scan_names(text, position, stop)
    while names and not _ends_author_line(text, end):
        # the last 'name' begins the text after the author line: stop before it
        end, names = scan_names(text, position, names[-1].start)
    return end if names else -1


def _ends_author_line(text: str, end: int) -> bool:
    after = end
    while after < len(text) and text[after] in _NAME_TRAIL:
        after += 1
    return after >= len(text) or text[after] in _SPACE or text[after] in _OPENERS


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
        return split_glued(raw) or []
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
    return end


def _affiliation_text(text: str) -> bool:
    """An affiliation written out: an institution or address, not a sentence."""
    return (
        len(text) <= _MAX_AFFILIATION
        and not any(c in "。！？" for c in text)
        and looks_like_affiliation(text)
    )


_MAX_AFFILIATION: Final = 80


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


RECOGNIZERS: Final[tuple[tuple[str, Recognizer], ...]] = (
    ("trivia", _unit_colon),
    ("affiliations", _unit),
    ("chrome", _chrome),
    ("trivia", _slashes),
    ("title", _title),
    ("column", _column),
    ("column", _bare_column),
    ("trivia", _bullet),
    ("affiliations", _bracket),
    ("affiliations", _numbered),
    ("english", _english),
    ("authors", _named_unit),
    ("authors", _authors),
    ("authors", _glued_names),
    ("affiliations", _plain_affiliation),
)
"""Tried in order at each part's start; the first that accepts names the part."""


def lead_parts(text: str, title: str | None, multiline: bool) -> Iterator[Part]:
    """Cut ``text`` into parts that cover it; the caller may stop at the first
    ``unknown`` part, so a long article after the front matter is never scanned."""
    lead = Lead(text, title.strip() if title else None, multiline)
    position = 0
    size = len(text)
    while position < size:
        if text[position] in _SPACE:
            end = position + 1
            while end < size and text[end] in _SPACE:
                end += 1
            yield Part("space", position, end)
            position = end
            continue
        for kind, recognize in RECOGNIZERS:
            end = recognize(lead, position)
            if end > position:
                if kind == "english":
                    kind = _english_kind(lead, text[position:end])
                elif kind == "affiliations" and text[position:end].isascii():
                    kind = "affiliation_en"
                yield Part(kind, position, end)
                position = end
                break
        else:
            end = _chunk_end(lead, position)
            yield Part("unknown", position, end)
            position = end


def _english_kind(lead: Lead, text: str) -> str:
    if english_affiliation(text):
        return "affiliation_en"
    if _english_names(text):
        return "authors_en"
    if not lead.seen_title_en:
        lead.seen_title_en = True
        return "title_en"
    return "english"


_ENGLISH_INSTITUTIONS: Final = (
    "University",
    "College",
    "Institute",
    "Hospital",
    "School",
    "Academy",
    "Department",
    "Center",
    "Centre",
    "Laboratory",
    "Company",
    "Bureau",
    "China",
    "Province",
)
_FUNCTION_WORDS: Final = frozenset(
    {
        "of",
        "the",
        "and",
        "in",
        "on",
        "for",
        "with",
        "to",
        "a",
        "an",
        "by",
        "from",
        "based",
        "its",
        "at",
        "as",
        "under",
        "into",
        "via",
    }
)


def site_tags(value: str) -> bool:
    """'三治德治党组织': a keyword value that is one run of Chinese characters with no
    separator, the tags a mirror site prints above the article run together."""
    return _MIN_TAGS <= len(value) <= _MAX_TAGS and all(is_han(c) for c in value)


_MIN_TAGS: Final = 6
_MAX_TAGS: Final = 24
"""A run this long holds several keywords (a real single keyword is shorter)."""


def english_affiliation(text: str) -> bool:
    """'School of Medicine, Tongji University, Shanghai 200092, China'."""
    return any(word in text for word in _ENGLISH_INSTITUTIONS) and (
        "," in text or any(c.isdigit() for c in text)
    )


def _english_names(text: str) -> bool:
    """'ZHANG San1, LI Si2', 'Liu Yi, Wang Feng': capitalised words in short groups
    between commas, no function words."""
    groups = [g.strip(" *0123456789") for g in text.replace(";", ",").split(",")]
    groups = [g for g in groups if g]
    if not groups:
        return False
    for group in groups:
        words = group.split()  # a hyphen joins a given name: 'ZHANG Bao-lin'
        if not 1 <= len(words) <= 4:
            return False
        for word in words:
            core = word.strip("0123456789*.")
            if not core or not core[0].isupper() or core.lower() in _FUNCTION_WORDS:
                return False
    # one capitalised word alone is no author line ('Abstract')
    return len(groups) > 1 or len(groups[0].split()) > 1


def _line_or_chunk_end(lead: Lead, position: int) -> int:
    """The line's end in a multi-line body; in a single-line body, the end of the run
    of short pieces (an address is written in several)."""
    text = lead.text
    if lead.multiline:
        return _trim(text, position, lead.end_of_line(position))
    end = _chunk_end(lead, position)
    while end < len(text):
        following = end
        while following < len(text) and text[following] in _SPACE:
            following += 1
        chunk_end = _chunk_end(lead, following) if following < len(text) else following
        chunk = text[following:chunk_end]
        if _next_numbered_entry(chunk):
            end = chunk_end
            continue
        if not chunk or len(chunk) > 20 or chunk[-1] in "。！？":
            break
        if not (looks_like_affiliation(chunk) or _address_piece(chunk)):
            break
        end = chunk_end
    return end


def _next_numbered_entry(chunk: str) -> bool:
    """'116024；2.某医科大学附属医院，陕西': a postcode (or an address piece before an
    institution), then the next numbered unit of a list on one line, which may run
    longer than an address piece."""
    cut = max(chunk.find(";"), chunk.find("；"))
    if cut <= 0 or not _address_piece(chunk[: cut + 1]):
        return False
    rest = chunk[cut + 1 :]
    if patterns.NUMBERED_LINE.match(rest) is None:
        return False
    postcode = cut == 6 and chunk[:cut].isdigit()
    return postcode or looks_like_affiliation(rest)


def _address_piece(chunk: str) -> bool:
    """'江苏', '南京', '210000)', '200092;': the place and postcode pieces of an address."""
    core = chunk.strip(",，;；)）")
    return bool(core) and (core.isdigit() or (len(core) <= 4 and all(is_han(c) for c in core)))


def _chunk_end(lead: Lead, position: int) -> int:
    """End of the text from ``position`` to the next space (or line end)."""
    text = lead.text
    if lead.multiline:
        return _trim(text, position, lead.end_of_line(position))
    end = position
    while end < len(text) and text[end] not in _SPACE:
        end += 1
    return end


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return end


# ------------------------------------------------------------- splitting


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
