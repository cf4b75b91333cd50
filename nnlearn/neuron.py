r"""A single node: the article's linear neuron and its sigmoid version.

With one input the node is the line of linear regression,
:math:`v = w_1 x_1 + b_1` (the same as :math:`y = m x + b`).  With :math:`i`
inputs it is a plane or hyperplane, :math:`v_k = \sum_i x_i w_i + b_k`, and
with the sigmoid it becomes :math:`y_k = \sigma(v_k)`.
"""

from __future__ import annotations

import numpy as np

from ._checks import as_float_array
from .activations import get_activation
from .language import tr


def _fmt(array: np.ndarray) -> str:
    if array.ndim == 0:
        return f"{float(array):g}"
    return "[" + ", ".join(f"{float(a):g}" for a in array) + "]"


class Neuron:
    r"""One node with weight(s) ``w``, bias ``b`` and an optional activation.

    ``w`` is a number (one input) or a 1-D array (one weight per input).
    Calling the neuron on ``x`` returns :math:`v = \sum_i x_i w_i + b`, or
    :math:`y = \sigma(v)` when ``activation="sigmoid"``.

    * one weight: ``x`` is a number or an array of inputs, one value per sample;
    * ``i`` weights: ``x`` has shape ``(i,)`` (one sample) or ``(n, i)``
      (``n`` samples, one per row).

    >>> line = Neuron(w=0.5, b=2.0)
    >>> line([0.0, 2.0, 4.0])
    array([2., 3., 4.])
    >>> Neuron(w=[1.0, -1.0], b=0.5)([[3.0, 1.0], [0.0, 0.0]])
    array([2.5, 0.5])
    >>> Neuron(w=1.0, b=0.0, activation="sigmoid")(0.0)
    0.5
    """

    def __init__(self, w, b=0.0, activation=None):
        self.w = as_float_array("w", w, ndim=(0, 1))
        self.b = float(as_float_array("b", b, ndim=0))
        self.activation = get_activation(activation)

    @property
    def n_inputs(self) -> int:
        return 1 if self.w.ndim == 0 else self.w.shape[0]

    def weighted_sum(self, x):
        r"""The weighted sum :math:`v = \sum_i x_i w_i + b`, before any activation."""
        x = as_float_array("x", x)
        if self.w.ndim == 0:
            return x * self.w + self.b
        i = self.w.shape[0]
        if x.ndim not in (1, 2) or x.shape[-1] != i:
            raise ValueError(tr("x must have shape ({i},) for one sample or (n, {i}) for n samples, "
                                "because this neuron has {i} weights; got shape {shape}").format(i=i, shape=x.shape))
        return x @ self.w + self.b

    def __call__(self, x):
        v = self.weighted_sum(x)
        y = self.activation(v)
        return float(y) if np.ndim(y) == 0 else y

    def __repr__(self) -> str:
        act = None if self.activation.name == "linear" else self.activation.name
        return f"Neuron(w={_fmt(self.w)}, b={self.b:g}, activation={act!r})"
