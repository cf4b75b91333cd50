"""Chapters 2 to 4 in pictures: a node is a line, a plane, and with the sigmoid a bent surface.

Every function takes an optional ``ax``, returns a :class:`~nnlearn.pictures.style.Drawn`
dict of what it drew and never calls ``plt.show()``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import ListedColormap

from .._checks import as_float_array
from ..activations import sigmoid
from ..language import get_language, tr
from ..linefit import LineFit
from ..neuron import Neuron
from .style import (
    ACCENT,
    BEST,
    DATA,
    LAYER_FILLS,
    MUTED,
    PATH,
    PREDICTION,
    SECOND_CLASS,
    SMALL,
    SYMBOL,
    TEXT,
    TITLE,
    WRONG,
    Drawn,
    axes_for,
    style_axes,
)


# ---- chapter 2: a single node is a line ---------------------------------------
def plot_study_hours(x, y, ax=None, xlabel="hours studied (h)", ylabel="exam score (points)"):
    """The scatter plot of the data: one dot per student.  Returns ``ax`` and ``points``."""
    x = as_float_array("x", x, ndim=1)
    y = as_float_array("y", y, ndim=1)
    ax = axes_for(ax, figsize=(6.4, 4.4))
    points = ax.scatter(x, y, s=30, color=DATA)
    ax.set_xlim(0, max(10.5, float(x.max()) + 0.5))
    ax.set_ylim(0, 110)
    style_axes(ax, tr("{n} students: the longer they study, the higher they score").format(n=x.size), xlabel, ylabel)
    return Drawn(ax=ax, fig=ax.figure, points=points)


def plot_line_fit(x, y, w, b, ax=None, show_errors=True, best_fit=False,
                  xlabel="hours studied (h)", ylabel="exam score (points)", xlim=(0, 10.5), ylim=(0, 110)):
    r"""The points, the line :math:`y = w x + b` and its error, shown in the title.

    The error is the article's :math:`\frac{1}{2}(\text{actual} - \text{predicted})^2`,
    averaged over the points (:func:`nnlearn.mean_squared_error`).  With
    ``show_errors`` each point's miss is a vertical segment (the colour for wrong); with
    ``best_fit`` the least-squares line is drawn dashed for comparison.
    The axis limits stay fixed so the line moves, not the axes; :func:`show_line`
    moves it to other ``w`` and ``b``.
    """
    fit = LineFit(x, y)
    w, b = float(w), float(b)
    ax = axes_for(ax, figsize=(6.4, 4.4))
    residuals = None
    if show_errors:
        residuals = LineCollection([], colors=WRONG, linewidths=1.2, alpha=0.7, label=tr("error of each point"))
        ax.add_collection(residuals)
    points = ax.scatter(fit.hours, fit.scores, s=30, color=DATA, zorder=3, label=tr("students"))
    grid = np.linspace(xlim[0], xlim[1], 50)
    (line,) = ax.plot([], [], color=PREDICTION, linewidth=2.5)
    best_line, best_error = None, None
    if best_fit:
        (bw, bb), best_error = fit.best, fit.best_loss
        (best_line,) = ax.plot(grid, bw * grid + bb, color=BEST, linestyle="--", linewidth=1.8,
                               label=tr("best fit: y = {w:.2f} x + {b:.2f} (error {error:.2f})").format(
                                   w=bw, b=bb, error=best_error))
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    style_axes(ax, None, xlabel, ylabel)
    drawn = Drawn(ax=ax, fig=ax.figure, fit=fit, grid=grid, points=points, line=line, residuals=residuals,
                  best_line=best_line, best_error=best_error, still=[points, best_line])
    return show_line(drawn, w, b)


def show_line(drawn, w, b):
    """Move the line of a picture from :func:`plot_line_fit` to ``y = w x + b``, with its errors.

    The same picture as ``plot_line_fit`` draws for ``w`` and ``b``, from new
    data and texts for the same artists.  Returns ``drawn`` with ``w``, ``b`` and
    ``error`` updated.
    """
    w, b = float(w), float(b)
    fit, ax, grid = drawn.fit, drawn.ax, drawn.grid
    x, y = fit.hours, fit.scores
    predicted = w * x + b
    error = fit.loss((w, b))
    if drawn.residuals is not None:
        drawn.residuals.set_segments(np.stack([np.column_stack([x, y]), np.column_stack([x, predicted])], axis=1))
    drawn.line.set_data(grid, w * grid + b)
    drawn.line.set_label(tr("your line: y = {w:.2f} x + {b:.2f}").format(w=w, b=b))
    ax.legend(fontsize=SMALL, loc="lower right")
    style_axes(ax, tr("w = {w:.2f}, b = {b:.2f}:  error E = {error:.2f}").format(w=w, b=b, error=error))
    drawn.w, drawn.b, drawn.error = w, b, error
    return drawn


def plot_intercept_shift(m=0.5, b_before=2.0, b_after=3.0, ax=None, xlim=(-1.0, 5.0)):
    """The article's example: changing ``b`` from 2 to 3 moves the line ``y = m x + b`` up.

    Both lines are drawn; a dot marks where each crosses the y axis (at
    ``y = b``).  Returns ``ax`` and ``lines`` (before, after).
    """
    ax = axes_for(ax, figsize=(6, 4.2))
    grid = np.linspace(xlim[0], xlim[1], 50)
    lines = []
    for b, colour, style in ((b_before, MUTED, "--"), (b_after, PREDICTION, "-")):
        (line,) = ax.plot(grid, m * grid + b, color=colour, linestyle=style, linewidth=2.5,
                          label=f"y = {m:g} x + {b:g}")
        ax.plot([0], [b], "o", color=colour, markersize=9, zorder=3)
        below = b == b_before
        ax.annotate(tr("crosses the y axis at {b:g}").format(b=b), (0, b), xytext=(12, -4 if below else 6),
                    textcoords="offset points", fontsize=SMALL, va="top" if below else "bottom")
        lines.append(line)
    ax.annotate("", xy=(3.5, m * 3.5 + b_after), xytext=(3.5, m * 3.5 + b_before),
                arrowprops={"arrowstyle": "->", "linewidth": 1.8})
    ax.text(3.6, m * 3.5 + (b_before + b_after) / 2, f"b: {b_before:g} \u2192 {b_after:g}", fontsize=TEXT,
            va="center")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(*xlim)
    ax.legend(fontsize=SMALL, loc="upper left")
    style_axes(ax, "Changing b moves the line up: same slope, new intercept", "x", "y")
    return Drawn(ax=ax, fig=ax.figure, lines=lines)


def plot_node(w, b, x=None, activation=None, ax=None):
    r"""One node as a picture: inputs, weighted edges, the sum with the bias, the output.

    ``w`` holds one weight per input.  With ``x`` the input values and the
    output :math:`v = \sum_i x_i w_i + b` (or :math:`y = \sigma(v)` with
    ``activation="sigmoid"``) are written in.
    """
    neuron = Neuron(w, b, activation=activation)
    weights = np.atleast_1d(neuron.w)
    n = weights.size
    if x is not None:
        x = np.atleast_1d(as_float_array("x", x, ndim=(0, 1)))
        if x.size != n:
            raise ValueError(tr("x must hold one value per weight ({n}), got {count}").format(n=n, count=x.size))
    sigmoid = neuron.activation.name == "sigmoid"
    ax = axes_for(ax, figsize=(7.5 if sigmoid else 6.5, max(2.4, 0.8 * n + 1.0)))
    ys = (n - 1) / 2 - np.arange(n)
    sum_xy = (3.0, 0.0)
    for i in range(n):
        ax.add_patch(plt.Circle((0, ys[i]), 0.33, facecolor=LAYER_FILLS["input"], edgecolor="black"))
        ax.text(0, ys[i], f"x{_sub(i + 1)}", ha="center", va="center", fontsize=TEXT)
        if x is not None:
            ax.text(-0.45, ys[i], f"{x[i]:g}", ha="right", va="center", fontsize=TEXT, color=DATA)
        ax.annotate("", xy=(sum_xy[0] - 0.45, sum_xy[1]), xytext=(0.35, ys[i]),
                    arrowprops={"arrowstyle": "->", "color": MUTED})
        mid = (0.35 + 0.4 * (sum_xy[0] - 0.8), ys[i] + 0.4 * (sum_xy[1] - ys[i]))
        ax.text(mid[0], mid[1] + 0.12, f"w{_sub(i + 1)} = {weights[i]:g}", fontsize=SMALL, ha="center",
                va="bottom", color=ACCENT)
    ax.add_patch(plt.Circle(sum_xy, 0.45, facecolor=LAYER_FILLS["hidden"], edgecolor="black"))
    ax.text(*sum_xy, "\u03a3", ha="center", va="center", fontsize=SYMBOL)
    ax.text(sum_xy[0], sum_xy[1] - 0.6, f"+ b = {neuron.b:g}", ha="center", va="top", fontsize=TEXT)
    end = sum_xy[0] + 1.8
    if sigmoid:
        ax.annotate("", xy=(end - 0.45, 0), xytext=(sum_xy[0] + 0.45, 0), arrowprops={"arrowstyle": "->"})
        ax.text(sum_xy[0] + 0.9, 0.1, "v", fontsize=TEXT, ha="center", va="bottom")
        ax.add_patch(plt.Circle((end, 0), 0.45, facecolor=LAYER_FILLS["output"], edgecolor="black"))
        ax.text(end, 0, "\u03c3", ha="center", va="center", fontsize=SYMBOL)
        end += 1.8
    output = None if x is None else float(neuron(x if neuron.w.ndim == 1 else x[0]))
    ax.annotate("", xy=(end - 0.2, 0), xytext=(end - 1.35, 0), arrowprops={"arrowstyle": "->"})
    name = "y" if sigmoid else "v"
    label = name if output is None else f"{name} = {output:.3g}"
    ax.text(end - 0.1, 0, label, ha="left", va="center", fontsize=TITLE)
    formula = "y = \u03c3(\u03a3 x\u1d62 w\u1d62 + b)" if sigmoid else "v = \u03a3 x\u1d62 w\u1d62 + b"
    ax.set_xlim(-1.2, end + 2.0)
    ax.set_ylim(min(ys.min(), -0.6) - 0.9, max(ys.max(), 0.5) + 0.6)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(tr("One node: {formula}").format(formula=formula), fontsize=TITLE)
    return Drawn(ax=ax, fig=ax.figure, output=output)


def _signed(value: float, digits: int = 1) -> str:
    """``+ 1.5`` or ``- 1.5``, for writing a formula."""
    return f"{'-' if value < 0 else '+'} {abs(value):.{digits}f}"


def _sub(k: int) -> str:
    return "".join("\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089"[int(d)] for d in str(k))


# ---- chapters 3 and 4: more inputs, a plane; the sigmoid bends it ---------------
def plot_plane(w1, w2, b, ax=None, activation=None, lim=2.0, zlim=None, n=25, elev=22, azim=-60):
    r"""A node with two inputs as a surface over the inputs ``(x1, x2)``.

    Without an activation the height is :math:`v = w_1 x_1 + w_2 x_2 + b`, a
    flat plane: ``w1`` and ``w2`` tilt it, ``b`` lifts it (the black dot is the
    height ``b`` above ``x1 = x2 = 0``).  With ``activation="sigmoid"`` the
    height is :math:`y = \sigma(v)`, a surface bent into a step between 0 and 1.
    ``zlim`` fixes the vertical axis (a widget keeps it fixed so the plane
    moves, not the axis).
    """
    w1, w2, b = float(w1), float(w2), float(b)
    neuron = Neuron([w1, w2], b, activation=activation)
    sigmoid = neuron.activation.name == "sigmoid"
    ax = axes_for(ax, figsize=(6.2, 5.0), projection="3d")
    grid = np.linspace(-lim, lim, n)
    x1, x2 = np.meshgrid(grid, grid)
    heights = neuron(np.column_stack([x1.ravel(), x2.ravel()])).reshape(x1.shape)
    name = "y" if sigmoid else "v"
    if zlim is None:
        zlim = (0.0, 1.0) if sigmoid else (min(heights.min(), -1.0), max(heights.max(), 1.0))
    surface = ax.plot_surface(x1, x2, np.clip(heights, *zlim), cmap="viridis", vmin=zlim[0], vmax=zlim[1],
                              edgecolor="none", alpha=0.9)
    centre = neuron([0.0, 0.0])
    ax.computed_zorder = False  # draw in zorder: the dot in front of the surface, wherever the view is
    surface.set_zorder(1)
    if zlim[0] <= centre <= zlim[1]:
        ax.scatter([0], [0], [centre], color=BEST, edgecolors="white", linewidths=1.5, s=70,
                   depthshade=False, zorder=5)
        ax.text(0.15, 0.15, centre, tr(" {name} = {value:.2f} at x = (0, 0)").format(name=name, value=centre),
                fontsize=SMALL, zorder=6)
    ax.set_zlim(*zlim)
    ax.view_init(elev=elev, azim=azim)
    ax.set_xlabel(f"{tr('input')} x\u2081", fontsize=TEXT)
    ax.set_ylabel(f"{tr('input')} x\u2082", fontsize=TEXT)
    ax.set_zlabel(f"{tr('output')} {name}", fontsize=TEXT)
    ax.zaxis.set_rotate_label(True)  # along the axis, as in English: mplot3d turns only labels of 5+ characters
    ticks = np.linspace(-lim, lim, 5)
    ax.set_xticks(ticks)
    ax.set_yticks(ticks)
    ax.tick_params(labelsize=SMALL)
    inner = f"{w1:.1f} x\u2081 {_signed(w2)} x\u2082 {_signed(b)}"
    ax.set_title(f"{name} = \u03c3({inner})" if sigmoid else f"v = {inner}", fontsize=TITLE)
    return Drawn(ax=ax, fig=ax.figure, surface=surface, x1=x1, x2=x2, heights=heights, w1=w1, w2=w2, b=b)


def plot_sigmoid(v_points=(-4.0, -1.0, 0.0, 1.0, 4.0), ax=None, vlim=(-8.0, 8.0)):
    r"""The sigmoid :math:`\sigma(v) = 1 / (1 + e^{-v})`: any ``v`` is squashed into (0, 1).

    Each of ``v_points`` is marked with its value.  Returns ``ax`` and ``curve``.
    """
    ax = axes_for(ax, figsize=(6.4, 4.2))
    v = np.linspace(*vlim, 200)
    (curve,) = ax.plot(v, sigmoid(v), color=DATA, linewidth=2.5, label="y = \u03c3(v)")
    for level in (0.0, 1.0):
        ax.axhline(level, color=MUTED, linestyle="--", linewidth=1)
    for point in v_points:
        y = sigmoid(float(point))
        ax.plot([point], [y], "o", color=PREDICTION, markersize=8, zorder=3)
        ax.annotate(f"\u03c3({point:g}) = {y:.3f}", (point, y), xytext=(8, -14 if point > 0 else 6),
                    textcoords="offset points", fontsize=SMALL)
    ax.set_xlim(*vlim)
    ax.set_ylim(-0.08, 1.08)
    ax.legend(fontsize=SMALL, loc="upper left")
    style_axes(ax, "The sigmoid squashes every weighted sum into (0, 1)", "weighted sum v",
           "output y = \u03c3(v)")
    return Drawn(ax=ax, fig=ax.figure, curve=curve)


def plot_sigmoid_node(w, b, ax=None, xlim=(-5.0, 5.0)):
    r"""A one-input sigmoid node, :math:`y = \sigma(w x + b)`, over ``x``.

    ``w`` sets how steep the step is (and, if negative, flips it); ``b``
    slides it: the curve crosses 0.5 where :math:`w x + b = 0`, at
    :math:`x = -b / w`, marked with a dotted line when it is in view.
    """
    w, b = float(w), float(b)
    ax = axes_for(ax, figsize=(6.4, 4.2))
    x = np.linspace(*xlim, 300)
    (line,) = ax.plot(x, Neuron(w, b, activation="sigmoid")(x), color=DATA, linewidth=2.5)
    midpoint = None if w == 0 else -b / w
    if midpoint is not None and xlim[0] <= midpoint <= xlim[1]:
        ax.axvline(midpoint, color=PREDICTION, linestyle=":", linewidth=2)
        right = midpoint < (xlim[0] + xlim[1]) / 2
        high_on_text_side = (w > 0) == right  # keep the label off the curve
        ax.text(midpoint + (0.15 if right else -0.15), 0.15 if high_on_text_side else 0.85,
                tr("y = 0.5 at x = {x:.2f}").format(x=midpoint), fontsize=SMALL, color=ACCENT,
                ha="left" if right else "right", va="center")
    for level in (0.0, 1.0):
        ax.axhline(level, color=MUTED, linestyle="--", linewidth=1)
    ax.set_xlim(*xlim)
    ax.set_ylim(-0.08, 1.08)
    style_axes(ax, f"y = \u03c3({w:.2f} x {_signed(b, 2)})", "input x", "output y")
    return Drawn(ax=ax, fig=ax.figure, line=line, w=w, b=b, midpoint=midpoint)


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
        raise ValueError(tr("plot_decision_regions needs two inputs: X of shape (n, 2) and a network with 2 inputs"))
    ax = axes_for(ax, figsize=(4.8, 4.4))
    lo = X.min(axis=0) - margin
    hi = X.max(axis=0) + margin
    x1, x2 = np.meshgrid(np.linspace(lo[0], hi[0], n), np.linspace(lo[1], hi[1], n))
    classes = network_classes(network, np.column_stack([x1.ravel(), x2.ravel()])).reshape(x1.shape)
    regions = ListedColormap([LAYER_FILLS["input"], LAYER_FILLS["hidden"]])  # light fills of the two classes
    ax.contourf(x1, x2, classes, levels=[-0.5, 0.5, 1.5], cmap=regions)
    ax.contour(x1, x2, classes, levels=[0.5], colors="black", linewidths=1.5)
    for cls, marker, colour in ((0, "o", DATA), (1, "X", SECOND_CLASS)):
        rows = y == cls
        ax.scatter(X[rows, 0], X[rows, 1], marker=marker, s=40, color=colour, edgecolor="white",
                   linewidth=0.5, label=tr("class {k}").format(k=cls), zorder=3)
    accuracy = float(np.mean(network_classes(network, X) == y))
    ax.legend(fontsize=SMALL, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, frameon=False)
    ax.set_aspect("equal")
    heading = f"{network.layer_sizes}" if title is None else tr(title)
    style_axes(ax, None, f"{tr('input')} x\u2081", f"{tr('input')} x\u2082")
    ax.set_title(tr("{heading}: {accuracy:.0%} right").format(heading=heading, accuracy=accuracy), fontsize=TITLE)
    return Drawn(ax=ax, fig=ax.figure, x1=x1, x2=x2, classes=classes, accuracy=accuracy)


def plot_hidden_layer_view(network, X, y, output=1, n=40, margin=0.5, fig=None):
    """What a network with one hidden layer does with two inputs, in two panels.

    Left, the article's curved surface: the output node ``output`` over the
    input plane, a landscape of sigmoid steps.  Right, the data with each hidden
    node's own line, where its weighted sum is 0 (its sigmoid crosses 0.5): the
    output combines the sides of these lines.  Returns ``fig``, ``axes``,
    ``surface``, ``lines`` (one per hidden node) and ``heights``.
    """
    X = as_float_array("X", X, ndim=2)
    y = np.asarray(y).astype(int)
    if X.shape[1] != 2 or len(network.layers) != 2:
        raise ValueError(tr("plot_hidden_layer_view needs X with two columns and a network with one hidden layer, "
                            "got X of shape {shape} and layer sizes {sizes}").format(
            shape=X.shape, sizes=network.layer_sizes))
    if not 0 <= output < network.n_outputs:
        raise ValueError(tr("output must be an output node from 0 to {last}, got {output}").format(
            last=network.n_outputs - 1, output=output))
    fig = fig if fig is not None else plt.figure(figsize=(11.5, 4.8), dpi=90, layout="constrained")
    grid_spec = fig.add_gridspec(1, 2, width_ratios=[1.15, 1], wspace=0.15)
    left = fig.add_subplot(grid_spec[0], projection="3d")
    right = fig.add_subplot(grid_spec[1])
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    x1, x2 = np.meshgrid(np.linspace(lo[0], hi[0], n), np.linspace(lo[1], hi[1], n))
    heights = network.forward(np.column_stack([x1.ravel(), x2.ravel()]))[:, output].reshape(x1.shape)
    surface = left.plot_surface(x1, x2, heights, cmap="viridis", vmin=0, vmax=1, edgecolor="none", alpha=0.95)
    left.set_zlim(0, 1)
    left.view_init(elev=35, azim=-75)
    left.set_xlabel(f"{tr('input')} x\u2081", fontsize=TEXT)
    left.set_ylabel(f"{tr('input')} x\u2082", fontsize=TEXT)
    # Chinese characters are taller than Latin letters: turned along the axis they need more room
    left.set_zlabel(f"{tr('output')} {output}", fontsize=TEXT, labelpad=2 if get_language() == "en" else 5)
    left.zaxis.set_rotate_label(True)
    left.tick_params(labelsize=SMALL)
    left.set_title(tr("output node {k} over the inputs: a curved surface").format(k=output), fontsize=TITLE)
    for cls, marker, colour in ((0, "o", DATA), (1, "X", SECOND_CLASS)):
        rows = y == cls
        right.scatter(X[rows, 0], X[rows, 1], marker=marker, s=30, color=colour,
                      label=tr("class {k}").format(k=cls), zorder=3)
    hidden = network.layers[0]
    lines = []
    grid = np.linspace(lo[0], hi[0], 2)
    styles = [(PATH, "-"), (ACCENT, "--"), (BEST, "-."), (MUTED, ":")]
    for k in range(hidden.n_outputs):
        (w1, w2), b = hidden.W[:, k], hidden.b[k]
        colour, dashes = styles[k % len(styles)]
        look = {"lw": 2, "color": colour, "ls": dashes, "label": tr("hidden node {k}").format(k=k + 1)}
        if abs(w2) > 1e-9:  # w1 x1 + w2 x2 + b = 0, solved for x2
            line, = right.plot(grid, -(w1 * grid + b) / w2, **look)
        else:
            line = right.axvline(-b / w1, **look)
        lines.append(line)
    right.set_xlim(lo[0], hi[0])
    right.set_ylim(lo[1], hi[1])
    right.set_aspect("equal")
    right.legend(fontsize=SMALL, loc="center left", bbox_to_anchor=(1.02, 0.5))
    style_axes(right, "each hidden node's line (its v = 0)", f"{tr('input')} x\u2081", f"{tr('input')} x\u2082")
    return Drawn(fig=fig, axes=[left, right], surface=surface, lines=lines, heights=heights)
