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
TICK_SIZE = 11
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


def _style(ax, title=None, xlabel=None, ylabel=None):
    """Titles and labels large enough to read when projected."""
    if title is not None:
        ax.set_title(title, fontsize=TITLE_SIZE)
    if xlabel is not None:
        ax.set_xlabel(xlabel, fontsize=FONTSIZE)
    if ylabel is not None:
        ax.set_ylabel(ylabel, fontsize=FONTSIZE)
    ax.tick_params(labelsize=TICK_SIZE)


@dataclass
class InputValues:
    """What :func:`plot_input_values` drew."""

    ax: object
    bars: object  # a LineCollection, one segment from 0 to each value
    values: np.ndarray


def plot_input_values(x, ax=None):
    """The 256 input values of one digit as bars, one per input node.

    Bar ``k`` is pixel ``k`` read row by row from the top left; its height is
    the brightness, from -1 (dark) to 1 (white).  Dotted lines separate the
    16 rows of the image.
    """
    values = _digit_vector("x", x).ravel()
    ax = _axes(ax, figsize=(9, 3.2))
    colours = np.where(values > 0, "#f2a900", "#2f4b7c")
    # one vertical segment per input node (a LineCollection: much faster to draw than 256 bars)
    bars = ax.vlines(np.arange(values.size), 0.0, values, colors=colours, linewidth=2.4)
    for row in range(1, IMAGE_SHAPE[0]):
        ax.axvline(row * IMAGE_SHAPE[1] - 0.5, color="grey", linestyle=":", linewidth=0.8)
    ax.axhline(0.0, color="black", linewidth=0.8)
    ax.set_xlim(-0.5, values.size - 0.5)
    ax.set_ylim(-1.1, 1.1)
    ax.set_yticks([-1, 0, 1], ["-1 dark", "0", "1 white"])
    _style(ax, "The same digit as 256 input values (dotted lines: the end of each 16-pixel row)",
           "input node = pixel number, row by row from the top left", "input value")
    return InputValues(ax=ax, bars=bars, values=values)


@dataclass
class NetworkDiagram:
    """What :func:`plot_network` drew: node centres per layer (only the nodes shown)."""

    ax: object
    layer_sizes: list
    positions: list  # per layer, an array (shown nodes, 2) of x, y centres
    shown: list  # per layer, the indices of the nodes drawn
    circles: list
    edges: object


LAYER_COLOURS = {"input": "#cfe2f3", "hidden": "#fde2c0", "output": "#d5ecd4"}


def _shown_nodes(n, max_nodes):
    if n <= max_nodes:
        return list(range(n)), None
    half = max_nodes // 2
    return list(range(half)) + list(range(n - half, n)), half


def plot_network(layer_sizes, ax=None, values=None, max_nodes=10, output_labels=None):
    """A network diagram: layers as columns of nodes, every node joined to the next layer.

    Layers with more than ``max_nodes`` nodes show their first and last few
    nodes with a "..." between them, and say how many there are.  With
    ``values`` (one array per layer, e.g. the outputs of a forward pass) each
    node is shaded by its value, white for high, dark for low (inputs in
    [-1, 1], other layers in [0, 1]).  ``output_labels`` name the output
    nodes (for digits, 0 to 9).
    """
    sizes = [int(n) for n in layer_sizes]
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"layer_sizes must list at least two positive layer widths, got {layer_sizes!r}")
    if values is not None and len(values) != len(sizes):
        raise ValueError(f"values must hold one array per layer ({len(sizes)}), got {len(values)}")
    ax = _axes(ax, figsize=(1.9 * len(sizes) + 0.8, 5.2))
    shown_per_layer, positions, circles, segments = [], [], [], []
    radius = 0.32
    for k, n in enumerate(sizes):
        shown, gap = _shown_nodes(n, max_nodes)
        slots = len(shown) + (1 if gap is not None else 0)
        ys = []
        for j in range(len(shown)):
            slot = j + (1 if gap is not None and j >= gap else 0)
            ys.append((slots - 1) / 2 - slot)
        xy = np.column_stack([np.full(len(shown), 3.0 * k), ys])
        positions.append(xy)
        shown_per_layer.append(shown)
        if gap is not None:
            ax.text(3.0 * k, (slots - 1) / 2 - gap, "\u22ee", ha="center", va="center", fontsize=18)
    for k in range(len(sizes) - 1):
        for a in positions[k]:
            for c in positions[k + 1]:
                segments.append([a, c])
    from matplotlib.collections import LineCollection

    edges = LineCollection(segments, colors="#9e9e9e", linewidths=0.5, alpha=0.6, zorder=1)
    ax.add_collection(edges)
    for k, n in enumerate(sizes):
        kind = "input" if k == 0 else "output" if k == len(sizes) - 1 else "hidden"
        layer_values = None if values is None else np.asarray(values[k], dtype=float).ravel()
        for j, (cx, cy) in zip(shown_per_layer[k], positions[k], strict=True):
            if layer_values is None:
                face = LAYER_COLOURS[kind]
            else:
                lo = -1.0 if k == 0 else 0.0
                face = plt.get_cmap("gray")(float(np.clip((layer_values[j] - lo) / (1.0 - lo), 0, 1)))
            circle = plt.Circle((cx, cy), radius, facecolor=face, edgecolor="black", linewidth=1.0, zorder=2)
            ax.add_patch(circle)
            circles.append(circle)
            if kind == "output" and output_labels is not None:
                ax.text(cx + 0.55, cy, str(output_labels[j]), ha="left", va="center", fontsize=FONTSIZE)
        top = max(p[:, 1].max() for p in positions) + 0.7
        name = {"input": "input layer", "hidden": "hidden layer", "output": "output layer"}[kind]
        ax.text(3.0 * k, top, f"{name}\n{n} nodes", ha="center", va="bottom", fontsize=FONTSIZE)
    height = max(len(p) for p in positions) + 1
    ax.set_xlim(-1.0, 3.0 * (len(sizes) - 1) + 1.3)
    ax.set_ylim(-height / 2 - 0.3, height / 2 + 1.6)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return NetworkDiagram(ax=ax, layer_sizes=sizes, positions=positions, shown=shown_per_layer,
                          circles=circles, edges=edges)


@dataclass
class ForwardPass:
    """What :func:`plot_forward_pass` drew."""

    fig: object
    axes: list
    bars: list  # one BarContainer per layer after the input
    prediction: int


def plot_forward_pass(activations, fig=None):
    """One forward pass, layer by layer: the input digit, then each layer's outputs as bars.

    ``activations[0]`` is the input (256 pixel values); ``activations[k]`` the
    outputs of layer ``k``.  The last panel shows the output nodes 0, 1, ...
    and marks the most active one: the network's prediction.
    """
    if len(activations) < 2:
        raise ValueError("activations must hold the input and at least one layer's outputs")
    layers = [np.asarray(a, dtype=float).ravel() for a in activations]
    n = len(layers)
    if fig is None:
        fig = plt.figure(figsize=(3.3 * n, 4.2), dpi=90, layout="constrained")
    axes = fig.subplots(1, n, squeeze=False).ravel()
    if layers[0].size == IMAGE_SHAPE[0] * IMAGE_SHAPE[1]:
        plot_digit(layers[0], ax=axes[0], title=f"input layer\n{layers[0].size} values in [-1, 1]")
    else:
        axes[0].barh(np.arange(layers[0].size), layers[0], color="#2f4b7c")
        _style(axes[0], f"input layer\n{layers[0].size} values", "value", "input node")
    bars = []
    prediction = int(np.argmax(layers[-1]))
    for k in range(1, n):
        ax = axes[k]
        values = layers[k]
        last = k == n - 1
        colours = ["#9e9e9e"] * values.size
        if last:
            colours[prediction] = CORRECT_COLOUR
        bars.append(ax.barh(np.arange(values.size), values, color=colours))
        ax.set_xlim(0, 1)
        ax.invert_yaxis()
        if last:
            ax.set_yticks(np.arange(values.size))
            title = f"output layer\nmost active: {prediction}"
            ylabel = "output node (digit)"
        else:
            ax.set_yticks(np.arange(0, values.size, max(1, values.size // 8)))
            title = f"hidden layer {k}\n{values.size} nodes"
            ylabel = "hidden node"
        _style(ax, title, "output y = \u03c3(v), from 0 to 1", ylabel)
    return ForwardPass(fig=fig, axes=list(axes), bars=bars, prediction=prediction)


# ---- chapter 2: a single node is a line ---------------------------------------
def best_fit_line(x, y):
    r"""The least-squares line through the points: the ``(w, b)`` with the smallest error.

    :math:`w = \sum (x - \bar{x})(y - \bar{y}) / \sum (x - \bar{x})^2` and
    :math:`b = \bar{y} - w \bar{x}`.

    >>> best_fit_line([0.0, 1.0, 2.0], [1.0, 3.0, 5.0])
    (2.0, 1.0)
    """
    x = as_float_array("x", x, ndim=1)
    y = as_float_array("y", y, ndim=1)
    if x.shape != y.shape or x.size < 2:
        raise ValueError("x and y must be 1-D with the same length of at least 2, "
                         f"got shapes {x.shape} and {y.shape}")
    dx = x - x.mean()
    if not np.any(dx):
        raise ValueError("x must not be all the same value: no line is best then")
    w = float(np.sum(dx * (y - y.mean())) / np.sum(dx * dx))
    return w, float(y.mean() - w * x.mean())


def plot_study_hours(x, y, ax=None, xlabel="hours studied (h)", ylabel="exam score (points)"):
    """The scatter plot of the data: one dot per student.  Returns the scatter's collection."""
    x = as_float_array("x", x, ndim=1)
    y = as_float_array("y", y, ndim=1)
    ax = _axes(ax, figsize=(6.4, 4.4))
    points = ax.scatter(x, y, s=30, color="#2f4b7c")
    ax.set_xlim(0, max(10.5, float(x.max()) + 0.5))
    ax.set_ylim(0, 110)
    _style(ax, f"{x.size} students: the longer they study, the higher they score", xlabel, ylabel)
    return points


@dataclass
class LineFit:
    """What :func:`plot_line_fit` drew; ``error`` is the mean squared error of the line ``w x + b``."""

    ax: object
    points: object
    line: object
    residuals: object
    best_line: object
    w: float
    b: float
    error: float
    best_error: float | None = None


def plot_line_fit(x, y, w, b, ax=None, show_errors=True, best_fit=False,
                  xlabel="hours studied (h)", ylabel="exam score (points)", xlim=(0, 10.5), ylim=(0, 110)):
    r"""The points, the line :math:`y = w x + b` and its error, shown in the title.

    The error is the article's :math:`\frac{1}{2}(\text{actual} - \text{predicted})^2`,
    averaged over the points (:func:`nnlearn.mean_squared_error`).  With
    ``show_errors`` each point's miss is a red vertical segment; with
    ``best_fit`` the least-squares line is drawn dashed for comparison.
    The axis limits stay fixed so the line moves, not the axes.
    """
    from .losses import mean_squared_error

    x = as_float_array("x", x, ndim=1)
    y = as_float_array("y", y, ndim=1)
    w, b = float(w), float(b)
    ax = _axes(ax, figsize=(6.4, 4.4))
    predicted = w * x + b
    error = mean_squared_error(y, predicted)
    residuals = None
    if show_errors:
        from matplotlib.collections import LineCollection

        segments = np.stack([np.column_stack([x, y]), np.column_stack([x, predicted])], axis=1)
        residuals = LineCollection(segments, colors=WRONG_COLOUR, linewidths=1.2, alpha=0.7,
                                   label="error of each point")
        ax.add_collection(residuals)
    points = ax.scatter(x, y, s=30, color="#2f4b7c", zorder=3, label="students")
    grid = np.linspace(xlim[0], xlim[1], 50)
    (line,) = ax.plot(grid, w * grid + b, color="#f28e2b", linewidth=2.5,
                      label=f"your line: y = {w:.2f} x + {b:.2f}")
    best_line, best_error = None, None
    if best_fit:
        bw, bb = best_fit_line(x, y)
        best_error = mean_squared_error(y, bw * x + bb)
        (best_line,) = ax.plot(grid, bw * grid + bb, color="black", linestyle="--", linewidth=1.8,
                               label=f"best fit: y = {bw:.2f} x + {bb:.2f} (error {best_error:.2f})")
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.legend(fontsize=11, loc="lower right")
    _style(ax, f"w = {w:.2f}, b = {b:.2f}:  error E = {error:.2f}", xlabel, ylabel)
    return LineFit(ax=ax, points=points, line=line, residuals=residuals, best_line=best_line,
                   w=w, b=b, error=error, best_error=best_error)


def plot_intercept_shift(m=0.5, b_before=2.0, b_after=3.0, ax=None, xlim=(-1.0, 5.0)):
    """The article's example: changing ``b`` from 2 to 3 moves the line ``y = m x + b`` up.

    Both lines are drawn; a dot marks where each crosses the y axis (at
    ``y = b``).  Returns the two ``Line2D`` objects.
    """
    ax = _axes(ax, figsize=(6, 4.2))
    grid = np.linspace(xlim[0], xlim[1], 50)
    lines = []
    for b, colour, style in ((b_before, "#9e9e9e", "--"), (b_after, "#f28e2b", "-")):
        (line,) = ax.plot(grid, m * grid + b, color=colour, linestyle=style, linewidth=2.5,
                          label=f"y = {m:g} x + {b:g}")
        ax.plot([0], [b], "o", color=colour, markersize=9, zorder=3)
        below = b == b_before
        ax.annotate(f"crosses the y axis at {b:g}", (0, b), xytext=(12, -4 if below else 6),
                    textcoords="offset points", fontsize=11, va="top" if below else "bottom")
        lines.append(line)
    ax.annotate("", xy=(3.5, m * 3.5 + b_after), xytext=(3.5, m * 3.5 + b_before),
                arrowprops={"arrowstyle": "->", "linewidth": 1.8})
    ax.text(3.6, m * 3.5 + (b_before + b_after) / 2, f"b: {b_before:g} \u2192 {b_after:g}", fontsize=FONTSIZE,
            va="center")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(*xlim)
    ax.legend(fontsize=11, loc="upper left")
    _style(ax, "Changing b moves the line up: same slope, new intercept", "x", "y")
    return lines


@dataclass
class NodeDiagram:
    """What :func:`plot_node` drew; ``output`` is the node's value for the inputs shown."""

    ax: object
    output: float | None


def plot_node(w, b, x=None, activation=None, ax=None):
    r"""One node as a picture: inputs, weighted edges, the sum with the bias, the output.

    ``w`` holds one weight per input.  With ``x`` the input values and the
    output :math:`v = \sum_i x_i w_i + b` (or :math:`y = \sigma(v)` with
    ``activation="sigmoid"``) are written in.
    """
    from .neuron import Neuron

    neuron = Neuron(w, b, activation=activation)
    weights = np.atleast_1d(neuron.w)
    n = weights.size
    if x is not None:
        x = np.atleast_1d(as_float_array("x", x, ndim=(0, 1)))
        if x.size != n:
            raise ValueError(f"x must hold one value per weight ({n}), got {x.size}")
    sigmoid = neuron.activation.name == "sigmoid"
    ax = _axes(ax, figsize=(7.5 if sigmoid else 6.5, max(2.4, 0.8 * n + 1.0)))
    ys = (n - 1) / 2 - np.arange(n)
    sum_xy = (3.0, 0.0)
    for i in range(n):
        ax.add_patch(plt.Circle((0, ys[i]), 0.33, facecolor=LAYER_COLOURS["input"], edgecolor="black"))
        ax.text(0, ys[i], f"x{_sub(i + 1)}", ha="center", va="center", fontsize=FONTSIZE)
        if x is not None:
            ax.text(-0.45, ys[i], f"{x[i]:g}", ha="right", va="center", fontsize=FONTSIZE, color="#2f4b7c")
        ax.annotate("", xy=(sum_xy[0] - 0.45, sum_xy[1]), xytext=(0.35, ys[i]),
                    arrowprops={"arrowstyle": "->", "color": "#616161"})
        mid = (0.35 + 0.4 * (sum_xy[0] - 0.8), ys[i] + 0.4 * (sum_xy[1] - ys[i]))
        ax.text(mid[0], mid[1] + 0.12, f"w{_sub(i + 1)} = {weights[i]:g}", fontsize=11, ha="center",
                va="bottom", color="#b35806")
    ax.add_patch(plt.Circle(sum_xy, 0.45, facecolor=LAYER_COLOURS["hidden"], edgecolor="black"))
    ax.text(*sum_xy, "\u03a3", ha="center", va="center", fontsize=16)
    ax.text(sum_xy[0], sum_xy[1] - 0.6, f"+ b = {neuron.b:g}", ha="center", va="top", fontsize=FONTSIZE)
    end = sum_xy[0] + 1.8
    if sigmoid:
        ax.annotate("", xy=(end - 0.45, 0), xytext=(sum_xy[0] + 0.45, 0), arrowprops={"arrowstyle": "->"})
        ax.text(sum_xy[0] + 0.9, 0.1, "v", fontsize=FONTSIZE, ha="center", va="bottom")
        ax.add_patch(plt.Circle((end, 0), 0.45, facecolor=LAYER_COLOURS["output"], edgecolor="black"))
        ax.text(end, 0, "\u03c3", ha="center", va="center", fontsize=16)
        end += 1.8
    output = None if x is None else float(neuron(x if neuron.w.ndim == 1 else x[0]))
    ax.annotate("", xy=(end - 0.2, 0), xytext=(end - 1.35, 0), arrowprops={"arrowstyle": "->"})
    name = "y" if sigmoid else "v"
    label = name if output is None else f"{name} = {output:.3g}"
    ax.text(end - 0.1, 0, label, ha="left", va="center", fontsize=FONTSIZE + 1)
    formula = "y = \u03c3(\u03a3 x\u1d62 w\u1d62 + b)" if sigmoid else "v = \u03a3 x\u1d62 w\u1d62 + b"
    ax.set_xlim(-1.2, end + 2.0)
    ax.set_ylim(min(ys.min(), -0.6) - 0.9, max(ys.max(), 0.5) + 0.6)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(f"One node: {formula}", fontsize=TITLE_SIZE)
    return NodeDiagram(ax=ax, output=output)


def _signed(value: float, digits: int = 1) -> str:
    """``+ 1.5`` or ``- 1.5``, for writing a formula."""
    return f"{'-' if value < 0 else '+'} {abs(value):.{digits}f}"


def _sub(k: int) -> str:
    return "".join("\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089"[int(d)] for d in str(k))


# ---- chapters 3 and 4: more inputs, a plane; the sigmoid bends it ---------------
@dataclass
class Surface:
    """What :func:`plot_plane` drew: the grid ``x1``, ``x2`` and the heights ``v`` (or ``y``)."""

    ax: object
    surface: object
    x1: np.ndarray
    x2: np.ndarray
    heights: np.ndarray
    w1: float
    w2: float
    b: float


def plot_plane(w1, w2, b, ax=None, activation=None, lim=2.0, zlim=None, n=25, elev=22, azim=-60):
    r"""A node with two inputs as a surface over the inputs ``(x1, x2)``.

    Without an activation the height is :math:`v = w_1 x_1 + w_2 x_2 + b`, a
    flat plane: ``w1`` and ``w2`` tilt it, ``b`` lifts it (the red dot is the
    height ``b`` above ``x1 = x2 = 0``).  With ``activation="sigmoid"`` the
    height is :math:`y = \sigma(v)`, a surface bent into a step between 0 and 1.
    ``zlim`` fixes the vertical axis (a widget keeps it fixed so the plane
    moves, not the axis).
    """
    from .neuron import Neuron

    w1, w2, b = float(w1), float(w2), float(b)
    neuron = Neuron([w1, w2], b, activation=activation)
    sigmoid = neuron.activation.name == "sigmoid"
    if ax is None:
        fig = plt.figure(figsize=(6.2, 5.0), dpi=90, layout="constrained")
        ax = fig.add_subplot(projection="3d")
    grid = np.linspace(-lim, lim, n)
    x1, x2 = np.meshgrid(grid, grid)
    heights = neuron(np.column_stack([x1.ravel(), x2.ravel()])).reshape(x1.shape)
    if zlim is None:
        zlim = (0.0, 1.0) if sigmoid else (min(heights.min(), -1.0), max(heights.max(), 1.0))
    surface = ax.plot_surface(x1, x2, np.clip(heights, *zlim), cmap="viridis", vmin=zlim[0], vmax=zlim[1],
                              edgecolor="none", alpha=0.9)
    centre = neuron([0.0, 0.0])
    if zlim[0] <= centre <= zlim[1]:
        ax.scatter([0], [0], [centre], color=WRONG_COLOUR, s=40, depthshade=False)
    ax.set_zlim(*zlim)
    ax.view_init(elev=elev, azim=azim)
    name = "y" if sigmoid else "v"
    ax.set_xlabel("input x\u2081", fontsize=FONTSIZE)
    ax.set_ylabel("input x\u2082", fontsize=FONTSIZE)
    ax.set_zlabel(f"output {name}", fontsize=FONTSIZE)
    ticks = np.linspace(-lim, lim, 5)
    ax.set_xticks(ticks)
    ax.set_yticks(ticks)
    ax.tick_params(labelsize=11)
    inner = f"{w1:.1f} x\u2081 {_signed(w2)} x\u2082 {_signed(b)}"
    ax.set_title(f"{name} = \u03c3({inner})" if sigmoid else f"v = {inner}", fontsize=TITLE_SIZE)
    return Surface(ax=ax, surface=surface, x1=x1, x2=x2, heights=heights, w1=w1, w2=w2, b=b)


def plot_sigmoid(v_points=(-4.0, -1.0, 0.0, 1.0, 4.0), ax=None, vlim=(-8.0, 8.0)):
    r"""The sigmoid :math:`\sigma(v) = 1 / (1 + e^{-v})`: any ``v`` is squashed into (0, 1).

    Each of ``v_points`` is marked with its value.  Returns the curve's ``Line2D``.
    """
    from .activations import sigmoid

    ax = _axes(ax, figsize=(6.4, 4.2))
    v = np.linspace(*vlim, 200)
    (curve,) = ax.plot(v, sigmoid(v), color="#2f4b7c", linewidth=2.5, label="y = \u03c3(v)")
    for level in (0.0, 1.0):
        ax.axhline(level, color="grey", linestyle="--", linewidth=1)
    for point in v_points:
        y = sigmoid(float(point))
        ax.plot([point], [y], "o", color="#f28e2b", markersize=8, zorder=3)
        ax.annotate(f"\u03c3({point:g}) = {y:.3f}", (point, y), xytext=(8, -14 if point > 0 else 6),
                    textcoords="offset points", fontsize=11)
    ax.set_xlim(*vlim)
    ax.set_ylim(-0.08, 1.08)
    ax.legend(fontsize=11, loc="upper left")
    _style(ax, "The sigmoid squashes every weighted sum into (0, 1)", "weighted sum v",
           "output y = \u03c3(v)")
    return curve


@dataclass
class SigmoidCurve:
    """What :func:`plot_sigmoid_node` drew; ``midpoint`` is where y = 0.5 (``None`` if w = 0)."""

    ax: object
    line: object
    w: float
    b: float
    midpoint: float | None


def plot_sigmoid_node(w, b, ax=None, xlim=(-5.0, 5.0)):
    r"""A one-input sigmoid node, :math:`y = \sigma(w x + b)`, over ``x``.

    ``w`` sets how steep the step is (and, if negative, flips it); ``b``
    slides it: the curve crosses 0.5 where :math:`w x + b = 0`, at
    :math:`x = -b / w`, marked with a dotted line when it is in view.
    """
    from .neuron import Neuron

    w, b = float(w), float(b)
    ax = _axes(ax, figsize=(6.4, 4.2))
    x = np.linspace(*xlim, 300)
    (line,) = ax.plot(x, Neuron(w, b, activation="sigmoid")(x), color="#2f4b7c", linewidth=2.5)
    midpoint = None if w == 0 else -b / w
    if midpoint is not None and xlim[0] <= midpoint <= xlim[1]:
        ax.axvline(midpoint, color="#f28e2b", linestyle=":", linewidth=2)
        right = midpoint < (xlim[0] + xlim[1]) / 2
        high_on_text_side = (w > 0) == right  # keep the label off the curve
        ax.text(midpoint + (0.15 if right else -0.15), 0.15 if high_on_text_side else 0.85,
                f"y = 0.5 at x = {midpoint:.2f}", fontsize=11, color="#b35806",
                ha="left" if right else "right", va="center")
    for level in (0.0, 1.0):
        ax.axhline(level, color="grey", linestyle="--", linewidth=1)
    ax.set_xlim(*xlim)
    ax.set_ylim(-0.08, 1.08)
    _style(ax, f"y = \u03c3({w:.2f} x {_signed(b, 2)})", "input x", "output y")
    return SigmoidCurve(ax=ax, line=line, w=w, b=b, midpoint=midpoint)


@dataclass
class DecisionRegions:
    """What :func:`plot_decision_regions` drew: the predicted class on a grid, and the accuracy."""

    ax: object
    x1: np.ndarray
    x2: np.ndarray
    classes: np.ndarray
    accuracy: float


def network_classes(network, X):
    """The class a network picks for each row of ``X``.

    With one output node: class 1 when the output is above 0.5.  With more:
    the most active output node.
    """
    X = as_float_array("X", X, ndim=2)
    if network.n_outputs == 1:
        return (network.forward(X)[:, 0] > 0.5).astype(int)
    return network.predict(X)


def plot_decision_regions(network, X, y, ax=None, title=None, n=150, margin=0.5):
    """The regions of the input plane a two-input network assigns to each class, with the points.

    Shaded background: the network's class at each point of a grid; markers:
    the data (class 0 as blue circles, class 1 as orange crosses).  The title
    gives the accuracy on the data.
    """
    X = as_float_array("X", X, ndim=2)
    y = np.asarray(y).astype(int)
    if X.shape[1] != 2 or network.n_inputs != 2:
        raise ValueError("plot_decision_regions needs two inputs: X of shape (n, 2) "
                         "and a network with 2 inputs")
    ax = _axes(ax, figsize=(4.8, 4.4))
    lo = X.min(axis=0) - margin
    hi = X.max(axis=0) + margin
    x1, x2 = np.meshgrid(np.linspace(lo[0], hi[0], n), np.linspace(lo[1], hi[1], n))
    classes = network_classes(network, np.column_stack([x1.ravel(), x2.ravel()])).reshape(x1.shape)
    from matplotlib.colors import ListedColormap

    ax.contourf(x1, x2, classes, levels=[-0.5, 0.5, 1.5], cmap=ListedColormap(["#cfe2f3", "#fde2c0"]))
    ax.contour(x1, x2, classes, levels=[0.5], colors="black", linewidths=1.5)
    for cls, marker, colour in ((0, "o", "#2f4b7c"), (1, "X", "#e07b00")):
        rows = y == cls
        ax.scatter(X[rows, 0], X[rows, 1], marker=marker, s=40, color=colour, edgecolor="white",
                   linewidth=0.5, label=f"class {cls}", zorder=3)
    accuracy = float(np.mean(network_classes(network, X) == y))
    ax.legend(fontsize=11, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, frameon=False)
    ax.set_aspect("equal")
    heading = f"{network.layer_sizes}" if title is None else title
    _style(ax, f"{heading}: {accuracy:.0%} right", "input x\u2081", "input x\u2082")
    return DecisionRegions(ax=ax, x1=x1, x2=x2, classes=classes, accuracy=accuracy)
