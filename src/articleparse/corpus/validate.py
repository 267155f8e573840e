"""Fixture validation: does ``X.txt`` still parse to the tree stored in ``X.json``?

Shared by ``articleparse validate`` and the pytest plugin, so both fail with
the same readable report: each difference as a path in the tree
(``sections[1].subsections[0].title``), the expected value and the value got.
Expected files hold exactly the JSON the project's own golden fixtures use
(:func:`dump_expected`), so ``--update`` output can be committed as it is.

A fixtures folder is data, often downloaded: its files are read and written
through :mod:`.fixture_folder`, which never leaves the folder.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..api import parse_bytes
from ..inputs import DEFAULT_MAX_BYTES, NotText, read_input, shown_path
from ..model import Article
from .fixture_folder import inside_folder, write_expected

Status = Literal[
    "match",
    "differ",
    "missing",
    "corrupt",
    "unreadable",
    "unwritable",
    "updated",
    "not-text",
    "collision",
]

ENCODING_SUFFIXES = frozenset(
    {"gb18030", "gbk", "gb2312", "big5", "utf8", "utf-8", "utf-8-sig", "utf16", "utf-16"}
)
"""Input names may carry their encoding: ``X.gb18030.txt`` is checked against ``X.json``."""

SHOWN_DIFFERENCES = 20
_SHOWN_CHARS = 100
_CONTEXT_CHARS = 30
_POSITION_KEYS = frozenset({"span", "offset", "byte_offset", "line", "column"})


class _Missing:
    def __repr__(self) -> str:
        return "(missing)"


MISSING: Any = _Missing()
"""Stands for "no such item or key" on one side of a :class:`Difference`."""


@dataclass(frozen=True, slots=True)
class Difference:
    """One place where the expected tree and the parsed tree disagree."""

    path: str
    expected: Any
    got: Any

    @property
    def is_position(self) -> bool:
        """True when only a position (span, offset, line, column) differs here."""
        parts = self.path.replace("[", ".").replace("]", "").split(".")
        return bool(_POSITION_KEYS & set(parts))


@dataclass(slots=True)
class Verdict:
    """The outcome of checking one fixture."""

    path: Path
    expected_path: Path
    status: Status
    differences: list[Difference] = field(default_factory=list)
    """The first differences in content and the first in positions, up to
    :data:`SHOWN_DIFFERENCES` of each: what a report shows."""
    errors: list[str] = field(default_factory=list)
    message: str = ""
    counted: tuple[int, int] | None = None
    """How many differences there are in content and in positions, all of them
    counted; ``None``: those in ``differences``."""

    @property
    def ok(self) -> bool:
        return self.status in ("match", "updated") and not self.errors


def expected_path(path: Path) -> Path:
    """``X.txt`` and ``X.gb18030.txt`` → ``X.json`` in the same folder."""
    stem = path.name.removesuffix(".txt")
    base, dot, suffix = stem.rpartition(".")
    if dot and base and suffix.lower() in ENCODING_SUFFIXES:
        stem = base
    return path.with_name(stem + ".json")


def dump_expected(doc: Article) -> str:
    """The expected-file text of ``doc``: the project's golden-fixture JSON."""
    return json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def check_fixture(
    path: Path, *, update: bool = False, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Verdict:
    """Parse ``path`` and compare it with its expected file (or write it, with ``update``).

    Both files are read as corpus inputs are (:func:`.inputs.read_input`): regular
    files of at most ``max_bytes`` only, and text only; a link is followed only to
    a file in the fixture's own folder (or below it). With ``update`` the expected
    file is written only where it is missing or a regular file (:func:`write_expected`).
    """
    target = expected_path(path)
    source, outside = inside_folder(path)
    if outside:
        return Verdict(path, target, "unreadable", message=outside)
    try:
        doc = parse_bytes(read_input(source, max_bytes))
    except NotText as exc:
        return Verdict(path, target, "not-text", message=str(exc))
    except OSError as exc:
        return Verdict(path, target, "unreadable", message=_os_error(exc))
    errors = [
        f"line {d.line}, column {d.column}: {d.code}: {d.message}"
        for d in doc.diagnostics
        if d.severity == "error"
    ]
    if update:
        text = dump_expected(doc)
        try:
            write_expected(target, text, max_bytes)
        except OSError as exc:
            return Verdict(path, target, "unwritable", errors=errors, message=_os_error(exc))
        return Verdict(path, target, "updated", errors=errors)
    expected_source, outside = inside_folder(target)
    if outside:
        return Verdict(path, target, "corrupt", errors=errors, message=outside)
    try:
        expected_text = read_input(expected_source, max_bytes).decode("utf-8")
    except FileNotFoundError:
        return Verdict(path, target, "missing", errors=errors, message="no expected file")
    except OSError as exc:
        message = f"cannot read: {_os_error(exc)}"
        return Verdict(path, target, "corrupt", errors=errors, message=message)
    except (NotText, UnicodeDecodeError) as exc:
        return Verdict(path, target, "corrupt", errors=errors, message=f"cannot read: {exc}")
    try:
        expected = json.loads(expected_text)
    except json.JSONDecodeError as exc:
        message = f"not valid JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}"
        return Verdict(path, target, "corrupt", errors=errors, message=message)
    except RecursionError:
        # The reader recurses once per nesting level; no expected file nests so deep.
        message = "not valid JSON: nested too deeply to be an expected file"
        return Verdict(path, target, "corrupt", errors=errors, message=message)
    except ValueError as exc:  # a number too long to convert, say
        return Verdict(path, target, "corrupt", errors=errors, message=f"not valid JSON: {exc}")
    kept, counted = kept_differences(diff_trees(expected, doc.model_dump(mode="json")))
    status: Status = "differ" if kept else "match"
    return Verdict(path, target, status, kept, errors, counted=counted)


def diff_trees(expected: Any, got: Any) -> Iterator[Difference]:
    """Every leaf-level difference between two JSON trees, in document order.

    Iterative, so the depth of the trees does not matter, and lazy: the stack
    holds one iterator per level, not one entry per item, so a list of millions
    of items costs no more memory than the trees themselves. Lists are compared
    item by item; surplus items on either side are reported against
    :data:`MISSING`.
    """
    stack: list[Iterator[tuple[str, Any, Any]]] = [iter((("", expected, got),))]
    while stack:
        pair = next(stack[-1], None)
        if pair is None:
            stack.pop()
            continue
        path, left, right = pair
        if isinstance(left, dict) and isinstance(right, dict):
            stack.append(_dict_pairs(path, left, right))
        elif isinstance(left, list) and isinstance(right, list):
            stack.append(_list_pairs(path, left, right))
        elif left != right or type(left) is not type(right):
            yield Difference(path or "(root)", left, right)


def _dict_pairs(
    path: str, left: dict[str, Any], right: dict[str, Any]
) -> Iterator[tuple[str, Any, Any]]:
    for key, value in left.items():
        yield _key_path(path, key), value, right.get(key, MISSING)
    for key, value in right.items():
        if key not in left:
            yield _key_path(path, key), MISSING, value


def _list_pairs(path: str, left: list[Any], right: list[Any]) -> Iterator[tuple[str, Any, Any]]:
    for index in range(max(len(left), len(right))):
        yield (
            f"{path}[{index}]",
            left[index] if index < len(left) else MISSING,
            right[index] if index < len(right) else MISSING,
        )


def kept_differences(
    differences: Iterator[Difference], keep: int = SHOWN_DIFFERENCES
) -> tuple[list[Difference], tuple[int, int]]:
    """The first ``keep`` differences in content and the first ``keep`` in positions,
    in document order, and how many of each there are in all."""
    kept: list[Difference] = []
    content = positions = 0
    for difference in differences:
        if difference.is_position:
            positions += 1
            if positions <= keep:
                kept.append(difference)
        else:
            content += 1
            if content <= keep:
                kept.append(difference)
    return kept, (content, positions)


def format_verdict(
    verdict: Verdict, *, limit: int = SHOWN_DIFFERENCES, update_hint: str = "--update"
) -> str:
    """The readable report of one failed fixture (empty for a passing one).

    ``update_hint`` names the option that writes expected files, for the advice
    given when one is missing.
    """
    if verdict.ok:
        return ""
    head = f"{shown_path(str(verdict.path))}: "
    expected_name = shown_path(verdict.expected_path.name)
    lines: list[str] = []
    if verdict.status == "differ":
        lines.append(head + f"differs from {expected_name}")
        lines.extend(_format_differences(verdict, limit))
    elif verdict.status == "missing":
        lines.append(head + f"no expected file {expected_name} (write it with {update_hint})")
    elif verdict.status == "corrupt":
        lines.append(head + f"expected file {expected_name} is {verdict.message}")
    elif verdict.status == "unreadable":
        lines.append(head + f"cannot read: {verdict.message}")
    elif verdict.status == "unwritable":
        lines.append(head + f"cannot write {expected_name}: {verdict.message}")
    elif verdict.status in ("not-text", "collision"):
        lines.append(head + verdict.message)
    else:
        lines.append(head + "parses with error diagnostics")
    lines.extend(f"  error: {error}" for error in verdict.errors)
    return "\n".join(lines)


def _format_differences(verdict: Verdict, limit: int) -> Iterator[str]:
    differences = verdict.differences
    content = [d for d in differences if not d.is_position]
    content_count, positions = verdict.counted or (
        len(content),
        len(differences) - len(content),
    )
    shown = content or differences
    total = content_count or positions
    for difference in shown[:limit]:
        yield f"  {difference.path}"
        expected, got = _show_pair(difference.expected, difference.got)
        yield f"    expected: {expected}"
        yield f"    got:      {got}"
    if total > min(limit, len(shown)):
        yield f"  … and {total - min(limit, len(shown))} more difference(s)"
    if content_count and positions:
        yield f"  (plus {positions} difference(s) in positions: spans, lines, columns, offsets)"


def _show_pair(expected: Any, got: Any) -> tuple[str, str]:
    if isinstance(expected, str) and isinstance(got, str):
        start = _first_difference(expected, got)
        if start > _CONTEXT_CHARS or max(len(expected), len(got)) > _SHOWN_CHARS:
            return _window(expected, start), _window(got, start)
    return _show(expected), _show(got)


def _first_difference(left: str, right: str) -> int:
    for index, (a, b) in enumerate(zip(left, right, strict=False)):
        if a != b:
            return index
    return min(len(left), len(right))


def _window(text: str, start: int) -> str:
    begin = max(0, start - _CONTEXT_CHARS)
    end = start + _SHOWN_CHARS - _CONTEXT_CHARS
    shown = json.dumps(text[begin:end], ensure_ascii=False)
    return ("…" if begin else "") + shown + ("…" if end < len(text) else "")


def _show(value: Any) -> str:
    if value is MISSING:
        return "(missing)"
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= _SHOWN_CHARS else shown[:_SHOWN_CHARS] + "…"


def _key_path(path: str, key: str) -> str:
    if key.isidentifier():
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def _os_error(exc: OSError) -> str:
    return exc.strerror or str(exc)
