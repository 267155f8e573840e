"""Write a folder of generated scrape-format articles for batch runs.

    python benchmarks/make_corpus.py OUTDIR --count 10000 [--seed 1] [--per-folder 1000]

Files are built from a few templates: front matter with varied labels, a
section tree renumbered for every file (decimal ``1.2.1`` or the Chinese
``一、 / （一） / 1. / (1)`` chain), paragraphs drawn from a pool that includes the
number traps (``2019年…``, ``3.5%的…``), list items marked ``(1)`` / ``1)`` under
decimal headings (paragraphs, docs/format.md 4.5), sometimes a reference list, and the
site chrome after the body. Bodies are single-line (as in the seed) or one
segment per line; about one file in ten is GB18030, some have a BOM or CRLF
line ends. The output is deterministic for a given seed. Files go into
numbered subfolders of ``--per-folder`` files each.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

TOPICS = (
    ("基层党建", "加强和创新基层党建工作探讨", ["基层党建", "理念", "机制", "方法"], "D267"),
    (
        "乡村振兴",
        "乡村振兴背景下农村土地流转问题研究",
        ["乡村振兴", "土地流转", "农民增收"],
        "F321",
    ),
    ("课程思政", "高校课程思政建设的路径探析", ["课程思政", "立德树人", "教学改革"], "G641"),
    ("桥梁检测", "混凝土桥梁裂缝成因及加固技术分析", ["桥梁", "裂缝", "加固"], "U445"),
    ("护理管理", "糖尿病患者延续性护理效果观察", ["糖尿病", "延续性护理", "血糖"], "R473"),
    ("县域经济", "县域经济高质量发展的制约因素与对策", ["县域经济", "高质量发展", "产业"], "F127"),
)

HEADINGS = (
    "引言",
    "研究背景",
    "现状分析",
    "存在的问题",
    "原因分析",
    "主要做法",
    "对策建议",
    "思想认识",
    "职能定位",
    "工作实效",
    "考评体系",
    "制度保障",
    "队伍建设",
    "资金投入",
    "技术路线",
    "实验设计",
    "结果分析",
    "讨论",
    "典型案例",
    "经验启示",
    "结论与展望",
)

SENTENCES = (
    "随着经济社会的不断发展,{topic}工作面临新的形势和任务,需要在实践中不断总结经验。",
    "当前,部分地区对{topic}的认识还不够到位,工作推进中存在重形式轻实效的现象。",
    "2019年以来,全县共投入专项资金1200万元,用于{topic}相关基础设施建设。",
    "3.5%的受访者认为现有政策落实不到位,另有部分受访者表示对政策内容了解不多。",
    "10个乡镇先后开展了试点工作,形成了一批可复制、可推广的经验做法。",
    "1.2万名群众参与了问卷调查,调查结果显示总体满意度较上年有所提高。",
    "为此,应当进一步健全工作机制,明确责任分工,强化考核评价,确保各项措施落到实处。",
    "实践表明,只有坚持问题导向,才能找准{topic}工作的着力点和突破口。",
    "我們在調研中發現,基層幹部普遍反映任務重、人手少,工作壓力較大。",
    "同时,要注重发挥信息化手段的作用,提高工作效率和服务水平。",
    "从长远看,{topic}是一项系统工程,需要多方协同、久久为功。",
    "据统计,2021年相关项目完成率达到92.6%,比上年提高4.3个百分点。",
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"
CHROME = (
    "随便看 |",
    "|",
    "科学优质学术资源、百科知识分享平台,免费提供知识科普、生活经验分享、中外学术论文、各类范文、学术文献、教学资料、学术期刊、会议、报纸、杂志、工具书等各类资源检索、在线阅读和软件app下载服务。",
)
CN_NUMERALS = "一二三四五六七八九十"


def make_article(rng: random.Random) -> tuple[str, str]:
    """One article's text and the encoding to write it in."""
    topic, title, keywords, clc = rng.choice(TOPICS)
    multiline = rng.random() < 0.5
    chinese = rng.random() < 0.25
    glued = not multiline and not chinese and rng.random() < 0.7
    colon = rng.choice((":", "："))
    segments = [" ".join(_name(rng) for _ in range(rng.randint(1, 3)))]
    segments.append(
        f"摘要{colon}" + "".join(_sentence(rng, topic) for _ in range(rng.randint(2, 4)))
    )
    segments.append(
        f"关键词{colon}" + rng.choice((";", "；")).join(rng.sample(keywords, len(keywords)))
    )
    segments.append(f"中图分类号{colon}{clc}")
    segments.append(f"文献标识码{colon}A")
    if rng.random() < 0.3:
        segments.append(
            f"文章编号{colon}1671-{rng.randint(1000, 9999)}(20{rng.randint(10, 23)}){rng.randint(1, 30):02d}-0{rng.randint(10, 99)}-0{rng.randint(1, 9)}"
        )
    segments.extend(_sections(rng, topic, chinese, glued))
    if rng.random() < 0.4:
        references = [
            f"[{i}]{_name(rng)}.{rng.choice(HEADINGS)}研究[J].学术期刊,20{rng.randint(10, 23)}({rng.randint(1, 12)}):{rng.randint(1, 99)}-{rng.randint(100, 199)}."
            for i in range(1, rng.randint(2, 8))
        ]
        segments.append("参考文献" + colon + ("\n" if multiline else " ").join(references))
    body = "\n".join(segments) if multiline else " ".join(segments)
    rows = [f"标题 | {title} |", f"范文 | {body} |", *CHROME]
    text = "\n".join(rows)
    if rng.random() < 0.2:
        text = text.replace("\n", "\r\n")
    roll = rng.random()
    encoding = "gb18030" if roll < 0.1 else "utf-8-sig" if roll < 0.15 else "utf-8"
    return text, encoding


def _sections(rng: random.Random, topic: str, chinese: bool, glued: bool) -> list[str]:
    segments: list[str] = []
    gap = "" if glued else " "
    start = 0 if rng.random() < 0.3 and not chinese else 1
    for top in range(start, start + rng.randint(2, 6)):
        segments.append(_heading(chinese, gap, (top,)) + rng.choice(HEADINGS))
        segments.extend(_paragraphs(rng, topic))
        for second in range(1, rng.randint(0, 4) + 1):
            segments.append(_heading(chinese, gap, (top, second)) + rng.choice(HEADINGS))
            segments.extend(_paragraphs(rng, topic))
            for third in range(1, (rng.randint(0, 3) if rng.random() < 0.3 else 0) + 1):
                segments.append(_heading(chinese, gap, (top, second, third)) + rng.choice(HEADINGS))
                segments.extend(_paragraphs(rng, topic))
                if chinese and rng.random() < 0.3:
                    # the fourth level of the Chinese chain: '(1)' headings
                    for fourth in range(1, rng.randint(1, 3) + 1):
                        segments.append(f"({fourth})" + rng.choice(HEADINGS))
                        segments.extend(_paragraphs(rng, topic))
            if not chinese and rng.random() < 0.2:
                segments.extend(_list_items(rng, topic))
    return segments


def _list_items(rng: random.Random, topic: str) -> list[str]:
    """GB/T 7713's 列项 under a decimal heading: paragraphs that keep their marker."""
    marker = rng.choice(("({})", "{})", "（{}）"))
    return [marker.format(n) + _sentence(rng, topic) for n in range(1, rng.randint(2, 4) + 1)]


def _heading(chinese: bool, gap: str, number: tuple[int, ...]) -> str:
    if not chinese:
        return ".".join(map(str, number)) + gap
    last = number[-1]
    if len(number) == 1:
        return CN_NUMERALS[last - 1] + "、"
    if len(number) == 2:
        return f"（{CN_NUMERALS[last - 1]}）"
    return f"{last}."


def _paragraphs(rng: random.Random, topic: str) -> list[str]:
    return [
        "".join(_sentence(rng, topic) for _ in range(rng.randint(1, 4)))
        for _ in range(rng.randint(1, 3))
    ]


def _sentence(rng: random.Random, topic: str) -> str:
    return rng.choice(SENTENCES).format(topic=topic)


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def write_corpus(folder: Path, count: int, seed: int = 1, per_folder: int = 1000) -> None:
    rng = random.Random(seed)
    for index in range(count):
        text, encoding = make_article(rng)
        target = folder / f"{index // per_folder:03d}" / f"{index:06d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode(encoding))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path, help="folder to write (created if missing)")
    parser.add_argument("--count", type=int, default=1000, help="number of files (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--per-folder", type=int, default=1000, help="files per subfolder (default 1000)"
    )
    args = parser.parse_args()
    write_corpus(args.outdir, args.count, args.seed, args.per_folder)
    print(f"wrote {args.count} files under {args.outdir}")


if __name__ == "__main__":
    main()
