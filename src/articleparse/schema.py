"""The JSON Schema of :class:`~articleparse.model.Article`, generated from the model.

The schema shipped in ``docs/article.schema.json`` is this function's output.
It records the model's schema version twice: as the constant that
``schema_version`` must hold, and as ``x-schema-version`` at the top level, so a
reader can tell which version a stored schema describes without walking it.

Command line::

    python -m articleparse.schema               # print the schema
    python -m articleparse.schema --write PATH  # write it to PATH
    python -m articleparse.schema --check PATH  # exit 1 when PATH differs from the model
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .model import SCHEMA_VERSION, Article

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = f"urn:articleparse:schema:article:{SCHEMA_VERSION}"


def article_schema() -> dict[str, Any]:
    """The JSON Schema that every ``Article`` JSON document (``model_dump_json``) conforms to."""
    generated = Article.model_json_schema(mode="validation")
    schema: dict[str, Any] = {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": "Article",
        "x-schema-version": SCHEMA_VERSION,
    }
    schema.update((key, value) for key, value in generated.items() if key not in schema)
    return schema


def schema_text() -> str:
    """The schema as written to disk: UTF-8 JSON, two-space indent, final newline."""
    return json.dumps(article_schema(), ensure_ascii=False, indent=2) + "\n"


def check(path: Path) -> str | None:
    """``None`` when ``path`` holds the current schema, else what is wrong with it."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return f"{path} does not exist"
    except json.JSONDecodeError as error:
        return f"{path} is not JSON: {error}"
    if stored != article_schema():
        version = stored.get("x-schema-version") if isinstance(stored, dict) else None
        return (
            f"{path} does not match the model (file: schema version {version}, "
            f"model: {SCHEMA_VERSION}); regenerate it with "
            f"'python -m articleparse.schema --write {path}'"
        )
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m articleparse.schema",
        description="Print, write or check the JSON Schema of articleparse.Article.",
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--check", metavar="PATH", type=Path, help="compare PATH with the model")
    action.add_argument("--write", metavar="PATH", type=Path, help="write the schema to PATH")
    args = parser.parse_args(argv)
    if args.check is not None:
        problem = check(args.check)
        if problem is not None:
            print(problem, file=sys.stderr)
            return 1
        return 0
    if args.write is not None:
        args.write.write_text(schema_text(), encoding="utf-8", newline="\n")
        return 0
    sys.stdout.write(schema_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
