# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""The body value cut into segments and separators, each segment classified.

In a multi-line body a separator is a line break (with the spaces around it);
in a single-line body it is a space where a paragraph, a value or a label may
end, never a space inside a sentence ('300 MPa', '( 见表 2)'). The labels that
:mod:`.label_scan` finds are cut out as tokens of their own.
"""

from __future__ import annotations

from typing import Final

from . import patterns
from .content.numbering import find_marker
from .label_scan import _add_label, _labels
from .tokens import Kind, Token

# The Latin text a single space does not separate (patterns.SPACE_SEPARATOR).
_LATIN_LEFT: Final = frozenset(patterns.LATIN_LEFT_CHARS)


_LATIN_RIGHT: Final = frozenset(patterns.LATIN_RIGHT_CHARS)


_HSPACE: Final = patterns.HSPACE_CHARS


_DIGITS: Final = frozenset("0123456789)")  # and a code's closing bracket: '(2020JJ3412) Research'


_CAPITALS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


_LATIN_PUNCT: Final = frozenset(",.;:?!)'\"%-")


def _body(tokens: list[Token], value: str, offset: int) -> None:
    """Cut a body value into SEGMENT, SEP and LABEL tokens."""
    multiline = "\n" in value
    separators = _separators(value, multiline)
    position = 0
    for start, end, kind, field in _boundaries(value, separators, multiline):
        if start > position:
            _segment(tokens, value[position:start], offset + position)
        tokens.append(Token(kind, value[start:end], offset + start, field))
        position = end
    if position < len(value):
        _segment(tokens, value[position:], offset + position)


def _separators(value: str, multiline: bool) -> list[tuple[int, int]]:
    """Where the body's segments are separated: line endings, or spaces on one line.

    On one line, the spaces inside a spaced heading number ('1 . 1 标题',
    '一 、引言') do not separate.
    """
    found = _raw_separators(value, multiline)
    if "|" in value or "｜" in value:
        found = _cell_bars(value, found, multiline)
    if multiline:
        return found
    inside: list[tuple[int, int]] = []
    if " ." in value or ". " in value or " ．" in value:
        inside = [span for span in spaced_decimals(value) if " " in value[span[0] : span[1]]]
    if " 、" in value or "\u3000、" in value:
        # '一 、引言': the numeral and its 、 are one marker
        inside.extend(m.span() for m in patterns.SPACED_CN_DUN.finditer(value))
        inside.sort()
    if not inside:
        return found
    kept = []
    spans = iter(inside)
    span = next(spans, None)
    for separator in found:
        while span is not None and span[1] <= separator[0]:
            span = next(spans, None)
        if span is None or not (span[0] < separator[0] and separator[1] <= span[1]):
            kept.append(separator)
    return kept


def _cell_bars(value: str, found: list[tuple[int, int]], multiline: bool) -> list[tuple[int, int]]:
    """The bar of a table's cell that a forum page leaves at the start of the value
    or, in a multi-line body, of a line ('| 长期以来,…'), with the spaces after it,
    goes with the separator before it: layout, never a word of the text."""
    kept: list[tuple[int, int]] = []
    if value[:1] in _BARS:
        # the value opens with a cell's bar ('| 甘某(某校)' after the row's own bar)
        end = 1
        while end < len(value) and value[end] in _HSPACE:
            end += 1
        if found and found[0][0] == 1:
            end = found[0][1]
            found = found[1:]
        if end > 1:
            kept.append((0, end))
    for start, end in found:
        if kept and kept[-1][1] == start:
            kept[-1] = (kept[-1][0], end)  # a separator right after the opening bar
            continue
        if (
            multiline
            and end + 1 < len(value)
            and value[end] in _BARS
            and value[end + 1] in _HSPACE
            and "\n" in value[start:end]
        ):
            end += 1
            while end < len(value) and value[end] in _HSPACE:
                end += 1
        kept.append((start, end))
    return kept


_BARS: Final = frozenset("|｜")


def spaced_decimals(value: str) -> list[tuple[int, int]]:
    """The dotted numbers of ``value`` that a space may stand inside: at the start or
    after a space, one or two digits, then dot-and-digits parts (a space allowed on
    either side of each dot), ending before a space or a Han character; the longest
    such number at each start, as a backtracking pattern would find them, in time
    linear in ``value``."""
    found: list[tuple[int, int]] = []
    for match in patterns.SPACED_DECIMAL_RUN.finditer(value):
        start, end = match.span()
        if not _ends_number(value, end):
            # the last part before a space that follows digits ('1 . 2 . 3.x' → '1 . 2');
            # parts end only at digits, and the first part ends before the first dot
            first = start + 1 if value[start + 1] in ".． " else start + 2
            end = value.rfind(" ", first + 1, end)
            while end > first and value[end - 1] in ".．":
                end = value.rfind(" ", first + 1, end)
            if end <= first:
                continue
        found.append((start, end))
    return found


def _ends_number(value: str, end: int) -> bool:
    return end < len(value) and (
        value[end] == " " or value[end] == "\u3000" or patterns.HAN.match(value, end) is not None
    )


def _raw_separators(value: str, multiline: bool) -> list[tuple[int, int]]:
    if multiline or "\t" in value or "\u3000" in value or "\u00a0" in value:
        pattern = patterns.LINE_SEPARATOR if multiline else patterns.SPACE_SEPARATOR
        return [match.span() for match in pattern.finditer(value)]
    # One line of plain spaces (the common case): str.split finds the runs; a
    # single space between two pieces of Latin text joins them (SPACE_SEPARATOR).
    found: list[tuple[int, int]] = []
    position = 0
    run_start = -1
    for index, piece in enumerate(value.split(" ")):
        if index:  # one space stood before this piece
            if run_start < 0:
                run_start = position
            position += 1
        if piece:
            if run_start >= 0:
                _add_run(found, value, run_start, position)
                run_start = -1
            position += len(piece)
    if run_start >= 0:
        _add_run(found, value, run_start, position)
    return found


def _add_run(found: list[tuple[int, int]], value: str, start: int, end: int) -> None:
    if (
        end - start == 1
        and start > 0
        and end < len(value)
        and value[start - 1] in _LATIN_LEFT
        and value[end] in _LATIN_RIGHT
        and not (value[end] == "(" and value[end + 1 : end + 2] > "\x7f")
        and not (value[start - 1] in _DIGITS and value[end] in _CAPITALS)
        and not (value[start - 1] in _LATIN_PUNCT and start > 1 and value[start - 2] > "\x7f")
    ):
        return
    found.append((start, end))


def _boundaries(
    value: str, separators: list[tuple[int, int]], multiline: bool
) -> list[tuple[int, int, Kind, str]]:
    """Separators and front-matter labels of a body value, in order, not overlapping."""
    labels = _labels(value, separators, multiline)
    found: list[tuple[int, int, Kind, str]] = []
    label_index = 0
    position = 0
    for sep_start, sep_end in separators:
        while label_index < len(labels) and labels[label_index][0] < sep_start:
            label = labels[label_index]
            label_index += 1
            if label[0] >= position:
                _add_label(found, value, label, position)
                position = label[1]
        sep_start = max(sep_start, position)
        if sep_end > sep_start:
            found.append((sep_start, sep_end, Kind.SEP, ""))
            position = sep_end
    for label in labels[label_index:]:
        if label[0] >= position:
            _add_label(found, value, label, position)
            position = label[1]
    return found


def _segment(tokens: list[Token], text: str, offset: int) -> None:
    tokens.append(Token(Kind.SEGMENT, text, offset, marker=find_marker(text)))
