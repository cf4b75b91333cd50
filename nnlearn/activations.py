r"""Activation functions, each travelling with its derivative.

The article's node squashes its weighted sum :math:`v_k` with the sigmoid,
:math:`y_k = \sigma(v_k)`.  Each activation here is an :class:`Activation`
holding the function and its derivative side by side, so whoever finds one
finds the other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ._checks import numeric_array, one_of
from .language import tr


def sigmoid(v):
    r"""The sigmoid (logistic) function, :math:`\sigma(v) = 1 / (1 + e^{-v})`.

    Squashes any number into (0, 1).  Computed as :math:`1/(1+e^{-|v|})` or
    :math:`e^{-|v|}/(1+e^{-|v|})`, so ``exp`` never overflows: it is exact
    and warning-free for every finite ``v`` (try ``sigmoid(-1000)``).

    >>> sigmoid(0.0)
    0.5
    >>> [round(float(s), 4) for s in sigmoid([-2.0, 2.0])]
    [0.1192, 0.8808]
    >>> float(sigmoid(-1000.0)), float(sigmoid(1000.0))
    (0.0, 1.0)
    """
    out = _sigmoid(numeric_array("v", v))
    return float(out) if out.ndim == 0 else out


def _sigmoid(v: np.ndarray) -> np.ndarray:
    """The formula of :func:`sigmoid` on a float array, without the input checks.

    The network calls it on arrays it checked on the way in; there a NaN
    means training diverged, which :meth:`nnlearn.Network.fit` reports itself.
    Written one step at a time in place: for a full batch a fresh large array
    costs more than the arithmetic (two new arrays here instead of six).
    """
    z = np.empty(np.shape(v))
    np.abs(v, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)  # e^{-|v|}, in (0, 1]: never overflows
    y = np.where(v >= 0, 1.0, z)  # numerator: 1 for v >= 0, e^{-|v|} = e^{v} for v < 0
    z += 1.0
    y /= z
    return y


def sigmoid_derivative(v):
    r"""The sigmoid's slope, :math:`\sigma'(v) = \sigma(v)\,(1 - \sigma(v))`.

    Written as :math:`e^{-|v|} / (1 + e^{-|v|})^2`, which is the same number,
    symmetric in ``v`` and free of the cancellation in ``1 - sigma(v)``.
    Its largest value is 1/4, at ``v = 0``.

    >>> sigmoid_derivative(0.0)
    0.25
    >>> float(sigmoid_derivative(1000.0))
    0.0
    """
    v = numeric_array("v", v)
    z = np.exp(-np.abs(v))
    out = z / (1.0 + z) ** 2
    return float(out) if out.ndim == 0 else out


def linear(v):
    r"""The identity, :math:`y = v`: a node with no activation at all.

    >>> linear(3.0)
    3.0
    """
    v = numeric_array("v", v)
    return float(v) if v.ndim == 0 else v


def linear_derivative(v):
    r"""The identity's slope: 1 everywhere.

    >>> linear_derivative(-7.0)
    1.0
    """
    out = np.ones_like(numeric_array("v", v))
    return float(out) if out.ndim == 0 else out


def relu(v):
    r"""The rectified linear unit, :math:`\mathrm{relu}(v) = \max(0, v)`: today's usual hidden activation.

    It never saturates for positive ``v`` (its slope stays 1), which keeps
    gradients from fading in deep networks; for negative ``v`` it is 0.

    >>> relu([-2.0, 0.0, 3.0]).tolist()
    [0.0, 0.0, 3.0]
    """
    out = np.maximum(numeric_array("v", v), 0.0)
    return float(out) if out.ndim == 0 else out


def relu_derivative(v):
    r"""The slope of :func:`relu`: 1 where :math:`v > 0`, else 0.

    >>> relu_derivative([-2.0, 3.0]).tolist()
    [0.0, 1.0]
    """
    out = (numeric_array("v", v) > 0).astype(float)
    return float(out) if out.ndim == 0 else out


def softmax(v):
    r"""Softmax over the last axis: :math:`y_k = e^{v_k} / \sum_j e^{v_j}`.

    The outputs are positive and add up to 1, so an output layer with softmax
    says how sure it is of each class.  Computed as
    :math:`e^{v_k - \max v} / \sum_j e^{v_j - \max v}` (the same number), so
    ``exp`` never overflows.  Unlike the sigmoid, each output depends on every
    weighted sum of its layer.

    >>> softmax([0.0, 0.0]).tolist()
    [0.5, 0.5]
    >>> [round(p, 4) for p in softmax([1000.0, 0.0]).tolist()]
    [1.0, 0.0]
    """
    return _softmax(numeric_array("v", v))


def _softmax(v: np.ndarray) -> np.ndarray:
    z = np.exp(v - np.max(v, axis=-1, keepdims=True))
    return z / np.sum(z, axis=-1, keepdims=True)


def _softmax_backward(y: np.ndarray, dy: np.ndarray) -> np.ndarray:
    r"""The chain rule through softmax: :math:`dv_k = y_k\,(dy_k - \sum_j dy_j\, y_j)` for each row."""
    return y * (dy - np.sum(dy * y, axis=-1, keepdims=True))


@dataclass(frozen=True)
class Activation:
    """An activation function with its derivative.

    ``function(v)`` is the formula on a float array (callers check their
    inputs first: :func:`sigmoid` is the checked version for learners);
    ``derivative(v)`` is the slope as a function of the weighted sum ``v``;
    ``derivative_from_output(y)`` is the same slope written with the node's
    output ``y = function(v)`` (for the sigmoid, ``y (1 - y)``), which saves
    backpropagation from computing ``exp`` a second time.  Softmax mixes the
    nodes of a layer, so it has no elementwise slope: it gives ``chain``, the
    chain rule through it, instead.
    """

    name: str
    function: Callable
    derivative: Callable | None
    derivative_from_output: Callable | None
    chain: Callable | None = None

    def __call__(self, v):
        return self.function(v)

    def backward(self, y, dy):
        """The slope of the error with respect to ``v``, from its slope ``dy`` with respect to the output ``y``."""
        if self.chain is not None:
            return self.chain(y, dy)
        return dy * self.derivative_from_output(y)

    def __repr__(self) -> str:
        return f"Activation({self.name!r})"


ACTIVATIONS = {
    "sigmoid": Activation("sigmoid", _sigmoid, sigmoid_derivative, lambda y: y * (1.0 - y)),
    "linear": Activation("linear", lambda v: v, linear_derivative, lambda y: np.ones_like(y)),
    "relu": Activation("relu", lambda v: np.maximum(v, 0.0), relu_derivative, lambda y: (y > 0).astype(float)),
    "softmax": Activation("softmax", _softmax, None, None, chain=_softmax_backward),
}


def get_activation(name) -> Activation:
    """The :class:`Activation` called ``name`` ("sigmoid", "relu", "softmax" or "linear"); ``None`` means linear.

    >>> get_activation("sigmoid")
    Activation('sigmoid')
    """
    if name is None:
        return ACTIVATIONS["linear"]
    return name if isinstance(name, Activation) else one_of("activation", name, ACTIVATIONS, also=tr(" or None"))
