"""The progress bar of a run: tqdm on standard error, never in the lines of the output.

tqdm draws at most a few times a second, only once the run has lasted a
moment (short runs print nothing), and takes its rate and time left from an
exponentially smoothed rate, so neither the start-up of the worker pool nor
the bursts in which ordered chunks arrive make the first estimates wild.

Off a terminal (a log file under nohup, Slurm or Kubernetes), the same
stream gets a plain line every :data:`LINE_SECONDS` instead: files done, the
rate since the start, and how many had errors. Neither form counts the inputs
first: the total is shown only when it is known without walking the folders.

The bar is off when it would share the terminal with the output (records
written to a standard output that is that terminal); a command whose output
to the terminal is occasional, such as ``validate``'s reports, writes it
through :meth:`Progress.write_between`, which clears the bar, writes, and
draws it again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import Never, TextIO, TypeVar

from tqdm import tqdm

# tqdm's monitor thread would be running when a worker process is forked to
# replace one that died; the bar is redrawn on updates, which is all it needs.
tqdm.monitor_interval = 0

T = TypeVar("T")

DELAY = 0.5  # seconds before the bar first appears
INTERVAL = 0.2  # seconds between redraws at most
SMOOTHING = 0.1  # weight of the latest interval in the smoothed rate
LINE_SECONDS = 5.0  # seconds between progress lines off a terminal


class Progress:
    """A bar over a stream of results, lines every few seconds (``lines``), or nothing."""

    def __init__(
        self,
        stream: TextIO,
        total: int | None,
        *,
        enabled: bool = True,
        initial: int = 0,
        delay: float = DELAY,
        interval: float = INTERVAL,
        lines: bool = False,
        line_seconds: float = LINE_SECONDS,
        label: str = "articleparse",
    ) -> None:
        self.stream = stream
        self._bar: tqdm[Never] | None = None
        self._lines = _Lines(stream, label, line_seconds) if enabled and lines else None
        if enabled and not lines:
            self._bar = tqdm(
                total=total,
                initial=initial,
                file=stream,
                unit=" files",
                delay=delay,
                mininterval=interval,
                smoothing=SMOOTHING,
                dynamic_ncols=True,
                leave=False,
            )

    def track(
        self, results: Iterable[T], failed: Callable[[T], bool] = lambda _: False
    ) -> Iterator[T]:
        """Each result, counted once the caller has taken it (``failed`` ones as errors)."""
        bar, lines = self._bar, self._lines
        try:
            for result in results:
                yield result
                if bar is not None:
                    bar.update()
                elif lines is not None:
                    lines.update(failed(result))
        finally:
            self.close()

    def write_between(self, write: Callable[[], None]) -> None:
        """Run ``write`` (output to a terminal) with the bar taken out of its way."""
        if self._bar is None:
            write()
            return
        self._bar.clear()
        write()
        self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


class _Lines:
    """A line of counts every ``seconds``, for a log rather than a terminal."""

    def __init__(self, stream: TextIO, label: str, seconds: float) -> None:
        self.stream = stream
        self.label = label
        self.seconds = seconds
        self.start = time.monotonic()
        self.next = self.start + seconds
        self.done = 0
        self.errors = 0

    def update(self, failed: bool) -> None:
        self.done += 1
        self.errors += failed
        now = time.monotonic()
        if now >= self.next:
            self.next = now + self.seconds
            rate = self.done / max(now - self.start, 1e-9)
            self.stream.write(
                f"{self.label}: {self.done:,} files, {rate:,.0f} files/s, "
                f"{self.errors:,} with errors\n"
            )
            self.stream.flush()
