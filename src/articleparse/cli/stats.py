"""``articleparse stats``: counts of titles, abstracts, headings and diagnostics over a corpus."""

from __future__ import annotations

import argparse
import codecs
import functools
import json

from ..corpus.stats import CorpusCounts
from ..corpus.tasks import EXIT_OK, EXIT_UNUSABLE, Options, stats_task
from .common import Summary, add_command, encoding_argument, run_task, say, usage_error


def cmd_stats(args: argparse.Namespace) -> int:
    if not args.paths and args.files_from is None:
        return usage_error("no inputs: name files or folders, or --files-from FILE")
    if args.encoding is not None:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            return usage_error(f"unknown encoding: {args.encoding}")
    summary = Summary()
    counts = CorpusCounts()
    options = Options(encoding=args.encoding, max_bytes=args.max_bytes)
    _, outcomes = run_task(args, functools.partial(stats_task, options))
    for outcome in outcomes:
        summary.add(outcome)
        counts.add(outcome.stats, unreadable=outcome.exit_code == EXIT_UNUSABLE)
    print(json.dumps(counts.as_json(), indent=1) if args.json else counts.table())
    if summary.exit_code != EXIT_OK:
        say(args, summary.report("stats"))
    return summary.exit_code


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``stats`` command."""
    stats = add_command(
        commands,
        "stats",
        "count titles, abstracts, headings and diagnostics over a corpus",
        "Counts over every file: documents without a title, an abstract or any heading, "
        "the deepest heading level, headings per level, and diagnostics by code.",
    )
    stats.add_argument("--json", action="store_true", help="print the counts as JSON")
    encoding_argument(stats)
    stats.set_defaults(run=cmd_stats)
