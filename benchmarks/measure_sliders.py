"""5. Slider feel: from setting a slider's value to the finished PNG, for every widget factory."""

from __future__ import annotations

import contextlib
import importlib
import inspect
import io
import time

import matplotlib.pyplot as plt
import numpy as np
from common import LAYERS, median, p90, timed

import nnlearn
from nnlearn.data import load_digits

SAMPLE_ARGUMENTS = {}


def sample_arguments():
    """Values for factory parameters that have no default, by the names the package uses."""
    if not SAMPLE_ARGUMENTS:
        from nnlearn.data import study_hours

        hours, scores = study_hours()
        X, y, X_test, y_test = load_digits()
        net = nnlearn.Network(LAYERS, seed=0)
        net.fit(X, y, epochs=1)
        SAMPLE_ARGUMENTS.update(
            x=hours, hours=hours, y=scores, scores=scores, fit=nnlearn.linefit.CHAPTER_6.fit(),
            X=X_test, X_test=X_test, y_test=y_test,
            labels=y_test, images=X_test, network=net, net=net, digit=X_test[0], image=X_test[0])
    return SAMPLE_ARGUMENTS


def sliders_of(widget):
    """Every slider inside ``widget``, depth first."""
    import ipywidgets

    found, stack = [], [widget]
    while stack:
        w = stack.pop()
        if isinstance(w, (ipywidgets.FloatSlider, ipywidgets.IntSlider, ipywidgets.FloatLogSlider,
                          ipywidgets.SelectionSlider)):
            found.append(w)
        stack.extend(reversed(getattr(w, "children", ())))
    return found


def slider_values(slider, count):
    """``count`` values spread over the slider's range, visited back and forth."""
    import ipywidgets

    if isinstance(slider, ipywidgets.SelectionSlider):
        options = list(slider.options)
        picks = [options[round(i)][1] if isinstance(options[0], tuple) else options[round(i)]
                 for i in np.linspace(0, len(options) - 1, min(count, len(options)))]
    else:
        lo, hi = slider.min, slider.max
        picks = list(np.linspace(lo, hi, count))
        if isinstance(slider, ipywidgets.FloatLogSlider):
            picks = [slider.base ** p for p in picks]
        if isinstance(slider, ipywidgets.IntSlider):
            picks = [int(round(p)) for p in picks]
    return [p for p in picks[1:] + picks[::-1][1:]]


def baseline_figure(moves):
    """This machine's floor: a new figure with one line, rendered to PNG as the inline backend does."""
    from IPython.core.pylabtools import print_figure
    from matplotlib_inline.backend_inline import InlineBackend

    kwargs = InlineBackend.instance().print_figure_kwargs

    def draw():
        fig, ax = plt.subplots()
        ax.plot([0, 1], [0, 1])
        print_figure(fig, "png", **kwargs)
        plt.close(fig)

    draw()
    times = [timed(draw) for _ in range(2 * moves)]
    return {"-": {"median_ms": median(times) * 1e3, "p90_ms": p90(times) * 1e3, "moves": len(times),
                  "pngs": len(times), "callback_ms": None}}


class InlineShell:
    """An in-process IPython shell with the inline backend, as in a notebook (figures shown by pyplot are
    rendered to PNG and published)."""

    def __init__(self):
        from IPython.core.interactiveshell import InteractiveShell

        class Shell(InteractiveShell):
            def enable_gui(self, gui=None):  # the inline backend needs no GUI event loop
                pass

        self.shell = Shell.instance()
        self.shell.run_line_magic("matplotlib", "inline")
        # the name a Jupyter kernel reports, which ipywidgets checks before showing figures
        plt.switch_backend("module://matplotlib_inline.backend_inline")
        self.published = []
        self.shell.display_pub.publish = lambda data, *a, **k: self.published.append(sorted(data))


def bench_sliders(moves):
    try:
        widgets_module = importlib.import_module("nnlearn.pictures.widgets")
    except ImportError as error:
        return {"error": str(error)}
    inline = InlineShell()
    results = {"(baseline: one line, new figure)": baseline_figure(moves)}
    for name, factory in inspect.getmembers(widgets_module, inspect.isfunction):
        if name.startswith("_") or factory.__module__ != widgets_module.__name__:
            continue
        params = inspect.signature(factory).parameters.values()
        required = [p.name for p in params if p.default is p.empty
                    and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
        if not required or all(r in sample_arguments() for r in required):
            kwargs = {r: sample_arguments()[r] for r in required}
        else:
            if name.endswith("_widget"):  # a factory we cannot call; other functions are helpers
                results[name] = {"skipped": f"needs {', '.join(required)}"}
            continue
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                widget = factory(**kwargs)
        except Exception as error:
            results[name] = {"skipped": f"{type(error).__name__}: {error}"[:120]}
            continue
        sliders = sliders_of(widget) if hasattr(widget, "keys") or hasattr(widget, "children") else []
        if not sliders:
            continue  # not a widget factory (or a widget without sliders)
        results[name] = {}
        callback = []
        if callable(getattr(widget, "f", None)):  # interactive: time its function apart from the PNG
            def timed_f(*a, _f=widget.f, _times=callback, **k):
                start = time.perf_counter()
                try:
                    return _f(*a, **k)
                finally:
                    _times.append(time.perf_counter() - start)

            widget.f = timed_f
        pictures = []  # PNGs shown in the widget's Image (nnlearn's widgets), besides published ones
        if hasattr(widget, "picture"):
            widget.picture.observe(lambda change, _shown=pictures: _shown.append(1), names="value")
        for slider in sliders:
            times, pngs = [], 0
            callback.clear()
            for value in slider_values(slider, moves):
                before, before_pictures = len(inline.published), len(pictures)
                with contextlib.redirect_stdout(io.StringIO()):
                    start = time.perf_counter()
                    slider.value = value
                    times.append(time.perf_counter() - start)
                pngs += sum("image/png" in data for data in inline.published[before:])
                pngs += len(pictures) - before_pictures
            results[name][slider.description] = {
                "median_ms": median(times) * 1e3, "p90_ms": p90(times) * 1e3, "moves": len(times),
                "pngs": pngs, "callback_ms": median(callback) * 1e3 if callback else None}
        plt.close("all")
    return results

