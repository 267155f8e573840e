"""Memory per input byte: the bounds the size limit relies on (docs/reliability.md).

Each input is parsed from bytes in a child process of its own (a fresh
interpreter: nothing another test built is counted, nothing it frees hides a
cost), which reports the peak that ``tracemalloc`` saw (every allocation Python
makes, the same on any machine; no timing). The child parses a small input
first, so that compiled patterns and generated constructors are not counted.

Prose keeps to 16 bytes per input byte. A file made of tiny nodes cannot: each
node of the tree is a pydantic object of about 264 bytes (its object and its
field dict), a paragraph has a span of the same size, and the document holds
them all, one every two bytes for lines of one character. Those shapes are held
to ``TINY_BOUND``, what their output costs and the tokens it is read from;
diagnostics add nothing, since those past ``MAX_DIAGNOSTICS`` are never made.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import articleparse as ap
from articleparse.diagnostics import CODES, DiagnosticLog, cap_diagnostics, make_diagnostic
from articleparse.parser.lines import OffsetSet

BOUND = 16
"""Bytes of peak memory per input byte of prose (docs/reliability.md, inputs.DEFAULT_MAX_BYTES)."""

TINY_BOUND = 520
"""Bytes of peak memory per input byte for inputs made of tiny nodes (docs/reliability.md)."""

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "000_462883809ea3ad38.txt"
SIZE = 200_000

_CHILD = r"""
import json, sys, tracemalloc
import articleparse as ap
data = sys.stdin.buffer.read()
ap.parse_bytes(data[:2000])
tracemalloc.start()
doc = ap.parse_bytes(data)
_, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
print(json.dumps({"peak": peak, "diagnostics": len(doc.diagnostics)}))
"""


def measure(data: bytes) -> float:
    """Peak bytes of memory per input byte while ``data`` is parsed, in a child process."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD], input=data, capture_output=True, check=True, timeout=600
    )
    found = json.loads(done.stdout)
    assert found["diagnostics"] <= ap.MAX_DIAGNOSTICS
    return float(found["peak"]) / len(data)


def test_prose_within_the_bound() -> None:
    seed = SEED.read_bytes()
    per_byte = measure(seed * (SIZE // len(seed) + 1))
    print(f"prose: {per_byte:.1f} B per byte")
    assert per_byte <= BOUND


BODY = "范文 | ".encode()

TINY_NODES = {
    "chrome lines": b"a\n" * (SIZE // 2),
    "bare rows": b"|\n" * (SIZE // 2),
    "one-character paragraphs": BODY + b"x\n" * (SIZE // 2) + b" |",
    "one-character paragraphs on one line": BODY + b"x " * (SIZE // 2) + b"|",
    "headings": BODY + b"1 x\n" * (SIZE // 4) + b" |",
    "paragraphs": BODY + "1引言\n".encode() + "一段。\n".encode() * (SIZE // 10) + b" |",
    "labelled rows": "键 | 值 |\n".encode() * (SIZE // 12),
    "labels in the body": BODY + "关键词:x\n".encode() * (SIZE // 12) + b" |",
    "references": BODY + "参考文献:\n".encode() + "[1]甲.乙.\n".encode() * (SIZE // 12) + b" |",
    "a bad byte in nine": BODY + b"\xff12345678" * (SIZE // 9) + b" |",
    "lines of English": BODY + b"The cat sat on the mat and it was good.\n" * (SIZE // 40) + b"|",
    "a space after every character": BODY + "1引言 ".encode() + "甲 ".encode() * (SIZE // 4) + b"|",
}


@pytest.mark.parametrize("data", list(TINY_NODES.values()), ids=list(TINY_NODES))
def test_tiny_nodes_within_their_bound(data: bytes) -> None:
    per_byte = measure(data)
    print(f"{per_byte:.0f} B per byte")
    assert per_byte <= TINY_BOUND


# ------------------------------------------------------ the bounded diagnostic log

_BY_SEVERITY = {
    severity: [code for code, entry in CODES.items() if entry.severity == severity]
    for severity in ("error", "warning", "info")
}


@given(
    st.lists(st.sampled_from(["error", "warning", "info"]), max_size=40),
    st.integers(min_value=2, max_value=12),
)
def test_log_keeps_what_the_cap_returns(severities: list[str], limit: int) -> None:
    """The log, which keeps the first ``limit`` errors and others, gives what capping
    the whole list gives."""
    log = DiagnosticLog(limit)
    everything = []
    for offset, severity in enumerate(severities):
        code = _BY_SEVERITY[severity][offset % len(_BY_SEVERITY[severity])]
        log.add(code, f"at {offset}", offset, lambda at: (1, at + 1))
        everything.append(make_diagnostic(code, f"at {offset}", 1, offset + 1, offset))
    assert len(log.found) <= 2 * limit
    assert log.result() == cap_diagnostics(everything, limit)
    assert log.errors == severities.count("error")


@given(st.integers(min_value=0, max_value=40), st.lists(st.integers(min_value=-3, max_value=45)))
def test_offset_set_is_a_set(length: int, offsets: list[int]) -> None:
    """The offsets the tree reported, a bit each: what a set of those inside the text holds."""
    marks = OffsetSet(length)
    for offset in offsets:
        marks.add(offset)
    inside = {offset for offset in offsets if 0 <= offset <= length}
    assert {offset for offset in range(-3, 46) if offset in marks} >= inside
    assert all(offset in inside for offset in range(0, length + 1) if offset in marks)


def test_strict_keeps_every_diagnostic() -> None:
    text = "".join(f"标题 | 题{i} |\n" for i in range(1500)) + "范文 | 正文是一句话，没有结尾。"
    with pytest.raises(ap.ParseError) as raised:
        ap.parse(text, strict=True)
    assert len(raised.value.diagnostics) == 1500
    assert len(ap.parse(text).diagnostics) == ap.MAX_DIAGNOSTICS


def test_nodes_share_their_set_of_fields() -> None:
    """A parsed node carries no set of its own: the one of its class, every field in it."""
    doc = ap.parse("范文 | 甲。\n乙。 |")
    first, second = doc.preamble
    assert first.model_fields_set is second.model_fields_set
    assert first.model_fields_set == set(ap.Paragraph.model_fields)
    first.text = "丙"  # pydantic marks the field set: it already is
    assert second.model_fields_set == set(ap.Paragraph.model_fields)
