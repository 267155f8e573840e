# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""How-to-cite lines read over the spaces of a single-line body.

'张三. 题名[J]. 刊名, 2021, 21(4): 94-105.': one line whose full stops after the
names and the title end no paragraph.
"""

from __future__ import annotations

from typing import Final

from .. import patterns
from ..state import Body
from ..tokens import Kind


def citation_run(st: Body, index: int) -> int:
    """In a single-line body, the token index after a how-to-cite line that starts at
    ``index`` (names, a full stop, the title with its type mark '[J]', the journal,
    year, volume, issue and pages, and a DOI right after them; with no type mark, the
    volume, issue and pages written '31 (4): 88-95'); ``index`` if none.

    The line ends where its pages end: the type mark within
    :data:`_MAX_CITATION` characters, no Chinese full stop before it, and a full
    stop within :data:`_MAX_NAMES` characters of the start (after the names)."""
    tokens = st.tokens
    text = tokens[index].text
    if "。" in text or len(text) > _MAX_CITATION:
        return index
    size = 0
    end = index
    mark = -1  # the token holding the type mark
    stop = False  # a full stop before the mark
    while end < len(tokens) and size < _MAX_CITATION:
        token = tokens[end]
        if token.kind is Kind.LABEL or "。" in token.text:
            return index
        size += len(token.text)
        if token.kind is Kind.SEGMENT:
            found = patterns.TYPE_MARK.search(token.text) if mark < 0 else None
            if found is not None:
                if not (stop or "." in token.text[: found.start()]):
                    return index
                mark = end
                stop = True
            elif mark < 0:
                stop = stop or "." in token.text or "．" in token.text
                if not stop and size > _MAX_NAMES:
                    return index  # names run no longer before their full stop
            if stop and _ends_pages(token.text) and (mark >= 0 or _cites_issue(st, end)):
                return _after_doi(st, end + 1)
        end += 1
    return index


def _cites_issue(st: Body, end: int) -> bool:
    """Whether the segments ending at ``end`` close with a volume, issue and pages
    ('31 (4): 88-95.'), written over up to three segments."""
    tokens = st.tokens
    tail = "".join(t.text for t in tokens[max(0, end - _ISSUE_TOKENS) : end + 1])
    return patterns.CITED_ISSUE.search(tail) is not None


def _ends_pages(text: str) -> bool:
    """'94-105.', '41-46', '1327-1342,', '(5):529-534.': a segment that ends with the
    pages of a journal issue."""
    core = text.rstrip(".,，;；")
    digits = len(core)
    while digits and core[digits - 1].isdigit():
        digits -= 1
    if digits == len(core) or digits == 0:
        return False
    return core[digits - 1] in "-–—~～:：" and any(c.isdigit() for c in core[:digits])


def _after_doi(st: Body, index: int) -> int:
    """After the pages: a 'doi: 10.…' or 'https://doi.org/…' that follows is part
    of the line."""
    tokens = st.tokens
    if index + 1 >= len(tokens) or tokens[index].kind is not Kind.SEP:
        return index
    following = tokens[index + 1].text
    lowered = following[:16].lower()
    if lowered.startswith(("https://doi.org/", "http://dx.doi.org")) or (
        lowered.startswith("doi") and "10." in following
    ):
        return index + 2
    if lowered in ("doi:", "doi：") and index + 3 < len(tokens):
        if tokens[index + 3].text.startswith("10."):
            return index + 4
    return index


_ISSUE_TOKENS: Final = 4  # '31', ' ', '(4):', ' ' before '88-95.'
_MAX_NAMES: Final = 80
_MAX_CITATION: Final = 400
"""Longest how-to-cite line read over the spaces of a single-line body, in characters."""
