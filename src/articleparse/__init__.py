"""articleparse: scraped Chinese articles and model essays → typed, lossless trees."""

# First: decides between the compiled modules and their sources (see _build.py).
from . import _build
from ._version import __version__
from .api import parse, parse_bytes, parse_file
from .corpus.arrow import record_arrow_schema
from .corpus.dedup import Duplicate, find_duplicates
from .corpus.many import ParseResult, parse_many
from .diagnostics import CODES, MAX_DIAGNOSTICS, Diagnostic, ParseError
from .model import (
    SCHEMA_VERSION,
    Article,
    Metadata,
    Paragraph,
    Reference,
    Section,
    Source,
)
from .normalize import normalize
from .parser.decode import encode_original
from .serialize.markdown import to_markdown
from .serialize.record import to_record
from .serialize.text import LayoutError, Style, render
from .spans import Span

COMPILED: bool = _build.running_compiled()
"""Whether the parser runs as compiled by mypyc (False: the pure-Python reference)."""

__all__ = [
    "CODES",
    "COMPILED",
    "MAX_DIAGNOSTICS",
    "SCHEMA_VERSION",
    "Article",
    "Diagnostic",
    "Duplicate",
    "LayoutError",
    "Metadata",
    "Paragraph",
    "ParseError",
    "ParseResult",
    "Reference",
    "Section",
    "Source",
    "Span",
    "Style",
    "__version__",
    "encode_original",
    "find_duplicates",
    "normalize",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_many",
    "record_arrow_schema",
    "render",
    "to_markdown",
    "to_record",
]
