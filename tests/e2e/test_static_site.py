"""The static copy of the course (``scripts/build_static.py``), read in Chromium with no network.

The site is built once per run into a temporary folder, by the same command a teacher runs, from
the notebooks under test (``NNLEARN_E2E_NOTEBOOKS`` or ``notebooks/``). Then the index and every
page are opened from ``file://`` in a browser context where every request that is not for a
``file://`` address (or an inline ``data:`` one) is aborted and recorded. Each page must ask for
nothing else, show every formula as MathML with a size, step its animations with their buttons,
show each widget's starting picture (the still stored beside it by ``scripts/run_notebooks.py``)
with its line about JupyterLab, link to the index and to its neighbours, and log no console error.
Screenshots of the index, an English and a Chinese page go to ``tests/e2e/artifacts/static-*.png``.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

from .labpage import ROOT, WIDGET_VIEW, Expected, course_notebooks, edition_name, notebooks_dir

NOTEBOOKS = course_notebooks()
BUILD = ROOT / "scripts" / "build_static.py"
BUILD_TIMEOUT = 900  # seconds: both editions on a busy machine (the build runs no notebook)
SCREENSHOT_CHAPTER = "06_loss_and_descent"  # formulas, an animation and slider stills in one chapter
SLIDER_LINE = {
    "en": "This picture has sliders in JupyterLab: open the notebook to move them.",
    "zh": "在 JupyterLab 中打开这个笔记本，就可以拖动滑块。",
}


def edition_of(path: Path) -> str:
    return "zh" if path.parent.name == "zh" else "en"


def page_of(site: Path, path: Path) -> Path:
    return site / edition_of(path) / f"{path.stem}.html"


# ---- what a notebook holds, read from the .ipynb ------------------------------------------


def formula_count(path: Path) -> int:
    """How many formulas ($...$, $$...$$) the notebook's markdown holds, as nbconvert parses them."""
    found = []

    class Counting(IPythonRenderer):
        def inline_math(self, body):
            found.append(body)
            return ""

        def block_math(self, body):
            found.append(body)
            return ""

        def latex_environment(self, name, body):
            found.append(body)
            return ""

    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            MarkdownWithMath(renderer=Counting(escape=False)).render(source)
    return len(found)


def widget_views(path: Path) -> list[tuple[dict, str]]:
    """Every widget view in the stored outputs, in order: its output's data and its text form."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    views = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                text = data.get("text/plain", "")
                views.append((data, "".join(text) if isinstance(text, list) else text))
    return views


def widget_texts(path: Path) -> list[str]:
    """The text form of every widget view in the stored outputs, in order."""
    return [text for _, text in widget_views(path)]


def stored_stills(path: Path) -> list[str]:
    """The still stored beside each widget view that is not a progress bar, as a data: address, in order."""
    stills = []
    for data, text in widget_views(path):
        if not is_progress_bar(text):
            mime = next((m for m in ("image/png", "image/jpeg") if m in data), None)
            stills.append(f"data:{mime};base64,{''.join(data[mime].split())}" if mime else None)
    return stills


def is_progress_bar(text: str) -> bool:
    return "Progress(" in text and not re.search(r"Slider\(|Image\(|Canvas|Play\(|Output\(|Button\(|…", text)


def first_heading(path: Path) -> str:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            for line in source.splitlines():
                if line.startswith("#"):
                    return re.sub(r"[*_`$]", "", line.lstrip("#")).strip()
    return path.stem


# ---- the site and the offline browser ------------------------------------------------------


@pytest.fixture(scope="session")
def static_site(e2e_enabled, tmp_path_factory) -> Path:
    """The site, built by the documented command into a temporary folder (once per run)."""
    if not NOTEBOOKS:
        pytest.skip(f"no notebooks in {notebooks_dir()}")
    out = tmp_path_factory.mktemp("static") / "site"
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(BUILD), "--out", str(out), "--notebooks", str(notebooks_dir())],
        cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
    )
    seconds = time.perf_counter() - start
    assert result.returncode == 0, f"the build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    print(f"\nstatic site built in {seconds:.0f} s:\n{result.stdout}")
    return out


class Offline:
    """A browser context that lets only file:// (and inline data:) addresses through; the rest is aborted."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
        self.context.set_default_timeout(30_000)
        self.attempted: list[str] = []  # every address asked for that is not on the machine
        self.context.route("**/*", self._route)
        self.context.on("request", self._request)

    @staticmethod
    def local(url: str) -> bool:
        return url.startswith(("file://", "data:"))

    def _route(self, route):
        if self.local(route.request.url):
            route.continue_()
        else:
            self.attempted.append(route.request.url)
            route.abort()

    def _request(self, request):
        if not self.local(request.url) and request.url not in self.attempted:
            self.attempted.append(request.url)

    def open(self, path: Path):
        """A new page showing ``path``; its console errors, page errors and failed requests are collected."""
        page = self.context.new_page()
        page.problems = []
        page.on("console", lambda m: m.type == "error" and page.problems.append(f"console error: {m.text}"))
        page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.local(r.url) and page.problems.append(
            f"failed to load {r.url[:120]}: {r.failure}"))
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_function("() => [...document.images].every(i => i.complete)")
        return page


@pytest.fixture(scope="session")
def offline(browser):
    offline = Offline(browser)
    try:
        yield offline
    finally:
        offline.context.close()


def local_links(page) -> list[tuple[str, Path | None]]:
    """(text, file) of every link on the page to a file of the site (None: not a file:// address)."""
    found = page.evaluate("() => [...document.querySelectorAll('a[href]')].filter(a => !a.getAttribute('href')"
                          ".startsWith('#')).map(a => [a.className, a.textContent.trim(), a.href])")
    links = []
    for class_name, text, href in found:
        parsed = urlparse(href)
        links.append((class_name, text, Path(unquote(parsed.path)) if parsed.scheme == "file" else None))
    return links


# ---- the index -----------------------------------------------------------------------------


def test_index_lists_every_chapter_of_both_editions(static_site, offline, artifacts):
    page = offline.open(static_site / "index.html")
    try:
        links = local_links(page)
        listed = {path: text for _, text, path in links}
        for notebook in NOTEBOOKS:
            target = page_of(static_site, notebook)
            assert target in listed, f"the index does not link {target.relative_to(static_site)}"
            assert listed[target] == first_heading(notebook), f"{target.name}: title {listed[target]!r}"
            assert target.exists(), f"the index links {target}, which was not written"
        outside = [href for _, _, href in links if href is None or static_site not in href.parents]
        assert not outside, f"links that leave the site (only relative links to its pages): {outside}"
        assert not offline.attempted, f"the index asked for addresses off the machine: {offline.attempted}"
        assert not page.problems, "\n".join(page.problems)
    finally:
        page.close()
        offline.attempted.clear()


# ---- every page ----------------------------------------------------------------------------


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=[edition_name(path) for path in NOTEBOOKS])
def notebook_page(request, static_site, offline):
    """The page of one notebook, opened once for the checks below (pytest runs them notebook by notebook)."""
    path = request.param
    page = offline.open(page_of(static_site, path))
    page.notebook = path
    try:
        yield page
    finally:
        page.close()
        offline.attempted.clear()


def test_page_asks_for_nothing_off_the_machine(notebook_page, offline):
    page = notebook_page
    page.mouse.wheel(0, 100_000)  # lazy images and fonts would load on the way down
    page.wait_for_timeout(200)  # nothing to wait on: a request that comes, comes at once
    assert not offline.attempted, f"the page asked for addresses off the machine: {offline.attempted}"
    assert not page.problems, "\n".join(page.problems)
    images = page.evaluate("() => [...document.images].filter(i => !(i.naturalWidth > 0)).map(i => i.src.slice(0, 80))")
    assert not images, f"images that did not load: {images}"


def test_page_links_to_the_index_and_its_neighbours(notebook_page, static_site):
    page, path = notebook_page, notebook_page.notebook
    links = local_links(page)
    targets = {href for _, _, href in links if href is not None}
    assert static_site / "index.html" in targets, "no link back to the index"
    edition = [p for p in NOTEBOOKS if p.parent == path.parent]
    position = edition.index(path)
    if position > 0:
        assert page_of(static_site, edition[position - 1]) in targets, "no link to the previous chapter"
    if position < len(edition) - 1:
        assert page_of(static_site, edition[position + 1]) in targets, "no link to the next chapter"
    broken = [str(href) for _, _, href in links if href is not None and not href.exists()]
    assert not broken, f"links to files that do not exist: {broken}"
    title = page.locator("main h1").first.inner_text().replace("¶", "").strip()
    assert title == first_heading(path)


def test_every_formula_renders_as_mathml(notebook_page):
    page, path = notebook_page, notebook_page.notebook
    expected = formula_count(path)
    formulas = page.evaluate("""() => [...document.querySelectorAll('main math')].map(m => {
        m.scrollIntoView();
        const box = m.getBoundingClientRect();
        return {tex: m.getAttribute('alttext'), mathml: m instanceof MathMLElement,
                width: box.width, height: box.height};
    })""")
    assert len(formulas) == expected, f"{len(formulas)} math elements; the notebook's markdown has {expected} formulas"
    failed = page.locator(".formula-failed").count()
    assert not failed, f"{failed} formulas were not converted"
    flat = [f for f in formulas if not (f["mathml"] and f["width"] > 0 and f["height"] > 0)]
    assert not flat, f"formulas drawn with no size: {flat}"
    if not expected:
        pytest.skip("no formulas in this notebook")


def test_animations_step(notebook_page):
    page, path = notebook_page, notebook_page.notebook
    expected = Expected.of(path).animations
    players = page.locator(".animation")
    assert players.count() == expected, f"{players.count()} animation players; the notebook stores {expected}"
    if not expected:
        pytest.skip("no animations in this notebook")
    for index in range(expected):
        player = players.nth(index)
        player.scroll_into_view_if_needed()
        image = player.locator("img").first
        icons = player.evaluate("""p => [...p.querySelectorAll('button i')].map(i => {
            const before = getComputedStyle(i, '::before').content;
            return {cls: i.className, content: before, width: i.getBoundingClientRect().width};
        })""")
        blank = [i for i in icons if i["content"] in ("none", "normal", '""') or i["width"] <= 0]
        assert icons and not blank, f"animation {index + 1}: buttons without a symbol: {blank}"
        first = image.get_attribute("src")
        assert first and first.startswith("data:image"), f"animation {index + 1} shows no frame"
        assert image.evaluate("i => i.naturalWidth > 0 && i.getBoundingClientRect().height > 0")
        player.locator('button[title="Next frame"]').click()
        page.wait_for_function("([i, s]) => i.getAttribute('src') !== s", arg=[image.element_handle(), first],
                               timeout=5_000)
        second = image.get_attribute("src")
        player.locator('button[title="Play"]').click()
        page.wait_for_function("([i, s]) => i.getAttribute('src') !== s", arg=[image.element_handle(), second],
                               timeout=10_000)
        player.locator('button[title="Pause"]').click()
    assert not page.problems, "\n".join(page.problems)


def test_widgets_show_their_starting_picture(notebook_page):
    page, path = notebook_page, notebook_page.notebook
    texts = widget_texts(path)
    progress = sum(map(is_progress_bar, texts))
    sliders = sum(t.startswith("interactive(") and not re.search(r"Button\(|Play\(", t) for t in texts)
    widgets = page.evaluate("""() => [...document.querySelectorAll('.static-widget')].map(w => {
        w.scrollIntoView();
        return {kind: w.className, note: (w.querySelector('.live-note') || {}).textContent || '',
                pictures: [...w.querySelectorAll('img.still')].map(i => ({src: i.getAttribute('src'),
                    loaded: i.complete && i.naturalWidth > 0, height: i.getBoundingClientRect().height}))};
    })""")
    assert len(widgets) == len(texts) - progress, (
        f"{len(widgets)} widget stills; the notebook stores {len(texts)} widget views, {progress} of them progress bars"
    )
    assert page.locator(".static-progress").count() == progress
    unseen = [{**w, "pictures": [{**p, "src": p["src"][:40]} for p in w["pictures"]]} for w in widgets
              if not w["pictures"] or not all(p["loaded"] and p["height"] > 0 for p in w["pictures"])]
    assert not unseen, f"widgets without their starting picture: {unseen}"
    stored = stored_stills(path)
    other = [k + 1 for k, (w, still) in enumerate(zip(widgets, stored)) if w["pictures"][0]["src"] != still]
    assert not other, f"widgets {other} do not show the still stored with them (scripts/run_notebooks.py)"
    assert all(w["note"].strip() for w in widgets), "a widget without its line about JupyterLab"
    slider_stills = [w for w in widgets if "static-widget-sliders" in w["kind"]]
    assert len(slider_stills) == sliders, f"{len(slider_stills)} slider stills; the notebook has {sliders}"
    assert all(w["note"] == SLIDER_LINE[edition_of(path)] for w in slider_stills), slider_stills
    assert not page.locator(".jupyter-widgets, .widget-slider").count(), "a live widget left in a static page"
    if not texts:
        pytest.skip("no widgets in this notebook")


def test_screenshots(static_site, offline, artifacts):
    """The index, and the top of an English and a Chinese page and their first slider still, to look at."""
    taken = []
    page = offline.open(static_site / "index.html")
    try:
        page.screenshot(path=str(artifacts / "static-index.png"), full_page=True)
    finally:
        page.close()
    for path in NOTEBOOKS:
        if path.stem != SCREENSHOT_CHAPTER:
            continue
        page = offline.open(page_of(static_site, path))
        name = f"static-{edition_of(path)}-{path.stem}"
        try:
            page.screenshot(path=str(artifacts / f"{name}.png"))
            page.locator(".static-widget").first.scroll_into_view_if_needed()
            page.evaluate("() => window.scrollBy(0, -250)")
            page.screenshot(path=str(artifacts / f"{name}-still.png"))
            taken.append(name)
        finally:
            page.close()
    assert taken, f"no {SCREENSHOT_CHAPTER} page to take a picture of"
    assert not offline.attempted, offline.attempted


def test_the_sites_own_chinese_words_are_in_the_shipped_font():
    """The pages' Chinese words (navigation, notes) draw on a machine without a Chinese font too."""
    from fontTools.ttLib import TTFont

    spec = importlib.util.spec_from_file_location("build_static", BUILD)
    build = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, build)  # its dataclasses look their module up while it loads
    spec.loader.exec_module(build)
    zh = next(e for e in build.EDITIONS if e.code == "zh")
    words = "".join([*zh.words.values(), zh.name, build.INDEX_INTRO["zh"],
                     *(e.words["other edition"] for e in build.EDITIONS)])
    cmap = TTFont(build.CJK_FONT).getBestCmap()
    missing = sorted({c for c in build.CJK.findall(words) if ord(c) not in cmap})
    assert not missing, f"not in {build.CJK_FONT.name}: {''.join(missing)} (choose other words, or rebuild the font)"


# ---- a formula that does not convert fails the build -------------------------------------


def test_a_formula_that_does_not_convert_fails_the_build(tmp_path):
    notebook = {
        "cells": [
            {"cell_type": "markdown", "id": "a1", "metadata": {},
             "source": "# 1. A test\n\nFine: $E = \\tfrac12 y^2$."},
            {"cell_type": "markdown", "id": "a2", "metadata": {},
             "source": "Broken: $\\frac{1}{2$ and $\\nosuchcommand x$."},
        ],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
    }
    folder = tmp_path / "notebooks"
    folder.mkdir()
    (folder / "01_test.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(BUILD), "--out", str(tmp_path / "site"), "--notebooks", str(folder), "--no-stills"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode != 0
    assert "01_test.ipynb, cell 2: $\\frac{1}{2$" in result.stderr, result.stderr
    assert "01_test.ipynb, cell 2: $\\nosuchcommand x$: unknown command \\nosuchcommand" in result.stderr, result.stderr
    assert "tfrac12" not in result.stderr
    assert not (tmp_path / "site").exists(), "a failed build left a site behind"
