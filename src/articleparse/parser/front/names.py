# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Author names as people write them: the characters a name is made of, the
marks and roles around it, and the words that look like names but are not.

Pure data and two small scanners; the front-matter recognizers
(:mod:`.parts` and its recognizers) decide where an author line stands.
"""

from __future__ import annotations

from typing import Final, NamedTuple

import regex

from ..patterns import is_han as is_han

# Common single-character surnames (the great majority of Chinese names begin
# with one of these) and compound surnames, in simplified characters: a name in
# traditional or variant characters is looked up through :func:`simplified`.
SURNAMES: Final = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳"
    "甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解"
    "牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边"
    "卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗"
    "燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索"
    "宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危"
    "玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由萧阎钮郗傅"
)
# Traditional and variant forms of the characters of the name tables below
# (surnames, the words that are no names, roles, place and institution words),
# each followed by its simplified form: the traditional forms a converter writes
# for every simplified character in those tables (tests/test_surnames.py checks
# the table against a converter), then variants converters leave alone.
_TRADITIONAL_SIMPLIFIED: Final = (
    "萬万業业叢丛東东嚴严豐丰烏乌樂乐喬乔於于雲云會会餘余儲储兒儿黨党蘭兰關关內内農农馮冯況况劉刘辦办勞劳區区醫医華华單单盧卢衛卫衞卫厲厉縣县發发臺台"
    "葉叶呂吕吳吴員员團团園园國国處处婁娄孫孙學学寧宁實实審审宮宫賓宾導导爾尔堯尧嶽岳鞏巩帥帅師师幹干廣广莊庄慶庆應应龐庞張张強强總总戰战執执護护時时"
    "晉晋樸朴雜杂權权來来楊杨欒栾檢检樓楼歐欧畢毕漢汉湯汤濟济塗涂溫温遊游灣湾滿满濱滨獨独獻献蓋盖盤盘碩硕確确竇窦筆笔簡简紀纪練练經经結结緒绪綜综編编"
    "繆缪羅罗聶聂職职肅肃蘆芦蘇苏範范荊荆榮荣蕭萧蔣蒋藍蓝藺蔺見见規规計计訊讯講讲許许論论設设譯译語语諸诸談谈諶谌諧谐謝谢譚谭貴贵費费賀贺賈贾趙赵車车"
    "軒轩轅辕邊边遼辽連连遲迟鄧邓鄺邝鄔邬鄒邹鬱郁鄭郑鍾钟鈕钮錢钱銀银長长門门閆闫閉闭間间閔闵聞闻閻阎闕阙闞阚陽阳陰阴陸陆陳陈陝陕韋韦韓韩項项顧顾顏颜"
    "饒饶馬马駱骆驗验魯鲁鮑鲍鮮鲜麥麦黃黄齊齐龍龙龔龚"
    # variant forms
    "淩凌鐘钟"
)
_TO_SIMPLIFIED: Final[dict[str, str]] = {
    _TRADITIONAL_SIMPLIFIED[index]: _TRADITIONAL_SIMPLIFIED[index + 1]
    for index in range(0, len(_TRADITIONAL_SIMPLIFIED), 2)
}


def simplified(word: str) -> str:
    """``word`` with the traditional and variant characters of the name tables
    written in simplified form ('闞文博' is '阚文博', '大學' is '大学')."""
    return "".join([_TO_SIMPLIFIED.get(char, char) for char in word])


# The same surnames as an English author line writes them, in capitals
# ('ZHANG San', 'OUYANG Lin'): Hanyu Pinyin of the common ones.
_PINYIN_SURNAME_TEXT: Final = (
    "WANG LI ZHANG LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU GUO HE GAO LIN LUO"
    " ZHENG LIANG XIE SONG TANG HAN FENG DENG CAO PENG ZENG XIAO TIAN DONG YUAN PAN YU"
    " JIANG CAI DU YE CHENG SU WEI LYU LV LU DING REN SHEN YAO CUI ZHONG TAN FAN JIN SHI"
    " LIAO JIA XIA FU FANG BAI ZOU MENG XIONG QIN QIU YIN XUE YAN DUAN LEI HOU LONG TAO GU"
    " MAO HAO GONG SHAO WAN QIAN DAI MO KONG XIANG CHANG WEN KANG NIU GE XING AN QI YI"
    " QIAO PANG NI ZHUANG NIE YUE ZHAI GENG GUAN LAN JIAO ZUO GAN BAO NING SHANG SHU RUAN"
    " KE JI MEI TONG LING BI SHAN PEI HUO TU MIAO SHENG QU WENG RAN CHAI HUA PU TENG RAO"
    " MU NONG SI ZHUO CHE LOU DOU CEN JING DANG LENG XI MI BO ZONG QUAN YING ZANG MIN GOU"
    " BIAN SHA RONG SANG LANG ZHEN JU HUI LE CHU LAO OUYANG SIMA SHANGGUAN ZHUGE DONGFANG"
    " HUANGFU GONGSUN MURONG LINGHU XIMEN ZHANGSUN YUWEN XIAHOU DUANMU"
)
PINYIN_SURNAMES: Final = frozenset(_PINYIN_SURNAME_TEXT.split())
COMPOUND_SURNAMES: Final = frozenset(
    {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "西门", "长孙"}
    | {"宇文", "夏侯", "端木", "澹台", "轩辕", "申屠", "独孤", "南宫", "万俟", "闻人", "呼延"}
)
# The toggles a journal page prints under a list it folds (authors, affiliations),
# alone after the list: interface words, and no names ('展' is a surname).
TOGGLE_WORDS: Final = frozenset(
    {"展开", "展開", "收起", "Expand", "Collapse", "显示全部", "查看全部"}
)

NOT_NAMES: Final = TOGGLE_WORDS | frozenset(
    # words that begin with a surname character yet name no one
    {"方法", "方案", "方面", "方式", "方向", "高校", "高等", "高职", "关于", "常见", "常规", "于是"}
    # a page's interface words that do ('相关 推荐' above the title)
    | {"相关", "推荐", "热门", "评论", "阅读", "浏览", "点击", "下载", "分享", "收藏", "关注"}
    | {
        "结果",
        "目的",
        "结论",
        "背景",
        "前言",
        "引言",
        "概述",
        "总结",
        "结语",
        "绪论",
        "序言",
        "导言",
    }
    | {
        "江苏",
        "江西",
        "浙江",
        "安徽",
        "福建",
        "山东",
        "河南",
        "湖北",
        "湖南",
        "广东",
        "广西",
        "海南",
    }
    | {"四川", "贵州", "云南", "陕西", "甘肃", "青海", "宁夏", "新疆", "西藏", "黑龙江", "吉林"}
    | {"辽宁", "河北", "山西", "北京", "天津", "上海", "重庆", "香港", "澳门", "台湾", "内蒙古"}
    | {"中国", "我国", "全国", "国家", "单位", "作者", "通讯", "明确", "和谐", "时代", "时间"}
    | {"文献", "文章", "金融", "安全", "管理", "农业", "教育", "发展", "建设", "社会", "经济"}
    | {"南京", "武汉", "广州", "西安", "成都", "长沙", "杭州", "郑州", "济南", "合肥", "南昌"}
    | {"石家庄", "太原", "沈阳", "长春", "哈尔滨", "福州", "昆明", "贵阳", "南宁", "海口", "兰州"}
)
ROLE_WORDS: Final = frozenset(
    {"综述", "审校", "指导", "通讯作者", "通信作者", "执笔", "整理", "编译", "翻译", "译", "校"}
    | {"主编", "副主编", "等", "译者", "编者", "撰文", "供稿"}
    | {"教授", "副教授", "讲师", "博士", "硕士", "研究员", "主任", "医师", "主任医师", "护师"}
)
# Marks and separators that may stand between and after names: affiliation
# numbers, '*', '#', superscripts, the bullets some sites put before a name.
MARK_CHARS: Final = frozenset("0123456789*＊#※†‡§¶△▲☆★○●◎⊙□■·•/+¹²³⁴⁵⁶⁷⁸⁹⁰")
# The marks of a corresponding or equal author, which may follow an affiliation
# number after a space ('周某 1* (审校)').
_NOTE_MARKS: Final = frozenset("*＊#†‡※△▲☆★")
SEPARATOR_CHARS: Final = frozenset(",，、;；")
SPACE_CHARS: Final = frozenset(" \u3000\u00a0")
_OPENERS: Final = "(（"
_SENTENCE_MARKS: Final = frozenset("。！？!?…：:")  # a word before these ends a sentence
_CLOSERS: Final = ")）"
MAX_NAME: Final = 4
"""A Chinese name (surname included) has two to four characters."""


def valid_name(name: str, after_names: bool = False) -> bool:
    """Whether ``name`` reads as a person's name: two or three characters starting with
    a surname, four with a compound surname (欧阳), or a transliterated name with '·'
    (马木提江·吐尔逊). ``after_names``: it follows other names on an author line,
    where a rarer surname (钮, 覃) is taken too."""
    if "·" in name or "•" in name:
        return 3 <= len(name) <= 16 and all(is_han(c) or c in "·•" for c in name)
    name = simplified(name)
    if not 2 <= len(name) <= MAX_NAME or name in NOT_NAMES or name[0] == "某":
        return False
    if any(word in name for word in _PLACE_WORDS):
        return False
    if name[:2] in COMPOUND_SURNAMES:
        return True
    if len(name) == MAX_NAME or name in ROLE_WORDS:
        return False
    return after_names or name[0] in SURNAMES


_PLACE_WORDS: Final = (
    "大学",
    "学院",
    "医院",
    "学校",
    "中学",
    "小学",
    "公司",
    "中心",
    "研究",
    "省",
    "市",
    "县",
)


class Name(NamedTuple):
    start: int  # where the name as written starts
    end: int  # where it ends
    value: str  # the name, padding removed ('王 芳' is '王芳')


def scan_names(
    text: str, start: int, stop: int, ends: list[int] | None = None
) -> tuple[int, list[Name]]:
    """Names from ``start``: returns where the author text ends (after the last name
    and the marks, roles and short brackets glued to it) and the names found.

    Stops at a line end, at text that is not a name, and at ``stop``. Each
    character is looked at once or twice (a bracket is scanned to its closer
    within a few characters), so the cost is linear. ``ends``, when given,
    receives for each name where the author text ended before it: what a scan
    stopped at that name's start would return, so a caller can drop names from
    the end without scanning again.
    """
    names: list[Name] = []
    position = start
    end = start
    while position < stop:
        char = text[position]
        if is_han(char):
            run_end = position
            while run_end < stop and (is_han(text[run_end]) or text[run_end] in "·•"):
                run_end += 1
            run = text[position:run_end]
            if simplified(run) in ROLE_WORDS:
                if not names:
                    break
                position = end = run_end
                continue
            if len(run) == 1:
                padded = _padded(text, position, stop)
                if padded is None or not valid_name(padded.value, bool(names)):
                    break
                if ends is not None:
                    ends.append(end)
                names.append(padded)
                position = end = padded.end
                continue
            value = run
            if len(run) > 2 and run.endswith("等"):
                value = run[:-1]  # '张三等': et al.
            if not valid_name(value, bool(names)) or text[run_end : run_end + 1] in _SENTENCE_MARKS:
                break
            if ends is not None:
                ends.append(end)
            names.append(Name(position, position + len(value), value))
            position = end = run_end
        elif char.isdigit():
            run_end = position
            while run_end < stop and text[run_end].isdigit():
                run_end += 1
            if run_end - position > 2:
                break  # '2018年': a number, not an affiliation mark
            spaced = position > start and text[position - 1] in SPACE_CHARS
            following = text[run_end : run_end + 1]
            if (
                spaced
                and following
                and not (
                    following in SPACE_CHARS
                    or following in SEPARATOR_CHARS
                    or following in _OPENERS
                    or following in _NOTE_MARKS
                )
            ):
                break  # '丁一 3.5%的…': a number of the text after the names
            position = run_end
            if names:
                end = position
        elif char in MARK_CHARS:
            position += 1
            if names:
                end = position
        elif char in SEPARATOR_CHARS or char in SPACE_CHARS:
            position += 1
        elif char in _OPENERS and names:
            closer = _short_bracket_end(text, position, stop)
            if closer < 0:
                break
            position = end = closer
        elif (
            char.isascii()
            and char.isalpha()
            and names
            and not text[position + 1 : position + 2].isalpha()
        ):
            position += 1  # a letter mark: '罗某1a,2'
            end = position
        else:
            break
    return end, names


def _padded(text: str, position: int, stop: int) -> Name | None:
    """'王 芳', '吴 晨 星': single characters one or two spaces apart, a name
    written with its characters spaced out."""
    singles = [position]
    index = position + 1
    while len(singles) < 4:
        gap_end = index
        while gap_end < stop and gap_end - index < 2 and text[gap_end] in SPACE_CHARS:
            gap_end += 1
        if gap_end == index or gap_end >= stop or not is_han(text[gap_end]):
            break
        if gap_end + 1 < stop and is_han(text[gap_end + 1]):
            break
        singles.append(gap_end)
        index = gap_end + 1
    if len(singles) not in (2, 3):
        singles = singles[:2]  # four in a row: two padded names
    if len(singles) < 2:
        return None
    return Name(position, singles[-1] + 1, "".join(text[i] for i in singles))


_BRACKET_REACH: Final = 12


def _short_bracket_end(text: str, position: int, stop: int) -> int:
    """End of a short bracket after a name ('(副教授)', '(通讯作者)'); -1 when the bracket
    is long (an affiliation) or not closed nearby."""
    limit = min(stop, position + _BRACKET_REACH)
    for index in range(position + 1, limit):
        char = text[index]
        if char in _CLOSERS:
            inner = text[position + 1 : index]
            if looks_like_affiliation(inner) or any(c.isdigit() for c in inner):
                return -1
            return index + 1
        if char == "\n" or char in _OPENERS:
            return -1
    return -1


# Words that make a text an affiliation.
INSTITUTION_WORDS: Final = (
    "大学",
    "学院",
    "学校",
    "医院",
    "研究所",
    "研究院",
    "研究中心",
    "科学院",
    "公司",
    "集团",
    "委员会",
    "中学",
    "小学",
    "幼儿园",
    "党校",
    "银行",
    "政府",
    "法院",
    "检察院",
    "中心",
    "卫生院",
    "保健院",
    "实验室",
    "出版社",
    "杂志社",
    "办公室",
    "管理局",
    "管理处",
)


def looks_like_affiliation(text: str) -> bool:
    """An institution's name, or an address with a postcode ('江苏 南京 210000');
    not a phrase that names one ('幼儿园户外活动场地的规划建议')."""
    if _POSTCODE.search(text) is not None:
        return True
    if "的" in text:
        return False
    if any(char in _TO_SIMPLIFIED for char in text):
        text = simplified(text)  # '某某大學'
    return any(word in text for word in INSTITUTION_WORDS)


_POSTCODE: Final = regex.compile(r"\d{6}")


_MAX_GLUED: Final = 16
"""Longest run of names written together that is split ('刘某某奚某某高某')."""


def _glued_piece(piece: str) -> bool:
    return valid_name(piece) and "等" not in piece  # '庞某明等': et al., not a name


def split_glued(run: str) -> list[Name] | None:
    """'邵明辉卢雨桐': names written with nothing between them, split where each
    piece is a name of two or three characters starting with a common surname.
    None unless exactly one such split exists (a mirror's author field glued to
    its date); the run is short, so trying every split costs little."""
    if not 4 <= len(run) <= _MAX_GLUED or not all(is_han(c) for c in run):
        return None
    # ways[i]: the number of splits of run[i:] (capped at 2) and the first piece's length
    ways = [0] * (len(run) + 1)
    first = [0] * (len(run) + 1)
    ways[len(run)] = 1
    for index in range(len(run) - 2, -1, -1):
        for size in (2, 3):
            piece = run[index : index + size]
            if len(piece) == size and simplified(piece[0]) in SURNAMES and _glued_piece(piece):
                if ways[index + size]:
                    ways[index] = min(2, ways[index] + ways[index + size])
                    first[index] = size
    if ways[0] != 1:
        return None
    names = []
    index = 0
    while index < len(run):
        size = first[index]
        names.append(Name(index, index + size, run[index : index + size]))
        index += size
    return names
