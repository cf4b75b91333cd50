import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import nnlearn


def test_neuron_is_the_line_y_equals_mx_plus_b():
    x = np.array([0.0, 1.0, 2.0])
    np.testing.assert_allclose(nnlearn.Neuron(w=2.0, b=3.0)(x), 2.0 * x + 3.0)
    # the article's example: b from 2 to 3 moves the line up by one everywhere
    up = nnlearn.Neuron(w=2.0, b=3.0)(x) - nnlearn.Neuron(w=2.0, b=2.0)(x)
    np.testing.assert_allclose(up, 1.0)


def test_neuron_with_many_inputs_is_a_weighted_sum():
    w = np.array([0.5, -1.0, 2.0])
    x = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    expected = [1.0 * 0.5 + 2.0 * -1.0 + 3.0 * 2.0 + 0.25, 0.25]
    np.testing.assert_allclose(nnlearn.Neuron(w, b=0.25)(x), expected)
    assert nnlearn.Neuron(w, b=0.25)(x[0]) == pytest.approx(expected[0])


def test_sigmoid_neuron_squashes_the_weighted_sum():
    n = nnlearn.Neuron(w=[1.0, 1.0], b=-1.0, activation="sigmoid")
    assert n([1.0, 0.0]) == 0.5
    assert n([1000.0, 1000.0]) == 1.0


def test_neuron_repr_is_deterministic():
    assert repr(nnlearn.Neuron(w=2, b=3)) == "Neuron(w=2, b=3, activation=None)"
    assert repr(nnlearn.Neuron([1, 0.5], 0, "sigmoid")) == "Neuron(w=[1, 0.5], b=0, activation='sigmoid')"


def test_squared_error_is_the_articles_formula():
    assert nnlearn.squared_error([1.0, 2.0], [0.0, 4.0]) == 0.5 * (1.0 + 4.0)
    assert nnlearn.squared_error_gradient(1.0, 4.0) == 3.0


arrays = hnp.arrays(np.float64, st.integers(1, 6), elements=st.floats(-1e150, 1e150))


@given(arrays, st.data())
def test_squared_error_nonnegative_and_zero_only_at_equality(y, data):
    y_hat = data.draw(hnp.arrays(np.float64, y.shape, elements=st.floats(-1e150, 1e150)))
    e = nnlearn.squared_error(y, y_hat)
    assert e >= 0
    assert nnlearn.squared_error(y, y) == 0
    gap = np.max(np.abs(y - y_hat))
    if gap > 1e-150:  # smaller gaps square to below the smallest float and honestly round to 0
        assert e > 0


@given(hnp.arrays(np.float64, 4, elements=st.floats(-100, 100)),
       hnp.arrays(np.float64, 4, elements=st.floats(-100, 100)))
def test_squared_error_gradient_matches_finite_differences(y, y_hat):
    y_hat = y_hat.copy()
    grad = nnlearn.numerical_gradient(lambda: nnlearn.squared_error(y, y_hat), y_hat, eps=1e-3)
    np.testing.assert_allclose(nnlearn.squared_error_gradient(y, y_hat), grad, rtol=1e-6, atol=1e-6)


def test_squared_error_huge_values_do_not_warn():
    # runs with warnings as errors: an overflow warning would fail here
    assert nnlearn.squared_error([1e300], [-1e300]) == float("inf")
    assert nnlearn.squared_error([1e150], [-1e150]) == pytest.approx(2e300)


def test_squared_error_over_an_axis_gives_one_error_per_position():
    y = np.array([[1.0, 0.0], [3.0, 1.0], [1e200, -1e200]])
    y_hat = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 0.0]])
    rows = nnlearn.squared_error(y, y_hat, axis=1)
    assert rows.tolist() == [0.5, 2.0, float("inf")]  # each row on its own: a huge row does not spoil the others
    assert nnlearn.squared_error(y[:2], y_hat[:2], axis=0).tolist() == [2.5, 0.0]
    np.testing.assert_array_equal(nnlearn.squared_error(y[:2], y_hat[:2], axis=()), 0.5 * (y[:2] - y_hat[:2]) ** 2)
    assert nnlearn.squared_error(y[:2], y_hat[:2], axis=(0, 1)) == nnlearn.squared_error(y[:2], y_hat[:2]) == 2.5


def test_every_squared_error_of_the_package_is_the_one_in_losses(monkeypatch, line_fit):
    """The parabola, the line fit and the network all compute the error and its slope through losses.py."""
    from nnlearn import losses

    calls = []
    for name in ("_squared_error", "_squared_error_gradient"):
        original = getattr(losses, name)
        monkeypatch.setattr(losses, name, lambda *args, _f=original, _n=name: calls.append(_n) or _f(*args))

    def through_losses(call):
        calls.clear()
        call()
        return sorted(set(calls))

    error, slope = ["_squared_error"], ["_squared_error_gradient"]
    net = nnlearn.Network([2, 3, 2], seed=0)
    X, labels = np.array([[0.5, -1.0], [1.0, 0.0]]), np.array([0, 1])
    assert through_losses(lambda: nnlearn.parabola_error(1.0)) == error
    assert through_losses(lambda: nnlearn.parabola_slope(1.0)) == slope
    assert through_losses(lambda: line_fit.loss((1.0, 60.0))) == error
    assert through_losses(lambda: line_fit.gradient((1.0, 60.0))) == slope
    assert through_losses(lambda: line_fit.loss_grid((0.0, 1.0), (50.0, 60.0), n=3)) == error
    assert through_losses(lambda: net.loss(X, labels)) == error
    assert through_losses(lambda: (net.forward(X), net.backward(net.one_hot(labels)))) == slope
    assert through_losses(lambda: net.trace(X, net.one_hot(labels))) == error + slope


def test_mean_squared_error_divides_by_the_number_of_samples():
    assert nnlearn.mean_squared_error([1.0, 3.0, 0.0], [0.0, 0.0, 0.0]) == pytest.approx(5.0 / 3)
