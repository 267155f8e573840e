# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Character classes tested by code point, without a string per character.

A scanner that asks "is ``text[i]`` one of these characters?" in a loop pays,
with ``text[i] in some_set``, for a one-character string and its hash on every
step. A :class:`CharClasses` table maps each code point of the Basic
Multilingual Plane to a byte of class bits, so the test is
``classes.at(text, i) & BIT``: in the compiled build, ``ord(text[i])`` and the
byte lookup make no object at all. Code points past the table are in no class.
"""

from __future__ import annotations

from typing import Final

_SIZE: Final = 0x10000


class CharClasses:
    """Up to eight named character classes, one bit each."""

    def __init__(self, classes: dict[int, str]) -> None:
        table = bytearray(_SIZE)
        for bit, chars in classes.items():
            if bit <= 0 or bit > 0x80 or bit & (bit - 1):
                raise ValueError(f"class bit {bit:#x} is not a single bit of a byte")
            for char in chars:
                code = ord(char)
                if code >= _SIZE:
                    raise ValueError(f"{char!r} is past the table's code points")
                table[code] |= bit
        self._table = bytes(table)

    def at(self, text: str, index: int) -> int:
        """The class bits of ``text[index]`` (``index`` must be in range)."""
        code = ord(text[index])
        return self._table[code] if code < _SIZE else 0
