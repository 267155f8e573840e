# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""The front-matter zone: from the body's start to the first heading or prose.

:func:`front` walks the zone: labelled items (:mod:`.labelled`) in any order,
and the unlabelled lead between them (:mod:`.lead`: authors, affiliations,
English lines, the title again). :func:`unlabelled_front` reads a page that
lost its labels (a bare abstract, then a bare keyword line).
"""

from __future__ import annotations

from typing import Final

import regex

from ..content.numbering import ends_paragraph
from ..labels import (
    BLOCK_FIELDS,
    NAME_FIELDS,
    SHAPE_LABEL,
)
from ..paragraph_checks import prose_shaped, title_again
from ..state import Body
from ..tokens import Kind, Token
from .blocks import record_label
from .english import english_prose
from .labelled import bracketed_label, demote_shape, labelled, shape_stands
from .lead import lead
from .names import is_han
from .opening import opens_content
from .roles import bios_follow, latin_names_follow


def front(st: Body, index: int) -> tuple[int, int]:
    """Consume the front-matter zone; return where the content starts (a token
    index and an offset into that token)."""
    tokens = st.tokens
    tree = st.tree
    while index < len(tokens):
        token = tokens[index]
        if token.kind is Kind.SEP:
            tree.sep(token.text)
            index += 1
        elif token.kind is Kind.LABEL:
            if token.field in BLOCK_FIELDS:
                return index, 0
            if token.field == SHAPE_LABEL and not shape_stands(st, index):
                demote_shape(st, index)  # '研究表明：…' opens the text
                continue
            if token.field in NAME_FIELDS and bios_follow(st, index):
                # 'Author' then '甲乙, 某大学博士生,…。': the authors' bios
                tokens[index] = Token(Kind.LABEL, token.text, token.start, "author_info")
                index = labelled(st, index)
            elif token.field in NAME_FIELDS and latin_names_follow(st, index):
                # 'Authors: ZHANG San, LI Si' in a Chinese article: kept under its label
                tokens[index] = Token(Kind.LABEL, token.text, token.start, "extra")
                index = labelled(st, index)
            elif token.field in NAME_FIELDS:
                # '作者:张三 单位:某大学': the names are read as unlabelled authors
                tree.add_text(token.text)
                index += 1
                if index < len(tokens) and tokens[index].kind is Kind.SEGMENT:
                    index, skip = lead(st, index, names_first=True)
                    if skip >= 0:
                        return index, skip
            else:
                index = labelled(st, index)
                if token.field == "abstract":
                    index = _keywords_after_abstract(st, index)
        elif bracketed_label(st, index):
            tree.add_text(token.text)
            field = tokens[index + 1].field
            index = labelled(st, index + 1, bracketed=True)
            if field == "abstract":
                index = _keywords_after_abstract(st, index)
        elif record_label(st, index):
            # '学位类别' / '碩士' among labels that stand alone: a label by its layout
            text = token.text
            stop = index + 1
            if not st.multiline:
                text += tokens[stop].text  # the gap after it, as after '作者  '
                stop += 1
            tokens[index:stop] = [Token(Kind.LABEL, text, token.start, SHAPE_LABEL)]
        elif opens_content(st, index):
            return index, 0
        else:
            index, skip = lead(st, index)
            if skip >= 0:
                return index, skip
    return index, 0


def unlabelled_front(st: Body, index: int) -> int:
    """A page that lost its labels: right after the authors (or a bare DOI: a
    record page), a paragraph and a short ';' list on its own ('甲;乙;丙', no full
    stop) are the abstract and the keywords. Read so, with a warning; without such
    a list the paragraph is text."""
    tokens = st.tokens
    tree = st.tree
    if _abstract_pair(st, index):
        return len(tokens)
    index = _fund_sentence(st, index)
    if (
        (not st.placed and "doi" not in tree.scalars)
        or "abstract" in tree.scalars
        or "keywords" in tree.lists
        or index >= len(tokens)
        or tokens[index].kind is not Kind.SEGMENT
    ):
        return index
    end = index + 1
    while (
        not st.multiline
        and end + 1 < len(tokens)
        and not ends_paragraph(tokens[end - 1].text)
        and tokens[end].kind is Kind.SEP
        and tokens[end + 1].kind is Kind.SEGMENT
    ):
        end += 2
    if not ends_paragraph(tokens[end - 1].text) or end + 1 >= len(tokens):
        return index
    listed = tokens[end + 1]
    if tokens[end].kind is not Kind.SEP or listed.kind is not Kind.SEGMENT:
        return index
    after = _list_end(st, end + 1)
    text = "".join(t.text for t in tokens[end + 1 : after])
    if not _bare_keyword_line(text):
        return index
    tree.diagnose("front-matter-unlabelled", tokens[index].start, "")
    tree.assign("abstract", "".join(t.text for t in tokens[index:end]), "", tokens[index].start)
    tree.sep(tokens[end].text)
    tree.assign("keywords", text, "", listed.start)
    return after


def _keywords_after_abstract(st: Body, index: int) -> int:
    """Right after a labelled abstract, a line of short items split by ';' with no
    label of its own ('摘要' ⏎ '本文…。' ⏎ '甲;乙;丙') is the keyword list: read so,
    with a warning."""
    tokens = st.tokens
    tree = st.tree
    if (
        "abstract" not in tree.scalars
        or "keywords" in tree.lists
        or index + 1 >= len(tokens)
        or tokens[index].kind is not Kind.SEP
        or tokens[index].text.count("\n") > 1
        or tokens[index + 1].kind is not Kind.SEGMENT
        or not ends_paragraph(tokens[index - 1].text)
    ):
        return index
    after = _list_end(st, index + 1)
    if after < len(tokens) and tokens[after].kind is not Kind.SEP:
        return index  # the list is no line of its own
    text = "".join(t.text for t in tokens[index + 1 : after])
    if not (";" in text or "；" in text) or not _bare_keyword_line(text):
        return index
    tree.sep(tokens[index].text)
    tree.diagnose(
        "front-matter-unlabelled",
        tokens[index + 1].start,
        f"'{text[:20]}' after the abstract has no label and was read as the keywords",
    )
    tree.assign("keywords", text, "", tokens[index + 1].start)
    return after


def _list_end(st: Body, index: int) -> int:
    """Where a bare list that starts at segment ``index`` ends: in a single-line body
    a list written with a space after each ';' (`甲; 乙; 丙`) runs over the segments
    that end in ';' and the one after them; elsewhere it is the one segment."""
    tokens = st.tokens
    end = index + 1
    while (
        not st.multiline
        and end - index < _MAX_LIST_SEGMENTS
        and tokens[end - 1].text[-1:] in ";；"
        and end + 1 < len(tokens)
        and tokens[end].kind is Kind.SEP
        and tokens[end + 1].kind is Kind.SEGMENT
    ):
        end += 2
    return end


_MAX_LIST_SEGMENTS: Final = 20
"""Tokens a bare list spread over segments may take (ten items and their spaces)."""


def _fund_sentence(st: Body, index: int) -> int:
    """Right after the front matter, one sentence that names a funded project and its
    number ('本项目由某某计划资助,项目号2020011。', '本文系某基金项目(19BZZ001)的阶段性
    成果。') is the fund note written with no label; read so, with a warning."""
    tokens = st.tokens
    tree = st.tree
    if (
        not st.placed
        or "fund" in tree.scalars
        or index >= len(tokens)
        or tokens[index].kind is not Kind.SEGMENT
    ):
        return index
    text = tokens[index].text
    if not fund_sentence(text):
        return index
    tree.diagnose(
        "front-matter-unlabelled",
        tokens[index].start,
        f"'{text[:20]}…' names a funded project and was read as the fund note",
    )
    tree.assign("fund", text, "", tokens[index].start)
    return index + 1


def fund_sentence(text: str) -> bool:
    """One sentence with a funding word, a project word and a grant number."""
    core = text.rstrip()
    if not 10 <= len(core) <= _LONGEST_FUND or core[-1:] != "。" or "。" in core[:-1]:
        return False
    if not any(word in core for word in _FUND_WORDS):
        return False
    if not any(word in core for word in _PROJECT_WORDS):
        return False
    return _GRANT_NUMBER.search(core) is not None


_LONGEST_FUND: Final = 200
_FUND_WORDS: Final = ("资助", "基金", "資助", "支持")
_PROJECT_WORDS: Final = ("项目", "項目", "课题", "課題", "计划", "計劃")
# '2020011', '19BZZ001', '2019YFC0840700', 'No. 31872'
_GRANT_NUMBER: Final = regex.compile(r"(?<![0-9A-Za-z])[A-Z]{0,4}\d{2,}[A-Z]{0,5}\d{3,}|\d{5,}")


def _abstract_pair(st: Body, index: int) -> bool:
    """A record page that shows only an abstract and its translation, both with no
    label: the rest of the body is one Chinese paragraph, then one paragraph of
    English sentences. Read as the abstract and the English abstract, with a
    warning (no article's text is two such paragraphs and nothing else)."""
    tokens = st.tokens
    tree = st.tree
    if (
        not st.multiline
        or "abstract" in tree.scalars
        or "abstract_en" in tree.scalars
        or index + 2 >= len(tokens)
        or tokens[index].kind is not Kind.SEGMENT
        or tokens[index + 1].kind is not Kind.SEP
        or tokens[index + 2].kind is not Kind.SEGMENT
        or any(t.kind is not Kind.SEP for t in tokens[index + 3 :])
    ):
        return False
    chinese = tokens[index].text
    english = tokens[index + 2].text
    if (
        len(chinese) < _MIN_PAIR_ABSTRACT
        or not ends_paragraph(chinese)
        or sum(1 for c in chinese if is_han(c)) * 2 < len(chinese)
        or not english_prose(english)
        or any(is_han(c) for c in english)
    ):
        return False
    tree.diagnose(
        "front-matter-unlabelled",
        tokens[index].start,
        "a Chinese paragraph and an English one, alone in the body, were read as the abstracts",
    )
    tree.assign("abstract", chinese, "", tokens[index].start)
    tree.sep(tokens[index + 1].text)
    tree.assign("abstract_en", english, "", tokens[index + 2].start)
    for token in tokens[index + 3 :]:
        tree.sep(token.text)
    return True


_MIN_PAIR_ABSTRACT: Final = 50
"""Fewest characters of a Chinese abstract read with no label beside its translation."""


def _bare_keyword_line(text: str) -> bool:
    """'法律责任;责任条款;立法设计': two to ten short items split by ';', nothing else;
    or, with no ';' (food and engineering journals), three to ten split by commas
    ('卤制鸭脖,电子鼻,主成分分析') or by '、' with no comma, none holding a space."""
    semicolons = ";" in text or "；" in text
    if semicolons:
        items = text.replace("；", ";").split(";")
    elif "、" in text and "," not in text and "，" not in text:
        items = text.split("、")  # '甲、乙、丙' (record pages of literature databases)
    else:
        items = text.replace("，", ",").split(",")
    if items and not items[-1].strip():
        items.pop()  # a ';' at the end
    if not semicolons and (len(items) < _MIN_COMMA_ITEMS or any(" " in i.strip() for i in items)):
        return False
    return 2 <= len(items) <= 10 and all(
        0 < len(item.strip()) <= 15 and not any(c in "。，,：:！？" for c in item) for item in items
    )


_MIN_COMMA_ITEMS: Final = 3
"""Fewest items a comma-separated list of bare keywords has (two may be a clause)."""


def teaser_end(st: Body, index: int) -> int:
    """A page that prints a summary of the article before its title (a portal's
    lead, the text's first paragraph shown twice): in a multi-line body, when prose
    at ``index`` is followed, before any label or heading, by a line that is the
    title written again, the token index of that line; -1 otherwise."""
    tokens = st.tokens
    title = st.tree.scalars.get("title")
    if not st.multiline or not title or index >= len(tokens):
        return -1
    if tokens[index].kind is not Kind.SEGMENT or not prose_shaped(tokens[index].text):
        return -1
    start = tokens[index].start
    position = index + 1
    while position < len(tokens) and position - index <= _TEASER_TOKENS:
        token = tokens[position]
        if token.kind is Kind.LABEL or token.start - start > _TEASER_CHARS:
            return -1
        if token.kind is Kind.SEGMENT:
            if token.marker is not None and opens_content(st, position):
                return -1
            if title_again(token.text, title):
                return position
        position += 1
    return -1


_TEASER_TOKENS: Final = 12
"""Tokens (lines and line ends) a summary before the title written again may take."""
_TEASER_CHARS: Final = 2_000
