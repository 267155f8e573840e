# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Recognizers of the English front matter in the lead: title, authors in
Pinyin, affiliations.
"""

from __future__ import annotations

from typing import Final

import regex

from .. import patterns
from ..patterns import is_han
from .english_run import EnglishRun, english_names
from .lead_text import _SPACE, Lead, _affiliation_text, _trim
from .names import (
    PINYIN_SURNAMES,
)


def _any_affiliation(text: str) -> bool:
    return _affiliation_text(text) or (text.isascii() and english_affiliation(text))


def _english(lead: Lead, position: int) -> int:
    """A line of English (title, authors or affiliation): ASCII to the line end, or
    in a single-line body to the next Chinese character. The parts of one run
    share what is read of it (:class:`~.english_run.EnglishRun`), so a run cut into
    many parts is read once."""
    text = lead.text
    if not (text[position].isascii() and text[position].isalpha()):
        return -1
    run = lead.english
    if run is None or not run.start <= position <= run.end:
        run = lead.english = EnglishRun(text, position, _run_end(lead, position))
    end = run.end
    limit = lead.end_of_line(position)
    if end < limit and not text[end].isascii() and text[end - 1] not in _SPACE:
        # '… 2019年': the last word is glued to the Chinese text after it
        if run.space > position:
            end = run.space
    # An English title, its authors and their affiliation often share one line:
    # the authors start at 'WANG Ming1,' and the affiliation at its bracket.
    names = run.search(_AUTHOR_START, patterns.ENGLISH_AUTHOR_START, text, position + 1, end)
    if names is None:
        glued = run.search(_AUTHOR_GLUED, patterns.ENGLISH_AUTHOR_GLUED, text, position + 1, end)
        if glued is not None and glued.group("surname") in PINYIN_SURNAMES:
            names = glued
    if not run.names_from(text, position, end):
        pair = _title_case_names(run, text, position, end if names is None else names.start())
        if pair is not None:  # 'Title Song Jiahe, Luo Qingyan School of …'
            end = pair[1] if pair[0] == position else pair[0]
        elif names is not None:
            end = names.start()
        else:
            end = _before_last_name(run, text, position, _trim(text, position, end))
    end = _capitals_end(text, position, end)
    end = _trim(text, position, end)
    words = text[position:end].split()
    if len(words) < 2 and not english_names(text[position:end]):
        return -1
    return end


def _run_end(lead: Lead, position: int) -> int:
    """Where the ASCII run from ``position`` ends: a Chinese character, a bracket,
    '//' or the line's end."""
    text = lead.text
    end = position
    limit = lead.end_of_line(position)
    while end < limit and _latin_char(text[end]) and text[end] not in "(（":
        if text.startswith("//", end):
            break
        end += 1
    return end


def _latin_char(char: str) -> bool:
    """A character of English text: ASCII, a typographic quote or dash, or a Latin
    letter with a mark ('concept’s', '“modern”', 'Müller')."""
    return char.isascii() or char in _TYPOGRAPHIC or ("\u00c0" <= char <= "\u024f")


_TYPOGRAPHIC: Final = "—–’‘“”…"


# keys of the searches a run remembers
_AUTHOR_START: Final = 0
_AUTHOR_GLUED: Final = 1
_NAME_AT_END: Final = 2
_TITLE_CASE: Final = 3


# Chinese names in Pinyin written in title case, two or more ('Song Jiahe, Luo
# Qingyan2'): where a flattened page goes on from an English title to its authors.
_TITLE_CASE_SURNAME: Final = (
    "(?:" + "|".join(sorted((s.capitalize() for s in PINYIN_SURNAMES), key=len, reverse=True)) + ")"
)
_TITLE_CASE_NAME: Final = _TITLE_CASE_SURNAME + r" [A-Z][a-z]{1,10}(?![A-Za-z])[0-9*]{0,4}"
_TITLE_CASE_PAIR: Final[regex.Pattern[str]] = regex.compile(
    r"(?<![A-Za-z])" + _TITLE_CASE_NAME + r"[ ]?[,，][ ]?" + _TITLE_CASE_NAME
)
_TITLE_CASE_NEXT: Final[regex.Pattern[str]] = regex.compile(r"[ ]?[,，][ ]?" + _TITLE_CASE_NAME)


def _title_case_names(run: EnglishRun, text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where names in Pinyin written in title case stand between the positions
    ('… Approach Ren Hao, Xu Linyu School of …'): their start and end, or None."""
    match = run.search(_TITLE_CASE, _TITLE_CASE_PAIR, text, start, end)
    if match is None:
        return None
    stop = match.end()
    following = _TITLE_CASE_NEXT.match(text, stop, end)
    while following is not None:
        stop = following.end()
        following = _TITLE_CASE_NEXT.match(text, stop, end)
    return match.start(), stop


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


def _before_last_name(run: EnglishRun, text: str, start: int, end: int) -> int:
    """Where one English author's name ends a title's run ('… Rural Communities ZHANG
    San'), with nothing after the name to mark it: a surname in capitals that is a
    Chinese surname, then a given name; else ``end``. A name alone is no title."""
    name = run.search(_NAME_AT_END, patterns.ENGLISH_NAME_AT_END, text, start + 1, end)
    if name is None or name.group("surname") not in PINYIN_SURNAMES:
        return end
    if len(text[start : name.start()].split()) < 2:
        return end
    return name.start()


def english_prose(text: str) -> bool:
    """English sentences (two or more, ending in a full stop): an abstract written
    without its label (a title, its authors and their affiliation, run together in
    a single-line body, end in no full stop)."""
    stops = _sentence_stops(text)
    words = text.count(" ") + 1
    if text.rstrip()[-1:] not in ".?!":
        return stops >= 2 and words >= _PROSE_WORDS  # an abstract the page cut off
    return stops >= 1 or words >= _PROSE_WORDS


_PROSE_WORDS: Final = 25
"""Words of an English line ending in a full stop that make it prose, whatever its
stops look like (no title or affiliation is as long)."""


def english_tail(value: str) -> tuple[int, int]:
    """Where a Chinese value ends and English sentences with no Chinese character
    take the rest ('…的几种方法 , On the basis of … mistakes.'): (the end of the
    Chinese, the start of the English), or (-1, -1)."""
    last = len(value) - 1
    while last >= 0 and not is_han(value[last]):
        last -= 1
    if last < 0:
        return -1, -1
    start = last + 1
    while start < len(value) and not (value[start].isascii() and value[start].isalpha()):
        start += 1
    english = value[start:]
    if english.count(" ") + 1 < _MIN_TAIL_WORDS or not english_prose(english):
        return -1, -1
    end = last + 1
    while end < start and value[end] in _CHINESE_CLOSERS:
        end += 1  # the Chinese sentence keeps its full stop
    return end, start


_MIN_TAIL_WORDS: Final = 8
_CHINESE_CLOSERS: Final = "。！？”’）)》"


def _english_kind(lead: Lead, text: str) -> str:
    if english_prose(text):
        return "abstract_en"
    if english_affiliation(text) and (lead.seen_title_en or not _title_not_address(text)):
        return "affiliation_en"
    if english_names(text):
        return "authors_en"
    if not lead.seen_title_en:
        lead.seen_title_en = True
        return "title_en"
    return "english"


def _title_not_address(text: str) -> bool:
    """An English line that names an institution yet is a title ('Case Study of the
    Institute of Physics, Chinese Academy of Sciences: On …'): a subtitle after a
    colon, or a last part too long for a place, and no postal code."""
    if _postal_code(text):
        return False
    last = text.rsplit(",", 1)[-1]
    return ": " in text or len(last.split()) > _MAX_PLACE_WORDS


_MAX_PLACE_WORDS: Final = 5
"""Words of the last part of an English address ('Chinese Academy of Sciences')."""


def _sentence_stops(text: str) -> int:
    """Full stops between sentences: a lower-case letter, '.', '?' or '!', then a
    capital, with or without the space (record pages lose it: 'schools.The')."""
    stops = 0
    size = len(text)
    for position in range(1, size - 1):
        if text[position] in ".?!" and text[position - 1].islower():
            following = position + 1
            if text[following] == " " and following + 1 < size:
                following += 1
            if text[following].isupper():
                stops += 1
    return stops


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


def english_title_line(text: str) -> bool:
    """'A Simplified Estimate of Transpiration of Greenhouse Tomato': Latin words, the
    first in capitals, three or more, no sentence, no names, no address."""
    core = text.strip()
    words = core.split()
    return (
        len(words) >= _TITLE_WORDS
        and core[0].isupper()
        and not any(is_han(c) for c in core)
        and not any(c in ".?!:;" for c in core[:-1])
        and not english_prose(core)
        and not english_names(core)
        and not english_affiliation(core)
    )


_TITLE_WORDS: Final = 3


def english_affiliation(text: str) -> bool:
    """'School of Medicine, Tongji University, Shanghai 200092, China': an
    institution's word, and the commas between the parts of an address or a postal
    code ('… in Northwest China over the Past 55 Years' is a title)."""
    return any(word in text for word in _ENGLISH_INSTITUTIONS) and (
        "," in text or _postal_code(text)
    )


def _postal_code(text: str) -> bool:
    """Five or six digits standing alone: a postal code."""
    run = 0
    for char in text:
        if "0" <= char <= "9":
            run += 1
            continue
        if 5 <= run <= 6:
            return True
        run = 0
    return 5 <= run <= 6
