"""After the text: references and notes blocks, and site chrome.

* :mod:`.references`: entries, their labels and continuations.
* :mod:`.chrome` and :mod:`.chrome_line`: site chrome after the text, and the
  English front matter some journals print after the references.
"""
