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
