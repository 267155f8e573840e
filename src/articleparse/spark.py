"""Spark: parse files listed on the driver, in the executors, into records (``mapInArrow``).

A frame of ``path`` and ``relative_path`` (from :func:`list_files`, which walks
folders, expands patterns and lists URLs as :func:`articleparse.dask.read_articles`
does) is mapped with :func:`parse_batches`, which reads and parses each file
where its partition runs and gives record batches of the record's Arrow
schema; :func:`spark_schema` is that schema for Spark. The executors must see
the same paths: a shared file system, or URLs read through fsspec. Reading the
files on the driver or through Spark's ``binaryFile`` source is avoided on
purpose: that source drops empty files and names that are not UTF-8.

Needs ``pip install pyspark pandas 'articleparse[parquet]'``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic_core import to_json

from .corpus.arrow import json_lines_table, record_arrow_schema
from .corpus.batch import Input
from .corpus.dask import list_files
from .corpus.many import parse_input

__all__ = ["list_files", "parse_batches", "spark_schema"]


def parse_batches(
    batches: Iterable[Any],
    encoding: str | None = None,
    strict: bool = False,
    section_text: bool = False,
) -> Iterator[Any]:
    """Arrow batches of ``path``/``relative_path`` in, record batches out (for ``mapInArrow``)."""
    for batch in batches:
        paths = batch.column("path").to_pylist()
        relatives = batch.column("relative_path").to_pylist()
        lines = b"".join(
            to_json(
                parse_input(Input(path, relative_path=relative), encoding, strict).record(
                    section_text=section_text
                )
            )
            + b"\n"
            for path, relative in zip(paths, relatives, strict=True)
        )
        if lines:
            yield from json_lines_table(lines).to_batches()


def spark_schema() -> Any:
    """The record's schema as a Spark ``StructType``."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(record_arrow_schema())
