"""One look for every figure of the course: sizes, one palette, one axes helper, one return value.

A colour means the same thing in every notebook:

========== =========================================================
DATA       the data: points, input values, one class of points
PREDICTION what a model says: its line, its guess, its output
RIGHT      a prediction that equals the label
WRONG      a prediction that does not, and the error of each point
PATH       gradient descent: the path and the ball
BEST       the best line and the lowest loss, for comparison
MUTED      everything else that is only context
========== =========================================================

Text is at least 11 points so that a figure stays legible when projected.
Every plot function draws into the ``ax`` it is given or into a new figure
from :func:`axes_for`, and returns a :class:`Drawn` dict of what it drew.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib import font_manager

from ..language import on_language_change, tr

DPI = 90
ANIMATION_DPI = 72  # an animation stores dozens of frames: smaller ones keep a notebook light
TEXT = 12  # axis labels, labels in diagrams
TITLE = 13
SMALL = 11  # tick labels, legends, notes
SYMBOL = 17  # a symbol standing for a node or a gap in a diagram (Σ, σ, ⋮)

DATA = "#2f4b7c"  # dark blue
PREDICTION = "#f28e2b"  # orange
RIGHT = "#1a7f37"  # green
WRONG = "#c62828"  # red
PATH = "#e7298a"  # magenta: stands out on the viridis contours of a loss surface
BEST = "black"
MUTED = "#9e9e9e"  # grey
ACCENT = "#b35806"  # dark orange: a number written beside what it belongs to (a weight, a midpoint)
SECOND_CLASS = "#e07b00"  # the other class of points in a two-class problem
LAYER_FILLS = {"input": "#cfe2f3", "hidden": "#fde2c0", "output": "#d5ecd4"}


class Drawn(dict):
    """What a plot function drew: a dict whose keys also read as attributes (``drawn.ax``)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value

    def __repr__(self) -> str:
        return f"Drawn({', '.join(sorted(self))})"


def new_figure(figsize, dpi=DPI):
    """A new figure with the course's dpi and a constrained layout."""
    return plt.figure(figsize=figsize, dpi=dpi, layout="constrained")


def grid_figure(nrows, ncols, size, suptitle, gap=0.1, title_room=0.35, top_room=0.3):
    """A figure of ``nrows`` x ``ncols`` equal cells, ``size`` inches wide, placed by arithmetic.

    Every cell is a square picture (a digit, a node's weights) with a one-line title above it,
    so where the axes go is known in advance (in inches: ``gap`` between columns, ``title_room``
    above each row and ``top_room`` more for a suptitle). The constrained layout solver would
    find the same places and took half the time of a 10-digit grid. Returns ``fig`` and a 2-D
    array of axes.
    """
    width = size * ncols
    height = (size + title_room) * nrows + (top_room if suptitle else 0.0)
    fig = plt.figure(figsize=(width, height), dpi=DPI)
    edge = gap / 2
    axes_width = (width - 2 * edge - gap * (ncols - 1)) / ncols
    axes_height = size - edge  # each row keeps title_room above it; the bottom row loses edge
    top = height - (top_room if suptitle else 0.0) - title_room
    axes = fig.subplots(nrows, ncols, squeeze=False, gridspec_kw={
        "left": edge / width, "right": 1 - edge / width, "bottom": edge / height, "top": top / height,
        "wspace": gap / axes_width, "hspace": (title_room + edge) / axes_height})
    return fig, axes


def axes_for(ax, figsize, ncols=1, dpi=DPI, **subplot_kw):
    """``ax`` when given; otherwise the axes of a new figure (an array of ``ncols`` when ``ncols > 1``)."""
    if ax is not None:
        return ax
    axes = new_figure(figsize, dpi).subplots(1, ncols, subplot_kw=subplot_kw or None)
    return axes


def style_axes(ax, title=None, xlabel=None, ylabel=None):
    """Title, axis labels and tick labels at the course's sizes, in the learner's language (:func:`tr`)."""
    if title is not None:
        ax.set_title(tr(title), fontsize=TITLE)
    if xlabel is not None:
        ax.set_xlabel(tr(xlabel), fontsize=TEXT)
    if ylabel is not None:
        ax.set_ylabel(tr(ylabel), fontsize=TEXT)
    ax.tick_params(labelsize=SMALL)


# ---- the font of the Chinese edition ----------------------------------------------------
# Matplotlib's DejaVu Sans has no Chinese characters. In Chinese, figures draw Latin letters and
# digits with DejaVu Sans as before, and every other character with the subset of Noto Sans SC
# that the package ships (scripts/build_cjk_font.py), then with a Chinese font installed on the
# machine, for a character that a teacher's own label adds. English leaves matplotlib untouched.
CJK_FONT = Path(__file__).parent / "fonts" / "NotoSansSC-nnlearn.otf"
CJK_FAMILY = "Noto Sans SC nnlearn"
INSTALLED_CJK = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                 "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "SimHei")
_FONT_SETTINGS = ("font.family", "font.sans-serif")
_saved_settings: dict = {}


def _use_language_font(language: str) -> None:
    if language == "zh":
        if not _saved_settings:
            _saved_settings.update({key: mpl.rcParams[key] for key in _FONT_SETTINGS})
        if CJK_FAMILY not in {entry.name for entry in font_manager.fontManager.ttflist}:
            font_manager.fontManager.addfont(str(CJK_FONT))
        installed = {entry.name for entry in font_manager.fontManager.ttflist}
        families = ["DejaVu Sans", CJK_FAMILY, *(f for f in INSTALLED_CJK if f in installed)]
        mpl.rcParams["font.family"] = families  # a list: each character from the first family that has it
        mpl.rcParams["font.sans-serif"] = families + [f for f in mpl.rcParams["font.sans-serif"] if f not in families]
    elif _saved_settings:
        mpl.rcParams.update(_saved_settings)
        _saved_settings.clear()


on_language_change(_use_language_font)
