"""Bytes → text: BOM, UTF-8, GB18030, and an exact record of bytes that did not decode.

Undecodable bytes never raise and are never replaced silently: each run of them
becomes one U+FFFD per byte, an ``UndecodedBytes`` record (text offset, byte
offset, the bytes in hex) and an error diagnostic. ``encode_original`` puts the
original bytes back.
"""

from __future__ import annotations

import codecs
import threading
from dataclasses import dataclass, field

from .model import UndecodedBytes

UTF8 = "utf-8"
UTF8_SIG = "utf-8-sig"
GB18030 = "gb18030"
REPLACEMENT = "\ufffd"


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    undecoded: list[UndecodedBytes] = field(default_factory=list)
    fallback: bool = False


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data``: the given encoding, else UTF-8 (BOM noted), else GB18030."""
    if encoding is not None:
        codecs.lookup(encoding)  # an unknown name is a usage error: LookupError
        return _decode_recording(data, encoding)
    if data.startswith(codecs.BOM_UTF8):
        return _decode_recording(data, UTF8_SIG)
    try:
        return Decoded(data.decode(UTF8), UTF8)
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode(GB18030), GB18030, fallback=True)
    except UnicodeDecodeError:
        pass
    utf8 = _decode_recording(data, UTF8)
    gb = _decode_recording(data, GB18030)
    best = gb if len(gb.undecoded) < len(utf8.undecoded) else utf8
    best.fallback = best is gb
    return best


_state = threading.local()


def _record_error(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    _state.errors.append((error.start, error.end))
    return REPLACEMENT * (error.end - error.start), error.end


codecs.register_error("articleparse-record", _record_error)


def _decode_recording(data: bytes, encoding: str) -> Decoded:
    """Decode, turning every undecodable byte into U+FFFD and recording it."""
    bom = 0
    if encoding == UTF8_SIG:
        # The BOM is cut off here and the rest decoded as plain UTF-8: the
        # utf-8-sig codec reports error positions relative to the BOM's end.
        bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        encoding = UTF8_SIG if bom else UTF8
    plain = UTF8 if encoding == UTF8_SIG else encoding
    body = data[bom:]
    _state.errors = []
    text = body.decode(plain, errors="articleparse-record")
    errors: list[tuple[int, int]] = _state.errors
    _state.errors = []
    undecoded: list[UndecodedBytes] = []
    text_offset = 0
    byte_position = 0
    for start, end in errors:
        text_offset += len(body[byte_position:start].decode(plain, errors="replace"))
        undecoded.append(
            UndecodedBytes.model_construct(
                offset=text_offset, byte_offset=bom + start, data=body[start:end].hex()
            )
        )
        text_offset += end - start
        byte_position = end
    return Decoded(text, encoding, undecoded)


def encode_original(text: str, encoding: str, undecoded: list[UndecodedBytes]) -> bytes:
    """The original bytes: ``text`` encoded, with each recorded bad byte put back."""
    out = bytearray()
    if encoding == UTF8_SIG:
        out += codecs.BOM_UTF8
        encoding = UTF8
    # One incremental encoder for the whole text: a codec with a BOM (utf-16)
    # writes it once, not once per piece between bad bytes.
    encoder = codecs.getincrementalencoder(encoding)()
    position = 0
    for record in undecoded:
        out += encoder.encode(text[position : record.offset])
        out += bytes.fromhex(record.data)
        position = record.offset + len(record.data) // 2
    out += encoder.encode(text[position:], final=True)
    return bytes(out)
