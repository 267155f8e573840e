# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""The body row's driver: the front-matter zone, then content and back matter.

The body's tokens go through three rooms, each a package of small
recognizers with one signature, ``(st: Body, index: int) -> int`` (the token
index after what they took):

* :mod:`.front` — the front-matter zone: labelled items in any order and the
  unlabelled lead (authors, affiliations, English lines);
* :mod:`.content` — paragraphs and headings, decided by the numbering state;
* :mod:`.back` — references and notes blocks, and site chrome after the text.

:func:`content` is the ordered list of content rules: the first that applies
takes the token.
"""

from __future__ import annotations

from .back.chrome import braced_block, chrome_run, credit_run, english_back_matter
from .back.chrome_line import end_chrome
from .back.references import entry, finish_entry, part_title
from .back.unlabelled import opens_references
from .content.contents import contents_block
from .content.headings import heading
from .content.paragraphs import paragraph
from .front.labelled import bracketed_label, demote_shapes, labelled
from .front.lead import lead
from .front.roles import role_byline
from .front.site_lines import interface_line
from .front.zone import front, teaser_end, unlabelled_front
from .labels import (
    BACK_MATTER_TITLES,
    BLOCK_FIELDS,
    OPENING_FIELDS,
)
from .state import CONTENT, REFERENCES, Body, chrome_tokens, excerpt
from .tokens import Kind, Token
from .tree import Tree


def run(tree: Tree, tokens: list[Token]) -> None:
    """Read the body row's ``tokens`` into ``tree``."""
    st = Body(tree, tokens)
    tree.multiline = st.multiline
    index, skip = front(st, 0)
    echo = -1 if skip else teaser_end(st, index)
    if echo > 0:
        # the page's summary of the text, then the title again: chrome, reported,
        # and the front matter under the title is read as such
        tree.diagnose(
            "chrome-before-text",
            tokens[index].start,
            f"'{excerpt(tokens[index].text)}' stands before the title written again",
        )
        chrome_tokens(st, index, echo)
        index, skip = front(st, echo)
    demote_shapes(st, index)
    if skip:
        index = paragraph(st, index, skip)
    else:
        index = unlabelled_front(st, index)
    while index < len(tokens):
        index = advance(st, index, content(st, index))
    finish_entry(st)


def advance(st: Body, index: int, after: int) -> int:
    """Where the driver goes on after a rule read the token at ``index``: ``after``
    when the rule moved past it. A rule that took nothing would make the loop
    spin forever; instead its token is reported (``body-stalled``) and read as a
    paragraph (kept as chrome before the text when shaped like none), so the driver
    advances on every input."""
    if after > index:
        return after
    token = st.tokens[index]
    finish_entry(st)
    st.tree.diagnose("body-stalled", token.start, f"'{excerpt(token.text)}' was read by no rule")
    if token.kind is Kind.SEP:
        st.tree.sep(token.text)
        return index + 1
    return paragraph(st, index)


def _front_label_late(st: Body, token: Token) -> None:
    """A label that opens an article's front matter (摘要, 关键词, 中图分类号) after
    text read as paragraphs and before any heading: the front-matter zone ended too
    early, at text no recognizer placed (chrome, authors, a journal header glued
    together). The text stays a paragraph; the place where it was chosen is reported."""
    tree = st.tree
    if (
        token.field in OPENING_FIELDS
        and tree.preamble
        and not tree.sections
        and token.field not in tree.scalars
        and token.field not in tree.lists
        and not st.late_label_reported
    ):
        st.late_label_reported = True
        first = tree.preamble[0]
        offset = first.span.start if first.span is not None else token.start
        if offset in tree.reported:
            return  # the paragraph is reported already
        tree.diagnose(
            "front-matter-unplaced",
            offset,
            f"'{excerpt(first.text)}' was read as text, but the label "
            f"'{excerpt(token.text.strip())}' follows it",
        )


def content(st: Body, index: int) -> int:
    token = st.tokens[index]
    tree = st.tree
    if token.kind is Kind.SEP:
        tree.sep(token.text)
        return index + 1
    if bracketed_label(st, index):
        finish_entry(st)
        _front_label_late(st, st.tokens[index + 1])
        tree.add_text(token.text)
        st.state = CONTENT
        return labelled(st, index + 1, bracketed=True)
    if token.kind is Kind.LABEL:
        finish_entry(st)
        _front_label_late(st, token)
        if token.field in BLOCK_FIELDS:
            tree.add_text(token.text)
            st.state = token.field
            return index + 1
        st.state = CONTENT
        return labelled(st, index)
    if token.kind is Kind.SEGMENT and st.state == CONTENT:
        after = contents_block(st, index)
        if after > index:
            finish_entry(st)
            return after
    if token.kind is Kind.SEGMENT and end_chrome(token.text) is not None:
        finish_entry(st)
        return chrome_run(st, index)
    if token.kind is Kind.SEGMENT and (st.tree.prose or st.tree.sections):
        after = credit_run(st, index)
        if after > index:
            finish_entry(st)
            return after
    if token.kind is Kind.SEGMENT and ("{1}" in token.text or token.text.endswith((":", "："))):
        after = braced_block(st, index)
        if after > index:
            finish_entry(st)
            return after
    if token.kind is Kind.SEGMENT and st.multiline and interface_line(token.text):
        # a line of the page's own ('分享', '姓名' / '邮箱' of a form): chrome, as before the text
        finish_entry(st)
        tree.add_chrome(token.text)
        return index + 1
    if token.kind is Kind.SEGMENT and role_byline(st, index):
        # '撰文 | 某某' after an editor's lead: the byline, the text goes on after it
        after, skip = lead(st, index)
        if skip > 0:
            return paragraph(st, after, skip)
        if after > index:
            return after
    if token.kind is Kind.SEGMENT and english_back_matter(st, index):
        # 'Title in English' / 'ZHANG San' / 'Abstract: …' after the text or the references
        finish_entry(st)
        st.state = CONTENT
        after, skip = lead(st, index)
        if skip > 0:
            return paragraph(st, after, skip)
        if after > index:
            return after
        # nothing placed (the first part is unknown): the line is text, read below
    if st.state != CONTENT and token.marker is None and token.kind is Kind.SEGMENT:
        title = part_title(token.text, st.multiline)
        if title in BACK_MATTER_TITLES:
            # '致谢' or '附录' after the references ends the block; a part title
            # with no number is a paragraph, as everywhere (headings are numbered)
            finish_entry(st)
            st.state = CONTENT
            return paragraph(st, index)
    if st.state != CONTENT:
        return entry(st, index)
    if token.kind is Kind.SEGMENT and opens_references(st, index):
        # '[1]张三.题名[J].… [2]…' with no '参考文献' before it
        tree.diagnose("references-unlabelled", token.start, "")
        st.state = REFERENCES
        return entry(st, index)
    if token.marker is not None:
        taken = heading(st, index)
        if taken:
            return taken
    return paragraph(st, index)
