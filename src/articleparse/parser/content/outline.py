# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""The outline: whether a heading number continues the sequence.

Numbering is the signal for headings (design.md §2): a candidate becomes a
heading when it is the first child, the next sibling, or the next sibling of an
ancestor of the open headings. Small gaps and jumps are accepted with a
warning; anything else stays text.
"""

from __future__ import annotations

from typing import Final

from .numbering import MAX_DECIMAL_DEPTH, MAX_GAP, MAX_LEVEL, written_number


# Open and Verdict are plain slotted classes, not dataclasses: compiled, a
# dataclass keeps its generated Python __init__, one interpreted call per heading.
class Open:
    """An open heading on the numbering stack."""

    __slots__ = ("level", "parts", "scheme")

    def __init__(self, scheme: str, parts: tuple[int, ...], level: int) -> None:
        self.scheme = scheme
        self.parts = parts
        self.level = level


class Verdict:
    """Where a heading goes: pop the stack to ``keep`` entries, then push at ``level``."""

    __slots__ = ("expected", "keep", "level", "warning")

    def __init__(
        self, keep: int, level: int, warning: str | None = None, expected: str = ""
    ) -> None:
        self.keep = keep
        self.level = level
        self.warning = warning  # 'heading-gap' | 'heading-jump' | 'heading-too-deep'
        self.expected = expected


LIST_SCHEMES: Final = frozenset(("arabic-paren", "arabic-half-paren", "circled"))
"""Item markers ('(1)', '1)', '①'): list items, not headings, in a decimal outline."""
FIRST_NUMBER_SCHEMES: Final = frozenset(
    ("cn-dun", "cn-paren", "cn-chapter", "cn-section", "cn-part")
)
"""Schemes whose first heading may be numbered 2 when the first was mistyped ('—、' for '一、')."""


class NumberingState:
    """The stack of open headings and the rule for what may come next."""

    __slots__ = ("decimal_outline", "stack")

    def __init__(self) -> None:
        self.stack: list[Open] = []
        # The open outline is decimal: its top heading is a decimal number written
        # bare ('1 引言', '1引言') or it has numbers of several parts ('1.1').
        # A top heading '1.' or '1、' alone is the third level of the Chinese
        # chain used at the top, and '(1)' under it is a heading.
        self.decimal_outline = False

    def list_item(self, scheme: str) -> bool:
        """Whether a marker of ``scheme`` is a list item (GB/T 7713's 列项): in a
        decimal outline, '(1)', '1)' and '①' mark items, never headings."""
        return self.decimal_outline and scheme in LIST_SCHEMES

    def judge(self, scheme: str, parts: tuple[int, ...]) -> Verdict | None:
        """Decide whether a marker continues the numbering; None means 'text'."""
        if self.list_item(scheme):
            return None
        if scheme == "decimal":
            verdict = self._judge_decimal(parts)
        else:
            verdict = self._judge_other(scheme, parts[0])
        if verdict is None:
            return None
        if verdict.level > MAX_LEVEL or (scheme == "decimal" and len(parts) > MAX_DECIMAL_DEPTH):
            return Verdict(verdict.keep, verdict.level, "heading-too-deep")
        return verdict

    def judge_later_part(
        self, scheme: str, parts: tuple[int, ...], punctuated: bool
    ) -> Verdict | None:
        """A page that holds one part of a longer article opens with a later top
        heading ('四、结论', '4.是否标注' on a line of its own: ``punctuated``): a
        heading, reported as a gap ('2.' too: a decimal number has no mistyped first)."""
        if self.stack or not 2 <= parts[0] <= _LATEST_FIRST:
            return None
        if scheme in _PART_SCHEMES and parts[0] > 2:
            return Verdict(0, 1, "heading-gap", written_number(scheme, 1))
        if scheme == "decimal" and len(parts) == 1 and punctuated:
            return Verdict(0, 1, "heading-gap", "1")
        return None

    def push(
        self, verdict: Verdict, scheme: str, parts: tuple[int, ...], punctuated: bool = False
    ) -> None:
        """Open a heading judged by :meth:`judge` (``punctuated``: its number ends
        in '.', '．' or '、')."""
        if verdict.keep == 0:
            self.decimal_outline = scheme == "decimal" and (not punctuated or len(parts) > 1)
        elif scheme == "decimal" and len(parts) > 1 and self.stack[0].scheme == "decimal":
            self.decimal_outline = True
        del self.stack[verdict.keep :]
        self.stack.append(Open(scheme, parts, verdict.level))

    def _level_under(self, keep: int) -> int:
        return self.stack[keep - 1].level + 1 if keep else 1

    def _judge_decimal(self, parts: tuple[int, ...]) -> Verdict | None:
        stack = self.stack
        decimal = [i for i, entry in enumerate(stack) if entry.scheme == "decimal"]
        if not decimal:
            return self._first_decimal(parts)
        base = stack[decimal[0]].level - len(stack[decimal[0]].parts) + 1
        deepest = stack[decimal[-1]].parts
        depth = len(parts)
        keep = next((i for i in decimal if len(stack[i].parts) >= depth), len(stack))
        # below a heading of another scheme opened inside the decimal numbering
        level = max(base + depth - 1, self._level_under(keep))
        if depth <= len(deepest) and parts[:-1] == deepest[: depth - 1]:
            # next sibling at this depth (of the open heading or of an ancestor)
            expected = (*parts[:-1], deepest[depth - 1] + 1)
        elif depth == len(deepest) + 1 and parts[:-1] == deepest:
            expected = (*deepest, 1)  # first child
        elif depth > len(deepest) + 1 and parts[: len(deepest)] == deepest:
            if all(p == 1 for p in parts[len(deepest) :]):
                return Verdict(keep, level, "heading-jump", _dotted((*deepest, 1)))
            return None
        else:
            return None
        if parts[-1] == expected[-1]:
            return Verdict(keep, level)
        if expected[-1] < parts[-1] <= expected[-1] + MAX_GAP:
            return Verdict(keep, level, "heading-gap", _dotted(expected))
        return None

    def _first_decimal(self, parts: tuple[int, ...]) -> Verdict | None:
        """The first decimal heading: '1' (or '0'), or '1.1' — at the top a jump
        (a warning), under a heading of another scheme its first child ('1.1' or
        '2.1' under '二、' is level 2)."""
        stack = self.stack
        if parts[-1] != (1 if len(parts) > 1 else min(parts[-1], 1)):
            return None  # '2' or '1.0' is not a first heading
        keep = len(stack)
        if len(parts) == 1:
            return Verdict(keep, self._level_under(keep))
        parent = stack[-1].parts if stack else ()
        prefix = parts[:-1]
        if stack and (all(p == 1 for p in prefix) or prefix == parent):
            return Verdict(keep, self._level_under(keep))
        if any(p != 1 for p in prefix):
            return None
        return Verdict(keep, self._level_under(keep) + len(parts) - 1, "heading-jump")

    def _judge_other(self, scheme: str, value: int) -> Verdict | None:
        stack = self.stack
        for i in range(len(stack) - 1, -1, -1):
            entry = stack[i]
            if entry.scheme != scheme:
                continue
            expected = entry.parts[0] + 1
            if value == expected:
                return Verdict(i, entry.level)
            if expected < value <= expected + MAX_GAP:
                return Verdict(i, entry.level, "heading-gap", written_number(scheme, expected))
            return None
        keep = len(stack)
        if value == 2 and scheme in FIRST_NUMBER_SCHEMES:
            # '—、引言' (a mistyped '一、') then '二、': the outline starts at its second heading
            return Verdict(keep, self._level_under(keep), "heading-gap", written_number(scheme, 1))
        if value != 1:
            return None
        return Verdict(keep, self._level_under(keep))


_PART_SCHEMES: Final = frozenset(("cn-dun", "cn-chapter"))
"""Schemes of top headings only, whose first heading on a page may be a later part."""

_LATEST_FIRST: Final = 10


def _dotted(parts: tuple[int, ...]) -> str:
    return ".".join(map(str, parts))
