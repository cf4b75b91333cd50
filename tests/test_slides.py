"""Every notebook presents as slides a class can follow: one heading, picture or slider at a time.

The marks are the cells' ``slideshow`` metadata, set by ``scripts/mark_slides.py`` and stored in
the text twins; the Chinese edition presents the same slides as the English one. (Presenting
them in JupyterLab is tested in ``tests/e2e/slides.py``.)
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("mark_slides", ROOT / "scripts" / "mark_slides.py")
mark_slides = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mark_slides)

ENGLISH = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def kinds(cells) -> list[str]:
    return [cell.metadata.get("slideshow", {}).get("slide_type", "-") for cell in cells]


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.stem)
def test_slides_follow_the_rule_and_both_editions_show_the_same(path):
    english = nbformat.read(path, as_version=4).cells
    marked = kinds(english)
    assert marked == mark_slides.slide_types(english), (
        f"{path.name}: the slide marks are out of date: run scripts/mark_slides.py, then scripts/run_notebooks.py")
    assert marked[0] == "slide"
    pictures_on_slide = 0
    for cell, kind in zip(english, marked):
        if kind in ("slide", "subslide"):
            pictures_on_slide = 0
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith(("# ", "## ")):
            assert kind == "slide", f"{path.name}: a heading that does not start a slide: {cell.source[:40]!r}"
        pictures_on_slide += cell.cell_type == "code" and mark_slides.shows_picture(cell)
        assert pictures_on_slide <= 1, f"{path.name}: two pictures on one slide, at {cell.source[:40]!r}"
    chinese = nbformat.read(path.parent / "zh" / path.name, as_version=4).cells
    mapping = mark_slides.counterpart(english, chinese)
    assert kinds(chinese) == [("-" if k is None else marked[k]) for k in mapping]


def test_the_rule_splits_a_slide_at_a_second_picture():
    picture = {"output_type": "display_data", "metadata": {}, "data": {"image/png": "", "text/plain": ""}}
    cells = [nbformat.v4.new_markdown_cell("# Title"), nbformat.v4.new_code_cell("a", outputs=[picture]),
             nbformat.v4.new_code_cell("b", outputs=[picture]), nbformat.v4.new_markdown_cell("text"),
             nbformat.v4.new_markdown_cell("## Exercises"), nbformat.v4.new_markdown_cell("**1.** How many?")]
    assert mark_slides.slide_types(cells) == ["slide", "-", "subslide", "subslide", "slide", "subslide"]
