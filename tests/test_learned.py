"""Tests of chapter 7's pictures of what a digit network learned, and of chapter 4's hidden-layer view."""

import numpy as np
import pytest

import nnlearn
from nnlearn.course.evaluation import plot_history
from nnlearn.pictures import learned, plots


@pytest.fixture(scope="module")
def digit_net():
    return nnlearn.Network([256, 12, 10], seed=3)


def test_each_image_is_one_hidden_nodes_weights_in_pixel_order(digit_net):
    drawn = learned.plot_hidden_weights(digit_net, nodes=[0, 5, 11], ncols=3)
    assert drawn.nodes == [0, 5, 11]
    for image, k in zip(drawn.images, drawn.nodes):
        np.testing.assert_array_equal(image.get_array(), digit_net.layers[0].W[:, k].reshape(16, 16))
        low, high = image.get_clim()
        assert low == -high == pytest.approx(-np.abs(digit_net.layers[0].W[:, k]).max())  # 0 is white


def test_a_count_of_nodes_draws_the_first_ones(digit_net):
    assert learned.plot_hidden_weights(digit_net, nodes=4).nodes == [0, 1, 2, 3]
    assert learned.plot_hidden_weights(digit_net, nodes=50).nodes == list(range(12))


def test_the_most_exciting_digits_are_those_with_the_largest_hidden_output(digit_net):
    X = np.random.default_rng(0).uniform(-1, 1, size=(40, 256))
    rows = learned.most_exciting(digit_net, X, node=2, count=5)
    hidden = nnlearn.sigmoid(X @ digit_net.layers[0].W + digit_net.layers[0].b)[:, 2]
    np.testing.assert_array_equal(rows, np.argsort(-hidden)[:5])
    assert hidden[rows[0]] == hidden.max()
    drawn = learned.plot_most_exciting(digit_net, X, node=2, count=5)
    np.testing.assert_array_equal(drawn.rows, rows)


@pytest.mark.parametrize("call, message", [
    (lambda net: learned.plot_hidden_weights(nnlearn.Network([2, 3, 1])), "256 pixels"),
    (lambda net: learned.plot_hidden_weights(net, nodes=[12]), "node numbers from 0 to 11"),
    (lambda net: learned.most_exciting(net, np.zeros((3, 256)), node=-1), "hidden node number"),
    (lambda net: learned.plot_hidden_weights("net"), "nnlearn.Network"),
])
def test_bad_input_is_named(digit_net, call, message):
    with pytest.raises((TypeError, ValueError), match=message):
        call(digit_net)


def test_history_marks_a_change_of_learning_rate_on_both_panels():
    history = {"loss": [0.3, 0.2, 0.1], "accuracy": [0.5, 0.7, 0.8]}
    drawn = plot_history(history, marks={2: "learning rate 3 -> 1"})
    assert len(drawn.marks) == 2
    assert all(line.get_xdata()[0] == 2.5 for line in drawn.marks)
    assert any("learning rate 3 -> 1" in text.get_text() for text in drawn.axes[0].texts)


def test_the_network_diagram_draws_the_chosen_input_nodes_with_their_numbers():
    x = np.linspace(-1, 1, 256)
    values = [x, np.full(3, 0.5), np.full(2, 0.5)]
    drawn = plots.plot_network([256, 3, 2], values=values, input_nodes=range(100, 105))
    assert drawn.shown[0] == [100, 101, 102, 103, 104]
    labels = {t.get_text() for t in drawn.ax.texts}
    assert {"100", "104"} <= labels
    # shaded by the value of the pixel it stands for, not by the first pixels
    assert drawn.circles[0].get_facecolor() != drawn.circles[4].get_facecolor()
    with pytest.raises(ValueError, match="input_nodes"):
        plots.plot_network([256, 3, 2], input_nodes=range(250, 260))


def test_the_hidden_layer_view_draws_the_output_surface_and_one_line_per_hidden_node():
    net = nnlearn.Network([2, 3, 2], seed=1)
    X = np.array([[-1.0, -1.0], [1.0, 1.0], [-1.0, 1.0], [1.0, -1.0]])
    drawn = plots.plot_hidden_layer_view(net, X, [0, 0, 1, 1], output=1)
    assert len(drawn.lines) == 3
    (w1, w2), b = net.layers[0].W[:, 0], net.layers[0].b[0]
    x1, x2 = drawn.lines[0].get_data()
    np.testing.assert_allclose(w1 * x1 + w2 * np.asarray(x2) + b, 0.0, atol=1e-9)  # where the node's v = 0
    assert drawn.heights.min() >= 0 and drawn.heights.max() <= 1
    with pytest.raises(ValueError, match="one hidden layer"):
        plots.plot_hidden_layer_view(nnlearn.Network([2, 2]), X, [0, 0, 1, 1])
