"""Writing a file so that it is either whole or not there: never half-written.

The bytes go to a temporary file in the target's folder (same file system),
which replaces the target in one ``os.replace`` only when writing succeeded.
An interrupted or failed write removes the temporary file and leaves any
previous target untouched. The temporary file's name carries the writing
process's id (``.NAME.PID.xxxxxxxx.tmp``), so that a run killed before it
could clean up (``kill -9``, a power cut) leaves nothing for long: the next
write of the same target removes the temporary files of processes that are
gone.

Only a regular file (or a path that does not exist yet) is replaced that way.
A symbolic link is followed, so that its target gets the new bytes and the
link stays. Anything else that exists — ``/dev/null``, a terminal, a FIFO, the
pipe behind ``/dev/fd/N`` or ``>(gzip > x.gz)`` — is written straight into:
renaming over it would replace a device or a pipe by a regular file that no
reader ever sees.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

NAME_MAX = 255
"""Bytes in one file name on the file systems we write to (ext4, XFS, APFS, tmpfs)."""
_TEMP_EXTRA = len(b"...") + 10 + 8 + len(b".tmp")
"""What is added around the target's name: ``.NAME.PID.xxxxxxxx.tmp`` (a PID of up to 10 digits)."""


@contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary stream that becomes ``path`` when the ``with`` block ends without error."""
    if _is_special(Path(path)):  # through any link: /dev/fd/N leads to a pipe, not a path
        with open(path, "wb") as stream:
            yield stream
        return
    target = Path(os.path.realpath(path))  # a link is followed: its target is written
    stem = _temporary_stem(target.name)
    remove_stale_temporaries(target.parent, stem)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{stem}.{os.getpid()}.", suffix=".tmp", dir=target.parent
    )
    try:
        os.chmod(temporary, _mode_for(target))
        with os.fdopen(handle, "wb") as stream:
            yield stream
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` through :func:`atomic_file`."""
    with atomic_file(path) as stream:
        stream.write(text.encode("utf-8"))


def remove_stale_temporaries(folder: Path, stem: str) -> None:
    """Remove the temporary files of ``stem`` left in ``folder`` by processes that are gone."""
    prefix = f".{stem}."
    try:
        names = [name for name in os.listdir(folder) if name.startswith(prefix)]
    except OSError:
        return
    for name in names:
        pid, _, rest = name[len(prefix) :].partition(".")
        if pid.isdigit() and rest.endswith(".tmp") and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(folder / name)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: it exists
        return True
    return True


def _is_special(target: Path) -> bool:
    """True for something that exists and is not a regular file (a device, a FIFO, a socket)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _temporary_stem(name: str) -> str:
    """``name``, cut so that the temporary file's name stays within ``NAME_MAX`` bytes.

    A cut name loses its end, and never in the middle of a character; the
    temporary name is only ever seen while the file is being written.
    """
    room = NAME_MAX - _TEMP_EXTRA
    encoded = os.fsencode(name)
    if len(encoded) <= room:
        return name
    return os.fsdecode(encoded[:room].decode("utf-8", "ignore").encode("utf-8"))


def _mode_for(target: Path) -> int:
    """The permissions of the file being replaced, or those a new file would get."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
