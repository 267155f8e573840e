"""Coverage-guided fuzz target: parse, render and the JSON round trip.

Each input is used twice: as bytes through ``parse_bytes`` (the original bytes
must come back from the result) and, decoded as UTF-8 with replacement, as text
through ``parse`` (``render`` must give the text back, the JSON round trip must
give the same tree). Run it through ``make fuzz`` (see fuzz/run.py), or directly
with libFuzzer flags::

    .venv/bin/python fuzz/fuzz_parse.py fuzz/out/corpus tests/fuzz_corpus -dict=fuzz/scrape.dict
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

with atheris.instrument_imports(include=["articleparse"]):
    import articleparse  # noqa: F401

import reliability_checks


def test_one_input(data: bytes) -> None:
    reliability_checks.check_input(data)


def runnable_self() -> str:
    """A command that runs this target: libFuzzer re-runs ``argv[0]`` for -merge and
    -minimize_crash, and a Python script is not runnable on its own."""
    wrapper = Path(__file__).resolve().parent / "out" / "fuzz_parse.sh"
    wrapper.parent.mkdir(parents=True, exist_ok=True)
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{Path(__file__).resolve()}" "$@"\n')
    wrapper.chmod(0o755)
    return str(wrapper)


def main() -> None:
    atheris.Setup([runnable_self(), *sys.argv[1:]], test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
