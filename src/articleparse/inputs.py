"""Reading one input file safely, and showing its path.

A corpus is whatever a scraper left in a folder: FIFOs, links to devices,
files of gigabytes, binary files named ``*.txt``, names that are not UTF-8.
:func:`read_input` is the one way the corpus tools read a file: it reads only
regular files (after following links), never more than ``max_bytes``, and
refuses what is not text, each as one error for that file. Opening never
blocks: a FIFO is opened without waiting for a writer and then refused.
"""

from __future__ import annotations

import os
import re
import stat
from typing import Any

from .parser.decode import not_text_reason

_HEX = re.compile(rb"[0-9a-fA-F]{2}")

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""Largest input read (64 MB): scraped articles are tens of kilobytes, and a
file of prose this size already takes about a gigabyte of memory to parse (a
file of tiny nodes, lines of one character, takes up to 500 bytes per byte:
docs/reliability.md)."""

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def file_kind(mode: int) -> str:
    """What a file of ``mode`` is when it is no regular file ('a FIFO', 'a folder' …)."""
    return next((name for test, name in _KINDS if test(mode)), "not a file")


class UnreadableInput(OSError):
    """The input is not a regular file, or is larger than the limit: it is not read at all."""


class NotText(ValueError):
    """The input holds NUL bytes or mostly bytes that are no text (code ``not-text``)."""


def read_input(path: str, max_bytes: int | None = DEFAULT_MAX_BYTES, *, text: bool = True) -> bytes:
    """The bytes of the regular file at ``path`` (links followed), at most ``max_bytes``.

    Raises :class:`UnreadableInput` (an ``OSError``) for anything but a regular
    file and for a file over the limit, :class:`NotText` for binary data, and
    ``OSError`` when the file cannot be opened or read. ``text=False`` skips the
    text check (for a file whose encoding is given, such as UTF-16 without a mark).
    A URL (``s3://bucket/a.txt``) is read through fsspec (:func:`read_url`).
    """
    if is_url(path):
        return read_url(path, max_bytes, text=text)
    descriptor = os.open(
        path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    )
    try:  # checked before a file object exists: fdopen refuses a folder on its own terms
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            kind = file_kind(info.st_mode)
            raise UnreadableInput(f"not a regular file ({kind}); only regular files are read")
        if max_bytes is not None and info.st_size > max_bytes:
            raise UnreadableInput(_too_large(info.st_size, max_bytes))
    except BaseException:
        os.close(descriptor)
        raise
    # Sized from fstat: asking for max_bytes + 1 would allocate that much for every
    # file. A file that grew since (or a size of 0, as files in /proc report) is
    # read on, still never past one byte over the limit.
    expected = info.st_size if max_bytes is None else min(info.st_size, max_bytes)
    with os.fdopen(descriptor, "rb") as handle:
        data = handle.read(expected + 1)
        if len(data) > expected:
            data += handle.read() if max_bytes is None else handle.read(max_bytes + 1 - len(data))
    if max_bytes is not None and len(data) > max_bytes:
        raise UnreadableInput(_too_large(len(data), max_bytes))
    if text:
        check_text(data)
    return data


def is_url(path: str) -> bool:
    """``s3://…``, ``gs://…``, ``file://…``: a path for fsspec rather than the operating system."""
    return "://" in path


def filesystem(url: str) -> tuple[Any, str]:
    """fsspec's file system for ``url`` and the path within it."""
    try:
        import fsspec
    except ImportError:
        raise UnreadableInput(
            f"{url}: reading URLs needs fsspec: pip install 'articleparse[remote]'"
        ) from None
    try:
        found: tuple[Any, str] = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:  # no backend for the protocol (s3fs, gcsfs, …)
        raise UnreadableInput(f"{url}: {exc}") from None
    return found


def read_url(url: str, max_bytes: int | None = DEFAULT_MAX_BYTES, *, text: bool = True) -> bytes:
    """The bytes of the file at ``url``, through fsspec, with the checks of :func:`read_input`.

    Any failure of the store is an ``OSError`` (one error for that file).
    """
    fs, location = filesystem(url)
    try:
        info = fs.info(location)
        if info.get("type") != "file":
            raise UnreadableInput(f"not a file ({info.get('type')}); only files are read")
        size = info.get("size")
        if max_bytes is not None and size is not None and size > max_bytes:
            raise UnreadableInput(_too_large(size, max_bytes))
        with fs.open(location, "rb") as handle:
            data: bytes = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except OSError:
        raise
    except Exception as exc:  # a backend's own error: one error for this file
        raise OSError(f"{type(exc).__name__}: {exc}") from exc
    if max_bytes is not None and len(data) > max_bytes:
        raise UnreadableInput(_too_large(len(data), max_bytes))
    if text:
        check_text(data)
    return data


def check_text(data: bytes) -> None:
    """Raise :class:`NotText` when ``data`` is not a text file."""
    reason = not_text_reason(data)
    if reason is not None:
        raise NotText(f"not-text: not a text file: {reason}")


def _too_large(size: int, max_bytes: int) -> str:
    return f"too large: {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)"


def shown_path(path: str) -> str:
    """``path`` as text that can be written anywhere: bytes that are not UTF-8 as ``\\xNN``.

    A name written by a GBK tool comes from the file system as a ``str`` with
    surrogate escapes (``os.fsdecode``); those cannot be encoded as UTF-8, so
    every message, record and output file shows ``范文.txt`` written in GBK as
    ``\\xb7\\xb6\\xce\\xc4.txt``. :func:`path_from_shown` gives the name back.
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")
    return path


def path_from_shown(shown: str) -> str:
    """The file system path that :func:`shown_path` showed as ``shown``.

    Only a name that was not UTF-8 was escaped, so text whose unescaping gives
    valid UTF-8 (a name with a literal ``\\x41`` in it) is a name as it is.
    """
    if "\\x" not in shown:
        return shown
    raw = shown.encode("utf-8")
    out = bytearray()
    index = 0
    while index < len(raw):
        pair = raw[index : index + 2]
        digits = raw[index + 2 : index + 4]
        if pair == b"\\\\":
            out += b"\\"
            index += 2
        elif pair == b"\\x" and len(digits) == 2 and _HEX.fullmatch(digits):
            out.append(int(digits, 16))
            index += 4
        else:
            out.append(raw[index])
            index += 1
    try:
        bytes(out).decode("utf-8")
    except UnicodeDecodeError:
        return os.fsdecode(bytes(out))
    return shown
