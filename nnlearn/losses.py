r"""The article's error: :math:`E = \frac{1}{2}\sum (y - \hat{y})^2`.

``y`` is the actual (correct) value and ``y_hat`` the predicted one.  The
one half makes the slope tidy: :math:`\partial E / \partial \hat{y} = \hat{y} - y`.
"""

from __future__ import annotations

import numpy as np

from ._checks import as_float_array


def _pair(y, y_hat):
    y = as_float_array("y", y)
    y_hat = as_float_array("y_hat", y_hat)
    if y.shape != y_hat.shape:
        raise ValueError(
            f"y and y_hat must have the same shape, got {y.shape} and {y_hat.shape}"
        )
    return y, y_hat


def squared_error(y, y_hat) -> float:
    r"""The article's error, :math:`E = \frac{1}{2}\sum (y - \hat{y})^2`.

    Always :math:`\geq 0`, and zero only when every prediction is right.
    Computed without overflow for any finite inputs; an error larger than
    the largest float (about 1.8e308) is reported as ``inf``.

    >>> squared_error(3.0, 1.0)
    2.0
    >>> squared_error([1.0, 0.0], [0.5, 0.5])
    0.25
    """
    y, y_hat = _pair(y, y_hat)
    diff = y - y_hat
    # scale first so that huge (finite) errors cannot overflow to inf
    scale = np.max(np.abs(diff))
    if scale == 0:
        return 0.0
    with np.errstate(over="ignore"):  # beyond the float range the error is inf
        return float(0.5 * scale * scale * np.sum((diff / scale) ** 2))


def squared_error_gradient(y, y_hat):
    r"""The slope of the error with respect to the prediction: :math:`\hat{y} - y`.

    >>> squared_error_gradient(3.0, 1.0)
    -2.0
    """
    y, y_hat = _pair(y, y_hat)
    out = y_hat - y
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
