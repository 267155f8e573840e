"""The front-matter zone: labelled items in any order, and the unlabelled lead.

* :mod:`.zone` walks the zone; :mod:`.opening` says where the content starts.
* :mod:`.labelled` and :mod:`.values`: a label's value and where it ends.
* :mod:`.lead`: authors, affiliations and English lines with no label, cut into
  parts by :mod:`.parts` with :mod:`.names` (what a name and an affiliation are).
"""
