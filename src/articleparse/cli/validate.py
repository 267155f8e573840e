"""``articleparse validate``: each X.txt against the expected tree in X.json beside it."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path

from ..corpus.batch import STDIN, iter_inputs
from ..corpus.tasks import Options, validate_task
from ..corpus.validate import expected_path
from ..inputs import shown_path
from .common import Summary, add_command, run_task, say, usage_error


def cmd_validate(args: argparse.Namespace) -> int:
    if STDIN in args.paths:
        return usage_error("validate needs files with expected files beside them, not '-'")
    options = Options(update=args.update, max_bytes=args.max_bytes, collisions=_collisions(args))
    summary = Summary()
    progress, outcomes = run_task(args, functools.partial(validate_task, options))
    for outcome in outcomes:
        if outcome.output:
            progress.write_between(functools.partial(_write_out, outcome.output))
        summary.add(outcome)
    say(args, summary.report("validate --update" if args.update else "validate"))
    return summary.exit_code


def _collisions(args: argparse.Namespace) -> dict[str, str]:
    """Inputs that share an expected file (``a.txt`` and ``a.gb18030.txt`` → ``a.json``).

    One walk over the inputs before the run, keeping one expected path per input:
    its folder resolved (one folder named two ways is one folder), its name as it
    is (an expected file that is a link is refused when written, not followed).
    """
    claimed: dict[str, list[str]] = {}
    for item in iter_inputs(args.paths, args.glob):
        expected = expected_path(Path(item.path))
        target = os.path.join(os.path.realpath(expected.parent), expected.name)
        claimed.setdefault(target, []).append(item.path)
    found: dict[str, str] = {}
    for target, paths in claimed.items():
        if len(paths) > 1:
            names = ", ".join(shown_path(path) for path in paths)
            message = (
                f"{shown_path(os.path.basename(target))} is the expected file of "
                f"{len(paths)} inputs ({names}): rename all but one, so that each has its own"
            )
            found.update((path, message) for path in paths)
    return found


def _write_out(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``validate`` command."""
    validate = add_command(
        commands,
        "validate",
        "check that each X.txt still parses to the tree in X.json beside it",
        "For each input X.txt (or X.<encoding>.txt) compare its tree with the expected "
        "X.json and print what differs: the path in the tree, the expected value and the "
        "value got. A file with an error diagnostic fails too. This is the command for CI.",
    )
    validate.add_argument(
        "--update",
        action="store_true",
        help="write the expected files from what the inputs parse to now",
    )
    validate.set_defaults(run=cmd_validate)
