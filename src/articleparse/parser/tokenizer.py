# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
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
from typing import Final

import regex

from . import patterns
from .charclass import CharClasses
from .labels import (
    BARE_LABELS,
    BLOCK_FIELDS,
    CODE_LABELS,
    COLON_ONLY_LABELS,
    FRONT_LABELS,
    ROW_ROLES,
)
from .numbering import find_marker
from .tokens import Kind, Token

_LABEL_GROUPS: Final = tuple(FRONT_LABELS)
# What may stand right before a label, and what a label may start with.
_LABEL_BOUNDARY: Final = frozenset(" \t\r\n\u3000\u00a0。；;）)】]（(")
_LABEL_FIRST_CHARS: Final = frozenset(
    "【〔［["
    + "".join(form[0] for forms in FRONT_LABELS.values() for form in forms)
    + "".join(
        patterns.CHAR_VARIANTS.get(form[0], "") for forms in FRONT_LABELS.values() for form in forms
    )
)
# What a label may end with, before its colon (a closing bracket counts too).
_LABEL_LAST_CHARS: Final = frozenset(
    "】〕］]"
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
# Code labels long enough to stand glued to the value before them with only a
# space after them.
_GLUED_BARE: Final = tuple(
    form
    for field in ("clc", "document_code", "article_number")
    for form in FRONT_LABELS[field]
    if len(form) >= 4 and form in BARE_LABELS
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
_GLUED_FINDS: Final = _unprefixed(_GLUED_BARE)
# (four spaces between characters, brackets, a space before the colon)
_LONGEST_LABEL: Final = 5 * max(len(form) for forms in FRONT_LABELS.values() for form in forms) + 6
# The Latin text a single space does not separate (patterns.SPACE_SEPARATOR).
_LATIN_LEFT: Final = frozenset(patterns.LATIN_LEFT_CHARS)
_LATIN_RIGHT: Final = frozenset(patterns.LATIN_RIGHT_CHARS)
_HSPACE: Final = patterns.HSPACE_CHARS
_DIGITS: Final = frozenset("0123456789)")  # and a code's closing bracket: '(2020JJ3412) Research'

_NONE: Final[frozenset[str]] = frozenset()
_CAPITALS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LATIN_PUNCT: Final = frozenset(",.;:?!)'\"%-")


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

    On one line, the spaces inside a spaced heading number ('1 . 1 标题') do
    not separate.
    """
    found = _raw_separators(value, multiline)
    if multiline or (" ." not in value and ". " not in value and " ．" not in value):
        return found
    inside = [m.span() for m in patterns.SPACED_DECIMAL.finditer(value) if " " in m.group()]
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
    for bracket in "【〔［[":
        found = value.find(bracket)
        while found != -1:
            starts.add(found)
            found = value.find(bracket, found + 1)
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
    for colon in ":：":
        found = value.find(colon)
        while found != -1:
            before = found - 1
            while before > 0 and value[before] in " \u3000":
                before -= 1
            if before >= 0 and _CLASSES.at(value, before) & _LAST:
                starts.update(_boundaries_before(value, found))
                glued.update(_glued_starts(value, found))
            found = value.find(colon, found + 1)
    labels = []
    end = -1
    match_at = patterns.FRONT_LABEL_AT.match
    seconds = patterns.FRONT_LABEL_SECONDS
    for start in sorted(starts | glued):
        if start < end or start >= len(value) or not _CLASSES.at(value, start) & _FIRST:
            continue
        first = value[start]
        if first not in "【〔［[" and value[start + 1 : start + 2] not in seconds.get(first, _NONE):
            continue
        at_boundary = not start or bool(_CLASSES.at(value, start - 1) & _BOUNDARY)
        if not at_boundary and start not in glued and value[start] not in "【〔［[":
            continue
        match = match_at(value, start)
        if match is None:
            continue
        field = _label_field(match)
        if at_boundary:
            stands = _stands_as_label(match, field, value, multiline)
        else:
            stands = _stands_glued(match, value)
        if stands:
            labels.append((start, match.end(), Kind.LABEL, field))
            end = match.end()
    return labels


# _glued_starts and _boundaries_before return lists: set.update over a
# generator costs several times more, most of all in the compiled build.
def _glued_starts(value: str, colon: int) -> list[int]:
    """Positions in the few characters before a colon where a label may start
    with no boundary before it, farthest first."""
    lowest = max(0, colon - _LONGEST_LABEL)
    return [index for index in range(lowest, colon) if _CLASSES.at(value, index) & _FIRST]


def _stands_glued(match: regex.Match[str], value: str) -> bool:
    """A label glued to the text before it ('…G642文献标识码:A') needs its colon
    right after it; an English one also needs a non-letter before it."""
    if match.group("open"):
        return match.group("close") is not None  # '…G434【文献标识码】A'
    start = match.start()
    if not match.group("colon"):
        # '…S 232.3文献标识码 A文章编号 0517-…': a long code label and a space
        written = _compact(match.group()[: match.start("space") - start])
        return bool(match.group("space")) and written in _GLUED_BARE
    before = value[start - 1]
    if before.isascii() and before.isalpha():
        # only after a one-letter value ('文献标识码:A文章编号:…'), never inside a
        # word ('JEL分类号')
        return value[start - 2 : start - 1] in ":：]】〕 "
    return True


def _boundaries_before(value: str, colon: int) -> list[int]:
    """Positions after a boundary character in the few characters before a colon."""
    lowest = max(0, colon - _LONGEST_LABEL)
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
    while start > position and value[start - 1] in " \t\u3000\u00a0":
        start -= 1
    if start < label[0]:
        found.append((start, label[0], Kind.SEP, ""))
    found.append(label)


def _stands_as_label(match: regex.Match[str], field: str, value: str, multiline: bool) -> bool:
    """A label needs a colon or brackets; in a multi-line body, a Chinese label at
    the start of a line may be followed by spaces instead (``关键词 党建 理念``).

    A block heading ('参考文献', '注释') may also stand alone before a separator.
    """
    if match.group("open") or match.group("colon"):
        return True
    start = match.start()
    if match.group(field).replace(" ", "") in COLON_ONLY_LABELS:
        return False  # 'keywords', 'abstract' in a sentence: only 'keywords:' is a label
    at_line_start = start == 0 or value[start - 1] == "\n"
    if multiline and at_line_start:
        following = value[match.end() : match.end() + 1]
        if following in ("", "\r", "\n"):
            return True  # alone on its line: 'Abstract', '摘 要'
        if match.group("space") and (not match.group().isascii() or field.endswith("_en")):
            return True  # '关键词 党建 理念', 'Abstract Based on …' at the start of a line
    if field in BLOCK_FIELDS:
        following = value[match.end() : match.end() + 1]
        return bool(match.group("space")) or following in ("", "\r", "\n", "[", "［")
    if match.group("space") and (start == 0 or value[start - 1] in _SPACE_BEFORE):
        # '摘要 以某钢铁企业为例…', 'Key words steel plant;…', 'F323   文献标识码 A':
        # after whitespace, a distinctive label may take a space for its colon
        written = _compact(match.group()[: match.start("space") - start])
        if written in CODE_LABELS:
            # '分类号 G642': a short label, then a code
            following = value[match.end() : match.end() + 1]
            return following.isascii() and following.isupper()
        return written in BARE_LABELS
    return False


_SPACE_BEFORE: Final = frozenset(" \t\r\n\u3000\u00a0")


def _compact(label: str) -> str:
    return "".join(c for c in label if c not in " \u3000\u00a0")


def _label_field(match: regex.Match[str]) -> str:
    for name in _LABEL_GROUPS:
        if match.group(name) is not None:
            return name
    raise AssertionError("front-label match without a field group")


def _segment(tokens: list[Token], text: str, offset: int) -> None:
    tokens.append(Token(Kind.SEGMENT, text, offset, marker=find_marker(text)))
