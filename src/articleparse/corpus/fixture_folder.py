"""Reading and writing the files of a fixtures folder without leaving it.

A fixtures folder is data, often downloaded, so nothing in it may reach out of
it: an input or expected file that is a symbolic link is read only when the
link leads to a file in the same folder (or below it), and an expected file is
written only as a regular file, replaced in one rename, never through a link
and never into a device or a FIFO. Each refusal is an ``OSError`` or a message
saying why, which the caller reports as an error for that fixture.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from ..inputs import DEFAULT_MAX_BYTES, NotText, file_kind, read_input, shown_path


def write_expected(target: Path, text: str, max_bytes: int | None = DEFAULT_MAX_BYTES) -> None:
    """Write ``text`` to the expected file ``target`` unless it already holds it.

    Only a new path or a regular file is written: a temporary file beside it
    replaces it in one rename, which replaces a link by a file rather than
    writing where the link leads. A link, a FIFO or a device at ``target`` is an
    ``OSError`` saying so, and nothing is written.
    """
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise OSError(
            f"it is a symbolic link (to {shown_path(os.readlink(target))}); expected files "
            "are written only as regular files, never through a link: remove the link"
        )
    if info is not None and not stat.S_ISREG(info.st_mode):
        kind = file_kind(info.st_mode)
        raise OSError(f"not a regular file ({kind}); only regular files are written")
    if info is not None and read_or_none(target, max_bytes) == text:
        return
    handle, temporary = tempfile.mkstemp(prefix=".articleparse-", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(temporary, _mode(info))
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
        os.replace(temporary, target)  # renames over the name: no link is followed
    except BaseException:
        os.unlink(temporary)
        raise


def _mode(info: os.stat_result | None) -> int:
    """The permissions of the file replaced, or those a new file gets."""
    if info is not None:
        return info.st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def inside_folder(path: Path) -> tuple[str, str]:
    """(the path to read, "") for a file or a link to a file in ``path``'s folder or
    below; ("", why not) for a link leading elsewhere.

    The path read is the link's target, resolved once here, so what is read is
    what was checked.
    """
    if not path.is_symlink():
        return str(path), ""
    folder = os.path.realpath(path.parent)
    resolved = os.path.realpath(path)
    if os.path.commonpath([folder, resolved]) == folder:
        return resolved, ""
    return "", (
        f"a link to {shown_path(resolved)}, outside its folder: fixture files are "
        "read only inside their folder (copy the file in instead of linking it)"
    )


def read_or_none(path: Path, max_bytes: int | None) -> str | None:
    try:
        return read_input(str(path), max_bytes).decode("utf-8")
    except (OSError, NotText, UnicodeDecodeError):
        return None
