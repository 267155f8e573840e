# Compiled with mypyc (setup.py, [tool.articleparse] in pyproject.toml); this source is
# the reference build, run with ARTICLEPARSE_PURE=1 and compared by tests/test_compiled_build.py.
"""Site chrome that stands in the body after the text ('上一篇：', '相关文章', '版权所有 ©')."""

from __future__ import annotations

from typing import Final

import regex

from .. import patterns


def end_chrome(text: str) -> regex.Match[str] | None:
    if text[:1] not in _END_CHROME_FIRST:
        return None
    return patterns.END_CHROME.match(text)


# The first characters END_CHROME can match: most segments are spared the pattern.
_END_CHROME_FIRST: Final = frozenset("相热推延精最猜上下本文原转版免点立返C©hw(（")


COPYRIGHT: Final = ("©", "Copyright")
