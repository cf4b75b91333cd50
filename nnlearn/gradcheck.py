r"""Finite differences: the slope measured instead of derived.

The central difference

.. math:: \frac{\partial f}{\partial a_j} \approx \frac{f(a + \varepsilon e_j) - f(a - \varepsilon e_j)}{2\varepsilon}

is slow (two evaluations of ``f`` per number) but needs no calculus, so it is
the referee for backpropagation: if the two disagree, the backward pass is wrong.
"""

from __future__ import annotations

import numpy as np

from ._checks import describe, positive_float
from .language import tr


def numerical_gradient(f, array, eps=1e-6):
    r"""The gradient of ``f()`` with respect to every entry of ``array``, by central differences.

    ``f`` takes no arguments and reads ``array`` (for example a layer's
    weights); each entry is nudged by ``+eps`` and ``-eps`` in place and put
    back exactly afterwards, also when ``f`` raises.

    >>> w = np.array([1.0, 2.0])
    >>> numerical_gradient(lambda: float(np.sum(w ** 2)), w).round(6)
    array([2., 4.])
    >>> w
    array([1., 2.])
    """
    if not callable(f):
        raise TypeError(tr("f must be a function with no arguments that returns a number, got {value}").format(
            value=describe(f)))
    if not isinstance(array, np.ndarray) or array.dtype.kind != "f":
        raise TypeError(tr("array must be a float numpy array that f reads (it is nudged in place), "
                           "got {value}").format(value=describe(array)))
    eps = positive_float("eps", eps)
    grad = np.zeros_like(array, dtype=np.float64)
    flat = array.reshape(-1)  # a view: nudging flat nudges array
    if not np.shares_memory(flat, array):
        raise ValueError(tr("array must be contiguous so that it can be nudged in place"))
    out = grad.reshape(-1)
    for j in range(flat.size):
        original = flat[j]
        try:
            flat[j] = original + eps
            plus = _number(f)
            flat[j] = original - eps
            minus = _number(f)
        finally:  # put the entry back even when f raises
            flat[j] = original
        out[j] = (plus - minus) / (2 * eps)
    return grad


def _number(f) -> float:
    value = f()
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise TypeError(tr("f must return a single number, got {value}").format(value=describe(value))) from None
    if not np.isfinite(value):
        raise ValueError(tr("f returned a non-finite value (NaN or inf) during the gradient check"))
    return value


def relative_error(a, b) -> float:
    r"""How far apart two gradients are: :math:`\|a - b\| / \max(\|a\|, \|b\|)`.

    Measured on the whole array (the Euclidean norm), so entries that are
    nearly zero in both do not blow the ratio up.  Two all-zero arrays give 0.

    >>> round(relative_error(np.array([3.0, 4.0]), np.array([3.0, 4.0 + 5e-9])), 12)
    1e-09
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(tr("a and b must have the same shape, got {shape_a} and {shape_b}").format(
            shape_a=a.shape, shape_b=b.shape))
    scale = max(np.linalg.norm(a), np.linalg.norm(b))
    if scale == 0:
        return 0.0
    return float(np.linalg.norm(a - b) / scale)
