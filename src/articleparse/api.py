"""The front door: decode → tokenize → build, and nothing else."""

from __future__ import annotations

import gc
import os

from .collector import untrack_tree
from .diagnostics import DiagnosticLog, ParseError
from .inputs import read_input
from .model import Article, Source
from .parser.builder import Builder
from .parser.decode import Decoded, decode
from .parser.lines import LineIndex
from .parser.tokenizer import tokenize
from .parser.trusted import trusted


def parse(text: str, *, strict: bool = False) -> Article:
    """Parse scrape-format text into an :class:`Article`.

    Never raises on content: problems become ``doc.diagnostics`` (at most
    ``MAX_DIAGNOSTICS`` of them). With ``strict=True``, raises
    :class:`ParseError` when any diagnostic is an error.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}; use parse_file() for bytes")
    log = DiagnosticLog(keep_all=strict)
    doc = _build(text, log)
    _finish(log, strict)
    untrack_tree(doc)
    return doc


def parse_file(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    strict: bool = False,
    max_bytes: int | None = None,
) -> Article:
    """Read, decode and parse a file; the encoding used is recorded in ``doc.source``.

    Only a regular file is read (links followed), and opening never blocks: a
    FIFO, device, socket or folder raises
    :class:`~articleparse.inputs.UnreadableInput` (an ``OSError``), as
    does a file over ``max_bytes`` when a limit is given. Binary content is
    parsed like any other bytes (the corpus tools refuse it as ``not-text``).
    """
    data = read_input(os.fspath(path), max_bytes, text=False)
    return parse_bytes(data, encoding=encoding, strict=strict)


def parse_bytes(data: bytes, *, encoding: str | None = None, strict: bool = False) -> Article:
    """Decode and parse bytes (a byte order mark, else UTF-8, else GB18030).

    ``encoding`` names a codec in any spelling Python accepts; an unknown name
    raises ``LookupError``, a codec that cannot read files (``idna``,
    ``base64``) ``ValueError``.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"parse_bytes() takes bytes, not {type(data).__name__}")
    return parse_decoded(decode(bytes(data), encoding), strict=strict)


def parse_decoded(decoded: Decoded, *, strict: bool = False) -> Article:
    """Parse text that :func:`~articleparse.parser.decode.decode` gave: what
    :func:`parse_bytes` does after decoding, for a caller that has decoded already."""
    log = DiagnosticLog(keep_all=strict)
    _decode_diagnostics(decoded, log)
    doc = _build(decoded.text, log)
    doc.source = _SOURCE(encoding=decoded.encoding, undecoded=decoded.undecoded)
    _finish(log, strict)
    untrack_tree(doc)
    return doc


_SOURCE = trusted(Source)


def _build(text: str, log: DiagnosticLog) -> Article:
    # Parsing makes no reference cycles, so the cyclic collector has nothing to
    # find; paused, it no longer rescans the growing tree, which kept the cost per
    # byte of large documents about 20% above that of small ones. The finished tree
    # leaves its lists altogether (collector.untrack_tree), so kept trees cost it nothing.
    pause = gc.isenabled()
    if pause:
        gc.disable()
    try:
        return Builder(text, tokenize(text), log).build()
    finally:
        if pause:
            gc.enable()


def _finish(log: DiagnosticLog, strict: bool) -> None:
    """Raise for ``strict`` on any error (the document keeps a bounded number of
    diagnostics: ``log.result()``, which the builder gave it)."""
    if strict and log.errors:
        raise ParseError(log.found)


def _decode_diagnostics(decoded: Decoded, log: DiagnosticLog) -> None:
    """The decoder's diagnostics, first in the document's list."""
    if not (decoded.undecoded or decoded.fallback):
        return
    lines = LineIndex(decoded.text)
    if decoded.guessed:
        detail = f"decoded as {decoded.encoding}: read as gb18030 it is mostly rare characters"
        log.add("decode-guessed", detail, 0, _start)
    elif decoded.fallback:
        log.add("decode-fallback", f"decoded as {decoded.encoding}", 0, _start)
    mixed = decoded.mixed
    if mixed is not None:
        more = f" (and {mixed.runs - 1} more such run(s))" if mixed.runs > 1 else ""
        detail = (
            f"bytes {mixed.byte_offset} to {mixed.byte_end} are UTF-8 text in a file "
            f"decoded as {decoded.encoding}{more}"
        )
        log.add("decode-mixed", detail, mixed.offset, lines.position)
    for record in decoded.undecoded:
        detail = (
            f"byte(s) {record.data} at byte offset {record.byte_offset} "
            f"are not valid {decoded.encoding}"
        )
        log.add("decode-invalid-bytes", detail, record.offset, lines.position)


def _start(offset: int) -> tuple[int, int]:
    """Line and column of the decoder's diagnostics about the whole file: its start."""
    return 1, 1
