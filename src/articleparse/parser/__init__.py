"""The parser's core: text → tokens → tree, and nothing else.

:mod:`.decode` turns bytes into text; :mod:`.tokenizer` cuts the text into
tokens (:mod:`.tokens`) that join back to it (the body value through
:mod:`.segments` and :mod:`.label_scan`); :mod:`.builder` walks them once into
a :class:`~.tree.Tree`, handing the body row to :mod:`.body`, which walks its
zones: :mod:`.front` (the front matter), :mod:`.content` (paragraphs and
headings) and :mod:`.back` (references, notes, chrome after the text), passing
one :class:`~.state.Body` down. :mod:`.labels`, :mod:`.patterns` and
:mod:`.fields` hold the tables and patterns they share; :mod:`.lines`,
:mod:`.charclass` and :mod:`.trusted` are small helpers (positions, character
classes, unvalidated node construction).

Every module here but :mod:`.decode` is compiled with mypyc where a C compiler is
present (``[tool.articleparse] compiled`` in pyproject.toml); the sources stay
the reference build. The public entry points are in :mod:`articleparse.api`.
"""
