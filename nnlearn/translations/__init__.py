"""The catalogs of the Chinese edition: ``zh_<part>.py``, each a dict ``MESSAGES`` English -> 中文.

:func:`nnlearn.language.tr` merges them. Fields in braces (``{k}``) must be the same on both
sides; ``tests/test_language.py`` checks that, that every text the package passes to ``tr``
has an entry, and that the shipped font has every character (after adding entries, run
``python scripts/build_cjk_font.py``). Terms follow ``docs/glossary.md``.
"""
