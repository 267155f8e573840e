"""A labelled set for near-duplicate detection, built from the fixtures and generated articles.

Originals: every fixture under fixtures/ (real pages and variants), articles of
benchmarks/make_corpus.py, and articles written here on the subjects of the
generated ones (same title, keywords and vocabulary, different sentences: the
hard negatives). An original whose text is already mostly inside another
original (exact shingle containment of 0.5 or more: the fixtures hold the same
article in two layouts, and generated articles draw on one pool of sentences)
is left out, so that no two originals are unlabelled copies of each other.

Copies, the way mirror sites make them, alone or combined:

- ``chrome``: other title row, source and chrome rows, another footer;
- ``traditional``: converted to traditional characters (OpenCC ``s2t``), with
  pinyin annotations after some characters (``關(guān)``) and full-width digits;
- ``truncated``: the body cut after two thirds of its length;
- ``rewrapped``: a one-line body laid out one segment per line, or the reverse.

Each item is ``(name, text, origin)``; two items are duplicates exactly when
their origins are equal.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import opencc
import regex
from corpus_files import MAKE_CORPUS
from fixture_files import FIXTURES

from articleparse import normalize, parse
from articleparse.corpus.fingerprint import compared_text
from articleparse.corpus.minhash import comparable_text
from articleparse.serialize.record import to_record

MUTATIONS = ("chrome", "traditional", "truncated", "rewrapped")
SYLLABLES = ("guān", "jiàn", "shù", "zhōng", "xué", "fǎ", "yǔ", "lǜ", "jīng", "huà", "shēng")
TITLE_SUFFIXES = (" - 范文网", "_毕业论文", "（全文）", " - 道客巴巴", "_论文范文_免费下载")
FOOTERS = (
    "本文来源于网络，仅供学习参考，如有侵权请联系删除。",
    "相关推荐：更多优秀范文请访问本站首页。",
    "版权所有 © 文档分享平台 京ICP备00000000号",
)
SUBJECTS = (
    "基层组织",
    "有关部门",
    "各级政府",
    "相关单位",
    "广大干部",
    "学校",
    "企业",
    "社区",
    "村委会",
    "医院",
)
VERBS = ("完善", "落实", "推进", "优化", "加强", "探索", "建立", "规范", "深化", "统筹")
OBJECTS = (
    "考核机制",
    "服务流程",
    "培训制度",
    "资金管理",
    "信息平台",
    "监督体系",
    "激励办法",
    "协作机制",
    "宣传工作",
    "评价标准",
)
TAILS = (
    "以提升整体效能",
    "并形成长效机制",
    "从而增强群众获得感",
    "进一步夯实工作基础",
    "确保政策落地见效",
    "为后续工作积累经验",
    "切实解决突出问题",
    "推动工作提质增效",
    "营造良好发展环境",
    "实现资源共享",
)
PLACES = (
    "在城区",
    "在农村",
    "在试点地区",
    "在山区县",
    "在沿海地区",
    "在老旧小区",
    "在职业院校",
    "在中小企业",
)
_TO_TRADITIONAL = opencc.OpenCC("s2t")
_HAN = regex.compile(r"\p{Han}")


@dataclass(frozen=True, slots=True)
class Item:
    name: str
    text: str
    origin: str


MIN_ARTICLE = 150
"""Fewest characters of article text an original of the labelled set has."""


def originals(generated: int = 80, written: int = 80, seed: int = 7) -> list[Item]:
    """The distinct originals: fixtures, make_corpus articles and written same-subject ones."""
    rng = random.Random(seed)
    # fixtures with an article of some length: a copy cut to two thirds of a text of
    # a few sentences keeps too few shingles to be told from a text on the same subject
    found = [
        Item(p.name, text, p.name)
        for p in sorted(FIXTURES.rglob("*.txt"))
        if len(article_text(text := _read(p))) >= MIN_ARTICLE
    ]
    corpus_rng = random.Random(seed)
    for index in range(generated):
        text, _ = MAKE_CORPUS.make_article(corpus_rng)
        found.append(Item(f"generated-{index:03d}.txt", text.replace("\r\n", "\n"), f"g{index}"))
    for index in range(written):
        found.append(Item(f"written-{index:03d}.txt", same_subject_article(rng), f"w{index}"))
    return _distinct(found)


def same_subject_article(rng: random.Random) -> str:
    """An article on one of make_corpus's subjects, in sentences of its own."""
    topic, title, keywords, clc = rng.choice(MAKE_CORPUS.TOPICS)
    segments = [
        MAKE_CORPUS._name(rng),
        "摘要:" + "".join(_sentence(rng, topic) for _ in range(3)),
        "关键词:" + ";".join(keywords),
        f"中图分类号:{clc} 文献标识码:A",
    ]
    for top in range(1, rng.randint(3, 5)):
        segments.append(f"{top}{rng.choice(MAKE_CORPUS.HEADINGS)}")
        for _ in range(rng.randint(2, 3)):
            segments.append("".join(_sentence(rng, topic) for _ in range(rng.randint(2, 4))))
    body = " ".join(segments)
    return "\n".join([f"标题 | {title} |", f"范文 | {body} |", *MAKE_CORPUS.CHROME])


def _sentence(rng: random.Random, topic: str) -> str:
    year = rng.randint(2010, 2023)
    return (
        f"{year}年{rng.choice(PLACES)},{rng.choice(SUBJECTS)}围绕{topic}{rng.choice(VERBS)}"
        f"{rng.choice(OBJECTS)},{rng.choice(TAILS)}。"
    )


def labelled_set(seed: int = 11) -> list[Item]:
    """The originals and their copies, shuffled (so copies often come before their original)."""
    rng = random.Random(seed)
    items: list[Item] = []
    for original in originals():
        items.append(original)
        for copy in range(rng.choice((0, 1, 1, 2, 3))):
            count = rng.choice((1, 1, 2, 3))
            chosen = rng.sample(MUTATIONS, count)
            text = mutate(original.text, chosen, rng)
            name = f"{original.name}.copy{copy}-{'+'.join(chosen)}.txt"
            items.append(Item(name, text, original.origin))
    rng.shuffle(items)
    return items


def mutate(text: str, mutations: list[str], rng: random.Random) -> str:
    """``text`` as a mirror site would copy it, one change after another."""
    for mutation in _ORDER:  # the layout changes first, while the labels are simplified
        if mutation in mutations:
            text = _MUTATORS[mutation](text, rng)
    return text


def _other_chrome(text: str, rng: random.Random) -> str:
    rows = text.split("\n")
    rows = [
        row[:-2] + rng.choice(TITLE_SUFFIXES) + " |"
        if row.startswith("标题 | ") and row.endswith(" |")
        else row
        for row in rows
    ]
    body = next(
        (i for i, row in enumerate(rows) if row.startswith(("范文 | ", "正文 | ", "内容 | "))), None
    )
    end = len(rows)
    if body is not None:
        end = next((i for i in range(body, len(rows)) if rows[i].endswith("|")), len(rows) - 1) + 1
    rows = [*rows[:end], "来源 | 文档分享平台 |", "|", rng.choice(FOOTERS)]
    return "\n".join(rows)


def _traditional(text: str, rng: random.Random) -> str:
    converted = _TO_TRADITIONAL.convert(text)
    pieces: list[str] = []
    for char in converted:
        pieces.append(char)
        if _HAN.match(char) and rng.random() < 0.08:
            pieces.append(f"({rng.choice(SYLLABLES)})")
    converted = "".join(pieces)
    if rng.random() < 0.5:
        converted = converted.translate({code: code + 0xFEE0 for code in range(0x30, 0x3A)})
    return converted


def _truncated(text: str, rng: random.Random) -> str:
    """The body cut where two thirds of the article's text (compared) remain.

    Measured on the text compared, not on the body value: in a short page the
    front matter (authors, affiliations, labels) is a large share of the value.
    """
    start = _body_start(text)
    end = text.find(" |\n", start)
    end = len(text) if end < 0 else end
    footer = " |\n|\n" + rng.choice(FOOTERS)
    goal = len(article_text(text)) * 2 // 3
    low, high = start, end
    while low < high:
        middle = (low + high) // 2
        if len(article_text(text[:middle] + footer)) < goal:
            low = middle + 1
        else:
            high = middle
    return text[:low] + footer


def article_text(text: str) -> str:
    """The characters that are compared, normalized, letters and digits only."""
    compared, normalized = compared_text(to_record(parse(normalize(text))))
    return comparable_text(compared, normalized=normalized)


def _rewrapped(text: str, rng: random.Random) -> str:
    start = _body_start(text)
    end = text.find(" |\n", start)
    end = len(text) if end < 0 else end
    body = text[start:end]
    if "\n" in body:
        body = body.replace("\r\n", " ").replace("\n", " ")
    else:
        body = regex.sub(r"(?<=[。;；:：!?！？]) (?=\S)", "\n", body)
        body = regex.sub(r" (?=\d+(?:\.\d+)*\S)", "\n", body)
    return text[:start] + body + text[end:]


def _body_start(text: str) -> int:
    for label in ("范文 | ", "正文 | ", "内容 | "):
        found = text.find(label)
        if found >= 0:
            return found + len(label)
    return 0


_ORDER = ("chrome", "truncated", "rewrapped", "traditional")
_MUTATORS = {
    "chrome": _other_chrome,
    "traditional": _traditional,
    "truncated": _truncated,
    "rewrapped": _rewrapped,
}


def pairwise(groups: dict[str, int], items: list[Item]) -> tuple[float, float, int, int, int]:
    """Pairwise precision and recall of a grouping (by item name) against the origins."""
    by_origin: dict[str, list[str]] = {}
    by_group: dict[int, list[str]] = {}
    for item in items:
        by_origin.setdefault(item.origin, []).append(item.name)
        by_group.setdefault(groups[item.name], []).append(item.name)
    origin_of = {item.name: item.origin for item in items}
    true_pairs = sum(len(names) * (len(names) - 1) // 2 for names in by_origin.values())
    found_pairs = sum(len(names) * (len(names) - 1) // 2 for names in by_group.values())
    correct = 0
    for names in by_group.values():
        counts: dict[str, int] = {}
        for name in names:
            counts[origin_of[name]] = counts.get(origin_of[name], 0) + 1
        correct += sum(n * (n - 1) // 2 for n in counts.values())
    precision = correct / found_pairs if found_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    return precision, recall, correct, found_pairs, true_pairs


def _read(path: Path) -> str:
    data = path.read_bytes()
    encoding = "gb18030" if path.name.endswith(".gb18030.txt") else "utf-8-sig"
    return data.decode(encoding).replace("\r\n", "\n")


def _distinct(items: list[Item], limit: float = 0.5) -> list[Item]:
    """Items whose text is not mostly inside an earlier one (exact 5-character shingles)."""
    kept: list[tuple[Item, set[str]]] = []
    for item in items:
        text = article_text(item.text)
        shingles = {text[i : i + 5] for i in range(max(1, len(text) - 4))}
        if any(
            len(shingles & other) >= limit * min(len(shingles), len(other)) for _, other in kept
        ):
            continue
        kept.append((item, shingles))
    return [item for item, _ in kept]
