# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""The names a bio value (作者简介, an 'Author' block) opens its entries with.

Read when the tree is finished and the page had no author line; a plain text
function, so the tree may call it without the body's state.
"""

from __future__ import annotations

from typing import Final

from .lead_text import _SPACE
from .names import is_han, valid_name


def bio_names(bio: str) -> list[str]:
    """The authors a 作者简介 value names when the page has no author line: the name
    that opens each author's entry ('甲乙(1980-),男,…;丙丁,女,…', one entry a line:
    '甲乙(某大学教授)'), before its bracket or comma. Empty when the first entry does
    not open with a name; a later entry that does not is one more sentence of the
    bio before it ('甲乙, 某馆助理。主张以…。 丙丁, …')."""
    names: list[str] = []
    position = 0
    size = len(bio)
    while position < size:
        while position < size and (bio[position] in _SPACE or bio[position] in _BIO_ENTRY_END):
            position += 1
        start = position
        while position < size and is_han(bio[position]):
            position += 1
        named = (
            position > start
            and position < size
            and bio[position] in _ENTRY_NAME_END
            and valid_name(bio[start:position])
        )
        if named:
            names.append(bio[start:position])
        elif not names:
            return names
        # the entry ends at ';', '。', a line end, or a space after its bracket
        while position < size and bio[position] not in _BIO_ENTRY_END:
            if bio[position] in _SPACE and bio[position - 1] in ")）":
                break
            position += 1
    return names


_ENTRY_NAME_END: Final = frozenset("(（,，")
_BIO_ENTRY_END: Final = frozenset(";；。\n")
