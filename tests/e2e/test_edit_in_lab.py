"""A teacher edits a notebook in JupyterLab: the edit lands in the text twin too.

The course's notebooks are pairs (``notebooks/jupytext.toml``): JupyterLab, with jupytext
installed as a dependency of the course, saves the ``.ipynb`` and its ``.md`` twin together.
This test edits a markdown cell of a copy of one pair in the browser, saves with Ctrl+S and
reads both files from disk.
"""

from __future__ import annotations

import json
import secrets
import shutil
import time

import jupytext

from .labpage import LabNotebook, notebooks_dir

SAVE_TIMEOUT = 30  # seconds


def test_markdown_edited_in_jupyterlab_lands_in_the_text_twin(jupyter_server, lab_page, artifacts):
    source = notebooks_dir() / "08_key_takeaways"
    name = "edit_check"  # a copy beside the course's notebooks, which the other tests run
    for suffix in (".ipynb", ".md"):
        shutil.copy(source.with_suffix(suffix), jupyter_server.root / f"{name}{suffix}")
    ipynb, twin = jupyter_server.root / f"{name}.ipynb", jupyter_server.root / f"{name}.md"
    word = f"edited{secrets.token_hex(3)}"
    assert word not in twin.read_text(encoding="utf-8")

    lab = LabNotebook(lab_page, ipynb, name)
    page = lab_page
    page.locator(".jp-BreadCrumbs-home").first.click()  # the top folder, wherever an earlier test left it
    page.locator("[data-command='filebrowser:refresh']").first.click()  # show the copy in the file browser
    page.locator(f'.jp-DirListing-item[title^="Name: {ipynb.name}"]').first.wait_for(timeout=30_000)
    try:
        lab.open()
        heading = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownCell").first
        heading.dblclick()  # a rendered markdown cell opens its editor on a double click
        editor = heading.locator(".cm-content")
        editor.wait_for()
        editor.click()
        page.keyboard.press("Control+End")
        page.keyboard.type(f" {word}")
        page.keyboard.press("Shift+Enter")  # render the cell
        page.keyboard.press("Control+s")
        deadline = time.monotonic() + SAVE_TIMEOUT
        while word not in twin.read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.2)
        lab.screenshot(artifacts / f"{name}.png")
    finally:
        lab.close()
        jupyter_server.shutdown_kernels()

    text = twin.read_text(encoding="utf-8")
    assert word in text, f"the word typed into the first markdown cell is not in {twin.name} after saving"
    first = jupytext.read(twin, fmt="md:myst").cells[0].source
    assert word in first, f"the word landed outside the first cell of {twin.name}"
    stored = json.loads(ipynb.read_text(encoding="utf-8"))
    assert word in "".join(stored["cells"][0]["source"]), f"{ipynb.name} was not saved with the edit"
    assert any(cell.get("outputs") for cell in stored["cells"]), f"{ipynb.name} lost its stored outputs on saving"
    assert "jupytext:" not in text, "the twin gained metadata: notebooks/jupytext.toml filters it out"
