r"""Two-dimensional problems for a small network to learn, as in TensorFlow Playground.

Each function returns ``(X, y)``: ``X`` of shape ``(n, 2)``, the two inputs
:math:`x_1, x_2` of each point, inside the square from -3 to 3 (before noise),
and ``y`` the class of each point, 0 or 1.  Half the points are of each class.
The square is that large so that a sigmoid node whose weights are about 1 bends
inside it.  ``noise`` (0 to 1) moves every point by a random amount, as a
fraction of the square's half side; ``seed`` fixes every random draw, so the
same call gives the same points.

================ ===============================================================
``xor``          class 1 where exactly one input is positive: no line separates it
``circles``      class 1 inside a circle, class 0 on a ring around it
``spirals``      two spirals wound into each other: needs two hidden layers to be quick
``clusters``     two blobs: one straight line is enough
================ ===============================================================

>>> X, y = make_problem("xor", n=8, noise=0.0)
>>> X.shape, y.tolist()
((8, 2), [0, 1, 0, 1, 0, 1, 0, 1])
"""

from __future__ import annotations

import numpy as np

from ._checks import describe, positive_int, rng_from
from .language import tr


def _check(n, noise):
    n = positive_int("n", n)
    if n < 2 or n % 2:
        raise ValueError(tr("n must be an even number of points, at least 2 (half of each class), got {n}").format(n=n))
    if isinstance(noise, bool) or not isinstance(noise, (int, float, np.integer, np.floating)):
        raise TypeError(tr("noise must be a number, got {value}").format(value=describe(noise)))
    if not 0.0 <= noise <= 1.0 or not np.isfinite(noise):
        raise ValueError(tr("noise must be between 0 and 1 (in units of the square's half side), got {noise}").format(
            noise=noise))
    return n, float(noise)


def _classes(n):
    """0, 1, 0, 1, ...: half the points of each class, the classes interleaved."""
    return np.arange(n) % 2


HALF_SIDE = 3.0


def _noisy(X, noise, rng):
    """Points drawn in the square from -1 to 1, moved by the noise, then scaled to the problem's square."""
    if noise:
        X = X + rng.normal(0.0, noise, size=X.shape)
    return HALF_SIDE * X


def xor(n=200, noise=0.1, seed=0):
    """Points in the square; class 1 where exactly one of :math:`x_1, x_2` is positive.

    >>> X, y = xor(n=200, noise=0.0)
    >>> bool(np.all(y == ((X[:, 0] > 0) != (X[:, 1] > 0)))), float(np.abs(X).max()) <= 3
    (True, True)
    """
    n, noise = _check(n, noise)
    rng = rng_from("seed", seed)
    y = _classes(n)
    # a point at least 0.1 from both axes, in the quarter that gives its class
    size = rng.uniform(0.1, 1.0, size=(n, 2))
    first_positive = rng.random(n) < 0.5
    sign_1 = np.where(first_positive, 1.0, -1.0)
    sign_2 = np.where(y == 1, -sign_1, sign_1)
    X = size * np.column_stack([sign_1, sign_2])
    return _noisy(X, noise, rng), y


def circles(n=200, noise=0.1, seed=0):
    """Class 1 inside a circle of radius 1.5, class 0 on a ring from 2.1 to 3.

    >>> X, y = circles(n=100, noise=0.0)
    >>> radius = np.hypot(X[:, 0], X[:, 1])
    >>> bool(radius[y == 1].max() <= 1.5 < 2.1 <= radius[y == 0].min())
    True
    """
    n, noise = _check(n, noise)
    rng = rng_from("seed", seed)
    y = _classes(n)
    radius = np.where(y == 1, rng.uniform(0.0, 0.5, size=n), rng.uniform(0.7, 1.0, size=n))
    angle = rng.uniform(0.0, 2 * np.pi, size=n)
    X = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    return _noisy(X, noise, rng), y


def spirals(n=200, noise=0.1, seed=0, turns=1.25):
    """Two spirals that wind ``turns`` times around the centre, one per class, each the other
    turned by half a circle.

    >>> X, y = spirals(n=100, noise=0.0)
    >>> bool(np.allclose(X[y == 0], -X[y == 1]))
    True
    """
    n, noise = _check(n, noise)
    rng = rng_from("seed", seed)
    y = _classes(n)
    along = np.repeat(rng.uniform(0.0, 1.0, size=n // 2), 2)  # how far along its spiral, 0 to 1
    radius = 0.1 + 0.9 * along
    angle = 2 * np.pi * turns * along + np.pi * y
    X = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    return _noisy(X, noise, rng), y


def clusters(n=200, noise=0.1, seed=0):
    """Two round blobs, class 0 around (-1.5, -1.5) and class 1 around (1.5, 1.5).

    Each blob spreads by 0.6 (a standard deviation), plus the noise.

    >>> X, y = clusters(n=200, noise=0.0)
    >>> bool(np.all(np.abs(X[y == 1].mean(axis=0) - 1.5) < 0.2))
    True
    """
    n, noise = _check(n, noise)
    rng = rng_from("seed", seed)
    y = _classes(n)
    centres = np.where(y[:, np.newaxis] == 1, 0.5, -0.5)
    X = centres + rng.normal(0.0, 0.2, size=(n, 2))
    return _noisy(X, noise, rng), y


PROBLEMS = {"xor": xor, "circles": circles, "spirals": spirals, "clusters": clusters}


def make_problem(name, n=200, noise=0.1, seed=0):
    """The problem called ``name`` (one of ``PROBLEMS``): ``(X, y)``."""
    if not isinstance(name, str) or name not in PROBLEMS:
        raise ValueError(tr("{name} must be one of {choices}, got {value}").format(
            name="name", choices=sorted(PROBLEMS), value=repr(name)))
    return PROBLEMS[name](n=n, noise=noise, seed=seed)
