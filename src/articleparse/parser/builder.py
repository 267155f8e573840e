# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Tokens → Article: one pass over the rows, the body row handed to :mod:`.body`.

The builder walks the token list once. File-level tokens (row labels, values,
the footer's chrome) become layout pieces and metadata in the :class:`~.tree.Tree`;
the body row's tokens go to :func:`.body.run`.
"""

from __future__ import annotations

from typing import Final

from ..diagnostics import DiagnosticLog
from ..model import (
    Article,
    BoilerplatePiece,
)
from . import body
from .tokens import Kind, Token
from .tree import Tree
from .trusted import trusted_node


class Builder:
    """Builds one :class:`Article` from the tokens of one text: rows and chrome here,
    the body row's tokens in :func:`.body.run`."""

    def __init__(self, text: str, tokens: list[Token], log: DiagnosticLog | None = None) -> None:
        self.text = text
        self.tokens = tokens
        self.tree = Tree(text, log)

    def build(self) -> Article:
        tokens = self.tokens
        tree = self.tree
        index = 0
        row_start = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.kind
            if kind is Kind.ROW_LABEL:
                row_start = token.start
                index = self._row(index)
                continue
            if kind is Kind.CHROME:
                row_start = token.start
                tree.add_boilerplate(token.text)
            elif kind is Kind.ROW_END:
                if token.field == "unterminated":
                    tree.diagnose(
                        "row-unterminated", row_start, "the row starting here never closes with '|'"
                    )
                elif token.field == "open-body":
                    tree.diagnose("body-open", row_start, "")
            else:
                tree.add_text(token.text)
            index += 1
        tree.close_node()
        tree.flush_text()
        tree.open_last_runs()
        if not self.text.strip():
            tree.diagnose("empty-input", 0, "")
        elif not tree.seen_body:
            tree.diagnose("no-body", 0, "")
        return tree.article()

    def _row(self, index: int) -> int:
        tokens = self.tokens
        tree = self.tree
        label = tokens[index]
        role = label.field
        tree.add_text(label.text)
        index += 1
        if index < len(tokens) and tokens[index].kind is Kind.TRIVIA:
            # the separator (or, for an empty row, the closer)
            tree.add_text(tokens[index].text)
            index += 1
        if role == "body":
            tree.seen_body = True
            end = index
            while end < len(tokens) and tokens[end].kind in _BODY_KINDS:
                end += 1
            body.run(tree, tokens[index:end])
            tree.close_node()
            index = end
        elif index < len(tokens) and tokens[index].kind is Kind.ROW_VALUE:
            value = tokens[index]
            tree.assign(role, value.text, label.text, value.start)
            index += 1
        else:
            # an empty row with a meaning ('作者 |'): the field exists and is empty
            tree.assign(role, "", label.text, label.start)
        return index


_BODY_KINDS: Final = (Kind.SEGMENT, Kind.SEP, Kind.LABEL)  # a tuple: Enum's hash runs in Python


def _boilerplate_piece(index: int, written: str) -> BoilerplatePiece:
    return trusted_node(
        BoilerplatePiece, {"kind": "boilerplate", "index": index, "written": written}
    )
