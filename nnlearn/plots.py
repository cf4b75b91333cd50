"""Matplotlib figures for the notebooks.

Every function draws one idea of the article, takes an optional ``ax`` (or
``fig``) to draw into, returns what it drew (artists, or a small dataclass of
them) so that tests can check the numbers, and never calls ``plt.show()``.
Text is at least 11 points so that a figure stays legible when projected.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import matplotlib.pyplot as plt
import numpy as np

from ._checks import as_float_array
from .data import IMAGE_SHAPE

FONTSIZE = 12
TITLE_SIZE = 13
CORRECT_COLOUR = "#1a7f37"  # green
WRONG_COLOUR = "#c62828"  # red


def _axes(ax, figsize=(5, 4)):
    """The given axes, or a fresh figure and axes."""
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, dpi=90, layout="constrained")
    return ax


def _digit_vector(name, x) -> np.ndarray:
    x = as_float_array(name, x)
    n_pixels = IMAGE_SHAPE[0] * IMAGE_SHAPE[1]
    if x.shape not in ((n_pixels,), IMAGE_SHAPE):
        raise ValueError(f"{name} must hold {n_pixels} pixel values (shape ({n_pixels},) or {IMAGE_SHAPE}), "
                         f"got shape {x.shape}")
    return x.reshape(IMAGE_SHAPE)


# ---- chapter 1: digits and the network's structure ------------------------
def plot_digit(x, ax=None, title=None):
    """One digit, a vector of 256 values in [-1, 1], as a 16x16 grey image.

    -1 is drawn dark and 1 white, as in the article; pixels are read row by
    row from the top left.  Returns the ``AxesImage``.
    """
    image = _digit_vector("x", x)
    ax = _axes(ax, figsize=(3, 3))
    artist = ax.imshow(image, cmap="gray", vmin=-1.0, vmax=1.0, interpolation="nearest")
    ax.set_xticks([])
    ax.set_yticks([])
    if title is not None:
        ax.set_title(title, fontsize=TITLE_SIZE)
    return artist


@dataclass
class DigitGrid:
    """What :func:`plot_digits` drew: the figure, its axes and one image per digit."""

    fig: object
    axes: list = field(default_factory=list)
    images: list = field(default_factory=list)
    titles: list = field(default_factory=list)
    correct: list | None = None  # one bool per digit when predictions were given


def plot_digits(X, labels=None, predictions=None, ncols=10, size=1.1, fig=None, suptitle=None):
    """A grid of digits (one per row of ``X``), titled with their labels.

    With ``predictions`` each digit is titled with the prediction: in green
    when it equals the label, in red with the true label ("5, is 3") and a red
    frame when it does not.  ``size`` is the width of one digit in inches.
    Returns a :class:`DigitGrid`.
    """
    X = as_float_array("X", X, ndim=2)
    n = X.shape[0]
    if n == 0:
        raise ValueError("X must hold at least one digit (one row of 256 values)")
    for name, values in (("labels", labels), ("predictions", predictions)):
        if values is not None and len(values) != n:
            raise ValueError(f"{name} must have one entry per row of X ({n}), got {len(values)}")
    if isinstance(ncols, bool) or not isinstance(ncols, (int, np.integer)) or ncols < 1:
        raise ValueError(f"ncols must be a positive integer, got {ncols!r}")
    ncols = min(int(ncols), n)
    nrows = -(-n // ncols)
    if fig is None:
        fig = plt.figure(figsize=(size * ncols, (size + 0.35) * nrows + (0.4 if suptitle else 0)),
                         dpi=90, layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    grid = DigitGrid(fig=fig)
    if predictions is not None and labels is not None:
        grid.correct = []
    for k, ax in enumerate(axes):
        if k >= n:
            ax.set_axis_off()
            continue
        title, colour = None, "black"
        if predictions is not None:
            pred = int(predictions[k])
            title = f"{pred}"
            if labels is not None:
                ok = pred == int(labels[k])
                grid.correct.append(ok)
                colour = CORRECT_COLOUR if ok else WRONG_COLOUR
                if not ok:
                    title = f"{pred}, is {int(labels[k])}"
        elif labels is not None:
            title = f"{int(labels[k])}"
        grid.images.append(plot_digit(X[k], ax=ax))
        if title is not None:
            ax.set_title(title, fontsize=FONTSIZE, color=colour, pad=2)
        if colour == WRONG_COLOUR:
            for spine in ax.spines.values():
                spine.set_edgecolor(WRONG_COLOUR)
                spine.set_linewidth(2.5)
        grid.axes.append(ax)
        grid.titles.append(title)
    if suptitle is not None:
        fig.suptitle(suptitle, fontsize=TITLE_SIZE)
    return grid
