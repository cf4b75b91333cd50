"""The notebooks of the course, run in JupyterLab in Chromium as a learner runs them.

Each notebook runs once in the browser (``labpage.IN_VOILA`` lists those run as Voila apps
instead, in test_notebooks_in_voila.py). For each one here: open it, Run All, no cell shows a
traceback and every widget renders; every slider, moved one step, redraws the picture of its
cell (the time from move to picture is printed at the end of the run); every animation player
steps and plays. Then, on the same run, what only some notebooks have: chapter 2 presented as
slides (both editions), chapter 4's code exercise answered wrong then right, and the lab's pad
and live training (drawn on with the mouse, the spirals solved). A screenshot of each notebook
goes to ``tests/e2e/artifacts/``.
"""

from __future__ import annotations

import contextlib

import pytest

from .exercise import check_exercise_wrong_then_right
from .labchecks import check_pad_and_training, solve_spirals
from .labpage import (
    Expected,
    LabNotebook,
    check_every_slider_redraws,
    edition_name,
    lab_notebooks,
    listing,
    notebooks_dir,
)
from .slides import check_slides

NOTEBOOKS = lab_notebooks()


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=[edition_name(path) for path in NOTEBOOKS])
def lab_notebook(request, jupyter_server, lab_page, artifacts, e2e_report):
    """The notebook, opened from JupyterLab's file browser and run top to bottom (Run All)."""
    path = request.param
    name, relative = edition_name(path), path.relative_to(notebooks_dir())
    lab = LabNotebook(lab_page, jupyter_server.root / relative, name, Expected.of(path), relative=relative.as_posix())
    errors_before = len(lab_page.browser_errors)
    try:
        lab.open(root=jupyter_server.root)
        lab.run_seconds = lab.run_all()
        e2e_report.run_all[name] = lab.run_seconds
        lab.rendered_widget_views = lab.wait_for_widgets(lab.expected.widget_views)
        for warning in lab.warnings():
            e2e_report.note(name, f"cell {warning['cell']} shows stderr: {warning['text'][:200]!r}")
    except Exception:
        lab.screenshot(artifacts / f"{name}--run--FAILED.png")
        with contextlib.suppress(Exception):  # the error that matters is the one raised below
            lab.close()
        jupyter_server.shutdown_kernels()
        raise
    yield lab
    lab.browser_errors = lab_page.browser_errors[errors_before:]
    for text in lab.observations + [f"browser error: {error}" for error in lab.browser_errors]:
        e2e_report.note(name, text)
    try:
        lab.screenshot(artifacts / f"{name}.png")
        lab.close()
    finally:
        jupyter_server.shutdown_kernels()


def test_runs_without_errors(lab_notebook):
    lab = lab_notebook
    errors = lab.errors()
    assert not errors, "cells show errors after Run All:\n" + listing(errors)
    not_run = lab.cells_not_run()
    assert not not_run, "code cells did not run:\n" + "\n".join(
        f"  cell {c['cell']} {c['prompt']} {c['source']!r}" for c in not_run
    )
    assert lab.rendered_widget_views >= lab.expected.widget_views, (
        f"{lab.rendered_widget_views} widgets rendered; the stored notebook shows {lab.expected.widget_views}"
    )


def test_sliders_redraw(lab_notebook, e2e_report):
    lab = lab_notebook
    count = lab.sliders().count()
    assert count or not lab.expected.slider_widgets, (
        f"no slider shown; the stored notebook has {lab.expected.slider_widgets} widgets with sliders"
    )
    if not count:
        pytest.skip("this notebook shows no sliders")
    check_every_slider_redraws(lab, lab.stem, e2e_report, after_each_move=lab.wait_until_idle)


def test_animations_play(lab_notebook):
    lab = lab_notebook
    count = lab.animations().count()
    assert count >= lab.expected.animations, (
        f"{count} animation players shown; the stored notebook has {lab.expected.animations}"
    )
    if not count:
        pytest.skip("this notebook has no animations")
    problems = [(index, lab.step_animation(index)) for index in range(count)]
    problems = [(index, problem) for index, problem in problems if problem]
    assert not problems, "\n".join(f"animation {index + 1}: {problem}" for index, problem in problems)


# ---- on the same run, what only some notebooks have (the other notebooks deselect these) ----


@pytest.mark.notebooks("02_single_node.ipynb", "zh/02_single_node.ipynb")
def test_presents_as_slides_with_live_sliders(lab_notebook, artifacts):
    check_slides(lab_notebook, artifacts)


@pytest.mark.notebooks("04_nonlinearity.ipynb")
def test_a_code_exercise_answered_wrong_then_right(lab_notebook, artifacts):
    check_exercise_wrong_then_right(lab_notebook, artifacts)


@pytest.mark.notebooks("09_lab.ipynb")
def test_lab_pad_training_and_spirals(lab_notebook, artifacts, e2e_report):
    page = lab_notebook.page
    assert not lab_notebook.errors()
    check_pad_and_training(page, artifacts, e2e_report, "in JupyterLab")
    right, seconds, status = solve_spirals(page, artifacts)
    e2e_report.note("09_lab in JupyterLab", f"spirals, 2 hidden layers of 8: {status} after {seconds:.1f} s")
    assert right >= 95, f"the spirals were not solved: {status}"
    assert not lab_notebook.errors()
