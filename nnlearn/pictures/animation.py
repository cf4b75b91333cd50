"""Gradient descent as a film (chapter 6): the ball rolling down the parabola, descent on the line fit.

Each function returns a :class:`matplotlib.animation.FuncAnimation`, already
closed so that a notebook shows only the HTML player: ``HTML(to_html(anim))``
(a faster and smaller ``anim.to_jshtml()``).  The frames are drawn by the
plot functions of :mod:`nnlearn.pictures.descent`, then only what moves is
updated.
"""

from __future__ import annotations

import numpy as np

from .._checks import positive_int
from ..descent import gradient_descent
from ..language import tr
from ..linefit import CHAPTER_6, parabola_error, parabola_slope
from ._render import frame_images, make_animation, to_html
from .descent import HOURS_SHOWN, line_label, plot_descent, step_caption
from .style import ANIMATION_DPI, DATA, PATH, TEXT, axes_for, style_axes

__all__ = ["animate_ball_rolling", "animate_descent", "frame_images", "to_html"]


def animate_ball_rolling(start=-1.0, actual=3.0, learning_rate=0.15, steps=40, predicted_range=(-2.0, 8.0),
                         dpi=ANIMATION_DPI):
    """A ball rolling down the error parabola: one frame per gradient-descent step.

    The path is ``gradient_descent(parabola_slope, start, learning_rate, steps)``;
    it is stored on the animation as ``anim.path``.
    """
    steps = positive_int("steps", steps)
    path = gradient_descent(lambda w: parabola_slope(w, actual), float(start), learning_rate, steps)
    ax = axes_for(None, (6, 4), dpi=dpi)
    lo, hi = (float(v) for v in predicted_range)
    grid = np.linspace(lo, hi, 201)
    ax.plot(grid, parabola_error(grid, actual), color=DATA, lw=2)
    ax.set_xlim(lo, hi)
    trail, = ax.plot([], [], "o", color=PATH, ms=6, alpha=0.5, zorder=2)
    ball, = ax.plot([], [], "o", color=PATH, ms=14, zorder=3)
    label = ax.text(0.5, 0.95, "", transform=ax.transAxes, ha="center", va="top", fontsize=TEXT)
    style_axes(ax, tr("Gradient descent, learning rate {rate:g}").format(rate=learning_rate), "predicted", "error E")

    def draw(k):
        ws = path[: k + 1]
        trail.set_data(ws, parabola_error(ws, actual))
        ball.set_data([path[k]], [parabola_error(path[k], actual)])
        label.set_text(tr("step {k}:  predicted = {w:.2f},  E = {error:.3f}").format(
            k=k, w=path[k], error=parabola_error(path[k], actual)))
        return trail, ball, label

    return make_animation(ax.figure, draw, len(path), (trail, ball, label), path=path)


def animate_descent(fit, start=CHAPTER_6.start, learning_rate=CHAPTER_6.learning_rate, steps=CHAPTER_6.steps,
                    frames=None, dpi=ANIMATION_DPI):
    """Descent on ``fit``'s loss surface beside the line improving on the data, as one animation.

    ``start``, ``learning_rate`` and ``steps`` default to chapter 6's (:data:`nnlearn.linefit.CHAPTER_6`).

    At most ``frames`` frames (default: one per step, ``steps + 1``), spread
    evenly over the path.  The path and whether it diverged are stored on the
    animation as ``anim.path`` and ``anim.diverged``.
    """
    path, diverged = fit.descend(start, learning_rate, steps)
    n = len(path) if frames is None else min(positive_int("frames", frames), len(path))
    shown = np.unique(np.linspace(0, len(path) - 1, n).round().astype(int))
    axes = axes_for(None, (10, 4), ncols=2, dpi=dpi)
    drawn = plot_descent(fit, path, step=0, axes=axes,
                         title=tr("Descent, learning rate {rate:g}").format(rate=learning_rate))
    status = fit.status(path, diverged)

    def draw(k):
        step = shown[k]
        w, b = path[step]
        drawn.path_line.set_data(path[: step + 1, 0], path[: step + 1, 1])
        drawn.ball.set_data([w], [b])
        drawn.fit_line.set_data(HOURS_SHOWN, fit.line((w, b), HOURS_SHOWN))
        drawn.legend.get_texts()[1].set_text(line_label(fit, w, b))
        drawn.text.set_text(step_caption(fit, path, step, status if step == len(path) - 1 else None))
        return drawn.path_line, drawn.ball, drawn.fit_line, drawn.text

    moving = [drawn[name] for name in ("path_line", "ball", "fit_line", "text", "legend")]
    return make_animation(axes[0].figure, draw, len(shown), moving, path=path, diverged=diverged)
