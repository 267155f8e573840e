# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""The body row: the front-matter zone, then content and back matter.

The body's tokens go through three states: the front-matter zone (labelled
fields in any order, and the unlabelled parts :mod:`.frontmatter` recognises:
authors, affiliations, English lines, the title again), content (paragraphs
and headings, decided by the numbering state), and back-matter blocks
(references, notes). The owning :class:`~.builder.Builder` holds the tree,
the layout and the diagnostics.

Paragraphs in a single-line body: a space ends a paragraph only where a
paragraph can end (:func:`~.numbering.ends_paragraph`), before a heading, a
label or a reference; any other space is part of the paragraph.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final, cast

import regex

from ..model import Reference, Section
from . import patterns
from .frontmatter import (
    author_names,
    english_affiliation,
    lead_parts,
    name_list,
    site_tags,
    split_affiliations,
)
from .labels import (
    BACK_MATTER_TITLES,
    BLOCK_FIELDS,
    DATE_LABELS,
    FRONT_LABELS,
    LIST_FIELDS,
    NAME_FIELDS,
    SHORT_FIELDS,
    UNNUMBERED_TITLES,
)
from .names import looks_like_affiliation, valid_name
from .numbering import Verdict, ends_paragraph, find_marker, is_quantity, looks_like_title
from .tokens import Kind, Marker, Token
from .trusted import trusted_node

if TYPE_CHECKING:
    from .builder import Builder

MAX_VALUE_SEGMENTS: Final = 120
"""How many segments a single-line front-matter value may span to reach the next label."""
MAX_LIST_SEGMENTS: Final = 12
"""How many segments a single-line list (keywords) may span to reach the next label."""
MAX_ABSTRACT_LINES: Final = 6
"""How many more lines an abstract in a multi-line body may take to reach the next label."""
MAX_UNPLACED_CHARS: Final = 150
"""Unlabelled text this close before a label is front matter that was not placed."""
MAX_RUN_IN_TITLE: Final = 30
"""How far into a heading's line a run-in title may end ('（一）加强领导。各级…')."""

_CONTENT, _REFERENCES, _NOTES = "content", "references", "notes"
_LOST_SPACE: Final = "? \u00a0"
# What a page writes between two labelled values on one line ('收稿日期：2021-03-15；修回日期：…').
_BETWEEN_LABELS: Final = ";；"
# Fields whose value keeps a ';' before the next label: lists split it off themselves.
_KEEPS_SEPARATOR: Final = frozenset({"keywords", "keywords_en", "clc", "authors", "affiliations"})
_AHEAD: Final = 80
_TAGS_AHEAD: Final = 60  # tokens between a site's tag line and the article's keyword label
_CODED_FIELDS: Final = frozenset({"fund", "extra"})
_DOI_END: Final = frozenset(" \t\u3000\u00a0,，;；")
# How a value that is no sentence may end: a bracket, a digit, a Latin letter.
_VALUE_END: Final = frozenset(
    ")）]】" + "0123456789" + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)

# What each unlabelled part of the front matter becomes: a list or scalar field,
# or a key of metadata.extra.
_PART_FIELDS: Final = {
    "authors": "authors",
    "affiliations": "affiliations",
    "title_en": "title_en",
}
_PART_EXTRA_KEYS: Final = {
    "affiliation_en": "英文单位",
    "title": "标题",
    "column": "栏目",
    "authors_en": "英文作者",
    "english": "英文",
}


def _value_shape(field: str, text: str) -> bool:
    """Whether ``text`` can be the value of a short field (an empty '文章编号:' never
    takes the next heading as its value)."""
    if not text:
        return False
    if field == "document_code":
        return 1 <= len(text) <= 4 and text[0].isascii() and text[0].isalpha()
    if field == "clc":
        return text[0].isascii() and text[0].isalpha() and any(c.isdigit() for c in text)
    if field == "doi":
        return text.startswith("10.") or text[:4].lower() == "doi:"
    if field == "article_number":
        # '1000-0000(2019)01-0001-03': never the '1' of '1 引言'
        return len(text) >= 6 and "-" in text and any(c.isdigit() for c in text)
    return sum(c.isdigit() for c in text) >= 4  # a date


class HeadingPlan:
    """A segment read as a heading, before the tree changes (a plain slotted class:
    a native object in the compiled build)."""

    __slots__ = (
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
    ) -> None:
        self.verdict = verdict
        self.title = title
        self.gap = gap
        self.end = end  # token index after the heading
        self.title_end = title_end  # offset where the title ends
        self.run_in = run_in  # the separator between a run-in title and its paragraph ('' if none)
        self.paragraph_at = paragraph_at  # the token holding the run-in paragraph's start
        self.paragraph_skip = paragraph_skip  # where that paragraph starts in it (0: none)


class BodyBuilder:
    """The body row's tokens: front matter, then content and back matter."""

    def __init__(self, owner: Builder, tokens: list[Token]) -> None:
        self.owner = owner
        self.tokens = tokens
        self.multiline = any(t.kind is Kind.SEP and "\n" in t.text for t in tokens)
        self.state = _CONTENT
        self.entry_parts: list[str] = []  # continuation text of the open reference
        self.placed: set[str] = set()  # list fields the front matter has written
        self.planned: tuple[int, HeadingPlan] | None = None  # a heading already judged
        self.entry_end = 0
        self.numbered = 0  # references numbered '1.', '2.' so far

    def run(self) -> None:
        tokens = self.tokens
        index, skip = self._front(0)
        if skip:
            index = self._paragraph(index, skip)
        else:
            index = self._unlabelled_front(index)
        while index < len(tokens):
            index = self._content(index)
        self._finish_entry()

    # ---------------------------------------------------------- front matter

    def _front(self, index: int) -> tuple[int, int]:
        """Consume the front-matter zone; return where the content starts (a token
        index and an offset into that token)."""
        tokens = self.tokens
        owner = self.owner
        while index < len(tokens):
            token = tokens[index]
            if token.kind is Kind.SEP:
                owner._sep(token.text)
                index += 1
            elif token.kind is Kind.LABEL:
                if token.field in BLOCK_FIELDS:
                    return index, 0
                if token.field in NAME_FIELDS:
                    # '作者:张三 单位:某大学': the names are read as unlabelled authors
                    owner._text(token.text)
                    index += 1
                else:
                    index = self._labelled(index)
            elif self._bracketed_label(index):
                owner._text(token.text)
                index = self._labelled(index + 1, bracketed=True)
            elif self._opens_content(index):
                return index, 0
            else:
                index, skip = self._lead(index)
                if skip >= 0:
                    return index, skip
        return index, 0

    def _unlabelled_front(self, index: int) -> int:
        """A page that lost its labels: right after the authors, a paragraph and a
        short ';' list on its own ('甲;乙;丙', no full stop) are the abstract and the
        keywords. Read so, with a warning; without such a list the paragraph is text."""
        tokens = self.tokens
        owner = self.owner
        if (
            not self.placed
            or "abstract" in owner.scalars
            or "keywords" in owner.lists
            or index >= len(tokens)
            or tokens[index].kind is not Kind.SEGMENT
        ):
            return index
        end = index + 1
        while (
            not self.multiline
            and end + 1 < len(tokens)
            and not ends_paragraph(tokens[end - 1].text)
            and tokens[end].kind is Kind.SEP
            and tokens[end + 1].kind is Kind.SEGMENT
        ):
            end += 2
        if not ends_paragraph(tokens[end - 1].text) or end + 1 >= len(tokens):
            return index
        listed = tokens[end + 1]
        if (
            tokens[end].kind is not Kind.SEP
            or listed.kind is not Kind.SEGMENT
            or not _bare_keyword_line(listed.text)
        ):
            return index
        owner._diagnose("front-matter-unlabelled", tokens[index].start, "")
        owner._assign(
            "abstract", "".join(t.text for t in tokens[index:end]), "", tokens[index].start
        )
        owner._sep(tokens[end].text)
        owner._assign("keywords", listed.text, "", listed.start)
        return end + 2

    def _opens_content(self, index: int) -> bool:
        """A segment that would be the document's first heading ('1 引言', '一、绪论')."""
        token = self.tokens[index]
        marker = token.marker
        if marker is None or marker.parts not in ((0,), (1,)):
            return False
        if marker.scheme in ("decimal", "circled") and _numbered_affiliation(
            self._text_ahead(index)
        ):
            return False
        return self._heading_plan(index, after_open=False) is not None

    def _text_ahead(self, index: int) -> str:
        """The segment at ``index`` and, in a single-line body, the few after it up to
        a label or the next numbered segment: enough to tell
        '1.某大学 公共管理学院,江苏 南京 210000' from '1 引言'."""
        tokens = self.tokens
        if self.multiline:
            return tokens[index].text
        end = index + 1
        size = len(tokens[index].text)
        while end < len(tokens) and size < _AHEAD and tokens[end].kind is not Kind.LABEL:
            if tokens[end].marker is not None or ends_paragraph(tokens[end - 1].text):
                break
            size += len(tokens[end].text)
            end += 1
        return "".join(t.text for t in tokens[index:end])

    def _lead_stop(self, index: int) -> int:
        """Where the unlabelled text from ``index`` ends: the next label or heading."""
        tokens = self.tokens
        for position in range(index + 1, len(tokens)):
            token = tokens[position]
            if token.kind is Kind.LABEL:
                return position
            if token.kind is Kind.SEGMENT and token.marker is not None:
                if self._opens_content(position):
                    return position
        return len(tokens)

    def _lead(self, index: int) -> tuple[int, int]:
        """Unlabelled front text from ``index``: authors, affiliations, English lines.

        Returns (token index, -1) when all of it was placed, or the token index and
        offset where the content starts.
        """
        tokens = self.tokens
        owner = self.owner
        stop = self._lead_stop(index)
        label_follows = (
            stop < len(tokens)
            and tokens[stop].kind is Kind.LABEL
            and tokens[stop].field not in BLOCK_FIELDS
        )
        while stop > index and tokens[stop - 1].kind is Kind.SEP:
            stop -= 1
        text = "".join(t.text for t in tokens[index:stop])
        base = tokens[index].start
        for part in lead_parts(text, owner.scalars.get("title"), self.multiline):
            raw = text[part.start : part.end]
            offset = base + part.start
            if part.kind == "space":
                owner._sep(raw)
            elif part.kind == "trivia":
                owner._text(raw)
            elif part.kind == "unknown":
                if not label_follows or len(text) - part.start > MAX_UNPLACED_CHARS:
                    self._warn_if_names(raw, offset)
                    return self._token_at(index, stop, offset)
                owner._diagnose(
                    "front-matter-unplaced", offset, f"'{_excerpt(raw)}' stands among the labels"
                )
                owner._add_paragraph(raw, offset)
            else:
                self._place(part.kind, raw, offset)
        return stop, -1

    def _place(self, kind: str, raw: str, offset: int) -> None:
        owner = self.owner
        if kind == "authors":
            listed = name_list(raw, author_names(raw))
            more = "authors" in self.placed
            owner._set_list("authors", raw, "", offset, listed.split, listed.forms, more)
            self.placed.add("authors")
        elif kind == "affiliations":
            more = "affiliations" in self.placed
            owner._set_list("affiliations", raw, "", offset, split_affiliations(raw), more=more)
            self.placed.add("affiliations")
        elif kind == "chrome":
            owner._add_chrome(raw)
        elif kind in _PART_FIELDS:
            owner._assign(_PART_FIELDS[kind], raw, "", offset)
        else:
            owner._set_extra(_PART_EXTRA_KEYS[kind], raw)

    def _warn_if_names(self, raw: str, offset: int) -> None:
        """The zone ends at text that may be an author line the recognizers refused."""
        head = raw.split()[0] if raw.split() else raw
        if valid_name(head.rstrip("。！？!?…：:")) and head != raw.rstrip():
            if self.owner.lists.get("authors") is None:
                self.owner._diagnose(
                    "front-matter-unplaced", offset, f"'{head}' may be an author's name"
                )

    def _token_at(self, index: int, stop: int, offset: int) -> tuple[int, int]:
        tokens = self.tokens
        for position in range(index, max(stop, index + 1)):
            token = tokens[position]
            if token.start + len(token.text) > offset:
                return position, offset - token.start
        return stop, 0

    def _bracketed_label(self, index: int) -> bool:
        """'（' before a label, as in '（作者单位：某县委组织部）' and '（责任编辑：李明）'."""
        tokens = self.tokens
        return (
            tokens[index].text in ("（", "(")
            and index + 1 < len(tokens)
            and tokens[index + 1].kind is Kind.LABEL
            and tokens[index + 1].field not in BLOCK_FIELDS
        )

    def _labelled(self, index: int, bracketed: bool = False) -> int:
        """A front-matter label and its value; returns the index after the value.
        ``bracketed``: a bracket opened before the label and closes after the value."""
        tokens = self.tokens
        owner = self.owner
        label = tokens[index]
        field = label.field
        start = index + 1
        lead = ""
        if self._value_on_next_line(start, field):
            lead = tokens[start].text
            start += 1
        if self._site_tags_segment(start, field):
            end = start + 1  # '关键词:三治德治党组织 张三 …': the tags are one segment
        else:
            end = self._value_end(start, _reach_field(field, label.text), bracketed)
        raw = "".join(t.text for t in tokens[start:end])
        if field == "keywords" and not bracketed and site_tags(raw.strip()):
            if self._keywords_ahead(end):
                owner._add_chrome(label.text + lead + raw)  # the site's tags; the list follows
                return end
            if self._name_follows(end):
                owner._diagnose("keywords-unsplit", label.start, f"'{_excerpt(raw.strip())}'")
        owner._text(label.text)
        owner._text(lead)
        junk = ""
        if bracketed and raw[-1:] in "）)":
            raw, junk = raw[:-1], raw[-1:]
        elif field in SHORT_FIELDS:
            # 'G623.5??', 'A ?': the '?' a page shows for lost spaces is no part of a code
            kept = raw.rstrip(_LOST_SPACE)
            raw, junk = kept, raw[len(kept) :]
        if field not in _KEEPS_SEPARATOR and self._label_follows(end):
            # the '；' between two labelled values on one line belongs to neither
            kept = raw.rstrip(" \t\u3000")
            if kept[-1:] in _BETWEEN_LABELS:
                junk = kept[-1:] + raw[len(kept) :] + junk
                raw = kept[:-1]
        if not raw:
            owner._diagnose("empty-field", label.start, f"'{label.text.strip()}' has no value")
        owner._assign(field, raw, label.text, label.start)
        owner._text(junk)
        return end

    def _label_follows(self, index: int) -> bool:
        """A label comes next on the same line (after at most a space in a single-line body)."""
        tokens = self.tokens
        if index < len(tokens) and tokens[index].kind is Kind.SEP:
            if "\n" in tokens[index].text:
                return False
            index += 1
        return index < len(tokens) and tokens[index].kind is Kind.LABEL

    def _site_tags_segment(self, index: int, field: str) -> bool:
        """In a single-line body, a site's tag line: a run of tags before the article's
        own keywords or before the author's name ('关键词:社区食堂养老服务 沈某')."""
        tokens = self.tokens
        if (
            field != "keywords"
            or self.multiline
            or index + 2 >= len(tokens)
            or tokens[index].kind is not Kind.SEGMENT
            or not site_tags(tokens[index].text)
        ):
            return False
        return self._name_follows(index + 1) or self._keywords_ahead(index + 1)

    def _name_follows(self, index: int) -> bool:
        """Whether the segment after the separator at ``index`` starts with a name (the
        author line a mirror prints after its tag line)."""
        tokens = self.tokens
        if index + 1 >= len(tokens) or tokens[index].kind is not Kind.SEP:
            return False
        words = tokens[index + 1].text.split()
        return (
            tokens[index + 1].kind is Kind.SEGMENT
            and bool(words)
            and valid_name(words[0].rstrip(",，、"))
        )

    def _keywords_ahead(self, index: int) -> bool:
        """Whether the article's own keyword label follows within a few tokens (after a
        site's tag line)."""
        tokens = self.tokens
        for token in tokens[index : index + _TAGS_AHEAD]:
            if token.kind is Kind.LABEL and token.field == "keywords":
                return True
        return False

    def _value_on_next_line(self, index: int, field: str) -> bool:
        """'摘要：' alone on its line, the abstract on the next one (for a code, only a
        line of its shape)."""
        tokens = self.tokens
        if field in SHORT_FIELDS and index + 1 < len(tokens):
            if not _value_shape(field, tokens[index + 1].text.strip()):
                return False
        return (
            self.multiline
            and index + 1 < len(tokens)
            and tokens[index].kind is Kind.SEP
            and "\n" in tokens[index].text
            and tokens[index + 1].kind is Kind.SEGMENT
            and not self._opens_content(index + 1)
        )

    def _value_end(self, index: int, field: str, bracketed: bool = False) -> int:
        tokens = self.tokens
        if index >= len(tokens) or tokens[index].kind is not Kind.SEGMENT:
            return index
        if field == "doi":
            return self._doi_end(index)
        if bracketed:
            closed = self._bracket_end(index)
            if closed is not None:
                return closed
        if self.multiline:
            return self._line_value_end(index, field)
        if field in SHORT_FIELDS:
            return self._short_value_end(index, field)
        if field in LIST_FIELDS:
            latin = field == "keywords_en"
            reach, at_label = self._reach(
                index, MAX_LIST_SEGMENTS, lambda position: self._stops_list(position, latin)
            )
            return reach if reach is not None and at_label else self._list_end(index)
        chinese = not field.endswith("_en")
        reach, at_label = self._reach(
            index, MAX_VALUE_SEGMENTS, lambda position: self._stops_value(position, chinese)
        )
        if reach is not None and at_label and field in ("abstract", "abstract_en"):
            return reach  # an abstract of several paragraphs runs to the next label
        end = self._sentence_end(index, reach, field in _CODED_FIELDS)
        return self._postcode_end(index, end) if field == "affiliations" else end

    def _postcode_end(self, index: int, end: int) -> int:
        """A single-line affiliation value that would run on into prose ends after the
        postcode before it ('作者单位：某大学，湖南 长沙 410081 该方法…。')."""
        tokens = self.tokens
        for position in range(index, end - 2):
            token = tokens[position]
            following = tokens[position + 2]
            if (
                token.kind is Kind.SEGMENT
                and _ends_with_postcode(token.text)
                and tokens[position + 1].kind is Kind.SEP
                and following.kind is Kind.SEGMENT
                and any(c in "。！？" for c in following.text)
            ):
                return position + 1
        return end

    def _line_value_end(self, index: int, field: str) -> int:
        """In a multi-line body, a value is the rest of its line (up to a label on it);
        a value that ends in ';' goes on with the next line ('作者简介:张三，…；' then
        '李四，…。'), unless that line is a label or a heading."""
        tokens = self.tokens
        end = index
        while end < len(tokens) and tokens[end].kind is not Kind.LABEL:
            if tokens[end].kind is Kind.SEP and "\n" in tokens[end].text:
                previous = tokens[end - 1].text
                following = end + 1
                if (
                    field in SHORT_FIELDS
                    or field in LIST_FIELDS
                    or previous[-1:] not in "；;"
                    or tokens[end].text.count("\n") > 1
                    or following >= len(tokens)
                    or tokens[following].kind is not Kind.SEGMENT
                    or (tokens[following].marker is not None and self._opens_content(following))
                ):
                    break
            end += 1
        while end > index and tokens[end - 1].kind is Kind.SEP:
            end -= 1
        if field in ("abstract", "abstract_en"):
            return self._abstract_lines(end)
        return end

    def _abstract_lines(self, end: int) -> int:
        """An abstract printed over several lines ('目的 …' / '方法 …' / '结果 …'): the
        lines up to the next label are the abstract when that label comes within
        ``MAX_ABSTRACT_LINES`` lines and no heading stands before it."""
        tokens = self.tokens
        lines = 0
        position = end
        last = end  # the end of the last line of text on the way
        while position < len(tokens):
            token = tokens[position]
            if token.kind is Kind.LABEL:
                if token.field in BLOCK_FIELDS or position == end:
                    return end
                return last
            if token.kind is Kind.SEGMENT:
                if not any(c.isalnum() for c in token.text) or token.text.isascii():
                    return last  # a bullet, or the English title, before the next label
                last = position + 1
                lines += 1
                if lines > MAX_ABSTRACT_LINES or (
                    token.marker is not None and self._opens_content(position)
                ):
                    return end
            position += 1
        return end

    def _short_value_end(self, index: int, field: str) -> int:
        """'中图分类号: D630', '文献标识码: A': one segment of the field's shape (or
        none), and for CLC codes the codes that follow ('TP391; TP18')."""
        tokens = self.tokens
        text = tokens[index].text
        if field == "document_code" and len(text) > 2 and text[1] == " " and text[0].isupper():
            # 'A Lightweight detection…': the space after a one-letter code separates,
            # though it stands between Latin letters
            self._split_token(index, 1, 2)
        text = tokens[index].text
        end = index + 1
        if (
            field == "clc"
            and patterns.CLC_CLASS.fullmatch(text) is not None
            and index + 2 < len(tokens)
            and tokens[index + 1].text == " "
            and patterns.CLC_NUMBER.fullmatch(tokens[index + 2].text) is not None
        ):
            end = index + 3  # 'G 807.04': the class letter, a space, the number
        elif not _value_shape(field, text):
            return index
        while (
            field == "clc"
            and end + 1 < len(tokens)
            and tokens[end].kind is Kind.SEP
            and tokens[end + 1].kind is Kind.SEGMENT
            and (
                tokens[end - 1].text[-1] in ";；,，、"
                or patterns.CLC_CODE.fullmatch(tokens[end + 1].text) is not None
            )
        ):
            end += 2
        return end

    def _doi_end(self, index: int) -> int:
        """A DOI ends at whitespace or a comma ('10.12677/ACM.2022.12121697, PDF, …')."""
        text = self.tokens[index].text
        cut = next((i for i, c in enumerate(text) if c in _DOI_END), len(text))
        if 0 < cut < len(text):
            rest = cut
            while rest < len(text) and text[rest] in _DOI_END:
                rest += 1
            if rest < len(text):
                self._split_token(index, cut, rest)
        return index + 1 if _value_shape("doi", self.tokens[index].text) else index

    def _bracket_end(self, index: int) -> int | None:
        """After '（作者单位：', the value ends with the closing bracket (a segment is
        cut after it when more text is glued to it)."""
        tokens = self.tokens
        for position in range(index, min(len(tokens), index + MAX_LIST_SEGMENTS)):
            token = tokens[position]
            if token.kind is Kind.LABEL:
                return None
            if token.kind is not Kind.SEGMENT:
                continue
            found = next((i for i, c in enumerate(token.text) if c in "）)"), -1)
            if found < 0:
                continue
            if found + 1 < len(token.text):
                self._split_token(position, found + 1, found + 1)
            return position + 1
        return None

    def _split_token(self, index: int, cut: int, rest: int) -> None:
        """Cut the segment at ``index`` into a segment, a separator (none when
        ``cut == rest``) and a segment."""
        token = self.tokens[index]
        text = token.text
        start = token.start
        pieces = [Token(Kind.SEGMENT, text[:cut], start, marker=find_marker(text[:cut]))]
        if rest > cut:
            pieces.append(Token(Kind.SEP, text[cut:rest], start + cut))
        pieces.append(
            Token(Kind.SEGMENT, text[rest:], start + rest, marker=find_marker(text[rest:]))
        )
        self.tokens[index : index + 1] = pieces

    def _list_end(self, index: int) -> int:
        """A list with no label after it: items that end in a separator, or short
        space-separated items ('民事 调解 仲裁'), up to the first longer text."""
        tokens = self.tokens
        end = index + 1
        # a list split by ';' or ',' goes on only after a separator; one split by
        # spaces goes on over short items
        spaced = not any(c in ";；,，、" for c in tokens[index].text[:-1])
        while end + 1 < len(tokens) and tokens[end].kind is Kind.SEP:
            following = tokens[end + 1]
            if following.kind is not Kind.SEGMENT:
                break
            if following.marker is not None and self._opens_content(end + 1):
                break  # '…卷积网络; 1 引言'
            previous = tokens[end - 1].text
            if previous[-1] in "。." or not _short_item(following, previous):
                break
            if previous[-1] not in ";；,，、" and not spaced:
                break
            end += 2
        return end

    def _sentence_end(self, index: int, reach: int | None, coded: bool) -> int:
        """Up to the first place where a paragraph can end (or ``reach``); ``coded``:
        a value that may end with a bracketed code ('…课题(2020JJ3412)') ends there."""
        tokens = self.tokens
        limit = reach if reach is not None else min(len(tokens), index + MAX_VALUE_SEGMENTS)
        end = index + 1
        while end < limit and not ends_paragraph(tokens[end - 1].text):
            if tokens[end].kind is Kind.LABEL:
                break
            if coded and tokens[end - 1].text[-1:] in ")）" and tokens[end].kind is Kind.SEP:
                break
            end += 1
        while end > index + 1 and tokens[end - 1].kind is Kind.SEP:
            end -= 1
        return end

    def _reach(
        self, index: int, limit: int, stops: Callable[[int], bool]
    ) -> tuple[int | None, bool]:
        """In a single-line body, where a value running to the next label or to a
        segment that ``stops`` it ends (separators before it left out), and whether
        a label ended it; None when neither is near."""
        tokens = self.tokens
        segments = 0
        for position in range(index, len(tokens)):
            token = tokens[position]
            at_label = token.kind is Kind.LABEL and token.field not in BLOCK_FIELDS
            if token.kind is Kind.LABEL or (token.kind is Kind.SEGMENT and stops(position)):
                if position == index:
                    return None, False
                end = position
                while end > index and tokens[end - 1].kind is Kind.SEP:
                    end -= 1
                return end, at_label
            if token.kind is Kind.SEGMENT:
                segments += 1
                if segments > limit:
                    return None, False
        return None, False

    def _stops_value(self, position: int, chinese: bool) -> bool:
        """A heading ends a value: with its title glued to its number ('1引言'), or
        after the end of a sentence or of a code-like value ('…。 1 引言',
        '…(19BZZ001) 1 引言'), never after a word inside a sentence ('分为 1 组').
        ``chinese``: so does an English title after the end of a Chinese value."""
        tokens = self.tokens
        token = tokens[position]
        marker = token.marker
        if position < 2:
            return False
        previous = tokens[position - 2].text
        if marker is None:
            text = token.text
            return (
                chinese
                and text.isascii()
                and " " in text
                and text[0].isupper()
                and not previous.isascii()
                and (ends_paragraph(previous) or previous[-1:] in _VALUE_END)
            )
        glued = marker.title_start < len(token.text)
        after_value = ends_paragraph(previous) or previous[-1:] in _VALUE_END
        return (glued or after_value) and self._opens_content(position)

    def _stops_list(self, position: int, latin: bool) -> bool:
        """A heading or a piece of prose ends a single-line list, and so does an
        English phrase after a Chinese one."""
        token = self.tokens[position]
        if token.marker is not None and self._opens_content(position):
            return True
        text = token.text
        if text.isascii():
            return not latin and " " in text
        return len(text) > 30 or any(c in "。，！？" for c in text[:-1])

    # --------------------------------------------------------------- content

    def _content(self, index: int) -> int:
        token = self.tokens[index]
        owner = self.owner
        if token.kind is Kind.SEP:
            owner._sep(token.text)
            return index + 1
        if self._bracketed_label(index):
            self._finish_entry()
            owner._text(token.text)
            self.state = _CONTENT
            return self._labelled(index + 1, bracketed=True)
        if token.kind is Kind.LABEL:
            self._finish_entry()
            if token.field in BLOCK_FIELDS:
                owner._text(token.text)
                self.state = token.field
                return index + 1
            self.state = _CONTENT
            return self._labelled(index)
        if token.kind is Kind.SEGMENT and _end_chrome(token.text) is not None:
            self._finish_entry()
            return self._chrome_run(index)
        if token.kind is Kind.SEGMENT and self._english_back_matter(index):
            # 'Title in English' / 'ZHANG San' / 'Abstract: …' after the text or the references
            self._finish_entry()
            self.state = _CONTENT
            index, skip = self._lead(index)
            return self._paragraph(index, skip) if skip > 0 else index
        if self.state != _CONTENT and token.marker is None and token.kind is Kind.SEGMENT:
            title = _part_title(token.text, self.multiline)
            if title in BACK_MATTER_TITLES:
                # '致谢' or '附录' after the references ends the block; a part title
                # with no number is a paragraph, as everywhere (headings are numbered)
                self._finish_entry()
                self.state = _CONTENT
                return self._paragraph(index)
        if self.state != _CONTENT:
            return self._entry(index)
        if token.marker is not None:
            taken = self._heading(index)
            if taken:
                return taken
        return self._paragraph(index)

    def _paragraph(self, index: int, skip: int = 0) -> int:
        """A paragraph from the segment at ``index`` (from its offset ``skip``).

        Tokens glued to it (a label with no space before it) belong to it; in a
        single-line body so does every space that does not end it.
        """
        tokens = self.tokens
        first = tokens[index]
        pieces = [first.text[skip:] if skip else first.text]
        end = self._glue(pieces, index + 1)
        # '引言 随着…': a title written with no number stands as a paragraph of its own
        alone = len(pieces) == 1 and pieces[0] in UNNUMBERED_TITLES
        if not self.multiline and not alone:
            while (
                end + 1 < len(tokens)
                and tokens[end].kind is Kind.SEP
                and tokens[end + 1].kind is Kind.SEGMENT
                and not ends_paragraph(pieces[-1])
            ):
                following = end + 1
                if _end_chrome(tokens[following].text) is not None:
                    break  # chrome never enters a paragraph
                if tokens[following].marker is not None:
                    plan = self._heading_plan(following, after_open=True)
                    if plan is not None:
                        self.planned = (following, plan)  # _heading takes it from here
                        break
                pieces.append(tokens[end].text)
                pieces.append(tokens[following].text)
                end = self._glue(pieces, following + 1)
        text = pieces[0] if len(pieces) == 1 else "".join(pieces)
        self.owner._add_paragraph(text, first.start + skip)
        return end

    def _glue(self, pieces: list[str], end: int) -> int:
        tokens = self.tokens
        while end < len(tokens) and tokens[end].kind is not Kind.SEP:
            pieces.append(tokens[end].text)
            end += 1
        return end

    def _heading_plan(self, index: int, after_open: bool) -> HeadingPlan | None:
        """Whether the segment at ``index`` is a heading, and its parts.

        ``after_open``: the segment follows a paragraph that has not ended, where a
        bare number standing alone ('2', then its title after a space) is running
        text; a marker glued to its title or punctuated ('3结论', '一、') still
        starts a heading.
        """
        tokens = self.tokens
        token = tokens[index]
        marker = token.marker
        assert marker is not None
        segment = token.text
        strong = _punctuated_marker(marker, segment)
        title = segment[marker.title_start :]
        gap = segment[marker.end : marker.title_start]
        end = index + 1
        title_at, title_offset = index, marker.title_start
        title_end = token.start + len(segment)
        run_in = ""
        skip = 0
        if not title:
            if after_open and not _strong_marker(marker, segment):
                return None  # '共有 2 所学校': a number standing alone inside a sentence
            if self.multiline or index + 2 >= len(tokens):
                return None
            if tokens[index + 1].kind is not Kind.SEP or tokens[index + 2].kind is not Kind.SEGMENT:
                return None
            gap += tokens[index + 1].text
            title = tokens[index + 2].text
            if is_quantity(marker.parts, title):
                return None
            title_end = tokens[index + 2].start + len(title)
            end = index + 3
            title_at, title_offset = index + 2, 0
        if len(title) == 1 and title_offset + 1 == len(tokens[title_at].text):
            padded = self._padded_title(title_at, title)
            if padded:
                title += padded
                end = title_at + 3
                title_end = tokens[end - 1].start + 1
        if not looks_like_title(title) and not (strong and _question_title(title)):
            # '（一）加强领导。各级…', and in a single-line body '2.1 施工准备。开工前…'
            split = _run_in(title, self.multiline, strong or title_at != index)
            if split is not None:
                cut, paragraph_at = split
                run_in = title[cut:paragraph_at]
                skip = title_offset + paragraph_at
                title = title[:cut]
                title_end = tokens[title_at].start + title_offset + cut
        if not looks_like_title(title) and not (strong and _question_title(title)):
            return None
        verdict = self.owner.numbering.judge(marker.scheme, marker.parts)
        if verdict is None:
            return None
        return HeadingPlan(verdict, title, gap, end, title_end, run_in, title_at, skip)

    def _padded_title(self, title_at: int, title: str) -> str:
        """'0引 言 近年来…': in a single-line body, the rest of a title written with no
        number whose two characters stand a space apart (the space and the second
        character); '' when the title is not one."""
        tokens = self.tokens
        if self.multiline or title_at + 2 >= len(tokens):
            return ""
        gap, second = tokens[title_at + 1], tokens[title_at + 2]
        if (
            gap.kind is Kind.SEP
            and gap.text in (" ", "\u3000")
            and second.kind is Kind.SEGMENT
            and title + second.text in UNNUMBERED_TITLES
        ):
            return gap.text + second.text
        return ""

    def _heading(self, index: int) -> int:
        """Make the segment at ``index`` a heading if the numbering allows; 0 otherwise."""
        planned = self.planned
        if planned is not None and planned[0] == index:
            plan: HeadingPlan | None = planned[1]
        else:
            plan = self._heading_plan(index, after_open=False)
        self.planned = None
        if plan is None:
            return 0
        tokens = self.tokens
        token = tokens[index]
        marker = cast(Marker, token.marker)
        owner = self.owner
        verdict = plan.verdict
        if verdict.warning == "heading-too-deep":
            owner._diagnose(
                "heading-too-deep",
                token.start,
                f"'{marker.number}' is deeper than a heading may go",
            )
            return 0
        if verdict.warning is not None:
            owner._diagnose(
                verdict.warning,
                token.start,
                f"heading {marker.number} does not follow;"
                f" expected {verdict.expected or 'the next number'}",
            )
        owner.numbering.push(verdict, marker.scheme, marker.parts)
        section = trusted_node(
            Section,
            {
                "number": marker.number,
                "title": plan.title,
                "level": verdict.level,
                "scheme": marker.scheme,
                "marker": token.text[: marker.end],
                "gap": plan.gap,
                "sep": plan.run_in or None,
                "paragraphs": [],
                "subsections": [],
                "span": owner._span(token.start, plan.title_end),
            },
        )
        owner._add_section(section, verdict.keep)
        block = _BLOCK_TITLES.get(plan.title.strip())
        if block is not None:
            # '5 参考文献': a numbered heading that opens the references block
            self.state = block
        if plan.paragraph_skip:
            return self._paragraph(plan.paragraph_at, plan.paragraph_skip)
        return plan.end

    def _chrome_run(self, index: int) -> int:
        """Site chrome after the text ('上一篇：…', '版权所有 © …', '相关文章' and the
        titles listed under it): boilerplate, never a paragraph or a reference. In a
        single-line body the run takes the segments after it up to the end of a
        sentence, a label or a heading; in a multi-line body it is its line, and
        after a list header the lines below it up to such a line."""
        tokens = self.tokens
        owner = self.owner
        token = tokens[index]
        header = cast("regex.Match[str]", _end_chrome(token.text))["list"] is not None
        end = index + 1
        if not self.multiline or header:
            while (
                end + 1 < len(tokens)
                and tokens[end].kind is Kind.SEP
                and tokens[end + 1].kind is Kind.SEGMENT
                and not ends_paragraph(tokens[end - 1].text)
                and not self._opens_after_chrome(end + 1)
            ):
                if self.multiline:
                    owner._add_chrome("".join(t.text for t in tokens[index:end]))
                    owner._sep(tokens[end].text)
                    index = end + 1
                end += 2
        owner._add_chrome("".join(t.text for t in tokens[index:end]))
        return end

    def _opens_after_chrome(self, index: int) -> bool:
        """What ends a run of chrome: more chrome of its own (not the '©' of a
        '版权所有 © …' line), or a heading."""
        token = self.tokens[index]
        if _end_chrome(token.text) is not None and not token.text.startswith(_COPYRIGHT):
            return True
        marker = token.marker
        return marker is not None and self._heading_plan(index, after_open=False) is not None

    def _english_back_matter(self, index: int) -> bool:
        """An English line after the text that a few English lines later reaches
        'Abstract:' or 'Key words:' (a journal's English title, authors and
        affiliation printed after the references)."""
        tokens = self.tokens
        if not _english_line(tokens[index].text):
            return False
        segments = 1
        for position in range(index + 1, min(len(tokens), index + 2 * _ENGLISH_LINES)):
            token = tokens[position]
            if token.kind is Kind.LABEL:
                return segments > 0 and token.field in ("abstract_en", "keywords_en")
            if token.kind is Kind.SEGMENT:
                # authors and affiliation: ASCII, '(1. School of …)' included
                if not token.text.isascii() or "[J]" in token.text:
                    return False
                segments += 1
        return False

    def _entry(self, index: int) -> int:
        """A segment inside a references or notes block."""
        token = self.tokens[index]
        owner = self.owner
        field = self.state
        label_pattern = patterns.REFERENCE_LABEL if field == _REFERENCES else patterns.NOTE_LABEL
        text = token.text
        match = label_pattern.match(text)
        if match is None and field == _REFERENCES:
            match = self._numbered_reference(text)
        current = owner.last_node if isinstance(owner.last_node, Reference) else None
        if match is None and field == _REFERENCES and self._spaced_number(index, current):
            # '参考文献： 1 张三.题名[J]…. 2 李四…' in a single-line body: the number,
            # its space and the next segment are one entry
            self._finish_entry()
            self.numbered += 1
            space, entry = self.tokens[index + 1], self.tokens[index + 2]
            owner._add_entry(field, text + space.text, entry.text, token.start)
            return index + 3
        if match is None and current is not None and (current.label or not self.multiline):
            # a continuation: gathered and joined once, so a long entry costs linear time
            if not self.entry_parts:
                self.entry_parts.append(current.text)
            self.entry_parts.append(current.sep or "")
            self.entry_parts.append(text)
            current.sep = None
            self.entry_end = token.start + len(text)
            return index + 1
        self._finish_entry()
        if match is not None and match.re is patterns.NUMBERED_REFERENCE:
            self._numbered_entries(field, text, token.start)
            return index + 1
        next_entry = patterns.NEXT_REFERENCE if field == _REFERENCES else patterns.NEXT_NOTE
        pieces = next_entry.split(text)
        offset = token.start
        for piece in pieces:
            found = label_pattern.match(piece)
            label = found.group() if found else ""
            owner._add_entry(field, label, piece[len(label) :], offset)
            offset += len(piece)
        return index + 1

    def _numbered_entries(self, field: str, text: str, offset: int) -> None:
        """Entries numbered in sequence ('(1)…. (2)…'), several in one segment of a
        single-line body when the Latin spacing rule kept them together."""
        cuts = [0]
        for found in patterns.NEXT_NUMBERED_REFERENCE.finditer(text, 1):
            label = patterns.NUMBERED_REFERENCE.match(text, found.start())
            if label is not None and int(label["num"]) == self.numbered + len(cuts) + 1:
                cuts.append(found.start())
        cuts.append(len(text))
        for position in range(len(cuts) - 1):
            start, end = cuts[position], cuts[position + 1]
            label = cast("regex.Match[str]", patterns.NUMBERED_REFERENCE.match(text, start))
            self.numbered += 1
            self.owner._add_entry(field, label.group(), text[label.end() : end], offset + start)

    def _spaced_number(self, index: int, current: Reference | None) -> bool:
        """A segment that is only the next number of a list numbered '1 ', '2 ' in a
        single-line body, before the entry's text: the first entry of its block, or
        after entries numbered so."""
        tokens = self.tokens
        text = tokens[index].text
        return (
            not self.multiline
            and text.isascii()
            and text.isdigit()
            and int(text) == self.numbered + 1
            and (self.numbered > 0 or current is None)
            and index + 2 < len(tokens)
            and tokens[index + 1].kind is Kind.SEP
            and tokens[index + 2].kind is Kind.SEGMENT
        )

    def _numbered_reference(self, text: str) -> regex.Match[str] | None:
        """'1. 张三.题名[J]…': a reference numbered with a dot, taken only when it
        continues the count of such entries (so '2018.' is no label)."""
        match = patterns.NUMBERED_REFERENCE.match(text)
        if match is None or int(match["num"]) != self.numbered + 1:
            return None
        return match

    def _finish_entry(self) -> None:
        if not self.entry_parts:
            return
        current = self.owner.last_node
        assert isinstance(current, Reference)
        current.text = "".join(self.entry_parts)
        if current.span is not None:
            current.span = self.owner._span(current.span.start, self.entry_end)
        self.entry_parts = []


_BLOCK_TITLES: Final = {form: field for field in BLOCK_FIELDS for form in FRONT_LABELS[field]}


# The first characters END_CHROME can match: most segments are spared the pattern.
_END_CHROME_FIRST: Final = frozenset("相热推延精最猜上下本文原转版免点立返C©")
_COPYRIGHT: Final = ("©", "Copyright")
_LONGEST_PART_TITLE: Final = max(len(title) for title in UNNUMBERED_TITLES)
_ENGLISH_LINES: Final = 6  # English segments before 'Abstract:' after the text


def _end_chrome(text: str) -> regex.Match[str] | None:
    if text[:1] not in _END_CHROME_FIRST:
        return None
    return patterns.END_CHROME.match(text)


def _english_line(text: str) -> bool:
    """A line of English back matter: ASCII starting with a word, no reference shape."""
    return (
        text[:1].isascii()
        and text[:1].isalpha()
        and text.isascii()
        and any(c.isalpha() for c in text[1:4])
        and patterns.REFERENCE_LABEL.match(text) is None
        and "[J]" not in text
        and "[M]" not in text
    )


def _ends_with_postcode(text: str) -> bool:
    """'410081', '210000）', '250100;': a six-digit postcode at the end of ``text``."""
    core = text.rstrip(")）;；,，")
    return (
        len(core) >= 6 and core[-6:].isascii() and core[-6:].isdigit() and not core[-7:-6].isdigit()
    )


def _part_title(text: str, multiline: bool) -> str:
    """The part title with no number that the segment ``text`` is ('结语', in a
    multi-line body also '结　语', given back as '结语') or starts with before a
    colon ('致谢：感谢…'); '' when it is none."""
    colon = -1
    for position in range(min(len(text), _LONGEST_PART_TITLE + 1)):
        if text[position] in "：:":
            colon = position
            break
    if colon > 0:
        return text[:colon] if text[:colon] in UNNUMBERED_TITLES else ""
    if len(text) > _LONGEST_PART_TITLE + 2:
        return ""
    if text in UNNUMBERED_TITLES:
        return text
    compact = text.replace(" ", "").replace("\u3000", "") if multiline else ""
    return compact if compact in UNNUMBERED_TITLES else ""


def _strong_marker(marker: Marker, segment: str) -> bool:
    """A marker that cannot be a bare number in running text: punctuated or with
    several parts ('2.1')."""
    return _punctuated_marker(marker, segment) or len(marker.parts) > 1


def _punctuated_marker(marker: Marker, segment: str) -> bool:
    """'一、', '（一）', '(1)', '①', '1.': a marker of its own scheme or with its
    punctuation, not a bare decimal number."""
    return marker.scheme != "decimal" or segment[marker.end - 1] in ".．、"


def _run_in(title: str, multiline: bool, punctuated: bool) -> tuple[int, int] | None:
    """A title that runs into its paragraph: '加强领导。各级…' (the title ends at a
    full stop, colon or question mark), or in a multi-line body '施工准备 本项目…'
    (at a space). After a punctuated marker ('（一）', '一、', '1.') the title may be
    short parallel phrases ('领导重视，措施有力。'); otherwise a comma means a
    sentence. Returns (where the title ends, where the paragraph starts)."""
    phrase = 0
    for index, char in enumerate(title[: MAX_RUN_IN_TITLE + 1]):
        if char in "，,":
            if not punctuated or not 2 <= phrase <= _MAX_PHRASE:
                return None
            phrase = 0
            continue
        if char in "；;":
            return None
        if char in "。：:？?":
            if (
                index < 2
                or index + 1 >= len(title)
                or (phrase > _MAX_PHRASE and "，" in title[:index])
            ):
                return None
            cut = index + 1 if char in "？?" else index  # a question keeps its mark
            return _paragraph_after(title, cut, index + 1)
        if multiline and char in patterns.HSPACE_CHARS:
            if index < 2 or title[:index].isascii() or "，" in title[:index]:
                return None
            return _paragraph_after(title, index, index)
        phrase += 1
    return None


def _paragraph_after(title: str, cut: int, after: int) -> tuple[int, int] | None:
    """(cut, where the paragraph starts past the space after ``after``), or None
    when no paragraph text follows."""
    while after < len(title) and title[after] in patterns.HSPACE_CHARS:
        after += 1
    return (cut, after) if after < len(title) else None


_MAX_PHRASE: Final = 8
"""Longest phrase of a run-in title made of parallel phrases."""


def _question_title(title: str) -> bool:
    """'什么是新质生产力？': a heading may ask a question."""
    return (
        title[-1:] in "？?" and 2 <= len(title) <= 40 and not any(c in "。，,；;！!" for c in title)
    )


def _bare_keyword_line(text: str) -> bool:
    """'法律责任;责任条款;立法设计': two to ten short items split by ';', nothing else;
    or, with no ';' (food and engineering journals), three to ten split by commas
    ('卤制鸭脖,电子鼻,主成分分析'), none holding a space."""
    semicolons = ";" in text or "；" in text
    if semicolons:
        items = text.replace("；", ";").split(";")
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


def _short_item(token: Token, previous: str) -> bool:
    """A keyword: short, no punctuation, no heading marker, and not an English phrase
    after Chinese items (or Chinese after English)."""
    text = token.text
    if text.isascii() != previous.isascii() and (" " in text or not text.isascii()):
        return False  # an English phrase after Chinese items, or Chinese after English
    if text[-1] == "。" and len(text) <= _LAST_ITEM:
        text = text[:-1]  # '电子商务。': the last item (no paragraph is so short)
    return (
        len(text) <= 15
        and token.marker is None
        and text not in UNNUMBERED_TITLES  # '… 乙 丙 引言 随着…'
        and not any(c in "。！？，,：:" for c in text)
    )


_LAST_ITEM: Final = 9
"""Longest keyword that may end a space-separated list with '。'."""


def _reach_field(field: str, label: str) -> str:
    """The field whose reach a value takes: a date kept in extra ('修回日期') reaches
    as far as 收稿日期 does."""
    if field == "extra" and "".join(label.split()).strip("【】[]〔〕［］:：") in DATE_LABELS:
        return "received"
    return field


def _numbered_affiliation(text: str) -> bool:
    """'1.某某大学 经济学院,湖北 武汉 430000': an institution with its address, not
    a heading ('1.大学生心理健康')."""
    return (looks_like_affiliation(text) or english_affiliation(text)) and (
        any(c in ",，;；" for c in text) or sum(c.isdigit() for c in text) >= 6
    )


def _excerpt(text: str) -> str:
    return text if len(text) <= 20 else text[:20] + "…"
