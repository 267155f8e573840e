"""The ``articleparse`` command, run for real as a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fixture_files import ROOT

import articleparse as ap
from articleparse.serialize.record import Record

SEED = ROOT / "fixtures" / "seed" / "000_462883809ea3ad38.txt"
SEED_JSON = SEED.with_suffix(".json")
MAKE_CORPUS = ROOT / "benchmarks" / "make_corpus.py"
CORPUS_FILES = 300
_SCRIPT = Path(sys.executable).parent / "articleparse"
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "articleparse"]


def run(
    *args: str | Path, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*COMMAND, *map(str, args)], input=stdin, capture_output=True, cwd=cwd, timeout=120
    )


def lines(result: subprocess.CompletedProcess[bytes]) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [
            sys.executable,
            str(MAKE_CORPUS),
            str(folder),
            "--count",
            str(CORPUS_FILES),
            "--per-folder",
            "100",
        ],
        check=True,
        capture_output=True,
    )
    return folder


@pytest.fixture
def undecodable(tmp_path: Path) -> Path:
    path = tmp_path / "broken.txt"
    path.write_bytes(SEED.read_bytes().replace("引言".encode(), b"\xff\xfe", 1))
    return path


# ------------------------------------------------------------------ parse, one file


def test_json_of_one_file_is_the_golden_fixture_json() -> None:
    result = run("parse", SEED)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == SEED_JSON.read_text(encoding="utf-8")


def test_stdin_gives_the_same_document_as_the_file() -> None:
    result = run("parse", "-", stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == SEED_JSON.read_text(encoding="utf-8")


def test_markdown_and_text_formats() -> None:
    markdown = run("parse", SEED, "--format", "markdown")
    assert markdown.returncode == 0
    assert markdown.stdout.decode().startswith("# 加强和创新基层党建工作探讨\n")
    assert "### 1.1 思想认识" in markdown.stdout.decode()
    text = run("parse", SEED, "-f", "text").stdout.decode()
    assert text.splitlines()[0] == "0 引言"
    assert "1.1 思想认识" in text.splitlines()


def test_record_format_of_one_file_follows_the_record_schema() -> None:
    result = run("parse", SEED, "--format", "record")
    assert result.returncode == 0
    record = Record.model_validate_json(result.stdout)
    assert record.path == str(SEED)
    assert record.encoding == "utf-8"
    assert [s.number for s in record.sections][:3] == ["0", "1", "1.1"]


def test_jsonl_of_one_file_is_one_line_with_path_encoding_and_diagnostics() -> None:
    [line] = lines(run("parse", SEED, "--format", "jsonl"))
    assert line["path"] == str(SEED)
    assert line["encoding"] == "utf-8"
    assert line["diagnostics"] == []
    assert line["error"] is None
    assert ap.Article.model_validate(line["article"]) == ap.parse_file(SEED)


def test_output_file_is_written_whole_and_no_temporary_is_left(tmp_path: Path) -> None:
    out = tmp_path / "seed.json"
    result = run("parse", SEED, "-o", out)
    assert result.returncode == 0
    assert result.stdout == b""
    assert out.read_text(encoding="utf-8") == SEED_JSON.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


# ------------------------------------------------------------------ parse, many files


def test_folder_with_two_jobs_streams_one_record_per_file_in_input_order(corpus: Path) -> None:
    two = run("parse", corpus, "-j", "2", "--format", "record")
    assert two.returncode == 0, two.stderr
    records = lines(two)
    assert len(records) == CORPUS_FILES
    expected_paths = [str(p) for p in sorted(corpus.rglob("*.txt"))]
    assert [r["path"] for r in records] == expected_paths
    assert {r["encoding"] for r in records} == {"utf-8", "utf-8-sig", "gb18030"}
    assert all(r["error"] is None and r["sections"] for r in records)
    one = run("parse", corpus, "-j", "1", "--format", "record")
    assert one.stdout == two.stdout


def test_several_files_give_json_lines(corpus: Path) -> None:
    files = sorted(corpus.rglob("*.txt"))[:3]
    result = run("parse", *files)
    assert result.returncode == 0
    parsed = lines(result)
    assert [p["path"] for p in parsed] == [str(f) for f in files]
    for line, path in zip(parsed, files, strict=True):
        assert ap.Article.model_validate(line["article"]) == ap.parse_file(path)
    markdown = lines(run("parse", *files, "--format", "markdown"))
    assert markdown[0]["markdown"].startswith("# ")


def test_glob_selects_files_in_folders(corpus: Path) -> None:
    result = run("parse", corpus, "--glob", "001/*.txt", "-f", "record")
    assert [r["path"] for r in lines(result)] == [
        str(p) for p in sorted((corpus / "001").glob("*.txt"))
    ]


# ------------------------------------------------------------------ failures and exit codes


def test_undecodable_file_is_an_error_with_its_position(undecodable: Path) -> None:
    result = run("parse", undecodable)
    assert result.returncode == 1
    assert json.loads(result.stdout)["source"]["undecoded"]
    assert b"error[decode-invalid-bytes]" in result.stderr
    assert f"{undecodable}:2:".encode() in result.stderr


def test_strict_gives_no_document_for_a_file_with_errors(undecodable: Path) -> None:
    alone = run("parse", undecodable, "--strict")
    assert alone.returncode == 1
    assert alone.stdout == b""
    [line] = lines(run("parse", undecodable, SEED, "--strict", "-f", "jsonl"))[:1]
    assert line["article"] is None
    assert "error diagnostic" in line["error"]


def test_one_bad_file_never_stops_the_run(tmp_path: Path, undecodable: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = run("parse", SEED, missing, undecodable, SEED, "-f", "record")
    assert result.returncode == 1  # the run finished, some files failed
    records = lines(result)
    assert [r["path"] for r in records] == [str(SEED), str(missing), str(undecodable), str(SEED)]
    assert records[1]["error"].startswith("cannot read")
    assert records[2]["error"] is None
    assert records[2]["diagnostics"][0]["code"] == "decode-invalid-bytes"
    summary = result.stderr.decode()
    assert "4 file(s), 2 ok, 1 failed, 1 unreadable" in summary
    assert str(missing) in summary and str(undecodable) in summary


def test_error_diagnostic_alone_exits_1(undecodable: Path) -> None:
    assert run("parse", undecodable, SEED, "-q").returncode == 1


def test_no_input_file_found_exits_2(tmp_path: Path) -> None:
    for command in ("parse", "validate", "stats"):
        result = run(command, tmp_path)
        assert result.returncode == 2, command
        assert b"no input files" in result.stderr


def test_usage_errors_exit_2() -> None:
    assert run("parse", SEED, "--format", "yaml").returncode == 2
    assert run("parse", SEED, "-j", "0").returncode == 2
    assert run("frobnicate").returncode == 2
    assert run("validate", "-").returncode == 2
    assert run("parse", SEED, "-o", ROOT / "no-such-folder" / "out.json").returncode == 2
    assert run("parse", SEED, "-o", ROOT).returncode == 2


def test_help_texts_explain_the_exit_codes() -> None:
    for command in ([], ["parse"], ["validate"], ["stats"], ["schema"]):
        result = run(*command, "--help")
        assert result.returncode == 0
        assert b"exit codes" in result.stdout


def test_a_closed_pipe_stops_quietly(corpus: Path) -> None:
    process = subprocess.Popen(
        [*COMMAND, "parse", str(corpus), "-j", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(1000)
    process.stdout.close()
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert b"Traceback" not in stderr
    # The run did not finish: no success, and no summary claiming every file was fine.
    assert process.returncode == 141, stderr
    assert b"file(s)" not in stderr


@pytest.mark.parametrize(
    "signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["SIGINT", "SIGTERM", "SIGHUP"]
)
def test_an_interrupted_run_leaves_no_output_file(
    corpus: Path, tmp_path: Path, signum: int
) -> None:
    out = tmp_path / "out.jsonl"
    # The corpus ten times over: long enough to be caught half-way.
    process = subprocess.Popen(
        [*COMMAND, "parse", *[str(corpus)] * 10, "-j", "2", "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while not any(p.stat().st_size for p in tmp_path.glob(".out.jsonl.*.tmp")):
        assert process.poll() is None, "finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert b"interrupted" in stderr
    assert b"Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ validate


@pytest.fixture
def fixtures(tmp_path: Path) -> Path:
    folder = tmp_path / "fixtures"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    shutil.copy(SEED_JSON, folder / "seed.json")
    text = SEED.read_text(encoding="utf-8")
    (folder / "gbk.gb18030.txt").write_bytes(text.encode("gb18030"))
    return folder


def test_validate_update_then_pass(fixtures: Path) -> None:
    first = run("validate", fixtures)
    assert first.returncode == 1
    assert b"gbk.gb18030.txt: no expected file gbk.json (write it with --update)" in first.stdout
    updated = run("validate", fixtures, "--update")
    assert updated.returncode == 0, updated.stdout
    assert (fixtures / "gbk.json").read_text(encoding="utf-8") == _golden(
        fixtures / "gbk.gb18030.txt"
    )
    assert (fixtures / "seed.json").read_bytes() == SEED_JSON.read_bytes()
    again = run("validate", fixtures, "-j", "2")
    assert again.returncode == 0
    assert again.stdout == b""
    assert b"2 file(s), 2 ok" in again.stderr


def test_validate_prints_the_tree_path_expected_and_got(fixtures: Path) -> None:
    (fixtures / "gbk.gb18030.txt").unlink()
    expected = json.loads((fixtures / "seed.json").read_text(encoding="utf-8"))
    expected["sections"][1]["subsections"][0]["title"] = "思想意识"
    expected["metadata"]["keywords"].append("多余")
    (fixtures / "seed.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    result = run("validate", fixtures)
    assert result.returncode == 1
    report = result.stdout.decode()
    assert "seed.txt: differs from seed.json" in report
    assert '  metadata.keywords[5]\n    expected: "多余"\n    got:      (missing)' in report
    assert (
        '  sections[1].subsections[0].title\n    expected: "思想意识"\n    got:      "思想认识"'
        in report
    )


def test_validate_reports_a_corrupt_expected_file(fixtures: Path) -> None:
    (fixtures / "gbk.gb18030.txt").unlink()
    (fixtures / "seed.json").write_text('{"schema_version": 1,', encoding="utf-8")
    result = run("validate", fixtures)
    assert result.returncode == 1
    assert b"expected file seed.json is not valid JSON: line 1" in result.stdout


def test_validate_fails_a_file_with_error_diagnostics_even_when_it_matches(
    tmp_path: Path, undecodable: Path
) -> None:
    assert run("validate", undecodable, "--update").returncode == 1
    result = run("validate", undecodable)
    assert result.returncode == 1
    assert b"parses with error diagnostics" in result.stdout
    assert b"decode-invalid-bytes" in result.stdout


def _golden(path: Path) -> str:
    return (
        json.dumps(ap.parse_file(path).model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"
    )


# ------------------------------------------------------------------ stats and schema


def test_stats_counts_a_corpus(corpus: Path, tmp_path: Path) -> None:
    result = run("stats", corpus, "--json")
    assert result.returncode == 0
    counts = json.loads(result.stdout)
    assert counts["files"] == counts["documents"] == CORPUS_FILES
    assert counts["no_title"] == 0
    assert sum(counts["deepest_heading_level"].values()) == CORPUS_FILES
    assert (
        counts["diagnostics_by_code"]["decode-fallback"]["count"] == counts["encodings"]["gb18030"]
    )
    table = run("stats", SEED, tmp_path / "missing.txt")
    assert table.returncode == 1
    assert b"unreadable                         1" in table.stdout
    assert b"deepest heading level" in table.stdout


def test_schema_commands() -> None:
    article = run("schema")
    assert article.returncode == 0
    assert article.stdout.decode() == (ROOT / "docs" / "article.schema.json").read_text(
        encoding="utf-8"
    )
    record = json.loads(run("schema", "--record").stdout)
    assert record["title"] == "Record"
    assert record["x-record-version"] == 3
    assert set(record["properties"]) == set(Record.model_fields)


def test_validate_update_that_cannot_write_one_file_exits_1(fixtures: Path) -> None:
    (fixtures / "gbk.gb18030.txt").unlink()
    (fixtures / "seed.json").unlink()
    (fixtures / "seed.json").mkdir()
    result = run("validate", fixtures, "--update")
    assert result.returncode == 1
    assert b"seed.txt: cannot write seed.json" in result.stdout


def test_a_parser_failure_costs_one_file_not_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from articleparse.corpus import many, tasks
    from articleparse.corpus.batch import Input

    def explode(decoded: object, strict: object = False) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(many, "parse_decoded", explode)
    outcome = tasks.parse_task(tasks.Options(format="jsonl"), Input("x.txt", b"text"))
    assert outcome.exit_code == 1
    assert outcome.problem == "parser failed: RuntimeError: boom"
    assert json.loads(outcome.output)["error"] == "parser failed: RuntimeError: boom"


# ------------------------------------------------------------------ encodings, errors file


BIG5_ARTICLE = "標題 | 加強和創新基層黨建工作探討 |\n範文 | 楊乾 摘要:面對當前的新形勢。 關鍵詞:基層黨建;理念 1引言 隨著改革的深入。 |\n"


def test_encoding_decodes_a_big5_corpus(tmp_path: Path) -> None:
    (tmp_path / "big5.txt").write_bytes(BIG5_ARTICLE.encode("big5"))
    guessed = json.loads(run("parse", tmp_path / "big5.txt", "-f", "record").stdout)
    forced = json.loads(
        run("parse", tmp_path / "big5.txt", "-f", "record", "--encoding", "big5").stdout
    )
    assert forced["encoding"] == "big5" and forced["title"] == "加強和創新基層黨建工作探討"
    # without --encoding the characters give Big5 away, and a warning says it was a guess
    assert guessed["encoding"] == "big5" and guessed["title"] == forced["title"]
    assert "decode-guessed" in [d["code"] for d in guessed["diagnostics"]]
    unknown = run("parse", tmp_path / "big5.txt", "--encoding", "no-such")
    assert unknown.returncode == 2 and b"unknown encoding: no-such" in unknown.stderr
    stats = json.loads(run("stats", tmp_path, "--json", "--encoding", "big5").stdout)
    assert stats["encodings"] == {"big5": 1}


def test_errors_file_has_one_line_per_failed_file(tmp_path: Path, undecodable: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = run(
        "parse",
        SEED,
        missing,
        undecodable,
        "-f",
        "record",
        "-o",
        tmp_path / "out.jsonl",
        "--errors",
        tmp_path / "errors.jsonl",
    )
    assert result.returncode == 1
    errors = [
        json.loads(line)
        for line in (tmp_path / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [(e["path"], e["exit"]) for e in errors] == [(str(missing), 2), (str(undecodable), 1)]
    assert errors[0]["error"].startswith("cannot read")
    records = [
        json.loads(line)
        for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [r["status"] for r in records] == ["ok", "error", "error"]
