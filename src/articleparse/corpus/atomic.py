"""Writing a file so that it is either whole or not there: never half-written.

The bytes go to a temporary file in the target's folder (same file system),
which replaces the target in one ``os.replace`` only when writing succeeded.
An interrupted or failed write removes the temporary file and leaves any
previous target untouched.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary stream that becomes ``path`` when the ``with`` block ends without error."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
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


def _mode_for(target: Path) -> int:
    """The permissions of the file being replaced, or those a new file would get."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
