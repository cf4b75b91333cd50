"""The live training view: a small network learns a 2-D problem while you watch.

:class:`Playground` is an ipywidgets box: a problem and its noise, the
learning rate, the number of hidden nodes and hidden layers, the steps of
training per frame, Play / Pause (an ``ipywidgets.Play``, whose ticks in the
browser ask the kernel for the next frame, so no thread runs in the kernel),
Step and Reset, and the frame drawn by :func:`~nnlearn.pictures.playground.plot_playground`.
A tick that arrives while a frame is being drawn waits in the kernel's queue.
One such tick is drawn right after that frame (the kernel keeps busy); any more
are dropped, so the kernel never falls more than a frame behind the ticks and
Pause takes effect at once, however slow the machine.
Training is :meth:`nnlearn.Network.train_step` on all the points at once; the loss curve
is the error of :meth:`nnlearn.Network.trace` before each step.
"""

from __future__ import annotations

import time

import ipywidgets as widgets
import numpy as np

from ..language import tr
from ..network import Network
from ..problems import PROBLEMS, make_problem
from ._render import Blitter
from .playground import plot_playground, reshape_playground, update_playground

WIDTH = "300px"
STALE = 0.01  # seconds: a tick handled this soon after a frame was waiting in the queue


def _labelled(kind, description, **options):
    return kind(description=tr(description), style={"description_width": "110px"},
                layout=widgets.Layout(width=WIDTH), **options)


class Playground(widgets.VBox):
    """A network of ``hidden_layers`` hidden layers of ``hidden_nodes`` sigmoid nodes learning a problem.

    Nothing trains until Play or Step is pressed (or :meth:`step` is called).
    ``steps`` counts the training steps so far, ``losses`` holds the loss each
    step started from (the network's :meth:`~nnlearn.Network.trace` error),
    ``network`` is the :class:`~nnlearn.Network` and ``drawn`` what the last
    frame drew (``drawn.accuracy``, ``drawn.edges``, ...).
    """

    def __init__(self, problem="xor", noise=0.1, learning_rate=3.0, hidden_nodes=4, hidden_layers=2,
                 steps_per_frame=20, n=200, seed=0, interval=50):
        if problem not in PROBLEMS:
            raise ValueError(tr("{name} must be one of {choices}, got {value}").format(
                name="problem", choices=sorted(PROBLEMS), value=repr(problem)))
        self.n, self.seed, self.drawn = n, seed, None
        self._frame_done, self._frame_waited = 0.0, False
        self.problem = widgets.ToggleButtons(options=list(PROBLEMS), value=problem, description=tr("problem"),
                                             style={"button_width": "80px"})
        self.noise = _labelled(widgets.FloatSlider, "noise", value=noise, min=0.0, max=0.5, step=0.05,
                               continuous_update=False)
        self.learning_rate = _labelled(widgets.FloatLogSlider, "learning rate", value=learning_rate, base=10,
                                       min=-1, max=1, step=0.1, readout_format=".2g", continuous_update=False)
        self.hidden_nodes = _labelled(widgets.IntSlider, "hidden nodes", value=hidden_nodes, min=1, max=8,
                                      continuous_update=False)
        self.hidden_layers = _labelled(widgets.IntSlider, "hidden layers", value=hidden_layers, min=1, max=2,
                                       continuous_update=False)
        self.steps_per_frame = _labelled(widgets.IntSlider, "steps a frame", value=steps_per_frame, min=1,
                                         max=100, continuous_update=False)
        self.play = widgets.Play(value=0, min=0, max=10**9, interval=interval, show_repeat=False,
                                 description=tr("Play"), tooltip=tr("Play / Pause"))
        self.step_button = widgets.Button(description=tr("Step"), icon="step-forward",
                                          tooltip=tr("one frame of training"))
        self.reset_button = widgets.Button(description=tr("Reset"), icon="refresh", tooltip=tr("new random weights"))
        self.picture = widgets.Image(format="jpeg", layout=widgets.Layout(align_self="flex-start"))
        self.status = widgets.HTML()
        self.status.add_class("nnlearn-playground-status")
        self.add_class("nnlearn-playground")

        self.play.observe(self._on_tick, "value")
        self.step_button.on_click(lambda _: self.step())
        self.reset_button.on_click(lambda _: self.reset(new_seed=True))
        for control in (self.problem, self.noise, self.hidden_nodes, self.hidden_layers):
            control.observe(lambda _: self.reset(), "value")
        for control in (self.learning_rate, self.steps_per_frame):
            control.observe(lambda _: self.redraw(), "value")

        buttons = widgets.HBox([self.play, self.step_button, self.reset_button, self.status])
        sliders = widgets.HBox([widgets.VBox([self.noise, self.learning_rate, self.steps_per_frame]),
                                widgets.VBox([self.hidden_nodes, self.hidden_layers])])
        super().__init__([self.problem, sliders, buttons, self.picture])
        self.reset()

    # ---- the model -------------------------------------------------------------------
    @property
    def layer_sizes(self):
        return [2] + [self.hidden_nodes.value] * self.hidden_layers.value + [1]

    def reset(self, new_seed=False):
        """New data for the problem and noise, a new network with random weights, a fresh loss curve."""
        self.play.playing = False
        if new_seed:
            self.seed += 1
        self.X, self.y = make_problem(self.problem.value, n=self.n, noise=self.noise.value, seed=0)
        self.Y = self.y[:, np.newaxis].astype(float)
        self.network = Network(self.layer_sizes, seed=self.seed)
        self.steps, self.losses = 0, []
        if self.drawn is None:
            self.drawn = plot_playground(self.network, self.X, self.y, title=self._title())
            self.blitter = Blitter(self.drawn.fig, self.drawn.moving, format="jpeg")
        else:  # the same figure: a new figure, its axes and its first full drawing took most of a reset
            reshape_playground(self.drawn, self.network.layer_sizes)
            update_playground(self.drawn, self.network, self.X, self.y, self.losses, title=self._title())
            self.blitter.moving = list(self.drawn.moving)  # the background is the same for every shape
        self._show()

    def step(self, frames=1):
        """Train for ``frames`` frames of ``steps a frame`` steps each, then draw the new frame."""
        rate = self.learning_rate.value
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(frames * self.steps_per_frame.value):
                self.losses.append(self.network.trace(self.X, self.Y).error)  # the loss the step starts from
                self.network.train_step(self.X, self.Y, rate)
                self.steps += 1
        if not np.isfinite(self.losses[-1]):
            self.play.playing = False
            self.status.value = tr("<b>diverged</b>: Reset and try a smaller learning rate")
            return
        self.redraw()

    def redraw(self):
        update_playground(self.drawn, self.network, self.X, self.y, self.losses, title=self._title())
        self._show()

    def _title(self):
        return tr("step {step}, learning rate {rate:.2g}, {count} steps a frame: ").format(
            step=self.steps, rate=self.learning_rate.value, count=self.steps_per_frame.value)

    def _show(self):
        self.picture.value = self.blitter.png()
        self.status.value = self.status_text()

    def status_text(self):
        """What the frame says in words: steps, accuracy on the data, last loss."""
        loss = tr(", loss {loss:.4f}").format(loss=self.losses[-1]) if self.losses else ""
        return tr("step {step}: {accuracy:.0%} right{loss}").format(step=self.steps, accuracy=self.drawn.accuracy,
                                                                    loss=loss)

    def _on_tick(self, change):
        if change["new"] < change["old"]:  # Play's stop button sets the counter back to 0: no frame for that
            return
        waited = time.perf_counter() - self._frame_done < STALE
        if waited and self._frame_waited:
            return  # a second tick that waited behind a frame: drop it
        self._frame_waited = waited
        self.step()
        self._frame_done = time.perf_counter()
