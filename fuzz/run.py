"""Run the fuzz target for a fixed time and keep what it finds.

* The working corpus is ``fuzz/out/corpus`` (not committed). It starts from the
  kept corpus ``tests/fuzz_corpus``, the fixtures and ``tests/regressions``.
* A failing input stops libFuzzer: it is minimised into ``tests/regressions/``
  (where the test suite replays it) and fuzzing resumes for the time left.
* At the end the working corpus is merged into ``tests/fuzz_corpus``: only
  inputs that reach new code are added, so the kept corpus stays small.

Usage: ``python fuzz/run.py SECONDS`` (``make fuzz FUZZ_SECONDS=1800``).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "fuzz" / "fuzz_parse.py"
OUT = ROOT / "fuzz" / "out"
WORK = OUT / "corpus"
ARTIFACTS = OUT / "artifacts"
KEPT = ROOT / "tests" / "fuzz_corpus"
REGRESSIONS = ROOT / "tests" / "regressions"
DICTIONARY = ROOT / "fuzz" / "scrape.dict"
FLAGS = [
    "-max_len=8192",
    "-timeout=20",
    "-rss_limit_mb=2048",
    f"-dict={DICTIONARY}",
    "-print_final_stats=1",
]
MAX_FAILURES = 10
"""Stop early after this many failing inputs: by then the bugs need fixing first."""


def libfuzzer(*args: str | Path, log: Path) -> int:
    command = [sys.executable, str(TARGET), *FLAGS, *map(str, args)]
    with log.open("w") as handle:
        return subprocess.run(command, stdout=handle, stderr=subprocess.STDOUT, cwd=ROOT).returncode


def executed_units(log: Path) -> int:
    found = re.findall(r"stat::number_of_executed_units:\s*(\d+)", log.read_text(errors="replace"))
    return int(found[-1]) if found else 0


def keep_failure(artifact: Path, number: int) -> Path:
    """Minimise a failing input into tests/regressions/ and return where it went."""
    digest = hashlib.sha1(artifact.read_bytes()).hexdigest()[:12]
    kind = artifact.name.split("-", 1)[0]
    kept = REGRESSIONS / f"fuzz-{kind}-{digest}.txt"
    minimised = OUT / f"minimised-{digest}"
    libfuzzer(
        "-minimize_crash=1",
        "-max_total_time=120",
        f"-exact_artifact_path={minimised}",
        artifact,
        log=OUT / f"minimise-{number}.log",
    )
    source = minimised if minimised.exists() and minimised.stat().st_size else artifact
    shutil.copyfile(source, kept)
    return kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seconds", type=int, help="total fuzzing time")
    options = parser.parse_args()
    for folder in (WORK, ARTIFACTS, KEPT, REGRESSIONS):
        folder.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + options.seconds
    executed = 0
    kept: list[Path] = []
    rounds = 0
    while (left := int(deadline - time.monotonic())) > 0 and len(kept) < MAX_FAILURES:
        rounds += 1
        before = set(ARTIFACTS.iterdir())
        log = OUT / f"fuzz-{rounds}.log"
        code = libfuzzer(
            f"-max_total_time={left}",
            f"-artifact_prefix={ARTIFACTS}/",
            WORK,
            KEPT,
            ROOT / "fixtures",
            REGRESSIONS,
            log=log,
        )
        executed += executed_units(log)
        new = sorted(set(ARTIFACTS.iterdir()) - before)
        for artifact in new:
            kept.append(keep_failure(artifact, len(kept) + 1))
            print(f"failing input kept as {kept[-1].relative_to(ROOT)} (log: {log})")
        if code != 0 and not new:
            print(f"libFuzzer stopped with exit code {code} and no input; see {log}")
            return code
    merge_log = OUT / "merge.log"
    before_count = len(list(KEPT.iterdir()))
    libfuzzer("-merge=1", KEPT, WORK, log=merge_log)
    after_count = len(list(KEPT.iterdir()))
    summary = (
        f"fuzzed {options.seconds} s in {rounds} round(s), {executed} inputs executed, "
        f"{len(kept)} failing input(s) kept, "
        f"kept corpus {before_count} → {after_count} files"
    )
    print(summary)
    (OUT / "summary.txt").write_text(
        summary + "\n" + "".join(f"{path.relative_to(ROOT)}\n" for path in kept)
    )
    return 1 if kept else 0


if __name__ == "__main__":
    sys.exit(main())
