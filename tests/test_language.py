"""One language setting, a catalog the package can rely on, and a font that has every character.

``nnlearn.set_language("zh")`` switches what a learner reads; every text the package passes to
``tr("...")`` must have its Chinese entry, with the same ``{fields}``; every Chinese character
of the catalog must be in the font the package ships, so that a machine without Chinese fonts
draws every label (no boxes, no "Glyph missing" warning: warnings are errors here).
"""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest
from fontTools.ttLib import TTFont

import nnlearn
from nnlearn import language
from nnlearn.language import MissingTranslationWarning, catalog, fields, tr
from nnlearn.pictures import style

PACKAGE = Path(nnlearn.__file__).parent


def literals_passed_to_tr() -> list[tuple[str, int, str]]:
    """(module, line, text) of every ``tr("...")`` in the package's source."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.append((path.relative_to(PACKAGE.parent).as_posix(), node.lineno, node.args[0].value))
    return found


def test_english_is_the_default_and_a_wrong_language_is_named():
    assert nnlearn.get_language() == "en"
    with pytest.raises(ValueError, match=r"language must be one of 'en' \(English\), 'zh'.*got 'fr'"):
        nnlearn.set_language("fr")
    with pytest.raises(ValueError, match="got None"):
        nnlearn.set_language(None)
    assert nnlearn.get_language() == "en"


def test_in_english_nothing_is_looked_up():
    assert tr("a handwritten 5") == "a handwritten 5"
    assert tr("no such text anywhere") == "no such text anywhere"


def test_a_finished_text_is_matched_against_the_entries_with_fields(chinese, monkeypatch):
    monkeypatch.setitem(language._catalogs, "zh", {"epoch {k} of {n}": "第 {k} 轮，共 {n} 轮",
                                                   "loss": "损失", "{a} and {a}": "{a} 和 {a}"})
    monkeypatch.delitem(language._templates, "zh", raising=False)  # made again from the catalog above
    assert tr("loss") == "损失"
    assert tr("epoch 3 of 8") == "第 3 轮，共 8 轮"
    assert tr("epoch {k} of {n}").format(k=1, n=2) == "第 1 轮，共 2 轮"
    assert tr("x and x") == "x 和 x"
    with pytest.warns(MissingTranslationWarning):
        assert tr("x and y") == "x and y"  # a repeated field must repeat its text
    with pytest.warns(MissingTranslationWarning, match="no 简体中文.*'an untranslated title'"):
        assert tr("an untranslated title") == "an untranslated title"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tr("x1")  # symbols and numbers are not missing translations
        tr("已经是中文")
    language._templates.pop("zh", None)  # the next test makes them again from the real catalog


def test_every_entry_keeps_the_fields_of_its_english_text():
    entries = catalog("zh")
    assert len(entries) > 100
    wrong = {key: value for key, value in entries.items() if fields(key) != fields(value) or not value.strip()}
    assert not wrong, "the Chinese text must have the same {fields} as the English:\n" + "\n".join(
        f"  {k!r}: {v!r}" for k, v in wrong.items())


def test_every_text_the_package_translates_has_an_entry():
    entries = catalog("zh")
    missing = [f"{module}:{line}: {text!r}" for module, line, text in literals_passed_to_tr() if text not in entries]
    assert len(literals_passed_to_tr()) > 100
    assert not missing, "add these to nnlearn/translations/zh_*.py:\n  " + "\n  ".join(missing)


def test_the_shipped_font_has_every_character_of_the_catalog():
    font = TTFont(style.CJK_FONT)
    covered = set(font.getBestCmap())
    needed = {char for text in catalog("zh").values() for char in text if ord(char) > 0x2000}
    missing = sorted(char for char in needed if ord(char) not in covered)
    assert not missing, (f"{''.join(missing)!r} not in {style.CJK_FONT.name}: "
                         "run `python scripts/build_cjk_font.py` after adding catalog entries")
    assert style.CJK_FONT.stat().st_size < 1_000_000
    assert "SIL Open Font License" in (style.CJK_FONT.parent / "OFL.txt").read_text(encoding="utf-8")


def test_every_chinese_label_draws_without_a_missing_glyph(chinese, monkeypatch):
    """Draws every text of the catalog with the shipped font alone (no font of this machine helps)."""
    assert style.CJK_FAMILY in mpl.rcParams["font.family"]
    monkeypatch.setitem(mpl.rcParams, "font.family", ["DejaVu Sans", style.CJK_FAMILY])
    fig = plt.figure(figsize=(8, 6))
    for k, text in enumerate(catalog("zh").values()):
        fig.text(0.01, (k % 40) / 40, text.replace("$", ""), fontsize=11)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()


def test_a_missing_glyph_would_be_caught():
    """The check above can fail: without the shipped font, a Chinese label warns."""
    fig = plt.figure()
    fig.text(0.1, 0.5, "权重", family="DejaVu Sans")
    with pytest.warns(UserWarning, match="Glyph .* missing"):
        fig.canvas.draw()


def test_english_leaves_matplotlib_settings_as_they_were():
    before = {key: mpl.rcParams[key] for key in ("font.family", "font.sans-serif")}
    nnlearn.set_language("zh")
    assert mpl.rcParams["font.family"][:2] == ["DejaVu Sans", style.CJK_FAMILY]
    nnlearn.set_language("en")
    assert {key: mpl.rcParams[key] for key in before} == before
