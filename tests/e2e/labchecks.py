"""Checks of the lab (notebook 09) in a real browser, driven with the mouse: the English edition in
JupyterLab (tests/e2e/test_notebooks_in_lab.py), the Chinese one as a Voila app started by
``nnlearn lab --lang zh`` (tests/e2e/test_command_in_browser.py).

The pad: strokes drawn with Playwright's mouse on the canvas (a "1", a "0" and a "7", the
strokes of ``EXAMPLE_STROKES``) are read as 1, 0 and 7; Clear empties the pad; the time from
lifting the mouse to the new picture on screen is measured in the page. The live training
view: Play changes the diagram (edge widths, node maps) and the regions, frame after frame;
Pause stops them; the frames a second are measured in the page; two hidden layers solve the
spirals. Screenshots go to ``tests/e2e/artifacts/`` (``lab-*.png``), timings to the summary.
"""

from __future__ import annotations

import re
import statistics
import time

from nnlearn.language import catalog
from nnlearn.pictures.drawpad import EXAMPLE_STROKES


def say(text: str, language: str) -> str:
    """What the lab shows for ``text`` in ``language`` (its catalog entry; English as written)."""
    return text if language == "en" else catalog(language)[text]

# In the page: when the mouse is lifted, and when the pad's picture and the training view's
# picture change (a MutationObserver on their <img> src), in performance.now() milliseconds.
JS_WATCH = """() => {
  const w = window.__lab = {ups: [], pad: [], frames: []};
  document.addEventListener('mouseup', () => w.ups.push(performance.now()), true);
  const watch = (img, list) => new MutationObserver(() => list.push(performance.now()))
    .observe(img, {attributes: true, attributeFilter: ['src']});
  watch(document.querySelector('.nnlearn-drawpad img'), w.pad);
  watch(document.querySelector('.nnlearn-playground img'), w.frames);
}"""

# A hash of the pixels of a part of the training view's picture, (x0, x1) as fractions of its width.
# While Play runs, the picture's src is replaced about ten times a second and the new one has no
# size until it is decoded: wait (up to 5 s) for a decoded picture before reading its pixels.
JS_PART = """async ([x0, x1, y0, y1]) => {
  const img = document.querySelector('.nnlearn-playground img');
  for (let i = 0; i < 250 && !(img.complete && img.naturalWidth > 0); i++)
    await new Promise(r => setTimeout(r, 20));
  if (!(img.complete && img.naturalWidth > 0)) throw new Error('the training view never showed a decoded picture');
  const c = document.createElement('canvas');
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const g = c.getContext('2d'); g.drawImage(img, 0, 0);
  const d = g.getImageData(Math.round(x0 * c.width), Math.round(y0 * c.height),
                           Math.round((x1 - x0) * c.width), Math.round((y1 - y0) * c.height)).data;
  let h = 2166136261;
  for (let i = 0; i < d.length; i += 7) { h ^= d[i]; h = Math.imul(h, 16777619); }
  return h >>> 0;
}"""
DIAGRAM = (0.0, 0.6, 0.1, 0.9)  # the network diagram: edges and node maps
REGIONS = (0.65, 0.9, 0.1, 0.65)  # the output's regions

JS_INKED = """() => {
  const el = document.querySelector('.nnlearn-pad');
  const canvas = el.tagName === 'CANVAS' ? el : el.querySelector('canvas');
  const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) n += d[i] > 128;
  return n;
}"""


def _settle(page, locator):
    """Scroll ``locator`` into view and wait until it stops moving; returns its box."""
    previous = None
    for _ in range(50):
        locator.scroll_into_view_if_needed()
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        box = locator.bounding_box()
        if box and box == previous:
            return box
        previous = box
    return previous


def _answer(page):
    return page.locator(".nnlearn-pad-answer").inner_text().strip()


def _wait_answer(page, words, timeout_ms=30_000):
    page.wait_for_function(
        "w => (document.querySelector('.nnlearn-pad-answer')?.innerText || '').includes(w)", arg=words,
        timeout=timeout_ms,
    )


def _status(page):
    return page.locator(".nnlearn-playground-status").inner_text().strip()


def _reads(language):
    """The start of "the network reads: 7" in ``language``."""
    return say("the network reads: {digit}", language).split("{digit}")[0].rstrip(" ：:")


def draw_digits(page, artifacts, where, language="en"):
    """Draws each example digit with the mouse; returns ({digit: answer}, [seconds from mouse up to picture])."""
    page.evaluate(JS_WATCH)
    pad = page.locator(".nnlearn-pad").first
    clear = page.locator(f".nnlearn-drawpad button:has-text('{say('Clear', language)}')").first
    answers, latencies = {}, []
    for digit, strokes in EXAMPLE_STROKES.items():
        clear.click()
        _wait_answer(page, say("draw a digit", language))
        box = _settle(page, pad)
        for stroke in strokes:
            page.mouse.move(box["x"] + stroke[0][0], box["y"] + stroke[0][1])
            page.mouse.down()
            for x, y in stroke[1:]:
                page.mouse.move(box["x"] + x, box["y"] + y)
            before = page.evaluate("() => window.__lab.pad.length")
            page.mouse.up()
            page.wait_for_function(f"() => window.__lab.pad.length > {before}", timeout=30_000)
            latencies.append(page.evaluate("() => (window.__lab.pad.at(-1) - window.__lab.ups.at(-1)) / 1000"))
        _wait_answer(page, _reads(language))
        answers[digit] = int(re.search(r"(\d)\s*$", _answer(page)).group(1))
        page.wait_for_timeout(300)  # the new picture decoded and shown
        page.locator(".nnlearn-drawpad").first.screenshot(path=str(artifacts / f"lab-{where}-drew-{digit}.png"))
    return answers, latencies


def check_clear(page, language="en"):
    assert page.evaluate(JS_INKED) > 0, "the pad shows no ink before Clear"
    page.locator(f".nnlearn-drawpad button:has-text('{say('Clear', language)}')").first.click()
    _wait_answer(page, say("draw a digit", language))
    page.wait_for_function(f"() => ({JS_INKED})() === 0", timeout=10_000)
    page.locator(f".nnlearn-drawpad button:has-text('{say('test digit', language)}')").first.click()
    _wait_answer(page, _reads(language))
    assert page.evaluate(JS_INKED) > 0, "the test digit does not show on the pad"


def play_and_pause(page, seconds=4.0):
    """Play for ``seconds``: returns (frames a second, diagram changed, regions changed, frames after Pause)."""
    view = page.locator(".nnlearn-playground").first
    _settle(page, view.locator("img").first)
    diagram, regions = page.evaluate(JS_PART, DIAGRAM), page.evaluate(JS_PART, REGIONS)
    start_frames = page.evaluate("() => window.__lab.frames.length")
    view.locator(".widget-play button:has(.fa-play)").click()
    page.wait_for_timeout(seconds * 1000)
    times = page.evaluate("() => window.__lab.frames")[start_frames:]
    rate = (len(times) - 1) / ((times[-1] - times[0]) / 1000) if len(times) > 1 else 0.0
    diagram_changed = page.evaluate(JS_PART, DIAGRAM) != diagram
    regions_changed = page.evaluate(JS_PART, REGIONS) != regions
    view.locator(".widget-play button:has(.fa-pause)").click()
    page.wait_for_timeout(1000)  # frames already asked for are still drawn
    settled = page.evaluate("() => window.__lab.frames.length")
    page.wait_for_timeout(2000)
    after_pause = page.evaluate("() => window.__lab.frames.length") - settled
    return rate, diagram_changed, regions_changed, after_pause


def _set_readout(page, description, value):
    """Type ``value`` into the readout of the training view's slider called ``description``."""
    slider = page.locator(f".nnlearn-playground .widget-slider:has(.widget-label:text-is('{description}'))").first
    readout = slider.locator(".widget-readout")
    readout.fill(str(value))
    readout.press("Enter")
    try:
        page.wait_for_function("([r, v]) => parseFloat(r.innerText) === parseFloat(v)",
                               arg=[readout.element_handle(), str(value)], timeout=10_000)
    except Exception as error:
        raise AssertionError(f"slider {description!r} shows {readout.inner_text()!r}, not {value!r}") from error


def solve_spirals(page, artifacts, timeout=60.0):
    """Spirals, two hidden layers of 8, learning rate 5, 100 steps a frame: Play until 95 % right."""
    view = page.locator(".nnlearn-playground").first
    view.locator(".widget-toggle-buttons button:has-text('spirals')").click()
    page.wait_for_timeout(500)
    for description, value in (("hidden nodes", 8), ("hidden layers", 2), ("learning rate", 5),
                               ("steps a frame", 100), ("noise", "0.05")):
        _set_readout(page, description, value)
        page.wait_for_timeout(300)
    view.locator(".widget-play button:has(.fa-play)").click()
    start = time.perf_counter()
    right = 0
    while time.perf_counter() - start < timeout:
        text = _status(page)
        right = int(text.split(": ")[1].split("%")[0]) if "%" in text else 0
        if right >= 95:
            break
        page.wait_for_timeout(250)
    view.locator(".widget-play button:has(.fa-pause)").click()
    page.wait_for_timeout(1000)
    view.screenshot(path=str(artifacts / "lab-spirals.png"))
    return right, time.perf_counter() - start, _status(page)


def check_pad_and_training(page, artifacts, e2e_report, where, language="en"):
    """Draw 1, 0, 7 (read right), Clear (empties the pad), Play (the diagram and the regions change),
    Pause (no frame after it); the timings go to the summary under ``where``."""
    answers, latencies = draw_digits(page, artifacts, where.split()[-1].lower(), language)
    check_clear(page, language)
    rate, diagram_changed, regions_changed, after_pause = play_and_pause(page)
    e2e_report.note(
        f"09_lab {where}",
        f"drew 1, 0, 7 -> read {answers[1]}, {answers[0]}, {answers[7]}; mouse up -> new outputs on screen: "
        f"median {1000 * statistics.median(latencies):.0f} ms, max {1000 * max(latencies):.0f} ms "
        f"({len(latencies)} strokes); training view: {rate:.1f} frames a second (2-4-4-1, XOR), "
        f"{after_pause} frames after Pause settled",
    )
    assert answers == {1: 1, 0: 0, 7: 7}, f"drawn digits read as {answers}"
    assert diagram_changed and regions_changed, "Play did not change the diagram and the regions"
    assert after_pause == 0, f"{after_pause} frames came after Pause had settled"

