"""Sliders over the plot functions of chapters 2, 3, 4 and 6.

Each factory returns an ``ipywidgets.interactive`` widget: its sliders call
one plot function, which draws into the widget's one figure; the widget shows
that figure as a PNG below its sliders (``widget.picture``, an
``ipywidgets.Image``).  The widget's ``result`` holds what
the plot function returned for the current slider values, so a test can set a
slider's ``.value`` and check the drawing.  How the figure is redrawn fast
enough to feel live is in :mod:`nnlearn.pictures._render`.
"""

from __future__ import annotations

import functools

import ipywidgets as widgets

from ..language import tr
from ..linefit import CHAPTER_6
from ._render import live_widget
from .descent import plot_descent, plot_parabola_tangent, show_descent, show_tangent
from .nodes import plot_line_fit, plot_plane, plot_sigmoid_node, show_line


def _slider(description, value, lo, hi, step, continuous=True, fmt=".2f", kind=widgets.FloatSlider, **more):
    control = kind(
        value=value, min=lo, max=hi, step=step, description=tr(description),
        continuous_update=continuous, readout_format=fmt,
        style={"description_width": "initial"}, layout=widgets.Layout(width="420px"), **more,
    )
    control.english_description = description  # what slider() finds it by, in every language
    return control


def slider(widget, description):
    """The slider of ``widget`` whose description is ``description`` (e.g. ``"w"``), in English or as shown."""
    for child in widget.kwargs_widgets:
        if description in (child.description, getattr(child, "english_description", None)):
            return child
    names = [child.description for child in widget.kwargs_widgets]
    raise KeyError(tr("no slider called {name}; the sliders are {names}").format(name=repr(description), names=names))


# ---- chapter 2: fit a line by hand ------------------------------------------
def line_fit_widget(x, y, w=2.0, b=40.0, show_errors=True, best_fit=False):
    """Chapter 2: sliders for ``w`` (slope) and ``b`` (intercept) over :func:`~nnlearn.pictures.nodes.plot_line_fit`.

    The figure's title shows the error of the line for the current values.
    ``w`` runs from -5 to 15 points per hour, ``b`` from 0 to 100 points.
    """
    def draw(ax, w, b):
        return plot_line_fit(x, y, w, b, ax=ax, show_errors=show_errors, best_fit=best_fit)

    return live_widget(draw, show_line, w=_slider("w (slope)", w, -5.0, 15.0, 0.1),
                        b=_slider("b (intercept)", b, 0.0, 100.0, 0.5, fmt=".1f"))


# ---- chapters 3 and 4: a node with two inputs as a surface --------------------
def plane_widget(w1=1.0, w2=-0.5, b=1.0, activation=None):
    """Chapters 3 and 4: sliders for ``w1``, ``w2`` (tilt) and ``b`` (height) over
    :func:`~nnlearn.pictures.nodes.plot_plane`.

    The vertical axis stays fixed (-15 to 15, or 0 to 1 with the sigmoid) so
    that the surface moves, not the axes.  A 3-D redraw takes a moment, so the
    figure is redrawn when a slider is released.
    """
    sigmoid = activation == "sigmoid"
    zlim = (0.0, 1.0) if sigmoid else (-15.0, 15.0)

    def draw(ax, w1, w2, b):
        return plot_plane(w1, w2, b, ax=ax, activation=activation, zlim=zlim)

    return live_widget(draw, w1=_slider("w1", w1, -3.0, 3.0, 0.1, continuous=False),
                        w2=_slider("w2", w2, -3.0, 3.0, 0.1, continuous=False),
                        b=_slider("b", b, -3.0, 3.0, 0.1, continuous=False))


def sigmoid_widget(w=1.0, b=0.0):
    """Chapter 4: sliders for ``w`` and ``b`` over :func:`~nnlearn.pictures.nodes.plot_sigmoid_node`,
    ``y = sigma(w x + b)``."""
    def draw(ax, w, b):
        return plot_sigmoid_node(w, b, ax=ax)

    return live_widget(draw, w=_slider("w", w, -10.0, 10.0, 0.1), b=_slider("b", b, -10.0, 10.0, 0.1))


# ---- chapter 6: the slope of the error, and the learning rate ---------------

def tangent_widget(predicted=1.0, actual=3.0, predicted_range=(-2.0, 8.0)):
    """Chapter 6: a slider ``predicted`` that moves the point on the error parabola and draws its tangent.

    Calls :func:`~nnlearn.pictures.descent.plot_parabola_tangent`; ``widget.result``
    holds what it drew (``result.slope`` is the tangent's slope).
    """
    def draw(ax, predicted):
        return plot_parabola_tangent(predicted, actual=actual, predicted_range=predicted_range, ax=ax)

    lo, hi = predicted_range
    return live_widget(draw, show_tangent, predicted=_slider("predicted", predicted, lo, hi, 0.1))


def learning_rate_widget(fit, start=CHAPTER_6.start, steps=CHAPTER_6.steps, learning_rate=CHAPTER_6.learning_rate,
                         min_exponent=-3, max_exponent=0):
    """Chapter 6: a log-scale learning-rate slider over the descent on ``fit``'s loss (a :class:`~nnlearn.LineFit`).

    Each move runs ``fit.descend`` (once per learning rate: a value the
    slider visited again reuses its descent) and draws it with
    :func:`~nnlearn.pictures.descent.plot_descent`, writing whether descent
    crawls, converges or diverges.  The slider goes from ``10**min_exponent``
    to ``10**max_exponent``.  ``widget.result.status`` holds that word.  ``start``, ``steps`` and
    the first ``learning_rate`` default to chapter 6's (:data:`nnlearn.linefit.CHAPTER_6`).
    """
    @functools.cache
    def descend(learning_rate):  # the slider's values are a few dozen: each descent is run once
        path, diverged = fit.descend(start, learning_rate, steps)
        path.flags.writeable = False
        return path, fit.status(path, diverged)

    def shown(learning_rate):
        """What the picture shows for ``learning_rate``: the path, the status in words, the title."""
        path, status = descend(learning_rate)
        words = {"crawling": tr("crawling: still far from the bottom"),
                 "converged": tr("converged: at the bottom"),
                 "diverged": tr("diverged: each step overshoots, the loss grows")}[status]
        title = tr("learning rate {rate:.3g}, {n} steps").format(rate=learning_rate, n=len(path) - 1)
        return {"path": path, "status": words, "title": title}, status

    def draw(ax, learning_rate):
        values, status = shown(learning_rate)
        drawn = plot_descent(fit, axes=ax, **values)
        drawn.status = status
        return drawn

    def update(drawn, learning_rate):  # the same start: the loss surface stays, the path moves
        values, status = shown(learning_rate)
        drawn = show_descent(drawn, **values)
        drawn.status = status
        return drawn

    lr_slider = _slider("learning rate", learning_rate, min_exponent, max_exponent, 0.05, continuous=False,
                        fmt=".3f", kind=widgets.FloatLogSlider, base=10)
    return live_widget(draw, update, learning_rate=lr_slider)
