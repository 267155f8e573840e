"""Replay every kept input: failures the fuzzer or a property found, and the fuzz corpus.

``tests/regressions/`` holds small inputs that once broke an invariant (each
file is the whole input, bytes as found); ``tests/fuzz_corpus/`` holds the
inputs that reached new code while fuzzing (``make fuzz`` adds to both). Each
input goes through ``parse_bytes`` (the bytes must come back) and, decoded as
UTF-8 with replacement, through ``parse`` (render and JSON round trip).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reliability_checks import check_input

import articleparse as ap

TESTS = Path(__file__).resolve().parent
REGRESSIONS = sorted(p for p in (TESTS / "regressions").iterdir() if p.is_file())
CORPUS = sorted(p for p in (TESTS / "fuzz_corpus").iterdir() if p.is_file())

KNOWN_FAILURES: dict[str, str] = {
    # file name → why it still fails; the test is xfail(strict=True) until fixed
}


def _param(path: Path) -> object:
    reason = KNOWN_FAILURES.get(path.name)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(path, id=path.name, marks=marks)


@pytest.mark.parametrize("path", [_param(p) for p in REGRESSIONS])
def test_regression_input(path: Path) -> None:
    check_input(path.read_bytes())


def test_known_failures_are_kept() -> None:
    assert set(KNOWN_FAILURES) <= {p.name for p in REGRESSIONS}


def test_fuzz_corpus() -> None:
    failed = []
    for path in CORPUS:
        try:
            check_input(path.read_bytes())
        except AssertionError as error:
            failed.append(f"{path.name}: {str(error)[:200]}")
    assert failed == []


def test_an_empty_or_whitespace_only_input_says_so() -> None:
    for text in ("", " ", "\n\n", "\u3000\t\r\n"):
        doc = ap.parse(text)
        assert [d.code for d in doc.diagnostics] == ["empty-input"]
        assert ap.render(doc) == text
    record = ap.to_record(ap.parse(""))
    assert record["status"] == "warnings" and record["diagnostics"][0]["code"] == "empty-input"


BIG5_TEXT = (
    "標題 | 傳統文化的傳承 |\n範文 | 本文討論傳統文化在現代社會中的傳承與發展，認為學校教育、"
    "家庭教育與社會教育應當相互配合，共同推動優秀傳統文化的創造性轉化。 |\n"
)


def test_a_big5_file_is_read_as_big5_and_says_it_guessed() -> None:
    data = BIG5_TEXT.encode("big5")
    doc = ap.parse_bytes(data)
    assert doc.source.encoding == "big5"
    assert doc.metadata.title == "傳統文化的傳承"
    assert [d.code for d in doc.diagnostics] == ["decode-guessed"]
    assert ap.render(doc).encode("big5") == data


def test_traditional_text_written_in_gb18030_stays_gb18030() -> None:
    doc = ap.parse_bytes(BIG5_TEXT.encode("gb18030"))
    assert doc.source.encoding == "gb18030"
    assert [d.code for d in doc.diagnostics] == ["decode-fallback"]
