"""Chapter 1 in pictures: a digit, its 256 input values, the network and one forward pass.

Chapter 7 shows its mistakes with :func:`plot_digits` too.  Every function
takes an optional ``ax`` (or ``fig``), returns a :class:`~nnlearn.pictures.style.Drawn`
dict of what it drew and never calls ``plt.show()``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection

from .._checks import as_float_array, positive_int
from ..data import IMAGE_SHAPE
from ..language import tr
from .style import (
    DATA,
    LAYER_FILLS,
    MUTED,
    PREDICTION,
    RIGHT,
    SMALL,
    SYMBOL,
    TEXT,
    TITLE,
    WRONG,
    Drawn,
    axes_for,
    grid_figure,
    new_figure,
    style_axes,
)


def _digit_vector(name, x) -> np.ndarray:
    x = as_float_array(name, x)
    n_pixels = IMAGE_SHAPE[0] * IMAGE_SHAPE[1]
    if x.shape not in ((n_pixels,), IMAGE_SHAPE):
        raise ValueError(tr("{name} must hold {n} pixel values (shape ({n},) or {image_shape}), got shape {shape}")
                         .format(name=name, n=n_pixels, image_shape=IMAGE_SHAPE, shape=x.shape))
    return x.reshape(IMAGE_SHAPE)


def plot_digit(x, ax=None, title=None):
    """One digit, a vector of 256 values in [-1, 1], as a 16x16 grey image.

    -1 is drawn dark and 1 white, as in the article; pixels are read row by
    row from the top left.  Returns ``ax`` and ``image`` (the ``AxesImage``).
    """
    pixels = _digit_vector("x", x)
    ax = axes_for(ax, figsize=(3, 3))
    image = ax.imshow(pixels, cmap="gray", vmin=-1.0, vmax=1.0, interpolation="nearest")
    ax.set_xticks([])
    ax.set_yticks([])
    if title is not None:
        ax.set_title(tr(title), fontsize=TITLE)
    return Drawn(ax=ax, fig=ax.figure, image=image)


def plot_digits(X, labels=None, predictions=None, ncols=10, size=1.1, fig=None, suptitle=None):
    """A grid of digits (one per row of ``X``), titled with their labels.

    With ``predictions`` each digit is titled with the prediction: in the
    colour for right when it equals the label, in the colour for wrong with
    the true label ("5, is 3") and a frame when it does not.  ``size`` is the
    width of one digit in inches.  Returns ``fig``, ``axes``, ``images``,
    ``titles`` and ``correct`` (one bool per digit when labels and
    predictions were given, else ``None``).
    """
    X = as_float_array("X", X, ndim=2)
    n = X.shape[0]
    if n == 0:
        raise ValueError(tr("X must hold at least one digit (one row of 256 values)"))
    for name, values in (("labels", labels), ("predictions", predictions)):
        if values is not None and len(values) != n:
            raise ValueError(tr("{name} must have one entry per row of X ({n}), got {count}").format(
                name=name, n=n, count=len(values)))
    ncols = min(positive_int("ncols", ncols), n)
    nrows = -(-n // ncols)
    if fig is None:
        fig, axes = grid_figure(nrows, ncols, size, suptitle is not None)
    else:
        axes = fig.subplots(nrows, ncols, squeeze=False)
    axes = axes.ravel()
    grid = Drawn(fig=fig, axes=[], images=[], titles=[], correct=None)
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
                colour = RIGHT if ok else WRONG
                if not ok:
                    title = tr("{guess}, is {label}").format(guess=pred, label=int(labels[k]))
        elif labels is not None:
            title = f"{int(labels[k])}"
        grid.images.append(plot_digit(X[k], ax=ax).image)
        if title is not None:
            ax.set_title(title, fontsize=TEXT, color=colour, pad=2)
        if colour == WRONG:
            for spine in ax.spines.values():
                spine.set_edgecolor(WRONG)
                spine.set_linewidth(2.5)
        grid.axes.append(ax)
        grid.titles.append(title)
    if suptitle is not None:
        fig.suptitle(tr(suptitle), fontsize=TITLE)
    return grid


def plot_input_values(x, ax=None):
    """The 256 input values of one digit as bars, one per input node.

    Bar ``k`` is pixel ``k`` read row by row from the top left; its height is
    the brightness, from -1 (dark) to 1 (white).  Dotted lines separate the
    16 rows of the image.
    """
    values = _digit_vector("x", x).ravel()
    ax = axes_for(ax, figsize=(9, 3.2))
    # one vertical segment per input node (a LineCollection: much faster to draw than 256 bars)
    bars = ax.vlines(np.arange(values.size), 0.0, values, colors=DATA, linewidth=2.4)
    for row in range(1, IMAGE_SHAPE[0]):
        ax.axvline(row * IMAGE_SHAPE[1] - 0.5, color=MUTED, linestyle=":", linewidth=0.8)
    ax.axhline(0.0, color="black", linewidth=0.8)
    ax.set_xlim(-0.5, values.size - 0.5)
    ax.set_ylim(-1.1, 1.1)
    ax.set_yticks([-1, 0, 1], [tr("-1 dark"), "0", tr("1 white")])
    style_axes(ax, "The same digit as 256 input values (dotted lines: the end of each 16-pixel row)",
               "input node = pixel number, row by row from the top left", "input value")
    return Drawn(ax=ax, fig=ax.figure, bars=bars, values=values)


def _shown_nodes(n, max_nodes):
    if n <= max_nodes:
        return list(range(n)), None
    half = max_nodes // 2
    return list(range(half)) + list(range(n - half, n)), half


def plot_network(layer_sizes, ax=None, values=None, max_nodes=10, output_labels=None, input_nodes=None):
    """A network diagram: layers as columns of nodes, every node joined to the next layer.

    Layers with more than ``max_nodes`` nodes show their first and last few
    nodes with a "..." between them, and say how many there are.  With
    ``values`` (one array per layer, e.g. the outputs of a forward pass) each
    node is shaded by its value, white for high, dark for low (inputs in
    [-1, 1], other layers in [0, 1]).  ``output_labels`` name the output
    nodes (for digits, 0 to 9).  ``input_nodes`` picks which input nodes to
    draw (at most ``max_nodes``, e.g. the pixels across the middle of a digit,
    where its strokes are); each is labelled with its number.
    """
    sizes = [int(n) for n in layer_sizes]
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(tr("layer_sizes must list at least two positive layer widths, got {sizes}").format(
            sizes=repr(layer_sizes)))
    if values is not None and len(values) != len(sizes):
        raise ValueError(tr("values must hold one array per layer ({n}), got {count}").format(
            n=len(sizes), count=len(values)))
    if input_nodes is not None:
        input_nodes = [int(j) for j in input_nodes]
        if not 0 < len(input_nodes) <= max_nodes or min(input_nodes) < 0 or max(input_nodes) >= sizes[0]:
            raise ValueError(tr("input_nodes must name 1 to {most} input nodes from 0 to {last}, got {nodes}")
                             .format(most=max_nodes, last=sizes[0] - 1, nodes=input_nodes))
    ax = axes_for(ax, figsize=(1.9 * len(sizes) + 0.8, 5.2))
    shown_per_layer, positions, circles, segments = [], [], [], []
    radius = 0.32
    for k, n in enumerate(sizes):
        shown, gap = (input_nodes, None) if k == 0 and input_nodes is not None else _shown_nodes(n, max_nodes)
        slots = len(shown) + (1 if gap is not None else 0)
        ys = []
        for j in range(len(shown)):
            slot = j + (1 if gap is not None and j >= gap else 0)
            ys.append((slots - 1) / 2 - slot)
        xy = np.column_stack([np.full(len(shown), 3.0 * k), ys])
        positions.append(xy)
        shown_per_layer.append(shown)
        if gap is not None:
            ax.text(3.0 * k, (slots - 1) / 2 - gap, "\u22ee", ha="center", va="center", fontsize=SYMBOL)
    for k in range(len(sizes) - 1):
        for a in positions[k]:
            for c in positions[k + 1]:
                segments.append([a, c])
    edges = LineCollection(segments, colors=MUTED, linewidths=0.5, alpha=0.6, zorder=1)
    ax.add_collection(edges)
    for k, n in enumerate(sizes):
        kind = "input" if k == 0 else "output" if k == len(sizes) - 1 else "hidden"
        layer_values = None if values is None else np.asarray(values[k], dtype=float).ravel()
        for j, (cx, cy) in zip(shown_per_layer[k], positions[k], strict=True):
            if layer_values is None:
                face = LAYER_FILLS[kind]
            else:
                lo = -1.0 if k == 0 else 0.0
                face = plt.get_cmap("gray")(float(np.clip((layer_values[j] - lo) / (1.0 - lo), 0, 1)))
            circle = plt.Circle((cx, cy), radius, facecolor=face, edgecolor="black", linewidth=1.0, zorder=2)
            ax.add_patch(circle)
            circles.append(circle)
            if kind == "output" and output_labels is not None:
                ax.text(cx + 0.55, cy, str(output_labels[j]), ha="left", va="center", fontsize=TEXT)
            if kind == "input" and input_nodes is not None:
                ax.text(cx - 0.55, cy, str(j), ha="right", va="center", fontsize=SMALL)
        top = max(p[:, 1].max() for p in positions) + 0.7
        name = {"input": tr("input layer"), "hidden": tr("hidden layer"), "output": tr("output layer")}[kind]
        count = (tr("{n} nodes").format(n=n) if k or input_nodes is None
                 else tr("{n} nodes\n({shown} shown)").format(n=n, shown=len(input_nodes)))
        ax.text(3.0 * k, top, f"{name}\n{count}", ha="center", va="bottom", fontsize=TEXT)
    height = max(len(p) for p in positions) + 1
    ax.set_xlim(-1.0 if input_nodes is None else -1.6, 3.0 * (len(sizes) - 1) + 1.3)
    ax.set_ylim(-height / 2 - 0.3, height / 2 + 1.6)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return Drawn(ax=ax, fig=ax.figure, layer_sizes=sizes, positions=positions, shown=shown_per_layer,
                 circles=circles, edges=edges)


def plot_forward_pass(activations, fig=None):
    """One forward pass, layer by layer: the input digit, then each layer's outputs as bars.

    ``activations[0]`` is the input (256 pixel values); ``activations[k]`` the
    outputs of layer ``k``.  The last panel shows the output nodes 0, 1, ...
    and marks the most active one, the network's prediction, in the colour
    for predictions (right or wrong is not known here).  Returns ``fig``,
    ``axes``, ``bars`` (one ``BarContainer`` per layer after the input) and
    ``prediction``.
    """
    if len(activations) < 2:
        raise ValueError(tr("activations must hold the input and at least one layer's outputs"))
    layers = [np.asarray(a, dtype=float).ravel() for a in activations]
    n = len(layers)
    if fig is None:
        fig = new_figure((3.3 * n, 4.2))
    axes = fig.subplots(1, n, squeeze=False).ravel()
    if layers[0].size == IMAGE_SHAPE[0] * IMAGE_SHAPE[1]:
        plot_digit(layers[0], ax=axes[0], title=tr("input layer\n{n} values in [-1, 1]").format(n=layers[0].size))
    else:
        axes[0].barh(np.arange(layers[0].size), layers[0], color=DATA)
        style_axes(axes[0], tr("input layer\n{n} values").format(n=layers[0].size), "value", "input node")
    bars = []
    prediction = int(np.argmax(layers[-1]))
    for k in range(1, n):
        ax = axes[k]
        values = layers[k]
        last = k == n - 1
        colours = [MUTED] * values.size
        if last:
            colours[prediction] = PREDICTION
        bars.append(ax.barh(np.arange(values.size), values, color=colours))
        ax.set_xlim(0, 1)
        ax.invert_yaxis()
        if last:
            ax.set_yticks(np.arange(values.size))
            title = tr("output layer\nmost active: {digit}").format(digit=prediction)
            ylabel = "output node (digit)"
        else:
            ax.set_yticks(np.arange(0, values.size, max(1, values.size // 8)))
            title = tr("hidden layer {k}\n{n} nodes").format(k=k, n=values.size)
            ylabel = "hidden node"
        style_axes(ax, title, "output y = \u03c3(v), from 0 to 1", ylabel)
    return Drawn(fig=fig, axes=list(axes), bars=bars, prediction=prediction)


