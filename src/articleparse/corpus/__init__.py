"""Corpus tooling: walking folders, running a task over many files in order
(optionally across processes), writing output files atomically, and the
per-file and per-corpus counts and fixture checks the command line reports.

The parser core (:mod:`articleparse.api` and the modules it uses) knows
nothing of this package; :mod:`articleparse.cli` sits on top of both.
"""
