"""Tests of chapter 7's backpropagation picture: the numbers on it are the network's own."""

import io
import re

import numpy as np
import pytest
from matplotlib.colors import to_rgba
from PIL import Image
from pixels import fresh_draw, full_draw, pixels

import nnlearn
from nnlearn.gradcheck import relative_error
from nnlearn.losses import cross_entropy
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


def chain_rule_by_hand(net, x, Y, learning_rate=0.5):
    """Every number of the tiny network's picture, worked out here from its weights alone, as chapter 7 does
    by hand: no Network.backward, so a fault there cannot hide in the reference.  The slopes of the weights
    and biases are checked against finite differences before they are used."""
    (W1, b1), (W2, b2) = [(layer.W.copy(), layer.b.copy()) for layer in net.layers]

    def error():
        return 0.5 * np.sum((Y - nnlearn.sigmoid(nnlearn.sigmoid(x @ W1 + b1) @ W2 + b2)) ** 2)

    h = nnlearn.sigmoid(x @ W1 + b1)
    y = nnlearn.sigmoid(h @ W2 + b2)
    dy2 = y - Y
    dv2 = dy2 * y * (1 - y)
    dy1 = W2 @ dv2
    dv1 = dy1 * h * (1 - h)
    dW1, dW2 = np.outer(x, dv1), np.outer(h, dv2)
    for array, slope in ((W1, dW1), (b1, dv1), (W2, dW2), (b2, dv2)):
        assert relative_error(slope, nnlearn.numerical_gradient(error, array)) < 1e-7
    return {"E": error(), "dy": {1: dy1, 2: dy2}, "dv": {1: dv1, 2: dv2}, "dW": {1: dW1, 2: dW2},
            "W_new": {1: W1 - learning_rate * dW1, 2: W2 - learning_rate * dW2}}


def check_the_steps_show(steps, expected):
    """Every number the picture of the 2-2-2 network shows, against ``chain_rule_by_hand``."""
    def close(shown, value):
        assert _number(shown) == pytest.approx(value, rel=1e-3, abs=1e-9), (shown, value)

    assert f"E = {expected['E']:.6f}" in steps[0].worked
    # output layer (steps 1-3), then hidden layer (steps 4-6): dE/dy, dE/dv at the nodes, dE/dw on the edges
    for layer, (at_y, at_v, at_w) in {2: (1, 2, 3), 1: (4, 5, 6)}.items():
        for k in range(2):
            close(steps[at_y].nodes[(layer, k)], expected["dy"][layer][k])
            close(steps[at_v].nodes[(layer, k)], expected["dv"][layer][k])
        for (i, k), slope in np.ndenumerate(expected["dW"][layer]):
            close(steps[at_w].edges[(layer, i, k)], slope)
        close(steps[at_y].worked, expected["dy"][layer][0])  # the worked number of each step, too
        close(steps[at_v].worked, expected["dv"][layer][0])
        close(steps[at_w].worked, expected["dW"][layer][0, 0])
        for (i, k), w in np.ndenumerate(expected["W_new"][layer]):
            close(steps[7].edges[(layer, i, k)], w)
    close(steps[7].worked, expected["W_new"][1][0, 0])


def test_the_stepper_shows_the_chain_rule_worked_out_by_hand(tiny):
    expected = chain_rule_by_hand(tiny, X, Y)
    check_the_steps_show(backprop.backprop_stepper(tiny, X, Y).steps, expected)


def _forgot_the_sigmoids_slope(net, monkeypatch):
    broken = nnlearn.activations.Activation(
        "sigmoid", nnlearn.activations._sigmoid, nnlearn.sigmoid_derivative,
        lambda y: y,  # forgot the (1 - y)
    )
    for layer in net.layers:
        monkeypatch.setattr(layer, "activation", broken)


def _hands_back_the_wrong_sign(net, monkeypatch):
    real = nnlearn.Network.backward
    monkeypatch.setattr(nnlearn.Network, "backward", lambda self, Y: [(-dW, -db) for dW, db in real(self, Y)])


@pytest.mark.parametrize("break_backward", [_forgot_the_sigmoids_slope, _hands_back_the_wrong_sign])
def test_the_stepper_check_fails_when_backward_is_broken(tiny, monkeypatch, break_backward):
    """The check above can fail: the stepper shows what Network.backward computes, so break backward
    and the stepper's numbers no longer match the chain rule worked out by hand."""
    expected = chain_rule_by_hand(tiny, X, Y)  # from the weights alone, before anything is broken
    break_backward(tiny, monkeypatch)
    with pytest.raises(AssertionError):
        check_the_steps_show(backprop.backprop_stepper(tiny, X, Y).steps, expected)


def test_a_cross_entropy_network_shows_its_own_output_slope(tiny):
    """The slope at the outputs is the network's own: -Y / y for the cross-entropy, not y - Y."""
    net = nnlearn.Network([2, 2, 2], seed=0, loss="cross_entropy")
    for mine, theirs in zip(net.layers, tiny.layers):
        mine.W[:], mine.b[:] = theirs.W, theirs.b
    target = np.array([0.0, 1.0])
    steps = backprop.backprop_steps(net, X, target)
    outputs = net.forward(X)[0]
    own = net.trace(X[np.newaxis], target[np.newaxis]).layers[-1]
    shown = np.array([_number(steps[1].nodes[(2, k)]) for k in range(2)])
    np.testing.assert_allclose(shown, own.dy[0], rtol=1e-3)
    np.testing.assert_allclose(shown, -target / outputs, rtol=1e-3)
    assert not np.allclose(shown, outputs - target, rtol=0.1)  # the article's slope, which this network does not use
    assert "-1.00 / " in steps[1].worked and "-Y_k / y_k" in steps[1].formula
    # through the softmax, the cross-entropy's slope becomes y - Y
    assert steps[2].title == "Through the softmax"
    np.testing.assert_allclose([_number(steps[2].nodes[(2, k)]) for k in range(2)], outputs - target, rtol=1e-3)
    np.testing.assert_allclose(_number(steps[2].worked), own.dv[0, 1], rtol=1e-5)
    assert f"E = {cross_entropy(target, outputs):.6f}" in steps[0].worked
    assert r"\log" in steps[0].formula and "softmax" in steps[0].title


def test_a_network_without_a_sigmoid_or_softmax_output_is_refused():
    with pytest.raises(ValueError, match="network must have a sigmoid or softmax output layer, got 'linear'"):
        backprop.backprop_steps(nnlearn.Network([2, 2], output_activation="linear"), X, Y)


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
    # a step is shown by new texts and colours on the diagram drawn once: the same picture as the diagram
    # drawn anew for that step, and as a full drawing of the widget's own figure
    widget = backprop.backprop_stepper(tiny, X, Y)
    shown = []
    widget.picture.observe(lambda change: shown.append(bytes(change["new"])), names="value")
    fig = widget.result.fig
    for step in (3, 7, 0, 5, 4):
        widget.kwargs_widgets[0].value = step
        moved = pixels(shown[-1])
        np.testing.assert_array_equal(moved, full_draw(fig))
        np.testing.assert_array_equal(moved, fresh_draw(fig, lambda ax, step=step: backprop.plot_backprop_step(
            widget.steps, step, ax=ax)))


def test_every_frame_of_the_film_shows_the_node_names(tiny):
    anim = backprop.animate_backprop(tiny, X, Y)
    moving = anim.moving
    names = [artist for artist in moving if re.fullmatch(r"\$[xhy]_\{\d\}\$", getattr(artist, "get_text", str)())]
    circles = [artist for artist in moving if artist.__class__.__name__ == "Circle"]
    assert len(names) == len(circles) == 6
    assert max(moving.index(c) for c in circles) < min(moving.index(n) for n in names)  # names over circles
    assert backprop.backprop_steps(tiny, X, Y)[1].worked_text == "y1: 0.7514 - 0.01 = 0.741365"
