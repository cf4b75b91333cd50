"""A learner answers a code exercise in JupyterLab: first with a usual slip, then right.

The learner writes chapter 4's sigmoid the way most people first do, 1 / (1 + np.exp(-v)),
runs the cell and must read "Not yet." with the hint about overflow (and no traceback);
then writes the stable form and must read "Right!". Both cells are photographed
(``tests/e2e/artifacts/exercise-*.png``, and into ``NNLEARN_E2E_SHOTS`` when it names a
folder). The check runs on chapter 4's one run in JupyterLab (tests/e2e/test_notebooks_in_lab.py),
after the checks that need the notebook as shipped.
"""

from __future__ import annotations

import os
from pathlib import Path

from .labpage import LabNotebook

WRONG = '''def sigmoid(v):
    """The sigmoid 1 / (1 + e^(-v)) of every element of v, without overflow for large |v|."""
    return 1 / (1 + np.exp(-v))


exercises.check_sigmoid(sigmoid)'''

RIGHT = '''def sigmoid(v):
    """The sigmoid 1 / (1 + e^(-v)) of every element of v, without overflow for large |v|."""
    z = np.exp(-np.abs(v))
    return np.where(v >= 0, 1 / (1 + z), z / (1 + z))


exercises.check_sigmoid(sigmoid)'''


def answer(lab: LabNotebook, cell, source: str, expected: str) -> str:
    """Replaces the cell's code with ``source``, runs it (Shift+Enter) and returns its output text."""
    editor = cell.locator(".cm-content")
    editor.click()
    lab.page.keyboard.press("Control+a")
    lab.page.keyboard.insert_text(source)  # inserted as typed text, without the editor's auto-indent
    lab.page.keyboard.press("Shift+Enter")
    output = cell.locator(".jp-OutputArea-output").first
    output.wait_for(timeout=60_000)
    lab.page.wait_for_function(
        "([cell, word]) => cell.textContent.includes(word)", arg=[cell.element_handle(), expected], timeout=60_000
    )
    lab.wait_until_idle()
    cell.scroll_into_view_if_needed()
    return cell.locator(".jp-Cell-outputArea").inner_text()


def check_exercise_wrong_then_right(lab: LabNotebook, artifacts) -> None:
    """On chapter 4 open in JupyterLab after Run All: the sigmoid exercise shows the shipped prompt;
    answered with the usual slip it says "Not yet." with the overflow hint, then "Right!"."""
    shots = [artifacts] + ([Path(os.environ["NNLEARN_E2E_SHOTS"])] if os.environ.get("NNLEARN_E2E_SHOTS") else [])
    cell = lab.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").filter(
        has_text="exercises.check_sigmoid(sigmoid)")
    shipped = "Replace ... with the body of sigmoid"
    # JupyterLab skips rendering cells out of view (innerText is then empty): bring it into view
    cell.scroll_into_view_if_needed()
    try:  # Run All has finished; the cell's output may still be on its way to the page
        lab.page.wait_for_function("([cell, words]) => cell.textContent.includes(words)",
                                   arg=[cell.element_handle(), shipped], timeout=30_000)
    finally:
        assert shipped in (cell.locator(".jp-Cell-outputArea").text_content() or "")

    wrong = answer(lab, cell, WRONG, "Not yet.")
    for folder in shots:
        folder.mkdir(parents=True, exist_ok=True)
        cell.screenshot(path=str(folder / "exercise-sigmoid-wrong.png"))
    right = answer(lab, cell, RIGHT, "Right!")
    for folder in shots:
        cell.screenshot(path=str(folder / "exercise-sigmoid-right.png"))

    assert wrong.startswith("Not yet.") and "e^(-|v|)" in wrong and 'exercises.hint("sigmoid")' in wrong, wrong
    assert "Traceback" not in wrong and "RuntimeWarning" not in wrong, wrong
    assert right.startswith("Right!") and "passes all 4 hidden cases" in right, right
