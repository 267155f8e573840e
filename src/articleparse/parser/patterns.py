# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Every compiled pattern of the parser, each with what it matches.

All patterns are linear: no nested quantifiers over the same characters, so no
input can make them backtrack catastrophically (design.md §4.7).
"""

from __future__ import annotations

import string
from typing import Final

import regex

from .label_forms import (
    CHAR_VARIANTS as CHAR_VARIANTS,
)
from .label_forms import (
    FRONT_LABEL as FRONT_LABEL,
)
from .label_forms import (
    FRONT_LABEL_AT as FRONT_LABEL_AT,
)
from .label_forms import (
    FRONT_LABEL_SECONDS as FRONT_LABEL_SECONDS,
)
from .label_forms import (
    PINYIN_LETTERS as PINYIN_LETTERS,
)
from .label_forms import (
    bare_label_form as bare_label_form,
)
from .label_forms import (
    simplified_label as simplified_label,
)

# Horizontal space: what separates words on a line, between a heading's marker
# and its title, and around a row's bars.
HSPACE_CHARS: Final = " \t\u3000\u00a0"
_HSPACE: Final = "[" + regex.escape(HSPACE_CHARS) + "]"

# A line ending: LF, optionally preceded by CR.
NEWLINE: Final[regex.Pattern[str]] = regex.compile(r"\r?\n")

# Separators between segments of a multi-line body: horizontal space around
# one or more line endings.
# A run of space is entered only at its first character (the lookbehind), so
# a long run that no line ending follows costs one scan, not one per position.
_LINE_END: Final = r"(?:(?<!" + _HSPACE + r")" + _HSPACE + r"+)?(?:\r?\n" + _HSPACE + r"*)+"
# a run of three spaces or more inside a line sets items apart as a line end
# would ('文章编号:…   一、研究背景   城市…', '关键词陶瓷膜     含油废水')
_SPACE_RUN: Final = r"(?<=[^\s])(?<!" + _HSPACE + r")" + _HSPACE + r"{3,}(?=[^\s])"
# a space after the end of a sentence, before the next one, inside a line: a
# paragraph break the page lost ('…的影响。 近年来…', '…吗？” 他说…')
_SENTENCE_BREAK: Final = (
    r"(?<=[。！？][”’」』]?)(?<!" + _HSPACE + r")" + _HSPACE + r"{1,2}(?=[\p{Han}“‘「『（(])"
)
LINE_SEPARATOR: Final[regex.Pattern[str]] = regex.compile(
    _LINE_END + "|" + _SPACE_RUN + "|" + _SENTENCE_BREAK
)

# Separators between segments of a single-line body. Runs of two or more, or
# any tab / U+3000, always separate. A single space separates unless it sits
# between two pieces of Latin text ("party building", "in 2019"), which keeps
# English sentences whole.
LATIN_LEFT_CHARS: Final[str] = string.ascii_letters + string.digits + ",.;:?!)'\"%-"
LATIN_RIGHT_CHARS: Final[str] = string.ascii_letters + "('\""
_LATIN_LEFT: Final = "[" + regex.escape(LATIN_LEFT_CHARS) + "]"
_LATIN_RIGHT: Final = "[" + regex.escape(LATIN_RIGHT_CHARS) + "]"
SPACE_SEPARATOR: Final[regex.Pattern[str]] = regex.compile(
    _HSPACE + r"*[\t\u3000\u00a0]" + _HSPACE + r"*"
    r"|  +"
    r"|(?<!" + _LATIN_LEFT + r") "
    r"| (?!" + _LATIN_RIGHT + r")"
    # '2021-03-15 (一)研究背景': a bracket that opens Chinese text is no Latin text
    r"| (?=\([^\x00-\x7f])"
    # 'F252.8 Development of …': a code's digits, then an English title
    r"|(?<=[0-9)]) (?=[A-Z])"
    # '茶文化; Research on …': punctuation after Chinese text is no Latin text
    r"|(?<=[^\x00-\x7f][,.;:?!)'\"%-]) "
)


# Heading markers, tried in this order by the recognizer table in tokenizer.py.
# Decimal: '1', '1.1', '2.2.1' (ASCII or full-width dot), with optional trailing
# punctuation ('1．', '1、', '1.') when not followed by another digit.
# A space may stand on either side of a dot ('1 . 1', '1. 1'), as some sites write them.
DECIMAL_MARKER: Final[regex.Pattern[str]] = regex.compile(
    r"(?P<num>\d{1,4}(?:[ ]?[.．][ ]?\d{1,4})*)(?P<punct>[.．、](?![ ]?\d))?"
)
# A decimal number with a space beside a dot, at the start of a segment of a
# single-line body: its spaces do not separate segments. SPACED_DECIMAL_RUN takes
# the whole dotted run at a start, possessively (a run that ends badly is never
# given back one part at a time, which cost the square of its length per start);
# segments.spaced_decimals cuts it back to its last part followed by a space or
# a Han character ('1 . 2 . 3.x' → '1 . 2').
SPACED_DECIMAL_RUN: Final[regex.Pattern[str]] = regex.compile(
    r"(?:(?<=^)|(?<=[ \t\u3000]))\d{1,2}(?:[ ]?[.．][ ]?\d{1,2})++"
)
HAN: Final[regex.Pattern[str]] = regex.compile(r"\p{Han}")
# The digits of Chinese numerals: the common forms and the financial ones that
# simplified-to-traditional converters write for them ('壹、', '(貳)').
CN_NUMERAL_CHARS: Final = "一二三四五六七八九十" + "壹贰貳叁參叄肆伍陆陸柒捌玖拾"
# '一、', '十二、', '壹、', '一．', '一.', '一 、' (a space before the 、), and a bare
# numeral before a space or alone ('一 引言', '一' on its line: content/plan.py asks
# more of a bare numeral than of a punctuated one)
CN_DUN_MARKER: Final[regex.Pattern[str]] = regex.compile(
    r"(?P<num>[" + CN_NUMERAL_CHARS + r"]{1,3})"
    r"(?:[ \u3000]?(?P<punct>[、．]|\.(?![0-9]))|(?=[ \t\u3000\u00a0]|$))"
)
# A Chinese numeral standing apart from its '、' in a single-line body ('一 、引言'):
# the space between them does not separate segments.
SPACED_CN_DUN: Final[regex.Pattern[str]] = regex.compile(
    r"(?:(?<=^)|(?<=[ \t\u3000]))[" + CN_NUMERAL_CHARS + r"]{1,3}[ \u3000]、"
)
# '（一）', '(二)', '（壹）'
CN_PAREN_MARKER: Final[regex.Pattern[str]] = regex.compile(
    r"[（(](?P<num>[" + CN_NUMERAL_CHARS + r"]{1,3})[）)](?P<punct>、)?"
)
# '(1)', '（2）'
ARABIC_PAREN_MARKER: Final[regex.Pattern[str]] = regex.compile(
    r"[（(](?P<num>\d{1,3})[）)](?P<punct>、)?"
)
# '1）', '2)': a number with a closing bracket only (tried before the decimal
# scheme, which would take the '1' and leave '）' to start the title)
ARABIC_HALF_PAREN_MARKER: Final[regex.Pattern[str]] = regex.compile(
    r"(?P<num>\d{1,2})[）)](?P<punct>、)?"
)
# '①' … '⑳'
CIRCLED_MARKER: Final[regex.Pattern[str]] = regex.compile(r"(?P<num>[①-⑳])")
# '第一章', '第二节', '第三部分': chapters, sections and parts of theses and long 范文
CN_CHAPTER_MARKER: Final[regex.Pattern[str]] = regex.compile(
    r"第(?P<num>[" + CN_NUMERAL_CHARS + r"]{1,3})章"
)
CN_SECTION_MARKER: Final[regex.Pattern[str]] = regex.compile(
    r"第(?P<num>[" + CN_NUMERAL_CHARS + r"]{1,3})节"
)
CN_PART_MARKER: Final[regex.Pattern[str]] = regex.compile(
    r"第(?P<num>[" + CN_NUMERAL_CHARS + r"]{1,3})部分"
)

# A reference entry label at the start of a segment: '[1]', '［12］', '〔3〕'.
REFERENCE_LABEL: Final[regex.Pattern[str]] = regex.compile(r"[\[［〔]\d{1,4}[\]］〕]")
# A reference numbered '1.' / '2．' / '3、' / '(4)' (back.references takes it only when it
# continues the count of such entries, so '2018.' on a continuation line is text).
NUMBERED_REFERENCE: Final[regex.Pattern[str]] = regex.compile(
    r"(?P<num>\d{1,3})[.．、](?!\d)|[(（](?P<num>\d{1,3})[)）]"
)
# Inside one segment, where such a numbered reference may begin: after the end of
# the previous entry and at most one space ('….2019. (2)乙…', glued by the Latin
# spacing rule); the builder checks the number.
NEXT_NUMBERED_REFERENCE: Final[regex.Pattern[str]] = regex.compile(
    r"(?<=[.。][ \u3000]?)(?=[(（]?\d{1,3}(?:[)）]|[.．、](?!\d)))"
)
# A reference's document type mark (GB/T 7714: '[J]', '[M]', '[D]', '[C]', '[N]',
# '[EB/OL]', '[J/OL]', '[Z]').
TYPE_MARK: Final[regex.Pattern[str]] = regex.compile(r"[\[［](?:[A-Z]{1,2}(?:/OL)?|EB/OL)[\]］]")
# A note label: '①', '注①', '注1：', '[1]', '〔2〕'.
NOTE_LABEL: Final[regex.Pattern[str]] = regex.compile(
    r"注?[①-⑳]|注\d{1,3}[:：]?|[\[［〔]\d{1,3}[\]］〕]"
)
# Inside one segment of a references block: where the next entry begins
# (after the end of the previous one).
NEXT_REFERENCE: Final[regex.Pattern[str]] = regex.compile(r"(?<=[.。])(?=[\[［〔]\d{1,4}[\]］〕])")
# The same in a notes block: '①…。②…。', '①…。 ②…。' (the space stays with the
# entry before it).
NEXT_NOTE: Final[regex.Pattern[str]] = regex.compile(r"(?<=[.。][ \u3000]{0,3})(?=[①-⑳])")
# List separators, one per kind of list: a list is split by the separator it
# uses, so a ';' list keeps the commas inside its items ('高血压,原发性').
SEMICOLON_LIST: Final[regex.Pattern[str]] = regex.compile(
    r"(?<![ \u3000\u00a0])[ \u3000\u00a0]*[;；][ \u3000\u00a0]*"
)
COMMA_LIST: Final[regex.Pattern[str]] = regex.compile(
    r"(?<![ \u3000\u00a0])[ \u3000\u00a0]*[,，][ \u3000\u00a0]*"
)
DUN_LIST: Final[regex.Pattern[str]] = regex.compile(
    r"(?<![ \u3000\u00a0])[ \u3000\u00a0]*、[ \u3000\u00a0]*"
)
# '/' between items, never inside a Latin word ('TCP/IP'): a slash with a space or a
# character other than a Latin letter or digit on each side.
SLASH_LIST: Final[regex.Pattern[str]] = regex.compile(
    r"(?:(?<![ \u3000\u00a0])[ \u3000\u00a0]+/|(?<![A-Za-z0-9 \u3000\u00a0])/)"
    r"(?:[ \u3000\u00a0]+|(?![A-Za-z0-9 \u3000\u00a0]))"
)
# One item a line (entered at the first space before a line break only).
LINE_LIST: Final[regex.Pattern[str]] = regex.compile(
    r"(?<![ \t\u3000\u00a0])[ \t\u3000\u00a0]*\r?\n[ \t\u3000\u00a0]*"
)
# (A '?' beside a space is a lost non-breaking space: '甲? ? 乙'.)
SPACE_LIST: Final[regex.Pattern[str]] = regex.compile(r"(?<!\?)\?*(?:[ \u3000\u00a0]+\?*)+")
# CLC codes separated by spaces: only between a code's end and the next code's
# letters, so 'F 207' (a space after the letters) stays one code.
CLC_SPACE_LIST: Final[regex.Pattern[str]] = regex.compile(
    r"(?<=[\d)）\]])[ \u3000\u00a0]+(?=[A-Z])"
)
# List separators with the space around them (keywords, CLC codes).
LIST_SEPARATOR: Final[regex.Pattern[str]] = regex.compile(
    r"[ \u3000]*[;；,，、][ \u3000]*|[ \u3000]+"
)
# English list items keep their inner spaces ('party building; idea').
# (Entered at the first space of a run only, as LINE_SEPARATOR.)
LATIN_LIST_SEPARATOR: Final[regex.Pattern[str]] = regex.compile(
    r"(?:(?<![ \u3000])[ \u3000]+)?[;；,，][ \u3000]*"
)
# Affiliations: '(1.某某大学 经济学院,湖北 武汉 430000;2.某某研究所)' — the
# bracket, the '1.' marks and the ';' (or line end) between entries are
# separators. Each run of space is entered only at its first character (the
# lookbehinds), so long runs of space inside a bracket cost one scan.
_NOT_AFTER_SPACE: Final = r"(?<![ \t\u3000\u00a0])"
AFFILIATION_SEPARATOR: Final[regex.Pattern[str]] = regex.compile(
    # '[1]某大学;[2]某站': a number in brackets marks each entry
    r"\A[\[［(（]\d{1,2}[\]］)）][ \u3000]*"
    r"|\A[(（\[［][ \u3000]*(?:(?:\d{1,2}[.．、]?|[①-⑨])[ \u3000]*)?"
    # '1.某大学', '1某大学', '1 某大学', '①某大学'
    r"|\A(?:\d{1,2}(?:[.．、]|(?=[ \u3000]?\p{Han}))|[①-⑨])[ \u3000]*"
    + r"|"
    + _NOT_AFTER_SPACE
    + r"[ \t\u3000]*(?:[;；]|\r?\n)[ \t\r\n\u3000]*"
    r"(?:(?:[\[［(（]\d{1,2}[\]］)）]|\d{1,2}[.．、]?(?!\d)|[①-⑨])[ \u3000]*)?"
    # '… 210000 2.某医科大学…': a numbered entry after a space on one line
    + r"|"
    + _NOT_AFTER_SPACE
    + r"[ \t\u3000]+\d{1,2}[.．、](?=\p{Han})"
    + r"|"
    + _NOT_AFTER_SPACE
    + r"[ \u3000]*[)）\]］]\Z"
)
# A CLC code of its own, as the second of a space-separated list ('F323.22').
CLC_CODE: Final[regex.Pattern[str]] = regex.compile(r"[A-Z]{1,2}\d[\d.\-/:+]*[;；,，]?")
# A CLC code's class letters and number written apart ('G 807.04'), in a
# single-line body two segments.
CLC_CLASS: Final[regex.Pattern[str]] = regex.compile(r"[A-Z]{1,2}")
CLC_NUMBER: Final[regex.Pattern[str]] = regex.compile(r"\d[\d.\-/:+]*[;；,，]?")
# Where English author names start in a line of English: 'WANG Ming1,', 'LI Si*'.
ENGLISH_AUTHOR_START: Final[regex.Pattern[str]] = regex.compile(
    r"(?<![A-Za-z])[A-Z]{2,}(?:-[A-Z]+)? [A-Z][a-z]+(?:-[a-z]+)?(?=[\d*,，]| [A-Z]{2,})"
)
# The same name glued to the last word of the title before it ('…SurgeryHE Lili,'):
# front.english checks the surname.
ENGLISH_AUTHOR_GLUED: Final[regex.Pattern[str]] = regex.compile(
    r"(?<=[a-z])(?P<surname>[A-Z]{2,}) [A-Z][a-z]+(?:-[a-z]+)?(?=[\d*,，]| [A-Z]{2,})"
)
# One such name closing a run of English with nothing after it: 'ZHANG San',
# 'OUYANG Xiao-lin' (front.english checks the surname).
ENGLISH_NAME_AT_END: Final[regex.Pattern[str]] = regex.compile(
    r"(?<![A-Za-z])(?P<surname>[A-Z]{2,}) [A-Z][a-z]+(?:-[a-z]+)?\Z"
)
# Site chrome a mirror prints inside the body (front.parts.RECOGNIZERS):
# a date and time glued before the author's name,
CHROME_DATE: Final[regex.Pattern[str]] = regex.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?:[ ]\d{1,2}:\d{2}(?::\d{2})?)?(?=\p{Han}|\s|$)"
)
# the site's buttons,
CHROME_WORDS: Final[regex.Pattern[str]] = regex.compile(
    r"(?:APP下载|下载APP|手机版|扫码阅读|分享到|加入收藏|收藏本文|论文部分内容阅读)(?=\s|$)"
)
# counters ('下载: 376  浏览: 612', '被引量 : 0次'),
_COUNTER: Final = r"(?:下载|浏览|阅读|被引量|访问)[ ]?[:：][ ]?\d+[次]?"
# after the links and commas before them, taken possessively: none of them can
# start a counter, so a long run of them with no counter after it is scanned
# once, not given back one at a time (which cost the square of the run)
CHROME_COUNTERS: Final[regex.Pattern[str]] = regex.compile(
    r"(?:PDF|HTML|XML|[,，] ?)*+" + _COUNTER + r"(?:[ \t\u3000]+" + _COUNTER + r")*"
)
# a sentence of the site's own about the article ('题名,本文主要内容关键词为:甲论文,
# 乙论文,此文献不代表本站观点,…仅供参考阅读下载。'): the words that mark it,
SITE_SUMMARY_WORDS: Final = ("本文主要内容关键词为", "不代表本站观点", "仅供参考阅读下载")
# and the journal and issue on a line of their own ('党政研究 2019年4期'; a journal's
# edition in brackets: '某某大学学报(社会科学版) 2019年3期').
CHROME_ISSUE_LINE: Final[regex.Pattern[str]] = regex.compile(
    r"\p{Han}{2,12}(?:[(（]\p{Han}{1,8}[)）])?[ \u3000]?\d{4}年(?:第)?\d{1,2}期"
)
# Site chrome that starts a segment after the article text (back.chrome_line):
# lists of related articles (group 'list': the lines after the header are chrome
# too), links to the neighbouring articles, source and copyright lines, buttons.
_CHROME_END: Final = r"(?:[ \u3000]*[:：]|(?=[ \t\u3000]|$))"
END_CHROME: Final[regex.Pattern[str]] = regex.compile(
    r"(?P<list>(?:相关|热门|推荐|延伸|精彩|最新)(?:文章|论文|范文|阅读|推荐)(?:推荐)?|猜你喜欢)"
    + _CHROME_END
    + r"|(?:上一篇|下一篇|上一篇文章|下一篇文章|上一页|下一页|上篇|下篇)"
    + _CHROME_END
    + r"|(?:本文来源|文章来源|原文链接|原文地址|本文链接|本文网址|转载请注明)[ \u3000]*[:：]"
    + r"|(?:本站|本网)?版权所有(?=[ \t\u3000:：©(（,，]|$)|版权声明|免责声明"
    + r"|Copyright\b|©"
    + r"|(?:点击|免费|立即)?下载(?:全文|本文|论文|文档|原文)|返回(?:顶部|列表|首页|目录)"
    # the page's address printed after the text ('http://… 点此复制本页地址')
    + r"|(?:https?://|www\.)[\x21-\x7e]+(?=[ \t\u3000]|$)"
    # a credit in brackets on a line of its own ('(本报记者 甲、乙整理)', '（责任编辑：丙）')
    + r"|[(（][^()（）\n]{0,60}?(?:记者|编辑|整理|通讯员|供稿|摄影|责编|审校|校对|编审)"
    + r"[^()（）\n]{0,60}?[)）][ \t\u3000]*$"
)
# A line of the front text that starts with an affiliation number: '2.某某研究所'
# (or glued to it: '2山东某医院', after one space: '2 某某研究所', circled: '②某医院').
NUMBERED_LINE: Final[regex.Pattern[str]] = regex.compile(
    r"[ \t\u3000]*(?:\d{1,2}(?:[.．、]|(?=[ \u3000]?\p{Han}))|[①-⑨])"
)


# A journal page's header line: the journal, the year, volume, issue and pages
# ('刊名, 2025, 41(2): 101-108', '某某学报(自然科学版) 2026,Vol.62 Issue(2):94-109',
# '某刊 ›› 2022, Vol. 9 ›› Issue (4): 101-110'). The name is short and the rest
# fixed, so a failed match costs a bounded number of steps.
JOURNAL_HEADER: Final[regex.Pattern[str]] = regex.compile(
    r"[《\p{Han}][\p{Han}()（）·《》]{1,30}?"
    r"[ \u3000,，›»>]{0,8}"
    r"(?:19|20)\d{2}[ ]?年?[ ,，]{0,3}"
    r"(?:(?:Vol\.?|第)?[ ]?\d{1,4}[ ]?卷?[ ,，›»]{0,6})?"
    r"(?:(?:Issue|No\.?)?[ ]?[(（]\d{1,3}[)）]|第?\d{1,3}期)"
    # the pages, and where the article goes on further in the issue ('94-109,16')
    r"(?:[ ]?[:：][ ]?\d{1,5}(?:[ ]?[-–~][ ]?\d{1,5})?(?:[,，]\d{1,5}(?:[-–~]\d{1,5})?){0,3})?"
)
# A DOI with no label: the directory '10.', a registrant code, '/', and a suffix
# of printable ASCII up to a space.
BARE_DOI: Final[regex.Pattern[str]] = regex.compile(r"10\.\d{4,9}/[!-~]{1,200}")
# A journal's registration numbers ('ISSN 1234-5678', 'CN 11-1234/C').
JOURNAL_NUMBER: Final[regex.Pattern[str]] = regex.compile(
    r"(?P<label>E-?ISSN|eISSN|ISSN|CN)[ ]?[:：]?[ ]?"
    r"(?P<value>\d{4}-?\d{3}[\dXx]|\d{2}-\d{4}/[A-Z]{1,2})"
)
# The download buttons a journal page prints beside its header or title.
PAGE_BUTTON: Final[regex.Pattern[str]] = regex.compile(
    r"\[?(?:PDF|HTML|XML)(?:全文|下载|[ ]?\(\d{1,6}(?:\.\d{1,3})?[ ]?[KM]B?\))?\]?"
    r"|[(（][)）]"  # the empty brackets of an icon that was not kept ('QIAN Lu()')
)
# An English label whose value is a date ('Received: 2021-10-08', 'Accepted:'
# alone with the date on the next line, 'Published online: 3 May 2021').
_DATE: Final = (
    r"(?:\d{4}[-/.年][ ]?\d{1,2}[-/.月][ ]?\d{1,2}日?"
    r"|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|[A-Z][a-z]{2,8}\.? \d{1,2}, ?\d{4})"
)
DATED_LABEL: Final[regex.Pattern[str]] = regex.compile(
    r"(?P<label>[A-Z][a-z]{2,12}(?: [a-z]{2,12}){0,2})[ ]?[:：][ \t]*(?:\r?\n[ \t\u3000]*)?"
    r"(?P<value>" + _DATE + r")"
)
# How-to-cite lines: an English label, the document type mark ('[J]', '[M]',
# '[J/OL]') and the year, volume, issue and pages of the journal.
CITATION_LABEL: Final[regex.Pattern[str]] = regex.compile(
    r"(?P<label>Citation|Cite this article|How to cite(?: this article)?|Reference format)"
    r"[ ]?[:：][ ]?"
)
# A table of contents entry: leader dots (three or more, or an ellipsis) and a page
# ('1.1 研究对象……3', '需求分析...1'); the page may have been cut off on one line.
TOC_ENTRY: Final[regex.Pattern[str]] = regex.compile(
    r"(?:\.{3,}|…+|·{3,})[ ]?(?:\d{1,4}(?![\d.])|$)"
)
# A journal's volume, issue and pages ('14 (1): 57-64', '40(12): 2167-2178'): what
# a citation of an article ends with, with or without a type mark before it.
CITED_ISSUE: Final[regex.Pattern[str]] = regex.compile(
    r"\d{1,4}[ ]?[(（]\d{1,4}[)）][ ]?[:：][ ]?\d{1,5}(?:[ ]?[-–~][ ]?\d{1,5})?"
)
CITATION_TYPE: Final[regex.Pattern[str]] = regex.compile(r"\[[A-Z]{1,2}(?:/OL)?\]")
CITATION_ISSUE: Final[regex.Pattern[str]] = regex.compile(
    r"(?:19|20)\d{2}[ ,，]{0,3}"
    r"(?:\d{1,4}[ ]?[(（]\d{1,4}[)）]|[(（]\d{1,4}[)）]|\d{1,4})"
    r"[ ]?[:：][ ]?\d{1,5}(?:[ ]?[-–~][ ]?\d{1,5})?"
)


def is_han(char: str) -> bool:
    """A Chinese character (the unified ideographs and extension A)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def braced_number(text: str) -> int:
    """The number of an item written '{3}…' (a site's template numbers its rules so,
    an article never); -1 if ``text`` opens with none."""
    if text[:1] != "{":
        return -1
    close = text.find("}", 1, 4)
    digits = text[1:close] if close > 0 else ""
    return int(digits) if digits.isdigit() and digits.isascii() else -1
