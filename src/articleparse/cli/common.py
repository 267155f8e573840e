"""What every command shares: exit codes, the run summary, the task over the inputs, options."""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..corpus.batch import DEFAULT_GLOB, STDIN, Input, default_jobs, iter_inputs, ordered_map
from ..corpus.outputs import ErrorsFile
from ..corpus.progress import Progress
from ..corpus.tasks import EXIT_FAILED, EXIT_OK, EXIT_UNUSABLE, Outcome, lost_outcome
from ..inputs import DEFAULT_MAX_BYTES

EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE: what a tool killed by a closed pipe exits with (``… | head``)."""

EXIT_CODES_HELP = """\
exit codes (the same for every command):
  0    the run finished and every file parsed with no error diagnostic
       (validate: and matched its expected file)
  1    the run finished, and some file has an error diagnostic, could not be
       read (not a regular file, over --max-bytes, its worker died), differs
       from its expected file, or its expected file is missing, corrupt or
       cannot be written
  2    the run failed: a usage error, no input file found, an output that
       could not be written (a full disk), or --max-failures reached
  130  interrupted (Ctrl-C, SIGTERM or SIGHUP); no half-written output is left
  141  the reader of standard output went away (a broken pipe: '| head')"""

SHOWN_PROBLEMS = 20


# ------------------------------------------------------------------ running


class RunFailed(Exception):
    """The run cannot finish (an output cannot be written, --max-failures): one line, exit 2."""


@dataclass(slots=True)
class Summary:
    """What a run keeps of its files: counts and the first few problems, never the results."""

    files: int = 0
    failed: int = 0
    unusable: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.files += 1
        if outcome.exit_code == EXIT_FAILED:
            self.failed += 1
        elif outcome.exit_code == EXIT_UNUSABLE:
            self.unusable += 1
        if outcome.problem and len(self.problems) < SHOWN_PROBLEMS:
            self.problems.append(f"{outcome.path}: {outcome.problem}")

    def add_prior(self, failure: dict[str, Any]) -> None:
        """A failed input of an earlier run whose shard is complete (``--resume``)."""
        self.add(Outcome(failure["path"], failure["exit"], problem=failure["error"]))

    @property
    def exit_code(self) -> int:
        if not self.files:
            return EXIT_UNUSABLE
        return EXIT_FAILED if self.failed or self.unusable else EXIT_OK

    def report(self, verb: str) -> str:
        ok = self.files - self.failed - self.unusable
        parts = [f"{self.files} file(s)", f"{ok} ok"]
        if self.failed:
            parts.append(f"{self.failed} failed")
        if self.unusable:
            parts.append(f"{self.unusable} unreadable")
        lines = [f"articleparse {verb}: " + ", ".join(parts)]
        if not self.files:
            lines.append("  no input files: check the paths and --glob")
        lines.extend(f"  {problem}" for problem in self.problems)
        shown = len(self.problems)
        if self.failed + self.unusable > shown:
            lines.append(f"  … and {self.failed + self.unusable - shown} more")
        return "\n".join(lines)


def run_task(
    args: argparse.Namespace,
    task: Callable[[Input], Outcome],
    *,
    output_to_terminal: bool = False,
    inputs: Iterable[Input] | None = None,
    on_lost: Callable[[Input, str], Outcome] = lost_outcome,
) -> tuple[Progress, Iterator[Outcome]]:
    """The task over every input, in input order, and its progress.

    The worker processes start here, before the progress bar. The bar is
    drawn on a terminal's standard error, unless the records are written to
    that terminal too (``output_to_terminal``): the two never share a line.
    Off a terminal, standard error gets a line of counts every few seconds.
    With ``--max-failures N``, the results stop with :class:`RunFailed` at the
    failed file after the first N.
    """
    if inputs is None:
        inputs = command_inputs(args)
    outcomes = ordered_map(task, inputs, args.jobs, on_lost=on_lost)
    terminal = sys.stderr.isatty()
    enabled = not args.quiet and not (terminal and output_to_terminal and sys.stdout.isatty())
    progress = Progress(
        sys.stderr, None, enabled=enabled, lines=not terminal, label=f"articleparse {args.command}"
    )
    limit = getattr(args, "max_failures", None)
    if limit is not None:
        outcomes = _stop_after(outcomes, limit)
    return progress, progress.track(outcomes, lambda outcome: outcome.exit_code != EXIT_OK)


def command_inputs(args: argparse.Namespace) -> Iterator[Input]:
    """The inputs the command names: its paths, then those of ``--files-from``."""
    paths: Iterable[str] = args.paths
    if getattr(args, "files_from", None) is not None:
        paths = itertools.chain(paths, listed_paths(args.files_from))
    return iter_inputs(paths, args.glob, args.max_bytes)


def listed_paths(source: str) -> Iterator[str]:
    """One path per line of ``source`` (``-``: standard input); blank lines are skipped.

    Names are read as the file system gives them (bytes that are not UTF-8
    kept as they are), so any name ``find`` prints can be listed.
    """
    stream = sys.stdin.buffer if source == STDIN else open(source, "rb")  # noqa: SIM115
    try:
        for line in stream:
            name = line.rstrip(b"\r\n")
            if name.strip():
                yield os.fsdecode(name)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _stop_after(outcomes: Iterator[Outcome], limit: int) -> Iterator[Outcome]:
    failed = 0
    for outcome in outcomes:
        if outcome.exit_code != EXIT_OK:
            failed += 1
            if failed > limit:
                raise RunFailed(
                    f"stopped: more than {limit} file(s) failed (--max-failures), "
                    f"the last {outcome.path}: {outcome.problem}"
                )
        yield outcome


def failure_line(outcome: Outcome) -> dict[str, Any] | None:
    """The line ``--errors`` writes for an input that failed; ``None`` when it did not."""
    if outcome.exit_code == EXIT_OK:
        return None
    return {"path": outcome.path, "exit": outcome.exit_code, "error": outcome.problem}


def say(args: argparse.Namespace, text: str) -> None:
    if not args.quiet and text:
        print(text, file=sys.stderr, flush=True)


@contextlib.contextmanager
def errors_file(args: argparse.Namespace) -> Iterator[ErrorsFile | None]:
    if args.errors is None:
        yield None
        return
    with ErrorsFile(args.errors) as errors:
        yield errors


def note_failure(errors: ErrorsFile | None, outcome: Outcome) -> None:
    failure = failure_line(outcome) if errors is not None else None
    if errors is not None and failure is not None:
        errors.add(failure)


def add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
) -> argparse.ArgumentParser:
    command = commands.add_parser(
        name,
        help=summary,
        description=textwrap.fill(description, 79),
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument(
        "paths",
        nargs="+" if name == "validate" else "*",
        metavar="PATH",
        help="a file or a folder (searched recursively)"
        + (
            ""
            if name == "validate"
            else ", a URL read through fsspec (s3://…, with "
            "pip install 'articleparse[remote]'), or - for standard input"
        ),
    )
    if name != "validate":  # validate pairs its inputs up before the run: it takes paths
        command.add_argument(
            "--files-from",
            metavar="FILE",
            help="also take the paths listed in FILE, one per line (- for standard input), "
            f"as in: find corpus -name '*.txt' | articleparse {name} --files-from -",
        )
    command.add_argument(
        "--max-failures",
        type=nonnegative,
        metavar="N",
        help="stop the run (exit code 2) once more than N files have failed; by default a "
        "run goes on to the end whatever fails",
    )
    command.add_argument(
        "--glob",
        default=DEFAULT_GLOB,
        help=f"which files to take from folders (default: {DEFAULT_GLOB})",
    )
    command.add_argument(
        "-j",
        "--jobs",
        type=positive,
        default=default_jobs(),
        metavar="N",
        help="worker processes (default: the number of cores, here %(default)s)",
    )
    command.add_argument(
        "--max-bytes",
        type=size_argument,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="largest file read, in bytes, or with K, M or G (default: 64M); a larger file "
        "is one error for that file, and so is anything but a regular file",
    )
    command.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, summary or warnings on stderr"
    )
    return command


def encoding_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--encoding",
        metavar="NAME",
        help="decode every file with this encoding (big5, utf-16, gbk, …) instead of "
        "detecting UTF-8 or GB18030",
    )


def positive(text: str) -> int:
    return _at_least(text, 1)


def size_argument(text: str) -> int:
    units = {"K": 1024, "M": 1024**2, "G": 1024**3}
    factor = units.get(text[-1:].upper(), 1)
    number = text[:-1] if factor > 1 else text
    if not number.isdigit() or int(number) < 1:
        raise argparse.ArgumentTypeError(f"not a size in bytes (such as 1000, 64M): {text!r}")
    return int(number) * factor


def nonnegative(text: str) -> int:
    return _at_least(text, 0)


def _at_least(text: str, low: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < low:
        raise argparse.ArgumentTypeError(f"must be at least {low}, not {value}")
    return value


def usage_error(message: str) -> int:
    print(f"articleparse: error: {message}", file=sys.stderr)
    return EXIT_UNUSABLE


def writable(target: str) -> bool:
    """A file (or device, FIFO, pipe) this process can write, or a new file in a writable folder.

    A link counts as its target, which is what gets written.
    """
    if os.path.isdir(target):
        return False
    if os.path.exists(target) and not os.path.isfile(target):
        return os.access(target, os.W_OK)  # /dev/null, a FIFO, /dev/fd/N: written straight
    return os.access(os.path.dirname(os.path.realpath(target)), os.W_OK | os.X_OK)
