"""What a trained digit network has learned (chapter 7): its hidden nodes' weights as pictures.

Each hidden node of the digit network has one weight per pixel, 256 in all, so its weights can
be drawn as a 16x16 image in the place of the pixels they multiply: red where a white pixel (a
stroke) raises the node's weighted sum, blue where a stroke lowers it (and a dark pixel raises
it). Before
training the images are noise; after training they show the strokes and holes a node looks
for. The digits that excite a node most show the same thing from the other side.
"""

from __future__ import annotations

import numpy as np

from .._checks import as_float_array, positive_int
from ..data import IMAGE_SHAPE
from ..language import tr
from ..network import Network
from .digits import plot_digits
from .style import SMALL, TITLE, Drawn, grid_figure, new_figure

WEIGHT_COLOURS = "RdBu_r"  # red: a white pixel there raises the weighted sum; blue: lowers it


def _check_network(network):
    if not isinstance(network, Network):
        raise TypeError(tr("network must be an nnlearn.Network, got {kind}").format(kind=type(network).__name__))
    if network.n_inputs != IMAGE_SHAPE[0] * IMAGE_SHAPE[1]:
        raise ValueError(tr("network must take {n} pixels as inputs, got a network with {count} inputs").format(
            n=IMAGE_SHAPE[0] * IMAGE_SHAPE[1], count=network.n_inputs))


def plot_hidden_weights(network, nodes=16, ncols=8, size=1.0, fig=None, suptitle=None):
    """The weights into the first hidden layer's nodes, one 16x16 image per node.

    ``nodes`` is how many (the first ones) or which node numbers to draw.
    Each image has its own colour scale, symmetric around 0 (white). Returns a
    :class:`~nnlearn.pictures.style.Drawn` with ``fig``, ``axes``, ``images``
    and the ``nodes`` drawn.
    """
    _check_network(network)
    W = network.layers[0].W
    if isinstance(nodes, (int, np.integer)) and not isinstance(nodes, bool):
        nodes = list(range(min(positive_int("nodes", nodes), W.shape[1])))
    else:
        nodes = [int(k) for k in as_float_array("nodes", nodes, ndim=1)]
        if not nodes or min(nodes) < 0 or max(nodes) >= W.shape[1] or any(k != int(k) for k in nodes):
            raise ValueError(tr("nodes must be node numbers from 0 to {last}, got {nodes}").format(
                last=W.shape[1] - 1, nodes=nodes))
    ncols = min(positive_int("ncols", ncols), len(nodes))
    nrows = -(-len(nodes) // ncols)
    if fig is None:
        fig, axes = grid_figure(nrows, ncols, size, bool(suptitle))
    else:
        axes = fig.subplots(nrows, ncols, squeeze=False)
    axes = axes.ravel()
    images = []
    for ax, k in zip(axes, nodes):
        weights = W[:, k].reshape(IMAGE_SHAPE)
        limit = float(np.abs(weights).max()) or 1.0
        images.append(ax.imshow(weights, cmap=WEIGHT_COLOURS, vmin=-limit, vmax=limit, interpolation="nearest"))
        ax.set_title(tr("node {k}").format(k=k), fontsize=SMALL - 2, pad=2)
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
    for ax in axes[len(nodes):]:
        ax.set_visible(False)
    if suptitle:
        fig.suptitle(tr(suptitle), fontsize=TITLE)
    return Drawn(fig=fig, axes=list(axes[:len(nodes)]), images=images, nodes=nodes)


def most_exciting(network, X, node, count=8):
    """The row numbers of the ``count`` digits of ``X`` that make hidden ``node`` most active, most first."""
    _check_network(network)
    X = as_float_array("X", X, ndim=2)
    n_hidden = network.layers[0].n_outputs
    if isinstance(node, bool) or not isinstance(node, (int, np.integer)) or not 0 <= node < n_hidden:
        raise ValueError(tr("node must be a hidden node number from 0 to {last}, got {node}").format(
            last=n_hidden - 1, node=repr(node)))
    count = positive_int("count", count)
    hidden = network.trace(X).layers[0].y  # the first layer's outputs, from the network's own forward pass
    return np.argsort(-hidden[:, node], kind="stable")[:count]


def plot_most_exciting(network, X, node, count=8, size=1.0, fig=None):
    """The digits of ``X`` that excite hidden ``node`` most, beside the node's weights."""
    rows = most_exciting(network, X, node, count)
    fig = fig if fig is not None else new_figure(((count + 1) * size, size + 0.5))
    left, right = fig.subfigures(1, 2, width_ratios=[1, count])
    weights = plot_hidden_weights(network, nodes=[node], ncols=1, size=size, fig=left)
    digits = plot_digits(X[rows], ncols=count, size=size, fig=right,
                         suptitle=tr("the {count} digits that excite node {node} most").format(count=count, node=node))
    return Drawn(fig=fig, rows=rows, weights=weights, digits=digits)
