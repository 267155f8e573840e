# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Front-matter labels inside the body value: where they stand, and their field.

A label is a written form of :data:`~.labels.FRONT_LABELS` (with spaces
between its characters, in brackets, or glued to the value before it) that
stands at a boundary: a line start, after a separator or a value, before a
colon or a value.
"""

from __future__ import annotations

from typing import Final

import regex

from . import patterns
from .charclass import CharClasses
from .label_shapes import (
    _OPENING,
    _SHAPE_SPACES,
    _after_colon,
    _ideograph,
    _shape_before_colon,
    _shape_in_brackets,
    _with_shapes,
)
from .label_stands import GLUED_BARE, lost_opening, stands_as_label, stands_glued
from .labels import (
    BLOCK_FIELDS,
    COLON_ONLY_LABELS,
    FRONT_LABELS,
)
from .tokens import Kind

_LABEL_GROUPS: Final = tuple(FRONT_LABELS)


# Brackets around a whole labelled item on a site's meta line ('【来源:某刊】'): the
# label after one stands at a boundary, and the bracket is a segment of its own.
_META_OPENERS: Final = "【〔［"


# What may stand right before a label, and what a label may start with.
_LABEL_BOUNDARY: Final = frozenset(" \t\r\n\u3000\u00a0。；;）)】]（(" + _META_OPENERS)


_LABEL_FIRST_CHARS: Final = frozenset(
    "【〔［[《"
    + "".join(form[0] for forms in FRONT_LABELS.values() for form in forms)
    + "".join(
        patterns.CHAR_VARIANTS.get(form[0], "") for forms in FRONT_LABELS.values() for form in forms
    )
)


# What a label may end with, before its colon (a closing bracket counts too, and
# the bracket that closes a pinyin annotation: '號(hào):').
_LABEL_LAST_CHARS: Final = frozenset(
    "】〕］])）"
    + "".join(form[-1] for forms in FRONT_LABELS.values() for form in forms)
    + "".join(
        patterns.CHAR_VARIANTS.get(form[-1], "")
        for forms in FRONT_LABELS.values()
        for form in forms
    )
)


# Labels that may stand without a colon inside a run of text the separators do
# not cut: block headings, and English labels inside English text on one line.
_BLOCK_FORMS: Final = tuple(form for field in BLOCK_FIELDS for form in FRONT_LABELS[field]) + tuple(
    form
    for field in ("abstract_en", "keywords_en")
    for form in FRONT_LABELS[field]
    if form.replace(" ", "") not in COLON_ONLY_LABELS
)


# The same sets as one table, for the scans of the few characters before a colon.
_FIRST: Final = 1


_BOUNDARY: Final = 2


_LAST: Final = 4


_CLASSES: Final = CharClasses(
    {
        _FIRST: "".join(_LABEL_FIRST_CHARS),
        _BOUNDARY: "".join(_LABEL_BOUNDARY),
        _LAST: "".join(_LABEL_LAST_CHARS),
    }
)


_NONE: Final[frozenset[str]] = frozenset()


# A boundary mark that is no whitespace, right before a label's first character:
# where a label with no colon may start glued to the text before it.
_AFTER_MARK: Final = regex.compile(
    "["
    + regex.escape("".join(sorted(_LABEL_BOUNDARY - frozenset(" \t\r\n\u3000\u00a0"))))
    + "](?=["
    + regex.escape("".join(sorted(_LABEL_FIRST_CHARS)))
    + "])"
)


def _unprefixed(forms: tuple[str, ...]) -> tuple[str, ...]:
    """The forms no other form is a beginning of: finding 'Key word' finds every
    place 'Key words' starts too, so the longer one is never searched for."""
    return tuple(
        form
        for form in forms
        if not any(form != other and form.startswith(other) for other in forms)
    )


# What the label scan searches the body for: every place one of these starts.
_BLOCK_FINDS: Final = _unprefixed(_BLOCK_FORMS)


_GLUED_FINDS: Final = _unprefixed(GLUED_BARE)


# (four spaces between characters, brackets, a space before the colon)
_LONGEST_LABEL: Final = 5 * max(len(form) for forms in FRONT_LABELS.values() for form in forms) + 6


# (a pinyin annotation after every character: '中圖分類(lèi)號(hào):')
_LONGEST_ANNOTATED: Final = (
    9 * max(len(form) for forms in FRONT_LABELS.values() for form in forms) + 6
)


def _labels(
    value: str, separators: list[tuple[int, int]], multiline: bool
) -> list[tuple[int, int, Kind, str]]:
    """Front-matter labels: tried only where one can start.

    A label starts at a boundary (the start, after whitespace, after '。；;）)】]')
    and carries a colon, a bracket, or stands before whitespace. So the places
    to try are segment starts, opening brackets, and the boundaries just before
    a colon; everything else is never looked at.
    """
    # the start, and after the indentation before the first line ('\u3000\u3000摘要')
    starts = {0, len(value) - len(value.lstrip(" \t\u3000\u00a0"))}
    glued: set[int] = set()  # label starts right after a value ('…G642文献标识码:A')
    starts.update(end for _, end in separators)
    for bracket in "【〔［[《":
        found = value.find(bracket)
        while found != -1:
            starts.add(found)
            found = value.find(bracket, found + 1)
    for mark in _AFTER_MARK.finditer(value):  # '…；摘 要…': after a mark, no space
        starts.add(mark.end())
    found = value.find("\r")  # a carriage return that separates nothing
    while found != -1:
        starts.add(found + 1)
        found = value.find("\r", found + 1)
    for form in _BLOCK_FINDS:  # '参考文献', 'Abstract' may stand without a colon
        found = value.find(form)
        while found != -1:
            starts.add(found)
            found = value.find(form, found + 1)
    for form in _GLUED_FINDS:  # '…232.3文献标识码 A'
        found = value.find(form)
        while found != -1:
            glued.add(found)
            found = value.find(form, found + 1)
    # labels by their shape alone: start, end, and whether they stand after a word
    # (a label only right after another label's value: '所属栏目:农业 发布时间:…')
    shapes: list[tuple[int, int, bool]] = []
    for colon in ":：":
        found = value.find(colon)
        while found != -1:
            before = found - 1
            while before > 0 and value[before] in " \u3000":
                before -= 1
            if before >= 0 and _CLASSES.at(value, before) & _LAST:
                reach = _LONGEST_ANNOTATED if value[before] in ")）" else _LONGEST_LABEL
                starts.update(_boundaries_before(value, found, reach))
                glued.update(_glued_starts(value, found, reach))
            if before >= 0 and (_ideograph(value[before]) or value[before] in ")）"):
                shape, soft = _shape_before_colon(value, before + 1)
                if shape >= 0:
                    shapes.append((shape, found + 1, soft))
            found = value.find(colon, found + 1)
    for bracket in "【〔［[":
        found = value.find(bracket)
        while found != -1:
            # '[' only at a boundary: '06[历史学]' is a code's gloss
            glued_square = bracket == "[" and found > 0 and value[found - 1] not in _SHAPE_SPACES
            shape = -1 if glued_square else _shape_in_brackets(value, found)
            if shape > 0:
                shapes.append((found, shape, False))
            found = value.find(bracket, found + 1)
    labels: list[tuple[int, int, Kind, str]] = []
    glued_at: list[int] = []  # the labels glued to the text before them
    end = -1
    match_at = patterns.FRONT_LABEL_AT.match
    seconds = patterns.FRONT_LABEL_SECONDS
    for start in sorted(starts | glued):
        if start < end or start >= len(value) or not _CLASSES.at(value, start) & _FIRST:
            continue
        first = value[start]
        if first in _OPENING:
            inside = start + 1
            while inside < len(value) and value[inside] in " \u3000":
                inside += 1
            if inside == len(value) or not _CLASSES.at(value, inside) & _FIRST:
                continue  # '[1]', '《某书》': no label's first character inside
        elif value[start + 1 : start + 2] not in seconds.get(first, _NONE):
            continue
        at_boundary = not start or bool(_CLASSES.at(value, start - 1) & _BOUNDARY)
        if not at_boundary and start not in glued and value[start] not in _OPENING:
            continue
        match = match_at(value, start)
        if match is None:
            continue
        field = _label_field(match)
        if at_boundary and lost_opening(match, value):
            # '摘要】本文…': the label's opening bracket lost, its closing one kept
            labels.append((start, _after_colon(value, match.end() + 1), Kind.LABEL, field))
            end = labels[-1][1]
            continue
        if at_boundary:
            stands = stands_as_label(match, field, value, multiline)
        else:
            stands = stands_glued(match, field, value)
        if stands:
            labels.append((start, match.end(), Kind.LABEL, field))
            end = match.end()
            if not at_boundary:
                glued_at.append(len(labels) - 1)
    if glued_at:
        labels = _without_inner_repeats(labels, glued_at)
    if shapes:
        return _with_shapes(value, labels, shapes)
    return labels


def _without_inner_repeats(
    labels: list[tuple[int, int, Kind, str]], glued_at: list[int]
) -> list[tuple[int, int, Kind, str]]:
    """A label glued to the text before it whose field a label at a boundary
    writes again later is a word inside another value: a site's snippet quoting
    the abstract ('核心提示:标题摘要:前三十字…', then '摘  要:' the whole)."""
    glued = set(glued_at)
    later: set[str] = set()
    dropped: set[int] = set()
    for position in range(len(labels) - 1, -1, -1):
        field = labels[position][3]
        if position in glued:
            if field in later and field not in _REPEATED_FIELDS:
                dropped.add(position)
        else:
            later.add(field)
    if not dropped:
        return labels
    return [label for position, label in enumerate(labels) if position not in dropped]


# Fields written more than once by design (a label of extra, a list written in parts).
_REPEATED_FIELDS: Final = frozenset({"extra", "authors", "affiliations"})


# _glued_starts and _boundaries_before return lists: set.update over a
# generator costs several times more, most of all in the compiled build.
def _glued_starts(value: str, colon: int, reach: int) -> list[int]:
    """Positions in the ``reach`` characters before a colon where a label may start
    with no boundary before it, farthest first."""
    lowest = max(0, colon - reach)
    return [index for index in range(lowest, colon) if _CLASSES.at(value, index) & _FIRST]


def _boundaries_before(value: str, colon: int, reach: int) -> list[int]:
    """Positions after a boundary character in the ``reach`` characters before a colon."""
    lowest = max(0, colon - reach)
    found = [index + 1 for index in range(lowest, colon) if _CLASSES.at(value, index) & _BOUNDARY]
    if lowest == 0:
        found.append(0)
    return found


def _add_label(
    found: list[tuple[int, int, Kind, str]],
    value: str,
    label: tuple[int, int, Kind, str],
    position: int,
) -> None:
    """A label, preceded by the whitespace before it as a separator of its own."""
    start = label[0]
    bracket = start > position and value[start - 1] in _META_OPENERS
    if bracket:
        start -= 1
    at = start
    while start > position and value[start - 1] in " \t\u3000\u00a0":
        start -= 1
    if start < at:
        found.append((start, at, Kind.SEP, ""))
    if bracket:
        found.append((at, at + 1, Kind.SEGMENT, ""))
    found.append(label)


def _label_field(match: regex.Match[str]) -> str:
    for name in _LABEL_GROUPS:
        if match.group(name) is not None:
            return name
    raise AssertionError("front-label match without a field group")
