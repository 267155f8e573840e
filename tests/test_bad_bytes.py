"""Bad bytes: every file parses, says where its bad bytes are, and gives its bytes back.

The original bytes of a parsed file are
``encode_original(render(doc), doc.source.encoding, doc.source.undecoded)``
(docs/reliability.md). Each case here checks that, the diagnostic's byte
offset, and its line and column in the decoded text.
"""

from __future__ import annotations

import codecs
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reliability_checks import check_bytes, original_bytes

import articleparse as ap

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "000_462883809ea3ad38.txt"
SEED_BYTES = SEED.read_bytes()
SEED_TEXT = SEED_BYTES.decode("utf-8")
ABSTRACT_AT = SEED_BYTES.index("摘要".encode())


def invalid(doc: ap.Article) -> list[ap.Diagnostic]:
    return [d for d in doc.diagnostics if d.code == "decode-invalid-bytes"]


def position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def assert_reports(doc: ap.Article, byte_offset: int, data: str) -> ap.Diagnostic:
    """One decode-invalid-bytes diagnostic names these bytes at this byte offset."""
    found = [d for d in invalid(doc) if f"at byte offset {byte_offset} " in d.message]
    assert len(found) == 1, [d.message for d in invalid(doc)]
    diagnostic = found[0]
    assert f"byte(s) {data} " in diagnostic.message
    assert "re-save the file as UTF-8 or pass encoding=" in diagnostic.message
    text = ap.render(doc)
    assert text[diagnostic.offset] == "\ufffd"
    assert (diagnostic.line, diagnostic.column) == position(text, diagnostic.offset)
    return diagnostic


CASES = {
    "invalid byte in UTF-8": SEED_BYTES[:ABSTRACT_AT] + b"\xff" + SEED_BYTES[ABSTRACT_AT:],
    "truncated sequence inside": SEED_BYTES[:ABSTRACT_AT] + b"\xe6\xa0" + SEED_BYTES[ABSTRACT_AT:],
    "truncated sequence at the end": SEED_BYTES + "摘".encode()[:2],
    "UTF-8 with BOM and a bad byte": b"\xef\xbb\xbf" + SEED_BYTES[:50] + b"\xc0" + SEED_BYTES[50:],
    "GBK file": SEED_TEXT.encode("gbk"),
    "GBK file with a bad byte": SEED_TEXT.encode("gbk") + b"\xff\n",
    "UTF-8 then GBK": SEED_BYTES + SEED_TEXT.encode("gbk"),
    "GBK then UTF-8": SEED_TEXT.encode("gbk") + SEED_BYTES,
    "NUL bytes": SEED_BYTES[:ABSTRACT_AT] + b"\x00\x00" + SEED_BYTES[ABSTRACT_AT:] + b"\x00",
    "binary": random.Random(6).randbytes(8192),
    "PNG header and zeros": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(4000),
    "overlong and surrogate encodings": b"\xc0\xaf \xed\xa0\x80 \xf8\x88\x80\x80\x80 |",
    "empty file": b"",
}


@pytest.mark.parametrize("name", list(CASES))
def test_parse_file_keeps_every_byte(name: str, tmp_path: Path) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(CASES[name])
    doc = ap.parse_file(path)
    assert original_bytes(doc) == CASES[name]
    check_bytes(CASES[name])


def test_invalid_byte_reported_at_its_byte_offset() -> None:
    doc = ap.parse_bytes(CASES["invalid byte in UTF-8"])
    assert doc.source.encoding == "utf-8"
    diagnostic = assert_reports(doc, ABSTRACT_AT, "ff")
    assert diagnostic.severity == "error"
    assert doc.metadata.title == "加强和创新基层党建工作探讨"
    assert [u.byte_offset for u in doc.source.undecoded] == [ABSTRACT_AT]


def test_truncated_sequences_reported() -> None:
    inside = ap.parse_bytes(CASES["truncated sequence inside"])
    assert_reports(inside, ABSTRACT_AT, "e6a0")
    at_end = ap.parse_bytes(CASES["truncated sequence at the end"])
    assert_reports(at_end, len(SEED_BYTES), "e691")


def test_bom_does_not_shift_byte_offsets() -> None:
    doc = ap.parse_bytes(CASES["UTF-8 with BOM and a bad byte"])
    assert doc.source.encoding == "utf-8-sig"
    assert_reports(doc, 3 + 50, "c0")


def test_gbk_file_decodes_with_an_info_diagnostic() -> None:
    doc = ap.parse_bytes(CASES["GBK file"])
    assert doc.source.encoding == "gb18030"
    assert ap.render(doc) == SEED_TEXT
    assert [(d.code, d.severity, d.line, d.column) for d in doc.diagnostics] == [
        ("decode-fallback", "info", 1, 1)
    ]
    assert "pass encoding=" in doc.diagnostics[0].message


def test_gbk_file_with_a_bad_byte() -> None:
    data = CASES["GBK file with a bad byte"]
    doc = ap.parse_bytes(data)
    assert doc.source.encoding == "gb18030"
    assert_reports(doc, len(data) - 2, "ff")


def test_mixed_encodings_keep_the_bytes_and_say_where() -> None:
    """One encoding is chosen for the whole file; the other part is reported byte by byte."""
    for name in ("UTF-8 then GBK", "GBK then UTF-8"):
        doc = ap.parse_bytes(CASES[name])
        assert invalid(doc), name
        for record in doc.source.undecoded:
            assert_reports(doc, record.byte_offset, record.data)


def test_explicit_encoding_records_bad_bytes() -> None:
    data = SEED_TEXT.encode("gbk")
    doc = ap.parse_bytes(data, encoding="utf-8")
    assert doc.source.encoding == "utf-8"
    assert invalid(doc) and not [d for d in doc.diagnostics if d.code == "decode-fallback"]
    assert original_bytes(doc) == data
    with pytest.raises(LookupError):
        ap.parse_bytes(data, encoding="no-such-codec")


EXPLICIT = {
    # encoding: (text, bytes that are not valid in it)
    "utf-16": ("标题 | 题目 |\n范文 | 1引言 正文。 |\n", b"\x00\xd8A\x00"),
    "utf-16-le": ("标题 | 题目 |\n范文 | 1引言 正文。 |\n", b"\x00\xd8A\x00"),
    "utf-32": ("标题 | 题目 |\n范文 | 1引言 正文。 |\n", b"\xff\xff\xff\xff"),
    "big5": ("標題 | 題目 |\n範文 | 1引言 正文。 |\n", b"\xff"),
    "cp1252": ("Title | x |\n", b"\x81"),
}


@pytest.mark.parametrize("encoding", list(EXPLICIT))
def test_other_explicit_encodings_give_their_bytes_back(encoding: str) -> None:
    """A codec that writes a BOM writes it once, even with bad bytes in between."""
    text, bad = EXPLICIT[encoding]
    data = text.encode(encoding) + bad + text.encode(encoding)[2 if encoding == "utf-16" else 0 :]
    doc = ap.parse_bytes(data, encoding=encoding)
    assert doc.source.encoding == encoding
    assert invalid(doc)
    assert original_bytes(doc) == data


def test_nul_bytes_are_text() -> None:
    doc = ap.parse_bytes(CASES["NUL bytes"])
    assert doc.source.encoding == "utf-8"
    # the two NULs stand between the author and the 摘要 label: reported, kept as text
    assert [(d.code, d.line, d.column) for d in doc.diagnostics] == [
        ("front-matter-unplaced", 2, 9)
    ]
    assert ap.render(doc).count("\x00") == 3


def test_binary_file_gives_diagnostics_not_exceptions() -> None:
    data = CASES["binary"]
    doc = ap.parse_bytes(data)
    assert invalid(doc)
    assert all(d.severity == "error" for d in invalid(doc))
    with pytest.raises(ap.ParseError) as raised:
        ap.parse_bytes(data, strict=True)
    assert "byte offset" in str(raised.value)


def test_undecoded_bytes_survive_json() -> None:
    doc = ap.parse_bytes(CASES["UTF-8 then GBK"])
    again = ap.Article.model_validate_json(doc.model_dump_json())
    assert original_bytes(again) == CASES["UTF-8 then GBK"]


@given(st.binary(max_size=600))
def test_property_any_bytes(data: bytes) -> None:
    check_bytes(data)


@given(st.lists(st.sampled_from(list(CASES.values())), max_size=3), st.binary(max_size=40))
def test_property_spliced_encodings(parts: list[bytes], glue: bytes) -> None:
    check_bytes(glue.join(part[:700] for part in parts))


@pytest.mark.skipif(
    not (Path(sys.executable).parent / "articleparse").exists(),
    reason="the articleparse command is not installed in this environment",
)
def test_command_line_reports_the_file_and_moves_on(tmp_path: Path) -> None:
    names = {
        "a_good.txt": SEED_BYTES,
        "b_binary.txt": CASES["binary"],
        "c_gbk.txt": CASES["GBK file"],
        "d_truncated.txt": CASES["truncated sequence at the end"],
        "e_good.txt": SEED_BYTES,
    }
    for name, data in names.items():
        (tmp_path / name).write_bytes(data)
    command = Path(sys.executable).parent / "articleparse"
    result = subprocess.run(
        [str(command), "parse", "-j", "1", "--format", "jsonl", str(tmp_path)],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [Path(line["path"]).name for line in lines] == list(names)
    by_name = {Path(line["path"]).name: line for line in lines}
    # Random bytes are no text: one error for the file, not a diagnostic per bad byte.
    binary = by_name.pop("b_binary.txt")
    assert binary["article"] is None and binary["error"].startswith("not-text: ")
    assert binary["diagnostics"] == []
    lines.remove(binary)
    assert all(line["article"] is not None for line in lines)
    assert by_name["c_gbk.txt"]["encoding"] == "gb18030"
    truncated = [d for d in by_name["d_truncated.txt"]["diagnostics"]]
    assert any(
        d["code"] == "decode-invalid-bytes" and f"byte offset {len(SEED_BYTES)}" in d["message"]
        for d in truncated
    )
    stderr = result.stderr.decode()
    assert "b_binary.txt" in stderr and "d_truncated.txt" in stderr
    assert "a_good.txt" not in stderr
    for line in lines:
        doc = ap.Article.model_validate(line["article"])
        assert original_bytes(doc) == names[Path(line["path"]).name]


# ------------------------------------------------------------ codec names, marks


@pytest.mark.parametrize("spelling", ["utf-8-sig", "UTF-8-SIG", "utf_8_sig", "UTF_8_SIG"])
def test_any_spelling_of_a_codec_is_that_codec(spelling: str) -> None:
    data = CASES["UTF-8 with BOM and a bad byte"]
    doc = ap.parse_bytes(data, encoding=spelling)
    assert doc.source.encoding == "utf-8-sig"
    assert [u.byte_offset for u in doc.source.undecoded] == [3 + 50]
    assert original_bytes(doc) == data
    # A document stored with another spelling still gives its bytes back.
    assert ap.encode_original(ap.render(doc), spelling, doc.source.undecoded) == data


UTF16_TEXT = "标题 | 题目 |\n范文 | 1引言 正文。 |\n"
MARKED = {
    "utf-16 little-endian": (codecs.BOM_UTF16_LE + UTF16_TEXT.encode("utf-16-le"), "utf-16"),
    "utf-16 big-endian": (codecs.BOM_UTF16_BE + UTF16_TEXT.encode("utf-16-be"), "utf-16-be"),
    "utf-32 little-endian": (codecs.BOM_UTF32_LE + UTF16_TEXT.encode("utf-32-le"), "utf-32"),
    "utf-32 big-endian": (codecs.BOM_UTF32_BE + UTF16_TEXT.encode("utf-32-be"), "utf-32-be"),
}


@pytest.mark.parametrize("name", list(MARKED))
def test_utf16_and_utf32_files_with_a_mark_are_decoded_as_such(name: str) -> None:
    data, encoding = MARKED[name]
    doc = ap.parse_bytes(data)
    assert doc.source.encoding == encoding
    assert not invalid(doc)
    assert original_bytes(doc) == data
    if "little" in name:
        assert doc.metadata.title == "题目"
    check_bytes(data)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_explicit_marked_codec_keeps_a_big_endian_mark(encoding: str) -> None:
    data = MARKED[f"{encoding} big-endian"][0]
    doc = ap.parse_bytes(data, encoding=encoding)
    assert original_bytes(doc) == data


@pytest.mark.parametrize("encoding", ["idna", "punycode", "base64", "rot13", "unicode_escape"])
def test_codecs_that_cannot_read_files_are_a_clear_value_error(encoding: str) -> None:
    with pytest.raises(ValueError, match="not a text encoding for files") as raised:
        ap.parse_bytes(b"abc.def", encoding=encoding)
    assert not isinstance(raised.value, UnicodeError)


MIXED_PHRASE = "面对当前全面从严治党的新形势和新要求"  # its UTF-8 bytes are valid GB18030


def test_utf8_inside_a_gb18030_file_is_a_warning_with_its_position() -> None:
    head = "标题 | 题目 |\n范文 | 正文。".encode("gbk")
    data = head + MIXED_PHRASE.encode() + " |\n".encode("gbk") + SEED_TEXT.encode("gbk")
    doc = ap.parse_bytes(data)
    assert doc.source.encoding == "gb18030" and not doc.source.undecoded
    mixed = [d for d in doc.diagnostics if d.code == "decode-mixed"]
    assert len(mixed) == 1, doc.diagnostics
    assert (mixed[0].severity, mixed[0].line, mixed[0].column) == ("warning", 2, 9)
    assert f"bytes {len(head)} to {len(head) + len(MIXED_PHRASE.encode())} " in mixed[0].message
    assert original_bytes(doc) == data


@pytest.mark.parametrize("name", ["GBK file", "GBK file with a bad byte"])
def test_gbk_files_are_not_taken_for_mixed(name: str) -> None:
    assert not [d for d in ap.parse_bytes(CASES[name]).diagnostics if d.code == "decode-mixed"]


def test_variant_gb18030_fixtures_are_not_taken_for_mixed() -> None:
    folder = SEED.parent.parent / "variants"
    for path in sorted(folder.glob("*.txt")):
        text = path.read_bytes().decode(ap.parse_file(path).source.encoding or "utf-8")
        doc = ap.parse_bytes(text.encode("gb18030"))
        assert not [d for d in doc.diagnostics if d.code == "decode-mixed"], path.name


# ------------------------------------------------------------ diagnostics per file


def test_diagnostics_per_document_are_capped() -> None:
    data = random.Random(3).randbytes(60_000)
    doc = ap.parse_bytes(data)
    assert len(doc.source.undecoded) > ap.MAX_DIAGNOSTICS
    assert len(doc.diagnostics) == ap.MAX_DIAGNOSTICS
    last = doc.diagnostics[-1]
    assert last.code == "too-many-diagnostics"
    assert "more diagnostic(s) not kept" in last.message
    assert original_bytes(doc) == data
    with pytest.raises(ap.ParseError) as raised:
        ap.parse_bytes(data, strict=True)
    assert len(raised.value.diagnostics) > ap.MAX_DIAGNOSTICS


def test_capped_diagnostics_keep_the_errors() -> None:
    """Warnings first in the file, an error at its end: the error is among those kept."""
    text = "".join(f"标题 | 题{i} |\n" for i in range(1500)) + "范文 | 正文是一句话，没有结尾。"
    doc = ap.parse(text)
    assert len(doc.diagnostics) == ap.MAX_DIAGNOSTICS
    assert "row-unterminated" in [d.code for d in doc.diagnostics]
    assert "(501 warning(s))" in doc.diagnostics[-1].message
    offsets = [d.offset for d in doc.diagnostics[:-1]]
    assert offsets == sorted(offsets)


@pytest.mark.parametrize(
    ("encoded", "bad"),
    [
        (b"+2Jg-", b"+2Jg-"),
        (b"+2Jg", b"+2Jg"),
        (b"+3gA-", b"+3gA-"),
        (b"+2D3eAA- +2Jg-", b"+2Jg-"),
    ],
    ids=["high-half", "unclosed-run", "low-half", "after-a-pair"],
)
def test_utf7_surrogates_are_undecodable_bytes(encoded: bytes, bad: bytes) -> None:
    """UTF-7 decodes a shifted run such as '+2Jg-' to a lone surrogate without an error;
    the run is undecodable bytes instead (with its diagnostic), so the text stays text,
    JSON can write it and a pair ('+2D3eAA-', an emoji) stays a character."""
    data = "标题 | 题 |\n范文 | 正文".encode("utf-7") + b" " + encoded + b" |\n"
    doc = ap.parse_bytes(data, encoding="utf-7")
    text = ap.render(doc)
    assert not [char for char in text if 0xD800 <= ord(char) <= 0xDFFF]
    assert [record.data for record in doc.source.undecoded] == [bad.hex()]
    assert len(invalid(doc)) == 1
    assert ("\U0001f600" in text) == encoded.startswith(b"+2D3eAA-")
    assert ap.Article.model_validate_json(doc.model_dump_json()) == doc
    json.dumps(ap.to_record(doc), ensure_ascii=False).encode("utf-8")
