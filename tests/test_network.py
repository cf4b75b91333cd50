import warnings

import numpy as np
import pytest

import nnlearn
from nnlearn.data import load_digits

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_y = np.array([0, 1, 1, 0])


def test_shapes_follow_rows_are_samples():
    net = nnlearn.Network([5, 4, 3], seed=0)
    assert [layer.W.shape for layer in net.layers] == [(5, 4), (4, 3)]
    assert [layer.b.shape for layer in net.layers] == [(4,), (3,)]
    X = np.random.default_rng(0).uniform(-1, 1, (7, 5))
    out = net.forward(X)
    assert out.shape == (7, 3)
    # every layer, the output layer too, applies the sigmoid: v = X @ W + b, y = sigma(v)
    hidden = nnlearn.sigmoid(X @ net.layers[0].W + net.layers[0].b)
    np.testing.assert_allclose(out, nnlearn.sigmoid(hidden @ net.layers[1].W + net.layers[1].b))
    assert np.all((out > 0) & (out < 1))


def test_predict_is_the_most_active_output():
    net = nnlearn.Network([4, 6, 3], seed=2)
    X = np.random.default_rng(3).uniform(-1, 1, (20, 4))
    np.testing.assert_array_equal(net.predict(X), np.argmax(net.forward(X), axis=1))
    assert net.accuracy(X, net.predict(X)) == 1.0


def test_a_hidden_layer_learns_xor():
    net = nnlearn.Network([2, 4, 2], seed=0)
    history = net.fit(XOR_X, XOR_y, epochs=3000, learning_rate=5.0, batch_size=4)
    assert net.accuracy(XOR_X, XOR_y) == 1.0
    assert history["loss"][-1] < 0.1 * history["loss"][0]


@pytest.mark.parametrize("seed", range(5))
def test_without_a_hidden_layer_xor_cannot_be_learned(seed):
    # one layer draws one straight boundary per output: at most 3 of the 4 XOR points are right
    net = nnlearn.Network([2, 2], seed=seed)
    net.fit(XOR_X, XOR_y, epochs=3000, learning_rate=5.0, batch_size=4)
    assert net.accuracy(XOR_X, XOR_y) <= 0.75


def test_fit_is_deterministic_for_a_seed():
    X_train, y_train, _, _ = load_digits()
    X, y = X_train[:300], y_train[:300]
    runs = []
    for _ in range(2):
        net = nnlearn.Network([256, 16, 10], seed=7)
        history = net.fit(X, y, epochs=3)
        runs.append((history, [layer.W.copy() for layer in net.layers]))
    assert runs[0][0] == runs[1][0]
    for a, b in zip(runs[0][1], runs[1][1]):
        np.testing.assert_array_equal(a, b)
    other = nnlearn.Network([256, 16, 10], seed=8)
    other.fit(X, y, epochs=3)
    assert not np.array_equal(other.layers[0].W, runs[0][1][0])


def test_history_has_one_entry_per_epoch():
    X_train, y_train, X_test, y_test = load_digits()
    net = nnlearn.Network([256, 8, 10], seed=0)
    h = net.fit(X_train[:200], y_train[:200], epochs=4, validation=(X_test[:50], y_test[:50]))
    assert sorted(h) == ["accuracy", "loss", "val_accuracy", "val_loss"]
    assert all(len(v) == 4 for v in h.values())
    assert h["accuracy"][-1] == net.accuracy(X_train[:200], y_train[:200])
    assert h["val_loss"][-1] == pytest.approx(net.loss(X_test[:50], y_test[:50]))


def test_default_fit_learns_the_digits_without_warnings():
    """The issue's promise: Network([256, 64, 10], seed=0).fit(X_train, y_train) reaches >= 94 %."""
    X_train, y_train, X_test, y_test = load_digits()
    net = nnlearn.Network([256, 64, 10], seed=0)
    with warnings.catch_warnings(), np.errstate(all="raise", under="ignore"):
        warnings.simplefilter("error")
        history = net.fit(X_train, y_train)
    assert net.accuracy(X_test, y_test) >= 0.94
    assert history["loss"][-1] < history["loss"][0]


def test_diverging_training_says_so():
    X_train, y_train, _, _ = load_digits()
    net = nnlearn.Network([256, 10], activation="linear", seed=0)
    with pytest.raises(nnlearn.DivergenceError, match=r"training diverged.*smaller learning_rate"):
        net.fit(X_train[:500], y_train[:500], epochs=5, learning_rate=50.0)


def test_progress_text_outside_a_notebook():
    import io

    from nnlearn.progress import Progress

    stream = io.StringIO()
    bar = Progress(3, enabled=True, stream=stream)
    bar.update(2, {"loss": 0.12345})
    bar.close()
    assert "2 / 3" in stream.getvalue() and "loss 0.1235" in stream.getvalue()
    silent = io.StringIO()
    Progress(3, enabled=False, stream=silent).update(1, {"loss": 1.0})
    assert silent.getvalue() == ""


def test_reprs_are_deterministic():
    net = nnlearn.Network([256, 64, 10], seed=0)
    assert repr(net) == "Network([256, 64, 10], activation='sigmoid', seed=0)"
    assert repr(net.layers[0]) == "Layer(256 -> 64, activation='sigmoid')"
    gen_net = nnlearn.Network([2, 1], seed=np.random.default_rng(0))
    assert "0x" not in repr(gen_net)


# ---- trace: every number of one pass, handed out by the network ---------------------------
@pytest.fixture
def traced():
    """A 3-4-2 network with non-zero biases, a batch of 5 and its one-hot targets."""
    net = nnlearn.Network([3, 4, 2], seed=3)
    rng = np.random.default_rng(3)
    for layer in net.layers:
        layer.b[:] = rng.normal(0, 0.5, layer.b.shape)
    X = rng.uniform(-1, 1, (5, 3))
    return net, X, net.one_hot([0, 1, 1, 0, 1])


def test_trace_holds_the_numbers_of_forward_and_backward(traced):
    net, X, Y = traced
    trace = net.trace(X, Y)
    outputs = net.forward(X)
    gradients = net.backward(Y)
    x = X
    for layer, step, (dW, db) in zip(net.layers, trace.layers, gradients):
        np.testing.assert_array_equal(step.x, x)
        np.testing.assert_array_equal(step.v, x @ layer.W + layer.b)
        np.testing.assert_array_equal(step.y, nnlearn.sigmoid(step.v))
        np.testing.assert_allclose(step.dv, step.dy * step.y * (1 - step.y), rtol=1e-15)  # through the sigmoid
        np.testing.assert_array_equal(step.dW, dW)
        np.testing.assert_array_equal(step.db, db)
        x = step.y
    np.testing.assert_array_equal(trace.outputs, outputs)
    # the chain rule as the layers hand it back: the loss's slope at the output, then dv W^T
    np.testing.assert_array_equal(trace.layers[-1].dy, (outputs - Y) / len(X))
    np.testing.assert_allclose(trace.layers[0].dy, trace.layers[1].dv @ net.layers[1].W.T, rtol=1e-15)
    assert trace.error == net.loss(X, Y.argmax(axis=1))
    assert [(a is None, b is None) for a, b in trace.gradients] == [(False, False)] * 2


def test_trace_without_targets_is_the_forward_pass_only(traced):
    net, X, Y = traced
    net.trace(X, Y)  # the layers now keep slopes of this pass: a forward-only trace must not show them
    trace = net.trace(X[:2])
    assert trace.error is None and trace.gradients is None and trace.Y is None
    assert all(step.dy is None and step.dv is None and step.dW is None and step.db is None for step in trace.layers)
    np.testing.assert_array_equal(trace.outputs, net.forward(X[:2]))


def test_trace_changes_nothing_and_cannot_be_changed(traced):
    net, X, Y = traced
    before = [(layer.W.copy(), layer.b.copy()) for layer in net.layers]
    trace = net.trace(X, Y)
    for layer, (W, b) in zip(net.layers, before):
        np.testing.assert_array_equal(layer.W, W)
        np.testing.assert_array_equal(layer.b, b)
    with pytest.raises(ValueError, match="read-only"):
        trace.layers[0].y[0, 0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        trace.gradients[1][0][0, 0] = 1.0
    kept = trace.outputs.copy()
    net.train_step(X[::-1], Y[::-1], 3.0)  # a later pass and update leave the trace as it was
    np.testing.assert_array_equal(trace.outputs, kept)


def test_trace_shows_what_backward_returned(traced, monkeypatch):
    """The gradients of a trace are those of Network.backward, not worked out again."""
    net, X, Y = traced
    real = nnlearn.Network.backward
    monkeypatch.setattr(nnlearn.Network, "backward", lambda self, Y: [(2 * dW, db) for dW, db in real(self, Y)])
    trace = net.trace(X, Y)
    np.testing.assert_array_equal(trace.layers[0].dW, 2 * net.layers[0].dW)


def test_trace_of_a_cross_entropy_network_starts_from_its_own_slope():
    net = nnlearn.Network([3, 4], seed=2, loss="cross_entropy")
    X = np.random.default_rng(2).uniform(-1, 1, (5, 3))
    Y = net.one_hot([0, 3, 1, 1, 2])
    trace = net.trace(X, Y)
    np.testing.assert_allclose(trace.layers[-1].dy, -Y / trace.outputs / 5, rtol=1e-15)  # -Y / y, batch mean
    np.testing.assert_allclose(trace.layers[-1].dv, (trace.outputs - Y) / 5, rtol=1e-12, atol=1e-15)
    assert trace.error == pytest.approx(net.loss(X, Y.argmax(axis=1)))
    assert repr(trace).startswith("Trace(1 layers, 5 samples, cross_entropy=")


def test_trace_repr_is_deterministic(traced):
    net, X, Y = traced
    assert repr(net.trace(X[:1])) == "Trace(2 layers, 1 sample, forward only)"
    trace = net.trace(X, Y)
    assert repr(trace) == repr(net.trace(X, Y)) == f"Trace(2 layers, 5 samples, squared_error={trace.error:.6g})"
    assert repr(trace.layers[1]) == "LayerTrace(4 -> 2, 5 samples: x, v, y, dy, dv, dW, db)"
    assert repr(net.trace(X).layers[0]) == "LayerTrace(3 -> 4, 5 samples: x, v, y)"


@pytest.mark.parametrize("X, Y, error, words", [
    (np.zeros((2, 4)), None, ValueError, r"X must have 3 columns"),
    ("abc", None, TypeError, r"X must be a number or an array of numbers"),
    (np.zeros((2, 3)), np.zeros((3, 2)), ValueError, r"Y must have shape \(2, 2\)"),
    (np.zeros((2, 3)), np.zeros(2), ValueError, r"Y must be a 2-D array"),
    (np.zeros((2, 3)), [[np.nan, 0.0], [0.0, 1.0]], ValueError, r"Y must contain only finite numbers"),
])
def test_trace_names_bad_input(X, Y, error, words):
    with pytest.raises(error, match=words):
        nnlearn.Network([3, 4, 2], seed=0).trace(X, Y)
