"""A pytest plugin: every ``X.txt`` in a fixtures folder must parse to its ``X.json``.

Installed with the package and inert until configured. One line turns it on::

    [tool.pytest.ini_options]
    articleparse_fixtures = ["fixtures"]

Each input becomes a test item (``fixtures/a.txt::a.json``) that fails with the
same report as ``articleparse validate``: the path in the tree, the expected
value and the value got. ``pytest --articleparse-update`` writes the expected
files instead. The folders are collected even when ``testpaths`` leaves them
out, unless test paths are given on the command line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from _pytest._code.code import TerminalRepr

    from .corpus.validate import Verdict

INI_OPTION = "articleparse_fixtures"
UPDATE_OPTION = "--articleparse-update"
_FOLDERS = pytest.StashKey[list[Path]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        INI_OPTION,
        type="paths",
        default=[],
        help="folders of articleparse fixtures: each X.txt is checked against X.json beside it",
    )
    group = parser.getgroup("articleparse")
    group.addoption(
        UPDATE_OPTION,
        action="store_true",
        default=False,
        help="write each fixture's expected X.json from what X.txt parses to now",
    )


def pytest_configure(config: pytest.Config) -> None:
    folders = [Path(folder).resolve() for folder in config.getini(INI_OPTION)]
    config.stash[_FOLDERS] = folders
    if not folders or config.args_source == pytest.Config.ArgsSource.ARGS:
        return
    searched = [Path(arg).resolve() for arg in config.args]
    for folder in folders:
        if not any(folder.is_relative_to(root) for root in searched):
            config.args.append(str(folder))


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix != ".txt":
        return None
    folders = parent.config.stash.get(_FOLDERS, [])
    if any(file_path.is_relative_to(folder) for folder in folders):
        return FixtureFile.from_parent(parent, path=file_path)
    return None


class FixtureFile(pytest.File):
    """An input file of a fixtures folder."""

    def collect(self) -> Iterator[pytest.Item]:
        from .corpus.validate import expected_path

        yield FixtureItem.from_parent(self, name=expected_path(self.path).name)


class FixtureMismatch(Exception):
    """The input does not parse to its expected tree (or parses with errors)."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(verdict.status)
        self.verdict = verdict


class FixtureItem(pytest.Item):
    """One fixture: parse the input and compare with the expected file."""

    def runtest(self) -> None:
        from .corpus.validate import check_fixture

        verdict = check_fixture(self.path, update=self.config.getoption("articleparse_update"))
        if not verdict.ok:
            raise FixtureMismatch(verdict)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: str | None = None,
    ) -> str | TerminalRepr:
        if isinstance(excinfo.value, FixtureMismatch):
            from .corpus.validate import format_verdict

            return format_verdict(excinfo.value.verdict, update_hint=UPDATE_OPTION)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"articleparse fixture {self.path.name}"
