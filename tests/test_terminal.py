"""The progress bar on a real terminal (a pseudo-terminal): on stderr, never in the output's lines."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from corpus_files import write_corpus

_SCRIPT = Path(sys.executable).parent / "articleparse"
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "articleparse"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), 400, per_folder=200)


def _run_on_terminal(
    args: list[str], tmp_path: Path, *, stdout_on_terminal: bool
) -> tuple[bytes, bytes]:
    """Run with stderr (and, if asked, stdout) on a pseudo-terminal; what each received.

    Standard output that is not the terminal goes to a file (a pipe nobody reads would fill up).
    """
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 24 × 100
    out = tmp_path / "stdout"
    with out.open("wb") as stdout:
        process = subprocess.Popen(
            [*COMMAND, *args],
            stdout=terminal if stdout_on_terminal else stdout,
            stderr=terminal,
            stdin=subprocess.DEVNULL,
        )
    os.close(terminal)
    seen = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed: every process holding it has ended
                break
            if not chunk:
                break
            seen += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=60)
    os.close(controller)
    return seen, out.read_bytes()


def test_bar_on_stderr_while_records_go_to_a_file(corpus: Path, tmp_path: Path) -> None:
    # The corpus eight times at -j 1: a few seconds, long past the bar's delay.
    terminal, piped = _run_on_terminal(
        ["parse", *[str(corpus)] * 8, "-j", "1", "-f", "record"], tmp_path, stdout_on_terminal=False
    )
    assert b"files/s" in terminal  # the bar was drawn
    assert (
        b" files [" in terminal and b"/3200" not in terminal
    )  # counted as they come: no walk first
    lines = piped.splitlines()
    assert len(lines) == 3200 and all(line.startswith(b'{"record_version"') for line in lines)
    assert b"\r" not in piped


def test_no_bar_when_the_records_go_to_the_same_terminal(corpus: Path, tmp_path: Path) -> None:
    terminal, _ = _run_on_terminal(
        ["parse", *[str(corpus)] * 3, "-j", "1", "-f", "record"], tmp_path, stdout_on_terminal=True
    )
    lines = terminal.replace(b"\r\n", b"\n").split(b"\n")
    records = [line for line in lines if line.startswith(b"{")]
    assert len(records) == 1200
    assert b"files/s" not in terminal
    assert all(line.endswith(b"}") for line in records)  # nothing drawn into a record's line
