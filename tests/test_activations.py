import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nnlearn
from nnlearn.activations import get_activation

finite = st.floats(min_value=-1e308, max_value=1e308, allow_nan=False)


def test_sigmoid_known_values():
    assert nnlearn.sigmoid(0.0) == 0.5
    assert nnlearn.sigmoid(np.log(3.0)) == pytest.approx(0.75, rel=1e-15)
    assert nnlearn.sigmoid(-np.log(3.0)) == pytest.approx(0.25, rel=1e-15)


def test_sigmoid_extremes_exact_and_silent():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise", under="ignore"):
            s = nnlearn.sigmoid(np.array([-1000.0, -700.0, 1000.0, -np.inf, np.inf]))
            d = nnlearn.sigmoid_derivative(np.array([-1000.0, 1000.0]))
    assert s.tolist() == [0.0, pytest.approx(np.exp(-700.0), rel=1e-12, abs=0), 1.0, 0.0, 1.0]
    assert d.tolist() == [0.0, 0.0]


def test_sigmoid_small_tail_is_relatively_exact():
    # 1 - sigmoid(40) would lose everything; sigmoid(-40) must keep e^-40 to full precision
    assert nnlearn.sigmoid(-40.0) == pytest.approx(np.exp(-40.0) / (1 + np.exp(-40.0)), rel=1e-14)
    assert nnlearn.sigmoid_derivative(-40.0) == pytest.approx(np.exp(-40.0), rel=1e-14)


@given(finite)
def test_sigmoid_in_unit_interval_and_symmetric(v):
    s = nnlearn.sigmoid(v)
    assert 0.0 <= s <= 1.0
    assert s + nnlearn.sigmoid(-v) == pytest.approx(1.0, abs=1e-15)


@given(st.floats(min_value=-30, max_value=30))
def test_sigmoid_derivative_matches_formula_and_finite_differences(v):
    # sigma' = sigma (1 - sigma) = sigma(v) sigma(-v), the last form free of cancellation
    exact = nnlearn.sigmoid(v) * nnlearn.sigmoid(-v)
    assert nnlearn.sigmoid_derivative(v) == pytest.approx(exact, rel=1e-14)
    h = 1e-5
    numeric = (nnlearn.sigmoid(v + h) - nnlearn.sigmoid(v - h)) / (2 * h)
    # central differences carry a rounding error of about 1e-16 / h = 1e-11
    assert nnlearn.sigmoid_derivative(v) == pytest.approx(numeric, rel=1e-6, abs=1e-10)


@given(finite)
def test_sigmoid_derivative_bounded_and_symmetric(v):
    d = nnlearn.sigmoid_derivative(v)
    assert 0.0 <= d <= 0.25
    assert d == nnlearn.sigmoid_derivative(-v)


def test_sigmoid_keeps_shape_and_returns_float_for_scalars():
    assert isinstance(nnlearn.sigmoid(1.0), float)
    assert nnlearn.sigmoid(np.zeros((2, 3))).shape == (2, 3)


@pytest.mark.parametrize("name", ["sigmoid", "linear"])
def test_each_activation_travels_with_its_derivative(name):
    act = get_activation(name)
    v = np.linspace(-5, 5, 11)
    h = 1e-6
    numeric = (act(v + h) - act(v - h)) / (2 * h)
    np.testing.assert_allclose(act.derivative(v), numeric, rtol=1e-6, atol=1e-10)
    np.testing.assert_allclose(act.derivative_from_output(act(v)), act.derivative(v), rtol=1e-12)


def test_activation_repr():
    assert repr(get_activation("sigmoid")) == "Activation('sigmoid')"
