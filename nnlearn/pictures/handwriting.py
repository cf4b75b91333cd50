"""A digit drawn by hand, prepared exactly as the shipped digits were, so that the network can read it.

The shipped digits are MNIST digits, which were prepared like this (LeCun,
Cortes and Burges): the digit's bounding box was scaled, keeping its shape, to
fit a 20x20 box (antialiased, so the edges are grey), then placed in a 28x28
image with its centre of mass at the centre.  ``scripts/build_digits.py`` then
cropped the centre 20x20 and resized it to 16x16 with antialiasing (Lanczos),
and :func:`nnlearn.data.load_digits` scales 0..255 to -1..1.
:func:`prepare_drawing` does all of it to a drawing, in that order:

>>> pad = np.zeros((200, 200))
>>> pad[40:160, 95:105] = 1.0            # a vertical stroke: a "1"
>>> x = prepare_drawing(pad)
>>> x.shape, float(x.min()), float(x.max())
((256,), -1.0, 1.0)

Pillow does the resizing (the same filter the digits were made with); it is
outside the numpy core for that reason.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from .._checks import as_float_array
from ..language import tr

MNIST_BOX = 20  # MNIST scaled each digit's bounding box to fit 20x20 ...
MNIST_SIZE = 28  # ... and placed it, by its centre of mass, in a 28x28 image
MNIST_CENTRE = 14.0  # the row and column (pixel index) the centre of mass goes to
SIDE = 16  # the course's digits: 16x16


def bounding_box(ink, threshold=0.1):
    """``(top, bottom, left, right)`` (bottom and right exclusive) of the pixels above ``threshold``
    times the brightest pixel, or None for an empty drawing.

    >>> ink = np.zeros((5, 5)); ink[1:3, 2] = 1.0
    >>> bounding_box(ink)
    (1, 3, 2, 3)
    """
    ink = as_float_array("ink", ink, ndim=2)
    if ink.max() <= 0:
        return None
    rows = np.flatnonzero((ink > threshold * ink.max()).any(axis=1))
    cols = np.flatnonzero((ink > threshold * ink.max()).any(axis=0))
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


def resize(values, size):
    """A 2-D float array resized to ``size`` = (width, height) with Lanczos antialiasing (Pillow)."""
    image = Image.fromarray(np.ascontiguousarray(values, dtype=np.float32), mode="F")
    return np.asarray(image.resize(size, Image.Resampling.LANCZOS), dtype=np.float64)


def centre_of_mass(ink):
    """``(row, column)`` of the ink's centre of mass, in pixel indices.

    >>> centre_of_mass(np.array([[0.0, 1.0], [0.0, 1.0]]))
    (0.5, 1.0)
    """
    ink = as_float_array("ink", ink, ndim=2)
    total = ink.sum()
    rows, cols = np.indices(ink.shape)
    return float((rows * ink).sum() / total), float((cols * ink).sum() / total)


def as_mnist(pixels, threshold=0.1):
    """A drawing (ink bright, paper 0) as MNIST prepared its digits: a 28x28 array of 0..255.

    The bounding box is scaled, keeping its shape, so that its longer side is
    20 pixels; then it is placed so that its centre of mass is at row and
    column 14.  An empty drawing gives an empty image.
    """
    ink = as_float_array("pixels", pixels, ndim=2)
    if not np.all(np.isfinite(ink)) or ink.min() < 0:
        raise ValueError(tr("pixels must be finite and not negative (0 is paper, larger values are ink)"))
    mnist = np.zeros((MNIST_SIZE, MNIST_SIZE))
    box = bounding_box(ink, threshold)
    if box is None:
        return mnist
    top, bottom, left, right = box
    crop = ink[top:bottom, left:right] / ink.max()
    scale = MNIST_BOX / max(crop.shape)
    height, width = (max(1, round(side * scale)) for side in crop.shape)
    small = np.clip(resize(crop, (width, height)), 0.0, 1.0)
    row, col = centre_of_mass(small)
    r0, c0 = round(MNIST_CENTRE - row), round(MNIST_CENTRE - col)
    # paste, cutting off whatever would fall outside the 28x28 image
    rows = slice(max(r0, 0), min(r0 + height, MNIST_SIZE))
    cols = slice(max(c0, 0), min(c0 + width, MNIST_SIZE))
    mnist[rows, cols] = small[rows.start - r0:rows.stop - r0, cols.start - c0:cols.stop - c0]
    return np.round(255 * mnist)


def shrink(image28):
    """A 28x28 image of 0..255 as the course's digits were made: its centre 20x20, resized to 16x16
    (Lanczos, 8-bit, as ``scripts/build_digits.py`` does), scaled to [-1, 1]: 256 values."""
    image28 = as_float_array("image28", image28, ndim=2)
    if image28.shape != (MNIST_SIZE, MNIST_SIZE):
        raise ValueError(tr("image28 must have shape (28, 28), got {shape}").format(shape=image28.shape))
    centre = np.clip(image28[4:24, 4:24], 0, 255).astype(np.uint8)
    small = Image.fromarray(centre, mode="L").resize((SIDE, SIDE), Image.Resampling.LANCZOS)
    return np.asarray(small, dtype=np.float64).reshape(SIDE * SIDE) / 127.5 - 1.0


def prepare_drawing(pixels, threshold=0.1):
    """The 256 values in [-1, 1] the network sees for a drawing (ink bright, paper 0): :func:`as_mnist`,
    then :func:`shrink`."""
    return shrink(as_mnist(pixels, threshold))


def digit_as_drawing(x, size=200):
    """A shipped digit (256 values in [-1, 1]) blown up to a ``size`` x ``size`` drawing of 0..1 (ink bright),
    as if drawn on the pad."""
    x = as_float_array("x", x, ndim=1)
    if x.shape != (SIDE * SIDE,):
        raise ValueError(tr("x must hold 256 values (a 16x16 digit), got shape {shape}").format(shape=x.shape))
    ink = (x.reshape(SIDE, SIDE) + 1.0) / 2.0
    return np.clip(resize(ink, (size, size)), 0.0, 1.0)
