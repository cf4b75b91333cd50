"""Pictures as pixels, for the tests that compare a widget's fast redraw with a full drawing."""

import io

import matplotlib.pyplot as plt
import numpy as np
from PIL import Image


def pixels(png: bytes) -> np.ndarray:
    """The RGB pixels of a PNG."""
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def full_draw(fig) -> np.ndarray:
    """The pixels of ``fig`` drawn from scratch by matplotlib (``savefig`` at the figure's dpi)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=fig.dpi)
    return pixels(buffer.getvalue())


def fresh_draw(like, plot) -> np.ndarray:
    """The pixels of ``plot(ax)`` called on new axes, in a new figure the size of ``like`` with its axes at
    the same places (one axes, or a list of them as a widget's plot function gets): what the plot function
    draws from scratch for the values that a widget shows in ``like``."""
    fig = plt.figure(figsize=like.get_size_inches(), dpi=like.dpi)
    axes = [fig.add_axes(ax.get_position(), projection=None if ax.name == "rectilinear" else ax.name)
            for ax in like.axes]
    plot(axes[0] if len(axes) == 1 else axes)
    drawn = full_draw(fig)
    plt.close(fig)
    return drawn
