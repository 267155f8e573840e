"""Worker processes that hand chunks of work back in order, and survive one of them dying.

Each worker has a pipe of its own for the chunks it is given and one for
what it sends back, so this process always knows which chunks a worker
holds. When a worker dies (the OOM killer, ``kill -9``, a crash in a C
extension), the chunks it held are given to ``on_lost``, which makes a
result for each of their items, and a new worker takes its place: the run
goes on and never waits for a result that cannot come. Without ``on_lost``
the run stops with :class:`WorkerLost`.

The workers are forked (the start method is chosen here, not left to the
platform's default) when the pool is created, before the caller starts any
thread of its own; a worker started later to replace a dead one is forked
from this process too. A worker whose parent is gone stops quietly: its
pipe of chunks reaches its end, and a result it cannot send is dropped.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import queue
import signal
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

START_METHOD = "fork" if sys.platform == "linux" else "spawn"
"""Fork where it is safe and cheapest (the pool starts before any thread); spawn elsewhere."""

LOST_MESSAGE = "the worker process parsing it died (killed, or out of memory)"


class WorkerLost(RuntimeError):
    """A worker process died holding a chunk, and no ``on_lost`` was given."""


class _Worker:
    def __init__(self, process: BaseProcess, tasks: Connection, results: Connection) -> None:
        self.process = process
        self.tasks = tasks
        self.results = results
        self.held: list[int] = []  # the chunks sent and not answered, in order


class Pool(Generic[T, R]):
    """``workers`` processes running ``func`` over chunks; results collected by number."""

    def __init__(
        self,
        func: Callable[[T], R],
        workers: int,
        on_lost: Callable[[T, str], R] | None = None,
    ) -> None:
        self.func = func
        self.on_lost = on_lost
        self.context: Any = multiprocessing.get_context(START_METHOD)
        self.done: dict[int, list[R] | BaseException] = {}
        self._chunks: dict[int, list[T]] = {}
        self._workers: list[_Worker] = []
        try:
            for _ in range(workers):
                self._workers.append(self._start())
        except BaseException:
            self.close()
            raise

    def _start(self) -> _Worker:
        task_out, task_in = self.context.Pipe(duplex=False)  # (reading end, writing end)
        result_out, result_in = self.context.Pipe(duplex=False)
        others = [end for worker in self._workers for end in (worker.tasks, worker.results)]
        process = self.context.Process(
            target=_serve,
            args=(self.func, task_out, result_in, [task_in, result_out, *others]),
            daemon=True,
        )
        process.start()
        task_out.close()
        result_in.close()
        return _Worker(process, task_in, result_out)

    def load(self) -> int:
        """The fewest chunks any worker holds."""
        return min(len(worker.held) for worker in self._workers)

    def submit(self, number: int, chunk: list[T]) -> None:
        """Give chunk ``number`` to the worker holding fewest."""
        worker = min(self._workers, key=lambda worker: len(worker.held))
        self._chunks[number] = chunk
        worker.held.append(number)
        with contextlib.suppress(OSError):  # it died: collect() settles its chunks
            worker.tasks.send((number, chunk))

    def collect(self, timeout: float | None) -> None:
        """Take in what the workers sent, waiting up to ``timeout`` seconds for something."""
        sources: dict[Any, _Worker] = {}
        for worker in self._workers:
            sources[worker.results] = worker
            sources[worker.process.sentinel] = worker
        for ready in wait(list(sources), timeout):
            worker = sources[ready]
            if worker not in self._workers:
                continue  # already replaced in this round
            if ready is worker.results and self._receive(worker):
                continue
            self._replace(worker)

    def _receive(self, worker: _Worker) -> bool:
        """One message of ``worker``; False when it has gone."""
        try:
            number, results = worker.results.recv()
        except (EOFError, OSError):
            return False
        worker.held.remove(number)
        del self._chunks[number]
        self.done[number] = results
        return True

    def _replace(self, worker: _Worker) -> None:
        """Settle the chunks of a dead worker and start another in its place."""
        with contextlib.suppress(EOFError, OSError):
            while worker.results.poll() and self._receive(worker):
                pass
        worker.process.join(1)
        if worker.process.is_alive():  # its pipe broke but it still runs
            worker.process.kill()
            worker.process.join()
        code = worker.process.exitcode
        how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        worker.tasks.close()
        worker.results.close()
        index = self._workers.index(worker)
        self._workers[index] = self._start()
        if not worker.held:
            return
        # the first chunk it held was the one it was running; the others it never began
        number, *waiting = worker.held
        chunk = self._chunks.pop(number)
        if self.on_lost is None:
            self.done[number] = WorkerLost(
                f"a worker process died ({how}) with {len(chunk)} item(s) not done"
            )
        else:
            self.done[number] = [self.on_lost(item, LOST_MESSAGE) for item in chunk]
        for number in waiting:
            self.submit(number, self._chunks[number])

    def close(self) -> None:
        """Stop every worker (SIGTERM) and wait for them."""
        for worker in self._workers:
            worker.tasks.close()
            if worker.process.is_alive():
                worker.process.terminate()
        for worker in self._workers:
            worker.process.join()
            worker.results.close()
        self._workers = []


def _serve(
    func: Callable[[Any], Any], tasks: Connection, results: Connection, inherited: list[Connection]
) -> None:
    """A worker: chunks in, results out, until the chunks end (the parent closed them or died)."""
    for end in inherited:  # the parent's ends and other workers' pipes: their ends must close
        end.close()
    # What the worker inherited from its parent is never garbage here: frozen, the
    # cyclic collector no longer walks it at each full collection (nor writes to its
    # pages, which a fork otherwise shares with the parent).
    gc.freeze()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the group; the parent decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    inbox: queue.SimpleQueue[tuple[int, list[Any]] | None] = queue.SimpleQueue()

    def read() -> None:  # always reading, so a large chunk never blocks against a large result
        try:
            while True:
                inbox.put(tasks.recv())
        except (EOFError, OSError):
            inbox.put(None)

    threading.Thread(target=read, daemon=True).start()
    while (task := inbox.get()) is not None:
        number, chunk = task
        answer: list[Any] | BaseException
        try:
            answer = [func(item) for item in chunk]
        except Exception as exc:
            answer = exc
        try:
            results.send((number, answer))
        except (OSError, ValueError):
            break  # the parent is gone: nobody wants the result
        except Exception as exc:  # an answer that does not pickle
            with contextlib.suppress(OSError):
                results.send((number, RuntimeError(f"{type(exc).__name__}: {exc}")))
    os._exit(0)  # no interpreter teardown: nothing left to flush into a closed pipe
