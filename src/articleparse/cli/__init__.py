"""The ``articleparse`` command: parse, validate, stats, schema, dedup.

Every command takes files, folders (walked recursively, ``--glob``) or ``-``
for standard input, runs files in worker processes (``-j``) and streams the
results in input order. One bad file never stops a run; the exit code says
what happened, the same way for every command (see :data:`EXIT_CODES_HELP`).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from types import FrameType

from .. import COMPILED, __version__, _build
from ..corpus.outputs import CannotWrite
from ..corpus.tasks import EXIT_UNUSABLE
from . import dedup, parse, schema, stats, validate
from .common import EXIT_BROKEN_PIPE, EXIT_CODES_HELP, EXIT_INTERRUPTED, RunFailed


def _build_name() -> str:
    """The build that runs, for ``--version``."""
    if COMPILED:
        return "compiled with mypyc"
    return f"pure Python: {_build.PURE_REASON or 'not compiled'}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="articleparse",
        description="Parse scraped Chinese articles (the scrape format) into typed trees.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__} ({_build_name()})"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    for command in (parse, validate, stats, schema, dedup):
        command.register(commands)
    return parser


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _drop_standard_output() -> None:
    """Send what is left in stdout's buffer nowhere, so that exiting raises nothing more."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    # A dropped terminal session (SIGHUP) stops a run the way Ctrl-C and SIGTERM
    # do: the temporary file of -o is removed and nothing half-written is left.
    stops = [signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    previous = {number: signal.signal(number, _interrupt) for number in stops}
    try:
        code: int = args.run(args)
        return code
    except KeyboardInterrupt:
        print("articleparse: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (RunFailed, CannotWrite) as exc:
        # The output is missing or partial (none is left half-written): one line, exit 2.
        print(f"articleparse: error: {exc}", file=sys.stderr)
        _drop_standard_output()
        return EXIT_UNUSABLE
    except BrokenPipeError:
        # The reader went away (``| head``): the run did not finish, so it is no
        # success; stop quietly, without a traceback when Python flushes at exit.
        _drop_standard_output()
        return EXIT_BROKEN_PIPE
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
