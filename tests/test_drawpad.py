"""The draw-a-digit pad: strokes in, the prepared digit, the hidden layer and the answer out."""

import numpy as np
import pytest

import nnlearn
from nnlearn.pictures import drawpad, handwriting


@pytest.fixture(scope="module")
def reader():
    """A digit network trained for a moment (the tests check the pad's plumbing, not the accuracy)."""
    X_train, y_train, X_test, y_test = nnlearn.data.load_digits()
    net = nnlearn.Network([256, 16, 10], seed=0)
    net.fit(X_train, y_train, epochs=3, learning_rate=3.0, batch_size=16)
    return net, X_test, y_test


def _mouse(pad, event, x, y):
    """What the browser sends when the mouse moves on the pad."""
    pad.canvas._handle_frontend_event(None, {"event": event, "x": x, "y": y}, [])


def test_a_mouse_stroke_inks_the_pad_and_the_network_reads_it(reader):
    net, _, _ = reader
    pad = drawpad.DrawPad(net)
    assert pad.answer.value == "draw a digit" and not pad.ink.any()
    empty = pad.picture.value
    _mouse(pad, "mouse_down", 100, 30)
    for y in range(40, 180, 10):
        _mouse(pad, "mouse_move", 100, y)
    assert pad.picture.value == empty  # read after the stroke, not during it
    _mouse(pad, "mouse_up", 100, 170)
    assert pad.ink[100, 100] == 1.0 and pad.ink[100, 20] == 0.0
    assert pad.picture.value != empty
    np.testing.assert_array_equal(pad.x, handwriting.prepare_drawing(pad.ink))
    hidden, outputs, answer = drawpad.read_digit(net, pad.x)
    assert pad.drawn.answer == answer == int(np.argmax(net.forward(pad.x)))
    assert pad.answer.value == f"the network reads: <b>{answer}</b>"
    np.testing.assert_allclose([bar.get_height() for bar in pad.drawn.bars], outputs)
    np.testing.assert_allclose(pad.drawn.hidden.get_array().compressed(), hidden)


def test_moving_without_pressing_draws_nothing_and_leaving_the_pad_ends_a_stroke(reader):
    pad = drawpad.DrawPad(reader[0])
    _mouse(pad, "mouse_move", 50, 50)
    assert not pad.ink.any()
    _mouse(pad, "mouse_down", 50, 50)
    _mouse(pad, "mouse_out", 50, 50)
    assert pad.ink.any() and pad.answer.value.startswith("the network reads")


def test_clear_empties_the_pad_and_a_test_digit_is_loaded_as_drawn(reader):
    net, X_test, y_test = reader
    pad = drawpad.DrawPad(net, X_test, y_test, seed=1)
    pad.draw_strokes(drawpad.EXAMPLE_STROKES[7])
    pad.clear()
    assert not pad.ink.any() and pad.answer.value == "draw a digit"
    # a blank pad names no digit in its picture either (the network would read the blank as some digit)
    assert pad.drawn.heading.get_text() == "draw a digit" and pad.drawn.answer is None
    assert all(bar.get_height() == 0 for bar in pad.drawn.bars)
    label = pad.load_random()
    k = int(np.random.default_rng(1).integers(len(X_test)))
    assert label == y_test[k]
    np.testing.assert_allclose(pad.ink, handwriting.digit_as_drawing(X_test[k]), atol=1 / 255)
    assert pad.drawn.answer == int(np.argmax(net.forward(pad.x)))


def test_plot_reading_shows_the_digit_the_hidden_grid_and_marks_the_answer():
    x = np.linspace(-1, 1, 256)
    hidden = np.linspace(0, 1, 10)
    outputs = np.array([0.1, 0.2, 0.9, 0.0, 0, 0, 0, 0, 0, 0.3])
    drawn = drawpad.plot_reading(x, hidden, outputs)
    np.testing.assert_allclose(drawn.image.get_array(), x.reshape(16, 16))
    assert drawn.hidden.get_array().shape == (3, 4)
    assert drawn.answer == 2 and drawn.heading.get_text() == "the network reads: 2"
    colours = [bar.get_facecolor() for bar in drawn.bars]
    assert colours[2] != colours[0] and len(set(colours)) == 2
    with pytest.raises(ValueError, match="10 values"):
        drawpad.plot_reading(x, hidden, outputs[:5])


def test_hidden_grid_is_near_square():
    assert drawpad.hidden_grid(np.zeros(64)).shape == (8, 8)
    assert drawpad.hidden_grid(np.zeros(32)).shape == (6, 6)  # 32 values and 4 NaN
