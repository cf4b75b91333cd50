r"""Gradient descent made visible: the parabola, the rolling ball, the loss surface.

The article pictures the error as a parabola opening upwards and gradient
descent as a ball rolling down to its lowest point, then shows the same thing
on a real problem: a line fit whose point on the loss surface (left) rolls
downhill while the line gets better on the data (right).

Two problems are drawn here:

* a single prediction ``w`` with the error :math:`E(w) = \frac{1}{2}(\text{actual} - w)^2`,
  whose slope is :math:`E'(w) = w - \text{actual}`;
* the line fit of chapter 2, :math:`\text{score} \approx w\,x + b` with
  :math:`x = \text{hours} - \text{center}`, and the loss
  :math:`E(w, b) = \frac{1}{n}\sum \frac{1}{2}(\text{score} - (w x + b))^2`
  (:func:`nnlearn.mean_squared_error`), whose gradient is
  :math:`\left(\frac{1}{n}\sum (w x + b - \text{score})\,x,\ \frac{1}{n}\sum (w x + b - \text{score})\right)`.

Plot functions take an optional ``ax`` (or ``axes``), return what they drew
and never call ``plt.show()``.  Animation functions return a
:class:`matplotlib.animation.FuncAnimation`, already closed so that a
notebook shows only the HTML player: ``HTML(to_html(anim))``, a faster and smaller
``anim.to_jshtml()``.
"""

from __future__ import annotations

import base64
import functools
import io
import warnings

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.animation import FuncAnimation, HTMLWriter

from ._checks import as_float_array, positive_float, positive_int
from .descent import DivergenceWarning, gradient_descent
from .losses import mean_squared_error
from .plots import FONTSIZE, TICK_SIZE, _style, best_fit_line

FONT, TICKS = FONTSIZE, TICK_SIZE  # one style for every figure of the course


class Drawn(dict):
    """What a plot function drew: a dict whose keys also read as attributes (``drawn.ax``)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"Drawn({', '.join(sorted(self))})"


def _new_axes(ax, figsize):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


# ---- one prediction: the parabola -------------------------------------------------

def parabola_error(w, actual=3.0):
    r"""The article's error for one prediction ``w``: :math:`E = \frac{1}{2}(\text{actual} - w)^2`.

    >>> parabola_error(1.0, actual=3.0)
    2.0
    """
    w = as_float_array("w", w)
    out = 0.5 * (float(actual) - w) ** 2
    return float(out) if out.ndim == 0 else out


def parabola_slope(w, actual=3.0):
    r"""The slope of the tangent at ``w``: :math:`E'(w) = w - \text{actual}`.

    >>> parabola_slope(1.0, actual=3.0)
    -2.0
    """
    w = as_float_array("w", w)
    out = w - float(actual)
    return float(out) if out.ndim == 0 else out


def plot_parabola_tangent(w, actual=3.0, w_range=(-2.0, 8.0), ax=None):
    """The error parabola, the point at ``w`` and its tangent line, with the slope written on it.

    Returns a :class:`Drawn` dict: ``ax``, ``curve``, ``point``, ``tangent`` (Line2D objects),
    ``slope`` (a float) and ``text`` (the caption).
    """
    w = float(as_float_array("w", w, ndim=0))
    lo, hi = (float(v) for v in w_range)
    if not lo < w_range[1]:
        raise ValueError(f"w_range must be (low, high) with low < high, got {w_range}")
    ax = _new_axes(ax, (6, 4))
    grid = np.linspace(lo, hi, 201)
    errors = parabola_error(grid, actual)
    curve, = ax.plot(grid, errors, color="tab:blue", lw=2, label="error E(w) = ½ (actual − w)²")
    e, slope = parabola_error(w, actual), parabola_slope(w, actual)
    half = 0.2 * (hi - lo)
    tx = np.array([w - half, w + half])
    tangent, = ax.plot(tx, e + slope * (tx - w), color="tab:orange", lw=2.5,
                       label=f"tangent, slope {slope:+.2f}")
    point, = ax.plot([w], [e], "o", color="tab:red", ms=10, zorder=3, label=f"w = {w:.2f}")
    ax.axvline(actual, color="gray", ls=":", lw=1)
    top = float(errors.max())
    ax.set_xlim(lo, hi)
    ax.set_ylim(-0.08 * top, 1.6 * top)
    if abs(slope) < 1e-9:
        advice = "slope 0: the bottom, the smallest error"
    else:
        advice = f"slope {slope:+.2f}: downhill is to the {'left' if slope > 0 else 'right'}"
    text = ax.set_title(f"actual = {actual:g}; {advice}", fontsize=FONT + 1)
    ax.legend(loc="upper center", fontsize=TICKS, framealpha=0.9)
    _style(ax, None, "prediction w", "error E")
    return Drawn(ax=ax, fig=ax.figure, curve=curve, point=point, tangent=tangent, slope=slope, text=text)


def animate_ball_rolling(start=-1.0, actual=3.0, learning_rate=0.15, steps=40, w_range=(-2.0, 8.0),
                         dpi=72):
    """A ball rolling down the error parabola: one frame per gradient-descent step.

    The path is ``gradient_descent(parabola_slope, start, learning_rate, steps)``;
    it is stored on the animation as ``anim.path``.
    """
    steps = positive_int("steps", steps)
    path = gradient_descent(lambda w: parabola_slope(w, actual), float(start), learning_rate, steps)
    fig, ax = plt.subplots(figsize=(6, 4), dpi=dpi, layout="constrained")
    lo, hi = (float(v) for v in w_range)
    grid = np.linspace(lo, hi, 201)
    ax.plot(grid, parabola_error(grid, actual), color="tab:blue", lw=2)
    ax.set_xlim(lo, hi)
    trail, = ax.plot([], [], "o", color="tab:orange", ms=6, zorder=2)
    ball, = ax.plot([], [], "o", color="tab:red", ms=14, zorder=3)
    label = ax.text(0.5, 0.95, "", transform=ax.transAxes, ha="center", va="top", fontsize=FONT)
    _style(ax, f"Gradient descent, learning rate {learning_rate:g}", "prediction w", "error E")

    def draw(k):
        ws = path[: k + 1]
        trail.set_data(ws, parabola_error(ws, actual))
        ball.set_data([path[k]], [parabola_error(path[k], actual)])
        label.set_text(f"step {k}:  w = {path[k]:.2f},  E = {parabola_error(path[k], actual):.3f}")
        return trail, ball, label

    return _animation(fig, draw, len(path), (trail, ball, label), path=path)


def _animation(fig, draw, n_frames, moving, **data):
    """A FuncAnimation over ``draw(k)``; ``moving`` lists the artists that frames change.

    The figure is laid out once and keeps that layout in every frame.  The
    animation carries ``fig``, ``draw_frame``, ``n_frames`` and ``moving``
    (for :func:`to_html`) plus ``data`` (e.g. ``path``) as attributes.
    """
    fig.canvas.draw()
    fig.set_layout_engine("none")
    anim = FuncAnimation(fig, draw, frames=n_frames, interval=150, blit=False)
    anim.fig, anim.draw_frame, anim.n_frames, anim.moving = fig, draw, n_frames, list(moving)
    for name, value in data.items():
        setattr(anim, name, value)
    plt.close(fig)
    return anim


def frame_images(anim, colors=48):
    """Every frame of an animation made here, as PIL images with ``colors`` colours.

    The still parts (axes, contours, data) are drawn once; each frame only
    redraws the artists that move on top of them, which is many times faster
    than drawing every frame from scratch.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    colors = positive_int("colors", colors)
    fig = anim.fig
    canvas = FigureCanvasAgg(fig)  # the figure is closed: draw it with Agg, whatever the backend
    anim._draw_was_started = True  # rendered here, not by anim.save: no "deleted without rendering" warning
    for artist in anim.moving:
        artist.set_animated(True)
    try:
        canvas.draw()
        background = canvas.copy_from_bbox(fig.bbox)
        images = []
        for k in range(anim.n_frames):
            anim.draw_frame(k)
            canvas.restore_region(background)
            for artist in anim.moving:
                fig.draw_artist(artist)
            rgba = np.asarray(canvas.buffer_rgba())
            image = Image.fromarray(rgba[..., :3].copy())
            images.append(image.quantize(colors=colors, method=Image.Quantize.FASTOCTREE))
    finally:
        for artist in anim.moving:
            artist.set_animated(False)
    return images


def to_html(anim, fps=6, colors=48) -> str:
    """The animation as self-contained HTML with play controls (no ffmpeg needed).

    Like ``anim.to_jshtml()`` (the same player), but the frames come from
    :func:`frame_images`: PNGs with ``colors`` colours, drawn fast, which
    keeps a notebook with two animations small and quick to run.
    """
    import tempfile
    from pathlib import Path

    images = frame_images(anim, colors)
    writer = HTMLWriter(fps=fps, embed_frames=True, default_mode="once")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "animation.html"
        writer.setup(anim.fig, path, dpi=anim.fig.dpi)
        for image in images:
            buffer = io.BytesIO()
            image.save(buffer, format="png")
            writer._saved_frames.append(base64.encodebytes(buffer.getvalue()).decode("ascii"))
        writer.finish()
        return path.read_text()


# ---- the line fit: a real loss surface ---------------------------------------------

def _line_data(hours, scores):
    hours = as_float_array("hours", hours, ndim=1)
    scores = as_float_array("scores", scores, ndim=1)
    if hours.shape != scores.shape:
        raise ValueError(f"hours and scores must have the same length, got {hours.shape} and {scores.shape}")
    return hours, scores


def line_loss(params, hours, scores, center=0.0):
    r"""The line fit's loss :math:`E(w, b)` = ``mean_squared_error(scores, w (hours - center) + b)``.

    ``params`` is ``(w, b)``.

    >>> line_loss((1.0, 0.0), [1.0, 2.0], [1.0, 4.0])
    1.0
    """
    hours, scores = _line_data(hours, scores)
    w, b = as_float_array("params", params, ndim=1)
    return mean_squared_error(scores, w * (hours - center) + b)


def line_gradient(params, hours, scores, center=0.0):
    r"""The gradient of :func:`line_loss` with respect to ``(w, b)``.

    With :math:`r = w x + b - \text{score}` and :math:`x = \text{hours} - \text{center}`:
    :math:`\partial E/\partial w = \text{mean}(r\,x)`, :math:`\partial E/\partial b = \text{mean}(r)`.

    >>> line_gradient((1.0, 0.0), [1.0, 2.0], [1.0, 4.0]).tolist()
    [-2.0, -1.0]
    """
    hours, scores = _line_data(hours, scores)
    w, b = as_float_array("params", params, ndim=1)
    x = hours - center
    r = w * x + b - scores
    return np.array([np.mean(r * x), np.mean(r)])


def best_line(hours, scores, center=0.0):
    """The ``(w, b)`` at the bottom of the loss surface: chapter 2's least-squares line
    (:func:`nnlearn.plots.best_fit_line`), with hours measured from ``center``."""
    hours, scores = _line_data(hours, scores)
    return np.array(best_fit_line(hours - center, scores))


def line_descent(hours, scores, start=(-4.0, 40.0), learning_rate=0.1, steps=40, center=0.0, limit=1e4):
    """Gradient descent on the line fit's loss from ``start``.

    Returns ``(path, diverged)``: the ``(w, b)`` of every step, one row per
    step, and whether descent blew up (stopped early past ``limit``, or ended
    with a larger loss than it started with).  A too-large learning rate never
    raises or warns here: the answer says so instead.
    """
    hours, scores = _line_data(hours, scores)

    def gradient(p):
        return line_gradient(p, hours, scores, center)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DivergenceWarning)
        path = gradient_descent(gradient, np.asarray(start, dtype=float), learning_rate, steps,
                                limit=limit, on_divergence="warn")
    stopped = any(issubclass(w.category, DivergenceWarning) for w in caught)
    grew = line_loss(path[-1], hours, scores, center) > line_loss(path[0], hours, scores, center)
    return path, bool(stopped or grew)


def describe_descent(path, diverged, hours, scores, center=0.0, tol=0.01):
    """One of ``"diverged"``, ``"converged"`` or ``"crawling"`` for a descent path.

    ``converged`` means the last loss is within ``tol`` (relative) of the
    smallest loss possible; ``crawling`` means still on its way down.
    """
    if diverged:
        return "diverged"
    best = line_loss(best_line(hours, scores, center), hours, scores, center)
    last = line_loss(path[-1], hours, scores, center)
    return "converged" if last <= best * (1 + tol) else "crawling"


def _surface_window(hours, scores, center, start):
    best = best_line(hours, scores, center)
    start = np.asarray(start, dtype=float)
    span = np.maximum(np.abs(best - start) * 1.4, [2.0, 10.0])
    return (best[0] - span[0], best[0] + span[0]), (best[1] - span[1], best[1] + span[1])


@functools.lru_cache(maxsize=32)
def _loss_grid(hours, scores, center, w_range, b_range, n=121):
    """``W``, ``B`` and the loss at each ``(w, b)`` of an ``n`` x ``n`` grid (arrays made read-only).

    Kept for the same data and window (a learning-rate slider asks for the same surface on
    every move); ``hours`` and ``scores`` are tuples.
    """
    hours, scores = np.array(hours), np.array(scores)
    W, B = np.meshgrid(np.linspace(*w_range, n), np.linspace(*b_range, n))
    x = hours - center
    residual = W[..., None] * x + B[..., None] - scores
    loss = 0.5 * np.mean(residual ** 2, axis=-1)
    for array in (W, B, loss):
        array.flags.writeable = False
    return W, B, loss


def plot_loss_surface(hours, scores, center=0.0, w_range=(-8.0, 18.0), b_range=(20.0, 130.0),
                      ax=None, levels=14):
    """Contour lines of the line fit's loss over ``(w, b)``, the minimum marked with a star.

    Levels are spaced evenly on a log scale so the valley floor shows as well
    as its walls.  Returns a :class:`Drawn` dict: ``ax``, ``contours``, ``minimum``, ``best``.
    """
    hours, scores = _line_data(hours, scores)
    ax = _new_axes(ax, (5, 4))
    W, B, loss = _loss_grid(tuple(hours.tolist()), tuple(scores.tolist()), float(center),
                            tuple(float(v) for v in w_range), tuple(float(v) for v in b_range))
    best = best_line(hours, scores, center)
    low = line_loss(best, hours, scores, center)
    contours = ax.contour(W, B, loss, levels=np.geomspace(low * 1.05, loss.max(), levels),
                          cmap="viridis", linewidths=1)
    minimum, = ax.plot([best[0]], [best[1]], "*", color="black", ms=14, label="lowest loss")
    ax.set_xlim(*w_range)
    ax.set_ylim(*b_range)
    _style(ax, "Loss E(w, b)", "slope w (points per hour)", "intercept b (points)")
    return Drawn(ax=ax, fig=ax.figure, contours=contours, minimum=minimum, best=best)


def plot_descent(path, hours, scores, center=0.0, step=None, axes=None, status=None, title=None):
    """Two panels: the descent path on the loss surface (left) and the line at ``step`` on the data (right).

    ``step`` defaults to the last row of ``path``.  ``status`` (for example
    ``"diverged"``) is written on the left panel.  Returns a :class:`Drawn` dict: ``axes``,
    ``path_line``, ``ball``, ``fit_line``, ``points``, ``step``, ``text``, ``window``.
    """
    hours, scores = _line_data(hours, scores)
    path = as_float_array("path", path, ndim=2)
    step = len(path) - 1 if step is None else int(step)
    if not 0 <= step < len(path):
        raise ValueError(f"step must be between 0 and {len(path) - 1}, got {step}")
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
    left, right = axes
    w_range, b_range = _surface_window(hours, scores, center, path[0])
    plot_loss_surface(hours, scores, center, w_range, b_range, ax=left)
    path_line, = left.plot(path[: step + 1, 0], path[: step + 1, 1], "-", color="tab:red", lw=1.5,
                           marker=".", ms=5)
    ball, = left.plot([path[step, 0]], [path[step, 1]], "o", color="tab:red", ms=11, zorder=3)
    w, b = path[step]
    loss = line_loss(path[step], hours, scores, center)
    words = f"step {step}: w = {w:.2f}, b = {b:.2f}, loss = {loss:.4g}"
    if status:
        words += f"\n{status}"
    text = left.text(0.02, 0.98, words, transform=left.transAxes, va="top", fontsize=TICKS,
                     bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"})
    if title:
        left.set_title(title, fontsize=FONT + 1)

    points = right.scatter(hours, scores, color="tab:blue", s=25, label="students")
    grid = np.array([0.0, 10.5])
    fit_line, = right.plot(grid, w * (grid - center) + b, color="tab:red", lw=2.5,
                           label=f"score = {w:.2f} (hours − {center:g}) + {b:.2f}")
    right.set_xlim(*grid)
    right.set_ylim(0, 120)
    legend = right.legend(loc="lower right", fontsize=TICKS - 1)
    _style(right, "The line on the data", "hours studied", "exam score (points)")
    return Drawn(axes=axes, fig=left.figure, path_line=path_line, ball=ball, fit_line=fit_line,
                 points=points, step=step, text=text, window=(w_range, b_range), legend=legend)


def animate_descent(hours, scores, start=(-4.0, 40.0), learning_rate=0.1, steps=40, center=0.0,
                    frames=None, dpi=72):
    """Descent on the loss surface beside the line improving on the data, as one animation.

    At most ``frames`` frames (default: one per step, ``steps + 1``), spread
    evenly over the path.  The path and whether it diverged are stored on the
    animation as ``anim.path`` and ``anim.diverged``.
    """
    path, diverged = line_descent(hours, scores, start, learning_rate, steps, center)
    n = len(path) if frames is None else min(positive_int("frames", frames), len(path))
    shown = np.unique(np.linspace(0, len(path) - 1, n).round().astype(int))
    fig, axes = plt.subplots(1, 2, figsize=(10, 4), dpi=dpi, layout="constrained")
    drawn = plot_descent(path, hours, scores, center, step=0, axes=axes,
                         title=f"Descent, learning rate {learning_rate:g}")
    status = describe_descent(path, diverged, hours, scores, center)

    def draw(k):
        step = shown[k]
        w, b = path[step]
        drawn["path_line"].set_data(path[: step + 1, 0], path[: step + 1, 1])
        drawn["ball"].set_data([w], [b])
        grid = np.array([0.0, 10.5])
        drawn["fit_line"].set_data(grid, w * (grid - center) + b)
        drawn["legend"].get_texts()[1].set_text(f"score = {w:.2f} (hours − {center:g}) + {b:.2f}")
        loss = line_loss(path[step], hours, scores, center)
        words = f"step {step}: w = {w:.2f}, b = {b:.2f}, loss = {loss:.4g}"
        if step == len(path) - 1:
            words += f"\n{status}"
        drawn["text"].set_text(words)
        return drawn["path_line"], drawn["ball"], drawn["fit_line"], drawn["text"]

    moving = [drawn[name] for name in ("path_line", "ball", "fit_line", "text", "legend")]
    return _animation(fig, draw, len(shown), moving, path=path, diverged=diverged)


def plot_learning_rates(hours, scores, learning_rates=(0.01, 0.1, 0.25), start=(-4.0, 40.0), steps=40,
                        center=0.0, ax=None):
    """The loss after each step for several learning rates, on a log scale.

    Shows crawling (too small), converging, and diverging (too large) side by
    side.  Returns a :class:`Drawn` dict: ``ax``, ``lines`` (one per learning rate) and
    ``status`` (``"crawling"``, ``"converged"`` or ``"diverged"`` for each).
    """
    hours, scores = _line_data(hours, scores)
    ax = _new_axes(ax, (6, 4))
    lines, status = [], []
    best = line_loss(best_line(hours, scores, center), hours, scores, center)
    for lr in learning_rates:
        lr = positive_float("learning_rates", lr)
        path, diverged = line_descent(hours, scores, start, lr, steps, center)
        losses = [line_loss(p, hours, scores, center) for p in path]
        state = describe_descent(path, diverged, hours, scores, center)
        line, = ax.plot(range(len(losses)), losses, marker=".", lw=2, label=f"learning rate {lr:g}: {state}")
        lines.append(line)
        status.append(state)
    ax.axhline(best, color="black", ls=":", lw=1, label=f"lowest possible loss {best:.1f}")
    ax.set_yscale("log")
    ax.set_xlim(0, steps)
    ax.legend(fontsize=TICKS - 1)
    _style(ax, "Loss during descent", "step", "loss E(w, b) (log scale)")
    return Drawn(ax=ax, fig=ax.figure, lines=lines, status=status)
