"""The front door: decode → tokenize → build, and nothing else."""

from __future__ import annotations

import gc
import os

from .builder import Builder
from .decode import decode
from .diagnostics import ParseError, make_diagnostic
from .model import Article, Source
from .spans import LineIndex
from .tokenizer import tokenize


def parse(text: str, *, strict: bool = False) -> Article:
    """Parse scrape-format text into an :class:`Article`.

    Never raises on content: problems become ``doc.diagnostics``. With
    ``strict=True``, raises :class:`ParseError` when any diagnostic is an error.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use parse_file() for bytes")
    # Parsing makes no reference cycles, so the cyclic collector has nothing to
    # find; paused, it no longer rescans the growing tree, which kept the cost per
    # byte of large documents about 20% above that of small ones.
    pause = gc.isenabled()
    if pause:
        gc.disable()
    try:
        doc = Builder(text, tokenize(text)).build()
    finally:
        if pause:
            gc.enable()
    _check_strict(doc, strict)
    return doc


def parse_file(
    path: str | os.PathLike[str], *, encoding: str | None = None, strict: bool = False
) -> Article:
    """Read, decode and parse a file; the encoding used is recorded in ``doc.source``."""
    with open(path, "rb") as handle:
        data = handle.read()
    return parse_bytes(data, encoding=encoding, strict=strict)


def parse_bytes(data: bytes, *, encoding: str | None = None, strict: bool = False) -> Article:
    """Decode and parse bytes (UTF-8 with or without BOM, else GB18030)."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"parse_bytes() takes bytes, not {type(data).__name__}")
    decoded = decode(bytes(data), encoding)
    doc = parse(decoded.text)
    doc.source = Source.model_construct(encoding=decoded.encoding, undecoded=decoded.undecoded)
    if decoded.undecoded or decoded.fallback:
        lines = LineIndex(decoded.text)
        found = []
        if decoded.fallback:
            found.append(
                make_diagnostic("decode-fallback", f"decoded as {decoded.encoding}", 1, 1, 0)
            )
        for record in decoded.undecoded:
            line, column = lines.position(record.offset)
            detail = (
                f"byte(s) {record.data} at byte offset {record.byte_offset} "
                f"are not valid {decoded.encoding}"
            )
            found.append(
                make_diagnostic("decode-invalid-bytes", detail, line, column, record.offset)
            )
        doc.diagnostics = found + doc.diagnostics
    _check_strict(doc, strict)
    return doc


def _check_strict(doc: Article, strict: bool) -> None:
    if strict and any(d.severity == "error" for d in doc.diagnostics):
        raise ParseError(doc.diagnostics)
