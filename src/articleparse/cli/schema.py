"""``articleparse schema``: the JSON Schema of Article or of the record, or its Arrow schema."""

from __future__ import annotations

import argparse
import json
import sys

from ..corpus.arrow import record_arrow_schema
from ..corpus.tasks import EXIT_OK
from ..schema import schema_text
from ..serialize.record import record_schema
from .common import EXIT_CODES_HELP, usage_error


def cmd_schema(args: argparse.Namespace) -> int:
    if args.arrow:
        try:
            schema = record_arrow_schema()
        except ImportError as exc:
            return usage_error(str(exc))
        sys.stdout.write(schema.to_string(show_schema_metadata=True) + "\n")
    elif args.record:
        sys.stdout.write(json.dumps(record_schema(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(schema_text())
    return EXIT_OK


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``schema`` command."""
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of Article",
        description="Print the JSON Schema of the Article tree (or of the flat record, or "
        "the record's Arrow schema).",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    which = schema.add_mutually_exclusive_group()
    which.add_argument(
        "--record", action="store_true", help="the JSON Schema of the flat corpus record instead"
    )
    which.add_argument(
        "--arrow",
        action="store_true",
        help="the Arrow schema of the record (what Parquet output holds; needs pyarrow)",
    )
    schema.set_defaults(run=cmd_schema)
