"""Old name of :mod:`nnlearn.pictures.animation` and :mod:`nnlearn.pictures.descent`, kept so
that older notebooks run; import from there.

The line-fit functions here took the data on every call (``hours, scores,
center``); :class:`nnlearn.LineFit` now takes it once,
with ``fit = LineFit(hours, scores, center)``,

* ``line_loss(p, hours, scores, center)`` is ``fit.loss(p)``;
* ``line_gradient(p, hours, scores, center)`` is ``fit.gradient(p)``;
* ``best_line(hours, scores, center)`` is ``fit.best``;
* ``line_descent(hours, scores, start, lr, steps, center)`` is ``fit.descend(start, lr, steps)``;
* ``describe_descent(path, diverged, hours, scores, center)`` is ``fit.status(path, diverged)``;
* ``plot_loss_surface(hours, scores, center, ...)`` is ``plots.plot_loss_surface(fit, ...)``;
* ``plot_descent(path, hours, scores, center, ...)`` is ``plots.plot_descent(fit, path, ...)``;
* ``plot_learning_rates(hours, scores, lrs, start, steps, center)`` is
  ``plots.plot_learning_rates(fit, lrs, start, steps)``;
* ``animate_descent(hours, scores, start, lr, steps, center, frames=n)`` is
  ``animation.animate_descent(fit, start, lr, steps, frames=n)``.
"""

from .linefit import LineFit, parabola_error, parabola_slope  # noqa: F401
from .pictures import animation as _animation
from .pictures import descent as _descent
from .pictures.animation import animate_ball_rolling, frame_images, to_html  # noqa: F401
from .pictures.descent import plot_parabola_tangent  # noqa: F401
from .pictures.style import Drawn  # noqa: F401


def line_loss(params, hours, scores, center=0.0):
    return LineFit(hours, scores, center).loss(params)


def line_gradient(params, hours, scores, center=0.0):
    return LineFit(hours, scores, center).gradient(params)


def best_line(hours, scores, center=0.0):
    return LineFit(hours, scores, center).best


def line_descent(hours, scores, start=(-4.0, 40.0), learning_rate=0.1, steps=40, center=0.0, limit=1e4):
    return LineFit(hours, scores, center).descend(start, learning_rate, steps, limit)


def describe_descent(path, diverged, hours, scores, center=0.0, tol=0.01):
    return LineFit(hours, scores, center).status(path, diverged, tol)


def plot_loss_surface(hours, scores, center=0.0, *args, **kwargs):
    return _descent.plot_loss_surface(LineFit(hours, scores, center), *args, **kwargs)


def plot_descent(path, hours, scores, center=0.0, *args, **kwargs):
    return _descent.plot_descent(LineFit(hours, scores, center), path, *args, **kwargs)


def plot_learning_rates(hours, scores, learning_rates=(0.01, 0.1, 0.25), start=(-4.0, 40.0), steps=40,
                        center=0.0, ax=None):
    return _descent.plot_learning_rates(LineFit(hours, scores, center), learning_rates, start, steps, ax)


def animate_descent(hours, scores, start=(-4.0, 40.0), learning_rate=0.1, steps=40, center=0.0, **kwargs):
    return _animation.animate_descent(LineFit(hours, scores, center), start, learning_rate, steps, **kwargs)
