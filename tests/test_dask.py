"""``articleparse.dask.read_articles`` on a real two-process ``distributed.LocalCluster``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from corpus_files import write_corpus
from distributed import Client, LocalCluster

import articleparse as ap
from articleparse.corpus.arrow import records_table
from articleparse.dask import read_articles, record_meta


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), 60, per_folder=20)


def _table(frame: pd.DataFrame) -> pa.Table:
    return pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False).cast(
        ap.record_arrow_schema()
    )


def test_rows_equal_parse_many_and_the_work_ran_on_both_workers(
    client: Client, corpus: Path
) -> None:
    frame = read_articles(f"{corpus}/**/*.txt", files_per_partition=15)
    assert frame.npartitions == 4
    assert list(frame.dtypes) == list(record_meta().dtypes)
    expected = records_table(r.record() for r in ap.parse_many(corpus, jobs=1))
    got = _table(frame.compute())
    assert got.equals(expected)
    assert got.column("relative_path").to_pylist()[:2] == ["000/000000.txt", "000/000001.txt"]
    assert len(client.scheduler_info()["workers"]) == 2
    processing = client.run(
        lambda dask_worker: len(dask_worker.data) + dask_worker.state.executed_count
    )  # type: ignore[no-untyped-def]
    assert all(count > 0 for count in processing.values())


def test_to_parquet_writes_the_corpus_with_the_record_schema(
    client: Client, corpus: Path, tmp_path: Path
) -> None:
    frame = read_articles([corpus / "001", corpus / "002"], files_per_partition=10)
    frame.to_parquet(tmp_path / "out", write_index=False, schema=ap.record_arrow_schema())
    table = pq.read_table(tmp_path / "out").cast(ap.record_arrow_schema())
    assert table.num_rows == 40
    expected = records_table(
        r.record() for r in ap.parse_many([corpus / "001", corpus / "002"], jobs=1)
    )
    assert sorted(table.column("sha256").to_pylist()) == sorted(
        expected.column("sha256").to_pylist()
    )
    assert table.sort_by("path").equals(expected.sort_by("path"))


def test_an_empty_folder_is_an_empty_frame_and_a_pattern_that_matches_nothing_raises(
    tmp_path: Path,
) -> None:
    frame = read_articles(tmp_path)
    assert list(frame.columns) == ap.record_arrow_schema().names
    assert len(frame.compute()) == 0
    with pytest.raises(FileNotFoundError, match="no files match"):
        read_articles(f"{tmp_path}/corpsu/**/*.txt")  # a typo is no empty corpus
    with pytest.raises(FileNotFoundError, match="no files match"):
        read_articles(f"file://{tmp_path}/*.txt")


def test_urls_are_listed_and_read_through_fsspec(corpus: Path) -> None:
    local = read_articles(corpus / "001", files_per_partition=7).compute()
    remote = read_articles(f"file://{corpus}/001/**/*.txt", files_per_partition=7).compute()
    assert list(remote["relative_path"]) == list(local["relative_path"])
    assert list(remote["sha256"]) == list(local["sha256"])
    assert all(path.startswith("file://") for path in remote["path"])
