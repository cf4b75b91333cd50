"""A notebook open in JupyterLab, driven the way a learner drives it: menus, sliders, buttons.

Selectors are JupyterLab 4's and ipywidgets 8's; the player of an animation is the HTML that
matplotlib's ``Animation.to_jshtml()`` writes (an ``<img>`` and buttons titled "Next frame",
"Play", ...).
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

RUN_TIMEOUT_MS = 180_000  # Run All of the slowest notebook, on a busy machine
PICTURE_TIMEOUT = 30.0  # seconds from a slider move to its new picture
STABLE_FOR = 0.4  # seconds a new picture must stay unchanged to count as drawn
KEY_ATTEMPTS = 3  # key presses on a slider handle before "the value did not move" is a failure
VALUE_TIMEOUT_MS = 3_000  # from a key press to the slider's new readout (drawn in the browser, no kernel)

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

# A cell's top-level outputs (not those inside an Output widget).
TOP_OUTPUTS = ".jp-Cell-outputArea > .jp-OutputArea-child > .jp-OutputArea-output"

JS_HASH = """
function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); }
  return (h >>> 0).toString(16) + ':' + text.length;
}
"""

# The picture of a cell: every image in its outputs (inside widgets too); without images,
# the text of its Output widgets.
JS_PICTURE = (
    "(cell) => {"
    + JS_HASH
    + """
  const images = [...cell.querySelectorAll('.jp-Cell-outputWrapper img')];
  if (images.length) return {kind: 'image', n: images.length, hash: hash(images.map(i => i.src).join('|'))};
  const outputs = [...cell.querySelectorAll('.widget-output')];
  return {kind: 'text', n: outputs.length, hash: hash(outputs.map(o => o.innerText).join('|'))};
}"""
)

JS_RUN_FINISHED = """() => {
  const indicator = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator')
    || document.querySelector('.jp-Notebook-ExecutionIndicator');
  if (!indicator || indicator.getAttribute('data-status') !== 'idle') return false;
  const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(p => p.textContent);
  return !prompts.some(p => p.includes('*')) && prompts.some(p => /\\d/.test(p));
}"""

JS_KERNEL_IDLE = """() => {
  const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
  if (!indicator || indicator.getAttribute('data-status') !== 'idle') return false;
  return ![...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].some(p => p.textContent.includes('*'));
}"""

# Error outputs and warnings both render as stderr text; a traceback is told apart by its
# header ("ZeroDivisionError   Traceback (most recent call last)") or, for a SyntaxError,
# by a line that starts with the exception's name.
JS_ERRORS = """() => {
  const errorLine = new RegExp(
    '(Traceback \\(most recent call last\\))|(^\\s*[A-Za-z_][\\w.]*(Error|Exception|Interrupt)(:|\\s*$))', 'm');
  const cells = [...document.querySelectorAll('.jp-Notebook .jp-Cell')];
  const found = [];
  cells.forEach((cell, index) => {
    cell.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').forEach(o => {
      if (errorLine.test(o.innerText)) {
        found.push({cell: index + 1, kind: 'traceback', text: o.innerText.slice(0, 1500)});
      }
    });
    cell.querySelectorAll('.jp-OutputArea-output').forEach(o => {
      if (/Error displaying widget/.test(o.innerText)) {
        found.push({cell: index + 1, kind: 'widget', text: o.innerText.slice(0, 500)});
      }
    });
  });
  return found;
}"""

JS_WARNINGS = """() => [...document.querySelectorAll('.jp-Notebook .jp-Cell')].flatMap((cell, index) =>
  [...cell.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
    .map(o => ({cell: index + 1, text: o.innerText.slice(0, 2000)})))"""

ERROR_LINE = r"(Traceback \(most recent call last\))|(^\s*[A-Za-z_][\w.]*(Error|Exception|Interrupt)(:|\s*$))"

JS_NOT_RUN = """() => [...document.querySelectorAll('.jp-Notebook .jp-Cell')].flatMap((cell, index) => {
  if (!cell.classList.contains('jp-CodeCell')) return [];
  const prompt = cell.querySelector('.jp-InputPrompt')?.textContent || '';
  const source = cell.querySelector('.cm-content')?.textContent.trim() || '';
  return source && !/\\d/.test(prompt) ? [{cell: index + 1, prompt, source: source.slice(0, 80)}] : [];
})"""

# Pictures shown wider than they were drawn: a stretched bitmap is blurry (e.g. an image in a
# flex column that stretches its items).
JS_STRETCHED_PICTURES = """() => [...document.querySelectorAll('.jp-Cell')].flatMap((cell, index) =>
  [...cell.querySelectorAll('.jp-Cell-outputWrapper img')].flatMap(img => {
    const shown = img.getBoundingClientRect().width;
    return img.complete && img.naturalWidth > 0 && shown > img.naturalWidth + 1
      ? [{cell: index + 1, drawn: img.naturalWidth, shown: Math.round(shown)}] : [];
  }))"""

JS_RENDERED_WIDGET_VIEWS = (
    "() => [...document.querySelectorAll('" + TOP_OUTPUTS + "')]"
    ".filter(o => o.querySelector(':scope > .jupyter-widgets')).length"
)


def notebooks_dir() -> Path:
    """The notebooks under test: ``notebooks/``, or the folder named by ``NNLEARN_E2E_NOTEBOOKS``."""
    return Path(os.environ.get("NNLEARN_E2E_NOTEBOOKS", ROOT / "notebooks")).resolve()


def course_notebooks() -> list[Path]:
    """Both editions: the English notebooks, then the Chinese ones in ``zh/``."""
    folder = notebooks_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.ipynb")) + sorted(folder.glob("zh/*.ipynb"))


# Each notebook runs once in the browser (its other run is nbval's, headless): in JupyterLab, or,
# for these, as a Voila app; the Chinese lab through the `nnlearn lab` command. Their English
# editions run in JupyterLab, so chapters 3, 4, 6 and the lab meet both front ends, with the same
# code (tests/test_editions.py); chapter 2 stays in JupyterLab in both editions for its slides.
IN_VOILA = ("zh/03_more_inputs.ipynb", "zh/04_nonlinearity.ipynb", "zh/06_loss_and_descent.ipynb")
IN_LAB_COMMAND = "zh/09_lab.ipynb"


def relative_name(path: Path) -> str:
    """``zh/03_more_inputs.ipynb``: the notebook's path inside the course."""
    return path.relative_to(notebooks_dir()).as_posix()


def lab_notebooks() -> list[Path]:
    """The notebooks run in JupyterLab: all but those run as Voila apps."""
    return [p for p in course_notebooks() if relative_name(p) not in (*IN_VOILA, IN_LAB_COMMAND)]


def voila_notebooks() -> list[Path]:
    return [p for p in course_notebooks() if relative_name(p) in IN_VOILA]


def edition_name(path: Path) -> str:
    """``07_backpropagation`` for the English edition, ``zh-07_backpropagation`` for the Chinese one."""
    relative = path.relative_to(notebooks_dir()).with_suffix("")
    return "-".join(relative.parts)


@dataclass
class Expected:
    """What a notebook's stored outputs show: a run in the browser should show as much."""

    widget_views: int = 0
    slider_widgets: int = 0  # widget views that hold sliders (by their text form, e.g. "interactive(...FloatSlider(")
    animations: int = 0
    code_cells: int = 0

    @classmethod
    def of(cls, path: Path) -> Expected:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        expected = cls()
        for cell in notebook.get("cells", []):
            if cell.get("cell_type") != "code":
                continue
            expected.code_cells += 1
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if WIDGET_VIEW in data:
                    expected.widget_views += 1
                    text = data.get("text/plain", "")
                    expected.slider_widgets += "Slider(" in ("".join(text) if isinstance(text, list) else text)
                html = data.get("text/html", "")
                html = "".join(html) if isinstance(html, list) else html
                expected.animations += len(re.findall(r'<div class="animation">', html))
        return expected


@dataclass
class Move:
    notebook: str
    slider: str
    cell: int
    seconds: float | None  # None: the picture did not change
    problem: str = ""


@dataclass
class LabNotebook:
    """One notebook open in JupyterLab; the only one open while its tests run."""

    page: object  # the JupyterLab page, shared by the notebooks opened one after the other
    path: Path
    stem: str
    expected: Expected = field(default_factory=Expected)
    relative: str = ""  # its path in the course, "zh/02_single_node.ipynb"
    run_seconds: float = 0.0
    rendered_widget_views: int = 0
    browser_errors: list[str] = field(default_factory=list)
    observations: list[str] = field(default_factory=list)  # worth a look, not failures

    # -- opening and running -----------------------------------------------------------

    def open(self, root: Path | None = None) -> None:
        """Opens the notebook from the file browser (select it, Enter), and waits for its kernel.

        A notebook in a folder under ``root`` (the Chinese edition, ``zh/``) is reached the way a
        learner reaches it: from the top folder, double-clicking each folder on the way.
        """
        folders = self.path.parent.relative_to(root).parts if root is not None else ()
        home = self.page.locator(".jp-BreadCrumbs-home").first
        if not home.is_visible():  # the file browser was closed (a slideshow closes the side bar)
            self.page.locator('.jp-SideBar .lm-TabBar-tab[data-id="filebrowser"]').first.click()
        home.click()
        self._wait_for_folder("")
        for depth, folder in enumerate(folders, start=1):
            self.page.locator(f'.jp-DirListing-item[title^="Name: {folder}"]').first.dblclick()
            self._wait_for_folder("/".join(folders[:depth]))
        item = self.page.locator(f'.jp-DirListing-item[title^="Name: {self.path.name}"]').first
        item.click()
        self.page.keyboard.press("Enter")
        self.page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell", timeout=60_000)
        self.wait_for_kernel()

    def _wait_for_folder(self, folder: str) -> None:
        """Waits until the file browser shows ``folder`` ("" for the top): its breadcrumbs end there,
        and it lists the folder's own files (a listing of the folder before can have the same names)."""
        self.page.wait_for_function(
            """(folder) => {
              const paths = [...document.querySelectorAll('.jp-BreadCrumbs [data-path]')]
                .map(e => e.dataset.path.replace(/^\\/+|\\/+$/g, ''));
              return paths.length > 0 && paths[paths.length - 1] === folder;
            }""", arg=folder, timeout=30_000)
        self.page.wait_for_timeout(300)  # the listing follows the breadcrumbs

    def wait_for_kernel(self, timeout: float = 90.0) -> None:
        """Waits until the notebook's kernel is connected and idle.

        Before its kernel starts, a notebook shows "No Kernel" and an idle indicator; a notebook
        whose kernel JupyterLab cannot pick by itself asks: the proposed one (python3) is taken.
        """
        state = """() => {
          if (document.querySelector('.jp-Dialog')) return 'dialog';
          const name = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar-kernelName');
          const indicator = document.querySelector(
            '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator');
          const started = name && name.innerText.trim() && !/No Kernel/.test(name.innerText);
          return started && indicator?.getAttribute('data-status') === 'idle' ? 'idle' : '';
        }"""
        deadline = time.monotonic() + timeout
        while True:
            remaining = max(1.0, deadline - time.monotonic()) * 1000
            found = self.page.wait_for_function(state, timeout=remaining, polling=100).json_value()
            if found == "idle":
                return
            self.page.locator(".jp-Dialog .jp-mod-accept").first.click()

    def close(self) -> None:
        """File > Close and Shut Down Notebook, confirming (and discarding changes) when asked."""
        self.menu("File", "filemenu:close-and-cleanup")
        gone = (
            "() => !document.querySelector('.jp-NotebookPanel') ? 'closed'"
            " : document.querySelector('.jp-Dialog') ? 'dialog' : ''"
        )
        for _ in range(3):
            found = self.page.wait_for_function(gone, timeout=30_000).json_value()
            if found == "closed":
                return
            discard = self.page.locator(".jp-Dialog button:has-text('Discard')")
            (discard if discard.count() else self.page.locator(".jp-Dialog .jp-mod-accept")).first.click()
        raise AssertionError(f"{self.path.name} did not close")

    def menu(self, menu: str, command: str) -> None:
        self.page.locator(f".lm-MenuBar-itemLabel:text-is('{menu}')").click()
        self.page.locator(f".lm-Menu-item[data-command='{command}']").click()

    def run_all(self) -> float:
        """Clears the stored outputs, then Run > Run All Cells; returns the seconds it took.

        Clearing first makes every output the test looks at one that this run produced.
        """
        self.menu("Edit", "editmenu:clear-all")
        self.page.wait_for_function(
            "() => ![...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].some(p => /\\d/.test(p.textContent))"
        )
        start = time.perf_counter()
        self.menu("Run", "runmenu:run-all")
        self.page.wait_for_function(JS_RUN_FINISHED, timeout=RUN_TIMEOUT_MS, polling=100)
        return time.perf_counter() - start

    def wait_for_widgets(self, expected: int, timeout_ms: float = 30_000) -> int:
        """Waits until at least ``expected`` widget views have rendered; returns how many did."""
        if expected:
            try:
                self.page.wait_for_function(
                    f"() => ({JS_RENDERED_WIDGET_VIEWS})() >= {expected}", timeout=timeout_ms, polling=100
                )
            except Exception:  # reported by the caller with the count that did render
                pass
        return self.page.evaluate(JS_RENDERED_WIDGET_VIEWS)

    def wait_until_idle(self, timeout_ms: float = 60_000) -> None:
        self.page.wait_for_function(JS_KERNEL_IDLE, timeout=timeout_ms, polling=50)

    def errors(self) -> list[dict]:
        return self.page.evaluate(JS_ERRORS)

    def warnings(self) -> list[dict]:
        """Stderr outputs that are not tracebacks (warnings, progress bars)."""
        found = self.page.evaluate(JS_WARNINGS)
        return [w for w in found if not re.search(ERROR_LINE, w["text"], re.MULTILINE)]

    def cells_not_run(self) -> list[dict]:
        return self.page.evaluate(JS_NOT_RUN)

    def stretched_pictures(self) -> list[dict]:
        return self.page.evaluate(JS_STRETCHED_PICTURES)

    # -- sliders -----------------------------------------------------------------------

    def sliders(self):
        return self.page.locator(".jp-Notebook .jupyter-widgets.widget-slider")

    def move_slider(self, index: int) -> Move:
        """Moves slider ``index`` one step (keyboard on its handle) and waits for its cell's new picture."""
        slider = self.sliders().nth(index)
        slider.scroll_into_view_if_needed()
        label = slider.locator(".widget-label").first.evaluate("l => (l.textContent || l.title || '').trim()")
        name = label or f"slider {index + 1}"
        cell = slider.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' jp-Cell ')][1]")
        cell_number = cell.evaluate("c => [...document.querySelectorAll('.jp-Notebook .jp-Cell')].indexOf(c) + 1")
        readout = slider.locator(".widget-readout")
        handle = slider.locator(".noUi-handle").first
        before_value = readout.inner_text()
        before = cell.evaluate(JS_PICTURE)
        at_max = handle.evaluate(
            "h => Number(h.getAttribute('aria-valuenow')) >= Number(h.getAttribute('aria-valuemax'))"
        )
        moved = Move(self.stem, name, cell_number, None)
        key = "ArrowLeft" if at_max else "ArrowRight"
        start = self._press_until_value_changes(handle, readout, key, before_value, moved)
        if start is None:
            return moved
        changed_at, last = None, before
        deadline = start + PICTURE_TIMEOUT
        while time.perf_counter() < deadline:
            now_picture = cell.evaluate(JS_PICTURE)
            now = time.perf_counter()
            if now_picture != last:
                last = now_picture
                changed_at = now if now_picture != before else None
            elif changed_at is not None and now - changed_at >= STABLE_FOR and last["n"]:
                moved.seconds = changed_at - start
                break
            self.page.wait_for_timeout(20)  # polling the picture: no event marks "drawn"
        if moved.seconds is None:
            moved.problem = (
                f"value {before_value} -> {readout.inner_text()}, but the cell's "
                f"{'picture' if before['kind'] == 'image' else 'output text'} did not change "
                f"within {PICTURE_TIMEOUT:.0f} s"
            )
        return moved

    def _press_until_value_changes(self, handle, readout, key, before_value, moved) -> float | None:
        """Focuses ``handle`` and presses ``key`` until the readout leaves ``before_value``.

        Returns the time of the press that moved the slider, or None (``moved.problem`` says why).
        JupyterLab can take the focus back just after a notebook has run (jupyterlab#18457), so a
        press may land on the notebook instead of the handle: then the handle is focused again and
        the key pressed again, a few times, as a learner would; each retry is noted in the report.
        """
        where = "() => { const a = document.activeElement; return a ? a.tagName + '.' + a.className : 'nothing'; }"
        for attempt in range(1, KEY_ATTEMPTS + 1):
            handle.focus()
            focused = handle.evaluate("h => document.activeElement === h")
            start = time.perf_counter()
            self.page.keyboard.press(key)
            try:
                readout.page.wait_for_function(
                    "([r, v]) => r.innerText !== v",
                    arg=[readout.element_handle(), before_value],
                    timeout=VALUE_TIMEOUT_MS,
                )
            except Exception:
                self.observations.append(
                    f"slider {moved.slider!r} (cell {moved.cell}): key press {attempt} did not move it "
                    f"(handle focused before the press: {focused}; focus now on {self.page.evaluate(where)})"
                )
                continue
            return start
        moved.problem = f"the slider's value stayed {before_value!r} after {KEY_ATTEMPTS} key presses"
        return None

    def click_when_still(self, locator) -> None:
        """Scrolls ``locator`` into view and clicks it once it has stopped moving.

        Cells off screen are laid out with an estimated height (content-visibility) and take
        their real height when scrolled to, which moves everything below them: a click aimed
        before the page settles lands beside its target.
        """
        deadline = time.monotonic() + 10
        previous = None
        while time.monotonic() < deadline:
            locator.scroll_into_view_if_needed()
            self.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            box = locator.bounding_box()
            viewport = self.page.viewport_size
            visible = box and 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"]
            if visible and box == previous:
                break
            previous = box
        locator.click()

    # -- animations ----------------------------------------------------------------------

    def animations(self):
        return self.page.locator(".jp-Notebook .jp-OutputArea-output .animation")

    def step_animation(self, index: int) -> str:
        """Steps animation ``index`` with its buttons; returns what went wrong ('' if nothing)."""
        player = self.animations().nth(index)
        player.scroll_into_view_if_needed()
        image = player.locator("img").first
        src = "i => i.getAttribute('src') || ''"
        if not image.evaluate(src).startswith("data:image"):
            return "the player shows no frame (its script did not run?)"
        player.scroll_into_view_if_needed()
        shown = "i => i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().height > 0"
        try:
            image.page.wait_for_function(shown, arg=image.element_handle(), timeout=3_000)
        except Exception:
            # Seen in Chromium 156 with JupyterLab 4.6: a frame decoded while its cell was off
            # screen keeps a zero height until the cell is clicked. Click the player (not a
            # button), note it, and go on.
            self.observations.append(f"animation {index + 1}: frame had zero height until the player was clicked")
            player.click(position={"x": 2, "y": 2})
        try:  # a frame is decoded and laid out before the buttons below it stop moving
            image.page.wait_for_function(shown, arg=image.element_handle(), timeout=15_000)
        except Exception:
            return "the player's frame image is never displayed"
        first = image.evaluate(src)
        self.click_when_still(player.locator('button[title="Next frame"]'))
        if not _frame_leaves(image, first, timeout_ms=5_000):
            state = player.evaluate(
                "p => { const b = p.querySelector('button[title=\"Next frame\"]');"
                " const name = (b.getAttribute('onclick') || '').split('.')[0];"
                " const a = window[name];"
                " return {onclick: b.getAttribute('onclick'), defined: !!a,"
                " frame: a && a.current_frame, frames: a && a.frames.length, img: a && a.img_id}; }"
            )
            return f"'Next frame' did not change the frame (player state {state})"
        second = image.evaluate(src)
        self.click_when_still(player.locator('button[title="Play"]'))
        advanced = _frame_leaves(image, second, timeout_ms=10_000)
        self.click_when_still(player.locator('button[title="Pause"]'))
        return "" if advanced else "'Play' did not advance the frames"

    # -- pictures --------------------------------------------------------------------------

    def screenshot(self, path: Path) -> None:
        """The whole notebook in one picture: the page is made as tall as the notebook, then restored."""
        path.parent.mkdir(parents=True, exist_ok=True)
        page = self.page
        size = page.viewport_size
        # The element that scrolls the notebook: JupyterLab's notebook panel, or (Voila) the
        # first scrolling element.
        outer = (
            "(document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer')"
            " || [...document.querySelectorAll('body *')].find(e => e.scrollHeight > e.clientHeight + 2"
            " && /(auto|scroll)/.test(getComputedStyle(e).overflowY)))"
        )
        # How much taller the page must be to show the notebook down to its last cell.
        overflow = (
            "() => { const o = " + outer + "; if (!o) return 0;"
            " const cells = o.querySelectorAll('.jp-Cell'); const last = cells[cells.length - 1];"
            " if (!last) return 0;"
            " const bottom = last.getBoundingClientRect().bottom - o.getBoundingClientRect().top + o.scrollTop;"
            " return Math.ceil(bottom + 40 - o.clientHeight); }"
        )
        height = size["height"]
        try:
            for _ in range(5):  # off-screen cells take their real height once shown
                extra = page.evaluate(overflow)
                if extra <= 0 or height >= 16_000:
                    break
                height = min(height + extra, 16_000)
                page.set_viewport_size({"width": size["width"], "height": height})
                page.wait_for_function("() => [...document.images].every(i => i.complete)", timeout=10_000)
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            page.evaluate(f"() => {outer}?.scrollTo(0, 0)")
            page.screenshot(path=str(path))
        finally:
            page.set_viewport_size(size)


def _frame_leaves(image, src: str, timeout_ms: float) -> bool:
    """Whether the player's ``image`` shows another frame than ``src`` within the timeout."""
    try:
        image.page.wait_for_function(
            "([i, s]) => i.getAttribute('src') !== s", arg=[image.element_handle(), src], timeout=timeout_ms
        )
    except Exception:
        return False
    return True


def listing(errors) -> str:
    return "\n".join(f"  cell {e['cell']} ({e['kind']}): {e['text']}" for e in errors)


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
    assert not errors, f"moving the sliders showed errors{where}:\n" + listing(errors)
    stretched = app.stretched_pictures()
    assert not stretched, f"pictures shown wider than drawn (blurry){where}:\n" + "\n".join(
        f"  cell {p['cell']}: drawn {p['drawn']} px wide, shown {p['shown']} px" for p in stretched
    )


def check_voila_app(page, app, name, e2e_report, timeout_ms):
    """A Voila app just requested in ``page``: every widget shows, no error, every slider redraws."""
    rendered = app.wait_for_widgets(app.expected.widget_views, timeout_ms=timeout_ms)
    errors = app.errors()
    assert not errors, "the Voila app shows errors:\n" + listing(errors)
    assert rendered >= app.expected.widget_views, (
        f"{rendered} widgets rendered in Voila; the stored notebook shows {app.expected.widget_views}"
    )
    check_every_slider_redraws(app, f"{name} (Voila)", e2e_report, where=" in Voila")
