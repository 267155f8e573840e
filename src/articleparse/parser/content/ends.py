# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Where a sentence and a paragraph can end: the test for a title, and for a
space that ends a paragraph in a single-line body."""

from __future__ import annotations

from typing import Final

SENTENCE_END_CHARS: Final = frozenset("。！？!?；;…")
"""A segment ending in one of these is a sentence, not a title."""
PARAGRAPH_END_CHARS: Final = frozenset("。！？!?…．")
"""Where a paragraph can end (after closing quotes, brackets and a citation mark)."""
_CLOSING_CHARS: Final = frozenset("”’\"'』」）)】》〉*" + "".join(map(chr, range(0x2460, 0x2474))))
_CITATION_CHARS: Final = frozenset("0123456789,，-–—~～、 ")


def ends_paragraph(text: str) -> bool:
    """Whether a paragraph can end after ``text``: sentence-final punctuation,
    possibly followed by closing quotes or brackets and a citation mark, with
    the pages cited ('…。”', '…。）', '…。[3]', '…。[2]108-109'); or the closing
    tag of an HTML paragraph or line a scrape left behind ('…。</p>', '…<br/>'),
    its '<' lost too ('…?/p>')."""
    tail = text[-_LONGEST_TAG:].lower()
    if tail.endswith(_BLOCK_TAG_ENDS):
        return True
    end = len(text)
    pages = end
    while pages and end - pages < _MAX_PAGE_RANGE and text[pages - 1] in _PAGE_RANGE_CHARS:
        pages -= 1
    if pages < end and text[pages - 1 : pages] in ("]", "］"):
        end = pages  # '…。[2]108-109': a citation with the pages cited
    while end:
        char = text[end - 1]
        if char in _CLOSING_CHARS:
            end -= 1
        elif char in "]］":
            opening = _citation_start(text, end - 1)
            if opening < 0:
                break
            end = opening
        else:
            break
    if not end:
        return False
    char = text[end - 1]
    if char in PARAGRAPH_END_CHARS:
        return True
    return char == "." and end >= 2 and not text[end - 2].isdigit()


# How the end tag of a paragraph or a line break ends ('</p>', '</div>', '<br>',
# '<br/>', '<br />'), written so that a tag whose '<' was lost matches too.
_BLOCK_TAG_ENDS: Final = ("/p>", "/div>", "/li>", "<br>", "br/>", "br />")
_LONGEST_TAG: Final = 6


_PAGE_RANGE_CHARS: Final = frozenset("0123456789-–—~～,，")
_MAX_PAGE_RANGE: Final = 12


def _citation_start(text: str, close: int) -> int:
    """Where the citation mark ending at ``close`` ('[3]', '[1-3]') opens; -1 if none."""
    index = close - 1
    lowest = max(0, close - 16)
    while index >= lowest and text[index] in _CITATION_CHARS:
        index -= 1
    if index >= lowest and index < close - 1 and text[index] in "[［":
        return index
    return -1


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence ('。', '！', '；' …)."""
    return text[-1:] in SENTENCE_END_CHARS
