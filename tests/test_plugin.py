"""The pytest plugin: one line of configuration checks a fixtures folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fixture_files import FIXTURES

pytest_plugins = ["pytester"]

SEED = FIXTURES / "seed" / "000_462883809ea3ad38.txt"
SEED_JSON = SEED.with_suffix(".json")


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    folder = pytester.path / "fixtures"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    shutil.copy(SEED_JSON, folder / "seed.json")
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\narticleparse_fixtures = ["fixtures"]\n')
    return pytester


def test_each_fixture_is_a_passing_test_item(project: pytest.Pytester) -> None:
    result = project.runpytest("-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["fixtures/seed.txt::seed.json PASSED*"])


def test_a_difference_fails_with_the_tree_path_expected_and_got(project: pytest.Pytester) -> None:
    expected_file = project.path / "fixtures" / "seed.json"
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    expected["metadata"]["title"] = "另一个标题"
    expected_file.write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*seed.txt: differs from seed.json",
            "  metadata.title",
            '    expected: "另一个标题"',
            '    got:      "加强和创新基层党建工作探讨"',
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_missing_and_corrupt_expected_files_fail(project: pytest.Pytester) -> None:
    shutil.copy(SEED, project.path / "fixtures" / "new.txt")
    (project.path / "fixtures" / "seed.json").write_text("{", encoding="utf-8")
    result = project.runpytest()
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines_random(
        [
            "*new.txt: no expected file new.json (write it with --articleparse-update)",
            "*seed.txt: expected file seed.json is not valid JSON: line 1, column 2*",
        ]
    )


def test_update_option_writes_expected_files(project: pytest.Pytester) -> None:
    (project.path / "fixtures" / "sub").mkdir()
    shutil.copy(SEED, project.path / "fixtures" / "sub" / "copy.txt")
    project.runpytest("--articleparse-update").assert_outcomes(passed=2)
    written = project.path / "fixtures" / "sub" / "copy.json"
    assert written.read_bytes() == SEED_JSON.read_bytes()
    project.runpytest().assert_outcomes(passed=2)


def test_fixtures_are_collected_even_outside_testpaths(project: pytest.Pytester) -> None:
    project.makepyprojecttoml(
        '[tool.pytest.ini_options]\ntestpaths = ["tests"]\narticleparse_fixtures = ["fixtures"]\n'
    )
    tests = project.mkpydir("tests")
    (tests / "test_nothing.py").write_text("def test_nothing():\n    pass\n")
    project.runpytest().assert_outcomes(passed=2)
    # Explicit paths on the command line are respected.
    project.runpytest("tests").assert_outcomes(passed=1)


def test_other_text_files_are_left_alone(pytester: pytest.Pytester) -> None:
    (pytester.path / "notes.txt").write_text("not a fixture", encoding="utf-8")
    pytester.makepyfile(test_one="def test_one():\n    pass\n")
    pytester.runpytest().assert_outcomes(passed=1)


HOSTILE = """\
import pathlib
pathlib.Path({marker!r}).write_text("ran")
"""


def _plant(folder: Path, marker: Path) -> None:
    """Python files a downloaded corpus might carry: pytest must import none of them."""
    for name in ("conftest.py", "test_evil.py", "evil_test.py", "__init__.py"):
        (folder / name).write_text(HOSTILE.format(marker=str(marker)), encoding="utf-8")
    sub = folder / "tests_inside"
    sub.mkdir(exist_ok=True)
    (sub / "conftest.py").write_text(HOSTILE.format(marker=str(marker)), encoding="utf-8")
    (sub / "test_more.py").write_text(HOSTILE.format(marker=str(marker)), encoding="utf-8")


@pytest.mark.parametrize(
    "ini",
    [
        'articleparse_fixtures = ["fixtures"]',
        'testpaths = ["tests"]\narticleparse_fixtures = ["fixtures"]',
        'testpaths = ["fixtures"]\narticleparse_fixtures = ["fixtures"]',
        'articleparse_fixtures = ["tests/fixtures"]',
    ],
    ids=["default-paths", "outside-testpaths", "is-testpaths", "inside-tests"],
)
def test_python_in_a_fixtures_folder_is_never_imported(
    pytester: pytest.Pytester, ini: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    marker = tmp_path_factory.mktemp("marker") / "ran.txt"
    folder = pytester.path / ("tests/fixtures" if "tests/fixtures" in ini else "fixtures")
    folder.mkdir(parents=True)
    shutil.copy(SEED, folder / "seed.txt")
    shutil.copy(SEED_JSON, folder / "seed.json")
    _plant(folder, marker)
    tests = pytester.path / "tests"
    tests.mkdir(exist_ok=True)
    (tests / "test_nothing.py").write_text("def test_nothing():\n    pass\n")
    pytester.makepyprojecttoml(f"[tool.pytest.ini_options]\n{ini}\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-v", timeout=120)
    assert not marker.exists(), result.stdout.str()
    result.stdout.fnmatch_lines(["*seed.txt::seed.json PASSED*"])
    assert "test_evil" not in result.stdout.str()
    # Named on the command line, the folder is still read as fixtures only.
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", str(folder), timeout=120)
    assert not marker.exists(), result.stdout.str()
    result.assert_outcomes(passed=1)


def test_deeply_nested_expected_json_is_reported_as_corrupt(project: pytest.Pytester) -> None:
    (project.path / "fixtures" / "seed.json").write_text("[" * 100_000 + "]" * 100_000)
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*seed.txt: expected file seed.json is not valid JSON: nested too deeply*"]
    )
    assert "RecursionError" not in result.stdout.str()
    assert "Traceback" not in result.stdout.str()


def test_fixture_files_are_read_like_corpus_files(project: pytest.Pytester) -> None:
    """Only regular files, within the size limit: a FIFO fails its item instead of hanging."""
    import os

    os.mkfifo(project.path / "fixtures" / "fifo.txt")
    project.makepyprojecttoml(
        '[tool.pytest.ini_options]\narticleparse_fixtures = ["fixtures"]\narticleparse_max_bytes = "1000"\n'
    )
    result = project.runpytest_subprocess("-p", "no:cacheprovider", timeout=120)
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines_random(
        [
            "*fifo.txt: cannot read: not a regular file (a FIFO)*",
            "*seed.txt: cannot read: too large: 11,147 bytes, over the limit of 1,000*",
        ]
    )


def test_links_out_of_the_fixtures_folder_are_neither_read_nor_written(
    project: pytest.Pytester,
) -> None:
    """A downloaded folder whose seed.json links to a file of the user's (~/.bashrc) or
    whose input links to a secret must not make the plugin write or print that file."""
    folder = project.path / "fixtures"
    victim = project.path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    secret = project.path / "secret.txt"
    secret.write_text("aws_access_key_id = AKIAEXAMPLESECRET\n", encoding="utf-8")
    (folder / "seed.json").unlink()
    (folder / "seed.json").symlink_to("../victim.txt")
    (folder / "leak.txt").symlink_to("../secret.txt")
    (folder / "leak.json").write_text('{"schema_version": 1}\n', encoding="utf-8")
    result = project.runpytest("--articleparse-update")
    result.assert_outcomes(failed=2)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert (folder / "seed.json").is_symlink()
    assert (folder / "leak.json").read_text(encoding="utf-8") == '{"schema_version": 1}\n'
    result.stdout.fnmatch_lines_random(
        [
            "*seed.txt: cannot write seed.json: it is a symbolic link (to ../victim.txt)*",
            "*leak.txt: cannot read: a link to *secret.txt, outside its folder*",
        ]
    )
    result = project.runpytest()
    result.assert_outcomes(failed=2)
    assert "AKIA" not in result.stdout.str() and "precious" not in result.stdout.str()
    result.stdout.fnmatch_lines(["*seed.txt: expected file seed.json is a link to *victim.txt*"])
