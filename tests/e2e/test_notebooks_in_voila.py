"""Notebooks of the course as Voila apps (outputs only, run on load), in Chromium.

Each notebook runs once in the browser: those listed in ``labpage.IN_VOILA`` run here instead
of in JupyterLab (their English editions run there), so the slider chapters meet both front ends.
No errors, every widget renders, every slider redraws its picture. The Chinese lab runs as an
app too, started by its own command: tests/e2e/test_command_in_browser.py.
"""

from __future__ import annotations

import pytest

from .labpage import Expected, LabNotebook, check_voila_app, edition_name, notebooks_dir, voila_notebooks

VOILA_TIMEOUT_MS = 90_000  # from request to every widget shown: Voila runs the whole notebook first
NOTEBOOKS = voila_notebooks()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[edition_name(path) for path in NOTEBOOKS])
def test_voila_sliders_redraw(path, voila_server, browser_context, artifacts, e2e_report):
    """The notebook as a Voila app: no errors, every widget renders, every slider redraws."""
    page = browser_context.new_page()
    name, relative = edition_name(path), path.relative_to(notebooks_dir())
    app = LabNotebook(page, voila_server.root / relative, name, Expected.of(path), relative=relative.as_posix())
    try:
        # Voila runs the notebook while it sends the page: wait for the widgets, not for "load".
        page.goto(f"{voila_server.url}/voila/render/{relative.as_posix()}?token={voila_server.token}",
                  wait_until="commit")
        check_voila_app(page, app, name, e2e_report, VOILA_TIMEOUT_MS)
    finally:
        try:
            app.screenshot(artifacts / f"voila-{name}.png")
        finally:
            page.close()
