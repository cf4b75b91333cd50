"""Backpropagation as the article draws it (its last figure, chapter 7), one step at a time.

A small network is drawn as nodes and edges. The first step shows the forward pass: the
value of every node and the weight of every edge. Each later step is one move of the chain
rule, from the output back to the input: the error's slope at the outputs, through the
sigmoid (or softmax), onto the weights of the last layer, handed back to the hidden nodes, and so on; the
last step is the update of every weight. The nodes and edges of the current step are drawn in
the colour of the error, with their numbers, and the step's formula is written beside the
diagram with one of its numbers worked out.

:func:`backprop_steps` writes the steps with the numbers that :meth:`nnlearn.Network.trace`
hands out from the network's own ``forward`` and ``backward`` (it works none out itself, so a
network trained with the cross-entropy and a softmax output shows its own slopes);
:func:`plot_backprop_step` draws one and :func:`show_backprop_step` shows another on the same
diagram; :func:`backprop_stepper` is the widget with Previous / Next / Play; :func:`animate_backprop`
the same as a film.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import ipywidgets as widgets
import numpy as np
from matplotlib.patches import Circle

from .._checks import as_float_array, positive_float
from ..language import tr
from ..network import Network
from ._render import live_widget, make_animation
from .style import ANIMATION_DPI, DATA, MUTED, PATH, SMALL, TEXT, TITLE, WRONG, Drawn, axes_for

MAX_NODES = 4  # per layer: more and the numbers no longer fit on the diagram
FIGSIZE = (8.6, 4.6)
# the forward pass in the colour of data, the error flowing back in the colour of the error, the update
# in the colour of gradient descent
STEP_COLOURS = {"forward": DATA, "backward": WRONG, "update": PATH}


@dataclass(frozen=True)
class Step:
    """One step of the picture: what every node and edge shows, and what is new in it."""

    title: str
    formula: str  # matplotlib mathtext
    worked: str  # the formula with one of its numbers filled in
    nodes: dict = field(default_factory=dict)  # (layer, k) -> text under the node
    edges: dict = field(default_factory=dict)  # (layer, i, k) -> text on the edge from i to k
    active: frozenset = frozenset()  # the nodes (layer, k) and edges (layer, i, k) this step computes
    kind: str = "backward"  # "forward", "backward" or "update": the colour of what the step computes

    @property
    def worked_text(self) -> str:
        """:attr:`worked` as plain text, for printing (``$y_{1}$`` becomes ``y1``)."""
        plain = self.worked.replace("$", "").replace("_{", "").replace("^{", "").replace("}", "")
        return plain.replace(r"\rightarrow", "\u2192")


def _node_name(layer: int, k: int, n_layers: int) -> str:
    letter = "x" if layer == 0 else ("y" if layer == n_layers else f"h^{{{layer}}}" if n_layers > 2 else "h")
    return f"{letter}_{{{k + 1}}}"


def _fmt(value: float) -> str:
    return f"{value + 0.0:.4g}"  # four significant digits, however small the slope (+ 0.0: no "-0")


def _label(nodes: dict, layer: int, what: str, values) -> None:
    """Write ``what=value`` under every node of ``layer``."""
    for k, value in enumerate(values):
        nodes[(layer, k)] = f"{what}={_fmt(value)}"


def _factor(value: float) -> str:
    """A number inside a product: in brackets when negative."""
    return f"({value:.6f})" if value < 0 else f"{value + 0.0:.6f}"  # + 0.0: no "-0.000000"


# How each step is written for the network's loss: its formula (with the error's slope at the outputs,
# where backpropagation starts) and that slope worked out for one output
LOSS_TEXTS = {
    "squared_error": (r"E = \frac{1}{2}\sum_k (Y_k - y_k)^2", r"$\partial E / \partial y_k = y_k - Y_k$",
                      lambda y, Y, dy: f"{y:.4f} - {Y:.2f} = {dy:.6f}"),
    "cross_entropy": (r"E = -\sum_k Y_k \log y_k", r"$\partial E / \partial y_k = -Y_k / y_k$",
                      lambda y, Y, dy: f"-{Y:.2f} / {y:.4f} = {dy + 0.0:.6f}"),
}
OUTPUT_ACTIVATIONS = ("sigmoid", "softmax")  # the activations whose step through them is written out


def _through_sigmoid(y, dy, dv, k):
    return f"{_factor(dy[k])} x {y[k]:.4f} x (1 - {y[k]:.4f}) = {dv[k]:.6f}"


def _through_softmax(y, dy, dv, k):
    shares = " + ".join(f"{y_j:.4f} x {_factor(dy_j)}" for y_j, dy_j in zip(y, dy))
    return f"{y[k]:.4f} x ({_factor(dy[k])} - ({shares})) = {dv[k]:.6f}"


# the step through a layer's activation: its title, formula and one number worked out
THROUGH = {
    "sigmoid": ("Through the sigmoid",
                r"$\partial E / \partial v_k = \partial E / \partial y_k \cdot y_k\,(1 - y_k)$", _through_sigmoid),
    "softmax": ("Through the softmax",
                r"$\partial E / \partial v_k = y_k\,(\partial E / \partial y_k"
                r" - \sum_j y_j\,\partial E / \partial y_j)$",
                _through_softmax),
}


def backprop_steps(network, x, Y, learning_rate=0.5) -> list[Step]:
    r"""The steps of one forward and backward pass of ``network`` for one sample ``x`` with targets ``Y``.

    Every number shown is one that :meth:`~nnlearn.Network.trace` hands out from the
    network's own ``forward`` and ``backward``: the outputs, the error, the slopes
    ``dE/dy`` and ``dE/dv`` of every node and ``dE/dw`` of every weight, for the
    network's own loss (the article's error or the cross-entropy) and output
    activation (the sigmoid or a softmax).  Nothing in the network changes; the
    update step shows ``W - learning_rate * dW``.
    """
    if not isinstance(network, Network):
        raise TypeError(tr("network must be an nnlearn.Network, got {kind}").format(kind=type(network).__name__))
    if any(n > MAX_NODES for n in network.layer_sizes):
        raise ValueError(tr("network must have at most {most} nodes per layer to be drawn with its numbers, "
                            "got layer sizes {sizes}").format(most=MAX_NODES, sizes=network.layer_sizes))
    if network.activation.name != "sigmoid":
        raise ValueError(tr("network must use the sigmoid (the steps write y(1 - y)), got {name}").format(
            name=repr(network.activation.name)))
    if network.output_activation.name not in OUTPUT_ACTIVATIONS:
        raise ValueError(tr("network must have a sigmoid or softmax output layer, got {name}").format(
            name=repr(network.output_activation.name)))
    x = as_float_array("x", x, ndim=1)
    if x.shape != (network.n_inputs,):
        raise ValueError(tr("x must hold {n} values, one per input node, got shape {shape}").format(
            n=network.n_inputs, shape=x.shape))
    Y = as_float_array("Y", Y, ndim=1)
    if Y.shape != (network.n_outputs,):
        raise ValueError(tr("Y must hold {n} targets, one per output node, got shape {shape}").format(
            n=network.n_outputs, shape=Y.shape))
    learning_rate = positive_float("learning_rate", learning_rate)

    trace = network.trace(x[np.newaxis, :], Y[np.newaxis, :])
    passes = trace.layers  # what each layer computed, first layer first
    weights_of = [layer.W for layer in network.layers]
    L = len(passes)
    values = [x] + [done.y[0] for done in passes]  # y of every layer, inputs first
    outputs = values[-1]
    error_formula, slope_formula, slope_worked = LOSS_TEXTS[trace.loss]
    softmax = network.output_activation.name == "softmax"

    nodes = {(0, k): f"x={v:.2f}" for k, v in enumerate(x)}
    for layer_index in range(1, L + 1):
        for k, v in enumerate(values[layer_index]):
            nodes[(layer_index, k)] = f"y={v:.4f}"
    weights = {(n, i, k): f"w={w:.2f}" for n, W in enumerate(weights_of, start=1) for (i, k), w in np.ndenumerate(W)}
    edges = dict(weights)  # what each edge shows: its weight, or its slope once computed
    name = _node_name
    if softmax:
        title = tr("Forward: weighted sums, sigmoids, a softmax, the error")
        squash = (r"h_k = \sigma(v_k),\quad " if L > 1 else "") + r"y_k = e^{v_k} / \sum_j e^{v_j}"
    else:
        title, squash = tr("Forward: weighted sums, sigmoids, the error"), r"y_k = \sigma(v_k)"
    steps = [Step(
        title, rf"$v_k = \sum_i y_i\, w_{{ik}} + b_k,\quad {squash},\quad {error_formula}$",
        tr("targets Y = {targets}:  E = {error:.6f}").format(targets=np.array2string(Y, precision=2),
                                                            error=trace.error),
        dict(nodes), dict(edges), frozenset(nodes) | frozenset(edges), kind="forward")]

    for n in range(L, 0, -1):  # from the output layer back to the first
        done = passes[n - 1]
        y, dy, dv = done.y[0], done.dy[0], done.dv[0]
        here = [(n, k) for k in range(len(y))]
        # the node whose numbers are worked out: the first, but for the cross-entropy the output with the
        # largest target (its slope -Y/y is 0 wherever the target is 0)
        k0 = int(np.argmax(Y)) if n == L and trace.loss == "cross_entropy" else 0
        _label(nodes, n, "dE/dy", dy)
        if n == L:
            steps.append(Step(
                tr("The error's slope at each output"), slope_formula,
                f"${name(n, k0, L)}$: {slope_worked(outputs[k0], Y[k0], dy[k0])}",
                dict(nodes), dict(edges), frozenset(here)))
        else:
            W_next, dv_next = weights_of[n], passes[n].dv[0]  # weights out of layer n, slopes of the layer after
            back_edges = frozenset((n + 1, k, j) for k in range(len(y)) for j in range(W_next.shape[1]))
            shown = {**edges, **{key: weights[key] for key in back_edges}}  # the weights this step multiplies by
            terms = " + ".join(f"{W_next[k0, j]:.2f} x {_factor(dv_next[j])}" for j in range(W_next.shape[1]))
            steps.append(Step(
                tr("Each hidden node's share of the blame, handed back"),
                r"$\partial E / \partial y_i = \sum_k w_{ik}\; \partial E / \partial v_k$",
                f"${name(n, k0, L)}$: {terms} = {dy[k0]:.6f}",
                dict(nodes), shown, frozenset(here) | back_edges))
        _label(nodes, n, "dE/dv", dv)
        through_title, through_formula, through_worked = THROUGH[network.layers[n - 1].activation.name]
        steps.append(Step(
            tr(through_title), through_formula, f"${name(n, k0, L)}$: {through_worked(y, dy, dv, k0)}",
            dict(nodes), dict(edges), frozenset(here)))
        dW = done.dW
        into = values[n - 1]
        for (i, k), g in np.ndenumerate(dW):
            edges[(n, i, k)] = f"dE/dw={_fmt(g)}"
        steps.append(Step(
            tr("The slope of every weight into these nodes"),
            r"$\partial E / \partial w_{ik} = y_i \cdot \partial E / \partial v_k,\quad \partial E / \partial b_k ="
            r" \partial E / \partial v_k$",
            tr("$w$ from ${source}$ to ${target}$: {y:.4f} x {slope} = {product:.6f}").format(
                source=name(n - 1, 0, L), target=name(n, 0, L), y=into[0], slope=_factor(dv[0]),
                product=dW[0, 0]),
            dict(nodes), dict(edges), frozenset((n, i, k) for (i, k), _ in np.ndenumerate(dW))))

    new_edges = {}
    for n, (W, (dW, _)) in enumerate(zip(weights_of, trace.gradients), start=1):
        for (i, k), w in np.ndenumerate(W - learning_rate * dW):
            new_edges[(n, i, k)] = f"w={w:.4f}"
    w0, g0 = weights_of[0][0, 0], trace.gradients[0][0][0, 0]
    steps.append(Step(
        tr("Update every weight (learning rate {rate:g})").format(rate=learning_rate),
        r"$w \leftarrow w - \mathrm{learning\ rate} \times \partial E / \partial w$",
        tr("first weight: {w:.4f} - {rate:g} x {slope} = {new:.6f}").format(
            w=w0, rate=learning_rate, slope=_factor(g0), new=w0 - learning_rate * g0),
        dict(nodes), new_edges, frozenset(new_edges), kind="update"))
    return steps


def _positions(layer_sizes):
    """(x, y) of every node: layers left to right, nodes top to bottom."""
    spots = {}
    for n, size in enumerate(layer_sizes):
        for k in range(size):
            spots[(n, k)] = (n * 3.2, (size - 1) / 2 - k) if size > 1 else (n * 3.2, 0.0)
    return spots


def _diagram(ax, layer_sizes):
    """Draw the nodes and edges once; return the artists a step changes."""
    spots = _positions(layer_sizes)
    L = len(layer_sizes) - 1
    artists = {"edge": {}, "edge_text": {}, "node": {}, "name": {}, "node_text": {}}
    for n in range(1, L + 1):
        for i in range(layer_sizes[n - 1]):
            for k in range(layer_sizes[n]):
                (x0, y0), (x1, y1) = spots[(n - 1, i)], spots[(n, k)]
                line, = ax.plot([x0, x1], [y0, y1], color=MUTED, lw=1.5, zorder=1)
                at = 0.28 if k == 0 else 0.62  # crossing edges: labels at different places
                tx, ty = x0 + at * (x1 - x0), y0 + at * (y1 - y0)
                text = ax.text(tx, ty, "", fontsize=SMALL - 1, ha="center", va="center", zorder=4,
                               bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.9})
                artists["edge"][(n, i, k)], artists["edge_text"][(n, i, k)] = line, text
    for (n, k), (x0, y0) in spots.items():
        circle = Circle((x0, y0), 0.32, fc="white", ec=DATA, lw=2, zorder=2)
        ax.add_patch(circle)
        artists["name"][(n, k)] = ax.text(x0, y0, f"${_node_name(n, k, L)}$", ha="center", va="center",
                                          fontsize=TEXT, zorder=3)
        artists["node"][(n, k)] = circle
        artists["node_text"][(n, k)] = ax.text(x0, y0 - 0.5, "", ha="center", va="top", fontsize=SMALL - 1, zorder=4)
    xs = [p[0] for p in spots.values()]
    ys = [p[1] for p in spots.values()]
    ax.set_xlim(min(xs) - 0.8, max(xs) + 0.8)
    ax.set_ylim(min(ys) - 2.1, max(ys) + 0.5)  # room below for the formula
    ax.set_aspect("equal")
    ax.axis("off")
    return artists


def _show(artists, step: Step, title, formula, worked, index, count):
    colour = STEP_COLOURS[step.kind]
    for key, text in artists["edge_text"].items():
        active = key in step.active
        text.set_text(step.edges.get(key, ""))
        text.set_color(colour if active else "black")
        artists["edge"][key].set_color(colour if active else MUTED)
        artists["edge"][key].set_linewidth(2.5 if active else 1.5)
    for key, text in artists["node_text"].items():
        active = key in step.active
        text.set_text(step.nodes.get(key, ""))
        text.set_color(colour if active else "black")
        artists["node"][key].set_edgecolor(colour if active else DATA)
    title.set_text(tr("Step {k} of {n}: {title}").format(k=index + 1, n=count, title=step.title))
    formula.set_text(step.formula)
    worked.set_text(step.worked)


def plot_backprop_step(steps, step=0, ax=None):
    """Draw step ``step`` (counted from 0) of :func:`backprop_steps` on one diagram.

    Returns a :class:`~nnlearn.pictures.style.Drawn` with ``ax``, ``fig``, the
    ``step`` drawn and the ``artists`` (for the animation).
    """
    _check_step(steps, step)
    ax = axes_for(ax, FIGSIZE)
    layer_sizes = [1 + max(k for (n, k) in steps[0].nodes if n == layer) for layer in
                   range(1 + max(n for n, _ in steps[0].nodes))]
    artists = _diagram(ax, layer_sizes)
    title = ax.set_title("", fontsize=TITLE)
    formula = ax.text(0.5, 0.13, "", transform=ax.transAxes, ha="center", va="bottom", fontsize=TEXT + 1)
    worked = ax.text(0.5, 0.02, "", transform=ax.transAxes, ha="center", va="bottom", fontsize=TEXT)
    drawn = Drawn(ax=ax, fig=ax.figure, step=step, artists=artists, title=title, formula=formula, worked=worked)
    return show_backprop_step(drawn, steps, step)


def _check_step(steps, step):
    if not steps or not isinstance(steps[0], Step):
        raise TypeError(tr("steps must be the list that backprop_steps returns"))
    if isinstance(step, bool) or not isinstance(step, (int, np.integer)) or not 0 <= step < len(steps):
        raise ValueError(tr("step must be a whole number from 0 to {last}, got {step}").format(
            last=len(steps) - 1, step=repr(step)))


def show_backprop_step(drawn, steps, step):
    """Show step ``step`` of ``steps`` on a diagram drawn by :func:`plot_backprop_step` (of the same network):
    the same picture as ``plot_backprop_step(steps, step)``, from new texts and colours of the same artists."""
    _check_step(steps, step)
    _show(drawn.artists, steps[step], drawn.title, drawn.formula, drawn.worked, step, len(steps))
    drawn.step = step
    return drawn


def backprop_stepper(network, x, Y, learning_rate=0.5):
    """A widget: the diagram with Previous / Next buttons, a step slider and Play (one step a second)."""
    steps = backprop_steps(network, x, Y, learning_rate)
    count = len(steps)
    step = widgets.IntSlider(value=0, min=0, max=count - 1, description=tr("step"), continuous_update=True,
                             layout=widgets.Layout(width="420px"))
    widget = live_widget(lambda ax, step: plot_backprop_step(steps, step, ax=ax),
                         lambda drawn, step: show_backprop_step(drawn, steps, step), step=step)
    previous = widgets.Button(description=f"◀ {tr('Previous')}", layout=widgets.Layout(width="110px"))
    following = widgets.Button(description=f"{tr('Next')} ▶", layout=widgets.Layout(width="110px"))
    play = widgets.Play(value=0, min=0, max=count - 1, interval=1500, description=tr("Play"))
    widgets.jslink((play, "value"), (step, "value"))
    previous.on_click(lambda _: setattr(step, "value", max(step.value - 1, 0)))
    following.on_click(lambda _: setattr(step, "value", min(step.value + 1, count - 1)))
    widget.children = (widgets.HBox([previous, following, play]),) + tuple(widget.children)
    widget.steps, widget.previous, widget.next, widget.play = steps, previous, following, play
    return widget


def animate_backprop(network, x, Y, learning_rate=0.5, dpi=ANIMATION_DPI):
    """The same steps as a film, for a reader without a running kernel: ``HTML(to_html(anim))``."""
    steps = backprop_steps(network, x, Y, learning_rate)
    drawn = plot_backprop_step(steps, 0, ax=axes_for(None, FIGSIZE, dpi=dpi))
    a = drawn.artists
    # drawn in this order over the still background: the node circles cover what is behind them,
    # so the names inside them are drawn again after them
    moving = [*a["edge"].values(), *a["edge_text"].values(), *a["node"].values(), *a["name"].values(),
              *a["node_text"].values(), drawn.title, drawn.formula, drawn.worked]

    def draw(k):
        show_backprop_step(drawn, steps, k)
        return moving

    return make_animation(drawn.fig, draw, len(steps), moving, steps=steps)
