"""Where a batch's output goes: a stream, one file, or a folder of shards.

Every writer takes the bytes each worker made for one file (a JSON line; for
Parquet the file's record as a JSON line, which Arrow parses a row group at
a time) and keeps nothing else of the results, so memory stays flat.

- :class:`JsonLinesWriter` copies the bytes out.
- :class:`ParquetWriter` buffers up to :data:`ROW_GROUP_ROWS` records, then
  writes them as one row group of the record's Arrow schema (zstd).
- :class:`ShardedOutput` is ``--output-dir``: shards of ``shard_size`` inputs
  (``part-00000.parquet`` or ``.jsonl``), each written through
  :func:`.atomic.atomic_file` so that it appears only when complete, and a
  manifest listing the inputs each complete shard holds (each by its real
  path, however it was spelled), which ``--resume`` reads to skip them.
- :class:`ErrorsFile` is ``--errors FILE``: one JSON line per failed input.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from .arrow import json_lines_table, record_arrow_schema, require_pyarrow
from .atomic import atomic_file

ROW_GROUP_ROWS = 1000
"""Records per Parquet row group: the most the Parquet writer holds at a time."""
DEFAULT_SHARD_SIZE = 5000
"""Inputs per shard in ``--output-dir``."""
COMPRESSION = "zstd"
MANIFEST = "_manifest.ndjson"
"""A name no data glob matches (``*.jsonl``, ``*.parquet``), with a leading underscore,
which Arrow, Spark and Dask skip when reading a folder."""
OLD_MANIFESTS = ("_manifest.jsonl",)
SHARD_PATTERN = re.compile(r"part-(\d{5,})\.(parquet|jsonl)")
_TEMPORARY = re.compile(r"\.(part-\d{5,}\.(parquet|jsonl)|_manifest\.ndjson)\..*\.tmp")


class OutputError(Exception):
    """The output cannot be written as asked (a usage error, reported before any work)."""


class CannotWrite(Exception):
    """Writing an output failed during the run (a full disk, an I/O error): the run failed."""


@contextlib.contextmanager
def writing(name: str | os.PathLike[str]) -> Iterator[None]:
    """Turn an error writing ``name`` into :class:`CannotWrite`, saying which output and why.

    A broken pipe stays what it is: the reader went away, which is no failure to write.
    """
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise CannotWrite(f"cannot write {os.fspath(name)}: {exc.strerror or exc}") from exc


class RecordWriter(Protocol):
    def write(self, data: bytes) -> None: ...

    def close(self) -> None: ...

    def abandon(self) -> None:
        """Stop without finishing the file (its temporary file is about to be removed)."""


class JsonLinesWriter:
    """Each file's bytes, as they come."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def write(self, data: bytes) -> None:
        self.stream.write(data)

    def close(self) -> None:
        self.stream.flush()

    def abandon(self) -> None:
        pass


class ParquetWriter:
    """Records (one JSON line each) into a Parquet file, a row group at a time."""

    def __init__(self, stream: BinaryIO, row_group_rows: int = ROW_GROUP_ROWS) -> None:
        require_pyarrow()
        from pyarrow import parquet

        self.row_group_rows = row_group_rows
        self._pending: list[bytes] = []
        self._writer = parquet.ParquetWriter(stream, record_arrow_schema(), compression=COMPRESSION)

    def write(self, data: bytes) -> None:
        self._pending.append(data)
        if len(self._pending) >= self.row_group_rows:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._writer.write_table(json_lines_table(b"".join(self._pending)))
            self._pending = []

    def close(self) -> None:
        self._flush()
        self._writer.close()

    def abandon(self) -> None:
        self._pending = []
        with contextlib.suppress(Exception):
            self._writer.close()


def writer_for(format: str, stream: BinaryIO) -> RecordWriter:
    return ParquetWriter(stream) if format == "parquet" else JsonLinesWriter(stream)


def check_format_available(format: str) -> None:
    """Refuse Parquet up front, with the install hint, when pyarrow is missing."""
    if format == "parquet":
        try:
            require_pyarrow()
        except ImportError as exc:
            raise OutputError(str(exc)) from None


# ------------------------------------------------------------------ shards


@dataclass(slots=True)
class ShardEntry:
    """One manifest line: a complete shard and the inputs it holds, in order."""

    shard: str
    inputs: list[str]
    failed: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> bytes:
        entry = {
            "shard": self.shard,
            "records": len(self.inputs),
            "inputs": self.inputs,
            "failed": self.failed,
        }
        return (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


class ShardedOutput:
    """``--output-dir``: complete shards plus a manifest; ``resume`` carries on from them.

    A shard is written to a temporary file and renamed into place when its
    last input is in, then its manifest line is appended. On resume, the
    manifest's shards that are there count as done; a torn last manifest line,
    a shard that the manifest does not list (the run stopped between the
    rename and the manifest line) and leftover temporary files are removed,
    so the run writes those inputs again and the folder ends as one
    uninterrupted run would have left it.
    """

    def __init__(
        self,
        folder: str | os.PathLike[str],
        format: str,
        *,
        shard_size: int = DEFAULT_SHARD_SIZE,
        resume: bool = False,
    ) -> None:
        self.folder = Path(folder)
        self.format = format
        self.suffix = "parquet" if format == "parquet" else "jsonl"
        self.shard_size = shard_size
        self.entries: list[ShardEntry] = []  # the shards complete before this run
        self.next_index = 0
        self._stack = contextlib.ExitStack()
        self._writer: RecordWriter | None = None
        self._inputs: list[str] = []
        self._failed: list[dict[str, Any]] = []
        with writing(self.folder):
            self._prepare(resume)
        self.done: Counter[str] = Counter(key for entry in self.entries for key in entry.inputs)
        """How many times each input (by key) is in the complete shards."""

    # -- opening

    def _prepare(self, resume: bool) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create {self.folder}: {exc.strerror or exc}") from None
        if not os.access(self.folder, os.W_OK | os.X_OK):
            raise OutputError(f"cannot write in {self.folder}")
        names = os.listdir(self.folder)
        shards = [name for name in names if SHARD_PATTERN.fullmatch(name)]
        if not resume:
            if shards or MANIFEST in names or set(OLD_MANIFESTS) & set(names):
                raise OutputError(
                    f"{self.folder} already holds shards: pass --resume to carry on, "
                    "or choose an empty folder"
                )
            return
        self.entries = [
            entry for entry in _read_manifest(self.folder / MANIFEST) if entry.shard in shards
        ]
        other = {entry.shard.rpartition(".")[2] for entry in self.entries}
        if other - {self.suffix}:
            raise OutputError(
                f"{self.folder} holds {', '.join(sorted(other))} shards, not {self.suffix}"
            )
        listed = {entry.shard for entry in self.entries}
        self.next_index = 1 + max((_index(name) for name in listed), default=-1)
        for name in names:
            if (name in shards and name not in listed) or _TEMPORARY.fullmatch(name):
                (self.folder / name).unlink()
        with atomic_file(self.folder / MANIFEST) as stream:
            for entry in self.entries:
                stream.write(entry.as_json())

    @property
    def prior_failures(self) -> list[dict[str, Any]]:
        """The failed inputs of the shards already complete (from the manifest)."""
        return [failure for entry in self.entries for failure in entry.failed]

    # -- writing

    def write(self, key: str, data: bytes, failure: dict[str, Any] | None = None) -> None:
        """Add one input's bytes; ``key`` names it in the manifest (:func:`.batch.input_key`)."""
        with writing(self.folder):
            if self._writer is None:
                self._open_shard()
            assert self._writer is not None
            self._writer.write(data)
            self._inputs.append(key)
            if failure is not None:
                self._failed.append(failure)
            if len(self._inputs) >= self.shard_size:
                self._close_shard()

    def _shard_name(self) -> str:
        return f"part-{self.next_index:05d}.{self.suffix}"

    def _open_shard(self) -> None:
        stream = self._stack.enter_context(atomic_file(self.folder / self._shard_name()))
        self._writer = writer_for(self.format, stream)

    def _close_shard(self) -> None:
        assert self._writer is not None
        name = self._shard_name()
        self._writer.close()
        self._writer = None
        self._stack.close()  # renames the shard into place
        entry = ShardEntry(name, self._inputs, self._failed)
        with open(self.folder / MANIFEST, "ab") as manifest:
            manifest.write(entry.as_json())
            manifest.flush()
            os.fsync(manifest.fileno())
        self.next_index += 1
        self._inputs, self._failed = [], []

    def __enter__(self) -> ShardedOutput:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None and self._writer is not None:
            try:
                with writing(self.folder):
                    self._close_shard()
            except CannotWrite:
                self.__exit__(CannotWrite, None, None)
                raise
        else:
            if self._writer is not None:
                self._writer.abandon()
            try:
                self._stack.__exit__(kind, *rest)  # type: ignore[arg-type]
            finally:
                # a signal between creating a temporary file and handing it to the
                # stack would leave it behind: sweep this folder's own temporaries
                self._remove_temporaries()

    def _remove_temporaries(self) -> None:
        for path in self.folder.iterdir():
            if _TEMPORARY.fullmatch(path.name):
                path.unlink(missing_ok=True)


def _index(shard: str) -> int:
    match = SHARD_PATTERN.fullmatch(shard)
    return int(match.group(1)) if match else -1


def _read_manifest(path: Path) -> Iterator[ShardEntry]:
    """The complete lines of a manifest; a torn or unreadable line ends it."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return
    for line in data.split(b"\n")[:-1]:  # the part after the last newline is torn
        try:
            raw = json.loads(line)
            yield ShardEntry(raw["shard"], list(raw["inputs"]), list(raw.get("failed", [])))
        except (ValueError, KeyError, TypeError):
            return


# ------------------------------------------------------------------ errors


class ErrorsFile:
    """``--errors FILE``: one JSON line per failed input, written whole at the end of the run."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = path
        self._stack = contextlib.ExitStack()
        with writing(path):
            self._stream = self._stack.enter_context(atomic_file(path))

    def add(self, failure: dict[str, Any]) -> None:
        line = json.dumps(failure, ensure_ascii=False, separators=(",", ":")) + "\n"
        with writing(self.path):
            self._stream.write(line.encode())

    def __enter__(self) -> ErrorsFile:
        return self

    def __exit__(self, *exc: Any) -> None:
        with writing(self.path):
            self._stack.__exit__(*exc)
