"""Tests of chapter 7's backpropagation picture: the numbers on it are the network's own."""

import io
import re

import numpy as np
import pytest
from matplotlib.colors import to_rgba
from PIL import Image

import nnlearn
from nnlearn.pictures import backprop
from nnlearn.pictures._render import frame_images

X = np.array([0.05, 0.10])
Y = np.array([0.01, 0.99])


def _number(text):
    return float(text.split("=")[-1])


def test_the_steps_go_forward_then_back_layer_by_layer_then_update(tiny):
    steps = backprop.backprop_steps(tiny, X, Y)
    assert [s.kind for s in steps] == ["forward"] + ["backward"] * 6 + ["update"]
    assert "E = 0.298371" in steps[0].worked
    # output layer, then hidden layer: slope at y, through the sigmoid, onto the weights
    assert [s.title.split()[0] for s in steps[1:7]] == ["The", "Through", "The", "Each", "Through", "The"]


def test_the_numbers_shown_are_those_of_backward(tiny):
    steps = backprop.backprop_steps(tiny, X, Y)
    tiny.forward(X)
    (dW1, db1), (dW2, db2) = tiny.backward(Y[np.newaxis, :])
    output_slopes = steps[3].edges  # the slopes of the weights into the outputs
    for (i, k), g in np.ndenumerate(dW2):
        assert _number(output_slopes[(2, i, k)]) == pytest.approx(g, rel=1e-3)
    hidden_slopes = steps[6].edges
    for (i, k), g in np.ndenumerate(dW1):
        assert _number(hidden_slopes[(1, i, k)]) == pytest.approx(g, rel=1e-3)
    for k, dv in enumerate(db2):  # for one sample, dE/dv is the bias gradient
        assert _number(steps[2].nodes[(2, k)]) == pytest.approx(dv, rel=1e-3)
    # the update step shows w - learning_rate * dW
    for (i, k), w in np.ndenumerate(tiny.layers[0].W - 0.5 * dW1):
        assert _number(steps[7].edges[(1, i, k)]) == pytest.approx(w, abs=1e-4)


def test_the_hand_back_step_multiplies_by_the_weights_it_shows(tiny):
    step = backprop.backprop_steps(tiny, X, Y)[4]
    assert step.edges[(2, 0, 1)] == "w=0.50"
    assert "0.40 x 0.138499 + 0.50 x (-0.038098) = 0.036350" in step.worked


def test_the_steps_leave_the_weights_alone(tiny):
    before = [layer.W.copy() for layer in tiny.layers]
    backprop.backprop_steps(tiny, X, Y)
    for layer, W in zip(tiny.layers, before):
        np.testing.assert_array_equal(layer.W, W)


def test_each_step_colours_what_it_computes(tiny):
    steps = backprop.backprop_steps(tiny, X, Y)
    drawn = backprop.plot_backprop_step(steps, 1)
    assert drawn.title.get_text().startswith("Step 2 of 8")
    red = to_rgba(backprop.STEP_COLOURS["backward"])
    assert drawn.artists["node"][(2, 0)].get_edgecolor() == pytest.approx(red)  # an output node: computed
    assert drawn.artists["node"][(1, 0)].get_edgecolor() != pytest.approx(red)  # a hidden node: not yet
    assert drawn.artists["node_text"][(2, 0)].get_text().startswith("dE/dy=")


def test_the_stepper_moves_with_next_and_previous_and_redraws(tiny):
    widget = backprop.backprop_stepper(tiny, X, Y)
    step = widget.kwargs_widgets[0]
    pictures = []
    widget.picture.observe(lambda change: pictures.append(bytes(change["new"])), names="value")
    widget.next.click()
    widget.next.click()
    assert step.value == 2 and widget.result.step == 2
    widget.previous.click()
    assert step.value == 1
    for _ in range(20):
        widget.next.click()
    assert step.value == len(widget.steps) - 1  # stops at the last step
    assert len(pictures) >= 3 and len(set(pictures)) >= 3


def test_the_animation_has_one_frame_per_step_and_they_differ(tiny):
    anim = backprop.animate_backprop(tiny, X, Y)
    frames = frame_images(anim)
    assert len(frames) == len(anim.steps) == 8
    pictures = {np.asarray(frame).tobytes() for frame in frames}
    assert len(pictures) == 8


@pytest.mark.parametrize("bad, error", [
    ({"network": "net"}, TypeError),
    ({"x": [0.1, 0.2, 0.3]}, ValueError),
    ({"Y": [0.5]}, ValueError),
    ({"learning_rate": -1.0}, ValueError),
])
def test_bad_input_is_named(tiny, bad, error):
    args = {"network": tiny, "x": X, "Y": Y, "learning_rate": 0.5} | bad
    with pytest.raises(error, match=next(iter(bad))):
        backprop.backprop_steps(**args)


def test_a_network_too_wide_to_draw_is_refused():
    with pytest.raises(ValueError, match="at most 4 nodes"):
        backprop.backprop_steps(nnlearn.Network([2, 5, 2]), X, Y)


def test_a_step_out_of_range_is_refused(tiny):
    steps = backprop.backprop_steps(tiny, X, Y)
    with pytest.raises(ValueError, match="step must be a whole number from 0 to 7"):
        backprop.plot_backprop_step(steps, 8)


def test_a_step_picture_is_a_legible_png(tiny):
    drawn = backprop.plot_backprop_step(backprop.backprop_steps(tiny, X, Y), 4)
    buffer = io.BytesIO()
    drawn.fig.savefig(buffer, format="png")
    width, height = Image.open(buffer).size
    assert width >= 700 and height >= 380  # 8.6 x 4.6 inches at the course's dpi


def test_each_step_of_the_stepper_shows_the_same_pixels_as_a_full_draw(tiny):
    widget = backprop.backprop_stepper(tiny, X, Y)
    shown = []
    widget.picture.observe(lambda change: shown.append(bytes(change["new"])), names="value")
    fig = widget.result.fig
    for step in (3, 7, 0, 5):
        widget.kwargs_widgets[0].value = step
        full = io.BytesIO()
        fig.savefig(full, format="png", dpi=fig.dpi)
        moved = np.asarray(Image.open(io.BytesIO(shown[-1])).convert("RGB"))
        np.testing.assert_array_equal(moved, np.asarray(Image.open(full).convert("RGB")))


def test_every_frame_of_the_film_shows_the_node_names(tiny):
    anim = backprop.animate_backprop(tiny, X, Y)
    moving = anim.moving
    names = [artist for artist in moving if re.fullmatch(r"\$[xhy]_\{\d\}\$", getattr(artist, "get_text", str)())]
    circles = [artist for artist in moving if artist.__class__.__name__ == "Circle"]
    assert len(names) == len(circles) == 6
    assert max(moving.index(c) for c in circles) < min(moving.index(n) for n in names)  # names over circles
    assert backprop.backprop_steps(tiny, X, Y)[1].worked_text == "y1: 0.7514 - 0.01 = 0.741365"
