"""The content: paragraphs and headings, decided by the numbering state.

* :mod:`.plan`: whether a numbered segment is a heading, and its parts.
* :mod:`.headings`: a heading made; :mod:`.paragraphs`: where a paragraph ends.
* :mod:`.numbering`: the heading schemes, the numbering state and its verdicts.
"""
