"""What is shipped: a pure py3-none-any wheel and an sdist, each with the LICENSE.

Both are built here, from this checkout, with the project's own build backend
and the setuptools of this environment (no download, no compiler, no mypy).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = r"""
import os, sys
out = os.environ["BUILD_OUT"]
sys.argv = ["setup.py"]
sys.path.insert(0, "build_backend")
import articleparse_backend as backend
found = [str(backend.get_requires_for_build_wheel())]
found.append(backend.build_wheel(out))
found.append(backend.build_sdist(out))
print("\n".join(found))
"""


SHIPPED = [
    "src",
    "build_backend",
    "setup.py",
    "pyproject.toml",
    "README.md",
    "LICENSE",
    "MANIFEST.in",
]


def test_the_pure_wheel_and_the_sdist_carry_the_license(tmp_path: Path) -> None:
    tree = tmp_path / "tree"  # a copy, so that the build leaves nothing in the checkout
    tree.mkdir()
    for name in SHIPPED:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(
            ROOT / name,
            tree / name,
            **(
                {"ignore": shutil.ignore_patterns("*.so", "__pycache__")}
                if (ROOT / name).is_dir()
                else {}
            ),
        )  # type: ignore[operator]
    (tree / "tests").mkdir()
    (tree / "tests" / "test_x.py").write_text("", encoding="utf-8")
    out = tmp_path / "dist"
    out.mkdir()
    env = dict(os.environ, ARTICLEPARSE_PURE="1", BUILD_OUT=str(out))
    result = subprocess.run(
        [sys.executable, "-c", BUILD],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    requires, wheel_name, sdist_name = result.stdout.strip().splitlines()[-3:]
    assert "mypy" not in requires  # a pure build asks for no compiler toolchain
    assert wheel_name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(out / wheel_name) as wheel:
        names = wheel.namelist()
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert not any(name.endswith((".so", ".pyd")) for name in names)
    assert "articleparse/cli/parse.py" in names
    with tarfile.open(out / sdist_name) as sdist:
        members = [member.name.partition("/")[2] for member in sdist.getmembers()]
    assert (
        "LICENSE" in members
        and "src/articleparse/cli/parse.py" in members
        and "build_backend/articleparse_backend.py" in members
    )
    assert (
        "src/articleparse/_native.c" in members
    )  # a compiled build from the sdist builds the helper too
    assert not any(name.startswith("tests/") for name in members)  # the tests need the repository
