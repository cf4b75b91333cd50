r"""The line fit of chapters 2 and 6, and the parabola of chapter 6: the maths under their pictures.

Chapter 2 fits a line to the hours studied and the exam scores; chapter 6 lets
gradient descent find the same line.  :class:`LineFit` is built once from the
data and answers everything the course asks about it:

* the line :math:`\text{score} \approx w\,x + b` with :math:`x = \text{hours} - \text{center}`
  (measuring hours from their middle makes the loss valley round instead of a
  long thin ditch, so descent needs fewer steps);
* the loss :math:`E(w, b) = \frac{1}{n}\sum \frac{1}{2}(\text{score} - (w x + b))^2`
  (:func:`nnlearn.mean_squared_error`) and its gradient
  :math:`\left(\frac{1}{n}\sum (w x + b - \text{score})\,x,\ \frac{1}{n}\sum (w x + b - \text{score})\right)`;
* the best line (least squares, :func:`best_fit_line`) and gradient descent
  towards it, with a word for how it went.

:data:`CHAPTER_6` is chapter 6's problem, written once for the notebook, its
pictures, its exercises and the tests: the data (the hours measured from 5.6),
where descent starts, and the learning rates that crawl, converge and diverge.

Before the line, chapter 6 looks at one prediction alone, whose error
:math:`E = \frac{1}{2}(\text{actual} - \text{predicted})^2` is a parabola in the
prediction: :func:`parabola_error` and its slope :func:`parabola_slope`.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from ._checks import as_float_array, positive_float, positive_int
from .data import study_hours
from .descent import DivergenceWarning, gradient_descent
from .language import tr
from .losses import mean_squared_error, squared_error, squared_error_gradient


# ---- one prediction: the parabola ----------------------------------------------
def parabola_error(predicted, actual=3.0):
    r"""The article's error for one prediction: :math:`E = \frac{1}{2}(\text{actual} - \text{predicted})^2`.

    >>> parabola_error(1.0, actual=3.0)
    2.0
    """
    predicted = as_float_array("predicted", predicted)
    actual = np.full_like(predicted, as_float_array("actual", actual, ndim=0))
    return squared_error(actual, predicted, axis=())  # one error per prediction


def parabola_slope(predicted, actual=3.0):
    r"""The slope of the tangent at ``predicted``: :math:`E'(\text{predicted}) = \text{predicted} - \text{actual}`.

    >>> parabola_slope(1.0, actual=3.0)
    -2.0
    """
    predicted = as_float_array("predicted", predicted)
    return squared_error_gradient(np.full_like(predicted, as_float_array("actual", actual, ndim=0)), predicted)


def two_valleys(x):
    r"""An error with two valleys, for the article's "local minimum": :math:`E(x) = x^4/4 - x^2 + 0.4\,x + 1.6`.

    Its lowest point is near :math:`x = -1.5`; a second, higher valley lies
    near :math:`x = 1.3`, and descent that starts right of the hump between
    them (near :math:`x = 0.2`) ends there.

    Like every error, it is never negative: its lowest value is about 0.02.

    >>> two_valleys(0.0)
    1.6
    """
    x = as_float_array("x", x)
    out = 0.25 * x ** 4 - x ** 2 + 0.4 * x + 1.6
    return float(out) if out.ndim == 0 else out


def two_valleys_slope(x):
    r"""The slope of :func:`two_valleys`: :math:`E'(x) = x^3 - 2x + 0.4`.

    >>> two_valleys_slope(1.0)
    -0.6
    """
    x = as_float_array("x", x)
    out = x ** 3 - 2.0 * x + 0.4
    return float(out) if out.ndim == 0 else out


# ---- a line through points ----------------------------------------------------------
def best_fit_line(x, y):
    r"""The least-squares line through the points: the ``(w, b)`` with the smallest error.

    :math:`w = \sum (x - \bar{x})(y - \bar{y}) / \sum (x - \bar{x})^2` and
    :math:`b = \bar{y} - w \bar{x}`.

    >>> best_fit_line([0.0, 1.0, 2.0], [1.0, 3.0, 5.0])
    (2.0, 1.0)
    """
    x = as_float_array("x", x, ndim=1)
    y = as_float_array("y", y, ndim=1)
    if x.shape != y.shape or x.size < 2:
        raise ValueError(tr("x and y must be 1-D with the same length of at least 2, "
                            "got shapes {shape_x} and {shape_y}").format(shape_x=x.shape, shape_y=y.shape))
    dx = x - x.mean()
    if not np.any(dx):
        raise ValueError(tr("x must not be all the same value: no line is best then"))
    w = float(np.sum(dx * (y - y.mean())) / np.sum(dx * dx))
    return w, float(y.mean() - w * x.mean())


# ---- chapter 6's problem --------------------------------------------------------------
@dataclass(frozen=True)
class DescentProblem:
    r"""Gradient descent on the line fit of the hours and scores: chapter 6's set-up, in one place.

    ``center``: the hours are measured from it (the class average, rounded);
    ``start``: the ``(w, b)`` where descent starts, the line
    :math:`\text{score} = w\,(\text{hours} - \text{center}) + b`;
    ``learning_rates``: one that crawls, one that converges and one that
    diverges in ``steps`` steps, in that order.  :meth:`fit` is the
    :class:`LineFit` of the data; :attr:`learning_rate` the rate that converges.

    >>> CHAPTER_6
    DescentProblem(center=5.6, start=(-4.0, 40.0), learning_rates=(0.01, 0.1, 0.25), steps=40)
    >>> fit = CHAPTER_6.fit()
    >>> [fit.status(*fit.descend(CHAPTER_6.start, rate, CHAPTER_6.steps)) for rate in CHAPTER_6.learning_rates]
    ['crawling', 'converged', 'diverged']
    """

    center: float
    start: tuple[float, float]
    learning_rates: tuple[float, float, float]
    steps: int

    def __post_init__(self):
        # checked, and kept as plain floats so that the repr reads the same however they were given
        center = float(as_float_array("center", self.center, ndim=0))
        start = as_float_array("start", self.start, ndim=1)
        if start.shape != (2,):
            raise ValueError(tr("start must be a point (w, b), got shape {shape}").format(shape=start.shape))
        rates = self.learning_rates
        if isinstance(rates, (str, bytes)) or not hasattr(rates, "__len__") or len(rates) != 3:
            raise ValueError(tr("learning_rates must be three learning rates, one that crawls, one that converges "
                                "and one that diverges, got {value}").format(value=repr(rates)))
        object.__setattr__(self, "center", center)
        object.__setattr__(self, "start", tuple(start.tolist()))
        object.__setattr__(self, "learning_rates", tuple(positive_float("learning_rates", rate) for rate in rates))
        object.__setattr__(self, "steps", positive_int("steps", self.steps))

    @property
    def learning_rate(self) -> float:
        """The learning rate that converges in :attr:`steps` steps: the middle one of :attr:`learning_rates`."""
        return self.learning_rates[1]

    def fit(self) -> LineFit:
        """The :class:`LineFit` of :func:`nnlearn.data.study_hours`, with hours measured from :attr:`center`."""
        return LineFit(*study_hours(), center=self.center)


CHAPTER_6 = DescentProblem(center=5.6, start=(-4.0, 40.0), learning_rates=(0.01, 0.1, 0.25), steps=40)


class LineFit:
    r"""The line :math:`\text{score} \approx w\,(\text{hours} - \text{center}) + b` on one data set.

    The data are checked once, here; every method takes the line as
    ``params = (w, b)``.

    >>> fit = LineFit([1.0, 2.0], [1.0, 4.0])
    >>> fit.loss((1.0, 0.0)), fit.gradient((1.0, 0.0)).tolist()
    (1.0, [-2.0, -1.0])
    >>> fit.best.tolist()
    [3.0, -2.0]
    """

    def __init__(self, hours, scores, center=0.0):
        self.hours = as_float_array("hours", hours, ndim=1)
        self.scores = as_float_array("scores", scores, ndim=1)
        if self.hours.shape != self.scores.shape:
            raise ValueError(tr("hours and scores must have the same length, got {shape_h} and {shape_s}").format(
                shape_h=self.hours.shape, shape_s=self.scores.shape))
        self.center = float(as_float_array("center", center, ndim=0))
        self.x = self.hours - self.center
        self.best = np.array(best_fit_line(self.x, self.scores))  # the bottom of the loss valley
        self.best_loss = self.loss(self.best)
        self._grids = {}  # loss_grid's answers: a slider asks for the same surface on every move

    def line(self, params, hours):
        """The line's score for each of ``hours``."""
        w, b = params
        return w * (np.asarray(hours, dtype=float) - self.center) + b

    def loss(self, params) -> float:
        """The loss :math:`E(w, b)`: ``mean_squared_error(scores, w x + b)``."""
        w, b = as_float_array("params", params, ndim=1)
        return mean_squared_error(self.scores, w * self.x + b)

    def gradient(self, params) -> np.ndarray:
        r"""The slope of :meth:`loss` with respect to ``(w, b)``.

        With :math:`r = w x + b - \text{score}`: :math:`\partial E/\partial w = \text{mean}(r\,x)`,
        :math:`\partial E/\partial b = \text{mean}(r)`.
        """
        w, b = as_float_array("params", params, ndim=1)
        r = squared_error_gradient(self.scores, w * self.x + b)  # the error's slope at each prediction
        return np.array([np.mean(r * self.x), np.mean(r)])

    def descend(self, start=CHAPTER_6.start, learning_rate=CHAPTER_6.learning_rate, steps=CHAPTER_6.steps,
                limit=1e4):
        """Gradient descent on the loss from ``start`` (by default, as chapter 6 does: :data:`CHAPTER_6`).

        Returns ``(path, diverged)``: the ``(w, b)`` of every step, one row per
        step, and whether descent blew up (stopped early past ``limit``, or
        ended with a larger loss than it started with).  A too-large learning
        rate never raises or warns here: the answer says so instead.
        """
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", DivergenceWarning)
            path = gradient_descent(self.gradient, np.asarray(start, dtype=float), learning_rate, steps,
                                    limit=limit, on_divergence="warn")
        stopped = any(issubclass(w.category, DivergenceWarning) for w in caught)
        return path, bool(stopped or self.loss(path[-1]) > self.loss(path[0]))

    def status(self, path, diverged, tol=0.01) -> str:
        """One of ``"diverged"``, ``"converged"`` or ``"crawling"`` for a descent path.

        ``converged`` means the last loss is within ``tol`` (relative) of the
        smallest loss possible; ``crawling`` means still on its way down.
        """
        if diverged:
            return "diverged"
        return "converged" if self.loss(path[-1]) <= self.best_loss * (1 + tol) else "crawling"

    def loss_grid(self, w_range, b_range, n=121):
        """``W``, ``B`` and the loss at each ``(w, b)`` of an ``n`` x ``n`` grid (read-only arrays, kept)."""
        key = (tuple(map(float, w_range)), tuple(map(float, b_range)), int(n))
        if key not in self._grids:
            W, B = np.meshgrid(np.linspace(*key[0], n), np.linspace(*key[1], n))
            predicted = W[..., None] * self.x + B[..., None]  # the last axis runs over the points
            actual = np.broadcast_to(self.scores, predicted.shape)
            grid = (W, B, squared_error(actual, predicted, axis=-1) / self.x.size)  # the loss at each (w, b)
            for array in grid:
                array.flags.writeable = False
            self._grids[key] = grid
        return self._grids[key]

    def __repr__(self) -> str:
        return f"LineFit({self.hours.size} points, center={self.center:g})"
