"""Dask: a ``dask.dataframe`` of records, one partition per batch of files.

Parsing is a pure function of one file, so a corpus scales out as a map over
batches of paths: :func:`read_articles` lists the files here (walking folders
and expanding globs as the command line does), and each partition reads and
parses its batch wherever the scheduler runs it, giving a frame with the
record's Arrow schema (``pandas.ArrowDtype`` columns, so lists and structs
keep their types). ``.to_parquet(folder)`` then writes the corpus from every
worker. The workers must see the same paths: a shared or network file system,
or URLs (``s3://bucket/corpus/**/*.txt``) read through fsspec.

Needs ``pip install 'articleparse[dask]'`` (dask[dataframe], distributed, pyarrow).
"""

from __future__ import annotations

import glob as globbing
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pydantic_core import to_json

from ..inputs import is_url
from .arrow import json_lines_table, record_arrow_schema
from .batch import DEFAULT_GLOB, GLOB_CHARACTERS, Input, fixed_prefix, remote_inputs, walk_folder
from .many import parse_input

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

FILES_PER_PARTITION = 1000
"""Files per partition: at about a millisecond a file, the scheduler's few
milliseconds per task are well under one per cent of the work."""

INSTALL_HINT = "the Dask path needs: pip install 'articleparse[dask]'"


def read_articles(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    glob: str = DEFAULT_GLOB,
    files_per_partition: int = FILES_PER_PARTITION,
    encoding: str | None = None,
    strict: bool = False,
    section_text: bool = False,
    normalize: bool = False,
) -> dd.DataFrame:
    """A lazy frame of the records of every file: files, folders (walked) or glob patterns.

    A pattern such as ``"corpus/**/*.txt"`` is expanded here (``**`` crosses
    folders) and each file's ``relative_path`` is taken from the pattern's
    fixed leading folder; a folder is walked for ``glob``. Rows come in the
    order of the listing, ``files_per_partition`` files to a partition. The
    options are those of :func:`~articleparse.parse_many` and
    :func:`~articleparse.to_record`.
    """
    try:
        import dask.dataframe as dd
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc
    if files_per_partition < 1:
        raise ValueError("files_per_partition must be at least 1")
    listing = list_files(paths, glob)
    batches = [
        listing[start : start + files_per_partition]
        for start in range(0, len(listing), files_per_partition)
    ]
    if not batches:
        empty: dd.DataFrame = dd.from_pandas(record_meta(), npartitions=1)  # type: ignore[no-untyped-call]
        return empty
    options = {
        "encoding": encoding,
        "strict": strict,
        "section_text": section_text,
        "normalize": normalize,
    }
    frame: dd.DataFrame = dd.from_map(  # type: ignore[no-untyped-call]
        records_frame,
        batches,
        meta=record_meta(),
        label="articleparse-records",
        enforce_metadata=False,
        **options,
    )
    return frame


def list_files(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], glob: str = DEFAULT_GLOB
) -> list[tuple[str, str]]:
    """``(path, relative_path)`` of every file the paths name, in order.

    A URL (``s3://…``) is listed through fsspec. A pattern that matches no file
    raises ``FileNotFoundError``, as Dask's own readers do: a typo in a path
    must not give an empty frame.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    found: list[tuple[str, str]] = []
    for entry in [os.fspath(path) for path in paths]:
        if is_url(entry):
            found.extend((item.path, item.name) for item in remote_inputs(entry, glob, strict=True))
        elif GLOB_CHARACTERS & set(entry):
            root = fixed_prefix(entry)
            matched = [
                path
                for path in sorted(globbing.glob(entry, recursive=True))
                if os.path.isfile(path)
            ]
            if not matched:
                raise FileNotFoundError(f"no files match {entry}")
            found.extend(
                (path, os.path.relpath(path, root).replace(os.sep, "/")) for path in matched
            )
        elif os.path.isdir(entry):
            found.extend(
                (path, os.path.relpath(path, entry).replace(os.sep, "/"))
                for path in walk_folder(entry, glob)
            )
        else:
            found.append((entry, entry))
    return found


def records_frame(
    batch: list[tuple[str, str]],
    encoding: str | None = None,
    strict: bool = False,
    section_text: bool = False,
    normalize: bool = False,
) -> pd.DataFrame:
    """Parse one batch of ``(path, relative_path)`` into a frame of records (one partition)."""
    lines = b"".join(
        to_json(
            parse_input(Input(path, relative_path=relative), encoding, strict).record(
                section_text=section_text, normalize=normalize
            )
        )
        + b"\n"
        for path, relative in batch
    )
    return _to_pandas(json_lines_table(lines))


def record_meta() -> pd.DataFrame:
    """An empty frame with the record's columns and Arrow types: the frame's ``meta``."""
    return _to_pandas(record_arrow_schema().empty_table())


def _to_pandas(table: Any) -> pd.DataFrame:
    import pandas as pd

    frame: pd.DataFrame = table.to_pandas(types_mapper=pd.ArrowDtype)
    return frame
