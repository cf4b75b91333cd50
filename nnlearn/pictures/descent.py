r"""Chapter 6 in pictures: the error parabola and its tangent, the loss surface, descent on it.

The article pictures the error as a parabola opening upwards and gradient
descent as a ball rolling down to its lowest point, then shows the same thing
on a real problem: the line fit of chapter 2 (a :class:`nnlearn.linefit.LineFit`),
whose point on the loss surface (left) rolls downhill while the line gets
better on the data (right).  The maths is in :mod:`nnlearn.linefit`; here it
is only drawn.

Every function takes an optional ``ax`` (or ``axes``), returns a
:class:`~nnlearn.pictures.style.Drawn` dict of what it drew and never calls ``plt.show()``.
"""

from __future__ import annotations

import numpy as np

from .._checks import as_float_array, positive_float
from ..descent import gradient_descent
from ..language import tr
from ..linefit import CHAPTER_6, parabola_error, parabola_slope, two_valleys, two_valleys_slope
from .style import ACCENT, BEST, DATA, MUTED, PATH, PREDICTION, SMALL, TITLE, Drawn, axes_for, style_axes

HOURS_SHOWN = (0.0, 10.5)  # the hours axis of the data panel


def plot_parabola_tangent(predicted, actual=3.0, predicted_range=(-2.0, 8.0), ax=None):
    """The error parabola over the prediction, the point at ``predicted`` and its tangent, with its slope.

    Returns ``ax``, ``curve``, ``point``, ``tangent`` (Line2D objects),
    ``slope`` (a float), ``text`` (the caption) and ``still`` (the parabola,
    which no point changes); :func:`show_tangent` moves the point.
    """
    as_float_array("predicted", predicted, ndim=0)  # checked before a figure is made
    lo, hi = (float(v) for v in predicted_range)
    if not lo < hi:
        raise ValueError(tr("predicted_range must be (low, high) with low < high, got {value}").format(
            value=predicted_range))
    ax = axes_for(ax, (6, 4))
    grid = np.linspace(lo, hi, 201)
    errors = parabola_error(grid, actual)
    curve, = ax.plot(grid, errors, color=DATA, lw=2, label=tr("error E = ½ (actual − predicted)²"))
    tangent, = ax.plot([], [], color=ACCENT, lw=2.5)
    point, = ax.plot([], [], "o", color=PATH, ms=10, zorder=3)
    ax.axvline(actual, color=MUTED, ls=":", lw=1)
    top = float(errors.max())
    ax.set_xlim(lo, hi)
    ax.set_ylim(-0.08 * top, 1.6 * top)
    style_axes(ax, None, "predicted", "error E")
    drawn = Drawn(ax=ax, fig=ax.figure, curve=curve, point=point, tangent=tangent, text=ax.title, actual=actual,
                  predicted_range=(lo, hi), still=[curve])
    return show_tangent(drawn, predicted)


def show_tangent(drawn, predicted):
    """Move the point of a picture from :func:`plot_parabola_tangent` to ``predicted``, with its tangent.

    The same picture as ``plot_parabola_tangent(predicted, ...)`` with the picture's
    ``actual`` and range, from new data and texts for the same artists.  Returns
    ``drawn`` with ``slope`` updated.
    """
    w = float(as_float_array("predicted", predicted, ndim=0))
    actual, (lo, hi) = drawn.actual, drawn.predicted_range
    e, slope = parabola_error(w, actual), parabola_slope(w, actual)
    half = 0.2 * (hi - lo)
    tx = np.array([w - half, w + half])
    drawn.tangent.set_data(tx, e + slope * (tx - w))
    drawn.tangent.set_label(tr("tangent, slope {slope:+.2f}").format(slope=slope))
    drawn.point.set_data([w], [e])
    drawn.point.set_label(tr("predicted = {w:.2f}").format(w=w))
    if abs(slope) < 1e-9:
        advice = tr("slope 0: the bottom, the smallest error")
    elif slope > 0:
        advice = tr("slope {slope:+.2f}: downhill is to the left").format(slope=slope)
    else:
        advice = tr("slope {slope:+.2f}: downhill is to the right").format(slope=slope)
    style_axes(drawn.ax, tr("actual = {actual:g}; {advice}").format(actual=actual, advice=advice))
    drawn.ax.legend(loc="upper center", fontsize=SMALL, framealpha=0.9)
    drawn.slope = slope
    return drawn


def surface_window(fit, start):
    """The ``(w_range, b_range)`` that shows both ``start`` and the bottom of ``fit``'s loss surface."""
    start = np.asarray(start, dtype=float)
    span = np.maximum(np.abs(fit.best - start) * 1.4, [2.0, 10.0])
    return (fit.best[0] - span[0], fit.best[0] + span[0]), (fit.best[1] - span[1], fit.best[1] + span[1])


def plot_loss_surface(fit, w_range=(-8.0, 18.0), b_range=(20.0, 130.0), ax=None, levels=14):
    """Contour lines of the line fit's loss over ``(w, b)``, the minimum marked with a star.

    Levels are spaced evenly on a log scale so the valley floor shows as well
    as its walls.  Returns ``ax``, ``contours``, ``minimum``, ``best``.
    """
    ax = axes_for(ax, (5, 4))
    W, B, loss = fit.loss_grid(w_range, b_range)
    contours = ax.contour(W, B, loss, levels=np.geomspace(fit.best_loss * 1.05, loss.max(), levels),
                          cmap="viridis", linewidths=1)
    minimum, = ax.plot([fit.best[0]], [fit.best[1]], "*", color=BEST, ms=14, label=tr("lowest loss"))
    ax.set_xlim(*w_range)
    ax.set_ylim(*b_range)
    style_axes(ax, "Loss E(w, b)", "slope w (points per hour)", "intercept b (points)")
    return Drawn(ax=ax, fig=ax.figure, contours=contours, minimum=minimum, best=fit.best)


def step_caption(fit, path, step, status=None) -> str:
    """``step k: w = ..., b = ..., loss = ...`` for row ``step`` of a descent path, and the status."""
    w, b = path[step]
    words = tr("step {step}: w = {w:.2f}, b = {b:.2f}, loss = {loss:.4g}").format(
        step=step, w=w, b=b, loss=fit.loss(path[step]))
    return f"{words}\n{tr(status)}" if status else words


def line_label(fit, w, b) -> str:
    return tr("score = {w:.2f} (hours − {center:g}) + {b:.2f}").format(w=w, center=fit.center, b=b)


def plot_descent(fit, path, step=None, axes=None, status=None, title=None):
    """Two panels: the descent path on the loss surface (left) and the line at ``step`` on the data (right).

    ``step`` defaults to the last row of ``path``.  ``status`` (for example
    ``"diverged"``) is written on the left panel.  Returns ``axes``,
    ``path_line``, ``ball``, ``fit_line``, ``points``, ``step``, ``text``,
    ``window``, ``legend`` and ``still`` (what no path changes: the loss
    surface, its minimum, the data).  :func:`show_descent` shows another path
    on the same panels.
    """
    path = as_float_array("path", path, ndim=2)
    _step_of(path, step)  # checked before a figure is made
    left, right = axes = axes_for(axes, (11, 4.2), ncols=2)
    window = surface_window(fit, path[0])
    surface = plot_loss_surface(fit, *window, ax=left)
    path_line, = left.plot([], [], "-", color=PATH, lw=1.5, marker=".", ms=5)
    ball, = left.plot([], [], "o", color=PATH, ms=11, zorder=3)
    text = left.text(0.02, 0.98, "", transform=left.transAxes, va="top", fontsize=SMALL,
                     bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"})

    points = right.scatter(fit.hours, fit.scores, color=DATA, s=25, label=tr("students"))
    fit_line, = right.plot([], [], color=PREDICTION, lw=2.5)
    right.set_xlim(*HOURS_SHOWN)
    right.set_ylim(0, 120)
    style_axes(right, "The line on the data", "hours studied", "exam score (points)")
    drawn = Drawn(axes=axes, fig=left.figure, fit=fit, path_line=path_line, ball=ball, fit_line=fit_line,
                  points=points, text=text, window=window, surface_title=left.get_title(),
                  still=[surface.contours, surface.minimum, points])
    return show_descent(drawn, path, step, status, title)


def show_descent(drawn, path, step=None, status=None, title=None):
    """Show another descent ``path`` of the same fit, from the same start, on the panels of :func:`plot_descent`.

    The same picture as ``plot_descent(fit, path, step, status=status, title=title)``,
    from new data and texts for the same artists (the loss surface stays).
    Returns ``drawn`` with ``step`` and ``legend`` updated.
    """
    path = as_float_array("path", path, ndim=2)
    step = _step_of(path, step)
    fit = drawn.fit
    if surface_window(fit, path[0]) != drawn.window:
        raise ValueError(tr("path must start where the drawn paths start, {start}; draw it with plot_descent").format(
            start=drawn.path_line.get_xydata()[0].tolist()))
    left, right = drawn.axes
    drawn.path_line.set_data(path[: step + 1, 0], path[: step + 1, 1])
    drawn.ball.set_data([path[step, 0]], [path[step, 1]])
    drawn.text.set_text(step_caption(fit, path, step, status))
    if title:
        style_axes(left, title)
    else:
        left.set_title(drawn.surface_title, fontsize=TITLE)

    w, b = path[step]
    drawn.fit_line.set_data(HOURS_SHOWN, fit.line((w, b), HOURS_SHOWN))
    drawn.fit_line.set_label(line_label(fit, w, b))
    drawn.legend = right.legend(loc="lower right", fontsize=SMALL)
    drawn.step = step
    return drawn


def _step_of(path, step):
    """``step`` of ``path`` (its last row when None), checked."""
    step = len(path) - 1 if step is None else int(step)
    if not 0 <= step < len(path):
        raise ValueError(tr("step must be between 0 and {last}, got {step}").format(last=len(path) - 1, step=step))
    return step


def plot_learning_rates(fit, learning_rates=CHAPTER_6.learning_rates, start=CHAPTER_6.start, steps=CHAPTER_6.steps,
                        ax=None):
    """The loss after each step for several learning rates, on a log scale.

    Shows crawling (too small), converging, and diverging (too large) side by
    side; by default chapter 6's rates, start and steps
    (:data:`nnlearn.linefit.CHAPTER_6`).  Returns ``ax``, ``lines`` (one per learning rate) and ``status``
    (``"crawling"``, ``"converged"`` or ``"diverged"`` for each).
    """
    ax = axes_for(ax, (6, 4))
    lines, status = [], []
    for lr in learning_rates:
        lr = positive_float("learning_rates", lr)
        path, diverged = fit.descend(start, lr, steps)
        state = fit.status(path, diverged)
        line, = ax.plot(range(len(path)), [fit.loss(p) for p in path], marker=".", lw=2,
                        label=tr("learning rate {rate:g}: {state}").format(rate=lr, state=tr(state)))
        lines.append(line)
        status.append(state)
    ax.axhline(fit.best_loss, color=BEST, ls=":", lw=1,
               label=tr("lowest possible loss {loss:.1f}").format(loss=fit.best_loss))
    ax.set_yscale("log")
    ax.set_xlim(0, steps)
    ax.legend(fontsize=SMALL)
    style_axes(ax, "Loss during descent", "step", "loss E(w, b) (log scale)")
    return Drawn(ax=ax, fig=ax.figure, lines=lines, status=status)


def plot_valley(fit, path, ax=None, title=None, levels=12):
    """The loss valley of ``fit`` around a descent ``path``, drawn with equal scales on both axes.

    With equal scales a round valley looks round and a narrow one narrow, and
    each step of descent is seen crossing the contour lines at right angles, as
    the gradient does.  Returns ``ax``, ``contours``, ``path_line`` and ``minimum``.
    """
    path = as_float_array("path", path, ndim=2)
    ax = axes_for(ax, (5, 5))
    corners = np.vstack([path, fit.best])
    middle = (corners.max(axis=0) + corners.min(axis=0)) / 2
    half = 0.6 * float(np.max(corners.max(axis=0) - corners.min(axis=0))) + 1.0
    w_range, b_range = (middle[0] - half, middle[0] + half), (middle[1] - half, middle[1] + half)
    W, B, loss = fit.loss_grid(w_range, b_range)
    contours = ax.contour(W, B, loss, levels=np.geomspace(fit.best_loss * 1.05, loss.max(), levels),
                          cmap="viridis", linewidths=1)
    path_line, = ax.plot(path[:, 0], path[:, 1], "-", color=PATH, lw=1.5, marker=".", ms=4,
                         label=tr("descent, {n} steps").format(n=len(path) - 1))
    minimum, = ax.plot([fit.best[0]], [fit.best[1]], "*", color=BEST, ms=14, label=tr("lowest loss"))
    ax.set_xlim(*w_range)
    ax.set_ylim(*b_range)
    ax.set_aspect("equal")
    ax.legend(loc="best", fontsize=SMALL)
    style_axes(ax, title, "slope w (points per hour)", "intercept b (points)")
    return Drawn(ax=ax, fig=ax.figure, contours=contours, path_line=path_line, minimum=minimum)


def plot_two_valleys(starts=(-2.2, 2.2), learning_rate=0.05, steps=60, ax=None, x_range=(-2.4, 2.4)):
    """Gradient descent on :func:`~nnlearn.linefit.two_valleys` from each of ``starts``.

    Each ball rolls into the valley on its own side of the hump: descent finds
    *a* bottom, not always the lowest one.  Returns ``ax``, ``curve``,
    ``paths`` (one array per start) and ``ends`` (where each stopped).
    """
    learning_rate = positive_float("learning_rate", learning_rate)
    ax = axes_for(ax, (6, 4))
    grid = np.linspace(*x_range, 301)
    curve, = ax.plot(grid, two_valleys(grid), color=DATA, lw=2, label=tr("error E(x)"))
    paths, ends = [], []
    for start, colour in zip(starts, (PATH, PREDICTION, ACCENT, MUTED)):
        path = gradient_descent(two_valleys_slope, float(start), learning_rate, steps)
        ax.plot(path, two_valleys(path), "o-", color=colour, ms=4, lw=1, alpha=0.8,
                label=tr("start {start:g}: ends at x = {x:.2f}, E = {error:.2f}").format(
                    start=start, x=path[-1], error=two_valleys(path[-1])))
        paths.append(path)
        ends.append(float(path[-1]))
    ax.set_xlim(*x_range)
    ax.legend(loc="upper center", fontsize=SMALL)
    style_axes(ax, "Two valleys: where descent ends depends on where it starts", "x", "error E")
    return Drawn(ax=ax, fig=ax.figure, curve=curve, paths=paths, ends=ends)
