"""Presenting a notebook as slides in JupyterLab, as a teacher does in front of a class (the check
runs on the notebook's one run in JupyterLab: tests/e2e/test_notebooks_in_lab.py).

The slide marks are the cells' ``slideshow`` metadata (scripts/mark_slides.py), presented with
jupyterlab-slideshow inside JupyterLab itself, so the sliders stay live. On the notebook after
Run All, the check starts the slideshow on the title slide, walks through every slide and sub-slide
with the slideshow's own arrows, moves a slider on the slide that shows it (its picture must
redraw) and finds no error on the way. A screenshot of the slider's slide goes to
``tests/e2e/artifacts/slides-*.png``.
"""

from __future__ import annotations

import json

from .labpage import LabNotebook, edition_name, notebooks_dir

PRESENTED = ["02_single_node.ipynb", "zh/02_single_node.ipynb"]  # both editions of a slider chapter
ARROW = ".jp-deck-mod-direction-{}"  # the slideshow's arrows: up, back, forward, down
STOP = ".jp-deck-mod-stop"
ON_SLIDE = "jp-deck-mod-onscreen"  # the class the slideshow gives the cells of the slide on screen
JS_SHOWN_CELLS = """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell')]
  .map((cell, index) => cell.classList.contains('ON_SLIDE') ? index : -1).filter(index => index >= 0).join(',')
""".replace("ON_SLIDE", ON_SLIDE)
JS_ARROWS = """() => ['up', 'back', 'forward', 'down'].filter(d => {
  const arrow = document.querySelector('.jp-deck-mod-direction-' + d);
  return arrow && !arrow.classList.contains('jp-mod-disabled'); }).join(' ')"""
JS_FIRST_VISIBLE_SLIDER = """() => [...document.querySelectorAll('.jp-Notebook .jupyter-widgets.widget-slider')]
  .findIndex(slider => slider.closest('.jp-Cell')?.classList.contains('ON_SLIDE'))""".replace("ON_SLIDE", ON_SLIDE)


def slides_in(path) -> int:
    """How many slides and sub-slides the stored notebook marks."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    kinds = [cell.get("metadata", {}).get("slideshow", {}).get("slide_type") for cell in cells]
    return sum(kind in ("slide", "subslide") for kind in kinds)


def settled(page, timeout: float = 5.0) -> tuple[str, set[str]]:
    """The cells on screen and the arrows that can be pressed, once both stay the same for 0.4 s."""
    last, same_since = None, 0.0
    for _ in range(int(timeout / 0.1)):
        now = (page.evaluate(JS_SHOWN_CELLS), page.evaluate(JS_ARROWS))
        same_since = same_since + 0.1 if now == last else 0.0
        if same_since >= 0.4:
            break
        last = now
        page.wait_for_timeout(100)
    return last[0], set(last[1].split())


def check_slides(lab: LabNotebook, artifacts) -> None:
    """On a notebook open in JupyterLab after Run All: start the slideshow on the title slide, walk
    through every slide and sub-slide with the slideshow's arrows, move the first slider that a
    slide shows (its picture must redraw), and find no error on the way."""
    path = notebooks_dir() / lab.relative
    name = edition_name(path)
    expected_slides = slides_in(path)
    assert expected_slides >= 5, f"{lab.relative} marks {expected_slides} slides: run scripts/mark_slides.py"
    page = lab.page
    try:
        page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell").first.click()
        page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) [data-command='deck:toggle']").first.click()
        page.locator(STOP).first.wait_for()
        for _ in range(4 * expected_slides):  # back to the title slide, with the arrows
            _, arrows = settled(page)
            direction = next((d for d in ("up", "back") if d in arrows), None)
            if direction is None:
                break
            page.locator(ARROW.format(direction)).first.click()
        slides, moves, steps = [], [], []  # the cells each slide shows, in the order the arrows reach them
        for _ in range(4 * expected_slides):  # an arrow also steps through the cells of a slide
            shown, arrows = settled(page)
            if not slides or slides[-1] != shown:
                slides.append(shown)
            index = page.evaluate(JS_FIRST_VISIBLE_SLIDER)
            if index >= 0 and not moves:
                moves.append(lab.move_slider(index))
                page.screenshot(path=str(artifacts / f"slides-{name}.png"))
            direction = next((d for d in ("down", "forward") if d in arrows), None)
            steps.append(f"{shown}>{direction}")
            if direction is None:
                break
            page.locator(ARROW.format(direction)).first.click()
        visited = len(slides)
        assert visited == expected_slides, (
            f"walked through {visited} slides; the notebook marks {expected_slides}; cells shown: {slides} {steps}")
        assert moves, "no slide showed a slider"
        assert moves[0].seconds is not None, f"the slider on its slide did not redraw: {moves[0].problem}"
        errors = lab.errors()
        assert not errors, "cells show errors in the slideshow:\n" + "\n".join(
            f"  cell {e['cell']}: {e['text'][:200]}" for e in errors)
    finally:
        stop_slideshow(page)


def stop_slideshow(page) -> None:
    """Leaves the slideshow (its stop button, or Escape) until JupyterLab's menu bar is back."""
    menu = page.locator(".lm-MenuBar-itemLabel:text-is('File')")
    for _ in range(3):
        if menu.is_visible():
            return
        stop = page.locator(STOP)
        if stop.count() and stop.first.is_visible():
            stop.first.click()
        else:
            page.keyboard.press("Escape")
        page.wait_for_timeout(500)
    menu.wait_for(state="visible", timeout=10_000)
