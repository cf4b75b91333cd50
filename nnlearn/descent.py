r"""Gradient descent that records its path.

The article's update rule, one step at a time:

.. math:: W(k+1) = W(k) - \text{learning rate} \times \nabla E(W(k))

Like a ball rolling downhill, each step goes against the slope.  Too small a
learning rate crawls; too large a one overshoots and can climb out of the
valley: the path explodes, and :func:`gradient_descent` says so instead of
returning NaN.  A gradient function that returns nothing (a forgotten
``return``) or NaN where descent starts is a different fault, and is named
as such.
"""

from __future__ import annotations

import warnings

import numpy as np

from ._checks import as_float_array, describe, positive_float, positive_int
from .language import tr


class DivergenceError(FloatingPointError):
    """Training or descent blew up; try a smaller learning rate."""


class DivergenceWarning(RuntimeWarning):
    """Descent blew up and was stopped early (``on_divergence="warn"``)."""


def divergence_message(what: str, learning_rate: float, step: int) -> str:
    """What a learner reads when ``what`` (``tr("training")``, ``tr("gradient descent")``) blew up."""
    return tr("{what} diverged at step {step} with learning_rate={learning_rate:g}: the values exploded. "
              "Try a smaller learning_rate, e.g. {smaller:g}.").format(
        what=what, step=step, learning_rate=learning_rate, smaller=learning_rate / 10)


def gradient_descent(gradient, start, learning_rate, steps, *, limit=1e8, on_divergence="raise"):
    r"""Follow ``-gradient`` from ``start`` and return every point visited.

    Each step is :math:`W(k+1) = W(k) - \text{learning rate} \times \nabla E(W(k))`.

    Parameters
    ----------
    gradient : callable
        ``gradient(point)`` returns the slope at ``point``, an array of the
        same shape as ``start`` (a number for a 1-D problem).  ``None`` (a
        missing ``return``) is a ``TypeError``, and a slope that is not finite
        at ``start`` a ``ValueError``: both name the point.
    start : float or array
        Where the ball is put down.
    learning_rate : float
        Size of each step relative to the slope (positive).
    steps : int
        Number of steps to take (positive).
    limit : float
        A point farther than ``limit`` from the origin counts as diverged.
    on_divergence : {"raise", "warn"}
        ``"raise"`` stops with :class:`DivergenceError`; ``"warn"`` (handy
        for showing what a too-large learning rate does) stops early with a
        :class:`DivergenceWarning` and returns the path up to the last
        finite point.

    Returns
    -------
    path : ndarray of shape ``(steps + 1, *start.shape)``
        Row 0 is ``start``, row ``k`` the point after ``k`` steps.

    >>> path = gradient_descent(lambda w: 2 * (w - 3), start=0.0, learning_rate=0.25, steps=3)
    >>> path.tolist()
    [0.0, 1.5, 2.25, 2.625]
    """
    if not callable(gradient):
        raise TypeError(tr("gradient must be a function of the current point, got {value}").format(
            value=describe(gradient)))
    point = as_float_array("start", start)
    learning_rate = positive_float("learning_rate", learning_rate)
    steps = positive_int("steps", steps)
    limit = positive_float("limit", limit)
    if on_divergence not in ("raise", "warn"):
        raise ValueError(tr('on_divergence must be "raise" or "warn", got {value}').format(value=repr(on_divergence)))

    path = np.empty((steps + 1,) + point.shape)
    path[0] = point
    for k in range(1, steps + 1):
        slope = gradient(path[k - 1])
        if slope is None:
            raise TypeError(tr("gradient returned None (a missing return?) at the point {point}: it must return "
                               "the slope at that point, of shape {shape} (the shape of start)").format(
                point=path[k - 1].tolist(), shape=point.shape))
        slope = np.asarray(slope, dtype=np.float64)
        if slope.shape != point.shape:
            raise ValueError(tr("gradient must return an array of shape {shape} (the shape of start), "
                                "got shape {got}").format(shape=point.shape, got=slope.shape))
        if k == 1 and not np.all(np.isfinite(slope)):  # nothing has moved yet: the fault is the gradient's
            raise ValueError(tr("gradient returned {value} at the start point {point}: descent needs a finite "
                                "slope to take its first step").format(
                value="NaN" if np.any(np.isnan(slope)) else "inf", point=point.tolist()))
        with np.errstate(over="ignore", invalid="ignore"):
            path[k] = path[k - 1] - learning_rate * slope
        if not np.all(np.isfinite(path[k])) or np.max(np.abs(path[k])) > limit:
            message = divergence_message(tr("gradient descent"), learning_rate, k)
            if on_divergence == "raise":
                raise DivergenceError(message)
            warnings.warn(message, DivergenceWarning, stacklevel=2)
            return path[:k]
    return path
