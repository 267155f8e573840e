"""Text → tokens: one flat, lossless pass.

The file is read line by line into rows (``LABEL | VALUE |``) and chrome lines.
The body row's value is cut into segments at separators (spaces in a
single-line body, line endings in a multi-line one) and at front-matter labels;
each segment is tagged with the heading marker it starts with, if any. The
tokenizer decides nothing about the numbering: that is the builder's job.

Every character of the input lands in exactly one token.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from . import patterns
from .labels import BLOCK_FIELDS, FRONT_LABELS, ROW_ROLES
from .numbering import find_marker
from .tokens import Kind, Token

_LABEL_GROUPS = tuple(FRONT_LABELS)
# What may stand right before a label, and what a label may start with.
_LABEL_BOUNDARY = frozenset(" \t\r\n\u3000。；;）)】]")
_LABEL_FIRST_CHARS = frozenset(
    "【〔［[" + "".join(form[0] for forms in FRONT_LABELS.values() for form in forms)
)
# What a label may end with, before its colon (a closing bracket counts too).
_LABEL_LAST_CHARS = frozenset(
    "】〕］]" + "".join(form[-1] for forms in FRONT_LABELS.values() for form in forms)
)
_BLOCK_FORMS = tuple(form for field in BLOCK_FIELDS for form in FRONT_LABELS[field])
# Longest label as written, brackets, inner spaces and a space before the colon.
_LONGEST_LABEL = 2 * max(len(form) for forms in FRONT_LABELS.values() for form in forms) + 6
# The Latin text a single space does not separate (patterns.SPACE_SEPARATOR).
_LATIN_LEFT = frozenset(patterns.LATIN_LEFT_CHARS)
_LATIN_RIGHT = frozenset(patterns.LATIN_RIGHT_CHARS)
_HSPACE = patterns.HSPACE_CHARS


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens whose texts join back to ``text``."""
    tokens: list[Token] = []
    lines = list(_lines(text))
    closing = _next_closing_lines(lines)
    index = 0
    while index < len(lines):
        start, content, ending = lines[index]
        if "|" not in content or (closing[index] == len(lines) and _stray_bar(lines, index)):
            if content.strip(" \t\u3000\r"):
                tokens.append(Token(Kind.CHROME, content, start))
            elif content:
                tokens.append(Token(Kind.NEWLINE, content, start))
            if ending:
                tokens.append(Token(Kind.NEWLINE, ending, start + len(content)))
            index += 1
            continue
        last = closing[index]
        closed = last < len(lines)
        last = min(last, len(lines) - 1)
        end_start, end_content, ending = lines[last]
        row_text = text[start : end_start + len(end_content)]
        _row(tokens, row_text, start, closed)
        if ending:
            tokens.append(Token(Kind.NEWLINE, ending, end_start + len(end_content)))
        index = last + 1
    return tokens


def _next_closing_lines(lines: list[tuple[int, str, str]]) -> list[int]:
    """For each line, the index of the first line at or after it that closes a row."""
    found = len(lines)
    closing = [found] * len(lines)
    for index in range(len(lines) - 1, -1, -1):
        if _close_start(lines[index][1]) >= 0:
            found = index
        closing[index] = found
    return closing


def _stray_bar(lines: list[tuple[int, str, str]], index: int) -> bool:
    """A line with '|' that no later line closes, with lines after it, and no
    field label ('版权所有 | 联系我们' in a footer): site chrome, not a row
    swallowing the rest of the file."""
    if index == len(lines) - 1:
        return False
    content = lines[index][1]
    role = ROW_ROLES.get(content[: content.index("|")].strip(), "extra")
    return role in ("chrome", "extra")


def _lines(text: str) -> Iterator[tuple[int, str, str]]:
    """Yield (offset, content, line ending) for each line; '\\r\\n' and '\\n' end lines."""
    position = 0
    for match in patterns.NEWLINE.finditer(text):
        yield position, text[position : match.start()], match.group()
        position = match.end()
    if position < len(text):
        yield position, text[position:], ""


def _close_start(line: str) -> int:
    """Where the row closer ending ``line`` ('|' and space around it) starts; -1 if none.

    A row closes on a line that ends in '|' followed by nothing but horizontal
    space; the closer also takes the horizontal space before the '|'. Found
    from the end with ``rstrip``, without scanning the line: a body row is one
    long line.
    """
    stripped = line.rstrip(_HSPACE)
    if not stripped.endswith("|"):
        return -1
    return len(stripped[:-1].rstrip(_HSPACE))


def _row(tokens: list[Token], row: str, start: int, closed: bool) -> None:
    first_bar = row.index("|")
    label_text = row[:first_bar].rstrip(" \t\u3000")
    role = ROW_ROLES.get(label_text.strip(), "extra")
    close_start = _close_start(row) if closed else len(row)
    assert close_start >= 0
    if closed and close_start <= len(label_text):
        # 'LABEL |' with no value: the first bar is the closing one.
        if role in ("chrome", "extra") and (role == "chrome" or not label_text.strip()):
            tokens.append(Token(Kind.CHROME, row, start))
        else:
            tokens.append(Token(Kind.ROW_LABEL, label_text, start, role))
            tokens.append(Token(Kind.TRIVIA, row[len(label_text) :], start + len(label_text)))
        tokens.append(Token(Kind.ROW_END, "", start + len(row)))
        return
    if role == "chrome":
        tokens.append(Token(Kind.CHROME, row, start))
        tokens.append(Token(Kind.ROW_END, "", start + len(row), "" if closed else "unterminated"))
        return
    sep_end = first_bar + 1
    if sep_end < close_start and row[sep_end] in " \u3000":
        sep_end += 1
    tokens.append(Token(Kind.ROW_LABEL, label_text, start, role))
    tokens.append(Token(Kind.TRIVIA, row[len(label_text) : sep_end], start + len(label_text)))
    value = row[sep_end:close_start]
    if role == "body":
        _body(tokens, value, start + sep_end)
    elif value:
        tokens.append(Token(Kind.ROW_VALUE, value, start + sep_end, role))
    if close_start < len(row):
        tokens.append(Token(Kind.TRIVIA, row[close_start:], start + close_start))
    tokens.append(Token(Kind.ROW_END, "", start + len(row), "" if closed else "unterminated"))


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
    """Where the body's segments are separated: line endings, or spaces on one line."""
    if multiline or "\t" in value or "\u3000" in value:
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
    ):
        return
    found.append((start, end))


def _boundaries(
    value: str, separators: list[tuple[int, int]], multiline: bool
) -> Iterator[tuple[int, int, Kind, str]]:
    """Separators and front-matter labels of a body value, in order, not overlapping."""
    labels = _labels(value, separators, multiline)
    label_index = 0
    position = 0
    for sep_start, sep_end in separators:
        while label_index < len(labels) and labels[label_index][0] < sep_start:
            label = labels[label_index]
            label_index += 1
            if label[0] >= position:
                yield from _label_with_space(value, label, position)
                position = label[1]
        sep_start = max(sep_start, position)
        if sep_end > sep_start:
            yield sep_start, sep_end, Kind.SEP, ""
            position = sep_end
    for label in labels[label_index:]:
        if label[0] >= position:
            yield from _label_with_space(value, label, position)
            position = label[1]


def _labels(
    value: str, separators: list[tuple[int, int]], multiline: bool
) -> list[tuple[int, int, Kind, str]]:
    """Front-matter labels: tried only where one can start.

    A label starts at a boundary (the start, after whitespace, after '。；;）)】]')
    and carries a colon, a bracket, or stands before whitespace. So the places
    to try are segment starts, opening brackets, and the boundaries just before
    a colon; everything else is never looked at.
    """
    starts = {0}
    starts.update(end for _, end in separators)
    for bracket in "【〔［[":
        found = value.find(bracket)
        while found != -1:
            starts.add(found)
            found = value.find(bracket, found + 1)
    found = value.find("\r")  # a carriage return that separates nothing
    while found != -1:
        starts.add(found + 1)
        found = value.find("\r", found + 1)
    for form in _BLOCK_FORMS:  # '参考文献' may stand alone, without a colon
        found = value.find(form)
        while found != -1:
            starts.add(found)
            found = value.find(form, found + 1)
    for colon in ":：":
        found = value.find(colon)
        while found != -1:
            before = found - 1
            while before > 0 and value[before] in " \u3000":
                before -= 1
            if before >= 0 and value[before] in _LABEL_LAST_CHARS:
                starts.update(_boundaries_before(value, found))
            found = value.find(colon, found + 1)
    labels = []
    end = -1
    match_at = patterns.FRONT_LABEL_AT.match
    for start in sorted(starts):
        if start < end or start >= len(value) or value[start] not in _LABEL_FIRST_CHARS:
            continue
        if start and value[start - 1] not in _LABEL_BOUNDARY:
            continue
        match = match_at(value, start)
        if match is None:
            continue
        field = _label_field(match)
        if _stands_as_label(match, field, value, multiline):
            labels.append((start, match.end(), Kind.LABEL, field))
            end = match.end()
    return labels


def _boundaries_before(value: str, colon: int) -> Iterator[int]:
    """Positions after a boundary character in the few characters before a colon."""
    lowest = max(0, colon - _LONGEST_LABEL)
    for index in range(colon - 1, lowest - 1, -1):
        if value[index] in _LABEL_BOUNDARY:
            yield index + 1
    if lowest == 0:
        yield 0


def _label_with_space(
    value: str, label: tuple[int, int, Kind, str], position: int
) -> Iterator[tuple[int, int, Kind, str]]:
    """A label, preceded by the whitespace before it as a separator of its own."""
    start = label[0]
    while start > position and value[start - 1] in " \t\u3000":
        start -= 1
    if start < label[0]:
        yield start, label[0], Kind.SEP, ""
    yield label


def _stands_as_label(match: regex.Match[str], field: str, value: str, multiline: bool) -> bool:
    """A label needs a colon or brackets; in a multi-line body, a Chinese label at
    the start of a line may be followed by spaces instead (``关键词 党建 理念``).

    A block heading ('参考文献', '注释') may also stand alone before a separator.
    """
    if match.group("open") or match.group("colon"):
        return True
    start = match.start()
    at_line_start = start == 0 or value[start - 1] == "\n"
    if multiline and match.group("space") and at_line_start and not match.group().isascii():
        return True
    if field in BLOCK_FIELDS:
        following = value[match.end() : match.end() + 1]
        return bool(match.group("space")) or following in ("", "\r", "\n")
    return False


def _label_field(match: regex.Match[str]) -> str:
    for name in _LABEL_GROUPS:
        if match.group(name) is not None:
            return name
    raise AssertionError("front-label match without a field group")


def _segment(tokens: list[Token], text: str, offset: int) -> None:
    tokens.append(Token(Kind.SEGMENT, text, offset, marker=find_marker(text)))
