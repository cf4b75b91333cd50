import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import nnlearn
from nnlearn import DivergenceError, DivergenceWarning, gradient_descent


def test_path_has_one_row_per_step_and_starts_at_start():
    path = gradient_descent(lambda w: 2 * w, start=[1.0, -2.0], learning_rate=0.1, steps=7)
    assert path.shape == (8, 2)
    np.testing.assert_array_equal(path[0], [1.0, -2.0])
    # each row is the previous minus learning_rate times the gradient
    np.testing.assert_allclose(path[1:], path[:-1] - 0.1 * 2 * path[:-1])


def test_reaches_the_minimum_of_a_parabola():
    # E(w) = 1/2 (w - 3)^2 has its minimum at w = 3
    path = gradient_descent(lambda w: w - 3.0, start=-5.0, learning_rate=0.3, steps=100)
    assert path[-1] == pytest.approx(3.0, abs=1e-10)


def test_reaches_the_minimum_of_an_elongated_bowl():
    # E(w) = 1/2 w^T A w - c^T w, minimum at A^-1 c
    A = np.array([[3.0, 1.0], [1.0, 1.0]])
    c = np.array([1.0, -2.0])
    path = gradient_descent(lambda w: A @ w - c, start=[5.0, 5.0], learning_rate=0.2, steps=500)
    np.testing.assert_allclose(path[-1], np.linalg.solve(A, c), atol=1e-8)


def test_reaches_the_minimum_of_the_line_fit_loss():
    hours, scores = nnlearn.data.study_hours()
    x = hours - hours.mean()

    def gradient(p):
        w, b = p
        residual = w * x + b - scores
        return np.array([np.mean(residual * x), np.mean(residual)])

    path = gradient_descent(gradient, start=[0.0, 0.0], learning_rate=0.1, steps=400)
    w_best, b_best = np.polyfit(x, scores, 1)
    np.testing.assert_allclose(path[-1], [w_best, b_best], rtol=1e-8)


def test_too_large_a_learning_rate_raises_and_suggests_a_smaller_one():
    with pytest.raises(DivergenceError, match=r"diverged at step \d+ with learning_rate=1\.5.*smaller"):
        gradient_descent(lambda w: 2 * w, start=1.0, learning_rate=1.5, steps=200)


def test_divergence_can_warn_and_return_the_finite_path():
    with pytest.warns(DivergenceWarning, match="Try a smaller learning_rate"):
        path = gradient_descent(lambda w: 2 * w, 1.0, 1.5, 200, on_divergence="warn")
    assert 1 < len(path) < 201
    assert np.all(np.isfinite(path))
    assert np.all(np.abs(path) <= 1e8)


def test_a_nan_gradient_is_reported_not_returned():
    # NaN where descent starts is the gradient's fault, and named as such (see below)
    with pytest.raises(ValueError, match=r"^gradient returned NaN at the start point 1\.0"):
        gradient_descent(lambda w: np.nan * w, 1.0, 0.1, 5)
    # NaN after some steps still stops descent
    with pytest.raises(DivergenceError):
        gradient_descent(lambda w: w if w > 0.5 else np.nan * w, 1.0, 0.3, 5)


def test_a_gradient_without_return_is_named():
    def gradient(point):
        2 * point  # a forgotten return: the function returns None

    message = (r"^gradient returned None \(a missing return\?\) at the point \[2\.0, -1\.0\]: it must return the "
               r"slope at that point, of shape \(2,\) \(the shape of start\)$")
    with pytest.raises(TypeError, match=message):
        gradient_descent(gradient, (2.0, -1.0), 0.1, 5)
    with pytest.raises(TypeError, match=r"gradient returned None \(a missing return\?\) at the point 0\.5"):
        gradient_descent(gradient, 0.5, 0.1, 5, on_divergence="warn")  # a fault, not a divergence: no warning


@pytest.mark.parametrize("slope, word", [(np.nan, "NaN"), (np.inf, "inf"), ([0.0, -np.inf], "inf"),
                                         ([np.nan, np.inf], "NaN")])
def test_a_gradient_that_is_not_finite_at_the_start_is_named(slope, word):
    start = (2.0, -1.0) if np.ndim(slope) else 2.0
    point = r"\[2\.0, -1\.0\]" if np.ndim(slope) else r"2\.0"
    with pytest.raises(ValueError, match=rf"^gradient returned {word} at the start point {point}: descent needs a "
                                         r"finite slope to take its first step$") as raised:
        gradient_descent(lambda w: np.asarray(slope) + 0 * w, start, 0.1, 5, on_divergence="warn")
    assert "learning_rate" not in str(raised.value)  # no advice about the learning rate: it did not diverge


def test_real_divergence_keeps_its_advice():
    with pytest.raises(DivergenceError) as raised:
        gradient_descent(lambda w: 2 * w, (2.0, -1.0), 1.5, 200)
    message = str(raised.value)
    assert "diverged at step" in message and message.endswith("Try a smaller learning_rate, e.g. 0.15.")
    assert "returned" not in message and "start point" not in message


@given(
    hnp.arrays(np.float64, st.integers(1, 4), elements=st.floats(-100, 100)),
    hnp.arrays(np.float64, 4, elements=st.floats(0.1, 10)),
    st.floats(0.01, 1.0),
)
def test_a_small_enough_step_never_raises_a_convex_loss(start, curvature, fraction):
    # E(w) = 1/2 sum a_i w_i^2 is convex; any learning_rate below 2 / max(a) does not raise it
    a = curvature[: start.size]
    lr = fraction * 1.9 / a.max()

    def loss(w):
        return 0.5 * np.sum(a * w**2)

    path = gradient_descent(lambda w: a * w, start, lr, 20)
    losses = [loss(w) for w in path]
    assert all(later <= earlier * (1 + 1e-12) for earlier, later in zip(losses, losses[1:]))


def test_descent_emits_no_warning_on_ordinary_use():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        path = gradient_descent(lambda w: w, 1.0, 0.5, 10)
    assert path[-1] == pytest.approx(0.5**10)  # each step halves w
