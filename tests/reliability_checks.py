"""The checks every input must pass, shared by the property tests, the fuzz target
and the replay of kept inputs.

Each check raises ``AssertionError`` with a readable message when an invariant
breaks; anything else escaping ``parse`` is a crash.
"""

from __future__ import annotations

import articleparse as ap


def check_text(text: str) -> ap.Article:
    """``parse`` returns, ``render`` gives ``text`` back, the JSON round trip holds."""
    doc = ap.parse(text)
    rendered = ap.render(doc)
    assert rendered == text, f"render lost text: {text[:200]!r} → {rendered[:200]!r}"
    again = ap.Article.model_validate_json(doc.model_dump_json())
    assert again == doc, f"JSON round trip changed the tree of {text[:200]!r}"
    assert ap.render(again) == text, f"render after JSON lost text: {text[:200]!r}"
    check_diagnostics(text, doc)
    ap.to_markdown(doc)
    return doc


def check_diagnostics(text: str, doc: ap.Article) -> None:
    """Every diagnostic has a known code, its severity, and a position inside ``text``."""
    line_lengths = [len(line) for line in text.split("\n")]
    for diagnostic in doc.diagnostics:
        assert diagnostic.code in ap.CODES, diagnostic
        assert diagnostic.severity == ap.CODES[diagnostic.code].severity, diagnostic
        assert 1 <= diagnostic.line <= len(line_lengths), diagnostic
        assert 1 <= diagnostic.column <= line_lengths[diagnostic.line - 1] + 1, diagnostic
        assert 0 <= diagnostic.offset <= len(text), diagnostic


def original_bytes(doc: ap.Article) -> bytes:
    """The bytes a document was decoded from, rebuilt from the document alone."""
    assert doc.source.encoding is not None
    return ap.encode_original(ap.render(doc), doc.source.encoding, doc.source.undecoded)


def check_bytes(data: bytes) -> ap.Article:
    """``parse_bytes`` returns, and the original bytes come back from the result."""
    doc = ap.parse_bytes(data)
    rebuilt = original_bytes(doc)
    assert rebuilt == data, f"bytes lost: {data[:120]!r} → {rebuilt[:120]!r}"
    check_diagnostics(ap.render(doc), doc)
    again = ap.Article.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert original_bytes(again) == data
    reported = {d.offset for d in doc.diagnostics if d.code == "decode-invalid-bytes"}
    capped = bool(doc.diagnostics) and doc.diagnostics[-1].code == "too-many-diagnostics"
    if capped:
        assert len(doc.diagnostics) == ap.MAX_DIAGNOSTICS, len(doc.diagnostics)
    # Errors are kept first, and the decoding errors come first of all.
    shown = doc.source.undecoded[: ap.MAX_DIAGNOSTICS - 1] if capped else doc.source.undecoded
    for record in shown:
        assert record.offset in reported, record
    return doc


def check_input(data: bytes) -> None:
    """A kept input file: its bytes through ``parse_bytes``, its text through ``parse``."""
    check_bytes(data)
    check_text(data.decode("utf-8", errors="replace"))
