# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""The state that the body's zones share, passed down to every recognizer.

:class:`Body` is one plain object: the tokens of the body row, the tree under
construction (:class:`~.tree.Tree`), and what the zones remember between
tokens (the open reference, the list fields placed, a heading already judged).
No recognizer holds a reference back to its caller.
"""

from __future__ import annotations

from typing import Final

from .content.outline import Verdict
from .tokens import Kind, Token
from .tree import Tree

CONTENT: Final = "content"
REFERENCES: Final = "references"
NOTES: Final = "notes"


class HeadingPlan:
    """A segment read as a heading, before the tree changes (a plain slotted class:
    a native object in the compiled build)."""

    __slots__ = (
        "chain",
        "end",
        "gap",
        "paragraph_at",
        "paragraph_skip",
        "run_in",
        "title",
        "title_end",
        "verdict",
    )

    def __init__(
        self,
        verdict: Verdict,
        title: str,
        gap: str,
        end: int,
        title_end: int,
        run_in: str,
        paragraph_at: int,
        paragraph_skip: int,
        chain: int = 0,
    ) -> None:
        self.verdict = verdict
        self.title = title
        self.gap = gap
        self.end = end  # token index after the heading
        self.title_end = title_end  # offset where the title ends
        self.run_in = run_in  # the separator between a run-in title and its paragraph ('' if none)
        self.paragraph_at = paragraph_at  # the token holding the run-in paragraph's start
        self.paragraph_skip = paragraph_skip  # where that paragraph starts in it (0: none)
        self.chain = chain  # where a heading glued to the title starts in it (0: none)


class Body:
    """The body row being read: its tokens, the tree they go into, and the zones' memory."""

    def __init__(self, tree: Tree, tokens: list[Token]) -> None:
        self.tree = tree
        self.tokens = tokens
        self.multiline = any(t.kind is Kind.SEP and "\n" in t.text for t in tokens)
        self.state = CONTENT  # or the block being read: REFERENCES, NOTES
        self.entry_parts: list[str] = []  # continuation text of the open reference
        self.placed: set[str] = set()  # list fields the front matter has written
        self.planned: tuple[int, HeadingPlan] | None = None  # a heading already judged
        self.entry_end = 0
        self.numbered = 0  # references numbered '1.', '2.' so far
        self.late_label_reported = False  # a front-matter label after text was reported
        # headings ending in page numbers (a table of contents): the run, its last page
        self.contents_run = 0
        self.contents_page = -1
        self.contents_start = 0
        self.contents_reported = False


def chrome_tokens(st: Body, start: int, end: int) -> None:
    """The tokens ``start:end`` as the page's own: each line chrome, the separators
    between them layout."""
    tree = st.tree
    for token in st.tokens[start:end]:
        if token.kind is Kind.SEP:
            tree.sep(token.text)
        else:
            tree.add_chrome(token.text)


def excerpt(text: str) -> str:
    """The first 20 characters of ``text``, for a diagnostic."""
    return text if len(text) <= 20 else text[:20] + "…"
