"""The progress bar of a run: tqdm on standard error, never in the lines of the output.

tqdm draws at most a few times a second, only once the run has lasted a
moment (short runs print nothing), and takes its rate and time left from an
exponentially smoothed rate, so neither the start-up of the worker pool nor
the bursts in which ordered chunks arrive make the first estimates wild.

The bar is off when it would share the terminal with the output (records
written to a standard output that is that terminal); a command whose output
to the terminal is occasional, such as ``validate``'s reports, writes it
through :meth:`Progress.write_between`, which clears the bar, writes, and
draws it again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Never, TextIO, TypeVar

from tqdm import tqdm

T = TypeVar("T")

DELAY = 0.5  # seconds before the bar first appears
INTERVAL = 0.2  # seconds between redraws at most
SMOOTHING = 0.1  # weight of the latest interval in the smoothed rate


class Progress:
    """A bar over a stream of results (or nothing, when ``enabled`` is false)."""

    def __init__(
        self,
        stream: TextIO,
        total: int | None,
        *,
        enabled: bool = True,
        initial: int = 0,
        delay: float = DELAY,
        interval: float = INTERVAL,
    ) -> None:
        self.stream = stream
        self._bar: tqdm[Never] | None = None
        if enabled:
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

    def track(self, results: Iterable[T]) -> Iterator[T]:
        bar = self._bar
        try:
            for result in results:
                yield result
                if bar is not None:
                    bar.update()
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
