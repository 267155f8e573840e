"""The record as Arrow: one fixed schema, and record dicts → Arrow tables.

The Arrow schema is derived from the :class:`~articleparse.serialize.record.Record`
model, field by field, so it and the record's JSON Schema cannot disagree:
``str`` → ``string``, ``int`` → ``int64``, ``X | None`` → nullable,
``list[str]`` → ``list<string>``, ``list[Model]`` → ``list<struct<…>>``.
Every column keeps its type when it is null (or empty) in every row, so
tables and files made from any batch of documents combine.

pyarrow is an optional dependency (``pip install articleparse[parquet]``);
importing this module does not need it, calling its functions does.
"""

from __future__ import annotations

import io
import types
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from ..serialize.record import RECORD_VERSION, Record

if TYPE_CHECKING:
    import pyarrow as pa

INSTALL_HINT = "pyarrow is needed for Arrow and Parquet output: pip install 'articleparse[parquet]'"

_cached: pa.Schema | None = None


def require_pyarrow() -> types.ModuleType:
    """The ``pyarrow`` module, or an :class:`ImportError` that says how to install it."""
    try:
        import pyarrow
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc
    module: types.ModuleType = pyarrow
    return module


def record_arrow_schema() -> pa.Schema:
    """The Arrow schema of a record: every column typed, also when null in every row."""
    global _cached
    if _cached is None:
        pa = require_pyarrow()
        fields = [_field(pa, name, info.annotation) for name, info in Record.model_fields.items()]
        metadata = {"articleparse.record_version": str(RECORD_VERSION)}
        _cached = pa.schema(fields, metadata=metadata)
    return _cached


def records_table(records: Iterable[dict[str, Any]]) -> pa.Table:
    """Record dicts (as :func:`~articleparse.to_record` makes them) → a table of the schema."""
    pa = require_pyarrow()
    return pa.Table.from_pylist(list(records), schema=record_arrow_schema())


def json_lines_table(lines: bytes) -> pa.Table:
    """Records written as JSON Lines → a table of the schema, parsed by Arrow's JSON reader.

    Faster than :func:`records_table` by far for the same rows: the process
    that writes Parquet receives each record already as one JSON line (made in
    a worker) and hands a row group's worth of them to Arrow at once.
    """
    require_pyarrow()
    from pyarrow import json as pa_json

    schema = record_arrow_schema()
    if not lines:
        return schema.empty_table()
    table = pa_json.read_json(
        io.BytesIO(lines),
        read_options=pa_json.ReadOptions(use_threads=False, block_size=len(lines) + 1),
        parse_options=pa_json.ParseOptions(
            explicit_schema=schema, unexpected_field_behavior="error"
        ),
    )
    return table.select(schema.names).cast(schema)


def _field(pa: Any, name: str, annotation: Any) -> pa.Field:
    kind, nullable = _unwrap_optional(annotation)
    return pa.field(name, _arrow_type(pa, kind), nullable=nullable)


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    if get_origin(annotation) in (Union, types.UnionType):
        members = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(members) == 1 and len(members) < len(get_args(annotation)):
            return members[0], True
    return annotation, False


def _arrow_type(pa: Any, kind: Any) -> pa.DataType:
    if kind is str:
        return pa.string()
    if kind is int:
        return pa.int64()
    if kind is bool:
        return pa.bool_()
    if get_origin(kind) is Literal:
        values = get_args(kind)
        return _arrow_type(pa, type(values[0]))
    if get_origin(kind) is list:
        (item,) = get_args(kind)
        # "element", as Parquet names a list's items: files read back give this same schema
        return pa.list_(pa.field("element", _arrow_type(pa, item), nullable=False))
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return pa.struct(
            [_field(pa, name, info.annotation) for name, info in kind.model_fields.items()]
        )
    raise TypeError(f"no Arrow type for {kind!r}")


__all__ = [
    "INSTALL_HINT",
    "json_lines_table",
    "record_arrow_schema",
    "records_table",
    "require_pyarrow",
]
