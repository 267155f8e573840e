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
from ..corpus.fingerprint import (
    PARQUET_SUFFIX,
    RECORD_SUFFIXES,
    Settings,
    fingerprints,
    iter_units,
)
from ..corpus.minhash import INSTALL_HINT, require_datasketch
from ..corpus.progress import Progress
from ..corpus.tasks import Outcome
from .common import (
    Summary,
    add_command,
    encoding_argument,
    say,
    usage_error,
    writable,
)

RECORD_FILES = (*RECORD_SUFFIXES, PARQUET_SUFFIX)
"""Files of records: the bar counts records there, so it shows no total."""


def cmd_dedup(args: argparse.Namespace) -> int:
    problem = _check_arguments(args)
    if problem:
        return usage_error(problem)
    summary = Summary()
    grouper = Grouper(args.threshold)
    settings = Settings(args.encoding, args.max_bytes)
    units = iter_units(args.paths, args.glob, args.max_bytes)
    enabled = sys.stderr.isatty() and not args.quiet
    # no total: the inputs are not walked twice (the first result comes at once)
    progress = Progress(sys.stderr, None, enabled=enabled)
    duplicates = 0
    with _output(args.output) as out:
        for item in progress.track(fingerprints(units, settings, args.jobs)):
            entry = grouper.add(item)
            duplicates += entry.representative != entry.path
            out.write(to_json(entry.as_json()) + b"\n")
            summary.add(Outcome(entry.path, entry.exit_code, problem=entry.problem))
    say(args, summary.report("dedup"))
    say(args, f"  {grouper.groups} group(s), {duplicates} near-duplicate(s) of another input")
    return summary.exit_code


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
        "Groups the inputs whose article text (abstract and body, chrome excluded, "
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
