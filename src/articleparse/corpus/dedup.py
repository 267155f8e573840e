"""Near-duplicate articles across a corpus: files, folders and record outputs of ``parse``.

Each input gives the text of its article (authors, affiliations, abstract,
keywords and body; chrome, title rows and references excluded: scrape files are
parsed, records give their columns) and its MinHash signature, in worker
processes (:mod:`.fingerprint`, :mod:`.minhash`). This process then reads the
signatures in input order and groups them in one pass: every group has a
representative, its first member in input order, whose band keys are in
:data:`~.minhash.BANDS` hash tables (the locality-sensitive index); a new
article is compared with the representatives it shares a band with, and joins
the group of the most similar one when the estimated containment (the share of
the smaller text found in the larger) reaches the threshold, or else starts a
group of its own. Cost is linear in the corpus: a constant number of look-ups
and comparisons per article; memory holds the representatives' signatures and
band keys (under a kilobyte each), never the texts. Results stream out in
input order, one per input (one per record of a record file).

Compared through containment rather than Jaccard similarity alone, a copy cut
short still matches its whole; normalized (:func:`articleparse.normalize`) and
stripped of spaces and punctuation, a copy in traditional characters, with
pinyin annotations, in full-width letters or laid out on other lines matches.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from ..inputs import DEFAULT_MAX_BYTES
from .batch import DEFAULT_GLOB, Source, default_jobs, iter_inputs
from .fingerprint import (
    EXIT_OK,
    Fingerprint,
    Settings,
    compared_text,
    fingerprints,
    iter_units,
)
from .minhash import Signature, band_keys, require_datasketch

if TYPE_CHECKING:
    import pandas as pd

THRESHOLD: Final = 0.8
"""Estimated containment from which two articles are one: the share of the shorter's
shingles found in the longer."""


@dataclass(frozen=True, slots=True)
class Duplicate:
    """One input's place in the grouping.

    ``group`` is the number of its group (0, 1, 2, … in the order groups first
    appear), ``representative`` the path of the group's first member and
    ``similarity`` the estimated containment between the two (1.0 for the
    representative itself; ``None`` for an input with no text to compare, which
    is a group of its own). ``exit_code`` and ``problem`` say how reading it
    went, as ``parse`` would: 0, 1 (no document, an error diagnostic, a
    malformed record) or 2 (unreadable).
    """

    path: str
    group: int
    representative: str
    similarity: float | None
    exit_code: int = EXIT_OK
    problem: str = ""

    def as_json(self) -> dict[str, Any]:
        similarity = None if self.similarity is None else round(self.similarity, 4)
        return {
            "path": self.path,
            "group": self.group,
            "representative": self.representative,
            "similarity": similarity,
            "error": self.problem or None,
        }


class Grouper:
    """The one-pass grouping over signatures in input order (see the module's text)."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._tables: list[dict[bytes, int]] = []
        self._signatures: list[Signature] = []
        self._paths: list[str] = []
        self._groups: list[int] = []
        self.groups = 0

    def add(self, item: Fingerprint) -> Duplicate:
        found = item.signature
        if found is None:
            return self._new_group(item, None)
        bands = found.bands()
        if not self._tables:
            self._tables = [{} for _ in bands]
        best, best_score = -1, 0.0
        seen: set[int] = set()
        for table, key in zip(self._tables, bands, strict=True):
            candidate = table.get(key)
            if candidate is None or candidate in seen:
                continue
            seen.add(candidate)
            score = found.containment(self._signatures[candidate])
            if score > best_score:
                best, best_score = candidate, score
        if best >= 0 and best_score >= self.threshold:
            return Duplicate(
                item.path,
                self._groups[best],
                self._paths[best],
                best_score,
                item.exit_code,
                item.problem,
            )
        representative = len(self._signatures)
        for table, key in zip(self._tables, bands, strict=True):
            table.setdefault(key, representative)
        self._signatures.append(found)
        self._paths.append(item.path)
        self._groups.append(self.groups)
        return self._new_group(item, 1.0)

    def _new_group(self, item: Fingerprint, similarity: float | None) -> Duplicate:
        self.groups += 1
        group = self.groups - 1
        return Duplicate(item.path, group, item.path, similarity, item.exit_code, item.problem)


# ------------------------------------------------------------------ the Python API


def find_duplicates(
    sources: Source | Iterable[Source],
    *,
    jobs: int | None = None,
    threshold: float = THRESHOLD,
    encoding: str | None = None,
    glob: str = DEFAULT_GLOB,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Iterator[Duplicate]:
    """Group near-duplicate articles: one :class:`Duplicate` per input, in input order.

    ``sources`` are what :func:`~articleparse.parse_many` takes (files, folders
    walked for ``glob``, ``(name, bytes)`` pairs), and record outputs of
    ``parse``: a ``.jsonl`` / ``.json`` file of records, one a line, or a
    ``.parquet`` file, each record an input of its own (known by its ``path``
    column). ``threshold`` is the estimated containment from which two
    articles are one group. Needs ``pip install 'articleparse[dedup]'``.
    """
    if encoding is not None:
        codecs.lookup(encoding)
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    if isinstance(sources, str | os.PathLike | tuple):
        sources = [sources]
    require_datasketch()  # missing: the ImportError comes now, not from a worker
    settings = Settings(encoding, max_bytes)
    grouper = Grouper(threshold)
    units = iter_units(iter_inputs(sources, glob, max_bytes))
    for item in fingerprints(units, settings, jobs or default_jobs()):
        yield grouper.add(item)


def record_band_keys(record: Mapping[str, Any]) -> list[str]:
    """The band keys of a record's article text: the signature column for dataframes.

    Two records with a key in common are candidate near-duplicates (the
    locality-sensitive index ``dedup`` keeps); the keys are the same in every
    process and on every machine, so a frame can be exploded on them and
    grouped. ``[]`` for a record with no text.
    """
    text, normalized = compared_text(dict(record))
    return band_keys(text, normalized=normalized)


def band_column(frame: pd.DataFrame) -> pd.Series:
    """:func:`record_band_keys` of every row of a frame of records (one Dask partition)."""
    import pandas as pd

    keys = [record_band_keys(row) for row in frame.to_dict("records")]
    return pd.Series(keys, index=frame.index, name="dedup_bands", dtype=object)


__all__ = [
    "THRESHOLD",
    "Duplicate",
    "Grouper",
    "band_column",
    "find_duplicates",
    "record_band_keys",
]
