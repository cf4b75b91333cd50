"""One setting for the language of everything a learner reads: English or Simplified Chinese.

The code of the course is the same in both editions; what changes is the text that the
package writes: figure titles, axis labels, legends and annotations, widget labels, exercise
verdicts and hints, progress text and the error messages a learner meets. ::

    import nnlearn
    nnlearn.set_language("zh")   # the first code cell of every notebook in notebooks/zh/

English is the default, and in English nothing is looked up: every text is the one written in
the code. In Chinese, :func:`tr` looks a text up in the catalog, ``nnlearn/translations/zh_*.py``
(one dict per part of the package; a teacher edits them like any Python file). A catalog entry
may have ``{name}`` fields: ``"epoch {k} of {n}"`` is used both as a template by the package,
``tr("epoch {k} of {n}").format(k=3, n=8)``, and to translate a finished text such as
``"epoch 3 of 8"`` that a notebook passes as a figure title.

The figures need a font with Chinese characters: :mod:`nnlearn.pictures.style` registers the one
the package ships (a subset of Noto Sans SC, see ``scripts/build_cjk_font.py``) when the language
is Chinese, and leaves matplotlib's settings alone in English.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import warnings

LANGUAGES = {"en": "English", "zh": "简体中文 (Simplified Chinese)"}

_language = "en"
_listeners = []
_catalogs: dict[str, dict[str, str]] = {}
_templates: dict[str, list[tuple[re.Pattern, str]]] = {}
FIELD = re.compile(r"\{(\w*)(?:[:!][^{}]*)?\}")


class MissingTranslationWarning(UserWarning):
    """A text shown to a learner of the Chinese edition has no entry in the catalog."""


def set_language(language: str) -> None:
    """Sets the language of figures, widgets, exercises and messages: ``"en"`` or ``"zh"``."""
    global _language
    if not isinstance(language, str) or language not in LANGUAGES:
        known = ", ".join(f"{code!r} ({name})" for code, name in LANGUAGES.items())
        raise ValueError(f"language must be one of {known}; got {language!r}")
    _language = language
    for listener in list(_listeners):
        listener(language)


def get_language() -> str:
    """The current language: ``"en"`` (the default) or ``"zh"``."""
    return _language


def on_language_change(listener) -> None:
    """Calls ``listener(language)`` now and after every :func:`set_language` (used by the pictures)."""
    _listeners.append(listener)
    listener(_language)


def catalog(language: str = "zh") -> dict[str, str]:
    """Every entry of a language's catalog (``nnlearn/translations/<language>_*.py``), English -> text."""
    if language not in _catalogs:
        from . import translations

        merged: dict[str, str] = {}
        for module in sorted(m.name for m in pkgutil.iter_modules(translations.__path__)):
            if module.startswith(f"{language}_"):
                entries = importlib.import_module(f"{translations.__name__}.{module}").MESSAGES
                for key in entries.keys() & merged.keys():
                    if entries[key] != merged[key]:
                        raise ValueError(f"translations/{module}.py: {key!r} is translated differently elsewhere")
                merged.update(entries)
        _catalogs[language] = merged
    return _catalogs[language]


def tr(text: str) -> str:
    """``text`` in the current language: itself in English, its catalog entry in Chinese.

    A text that is not in the catalog as it stands is matched against the entries with
    ``{name}`` fields (``"epoch 3 of 8"`` against ``"epoch {k} of {n}"``) and translated
    with the values it carries. A text with no entry at all stays as it is; in Chinese, a
    :class:`MissingTranslationWarning` says so once per text if it has English words in it.
    """
    if _language == "en" or not isinstance(text, str) or not text:
        return text
    entries = catalog(_language)
    if text in entries:
        return entries[text]
    for pattern, translated in _templates_of(_language):
        match = pattern.fullmatch(text)
        if match:
            return _fill(translated, match.groupdict())
    if re.search(r"[A-Za-z]{3,}", text) and text not in _warned:
        _warned.add(text)
        warnings.warn(f"no {LANGUAGES[_language]} text for {text!r} in nnlearn/translations/",
                      MissingTranslationWarning, stacklevel=2)
    return text


_warned: set[str] = set()


def _fill(translated: str, values: dict[str, str]) -> str:
    """A catalog text with each ``{name}`` field replaced by the text matched for it."""
    return FIELD.sub(lambda field: values[field.group(1)], translated)


def _templates_of(language: str) -> list[tuple[re.Pattern, str]]:
    """The catalog entries with named fields, as patterns that match a finished English text."""
    if language not in _templates:
        found = []
        for key, translated in catalog(language).items():
            names = [field.group(1) for field in FIELD.finditer(key)]
            if not names or not all(names):
                continue
            pattern, position, seen = "", 0, set()
            for field in FIELD.finditer(key):
                pattern += re.escape(key[position:field.start()])
                name = field.group(1)
                pattern += f"(?P={name})" if name in seen else f"(?P<{name}>.+?)"
                seen.add(name)
                position = field.end()
            pattern += re.escape(key[position:])
            found.append((re.compile(pattern, re.S), translated))
        found.sort(key=lambda entry: -len(entry[0].pattern))  # the most specific template first
        _templates[language] = found
    return _templates[language]


def fields(text: str) -> list[str]:
    """The ``{name}`` fields of a catalog text, in order (a test checks both sides have the same)."""
    return sorted(field.group(1) for field in FIELD.finditer(text))
