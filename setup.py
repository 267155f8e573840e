"""Build: the parser's modules compiled with mypyc where possible, pure Python otherwise.

The modules to compile are listed once, in pyproject.toml under
``[tool.articleparse] compiled``. Their ``.py`` sources are installed beside
the compiled extensions and stay the reference implementation:
``ARTICLEPARSE_PURE=1`` at run time imports them instead, and the test suite
compares both builds (tests/test_compiled_build.py).

The build never fails for want of the compiled one. With ``ARTICLEPARSE_PURE=1``
set at build time, without a C compiler, or when mypyc or the C compiler
rejects a module, it prints why and installs pure Python. Either way it writes
``articleparse/_compiled.json``: the compiled modules with a digest of each
source as compiled, which :mod:`articleparse._build` checks at import so that
an extension never stands in for a source edited after the build.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sys
import tomllib
from pathlib import Path

import setuptools
from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
PACKAGE = ROOT / "src" / "articleparse"
INFO_NAME = "_compiled.json"


def _compiled_modules() -> list[str]:
    with open(ROOT / "pyproject.toml", "rb") as handle:
        config = tomllib.load(handle)
    return list(config["tool"]["articleparse"]["compiled"])


def _source(module: str) -> Path:
    """The source of ``module``, named from the package ('parser.tokenizer')."""
    return PACKAGE.joinpath(*module.split(".")).with_suffix(".py")


def _digest(module: str) -> str:
    return hashlib.sha256(_source(module).read_bytes()).hexdigest()


def _say(message: str) -> None:
    print(f"articleparse build: {message}", file=sys.stderr, flush=True)


_generated: dict[tuple[str, ...], tuple[list[object], str]] = {}


def _mypyc_extensions(modules: list[str]) -> tuple[list[object], str]:
    """The extensions mypyc generates for ``modules``, or none and the reason."""
    key = tuple(modules)
    if key not in _generated:
        _generated[key] = _generate(modules)
    return _generated[key]


def _generate(modules: list[str]) -> tuple[list[object], str]:
    if _pure():
        return [], "ARTICLEPARSE_PURE is set"
    try:
        from mypyc.build import mypycify
    except ImportError as error:
        return [], f"mypyc is not available ({error})"
    paths = [str(_source(module).relative_to(ROOT)) for module in modules]
    previous = os.getcwd()
    os.chdir(ROOT)  # mypy reads its configuration from pyproject.toml here
    said = io.StringIO()  # mypyc prints its type errors, then exits
    try:
        with contextlib.redirect_stdout(said):
            extensions = mypycify(paths, opt_level="3", target_dir=str(ROOT / "build" / "mypyc"))
    except (Exception, SystemExit) as error:
        errors = [line for line in said.getvalue().splitlines() if ": error:" in line]
        shown = "; ".join(errors[:3]) + (f"; and {len(errors) - 3} more" if len(errors) > 3 else "")
        return [], f"mypyc could not compile {', '.join(modules)} ({shown or repr(error)})"
    finally:
        os.chdir(previous)
    sys.stdout.write(said.getvalue())
    return list(extensions), ""


NATIVE = setuptools.Extension(
    "articleparse._native", ["src/articleparse/_native.c"], optional=False
)
"""A small C helper built with the compiled modules (articleparse/native.py): nodes made
without a Python-level call per slot, finished trees taken out of the cyclic collector's
lists (articleparse/collector.py says why). Without it everything works as before."""


_NO_BUILD_COMMANDS = {"egg_info", "dist_info", "sdist", "clean"}


class BuildExt(build_ext):
    """Builds the mypyc extensions; on any failure removes them and keeps pure Python."""

    def finalize_options(self) -> None:
        # mypyc runs when a build needs the extensions, not whenever setup.py is
        # read (pip reads it several times for one install; metadata and the
        # source distribution need no C).
        if not set(self.distribution.commands) <= _NO_BUILD_COMMANDS:
            extensions = _mypyc_extensions(_compiled_modules())[0]
            if extensions:
                extensions = [*extensions, NATIVE]
            self.distribution.ext_modules = extensions  # type: ignore[assignment]
        super().finalize_options()

    def run(self) -> None:
        modules = _compiled_modules()
        extensions, reason = _mypyc_extensions(modules)
        built: list[str] = []
        # setuptools clears inplace while it builds and restores it only on success
        self._inplace = bool(self.inplace)
        if self._inplace:
            self._remove_inplace_outputs()
        if extensions:
            try:
                super().run()
                built = modules
            except Exception as error:  # no compiler, or it rejected the generated C
                reason = f"the C build failed ({error})"
        if reason:
            _say(f"installing pure Python: {reason}")
        else:
            _say(f"compiled with mypyc: {', '.join(built)}")
        self._write_info(modules, built, reason)

    def _package_dir(self) -> Path:
        if getattr(self, "_inplace", self.inplace):  # an editable install: beside the sources
            return Path(self.get_finalized_command("build_py").get_package_dir("articleparse"))
        return Path(self.build_lib) / "articleparse"

    def _remove_inplace_outputs(self) -> None:
        """Extensions of an earlier build (of any module) must not stand in for the sources."""
        package = self._package_dir()
        for stale in [*package.rglob("*.so"), *package.rglob("*.pyd")]:
            stale.unlink()
        for stale in [
            *package.parent.glob("*__mypyc.*.so"),
            *package.parent.glob("*__mypyc.*.pyd"),
        ]:
            stale.unlink()

    def _write_info(self, modules: list[str], built: list[str], reason: str) -> None:
        package = self._package_dir()
        package.mkdir(parents=True, exist_ok=True)
        info = {
            "modules": modules,
            "compiled": {module: _digest(module) for module in built},
            "reason": reason,
        }
        (package / INFO_NAME).write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")


def _pure() -> bool:
    return os.environ.get("ARTICLEPARSE_PURE", "") not in ("", "0")


class Distribution(setuptools.Distribution):
    """A platform build, where build_ext runs and decides (mypyc or pure Python), unless
    ``ARTICLEPARSE_PURE`` is set: then a pure ``py3-none-any`` build with no build_ext."""

    def has_ext_modules(self) -> bool:
        return not _pure()


setup(cmdclass={"build_ext": BuildExt}, distclass=Distribution)
