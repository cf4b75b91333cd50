"""The live training view: each frame shows the network's numbers (edges, node maps, regions, loss)."""

import time

import numpy as np
import pytest
from matplotlib.colors import to_rgba

import nnlearn
from nnlearn.pictures import playground
from nnlearn.pictures.playground_widget import Playground
from nnlearn.problems import make_problem


@pytest.fixture
def trained():
    X, y = make_problem("xor", noise=0.05)
    net = nnlearn.Network([2, 4, 3, 1], seed=0)
    for _ in range(300):
        net.train_step(X, y[:, None].astype(float), 3.0)
    return net, X, y


def test_node_maps_are_each_nodes_output_on_the_grid(trained):
    net, _, _ = trained
    maps = playground.node_outputs(net, n=5, limit=2.0)
    assert [m.shape for m in maps] == [(2, 5, 5), (4, 5, 5), (3, 5, 5), (1, 5, 5)]
    # top left of every map is the point (-2, 2); the bottom right (2, -2)
    np.testing.assert_allclose(maps[0][:, 0, 0], [-2.0, 2.0])
    hidden = nnlearn.sigmoid(np.array([[2.0, -2.0]]) @ net.layers[0].W + net.layers[0].b)[0]
    np.testing.assert_allclose(maps[1][:, -1, -1], hidden)
    output = net.forward(np.array([[-2.0, 2.0]]))[0]
    np.testing.assert_allclose(maps[-1][:, 0, 0], output)


def test_a_frame_shows_the_weights_the_maps_the_regions_and_the_loss(trained):
    net, X, y = trained
    drawn = playground.plot_playground(net, X, y, losses=[0.2, 0.1, 0.05], title="step 3: ")
    for collection, layer in zip(drawn.edges, net.layers):
        np.testing.assert_allclose(collection.get_linewidths(), playground.edge_width(layer.W.ravel()))
        signs = layer.W.ravel() >= 0
        colours = collection.get_colors()
        assert all(tuple(c) == (playground.POSITIVE if s else playground.NEGATIVE) for c, s in zip(colours, signs))
    np.testing.assert_allclose(drawn.regions.get_array(), playground.node_outputs(net)[-1][0])
    accuracy = np.mean((net.forward(X)[:, 0] > 0.5) == y)
    assert drawn.accuracy == accuracy
    assert drawn.heading.get_text() == f"step 3: {accuracy:.0%} right, loss 0.0500"
    x, h = drawn.loss_line.get_data()
    np.testing.assert_allclose(x, [0.01, 0.02, 0.03])
    np.testing.assert_allclose(h, [0.2 / 0.2, 0.1 / 0.2, 0.05 / 0.2])


def test_the_diagram_picture_puts_each_map_in_its_box():
    boxes = [[(0.1, 0.5, 0.1, 0.25)], [(0.4, 0.0, 0.2, 0.5)]]
    maps = [np.zeros((1, 4, 4)), np.ones((1, 4, 4))]
    picture = playground.diagram_picture(boxes, maps, (60, 40))  # the diagram is 0.6 of the figure: 100 px/unit
    np.testing.assert_allclose(picture[15, 15], playground.OUTPUT_COLOURS(0.0))  # inside the first box
    np.testing.assert_allclose(picture[30, 50], playground.OUTPUT_COLOURS(1.0))  # inside the second
    np.testing.assert_allclose(picture[12, 10], to_rgba(playground.MUTED))  # the first box's left frame
    assert picture[5, 5, 3] == 0  # outside every box: transparent


def test_bad_network_or_data_is_named():
    with pytest.raises(ValueError, match="2 inputs and 1 output"):
        playground.plot_playground(nnlearn.Network([2, 2]), np.zeros((4, 2)), [0, 1, 0, 1])


def test_the_widget_trains_only_when_asked_and_steps_deterministically():
    lab = Playground("xor", hidden_nodes=4, hidden_layers=2, steps_per_frame=10)
    assert lab.steps == 0 and lab.losses == [] and not lab.play.playing
    first = lab.picture.value
    weights = lab.network.layers[0].W.copy()
    lab.step(2)
    assert lab.steps == 20 and len(lab.losses) == 20
    assert lab.picture.value != first
    twin = nnlearn.Network([2, 4, 4, 1], seed=0)
    for _ in range(20):
        twin.train_step(lab.X, lab.Y, 3.0)
    np.testing.assert_allclose(lab.network.layers[0].W, twin.layers[0].W)
    assert not np.allclose(weights, lab.network.layers[0].W)
    assert lab.status_text() == f"step 20: {lab.drawn.accuracy:.0%} right, loss {lab.losses[-1]:.4f}"


def test_play_ticks_train_a_frame_and_only_one_tick_that_waited_is_kept():
    lab = Playground("clusters", steps_per_frame=5)
    lab.play.value = 1
    assert lab.steps == 5
    lab.play.value = 2  # handled at once after the last frame: it waited in the queue, drawn
    assert lab.steps == 10
    lab.play.value = 3  # a second one that waited: dropped, and so are the rest of the queue
    lab.play.value = 4
    assert lab.steps == 10
    time.sleep(0.02)
    lab.play.value = 5  # a tick on time
    assert lab.steps == 15
    time.sleep(0.02)
    lab.play.value = 0  # Play's stop button
    assert lab.steps == 15


def test_every_control_redraws_and_the_shape_follows_the_sliders():
    lab = Playground("xor")
    pictures = {lab.picture.value}
    for control, value in ((lab.hidden_nodes, 8), (lab.hidden_layers, 1), (lab.noise, 0.3),
                           (lab.learning_rate, 0.5), (lab.steps_per_frame, 50), (lab.problem, "spirals")):
        control.value = value
        pictures.add(lab.picture.value)
    assert len(pictures) == 7
    assert lab.network.layer_sizes == [2, 8, 1]
    assert "learning rate 0.5, 50 steps a frame" in lab.drawn.heading.get_text()


def test_a_control_that_starts_again_shows_the_frame_a_new_playground_starts_with():
    # a reset keeps the figure (and redraws the diagram when the shape changes): its frame must be the one
    # a Playground made with those settings shows first
    lab = Playground("xor", hidden_nodes=4, hidden_layers=2)
    lab.step()
    for control, value in ((lab.noise, 0.3), (lab.hidden_nodes, 7), (lab.hidden_layers, 1), (lab.problem, "spirals"),
                           (lab.hidden_nodes, 2), (lab.hidden_layers, 2), (lab.noise, 0.0)):
        control.value = value
        fresh = Playground(lab.problem.value, noise=lab.noise.value, hidden_nodes=lab.hidden_nodes.value,
                           hidden_layers=lab.hidden_layers.value, seed=lab.seed)
        np.testing.assert_array_equal(np.asarray(lab.blitter.canvas.buffer_rgba()),
                                      np.asarray(fresh.blitter.canvas.buffer_rgba()))
        assert lab.picture.value == fresh.picture.value
    lab.reset(new_seed=True)
    fresh = Playground(lab.problem.value, noise=0.0, hidden_nodes=2, hidden_layers=2, seed=1)
    assert lab.picture.value == fresh.picture.value


def test_reset_starts_again_from_new_random_weights():
    lab = Playground("circles")
    lab.step()
    before = lab.network.layers[0].W.copy()
    lab.reset(new_seed=True)
    assert lab.steps == 0 and lab.losses == [] and lab.network.seed == 1
    assert not np.allclose(before, lab.network.layers[0].W)


def test_two_hidden_layers_solve_the_spirals():
    lab = Playground("spirals", noise=0.05, learning_rate=5.0, hidden_nodes=8, hidden_layers=2, steps_per_frame=100)
    lab.step(40)
    assert lab.drawn.accuracy >= 0.95


def test_the_lab_pictures_ask_the_network_for_their_numbers(monkeypatch):
    """The node maps, the loss curve, the drawing pad's reading and the most exciting digits all come
    from Network.trace, the network's own forward (and backward) pass, not from the layers' caches."""
    from nnlearn.pictures import drawpad, learned

    traced = []
    real = nnlearn.Network.trace
    monkeypatch.setattr(nnlearn.Network, "trace", lambda self, *args: traced.append(len(args)) or real(self, *args))

    def asks(call, with_targets=False):
        traced.clear()
        call()
        return bool(traced) and set(traced) == {2 if with_targets else 1}

    assert asks(lambda: playground.node_outputs(nnlearn.Network([2, 3, 1], seed=0), n=4))
    digits = nnlearn.Network([256, 3, 10], seed=0)
    assert asks(lambda: drawpad.read_digit(digits, np.zeros(256)))
    assert asks(lambda: learned.most_exciting(digits, np.zeros((5, 256)), node=1, count=2))
    lab = Playground("xor", hidden_nodes=2, hidden_layers=1, n=20, steps_per_frame=3)
    traced.clear()
    lab.step()
    assert traced.count(2) == 3 and len(lab.losses) == 3  # the loss each step started from, with its targets
    twin = nnlearn.Network([2, 2, 1], seed=0)
    for loss in lab.losses:
        assert loss == twin.trace(lab.X, lab.Y).error
        twin.train_step(lab.X, lab.Y, lab.learning_rate.value)
