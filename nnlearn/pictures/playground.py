"""A small network learning a 2-D problem before your eyes, as in TensorFlow Playground.

:func:`plot_playground` draws one frame: the network as a diagram whose edges
are as wide as their weights are large (blue: positive, orange: negative), each
node drawn as a small map of its own output over the input plane, the output's
decision regions with the data, and the loss curve.  :func:`update_playground`
redraws the same figure in place for the next frame (only pictures, widths,
colours and texts change), and :func:`reshape_playground` redraws its diagram
for a network of another shape.  The widget is :class:`~nnlearn.pictures.playground_widget.Playground`.
"""

from __future__ import annotations

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import LinearSegmentedColormap, to_rgba

from .._checks import as_float_array
from ..language import tr
from .style import DATA, MUTED, SECOND_CLASS, SMALL, TEXT, Drawn, new_figure

# a node's output from 0 (class 0, blue) through 0.5 (white) to 1 (class 1, orange)
OUTPUT_COLOURS = LinearSegmentedColormap.from_list("playground", [DATA, "white", SECOND_CLASS])
POSITIVE, NEGATIVE = to_rgba(DATA), to_rgba(SECOND_CLASS)  # the sign of a weight
FIGSIZE = (10.0, 4.4)
DPI = 72  # a frame many times a second: fewer pixels to draw and send
GRID = 40  # points along each side of the input plane where every node is evaluated
LIMIT = 4.0  # the input plane shown: from -LIMIT to LIMIT on both inputs
DIAGRAM = (0.0, 0.6)  # the part of the figure's width that holds the diagram


def edge_width(w):
    """Line width (points) of an edge whose weight is ``w``: its size, between 0.3 and 8.

    >>> edge_width(np.array([0.0, -2.0, 10.0])).tolist()
    [0.3, 3.0, 8.0]
    """
    return np.clip(1.5 * np.abs(w), 0.3, 8.0)


def node_outputs(network, n=GRID, limit=LIMIT):
    """The output of every node over an ``n`` x ``n`` grid of the input plane.

    Returns a list with one array per layer, the inputs first, each of shape
    ``(nodes, n, n)``: row 0 of a map is the top of the plane (largest
    :math:`x_2`), as an image is shown.
    """
    if network.n_inputs != 2:
        raise ValueError(tr("the network must have 2 inputs (x1, x2), got {n}").format(n=network.n_inputs))
    x1, x2 = np.meshgrid(np.linspace(-limit, limit, n), np.linspace(limit, -limit, n))
    X = np.column_stack([x1.ravel(), x2.ravel()])
    trace = network.trace(X)  # the network's own forward pass, every layer's outputs
    layers = [trace.X] + [layer.y for layer in trace.layers]
    return [values.T.reshape(-1, n, n) for values in layers]


def node_boxes(layer_sizes):
    """Where each node's map sits, in figure fractions: one list of (x, y, width, height) per layer."""
    columns = len(layer_sizes)
    height = min(0.14, 0.62 / max(layer_sizes))
    width = height * FIGSIZE[1] / FIGSIZE[0]  # square on screen
    boxes = []
    for k, size in enumerate(layer_sizes):
        x = 0.06 + k * (0.46 / (columns - 1))
        ys = 0.47 + (np.arange(size)[::-1] - (size - 1) / 2) * height * 1.3
        boxes.append([(x, y - height / 2, width, height) for y in ys])
    return boxes


def plot_playground(network, X, y, losses=(), fig=None, title=""):
    """One frame of the live view: the diagram with its node maps, the decision regions, the loss.

    ``network`` has 2 inputs and 1 output (class 1 when the output is above
    0.5); ``X``, ``y`` are the data (see :mod:`nnlearn.problems`); ``losses``
    the loss after each training step so far.  Returns a :class:`Drawn` with
    ``fig``, ``edges`` (one ``LineCollection`` per layer of weights),
    ``diagram`` (the image of every node's map), ``maps`` (the maps, one array
    per layer), ``regions``, ``points``, ``loss_line``, ``heading``,
    ``accuracy`` and ``moving`` (what a new frame redraws).
    """
    X = as_float_array("X", X, ndim=2)
    y = np.asarray(y).astype(int)
    if X.shape[1] != 2 or network.n_inputs != 2 or network.n_outputs != 1:
        raise ValueError(tr("plot_playground needs X of shape (n, 2) and a network with 2 inputs and 1 output, "
                            "got X of shape {shape} and {network}").format(shape=X.shape, network=network))
    fig = new_figure(FIGSIZE, dpi=DPI) if fig is None else fig
    fig.set_layout_engine("none")
    wires = fig.add_axes((0, 0, 1, 1))
    wires.set_xlim(0, 1)
    wires.set_ylim(0, 1)
    wires.set_axis_off()
    drawn = Drawn(fig=fig, wires=wires, shape=[])
    _draw_shape(drawn, network.layer_sizes)
    drawn.diagram = wires.imshow(np.zeros((2, 2, 4)), extent=(*DIAGRAM, 0, 1), interpolation="nearest",
                                 aspect="auto")
    drawn.heading = wires.text(0.5, 0.96, "", ha="center", va="center", fontsize=TEXT)

    side = 0.62 * FIGSIZE[1] / FIGSIZE[0]
    regions_ax = fig.add_axes((0.64, 0.30, side, 0.62))
    drawn.regions = regions_ax.imshow(np.zeros((GRID, GRID)), cmap=OUTPUT_COLOURS, vmin=0, vmax=1, alpha=0.7,
                                      extent=(-LIMIT, LIMIT, -LIMIT, LIMIT), interpolation="bilinear")
    drawn.points = [regions_ax.scatter(X[y == cls, 0], X[y == cls, 1], marker=marker, s=18, color=colour,
                                       edgecolor="white", linewidth=0.4)
                    for cls, marker, colour in ((0, "o", DATA), (1, "X", SECOND_CLASS))]
    regions_ax.set_xlim(-LIMIT, LIMIT)
    regions_ax.set_ylim(-LIMIT, LIMIT)
    regions_ax.tick_params(labelsize=SMALL)
    loss_ax = fig.add_axes((0.64, 0.07, side, 0.12))
    drawn.loss_line, = loss_ax.plot([], [], color="black", linewidth=1.2)
    loss_ax.set_xticks([])  # fixed limits (the curve is scaled to fit): the still part stays still
    loss_ax.set_yticks([])
    loss_ax.set_xlim(0, 1)
    loss_ax.set_ylim(0, 1.05)
    loss_ax.set_title(tr("loss"), fontsize=SMALL, color=MUTED, loc="left", pad=2)
    update_playground(drawn, network, X, y, losses, title)
    return drawn


def _draw_shape(drawn, layer_sizes):
    """The parts of the diagram that follow the network's shape: where the nodes' maps go (``boxes``), one
    ``LineCollection`` of edges per layer of weights (``edges``), the names of the columns and inputs."""
    wires = drawn.wires
    boxes = node_boxes(layer_sizes)
    edges = []
    for left, right in zip(boxes[:-1], boxes[1:]):
        segments = [[(x0 + w0, y0 + h0 / 2), (x1, y1 + h1 / 2)]  # from the right of a node to the left of the next
                    for (x0, y0, w0, h0) in left for (x1, y1, _, h1) in right]
        edges.append(wires.add_collection(LineCollection(segments, capstyle="round")))
    names = [tr("inputs")] + [tr("hidden {k}").format(k=k) for k in range(1, len(boxes) - 1)] + [tr("output")]
    texts = []
    for column, name in zip(boxes, names):
        x, top, w, h = column[0]
        texts.append(wires.text(x + w / 2, top + h + 0.025, name, ha="center", fontsize=SMALL))
    for (x, y0, _, h), label in zip(boxes[0], ("x\u2081", "x\u2082")):
        texts.append(wires.text(x - 0.008, y0 + h / 2, label, ha="right", va="center", fontsize=TEXT))
    drawn.boxes, drawn.edges, drawn.labels, drawn.shape = boxes, edges, texts, list(layer_sizes)


def reshape_playground(drawn, layer_sizes) -> bool:
    """Draw the diagram of a frame from :func:`plot_playground` again for a network of ``layer_sizes``, if it
    has another shape: the boxes, edges and names (:func:`update_playground` then fills them in).
    Returns whether the shape changed."""
    if list(layer_sizes) == drawn.shape:
        return False
    for artist in [*drawn.edges, *drawn.labels]:
        artist.remove()
    _draw_shape(drawn, layer_sizes)
    return True


def diagram_picture(boxes, maps, size):
    """Every node's map coloured and placed in its box, on a transparent picture of ``size`` (w, h) pixels.

    The picture covers the diagram's part of the figure (``DIAGRAM``); each map
    gets a grey frame one pixel wide.
    """
    width, height = size
    picture = np.zeros((height, width, 4))
    frame = to_rgba(MUTED)
    left, right = DIAGRAM
    for column, values in zip(boxes, maps):
        for (x, y, w, h), value in zip(column, values):
            c0 = int(round((x - left) / (right - left) * width))
            c1 = int(round((x + w - left) / (right - left) * width))
            r0, r1 = int(round((1 - y - h) * height)), int(round((1 - y) * height))
            rows = np.arange(r1 - r0) * value.shape[0] // (r1 - r0)
            cols = np.arange(c1 - c0) * value.shape[1] // (c1 - c0)
            picture[r0:r1, c0:c1] = OUTPUT_COLOURS(value[np.ix_(rows, cols)])
            picture[[r0, r1 - 1], c0:c1] = frame
            picture[r0:r1, [c0, c1 - 1]] = frame
    return picture


def update_playground(drawn, network, X, y, losses=(), title=""):
    """Redraw a frame made by :func:`plot_playground` for the network's current weights, in place.

    Sets each edge's width and colour from its weight, each node's map, the
    regions, the points of the data, the loss curve and the heading (``title``,
    then the accuracy on the data and the last loss).  Returns ``drawn`` with
    ``maps``, ``accuracy`` and ``moving`` (what a new frame redraws) updated.
    The network must have the shape the frame was drawn for (see :func:`reshape_playground`).
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y).astype(int)
    maps = node_outputs(network)
    maps[0] = maps[0] / (2 * LIMIT) + 0.5  # an input node shows its own value, from -LIMIT (0) to LIMIT (1)
    fig = drawn.fig
    size = (int(round((DIAGRAM[1] - DIAGRAM[0]) * fig.bbox.width)), int(round(fig.bbox.height)))
    drawn.diagram.set_data(diagram_picture(drawn.boxes, maps, size))
    for collection, layer in zip(drawn.edges, network.layers):
        weights = layer.W.ravel()  # row by row: source node, then target node, as the segments
        collection.set_linewidths(edge_width(weights))
        collection.set_colors(np.where(weights[:, np.newaxis] >= 0, POSITIVE, NEGATIVE))
    drawn.regions.set_data(maps[-1][0])
    for cls, points in enumerate(drawn.points):
        points.set_offsets(X[y == cls])
    accuracy = float(np.mean((network.forward(X)[:, 0] > 0.5) == y))
    losses = np.asarray(losses, dtype=float)
    # scaled to the axes: the steps so far (at least 100) across, from 0 to the largest loss (at least 0.15) up
    drawn.loss_line.set_data(np.arange(1, losses.size + 1) / max(100, losses.size),
                             losses / max(0.15, float(losses.max()) if losses.size else 0.0))
    last = tr(", loss {loss:.4f}").format(loss=losses[-1]) if losses.size else ""
    heading = tr("{title}{accuracy:.0%} right{last}").format(title=tr(title), accuracy=accuracy, last=last)
    drawn.heading.set_text(heading)

    drawn.maps, drawn.accuracy = maps, accuracy
    # everything the diagram shows moves: a background without it fits a network of any shape
    drawn.moving = [*drawn.labels, *drawn.edges, drawn.diagram, drawn.heading, drawn.regions, *drawn.points,
                    drawn.loss_line]
    return drawn
