"""``ap.parse_many``: many inputs in, one result each out, in order, never raising for one file."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus_files import SEED, corpus_paths, write_corpus

import articleparse as ap


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), 150)


def test_folders_give_one_result_per_file_in_order_with_one_or_two_jobs(corpus: Path) -> None:
    one = list(ap.parse_many(corpus, jobs=1))
    two = list(ap.parse_many([corpus], jobs=2))
    assert [r.path for r in one] == corpus_paths(corpus)
    assert [r.relative_path for r in one][:2] == ["000/000000.txt", "000/000001.txt"]
    assert [(r.path, r.sha256, r.record()) for r in one] == [
        (r.path, r.sha256, r.record()) for r in two
    ]
    first = one[0]
    assert first.article == ap.parse_file(first.path)
    assert first.size == Path(first.path).stat().st_size
    assert first.encoding == first.article.source.encoding
    assert all(r.ok and r.error is None for r in one)


def test_one_bad_input_never_raises_and_says_what_went_wrong(tmp_path: Path) -> None:
    broken = SEED.read_bytes().replace("引言".encode(), b"\xff\xfe", 1)
    results = list(
        ap.parse_many(
            [
                SEED,
                tmp_path / "missing.txt",
                ("broken.txt", broken),
                ("seed.txt", SEED.read_bytes()),
            ],
            jobs=1,
        )
    )
    seed, missing, bad, again = results
    assert seed.ok and again.article == seed.article
    assert missing.article is None and missing.unreadable
    assert missing.error is not None and missing.error.startswith("cannot read")
    assert missing.status == "error" and missing.record()["status"] == "error"
    assert bad.article is not None and bad.status == "error" and not bad.ok
    assert bad.diagnostics[0].code == "decode-invalid-bytes"
    assert again.relative_path == "seed.txt" and again.size == len(SEED.read_bytes())


def test_strict_gives_no_document_for_an_error_but_keeps_its_diagnostics() -> None:
    broken = SEED.read_bytes().replace("引言".encode(), b"\xff\xfe", 1)
    [result] = ap.parse_many([("broken.txt", broken)], strict=True, jobs=1)
    assert result.article is None and not result.unreadable
    assert result.error is not None and "error diagnostic" in result.error
    record = result.record()
    assert record["error_count"] >= 1 and record["diagnostics"][0]["code"] == "decode-invalid-bytes"
    assert record["encoding"] == "utf-8"


BIG5_ARTICLE = "標題 | 加強和創新基層黨建工作探討 |\n範文 | 楊乾 摘要:面對當前的新形勢。 關鍵詞:基層黨建;理念 1引言 隨著改革的深入。 |\n"


def test_encoding_decodes_every_input_with_it() -> None:
    big5 = BIG5_ARTICLE.encode("big5")
    [guessed] = ap.parse_many([("x.txt", big5)], jobs=1)
    [forced] = ap.parse_many([("x.txt", big5)], encoding="big5", jobs=1)
    assert forced.encoding == "big5" and forced.article is not None
    assert forced.article == ap.parse_bytes(big5, encoding="big5")
    assert forced.article.metadata.title == "加強和創新基層黨建工作探討"
    # without the encoding, the characters give Big5 away (a warning says it was a guess)
    assert guessed.encoding == "big5" and guessed.article is not None
    assert guessed.article.metadata.title == "加強和創新基層黨建工作探討"
    assert "decode-guessed" in [d.code for d in guessed.diagnostics]
    with pytest.raises(LookupError):
        ap.parse_many(["x.txt"], encoding="no-such-encoding")


def _endless() -> Iterator[tuple[str, bytes]]:
    data = SEED.read_bytes()
    for index in itertools.count():
        yield (f"{index}.txt", data)


def test_results_stream_from_an_endless_input_in_two_processes() -> None:
    """Bounded memory: the first results come out before the input is exhausted (it never is)."""
    results = ap.parse_many(_endless(), jobs=2)
    first = list(itertools.islice(results, 300))
    assert [r.path for r in first] == [f"{i}.txt" for i in range(300)]
    results.close()  # type: ignore[attr-defined]
