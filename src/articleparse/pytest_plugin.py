"""A pytest plugin: every ``X.txt`` in a fixtures folder must parse to its ``X.json``.

Installed with the package and inert until configured. One line turns it on::

    [tool.pytest.ini_options]
    articleparse_fixtures = ["fixtures"]

Each input becomes a test item (``fixtures/a.txt::a.json``) that fails with the
same report as ``articleparse validate``: the path in the tree, the expected
value and the value got. ``pytest --articleparse-update`` writes the expected
files instead. The folders are collected even when ``testpaths`` leaves them
out, unless test paths are given on the command line.

A fixtures folder is data, often downloaded: pytest never imports Python from
it. Its own collector takes only the ``.txt`` files, so no ``test_*.py`` in it is
collected, and its folders are marked as having no ``conftest.py`` before pytest
looks for any, so none in it is imported (not even when the folder is named on
the command line or in ``testpaths``). Nor does anything in it reach out of it:
links to folders are not collected, a link to a file is read only when the file
is in the same folder, and ``--articleparse-update`` never writes through a link
or into a FIFO or device (:mod:`articleparse.corpus.fixture_folder`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from _pytest._code.code import TerminalRepr

    from .corpus.validate import Verdict

INI_OPTION = "articleparse_fixtures"
MAX_BYTES_OPTION = "articleparse_max_bytes"
UPDATE_OPTION = "--articleparse-update"
_FOLDERS = pytest.StashKey[list[Path]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        INI_OPTION,
        type="paths",
        default=[],
        help="folders of articleparse fixtures: each X.txt is checked against X.json beside it",
    )
    parser.addini(
        MAX_BYTES_OPTION,
        type="string",
        default="",
        help="largest fixture file read, in bytes (default: 64 MB, as the command line)",
    )
    group = parser.getgroup("articleparse")
    group.addoption(
        UPDATE_OPTION,
        action="store_true",
        default=False,
        help="write each fixture's expected X.json from what X.txt parses to now",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config) -> None:
    """Before pytest imports any ``conftest.py``: none under a fixtures folder."""
    _keep_conftests_out(early_config, _folders(early_config))


def pytest_configure(config: pytest.Config) -> None:
    folders = _folders(config)
    config.stash[_FOLDERS] = folders
    _keep_conftests_out(config, folders)
    if not folders or config.args_source == pytest.Config.ArgsSource.ARGS:
        return
    searched = [Path(arg.split("::")[0]).resolve() for arg in config.args]
    for folder in folders:
        if not any(folder.is_relative_to(root) for root in searched):
            config.args.append(str(folder))


def _folders(config: pytest.Config) -> list[Path]:
    return [Path(folder).resolve() for folder in config.getini(INI_OPTION)]


def _keep_conftests_out(config: pytest.Config, folders: list[Path]) -> None:
    """Record every folder under ``folders`` as having no conftest modules.

    pytest imports a folder's ``conftest.py`` the first time it meets the folder
    (as an argument, a ``test*`` folder beside one, or while collecting) unless
    its table of folders already has an entry for it; an empty entry is what a
    folder without ``conftest.py`` gets. The table is internal to pytest, so
    without it (another pytest) only the collection rules below apply.
    """
    table = getattr(config.pluginmanager, "_dirpath2confmods", None)
    if not isinstance(table, dict):
        return
    for folder in folders:
        for directory, subfolders, _files in os.walk(folder):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            for form in {
                Path(directory),
                Path(directory).resolve(),
                Path(os.path.abspath(directory)),
            }:
                table.setdefault(form, [])


def _fixture_folder(config: pytest.Config, path: Path) -> bool:
    return any(path.resolve().is_relative_to(folder) for folder in config.stash.get(_FOLDERS, []))


@pytest.hookimpl(tryfirst=True)
def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if _fixture_folder(parent.config, path):
        return FixtureFolder.from_parent(parent, path=path)
    return None


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == ".txt" and not isinstance(parent, FixtureFolder):
        if _fixture_folder(parent.config, file_path):
            return FixtureFile.from_parent(parent, path=file_path)
    return None


class FixtureFolder(pytest.Collector):
    """A folder of a fixtures tree: its ``.txt`` files and its folders, nothing else.

    Not a ``pytest.Directory``, for which pytest would import the folder's
    ``conftest.py`` before collecting it; hidden entries and links to folders
    are left out, as ``articleparse validate`` leaves them out.
    """

    def __init__(self, *, path: Path, **kwargs: object) -> None:
        super().__init__(name=path.name, path=path, **kwargs)  # type: ignore[arg-type]

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        with os.scandir(self.path) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                yield FixtureFolder.from_parent(self, path=path)
            elif entry.name.endswith(".txt"):
                yield FixtureFile.from_parent(self, path=path)


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
        from .inputs import DEFAULT_MAX_BYTES

        limit = str(self.config.getini(MAX_BYTES_OPTION)).strip()
        verdict = check_fixture(
            self.path,
            update=self.config.getoption("articleparse_update"),
            max_bytes=int(limit) if limit else DEFAULT_MAX_BYTES,
        )
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
