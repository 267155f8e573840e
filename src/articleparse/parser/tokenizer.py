# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Text → tokens: rows, then the body row's segments, separators and labels.

:func:`tokenize` cuts the text into rows (``LABEL | VALUE |``), the footer's
chrome and the body row, whose value :mod:`.segments` cuts further. Every
character of the input lands in exactly one token.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from . import patterns
from .labels import (
    ROW_ROLES,
)
from .segments import _HSPACE, _body
from .tokens import Kind, Token


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens whose texts join back to ``text``."""
    tokens: list[Token] = []
    lines = list(_lines(text))
    closing = _next_closing_lines(lines)
    after_body = False
    index = 0
    while index < len(lines):
        start, content, ending = lines[index]
        if (
            "|" not in content
            or (closing[index] == len(lines) and _stray_bar(lines, index, after_body))
            or _before_a_row(lines, index, closing)
        ):
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
        open_body = False
        if last == index and _empty_body_row(content):
            last, closed, open_body = _body_below(lines, index, closing)
        elif last == index and _bordered_body_row(content):
            last = _body_goes_on(lines, last, closing)  # '范文 | |': a table's border
        elif closed and _role(content[: content.index("|")]) == "body":
            last = _body_goes_on(lines, last, closing)
        last = min(last, len(lines) - 1)
        end_start, end_content, ending = lines[last]
        row_text = text[start : end_start + len(end_content)]
        after_body = after_body or _role(content[: content.index("|")]) == "body"
        _row(tokens, row_text, start, closed, open_body)
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


def _stray_bar(lines: list[tuple[int, str, str]], index: int, after_body: bool) -> bool:
    """A line with '|' that no later line closes, with lines after it (or after the
    body), and no field label ('版权所有 | 联系我们' in a footer): site chrome, not a
    row swallowing the rest of the file."""
    content = lines[index][1]
    role = _role(content[: content.index("|")])
    if index == len(lines) - 1:
        # the file's last line: a footer when the body stood before it
        return after_body and role in ("chrome", "extra")
    return role in ("chrome", "extra")


def _before_a_row(lines: list[tuple[int, str, str]], index: int, closing: list[int]) -> bool:
    """'来源 :某刊 | 被引量 : 0次' right above '标题 | … |': a line with bars that does
    not close, when the next line is a whole row with a label of its own, is a
    line of chrome, not a row swallowing the title."""
    following = index + 1
    if closing[index] != following or following >= len(lines):
        return False
    content = lines[following][1]
    return _role(content[: content.index("|")]) not in ("extra", "chrome")


def _role(label: str) -> str:
    """The role of a row label as written: whitespace and a byte-order mark around it
    are trivia ('\\ufeff标题' is the title row of a text that kept its BOM)."""
    return ROW_ROLES.get(label.strip(_LABEL_TRIVIA), "extra")


_LABEL_TRIVIA: Final = " \t\r\n\u3000\ufeff"


def _empty_body_row(content: str) -> bool:
    """'范文 |' (or '范文 | '): a body label whose value is not on its line."""
    bar = content.index("|")
    return _role(content[:bar]) == "body" and not content[bar + 1 :].strip(_HSPACE)


def _body_below(
    lines: list[tuple[int, str, str]], index: int, closing: list[int]
) -> tuple[int, bool, bool]:
    """Where a body row whose value starts on the next line ends.

    Lines without '|' after ``范文 |`` are its value. When the line that closes
    them is no row of its own ('…最后一段。 |'), it closes the body; otherwise
    the value ends before the next row and the body is open (reported by the
    builder). Returns (last line, closed, open body).
    """
    below = index + 1
    while below < len(lines) and "|" not in lines[below][1]:
        below += 1
    if below == index + 1:
        return index, True, False
    if below < len(lines) and closing[below] == below:
        content = lines[below][1]
        if _role(content[: content.index("|")]) == "extra" and content.strip(_HSPACE) != "|":
            return below, True, False
    return below - 1, False, True


def _bordered_body_row(content: str) -> bool:
    """'范文 | |': a body label whose value is a table's bare border."""
    bar = content.index("|")
    return _role(content[:bar]) == "body" and content[bar + 1 :].strip(_HSPACE) == "|"


def _body_goes_on(lines: list[tuple[int, str, str]], last: int, closing: list[int]) -> int:
    """Where a body row that a line ending in '|' closed at ``last`` really ends.

    A page's own line inside the text ('打印本页 | 关闭窗口 |') or a table's border
    ends in a bar too. When the lines after it hold no bar, and the line that
    closes them is no row but a sentence of the text ('…为主。 |'), the body goes
    on to that line; otherwise it ends at ``last``.
    """
    below = last + 1
    while below < len(lines) and "|" not in lines[below][1]:
        below += 1
    if below == last + 1 or below >= len(lines) or closing[below] != below:
        return last
    content = lines[below][1]
    text = content[: _close_start(content)]
    if "|" in text or text.rstrip(_HSPACE)[-1:] not in _SENTENCE_ENDS:
        return last
    return below


_SENTENCE_ENDS: Final = frozenset("。！？!?…”’」』")


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


def _row(tokens: list[Token], row: str, start: int, closed: bool, open_body: bool) -> None:
    first_bar = row.index("|")
    label_text = row[:first_bar].rstrip(" \t\u3000")
    role = _role(label_text)
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
    if open_body:
        close_start = len(row)
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
    end_field = "open-body" if open_body else "" if closed else "unterminated"
    tokens.append(Token(Kind.ROW_END, "", start + len(row), end_field))
