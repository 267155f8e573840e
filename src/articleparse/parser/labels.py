# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""The label tables: every written form of a label, mapped to what it means.

A new label, a traditional spelling or another bracket style is a new entry
here, never a new branch in the tokenizer or the builder.
"""

from __future__ import annotations

from typing import Final

# Row labels (``LABEL | VALUE |``) with a meaning. Values are metadata field
# names, or the roles "body" and "chrome". Lookup uses the label stripped of
# surrounding whitespace; the label as written is kept in the layout.
ROW_ROLES: Final[dict[str, str]] = {
    "标题": "title",
    "題目": "title",
    "题目": "title",
    "篇名": "title",
    "標題": "title",
    "范文": "body",
    "範文": "body",
    "正文": "body",
    "内容": "body",
    "內容": "body",
    "全文": "body",
    "作者": "authors",
    "来源": "source",
    "來源": "source",
    "出处": "source",
    "关键词": "keywords",
    "關鍵詞": "keywords",
    "摘要": "abstract",
    "随便看": "chrome",
    "隨便看": "chrome",
    "上一篇": "chrome",
    "下一篇": "chrome",
    "相关文章": "chrome",
    "相关范文": "chrome",
    "相关推荐": "chrome",
    "热门文章": "chrome",
    "推荐阅读": "chrome",
    "猜你喜欢": "chrome",
    "": "chrome",
}

# Labels inside the body value. Each field lists its written forms; CJK forms
# also match with spaces between their characters (``摘 要``), and any form may
# sit in brackets (``【摘要】``, ``[摘 要]``, ``〔关键词〕``).
FRONT_LABELS: Final[dict[str, tuple[str, ...]]] = {
    # '论文摘要', '论文关键词': how model-essay (范文) sites head the essay's own fields.
    # '本文摘要', '论文中文摘要': a qualifier before the label is the same label.
    "abstract": (
        "论文中文摘要",
        "内容摘要",
        "内容提要",
        "中文摘要",
        "论文摘要",
        "本文摘要",
        "论文提要",
        "论文概要",
        "摘要",
        "提要",
        "概要",
    ),
    "keywords": (
        "中文关键词",
        "论文关键词",
        "论文关键字",
        "关键词语",
        "关键词",
        "关键字",
        "關鍵詞",
        "關鍵字",
        "主题词",
    ),
    "clc": (
        "中国图书资料分类号",
        "中国图书分类号",
        "中图分类号",
        "中圖分類號",
        "中图法分类号",
        "分类号",
    ),
    "document_code": ("文献标识码", "文獻標識碼", "文献标志码", "文獻標志碼", "文献标识"),
    "article_number": ("文章编号", "文章編號"),
    "doi": ("国际DOI编码", "DOI编码", "DOI号", "DOI", "doi", "Doi"),
    "fund": (
        "基金项目",
        "基金項目",
        "资助项目",
        "基金资助",
        "基金",
        "Foundation item",
        "Foundation Item",
        "Fund project",
        "Fund Project",
    ),
    "author_info": ("作者简介", "作者簡介", "第一作者简介"),
    "received": ("收稿日期", "收稿時間", "收稿时间", "投稿日期"),
    "title_en": ("英文标题", "英文題目", "英文题目", "英文篇名", "英文题名"),
    # '并列摘要': a thesis record's abstract in the other language
    "abstract_en": (
        "英文摘要",
        "并列摘要",
        "並列摘要",
        "Abstract",
        "ABSTRACT",
        "abstract",
        "Summary",
    ),
    "keywords_en": (
        "英文关键词",
        "Key words",
        "Key Words",
        "Keywords",
        "KEYWORDS",
        "KEY WORDS",
        "Key word",
        "key words",
        "keyword",
    ),
    # Where the article was first printed ('【来源】《某刊》2019年第4期', '出处').
    # A journal's name is where the article was printed ('【期刊名称】', '出版物刊名:').
    "source": (
        "文章来源",
        "原文出处",
        "文献出处",
        "出版物刊名",
        "Journal Name",
        "期刊名称",
        "刊物名称",
        "来源期刊",
        "期刊名",
        "刊名",
        "来源",
        "出处",
    ),
    "references": ("参考文献", "參考文獻", "主要参考文献"),
    "notes": ("注释", "注釋"),
    # Labels kept in metadata.extra under the label as written.
    "extra": (
        "通讯作者",
        "通信作者",
        "Corresponding author",
        "Corresponding Author",
        "通讯联系人",
        "修回日期",
        "录用日期",
        "接受日期",
        "网络出版时间",
        "网络出版日期",
        "网络首发时间",
        "出版日期",
        "发布日期",
        "修订日期",
        "本文引用格式",
        "引用格式",
        "引用本文",
        "Share and Cite",
        "Cite this article",
        "How to cite this article",
        "责任编辑",
        "指导老师",
        "指导教师",
        "指导教授",
        "指導教授",
        "JEL分类号",
        "学科代码",
        "学科分类号",
        "文章引用",
        # a site's lead, an editor's note, the title a repost replaced
        "核心提示",
        "编者按",
        "原标题",
        "原文标题",
        "论文题目",
        # the first author's bio or contact, as 通讯作者
        "第一作者",
        # a record page's issue fields, often glued to the value before them
        "年卷期",
        "期号",
        "页码",
    ),
    # After author_info and extra, whose forms begin with the same characters.
    "affiliations": ("作者单位", "作者單位", "作者机构", "机构地区", "单位", "單位"),
    "authors": ("作者姓名", "作者", "作　者", "撰写人", "撰寫人", "撰稿人", "Authors", "Author"),
}

# The field of a label found by its shape alone ('【期号】', '出 版 物:'), not in the
# table: in the front-matter zone its value goes to metadata.extra under the label
# as written; after it, it is text.
SHAPE_LABEL: Final = "label"

# Label-shaped words of a site's chrome ('浏览: 612', '上传用户:x', '您的位置:'): no
# labels of the article, left to the chrome recognizers.
SITE_LABELS: Final = frozenset(
    {"下载", "浏览", "阅读", "访问", "点击", "评论", "分享", "收藏", "举报", "热度", "被引量"}
    | {"浏览次数", "阅读量", "阅读次数", "点击量", "点击数", "下载次数", "访问量", "人气"}
    | {"上传用户", "上传人", "上传者", "您的位置", "当前位置", "所在位置", "你的位置", "分享到"}
    | {"页数", "文档编号", "上传时间", "字数", "大小", "格式"}
    # what a page says after the text, never the article's front matter
    | {"免责声明", "版权声明", "声明", "特别声明", "温馨提示"}
)

# Parts of a structured abstract ('目的:…', '方法:…'): label-shaped, yet inside the
# abstract, never labels of their own.
ABSTRACT_PARTS: Final = frozenset(
    {"目的", "方法", "结果", "结论", "背景", "意义", "对象", "目标", "材料与方法", "资料与方法"}
    | {"對象", "結果", "結論", "資料與方法", "材料與方法"}
)

# What a part's rubric ends with ('研究目的', '材料和方法', '主要结论'): a rubric is a
# short run of ideographs ending in one of these.
ABSTRACT_PART_ENDS: Final = ("目的", "方法", "结果", "结论", "背景", "意义", "对象", "目标")
ABSTRACT_PART_LONGEST: Final = 6


def abstract_part(word: str) -> bool:
    """Whether ``word`` (simplified, no spaces) is the rubric of a structured
    abstract's part: one of :data:`ABSTRACT_PARTS`, or a short run of ideographs
    ending in a part's word ('材料和方法', '研究目的')."""
    return word in ABSTRACT_PARTS or (
        len(word) <= ABSTRACT_PART_LONGEST and word.endswith(ABSTRACT_PART_ENDS)
    )


# Lower-case English forms ('keywords:', 'abstract:'): labels only with their colon,
# since the words also stand in English sentences.
# (Written without their spaces: 'key words' is 'keywords'.)
COLON_ONLY_LABELS: Final = frozenset({"abstract", "keywords", "keyword"})

# Labels distinctive enough to stand with a space instead of a colon in a
# single-line body ('摘要 以某企业为例…', 'Key words steel plant'); the short or
# common ones ('提要', '分类号', '作者') need their colon there.
BARE_LABELS: Final = frozenset(
    form
    for field in (
        "abstract",
        "keywords",
        "clc",
        "document_code",
        "article_number",
        "fund",
        "author_info",
        "received",
        "abstract_en",
        "keywords_en",
    )
    for form in (written.replace(" ", "") for written in FRONT_LABELS[field])
    if form not in ("提要", "分类号", "基金") and form not in COLON_ONLY_LABELS
)
# Short labels that are also words ('数据来源：', '产业基金：', '主持单位：'): a label
# only at a boundary, never glued to the text before it.
UNGLUED_LABELS: Final = frozenset({"来源", "出处", "基金", "单位"})
# Labels kept in extra whose value is a date ('修回日期：2021-05-20'): in a
# single-line body they reach one segment, as 收稿日期 does, so the names or the
# text after the date are not taken into it.
DATE_LABELS: Final = frozenset(
    {"修回日期", "录用日期", "接受日期", "网络出版时间", "网络出版日期", "网络首发时间"}
    | {"出版日期", "发布日期", "修订日期"}
)
# Short labels that may stand with a space when a code follows ('分类号 G642').
CODE_LABELS: Final = frozenset({"分类号"})
# How far a front-matter value reaches in a single-line body.
SHORT_FIELDS: Final = frozenset({"clc", "document_code", "article_number", "doi", "received"})
# Fields whose value on one line is names: it ends where the names end.
NAME_FIELDS: Final = frozenset({"authors"})
LIST_FIELDS: Final = frozenset({"keywords", "keywords_en", "clc"})
# Labels that may also stand after the article text (back matter).
LATE_FIELDS: Final = frozenset({"references", "notes", "author_info", "received", "fund"})
# Labels that open a block of entries rather than carrying one value.
BLOCK_FIELDS: Final = frozenset({"references", "notes"})
OPENING_FIELDS: Final = frozenset(
    {"abstract", "keywords", "abstract_en", "keywords_en", "clc", "document_code"}
)
"""Fields whose label belongs to the front matter, before the article's text."""

# Part titles that articles write with no number ('引言', '结语'), in simplified
# and traditional characters. Headings are numbered, so such a title is a
# paragraph (content.paragraphs): standing first in a single-line paragraph it is
# one of its own, and it ends a space-separated keyword list.
# BACK_MATTER_TITLES also end a references or notes block.
BACK_MATTER_TITLES: Final = frozenset(
    ("致谢", "致谢辞", "谢辞", "鸣谢", "附录", "后记", "致謝", "謝辭", "鳴謝", "附錄", "後記")
)
UNNUMBERED_TITLES: Final = BACK_MATTER_TITLES | frozenset(
    (
        "引言",
        "前言",
        "导言",
        "绪论",
        "绪言",
        "序言",
        "导论",
        "引论",
        "概述",
        "小结",
        "問題的提出",
        "问题的提出",
        "结语",
        "结论",
        "结束语",
        "余论",
        "结论与展望",
        "结论与建议",
        "结论与讨论",
        "总结与展望",
        "研究结论",
        "讨论",
        "材料与方法",
        "资料与方法",
        "对象与方法",
        "結語",
        "結論",
        "緒論",
        "緒言",
        "導言",
        "導論",
        "結束語",
        "餘論",
        "討論",
    )
)

# Characters that separate list items (keywords, CLC codes, authors).
LIST_SEPARATORS: Final = ";；,，、"

# What follows a number when it is a quantity, not a heading: units, measure
# words, and symbols (design.md §2, "Traps").
UNIT_CHARS: Final = frozenset(
    # Only characters that rarely begin a title: '部门', '公共', '人才', '项目',
    # '时代' are real titles glued to their numbers, so 部 公 人 项 时 are not here.
    "年月号%％‰万亿千百元个名次倍岁吨米:：/~～-—×·°"
    # measure words: '3家医院', '4类问题', '3组反应器', '2所学校', '6例患者'
    "家所类种例位台条户亩件篇批轮组栋座"
)
# Units of two characters whose first character often begins a title ('小时', '公里').
UNIT_WORDS: Final = ("小时", "公里", "公斤", "公顷", "平方", "立方", "毫升", "毫克", "千克", "分钟")
# Words that begin with a unit character yet are ordinary title words
# ('2.1个人所得税', '3年度考核').
UNIT_WORD_EXCEPTIONS: Final = frozenset(
    {"个人", "个体", "个性", "个案", "名称", "名师", "名校", "年度", "年龄", "年轻", "元素", "百姓"}
    | {"次生", "千方", "米粮", "元数据", "元宇宙", "月季", "名词", "倍增"}
    | {
        "家庭",
        "家长",
        "家校",
        "家族",
        "家风",
        "家园",
        "家居",
        "家政",
        "所得",
        "所有",
        "类型",
        "类别",
    }
    | {
        "种植",
        "种类",
        "种业",
        "种子",
        "种质",
        "例如",
        "位置",
        "台账",
        "条件",
        "条例",
        "户籍",
        "户外",
    }
    | {
        "件数",
        "篇章",
        "批判",
        "批评",
        "轮作",
        "轮换",
        "组织",
        "组建",
        "组合",
        "组成",
        "组态",
        "座谈",
    }
)

# Human-readable label for each metadata field, used for extra keys.
FIELD_LABELS: Final[dict[str, str]] = {
    "title": "标题",
    "title_en": "英文标题",
    "authors": "作者",
    "affiliations": "单位",
    "abstract": "摘要",
    "abstract_en": "Abstract",
    "keywords": "关键词",
    "keywords_en": "Key words",
    "clc": "中图分类号",
    "document_code": "文献标识码",
    "article_number": "文章编号",
    "doi": "DOI",
    "fund": "基金项目",
    "author_info": "作者简介",
    "received": "收稿日期",
    "source": "来源",
    "references": "参考文献",
    "notes": "注释",
}

# A journal's column names, which mirror sites print alone on a line before the
# title ('综 述'); read as a column only there, and only as a whole line.
COLUMN_NAMES: Final = frozenset(
    {
        "综述",
        "述评",
        "论著",
        "短篇论著",
        "临床研究",
        "基础研究",
        "实验研究",
        "临床报道",
        "经验交流",
        "个案报道",
        "病例报告",
        "调查研究",
        "专家论坛",
        "研究论文",
        "研究报告",
        "学术探讨",
        "理论探讨",
        "专题研究",
        "特别策划",
    }
)
