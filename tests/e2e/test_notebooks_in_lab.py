"""Every notebook of the course, run in JupyterLab in Chromium as a learner runs it.

For each notebook in ``notebooks/`` (found when the tests are collected): open it, Run All,
no cell shows a traceback and every widget renders; every slider, moved one step, redraws
the picture of its cell (the time from move to picture is printed at the end of the run);
every animation player steps and plays. A screenshot of each notebook goes to
``tests/e2e/artifacts/``.
"""

from __future__ import annotations

import contextlib

import pytest

from .labpage import Expected, LabNotebook, course_notebooks, edition_name, notebooks_dir

NOTEBOOKS = course_notebooks()


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=[edition_name(path) for path in NOTEBOOKS])
def lab_notebook(request, jupyter_server, lab_page, artifacts, e2e_report):
    """The notebook, opened from JupyterLab's file browser and run top to bottom (Run All)."""
    path = request.param
    name, relative = edition_name(path), path.relative_to(notebooks_dir())
    lab = LabNotebook(lab_page, jupyter_server.root / relative, name, Expected.of(path))
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
    assert not errors, "cells show errors after Run All:\n" + _listing(errors)
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


def check_every_slider_redraws(app, name, e2e_report, after_each_move=None, where=""):
    """Moves every slider of ``app`` one step: each redraws its cell's picture (the time it took
    goes to the report under ``name``), and afterwards no cell shows an error and no picture is
    stretched."""
    moves = []
    for index in range(app.sliders().count()):
        move = app.move_slider(index)
        moves.append(move)
        if move.seconds is not None:
            e2e_report.add(name, move.seconds)
        if after_each_move:
            after_each_move()
    failed = [m for m in moves if m.seconds is None]
    assert not failed, f"{len(failed)} of {len(moves)} sliders did not redraw their cell{where}:\n" + "\n".join(
        f"  cell {m.cell}, slider {m.slider!r}: {m.problem}" for m in failed
    )
    errors = app.errors()
    assert not errors, f"moving the sliders showed errors{where}:\n" + _listing(errors)
    stretched = app.stretched_pictures()
    assert not stretched, f"pictures shown wider than drawn (blurry){where}:\n" + "\n".join(
        f"  cell {p['cell']}: drawn {p['drawn']} px wide, shown {p['shown']} px" for p in stretched
    )


def _listing(errors):
    return "\n".join(f"  cell {e['cell']} ({e['kind']}): {e['text']}" for e in errors)


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


VOILA_TIMEOUT_MS = 90_000  # from request to every widget shown: Voila runs the whole notebook first
SLIDER_NOTEBOOKS = [path for path in NOTEBOOKS if Expected.of(path).slider_widgets]


@pytest.mark.parametrize("path", SLIDER_NOTEBOOKS, ids=[edition_name(path) for path in SLIDER_NOTEBOOKS])
def test_voila_sliders_redraw(path, voila_server, browser_context, artifacts, e2e_report):
    """The notebook as a Voila app (outputs only, run on load): no errors, every slider redraws."""
    page = browser_context.new_page()
    name, relative = edition_name(path), path.relative_to(notebooks_dir())
    app = LabNotebook(page, voila_server.root / relative, name, Expected.of(path))
    try:
        # Voila runs the notebook while it sends the page: wait for the widgets, not for "load".
        page.goto(f"{voila_server.url}/voila/render/{relative.as_posix()}?token={voila_server.token}",
                  wait_until="commit")
        rendered = app.wait_for_widgets(app.expected.widget_views, timeout_ms=VOILA_TIMEOUT_MS)
        errors = app.errors()
        assert not errors, "the Voila app shows errors:\n" + _listing(errors)
        assert rendered >= app.expected.widget_views, (
            f"{rendered} widgets rendered in Voila; the stored notebook shows {app.expected.widget_views}"
        )
        check_every_slider_redraws(app, f"{name} (Voila)", e2e_report, where=" in Voila")
    finally:
        try:
            app.screenshot(artifacts / f"voila-{name}.png")
        finally:
            page.close()
