"""Dask: ``read_articles(paths or a glob)`` → a ``dask.dataframe`` of records.

Needs ``pip install 'articleparse[dask]'``; see :mod:`articleparse.corpus.dask`.
"""

from __future__ import annotations

from .corpus.dask import read_articles, record_meta

__all__ = ["read_articles", "record_meta"]
