"""The parser builds its nodes without validation; the result must be a valid tree.

The builder constructs nodes directly because it already guarantees the model's
invariants. These tests hold it to that: every parsed tree equals the tree
pydantic builds, with full validation, from the parsed tree's own data, node by
node, down to the exact node classes, the value types, the set fields and the
order the fields are stored in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fixture_files import inputs
from hypothesis import given
from pydantic import BaseModel
from strategies import mixed_text

import articleparse as ap

FILES = inputs()


def _pairs(parsed: BaseModel, validated: BaseModel) -> list[tuple[Any, Any, str]]:
    """Walk both trees side by side; return the (parsed, validated, path) pairs, iteratively."""
    found: list[tuple[Any, Any, str]] = []
    stack: list[tuple[Any, Any, str]] = [(parsed, validated, "doc")]
    while stack:
        left, right, path = stack.pop()
        found.append((left, right, path))
        if isinstance(left, BaseModel) and isinstance(right, BaseModel):
            stack.extend(
                (getattr(left, name), getattr(right, name), f"{path}.{name}")
                for name in type(left).model_fields
            )
        elif isinstance(left, list) and isinstance(right, list) and len(left) == len(right):
            stack.extend(
                (a, b, f"{path}[{i}]") for i, (a, b) in enumerate(zip(left, right, strict=True))
            )
        elif isinstance(left, dict) and isinstance(right, dict) and left.keys() == right.keys():
            stack.extend((left[k], right[k], f"{path}[{k!r}]") for k in left)
    return found


def assert_equals_validated(doc: ap.Article) -> None:
    validated = ap.Article.model_validate(doc.model_dump())
    assert doc == validated
    for left, right, path in _pairs(doc, validated):
        assert type(left) is type(right), (
            f"{path}: {type(left).__name__} is not {type(right).__name__}"
        )
        if isinstance(left, BaseModel):
            assert left.model_fields_set == right.model_fields_set, path
            # every field stored, in declaration order (trusted_node's contract)
            assert list(left.__dict__) == list(type(left).model_fields), path
            assert left.__pydantic_extra__ == right.__pydantic_extra__, path
            assert left.__pydantic_private__ == right.__pydantic_private__, path
        else:
            assert left == right, path
    assert doc.model_dump_json() == validated.model_dump_json()
    assert ap.Article.model_validate(doc.model_dump(exclude_unset=True)) == doc


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_fixture_tree_equals_validated_tree(path: Path) -> None:
    assert_equals_validated(ap.parse_file(path))


@given(mixed_text)
def test_property_parsed_tree_equals_validated_tree(text: str) -> None:
    assert_equals_validated(ap.parse(text))


def test_property_parsed_tree_of_bytes_equals_validated_tree() -> None:
    data = "标题 | 题 |\n范文 | 张三 摘要:文。 1引言 正文。 |\n".encode("gb18030") + b"\xff"
    assert_equals_validated(ap.parse_bytes(data))
