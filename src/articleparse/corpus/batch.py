"""Running one task over many files: the inputs, and an ordered worker pool.

Memory stays flat however many files there are: folders are walked lazily,
at most a small window of chunks is in flight at any time, and results are
handed back one by one in input order for the caller to write and forget.
"""

from __future__ import annotations

import fnmatch
import functools
import itertools
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import TypeVar

from ..inputs import filesystem, is_url, shown_path
from .pool import Pool

T = TypeVar("T")
R = TypeVar("R")

STDIN = "-"
DEFAULT_GLOB = "*.txt"
CHUNK_SIZE = 64
"""Files per task handed to a worker. Each task costs the parent process a fixed
amount of pool bookkeeping: per 10,000 seed-sized files at ``-j 2`` the parent
used 1.4 s of CPU with 8 files a task and about 0.5 s with 64, which is what
lets two workers use two cores. The results in flight stay under ten megabytes."""
CHUNKS_IN_FLIGHT_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class Input:
    """One file to process: its path as shown to the user, and its bytes when already read.

    ``relative_path`` is the path from the folder the file was found in (with
    ``/`` between parts); a file named directly keeps the path as given.
    """

    path: str
    data: bytes | None = None
    relative_path: str | None = None

    @property
    def name(self) -> str:
        """The path from the input root: ``relative_path`` when known, else ``path``."""
        return self.path if self.relative_path is None else self.relative_path


Source = str | os.PathLike[str] | tuple[str, bytes]
"""What a batch takes: a file, a folder (walked), or a ``(name, bytes)`` pair in memory."""


def iter_inputs(
    paths: Iterable[Source], glob: str = DEFAULT_GLOB, max_bytes: int | None = None
) -> Iterator[Input]:
    """Each path as given, or the files under it when it is a folder.

    Folders are walked recursively in sorted order without following links,
    keeping files whose path relative to the folder matches ``glob``; hidden
    files and folders (a leading ``.``, as in unfinished temporary files) are
    skipped. ``-`` reads standard input; a ``(name, bytes)`` pair is an input
    already in memory. A path that does not exist is passed on as it is, so
    that reading it reports the error in its place. Standard input is read up
    to one byte over ``max_bytes``, enough for the reader to refuse it.
    """
    for source in paths:
        if isinstance(source, tuple):
            name, data = source
            yield Input(name, bytes(data))
            continue
        path = os.fspath(source)
        if path == STDIN:
            limit = -1 if max_bytes is None else max_bytes + 1
            yield Input(STDIN, sys.stdin.buffer.read(limit))
        elif is_url(path):
            yield from remote_inputs(path, glob)
        elif os.path.isdir(path):
            for found in walk_folder(path, glob):
                relative = os.path.relpath(found, path).replace(os.sep, "/")
                yield Input(found, relative_path=relative)
        else:
            yield Input(path)


GLOB_CHARACTERS = frozenset("*?[")


def remote_inputs(url: str, glob: str = DEFAULT_GLOB, *, strict: bool = False) -> Iterator[Input]:
    """The files a URL names through fsspec: a file, a folder (walked for ``glob``) or a pattern.

    A pattern (``s3://bucket/2019/**/*.txt``) is expanded by the store, and
    each file's ``relative_path`` is taken from its fixed leading folder. A
    pattern that matches nothing raises ``FileNotFoundError`` when ``strict``;
    otherwise the URL is passed on as it is, so that reading it reports the error.
    """
    fs, root = filesystem(url)
    if GLOB_CHARACTERS & set(root):
        base = fixed_prefix(root)
        found = sorted(path for path in fs.glob(root) if fs.isfile(path))
        if not found and strict:
            raise FileNotFoundError(f"no files match {url}")
        for path in found:
            yield Input(fs.unstrip_protocol(path), relative_path=_relative(path, base))
        if found:
            return
    elif fs.isdir(root):
        for path in sorted(fs.find(root)):
            relative = _relative(path, root)
            if not any(part.startswith(".") for part in relative.split("/")) and _glob_matches(
                relative, glob
            ):
                yield Input(fs.unstrip_protocol(path), relative_path=relative)
        return
    yield Input(url)


def fixed_prefix(pattern: str) -> str:
    """The folder part of a glob pattern before its first wildcard."""
    parts = pattern.replace(os.sep, "/").split("/")
    fixed: list[str] = []
    for part in parts[:-1]:
        if GLOB_CHARACTERS & set(part):
            break
        fixed.append(part)
    return "/".join(fixed) or "."


def _relative(path: str, root: str) -> str:
    root = root.rstrip("/")
    return path[len(root) + 1 :] if path.startswith(root + "/") else path


def _glob_matches(relative: str, glob: str) -> bool:
    """``glob`` against a path relative to its folder; a glob without '/' looks at the name."""
    if "/" not in glob:
        return fnmatch.fnmatchcase(relative.rpartition("/")[2], glob)
    return PurePath(relative).match(glob)


def names_many(path: str) -> bool:
    """Whether ``path`` stands for several inputs: a folder, or a URL of a folder or pattern."""
    if not is_url(path):
        return os.path.isdir(path)
    if GLOB_CHARACTERS & set(path):
        return True
    try:
        fs, location = filesystem(path)
        return bool(fs.isdir(location))
    except Exception:  # no backend, no such store: reading it will say so
        return False


def input_key(item: Input) -> str:
    """What an input is, however its path was spelled: the real path of its folder and its name.

    ``corpus/a.txt``, ``./corpus/a.txt`` and ``/abs/corpus/a.txt`` give the
    same key (so do paths through a linked folder); standard input, a pair in
    memory and a URL keep their name. Shown as :func:`..inputs.shown_path` shows it.
    """
    if item.data is not None or "://" in item.path:
        return shown_path(item.path)
    folder, name = os.path.split(item.path)
    return shown_path(os.path.join(_real_folder(folder or os.curdir), name))


@functools.lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def walk_folder(root: str, glob: str = DEFAULT_GLOB) -> Iterator[str]:
    """Files under ``root`` matching ``glob``, in sorted path order, without recursion.

    A folder that cannot be listed is yielded itself, so that reading it
    reports the error in its place.
    """
    listing = _listing(root)
    if listing is None:
        yield root
        return
    stack = [listing]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry.name.startswith("."):
            continue
        elif entry.is_dir(follow_symlinks=False):
            inner = _listing(entry.path)
            if inner is None:
                yield entry.path
            else:
                stack.append(inner)
        elif _matches(entry, root, glob):
            yield entry.path


def _matches(entry: os.DirEntry[str], root: str, glob: str) -> bool:
    """``PurePath(relative path).match(glob)``; a glob without '/' looks at the name only."""
    if "/" not in glob:
        return fnmatch.fnmatchcase(entry.name, glob)
    return PurePath(os.path.relpath(entry.path, root)).match(glob)


def _listing(folder: str) -> Iterator[os.DirEntry[str]] | None:
    try:
        with os.scandir(folder) as scan:
            return iter(sorted(scan, key=lambda entry: entry.name))
    except OSError:
        return None


def default_jobs() -> int:
    """The number of cores this process may use: its CPU affinity, within a cgroup's quota.

    A container limited to two CPUs (cgroup v2 ``cpu.max`` of ``200000 100000``)
    on a machine of sixty-four still sees every core in its affinity; the quota
    is what it may use, rounded up.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    quota = cgroup_cpu_quota()
    if quota is not None:
        cores = min(cores, quota)
    return max(1, cores)


def cgroup_cpu_quota(root: str = "/sys/fs/cgroup") -> int | None:
    """The CPUs the cgroup of this process may use (``cpu.max``, rounded up); ``None``: no limit.

    Reads cgroup v2 (``cpu.max`` of this process's group, from ``/proc/self/cgroup``,
    else at the root) and falls back to cgroup v1 (``cpu.cfs_quota_us`` over
    ``cpu.cfs_period_us``).
    """
    group = ""
    try:
        with open("/proc/self/cgroup", encoding="utf-8") as lines:
            for line in lines:
                if line.startswith("0::"):
                    group = line[3:].strip().lstrip("/")
    except OSError:
        pass
    candidates = [os.path.join(root, group, "cpu.max"), os.path.join(root, "cpu.max")]
    for path in candidates:
        words = _read_words(path)
        if len(words) == 2:
            return None if words[0] == "max" else _cpus(words[0], words[1])
    quota = _read_words(os.path.join(root, "cpu", "cpu.cfs_quota_us"))
    period = _read_words(os.path.join(root, "cpu", "cpu.cfs_period_us"))
    if len(quota) == 1 and len(period) == 1:
        return _cpus(quota[0], period[0])
    return None


def _read_words(path: str) -> list[str]:
    try:
        with open(path, encoding="ascii") as handle:
            return handle.read().split()
    except (OSError, ValueError):
        return []


def _cpus(quota: str, period: str) -> int | None:
    try:
        share, length = int(quota), int(period)
    except ValueError:
        return None
    if share <= 0 or length <= 0:
        return None  # -1: no limit (cgroup v1)
    return max(1, -(-share // length))


def can_start_workers() -> bool:
    """Whether this process may start worker processes.

    A daemonic process (a worker of ``multiprocessing.Pool``) may not have
    children, so the work stays in it. A process that is still importing the
    main module of its parent (``spawn`` or ``forkserver`` running a script that
    has no ``if __name__ == "__main__":`` guard) raises :class:`WorkersUnavailable`:
    it was started to be a worker, and starting workers of its own would start
    them again and again.
    """
    current = multiprocessing.current_process()
    if getattr(current, "_inheriting", False):
        raise WorkersUnavailable(_NO_GUARD)
    return not current.daemon


class WorkersUnavailable(RuntimeError):
    """Worker processes could not start or died; the message says what to do."""


_NO_GUARD = (
    "worker processes cannot start: this process is itself a worker still importing the "
    "main module. Under the spawn or forkserver start method, the script must run its work "
    'inside `if __name__ == "__main__":`, or pass jobs=1.'
)


def ordered_map(
    func: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    chunk_size: int = CHUNK_SIZE,
    on_lost: Callable[[T, str], R] | None = None,
) -> Iterator[R]:
    """``func`` over ``items`` in ``jobs`` processes, results in input order.

    This process is one of the ``jobs``: ``jobs - 1`` workers always have a few
    chunks queued, and whenever the next result in order is not ready yet, this
    process takes the next chunk itself instead of waiting. So on N cores N
    processes stay busy, and collecting and writing results costs no core of
    its own. No more than a few chunks per process are in flight, so neither
    the input nor the results pile up in memory. With one job, or no more than
    one chunk of items, everything runs in this process. The items and results
    must pickle.

    The workers start here, before the first result is asked for (and before
    the caller starts a progress bar's thread). A worker that dies gives each
    item of the chunks it held to ``on_lost`` (the item and why), whose result
    stands in for ``func``'s; without ``on_lost`` the results stop with
    :class:`.pool.WorkerLost`.
    """
    chunks = _chunks(items, chunk_size)
    first = next(chunks, [])
    second = next(chunks, None) if jobs > 1 and can_start_workers() else None
    if second is None:
        return _in_process(func, itertools.chain([first], chunks))
    pool = Pool(func, jobs - 1, on_lost)
    return _ordered(pool, itertools.chain((first, second), chunks), jobs)


def _in_process(func: Callable[[T], R], chunks: Iterator[list[T]]) -> Iterator[R]:
    for chunk in chunks:
        yield from map(func, chunk)


def _ordered(pool: Pool[T, R], feed: Iterator[list[T]], jobs: int) -> Iterator[R]:
    most_held = CHUNKS_IN_FLIGHT_PER_WORKER
    window = jobs * CHUNKS_IN_FLIGHT_PER_WORKER
    pending: deque[int | list[R]] = deque()  # a worker's chunk by number, or this process's
    number = 0
    try:
        upcoming: list[T] | None = next(feed, None)
        while pending or upcoming is not None:
            if upcoming is not None and len(pending) < window and pool.load() < most_held:
                pool.submit(number, upcoming)
                pending.append(number)
                number += 1
                upcoming = next(feed, None)
                continue
            pool.collect(0)
            front = pending[0]
            if isinstance(front, int) and front not in pool.done:
                if upcoming is not None and len(pending) < window:
                    pending.append([pool.func(item) for item in upcoming])  # this process's share
                    upcoming = next(feed, None)
                else:
                    pool.collect(None)
                continue
            pending.popleft()
            if isinstance(front, list):
                yield from front
                continue
            results = pool.done.pop(front)
            if isinstance(results, BaseException):
                raise results
            yield from results
    finally:
        pool.close()


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
