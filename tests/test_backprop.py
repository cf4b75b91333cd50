"""Backpropagation against central finite differences, over many random networks."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nnlearn
from nnlearn.gradcheck import relative_error

TOLERANCE = 1e-7


def batch_mean_error(net, X, Y):
    """The article's error 1/2 sum (Y - output)^2, averaged over the batch, computed directly."""
    out = X
    for layer in net.layers:
        out = layer.activation(out @ layer.W + layer.b)
    return 0.5 * np.sum((Y - out) ** 2) / X.shape[0]


@given(
    sizes=st.lists(st.integers(1, 6), min_size=2, max_size=4),
    batch=st.integers(1, 5),
    activation=st.sampled_from(["sigmoid", "linear"]),
    seed=st.integers(0, 2**16),
)
def test_backward_equals_finite_differences(sizes, batch, activation, seed):
    rng = np.random.default_rng(seed)
    net = nnlearn.Network(sizes, activation=activation, seed=seed)
    for layer in net.layers:  # biases away from zero, so their gradient is tested too
        layer.b[:] = rng.normal(0, 0.5, layer.b.shape)
    X = rng.uniform(-1, 1, (batch, sizes[0]))
    Y = net.one_hot(rng.integers(0, sizes[-1], batch))

    net.forward(X)
    grads = net.backward(Y)
    assert len(grads) == len(net.layers)
    for layer, (dW, db) in zip(net.layers, grads):
        assert dW.shape == layer.W.shape and db.shape == layer.b.shape
        num_W = nnlearn.numerical_gradient(lambda: batch_mean_error(net, X, Y), layer.W, eps=1e-5)
        num_b = nnlearn.numerical_gradient(lambda: batch_mean_error(net, X, Y), layer.b, eps=1e-5)
        assert relative_error(dW, num_W) <= TOLERANCE
        assert relative_error(db, num_b) <= TOLERANCE


def test_backward_twice_gives_the_same_answer():
    net = nnlearn.Network([4, 3, 2], seed=1)
    X = np.random.default_rng(1).uniform(-1, 1, (5, 4))
    Y = net.one_hot([0, 1, 1, 0, 1])
    net.forward(X)
    first = [(dW.copy(), db.copy()) for dW, db in net.backward(Y)]
    second = net.backward(Y)
    for (a, b), (c, d) in zip(first, second):
        np.testing.assert_array_equal(a, c)
        np.testing.assert_array_equal(b, d)


def test_gradient_check_catches_a_wrong_backward(monkeypatch):
    """The check above can fail: break the chain rule and it must notice."""
    net = nnlearn.Network([3, 4, 2], seed=0)
    X = np.random.default_rng(0).uniform(-1, 1, (4, 3))
    Y = net.one_hot([0, 1, 0, 1])
    broken = nnlearn.activations.Activation(
        "sigmoid", nnlearn.activations._sigmoid, nnlearn.sigmoid_derivative,
        lambda y: y,  # forgot the (1 - y)
    )
    for layer in net.layers:
        layer.activation = broken
    net.forward(X)
    dW, _ = net.backward(Y)[0]
    num = nnlearn.numerical_gradient(lambda: batch_mean_error(net, X, Y), net.layers[0].W, eps=1e-5)
    assert relative_error(dW, num) > 1e-2


def test_numerical_gradient_restores_the_array():
    w = np.array([[0.3, -1.2], [2.0, 0.0]])
    before = w.copy()
    nnlearn.numerical_gradient(lambda: float(np.sum(np.sin(w))), w)
    np.testing.assert_array_equal(w, before)


def test_numerical_gradient_restores_the_array_when_f_raises():
    w = np.array([0.3, -1.2])
    before = w.copy()

    def f():
        if w[0] != before[0]:
            raise KeyError("a callback that fails while the array is nudged")
        return 0.0

    with pytest.raises(KeyError):
        nnlearn.numerical_gradient(f, w)
    np.testing.assert_array_equal(w, before)


@pytest.mark.parametrize("eps", [1e-4, 1e-6])
def test_numerical_gradient_of_a_known_function(eps):
    w = np.array([0.5, -1.0, 2.0])
    grad = nnlearn.numerical_gradient(lambda: float(np.sum(w**3)), w, eps=eps)
    np.testing.assert_allclose(grad, 3 * w**2, rtol=1e-7)


def batch_mean_cross_entropy(net, X, Y):
    """The cross-entropy -sum Y log(softmax output), averaged over the batch, computed directly."""
    out = X
    for layer in net.layers[:-1]:
        out = layer.activation(out @ layer.W + layer.b)
    v = out @ net.layers[-1].W + net.layers[-1].b
    log_softmax = v - v.max(axis=1, keepdims=True)
    log_softmax -= np.log(np.exp(log_softmax).sum(axis=1, keepdims=True))
    return -np.sum(Y * log_softmax) / X.shape[0]


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_backward_with_softmax_and_cross_entropy_equals_finite_differences(seed, activation):
    rng = np.random.default_rng(seed)
    sizes = [int(n) for n in rng.integers(1, 6, size=int(rng.integers(2, 5)))]
    sizes[-1] = max(sizes[-1], 2)  # softmax over one output is always 1: nothing to learn
    net = nnlearn.Network(sizes, activation=activation, seed=seed, loss="cross_entropy")
    for layer in net.layers:
        layer.b[:] = rng.normal(0, 0.5, layer.b.shape)
    X = rng.uniform(-1, 1, (int(rng.integers(1, 5)), sizes[0]))
    Y = net.one_hot(rng.integers(0, sizes[-1], X.shape[0]))
    net.forward(X)
    if activation == "relu":  # a weighted sum within eps of ReLU's kink has no slope to measure
        v_hidden = [layer.x @ layer.W + layer.b for layer in net.layers[1:]]
        assert all(np.all(np.abs(v) > 1e-4) for v in v_hidden) or pytest.skip("an input sits on ReLU's kink")
    for layer, (dW, db) in zip(net.layers, net.backward(Y)):
        for array, slope in ((layer.W, dW), (layer.b, db)):
            measured = nnlearn.numerical_gradient(lambda: batch_mean_cross_entropy(net, X, Y), array, eps=1e-6)
            assert relative_error(slope, measured) <= TOLERANCE
    assert net.loss(X, Y.argmax(axis=1)) == pytest.approx(batch_mean_cross_entropy(net, X, Y))


def test_softmax_with_cross_entropy_hands_back_y_minus_Y_at_the_output():
    net = nnlearn.Network([3, 4], seed=2, loss="cross_entropy")
    X = np.random.default_rng(2).uniform(-1, 1, (5, 3))
    Y = net.one_hot([0, 3, 1, 1, 2])
    outputs = net.forward(X)
    (dW, db), = net.backward(Y)
    np.testing.assert_allclose(db, np.sum(outputs - Y, axis=0) / 5, rtol=1e-12)  # dE/dv = (y - Y) / n
    np.testing.assert_allclose(outputs.sum(axis=1), 1.0)


def test_the_options_show_in_the_repr_and_train_the_digits():
    net = nnlearn.Network([256, 32, 10], activation="relu", seed=0, loss="cross_entropy")
    assert repr(net) == "Network([256, 32, 10], activation='relu', seed=0, loss='cross_entropy')"
    X, y, X_test, y_test = nnlearn.data.load_digits()
    net.fit(X, y, epochs=3, learning_rate=0.1, batch_size=16)
    assert net.accuracy(X_test, y_test) > 0.9
