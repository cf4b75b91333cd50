r"""The article's error: :math:`E = \frac{1}{2}\sum (y - \hat{y})^2`, and today's usual one, the cross-entropy.

``y`` is the actual (correct) value and ``y_hat`` the predicted one.  The
one half makes the slope tidy: :math:`\partial E / \partial \hat{y} = \hat{y} - y`.
A :class:`Loss` holds an error for a batch with its slope, as a network uses
it: ``LOSSES["squared_error"]`` (the article) and ``LOSSES["cross_entropy"]``.

The squared error and its slope are written once, here; the line fit, the
parabola of chapter 6 and the network's loss all call them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ._checks import as_float_array, one_of
from .language import tr

TINY = np.finfo(float).tiny  # the smallest positive float: log(TINY) is finite


def _pair(y, y_hat):
    y = as_float_array("y", y)
    y_hat = as_float_array("y_hat", y_hat)
    if y.shape != y_hat.shape:
        raise ValueError(tr("y and y_hat must have the same shape, got {shape} and {shape_hat}").format(
            shape=y.shape, shape_hat=y_hat.shape))
    return y, y_hat


def _squared_error(y, y_hat, axis=None):
    r"""The article's error on float arrays, unchecked: :math:`\frac{1}{2}\sum (y - \hat{y})^2` over ``axis``.

    The one place the formula is computed.  :func:`squared_error` checks its
    arguments, then calls it; a network's loss calls it on arrays it checked
    itself (a NaN there means training diverged, and passes through).
    The square of a number above about 1.3e154 overflows although half a sum
    of squares may not: the differences are first divided by a power of two
    close to the largest of them (exact, like every multiplication by a power
    of two), and the sum is multiplied back.
    """
    diff = y - y_hat
    _, exponent = np.frexp(np.max(np.abs(diff), axis=axis, keepdims=True))  # largest = m * 2**exponent, m < 1
    scaled = np.ldexp(diff, -exponent)  # every value now at most 1 in size
    with np.errstate(over="ignore"):  # beyond the float range the error is inf
        error = np.ldexp(0.5 * np.sum(scaled * scaled, axis=axis, keepdims=True), 2 * exponent)
    return error.squeeze(axis)


def _squared_error_gradient(y, y_hat):
    r"""The slope of :func:`_squared_error` with respect to ``y_hat``, unchecked: :math:`\hat{y} - y`."""
    return y_hat - y


def squared_error(y, y_hat, axis=None):
    r"""The article's error, :math:`E = \frac{1}{2}\sum (y - \hat{y})^2`.

    Always :math:`\geq 0`, and zero only when every prediction is right.
    Computed without overflow for any finite inputs; an error larger than
    the largest float (about 1.8e308) is reported as ``inf``.

    ``axis`` (an int or a tuple, as in numpy) sums over those axes only and
    returns one error per remaining position: ``axis=1`` gives the error of
    each row of a batch, ``axis=()`` the error of each value on its own.

    >>> squared_error(3.0, 1.0)
    2.0
    >>> squared_error([1.0, 0.0], [0.5, 0.5])
    0.25
    >>> squared_error([[1.0, 0.0], [3.0, 1.0]], [[0.0, 0.0], [1.0, 1.0]], axis=1).tolist()
    [0.5, 2.0]
    """
    y, y_hat = _pair(y, y_hat)
    out = _squared_error(y, y_hat, axis)
    return float(out) if out.ndim == 0 else out


def squared_error_gradient(y, y_hat):
    r"""The slope of the error with respect to the prediction: :math:`\hat{y} - y`.

    >>> squared_error_gradient(3.0, 1.0)
    -2.0
    """
    y, y_hat = _pair(y, y_hat)
    out = _squared_error_gradient(y, y_hat)
    return float(out) if out.ndim == 0 else out


def mean_squared_error(y, y_hat) -> float:
    r"""The error per sample: :math:`\frac{1}{n}\cdot\frac{1}{2}\sum (y - \hat{y})^2`.

    ``n`` is the number of samples, the length of the first axis (for a line
    fit, the number of points), so the number does not grow with the data.
    Because of the article's :math:`\frac{1}{2}` this is *half* of what most
    libraries (scikit-learn, PyTorch's ``MSELoss``) call the mean squared error.

    >>> mean_squared_error([1.0, 3.0], [0.0, 0.0])
    2.5
    """
    y, y_hat = _pair(y, y_hat)
    n = y.shape[0] if y.ndim else 1
    return squared_error(y, y_hat) / n


def cross_entropy(y, y_hat) -> float:
    r"""The cross-entropy of predicted probabilities: :math:`E = -\sum y \log \hat{y}`.

    ``y`` holds the actual values (one-hot: 1 for the right class, 0 for the
    others) and ``y_hat`` the predicted probabilities (a softmax output).  With
    one-hot ``y`` it is minus the log of the probability given to the right
    class: 0 when that probability is 1, large when it is near 0.  A
    probability of exactly 0 for the right class counts as the smallest
    positive float, so the answer stays finite.

    >>> round(cross_entropy([0.0, 1.0], [0.5, 0.5]), 4)
    0.6931
    """
    y, y_hat = _pair(y, y_hat)
    if np.any(y_hat < 0) or np.any(y_hat > 1):
        raise ValueError(tr("y_hat must hold probabilities between 0 and 1 (a softmax output)"))
    return float(-np.sum(y * np.log(np.maximum(y_hat, TINY))))


@dataclass(frozen=True)
class Loss:
    """An error for a batch, as a network trains on it: its value and its slope.

    ``value(outputs, Y)`` is the mean over the batch's rows of the error of
    each row; ``slope(outputs, Y)`` is the slope of that mean with respect to
    ``outputs``, where backpropagation starts.
    """

    name: str
    value: Callable
    slope: Callable

    def __repr__(self) -> str:
        return f"Loss({self.name!r})"


LOSSES = {
    # the article's error: E = 1/2 sum_k (Y_k - y_k)^2 per sample; its slope y - Y
    "squared_error": Loss("squared_error",
                          lambda y, Y: float(_squared_error(Y, y)) / y.shape[0],
                          lambda y, Y: _squared_error_gradient(Y, y) / y.shape[0]),
    # today's usual error with a softmax output: E = -sum_k Y_k log y_k per sample; its slope -Y / y
    "cross_entropy": Loss("cross_entropy",
                          lambda y, Y: float(-np.sum(Y * np.log(np.maximum(y, TINY))) / y.shape[0]),
                          lambda y, Y: -Y / np.maximum(y, TINY) / y.shape[0]),
}


def get_loss(name) -> Loss:
    """The :class:`Loss` called ``name``: ``"squared_error"`` (the article's) or ``"cross_entropy"``.

    >>> get_loss("cross_entropy")
    Loss('cross_entropy')
    """
    return name if isinstance(name, Loss) else one_of("loss", name, LOSSES)
