"""``parse_many``: many files in, one result per file out, in input order.

:func:`parse_input` is the work done for one file wherever it runs (in this
process, a worker process, a Dask or Spark worker): read the bytes, note their
size and SHA-256, decode and parse, and turn any failure into the result's
``error``. :func:`parse_many` maps it over files, folders and in-memory pairs
with the ordered pool of :mod:`.batch`; the command line maps the same step
followed by its serialisers.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..api import parse_decoded
from ..collector import untrack_tree
from ..diagnostics import Diagnostic, ParseError
from ..inputs import DEFAULT_MAX_BYTES, read_input, shown_path
from ..model import Article
from ..parser.decode import Decoded, binary_reason, decode, not_text_reason
from ..parser.trusted import from_plain, to_plain
from ..serialize.record import Provenance, Status, failed_record, status_of, to_record
from .batch import DEFAULT_GLOB, Input, Source, default_jobs, iter_inputs, ordered_map


@dataclass(slots=True)
class ParseResult:
    """What parsing one input gave: the document, or why there is none.

    ``article`` is ``None`` when the file could not be read (``unreadable``),
    the parser failed on it, or ``strict`` refused it for an error diagnostic;
    ``error`` then says which, in one line. ``diagnostics`` are the document's
    (kept when ``strict`` refused it). ``size`` and ``sha256`` describe the
    input bytes, ``encoding`` how they were decoded. ``normalize`` is the
    default of :meth:`record`'s option of that name.
    """

    path: str
    article: Article | None = None
    error: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    relative_path: str | None = None
    size: int | None = None
    sha256: str | None = None
    encoding: str | None = None
    unreadable: bool = False
    normalize: bool = False

    @property
    def ok(self) -> bool:
        """A document with no error diagnostic."""
        return self.article is not None and self.status != "error"

    @property
    def status(self) -> Status:
        """``error`` (no document, or an error diagnostic), ``warnings`` or ``ok``."""
        return "error" if self.error is not None else status_of(self.diagnostics)

    @property
    def provenance(self) -> Provenance:
        return Provenance(self.path, self.relative_path, self.size, self.sha256, self.encoding)

    def __reduce__(self) -> tuple[Any, ...]:
        # A worker sends its results back by pickle. The tree goes as plain data
        # (parser.trusted.to_plain): pickled node by node it would cost the
        # process that collects it more than the parse did in the worker.
        doc = self.article
        shared = doc is not None and self.diagnostics is doc.diagnostics
        return (
            _rebuild_result,
            (
                self.path,
                None if doc is None else to_plain(doc),
                self.error,
                None if shared else [to_plain(d) for d in self.diagnostics],
                self.relative_path,
                self.size,
                self.sha256,
                self.encoding,
                self.unreadable,
            ),
        )

    def record(
        self, *, section_text: bool = False, normalize: bool | None = None
    ) -> dict[str, Any]:
        """The flat record of this input (see :func:`articleparse.to_record`)."""
        if self.article is None:
            return failed_record(
                self.path,
                self.error or "",
                provenance=self.provenance,
                diagnostics=self.diagnostics,
            )
        return to_record(
            self.article,
            provenance=self.provenance,
            section_text=section_text,
            normalize=self.normalize if normalize is None else normalize,
        )


def _rebuild_result(
    path: str,
    plain: tuple[Any, ...] | None,
    error: str | None,
    diagnostics: list[tuple[Any, ...]] | None,
    *rest: Any,
) -> ParseResult:
    article: Article | None = None if plain is None else from_plain(plain)
    if diagnostics is not None:
        found = [from_plain(d) for d in diagnostics]
        untrack_tree(found)
    else:
        found = article.diagnostics if article is not None else []
    untrack_tree(article)  # as parse_decoded leaves a tree it made here
    return ParseResult(path, article, error, found, *rest)


def parse_input(
    item: Input,
    encoding: str | None = None,
    strict: bool = False,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> ParseResult:
    """Read and parse one input; never raises on the file (any failure is the result's error).

    Only a regular file of at most ``max_bytes`` is read (``None``: no limit);
    anything else is ``unreadable``. A file that is not text (NUL bytes, mostly
    control or undecodable bytes) gives no document and the error ``not-text``,
    unless ``encoding`` says how to read it. The result's paths are shown with
    :func:`.files.shown_path`, so a name that is not UTF-8 can be written anywhere.
    """
    result = ParseResult(shown_path(item.path), relative_path=shown_path(item.name))
    try:
        if item.data is None:
            data = read_input(item.path, max_bytes, text=False)
        elif max_bytes is not None and len(item.data) > max_bytes:
            raise OSError(f"too large: over the limit of {max_bytes:,} bytes (--max-bytes)")
        else:
            data = item.data
    except OSError as exc:
        result.error = f"cannot read: {exc.strerror or exc}"
        result.unreadable = True
        return result
    if encoding is None:
        reason = binary_reason(data)
        if reason is not None:
            result.error = f"not-text: not a text file: {reason}"
            return result
    decoded: Decoded | Exception
    try:
        decoded = decode(data, encoding)
    except Exception as exc:  # raised inside the parse, as parse_bytes raises it
        decoded = exc
    if encoding is None and isinstance(decoded, Decoded) and decoded.undecoded:
        reason = not_text_reason(data)
        if reason is not None:
            result.error = f"not-text: not a text file: {reason}"
            return result
    result.size = len(data)
    result.sha256 = hashlib.sha256(data).hexdigest()
    try:
        if isinstance(decoded, Exception):
            raise decoded
        doc = parse_decoded(decoded)
    except Exception as exc:  # a parser bug must cost one file, not the run
        result.error = f"parser failed: {type(exc).__name__}: {exc}"
        return result
    result.encoding = doc.source.encoding
    result.diagnostics = doc.diagnostics
    if strict and any(d.severity == "error" for d in doc.diagnostics):
        result.error = str(ParseError(doc.diagnostics))
    else:
        result.article = doc
    return result


def parse_many(
    sources: Source | Iterable[Source],
    *,
    jobs: int | None = None,
    encoding: str | None = None,
    strict: bool = False,
    glob: str = DEFAULT_GLOB,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    normalize: bool = False,
) -> Iterator[ParseResult]:
    """Parse files, folders and ``(name, bytes)`` pairs; one :class:`ParseResult` each, in order.

    Folders are walked as the command line walks them (recursively, sorted,
    files matching ``glob``, hidden ones skipped). ``jobs`` processes share the
    work (default: every core; ``1`` stays in this process); results come back
    in input order, and only a few chunks of them are in flight at a time, so
    memory stays flat on any number of files. One bad file never raises: its
    result carries the error. ``encoding`` forces the decoding of every file
    (an unknown name raises :class:`LookupError` here, before any work);
    ``strict`` gives no document for a file with an error diagnostic.
    ``max_bytes`` (64 MB by default, ``None`` for no limit) is the largest file
    read; larger files, and anything but a regular file, are ``unreadable``.
    ``normalize`` makes each result's :meth:`~ParseResult.record` fill the
    ``normalized_*`` columns.
    """
    if encoding is not None:
        codecs.lookup(encoding)
    if isinstance(sources, str | os.PathLike | tuple):
        sources = [sources]
    task = functools.partial(parse_input, encoding=encoding, strict=strict, max_bytes=max_bytes)
    results = ordered_map(task, iter_inputs(sources, glob, max_bytes), jobs or default_jobs())
    return _normalizing(results) if normalize else results


def _normalizing(results: Iterator[ParseResult]) -> Iterator[ParseResult]:
    for result in results:
        result.normalize = True
        yield result
