"""Sliders over the figures of :mod:`nnlearn.plots`.

Each factory returns an ``ipywidgets.interactive`` widget: its sliders call
one plot function, which draws a new figure into the widget's output area
(with the default ``%matplotlib inline`` backend, a new PNG per move).  The
widget's ``result`` holds what the plot function returned for the current
slider values, so a test can set a slider's ``.value`` and check the drawing.

Layout of this file: chapters 1-4 widgets first; chapters 5-8 widgets are
appended at the end, below the marked section comment, by the chapters 5-8
notebooks.
"""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt

from . import plots  # noqa: F401  (the widgets below draw with it)


def _slider(description, value, lo, hi, step, continuous=True, fmt=".2f"):
    return widgets.FloatSlider(
        value=value, min=lo, max=hi, step=step, description=description,
        continuous_update=continuous, readout_format=fmt,
        style={"description_width": "initial"}, layout=widgets.Layout(width="420px"),
    )


def _interactive(draw, **sliders):
    """An ``interactive`` widget that closes the previous figure before each redraw.

    With the inline backend the figure is shown and closed after every call;
    with any other backend (tests use Agg) the previous figure is closed here
    so that moving a slider many times does not pile up open figures.
    """
    state = {"fig": None}

    def redraw(**values):
        if state["fig"] is not None:
            plt.close(state["fig"])
        result = draw(**values)
        state["fig"] = _figure_of(result)
        return result

    return widgets.interactive(redraw, **sliders)


def _figure_of(result):
    fig = getattr(result, "fig", None)
    if fig is None and getattr(result, "ax", None) is not None:
        fig = result.ax.figure
    return fig


def slider(widget, description):
    """The slider of ``widget`` whose description is ``description`` (e.g. ``"w"``)."""
    for child in widget.kwargs_widgets:
        if child.description == description:
            return child
    names = [child.description for child in widget.kwargs_widgets]
    raise KeyError(f"no slider called {description!r}; the sliders are {names}")


# ---- chapters 5-8 widgets below (owned by the chapters 5-8 notebooks) ----
