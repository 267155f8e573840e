"""``python -m articleparse.demo FILE``: parse a file and show what came out."""

from __future__ import annotations

import sys

from . import parse_file, render, to_markdown
from .model import Section
from .serialize.text import walk_sections


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m articleparse.demo FILE", file=sys.stderr)
        return 2
    with open(argv[0], "rb") as handle:
        original = handle.read()
    doc = parse_file(argv[0])
    meta = doc.metadata
    print(f"file:        {argv[0]} ({doc.source.encoding})")
    print(f"title:       {meta.title}")
    print(f"authors:     {meta.authors}")
    print(f"keywords:    {meta.keywords}")
    print(f"clc / code:  {meta.clc} / {meta.document_code}")
    print(f"abstract:    {(meta.abstract or '')[:40]}…")
    print("sections:")
    for node in walk_sections(doc.sections):
        if isinstance(node, Section):
            print(
                f"  {'  ' * (node.level - 1)}{node.number} {node.title}  ({len(node.paragraphs)} ¶)"
            )
    print(f"boilerplate: {len(doc.boilerplate)} line(s)")
    print(f"diagnostics: {[d.code for d in doc.diagnostics] or 'none'}")
    same = render(doc).encode(doc.source.encoding or "utf-8") == original
    print(f"lossless:    render(doc) gives the file back byte for byte: {same}")
    print("\n--- Markdown (first 600 characters) ---")
    print(to_markdown(doc)[:600])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
