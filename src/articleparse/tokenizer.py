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
_HSPACE = " \t\u3000"


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

    The same as ``patterns.ROW_CLOSE_TAIL.search(line).start()``, without scanning
    the whole line: a body row is one long line.
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
    separator = patterns.LINE_SEPARATOR if "\n" in value else patterns.SPACE_SEPARATOR
    position = 0
    for match in _boundaries(value, separator):
        if match[0] > position:
            _segment(tokens, value[position : match[0]], offset + position)
        kind, field = match[2], match[3]
        tokens.append(Token(kind, value[match[0] : match[1]], offset + match[0], field))
        position = match[1]
    if position < len(value):
        _segment(tokens, value[position:], offset + position)


def _boundaries(value: str, separator: regex.Pattern[str]) -> Iterator[tuple[int, int, Kind, str]]:
    """Separators and front-matter labels of a body value, in order, not overlapping.

    A label needs a colon or brackets; in a multi-line body a label followed by
    spaces (``关键词 党建 理念``) counts too.
    """
    multiline = separator is patterns.LINE_SEPARATOR
    labels = []
    for match in patterns.FRONT_LABEL.finditer(value):
        field = _label_field(match)
        if _stands_as_label(match, field, value, multiline):
            labels.append((match.start(), match.end(), Kind.LABEL, field))
    label_index = 0
    position = 0
    for sep in separator.finditer(value):
        sep_start, sep_end = sep.span()
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
