"""Bytes → text: BOM, UTF-8, GB18030, and an exact record of bytes that did not decode.

Undecodable bytes never raise and are never replaced silently: each run of them
becomes one U+FFFD per byte, an ``UndecodedBytes`` record (text offset, byte
offset, the bytes in hex) and an error diagnostic. ``encode_original`` puts the
original bytes back.

Codec names are compared by their normalised form (``codecs.lookup(name).name``),
so ``"UTF-8-SIG"``, ``"utf_8_sig"`` and ``"utf-8-sig"`` are one codec. A codec
that writes a byte order mark (``utf-8-sig``, ``utf-16``, ``utf-32``) is decoded
as the mark plus the plain codec of its byte order, so that error positions
count from the start of the file and ``encode_original`` writes the same mark.
"""

from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass, field
from typing import Final

from ..model import UndecodedBytes
from .trusted import trusted

UTF8 = "utf-8"
UTF8_SIG = "utf-8-sig"
UTF16 = "utf-16"
UTF32 = "utf-32"
GB18030 = "gb18030"
REPLACEMENT = "\ufffd"

_BOM_CODECS: tuple[tuple[bytes, str, str], ...] = (
    # (mark, the codec recorded, the plain codec the rest is decoded with)
    (codecs.BOM_UTF32_LE, UTF32, "utf-32-le"),  # before UTF-16 LE, which it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, UTF8_SIG, UTF8),
    (codecs.BOM_UTF16_LE, UTF16, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
"""Byte order marks recognised without ``encoding=``. A big-endian mark is kept
in the text as U+FEFF (the ``utf-16`` encoder would write a little-endian one)."""

_WRITTEN_MARK = {
    UTF8_SIG: (codecs.BOM_UTF8, UTF8),
    UTF16: (codecs.BOM_UTF16_LE, "utf-16-le"),
    UTF32: (codecs.BOM_UTF32_LE, "utf-32-le"),
}
"""What ``encode_original`` writes for a codec recorded with a mark: the mark, then
the plain codec (fixed to little-endian, whatever the machine's byte order)."""

_NOT_FOR_FILES = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape"})
"""Text codecs that are not file encodings: they decode labels or Python literals,
take no error handler, or do not give the same bytes back when encoding."""

MIXED_UTF8_RUN = 10
"""Consecutive well-formed multi-byte UTF-8 characters that mark a UTF-8 part in a
file decoded as GB18030. GBK-encoded Chinese forms such runs by chance, but in
the project's fixtures (400 KB re-encoded as GBK) none longer than 5; UTF-8
Chinese has runs of 30 to 120 in every article."""

_UTF8_CHAR = (
    rb"(?:[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2})"
)
# A run of at least MIXED_UTF8_RUN well-formed multi-byte UTF-8 characters. Each
# alternative starts with its own lead bytes, so a failed start costs at most
# MIXED_UTF8_RUN characters: linear in the input.
UTF8_RUN = re.compile(_UTF8_CHAR + b"{%d,}" % MIXED_UTF8_RUN)

CONTROL_BYTES = (
    bytes(range(1, 9)) + b"\x0e\x0f" + bytes(range(0x10, 0x1B)) + b"\x1c\x1d\x1e\x1f\x7f"
)
"""C0 control characters other than tab, line feed, vertical tab, form feed,
carriage return and escape: bytes no text file of the format holds, and which
are never part of a multi-byte character in UTF-8 or GB18030."""

NOT_TEXT_SHARE = 8
"""A file with more than one byte in ``NOT_TEXT_SHARE`` that is a control
character or does not decode is not text (random bytes: about one in five;
a file mixing UTF-8 and GBK: about one in seventy)."""


@dataclass(slots=True)
class MixedRun:
    """Bytes that read as UTF-8 inside a file decoded as GB18030."""

    offset: int  # text offset of the character holding the run's first byte
    byte_offset: int
    byte_end: int
    runs: int  # how many such runs the file holds


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    undecoded: list[UndecodedBytes] = field(default_factory=list)
    fallback: bool = False
    mixed: MixedRun | None = None
    guessed: bool = False  # the encoding was chosen by how common the characters read are


def codec_name(encoding: str) -> str:
    """The normalised name of ``encoding``; ``ValueError`` for a codec that cannot read files.

    An unknown name raises ``LookupError``, as ``codecs.lookup`` does.
    """
    info = codecs.lookup(encoding)
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_FOR_FILES:
        raise ValueError(
            f"encoding {encoding!r} ({info.name}) is not a text encoding for files; "
            "use the file's character set, such as 'utf-8' or 'gb18030'"
        )
    return info.name


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data``: the given encoding, else a byte order mark, UTF-8, GB18030."""
    if encoding is not None:
        return _decode_recording(data, codec_name(encoding))
    for mark, recorded, _plain in _BOM_CODECS:
        if data.startswith(mark):
            return _decode_recording(data, recorded)
    try:
        return Decoded(data.decode(UTF8), UTF8)
    except UnicodeDecodeError:
        pass
    try:
        decoded = Decoded(data.decode(GB18030), GB18030, fallback=True)
    except UnicodeDecodeError:
        utf8 = _decode_recording(data, UTF8)
        gb = _decode_recording(data, GB18030)
        if len(gb.undecoded) >= len(utf8.undecoded):
            return utf8
        decoded = gb
        decoded.fallback = True
    decoded.mixed = _find_mixed(data, decoded)
    if not decoded.undecoded and decoded.mixed is None:
        big5 = _big5_instead(data, decoded.text)
        if big5 is not None:
            return Decoded(big5, BIG5, fallback=True, guessed=True)
    return decoded


BIG5 = "big5"
_SAMPLE: Final = 4000
"""Han characters looked at to tell a Big5 file read as GB18030 from a GB18030 file."""
_MIN_HAN: Final = 20


def _common_share(text: str, codec: str, first: int, last: int) -> float:
    """The share of the Han characters of ``text`` (a sample) that ``codec`` writes with
    a first byte from ``first`` to ``last``: its block of frequent characters
    (GB2312's first level, 0xB0–0xD7; Big5's frequent characters, 0xA4–0xC6)."""
    han = 0
    common = 0
    for char in text:
        if "\u4e00" <= char <= "\u9fff":
            han += 1
            try:
                encoded = char.encode(codec)
            except UnicodeEncodeError:
                encoded = b""
            if len(encoded) == 2 and first <= encoded[0] <= last:
                common += 1
            if han >= _SAMPLE:
                break
    return common / han if han >= _MIN_HAN else 1.0


def _big5_instead(data: bytes, gb_text: str) -> str | None:
    """The text of ``data`` read as Big5 when that reads as traditional Chinese and the
    GB18030 reading is mostly rare characters (a Big5 file read as GB18030 is)."""
    gb_share = _common_share(gb_text, "gb2312", 0xB0, 0xD7)
    if gb_share >= 0.6:
        return None
    try:
        text = data.decode(BIG5)
    except UnicodeDecodeError:
        return None
    big5_share = _common_share(text, BIG5, 0xA4, 0xC6)
    return text if big5_share >= 0.8 and big5_share > gb_share + 0.2 else None


def binary_reason(data: bytes) -> str | None:
    """What makes ``data`` binary before anything is decoded: a NUL byte, or too many
    control characters (or None). A UTF-16 or UTF-32 byte order mark makes it text:
    its NUL bytes are half of its characters."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):
        return None
    nul = data.find(b"\x00")
    if nul >= 0:
        return f"a NUL byte at byte offset {nul}"
    suspicious = len(data) - len(data.translate(None, CONTROL_BYTES))
    if suspicious * NOT_TEXT_SHARE > len(data):
        return f"{suspicious} of its {len(data)} bytes are control characters"
    return None


def not_text_reason(data: bytes) -> str | None:
    """Why ``data`` is not a text file (a NUL byte, mostly control or undecodable bytes), or None.

    A file with a UTF-16 or UTF-32 byte order mark is text: its NUL bytes are
    half of its characters.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):
        return None
    reason = binary_reason(data)
    if reason is not None:
        return reason
    suspicious = len(data) - len(data.translate(None, CONTROL_BYTES))
    if _decodes(data, UTF8) or _decodes(data, GB18030):
        return None
    undecodable = min(data.decode(name, "replace").count(REPLACEMENT) for name in (UTF8, GB18030))
    if (suspicious + undecodable) * NOT_TEXT_SHARE > len(data):
        return (
            f"{undecodable + suspicious} of its {len(data)} bytes do not decode "
            "or are control characters"
        )
    return None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _find_mixed(data: bytes, decoded: Decoded) -> MixedRun | None:
    """The first run of UTF-8 in bytes decoded as GB18030 (and how many there are)."""
    found = UTF8_RUN.search(data)
    if found is None:
        return None
    runs = 1 + sum(1 for _ in UTF8_RUN.finditer(data, found.end()))
    start = found.start()
    # Characters wholly before the run, plus one U+FFFD per bad byte before it.
    offset = len(data[:start].decode(decoded.encoding, "ignore")) + sum(
        len(record.data) // 2 for record in decoded.undecoded if record.byte_offset < start
    )
    return MixedRun(min(offset, len(decoded.text)), start, found.end(), runs)


_state = threading.local()


def _record_error(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    _state.errors.append((error.start, error.end))
    return REPLACEMENT * (error.end - error.start), error.end


codecs.register_error("articleparse-record", _record_error)


def _plan(data: bytes, encoding: str) -> tuple[int, str, str]:
    """(length of the mark cut off, the codec the rest is decoded with, the codec recorded)."""
    if encoding not in _WRITTEN_MARK:
        return 0, encoding, encoding
    for mark, recorded, plain in _BOM_CODECS:
        if _family(recorded) == _family(encoding) and data.startswith(mark):
            if recorded == encoding:
                return len(mark), plain, recorded
            return 0, plain, plain  # big-endian: the mark stays in the text as U+FEFF
    # No mark: the byte order the codec's decoder assumes, recorded as its plain codec.
    plain = _WRITTEN_MARK[encoding][1]
    return 0, plain, plain


def _family(encoding: str) -> str:
    return encoding[:6]  # 'utf-8-', 'utf-16', 'utf-32'


_SURROGATE = re.compile("[\ud800-\udfff]")
_UTF7_SHIFTED = re.compile(rb"\+[A-Za-z0-9+/]*-?")
"""A shifted (base64) run of UTF-7: '+', the base64 digits, the optional '-' that
closes it. Outside such runs each byte is one character (or one bad byte)."""


def _decode_recording(data: bytes, encoding: str) -> Decoded:
    """Decode, turning every undecodable byte into U+FFFD and recording it.

    Decoders give code points, not always text: UTF-7 decodes a shifted run such
    as ``+2Jg-`` to a lone surrogate (U+D898), which no text may hold (JSON
    cannot write it). Such a run is undecodable bytes too.
    """
    bom, plain, recorded = _plan(data, encoding)
    body = data[bom:]
    text, undecoded = _decode_body(body, bom, plain, encoding)
    if _SURROGATE.search(text) is not None:
        text, undecoded = _without_surrogates(body, bom, plain, encoding)
    return Decoded(text, recorded, undecoded)


def _without_surrogates(
    body: bytes, bom: int, plain: str, encoding: str
) -> tuple[str, list[UndecodedBytes]]:
    """``body`` decoded again piece by piece, each piece that gives a surrogate recorded
    as undecodable bytes (one U+FFFD per byte, as for any other bad byte).

    The pieces are those a decoder starts afresh on: UTF-7's shifted runs and the
    bytes between them. Of Python's codecs only UTF-7 gives surrogates from
    bytes it accepts; another codec that does cannot read files (``ValueError``,
    as for a codec that takes no error handler).
    """
    if plain != "utf-7":
        raise ValueError(f"encoding {encoding!r} cannot decode files: it gives lone surrogates")
    records: list[UndecodedBytes] = []
    parts: list[str] = []
    length = 0
    position = 0
    for found in _UTF7_SHIFTED.finditer(body):
        for start, end in ((position, found.start()), found.span()):
            piece, piece_records = _decode_body(body[start:end], bom + start, plain, encoding)
            if _SURROGATE.search(piece) is not None:
                piece = REPLACEMENT * (end - start)
                piece_records = [
                    _UNDECODED(offset=0, byte_offset=bom + start, data=body[start:end].hex())
                ]
            records.extend(_shifted(record, length) for record in piece_records)
            parts.append(piece)
            length += len(piece)
        position = found.end()
    piece, piece_records = _decode_body(body[position:], bom + position, plain, encoding)
    records.extend(_shifted(record, length) for record in piece_records)
    parts.append(piece)
    return "".join(parts), records


def _shifted(record: UndecodedBytes, offset: int) -> UndecodedBytes:
    return _UNDECODED(
        offset=record.offset + offset, byte_offset=record.byte_offset, data=record.data
    )


_UNDECODED: Final = trusted(UndecodedBytes)
"""One record per run of bad bytes, built without validation: the decoder's
offsets and hex digits are what the model asks for, and a file of bad bytes
keeps one record per run."""


def _decode_body(
    body: bytes, bom: int, plain: str, encoding: str
) -> tuple[str, list[UndecodedBytes]]:
    """``body`` (the file's bytes from ``bom`` on) decoded, and its bad bytes recorded."""
    _state.errors = []
    try:
        text = body.decode(plain, errors="articleparse-record")
    except UnicodeError as exc:  # a codec that takes no error handler
        raise ValueError(f"encoding {encoding!r} cannot decode files: {exc}") from exc
    finally:
        errors: list[tuple[int, int]] = _state.errors
        _state.errors = []
    undecoded: list[UndecodedBytes] = []
    text_offset = 0
    byte_position = 0
    for start, end in errors:
        text_offset += len(body[byte_position:start].decode(plain, errors="replace"))
        undecoded.append(
            _UNDECODED(offset=text_offset, byte_offset=bom + start, data=body[start:end].hex())
        )
        text_offset += end - start
        byte_position = end
    return text, undecoded


def encode_original(text: str, encoding: str, undecoded: list[UndecodedBytes]) -> bytes:
    """The original bytes: ``text`` encoded, with each recorded bad byte put back."""
    out = bytearray()
    encoding = codecs.lookup(encoding).name
    if encoding in _WRITTEN_MARK:
        mark, encoding = _WRITTEN_MARK[encoding]
        out += mark
    # One incremental encoder for the whole text: a stateful codec (iso2022)
    # keeps its shift state across the pieces between bad bytes.
    encoder = codecs.getincrementalencoder(encoding)()
    position = 0
    for record in undecoded:
        out += encoder.encode(text[position : record.offset])
        out += bytes.fromhex(record.data)
        position = record.offset + len(record.data) // 2
    out += encoder.encode(text[position:], final=True)
    return bytes(out)
