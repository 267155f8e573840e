"""``articleparse dedup``: near-duplicate articles across files, folders and record outputs."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import sys
from collections.abc import Iterator
from typing import BinaryIO

from pydantic_core import to_json

from ..corpus.atomic import atomic_file
from ..corpus.batch import STDIN
from ..corpus.dedup import THRESHOLD, Grouper
from ..corpus.fingerprint import EXIT_OK, Settings, fingerprints, iter_units
from ..corpus.minhash import INSTALL_HINT, require_datasketch
from ..corpus.progress import Progress
from ..corpus.tasks import Outcome
from .common import (
    RunFailed,
    Summary,
    add_command,
    command_inputs,
    encoding_argument,
    say,
    usage_error,
    writable,
)


def cmd_dedup(args: argparse.Namespace) -> int:
    problem = _check_arguments(args)
    if problem:
        return usage_error(problem)
    summary = Summary()
    grouper = Grouper(args.threshold)
    settings = Settings(args.encoding, args.max_bytes)
    items = fingerprints(iter_units(command_inputs(args)), settings, args.jobs)
    terminal = sys.stderr.isatty()
    to_terminal = args.output == STDIN and terminal and sys.stdout.isatty()
    progress = Progress(
        sys.stderr,
        None,
        enabled=not args.quiet and not to_terminal,
        lines=not terminal,
        label="articleparse dedup",
    )
    duplicates = 0
    with _output(args.output) as out:
        for item in progress.track(items, lambda item: item.exit_code != EXIT_OK):
            entry = grouper.add(item)
            duplicates += entry.representative != entry.path
            out.write(to_json(entry.as_json()) + b"\n")
            summary.add(Outcome(entry.path, entry.exit_code, problem=entry.problem))
            _check_failures(args, summary, entry.path, entry.problem)
    say(args, summary.report("dedup"))
    say(args, f"  {grouper.groups} group(s), {duplicates} near-duplicate(s) of another input")
    return summary.exit_code


def _check_failures(args: argparse.Namespace, summary: Summary, path: str, problem: str) -> None:
    """Stop the run (``--max-failures N``) at the failed input after the first N."""
    limit = args.max_failures
    if limit is not None and summary.failed + summary.unusable > limit:
        raise RunFailed(
            f"stopped: more than {limit} file(s) failed (--max-failures), the last {path}: "
            f"{problem}"
        )


@contextlib.contextmanager
def _output(target: str) -> Iterator[BinaryIO]:
    if target == STDIN:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with atomic_file(target) as stream:
        yield stream


def _check_arguments(args: argparse.Namespace) -> str:
    if args.encoding is not None:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            return f"unknown encoding: {args.encoding}"
    if args.output != STDIN and not writable(args.output):
        return f"cannot write {args.output}: not a writable file path"
    if not 0.0 < args.threshold <= 1.0:
        return f"--threshold must be above 0 and at most 1, not {args.threshold}"
    try:
        require_datasketch()
    except ImportError:
        return INSTALL_HINT
    return ""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``dedup`` command."""
    dedup = add_command(
        commands,
        "dedup",
        "group near-duplicate articles (mirror copies) across a corpus",
        "Groups the inputs whose article text (authors, affiliations, abstract, keywords "
        "and body; title rows, chrome and references excluded; "
        "normalized: simplified characters, no pinyin annotations, no spaces or "
        "punctuation) is the same or nearly, also when one is cut short. Inputs are "
        "scrape files and folders, or record outputs of 'parse' (.jsonl, .json or "
        ".parquet files: each record is one input). Writes one JSON line per input, "
        "in input order: path, group, representative (the group's first member), "
        "similarity (the estimated share of the shorter text found in the longer) and "
        "error.",
    )
    dedup.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="write the JSON Lines to FILE (it appears once the run has finished; - for stdout)",
    )
    dedup.add_argument(
        "--threshold",
        type=float,
        default=THRESHOLD,
        metavar="X",
        help=f"the similarity from which two articles are one group (default: {THRESHOLD})",
    )
    encoding_argument(dedup)
    dedup.set_defaults(run=cmd_dedup)
