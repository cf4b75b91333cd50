"""Draw a digit and watch the network read it.

:func:`plot_reading` draws what a network makes of one digit: the 16x16 image
it sees, its hidden layer's outputs and its 10 outputs as bars, the answer
marked.  :class:`DrawPad` is the widget: a pad to draw on with a mouse or a
finger (an ``ipycanvas.Canvas``), Clear, a button that puts a random test
digit on the pad, and that picture, redrawn after every stroke.  A drawing is
prepared for the network exactly as the shipped digits were
(:func:`~nnlearn.pictures.handwriting.prepare_drawing`).
"""

from __future__ import annotations

import math
import time

import ipywidgets as widgets
import numpy as np
from ipycanvas import Canvas, hold_canvas
from PIL import Image, ImageDraw

from ..language import tr
from ._render import Blitter
from .handwriting import digit_as_drawing, prepare_drawing
from .style import MUTED, PREDICTION, SMALL, TITLE, Drawn, new_figure

PAD = 200  # the pad's side in pixels (on screen too: a fixed width, the same in JupyterLab and Voila)
FLUSH = 0.05  # seconds between two batches of strokes sent to the screen
LINE = 16  # stroke width in pixels: about as thick, for the size of the digit, as MNIST's pen


def _through(*corners, step=8.0):
    """Points every ``step`` pixels along straight lines through ``corners``, as a mouse sends them."""
    points = []
    for (x0, y0), (x1, y1) in zip(corners[:-1], corners[1:]):
        n = max(1, int(math.hypot(x1 - x0, y1 - y0) // step))
        points += [(x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n) for k in range(n)]
    return points + [corners[-1]]


_ANGLES = np.linspace(0, 2 * np.pi, 41)
# three digits as a learner might draw them on the pad: one list of strokes each
EXAMPLE_STROKES = {
    1: [_through((108, 30), (92, 172))],
    0: [[(100 + 48 * math.sin(a), 32 + 68 * (1 - math.cos(a))) for a in _ANGLES]],
    7: [_through((52, 38), (150, 38), (88, 172))],
}


def hidden_grid(hidden):
    """A hidden layer's outputs laid out as a near-square grid (rows of ``ceil(sqrt(n))``), NaN-padded.

    >>> hidden_grid(np.arange(5.0)).tolist()
    [[0.0, 1.0, 2.0], [3.0, 4.0, nan]]
    """
    hidden = np.asarray(hidden, dtype=float).ravel()
    cols = math.ceil(math.sqrt(hidden.size))
    rows = math.ceil(hidden.size / cols)
    grid = np.full(rows * cols, np.nan)
    grid[:hidden.size] = hidden
    return grid.reshape(rows, cols)


def read_digit(network, x):
    """What ``network`` makes of one digit ``x`` (256 values): ``(hidden, outputs, answer)``.

    ``hidden`` is the first hidden layer's outputs, ``outputs`` the 10 outputs,
    ``answer`` the most active output.
    """
    trace = network.trace(np.asarray(x, dtype=float).reshape(1, -1))  # the network's own forward pass
    outputs = trace.outputs[0]
    hidden = trace.layers[0].y[0] if len(trace.layers) > 1 else np.array([])
    return hidden.copy(), outputs.copy(), int(np.argmax(outputs))


def plot_reading(x, hidden, outputs, fig=None):
    """The 16x16 image ``x`` a network sees, its ``hidden`` outputs as a grid and its 10 ``outputs`` as bars.

    The most active output, the answer, is marked in the prediction colour and
    named in the bars' title.  Returns a :class:`Drawn` with ``fig``, ``image``,
    ``hidden``, ``bars``, ``answer`` (the label), ``heading`` and ``moving``.
    """
    x = np.asarray(x, dtype=float).reshape(16, 16)
    outputs = np.asarray(outputs, dtype=float).ravel()
    if outputs.size != 10:
        raise ValueError(tr("outputs must hold 10 values, one per digit, got {count}").format(count=outputs.size))
    fig = new_figure((7.6, 2.5), dpi=72) if fig is None else fig
    fig.set_layout_engine("none")
    seen_ax = fig.add_axes((0.02, 0.08, 0.24, 0.72))
    hidden_ax = fig.add_axes((0.30, 0.08, 0.24, 0.72))
    bars_ax = fig.add_axes((0.62, 0.16, 0.36, 0.64))
    image = seen_ax.imshow(x, cmap="gray", vmin=-1, vmax=1, interpolation="nearest")
    cells = hidden_ax.imshow(hidden_grid(hidden), cmap="magma", vmin=0, vmax=1, interpolation="nearest")
    for ax, title in ((seen_ax, tr("what it sees (16x16)")),
                      (hidden_ax, tr("hidden layer ({n} nodes)").format(n=len(hidden)))):
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(title, fontsize=SMALL)
    bars = bars_ax.bar(np.arange(10), outputs, color=MUTED)
    bars_ax.set_xticks(np.arange(10))
    bars_ax.set_ylim(0, 1)
    bars_ax.set_yticks([0, 0.5, 1])
    bars_ax.tick_params(labelsize=SMALL)
    heading = bars_ax.text(0.5, 1.08, "", transform=bars_ax.transAxes, ha="center", fontsize=TITLE)
    drawn = Drawn(fig=fig, image=image, hidden=cells, bars=list(bars), heading=heading)
    drawn.moving = [image, cells, *drawn.bars, heading]
    return update_reading(drawn, x, hidden, outputs)


def update_reading(drawn, x, hidden, outputs, empty=False):
    """Redraw a picture made by :func:`plot_reading` for another digit, in place.

    ``empty`` (nothing drawn yet): the network would still name a digit for the
    blank image, so the bars and the hidden layer are left blank instead.
    """
    outputs = np.asarray(outputs, dtype=float).ravel()
    answer = int(np.argmax(outputs))
    drawn.image.set_data(np.asarray(x, dtype=float).reshape(16, 16))
    drawn.hidden.set_data(hidden_grid(np.zeros_like(hidden) if empty else hidden))
    for digit, (bar, value) in enumerate(zip(drawn.bars, outputs)):
        bar.set_height(0.0 if empty else value)
        bar.set_color(PREDICTION if digit == answer else MUTED)
    drawn.heading.set_text(tr("draw a digit") if empty else tr("the network reads: {digit}").format(digit=answer))
    drawn.answer = None if empty else answer
    return drawn


class DrawPad(widgets.HBox):
    """Draw a digit with the mouse or a finger; after each stroke, see what ``network`` reads.

    ``X_test``, ``y_test`` (optional) are the digits that "random test digit"
    puts on the pad.  ``ink`` holds the drawing (0 paper, 1 ink) as the kernel
    keeps it, ``x`` the 256 values the network saw last, ``drawn`` the last
    picture (``drawn.answer`` is the network's answer).  :meth:`draw_strokes`
    draws from Python, as a mouse would.
    """

    def __init__(self, network, X_test=None, y_test=None, seed=0):
        self.network, self.X_test, self.y_test = network, X_test, y_test
        self.rng = np.random.default_rng(seed)
        self.canvas = Canvas(width=PAD, height=PAD, layout=widgets.Layout(width=f"{PAD}px", height=f"{PAD}px"))
        self.canvas.add_class("nnlearn-pad")
        self.clear_button = widgets.Button(description=tr("Clear"), icon="eraser", layout=widgets.Layout(width="96px"))
        self.random_button = widgets.Button(description=tr("test digit"), icon="random",
                                            tooltip=tr("a random test digit"), layout=widgets.Layout(width="100px"))
        self.answer = widgets.HTML()
        self.answer.add_class("nnlearn-pad-answer")
        self.picture = widgets.Image(format="png", layout=widgets.Layout(align_self="flex-start"))
        self._paper = Image.new("L", (PAD, PAD), 0)
        self._pen = ImageDraw.Draw(self._paper)
        self._last = None  # where the pen is while a stroke goes on
        self._pending, self._flushed = [], 0.0  # strokes drawn here but not yet on the screen

        self.canvas.on_client_ready(self._repaint)
        self.canvas.on_mouse_down(self._pen_down)
        self.canvas.on_mouse_move(self._pen_move)
        self.canvas.on_mouse_up(self._pen_up)
        self.canvas.on_mouse_out(self._pen_up)
        self.canvas.on_touch_start(lambda touches: self._pen_down(*touches[0]))
        self.canvas.on_touch_move(lambda touches: self._pen_move(*touches[0]))
        self.canvas.on_touch_end(lambda touches: self._pen_up())
        self.clear_button.on_click(lambda _: self.clear())
        self.random_button.on_click(lambda _: self.load_random())

        pad = widgets.VBox([self.canvas, widgets.HBox([self.clear_button, self.random_button]), self.answer])
        super().__init__([pad, self.picture])
        self.add_class("nnlearn-drawpad")
        self.x = prepare_drawing(self.ink)
        self.drawn = plot_reading(self.x, *read_digit(network, self.x)[:2])
        self.blitter = Blitter(self.drawn.fig, self.drawn.moving)
        self.read()

    @property
    def ink(self):
        return np.asarray(self._paper, dtype=np.float64) / 255.0

    # ---- the pen ---------------------------------------------------------------------
    def _pen_down(self, x, y):
        self._last = (x, y)
        self._line(x, y, x, y)

    def _pen_move(self, x, y):
        if self._last is not None:
            self._line(*self._last, x, y)
            self._last = (x, y)

    def _pen_up(self, *_):
        if self._last is not None:
            self._last = None
            self._flush()
            self.read()

    def _line(self, x0, y0, x1, y1):
        """A stroke from (x0, y0) to (x1, y1) with round ends: in the kernel's copy at once, on the
        screen with the next batch (every ``FLUSH`` seconds and when the pen is lifted), so that
        the browser gets a few messages a second rather than one per mouse move."""
        self._pen.line([(x0, y0), (x1, y1)], fill=255, width=LINE)
        r = LINE / 2 - 0.5
        for x, y in ((x0, y0), (x1, y1)):
            self._pen.ellipse([x - r, y - r, x + r, y + r], fill=255)
        self._pending.append((x0, y0, x1, y1))
        if time.perf_counter() - self._flushed > FLUSH:
            self._flush()

    def _flush(self):
        """Send the strokes not yet shown to the screen, in one message."""
        if self._pending:
            with hold_canvas():
                self.canvas.stroke_style = "white"
                self.canvas.line_width = LINE
                self.canvas.line_cap = "round"
                for segment in self._pending:
                    self.canvas.stroke_line(*segment)
            self._pending = []
        self._flushed = time.perf_counter()

    def draw_strokes(self, strokes):
        """Draw ``strokes`` (each a list of (x, y) points on the pad) as a mouse would, reading after each."""
        for stroke in strokes:
            self._pen_down(*stroke[0])
            for point in stroke[1:]:
                self._pen_move(*point)
            self._pen_up()
        return self.drawn.answer

    # ---- the buttons -----------------------------------------------------------------
    def clear(self):
        self._paper.paste(0, (0, 0, PAD, PAD))
        self._repaint()
        self.read()

    def load(self, x):
        """Put a shipped digit (256 values in [-1, 1]) on the pad, blown up as if drawn."""
        self._paper = Image.fromarray(np.round(255 * digit_as_drawing(x, PAD)).astype(np.uint8))
        self._pen = ImageDraw.Draw(self._paper)
        self._repaint()
        return self.read()

    def load_random(self):
        """A random test digit on the pad; returns its label."""
        if self.X_test is None:
            return None
        k = int(self.rng.integers(len(self.X_test)))
        self.load(self.X_test[k])
        return None if self.y_test is None else int(self.y_test[k])

    def _repaint(self):
        """The pad as the kernel has it, sent to the screen (also when a new view of it appears)."""
        with hold_canvas():
            self.canvas.clear()
            self.canvas.put_image_data(np.repeat(np.asarray(self._paper)[:, :, np.newaxis], 3, axis=2), 0, 0)

    # ---- what the network reads ------------------------------------------------------
    def read(self):
        """Prepare the drawing like the data, ask the network, redraw the picture; returns the answer."""
        self.x = prepare_drawing(self.ink)
        hidden, outputs, answer = read_digit(self.network, self.x)
        empty = not self.ink.any()
        update_reading(self.drawn, self.x, hidden, outputs, empty=empty)
        self.picture.value = self.blitter.png()
        self.answer.value = (tr("draw a digit") if empty
                             else tr("the network reads: <b>{digit}</b>").format(digit=answer))

        return answer
