"""5. Slider feel: from setting a slider's value to the finished picture, for every widget with a slider
that the notebooks show (:func:`course_widgets`), made as the notebooks make it."""

from __future__ import annotations

import contextlib
import io
import time

import matplotlib.pyplot as plt
import numpy as np
from common import median, p90, timed


def course_widgets():
    """Every widget with sliders that the notebooks show: row name -> (notebooks, widget name, make).

    ``make()`` builds the widget with the arguments its notebook passes (the English edition's cells;
    the Chinese ones are the same code). ``tests/test_benchmarks_report.py`` checks that every widget a
    notebook makes is here.
    """
    import nnlearn
    from nnlearn.data import study_hours
    from nnlearn.pictures import backprop, widgets
    from nnlearn.pictures.playground_widget import Playground

    def chapter_6_descent():  # notebook 06's cells
        problem = nnlearn.linefit.CHAPTER_6
        return widgets.learning_rate_widget(problem.fit(), start=problem.start, steps=problem.steps,
                                            learning_rate=problem.learning_rate)

    def chapter_7_stepper():  # notebook 07's tiny network, before its update step
        original = nnlearn.Network([2, 2, 2], seed=0)
        original.layers[0].W[:], original.layers[0].b[:] = [[0.15, 0.25], [0.20, 0.30]], 0.35
        original.layers[1].W[:], original.layers[1].b[:] = [[0.40, 0.50], [0.45, 0.55]], 0.60
        return backprop.backprop_stepper(original, np.array([0.05, 0.10]), np.array([0.01, 0.99]), learning_rate=0.5)

    return {
        "line_fit_widget": ("02", "line_fit_widget", lambda: widgets.line_fit_widget(*study_hours(), w=2.0, b=40.0)),
        "plane_widget": ("03", "plane_widget", lambda: widgets.plane_widget(w1=1.0, w2=-0.5, b=1.0)),
        "sigmoid_widget": ("04", "sigmoid_widget", lambda: widgets.sigmoid_widget(w=1.0, b=0.0)),
        "plane_widget, sigmoid": ("04", "plane_widget",
                                  lambda: widgets.plane_widget(w1=2.0, w2=2.0, b=-1.0, activation="sigmoid")),
        "Playground": ("04, 09", "Playground", lambda: Playground("xor", hidden_nodes=4, hidden_layers=2)),
        "tangent_widget": ("06", "tangent_widget", lambda: widgets.tangent_widget(predicted=1.0, actual=3.0)),
        "learning_rate_widget": ("06", "learning_rate_widget", chapter_6_descent),
        "backprop_stepper": ("07", "backprop_stepper", chapter_7_stepper),
    }


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
    """About ``2 * (count - 1)`` values spread over the slider's range, visited there and back (again, for a
    slider with few positions), never the value it has just before: every value set is a move."""
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
    tour = picks[1:] + picks[::-1][1:]
    values, last = [], slider.value
    while len(values) < 2 * (count - 1) and any(v != last for v in tour):
        for v in tour:
            if v != last and len(values) < 2 * (count - 1):
                values.append(v)
                last = v
    return values


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
    return {"-": {"notebooks": "", "median_ms": median(times) * 1e3, "p90_ms": p90(times) * 1e3,
                  "moves": len(times), "pngs": len(times), "callback_ms": None}}


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


def time_callback(widget):
    """Times ``widget.f`` (an ``interactive``'s own function, apart from the picture), if it has one."""
    callback = []
    if callable(getattr(widget, "f", None)):
        def timed_f(*a, _f=widget.f, _times=callback, **k):
            start = time.perf_counter()
            try:
                return _f(*a, **k)
            finally:
                _times.append(time.perf_counter() - start)

        widget.f = timed_f
    return callback


def bench_widget(widget, notebooks, moves, inline):
    """Each slider of ``widget`` moved to new values: the time to its new picture, per slider."""
    results = {}
    callback = time_callback(widget)
    pictures = []  # pictures shown in the widget's Image (nnlearn's widgets), besides published ones
    if hasattr(widget, "picture"):
        widget.picture.observe(lambda change, _shown=pictures: _shown.append(1), names="value")
    for slider in sliders_of(widget):
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
        results[slider.description] = {
            "notebooks": notebooks, "median_ms": median(times) * 1e3, "p90_ms": p90(times) * 1e3,
            "moves": len(times), "pngs": pngs, "callback_ms": median(callback) * 1e3 if callback else None}
    return results


def bench_sliders(moves, only=None):
    """Section 5 for every widget of :func:`course_widgets` (or those named in ``only``)."""
    try:
        made = course_widgets()
    except ImportError as error:
        return {"error": str(error)}
    inline = InlineShell()
    results = {"(baseline: one line, new figure)": baseline_figure(moves)}
    for name, (notebooks, _, make) in made.items():
        if only and name not in only:
            continue
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                widget = make()
        except Exception as error:
            results[name] = {"skipped": f"{type(error).__name__}: {error}"[:120]}
            continue
        results[name] = bench_widget(widget, notebooks, moves, inline)
        plt.close("all")
    return results
