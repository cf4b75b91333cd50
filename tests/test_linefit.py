"""Tests of nnlearn.linefit: the parabola and the line fit of chapters 2 and 6."""

import numpy as np
import pytest

from nnlearn import (
    LineFit,
    best_fit_line,
    mean_squared_error,
    parabola_error,
    parabola_slope,
    two_valleys,
    two_valleys_slope,
)
from nnlearn.gradcheck import numerical_gradient
from nnlearn.linefit import CHAPTER_6, DescentProblem
from nnlearn.pictures import plots


def test_parabola_error_and_slope_match_the_formula():
    w = np.linspace(-2, 8, 11)
    np.testing.assert_allclose(parabola_error(w, actual=3.0), 0.5 * (3.0 - w) ** 2)
    np.testing.assert_allclose(parabola_slope(w, actual=3.0), w - 3.0)
    # the slope is the derivative of the error
    point = np.array([1.7])
    numeric = numerical_gradient(lambda: float(parabola_error(point, 3.0)[0]), point)
    assert numeric[0] == pytest.approx(parabola_slope(1.7, 3.0), abs=1e-8)


def test_loss_is_mean_squared_error_and_gradient_matches_finite_differences(line_fit):
    hours, scores, center = line_fit.hours, line_fit.scores, line_fit.center
    params = np.array([2.0, 60.0])
    assert line_fit.loss(params) == pytest.approx(mean_squared_error(scores, 2.0 * (hours - center) + 60.0))
    numeric = numerical_gradient(lambda: line_fit.loss(params), params)
    np.testing.assert_allclose(line_fit.gradient(params), numeric, rtol=1e-6)
    np.testing.assert_allclose(line_fit.gradient(line_fit.best), [0.0, 0.0], atol=1e-9)
    assert line_fit.best_loss == line_fit.loss(line_fit.best)


def test_best_line_is_chapter_2s_least_squares_line_with_hours_from_center(line_fit):
    w, b = best_fit_line(line_fit.hours, line_fit.scores)
    assert line_fit.best[0] == pytest.approx(w)
    assert line_fit.best[1] == pytest.approx(b + w * line_fit.center)
    np.testing.assert_allclose(line_fit.line(line_fit.best, line_fit.hours), w * line_fit.hours + b)


def test_descent_crawls_converges_and_diverges(line_fit):
    states = {}
    rates = (*CHAPTER_6.learning_rates, 1.0)
    for lr in rates:
        path, diverged = line_fit.descend(learning_rate=lr, steps=CHAPTER_6.steps)
        states[lr] = line_fit.status(path, diverged)
        assert np.all(np.isfinite(path))
    assert rates == (0.01, 0.1, 0.25, 1.0)
    assert states == {0.01: "crawling", 0.1: "converged", 0.25: "diverged", 1.0: "diverged"}


def test_chapter_6_is_one_problem_the_notebook_pictures_and_exercises_share(hours_scores):
    hours, scores = hours_scores
    fit = CHAPTER_6.fit()
    assert CHAPTER_6.center == round(float(hours.mean()), 1) == fit.center  # hours from their mean, rounded
    np.testing.assert_array_equal(fit.hours, hours)
    np.testing.assert_array_equal(fit.scores, scores)
    assert CHAPTER_6.start == (-4.0, 40.0) and CHAPTER_6.steps == 40
    assert CHAPTER_6.start[0] < 0 < fit.best[0]  # the start is a line sloping the wrong way
    assert CHAPTER_6.learning_rate == CHAPTER_6.learning_rates[1]
    states = [fit.status(*fit.descend(CHAPTER_6.start, rate, CHAPTER_6.steps)) for rate in CHAPTER_6.learning_rates]
    assert states == ["crawling", "converged", "diverged"]
    # the defaults of the descent and of its pictures are the chapter's
    path, _ = fit.descend()
    np.testing.assert_array_equal(path, fit.descend(CHAPTER_6.start, CHAPTER_6.learning_rate, CHAPTER_6.steps)[0])
    assert repr(CHAPTER_6) == (
        "DescentProblem(center=5.6, start=(-4.0, 40.0), learning_rates=(0.01, 0.1, 0.25), steps=40)")


@pytest.mark.parametrize("change, error, words", [
    ({"center": "a"}, TypeError, r"center must be a number"),
    ({"start": (1.0,)}, ValueError, r"start must be a point \(w, b\), got shape \(1,\)"),
    ({"learning_rates": (0.1, 0.2)}, ValueError, r"learning_rates must be three learning rates"),
    ({"learning_rates": (0.1, -0.2, 1.0)}, ValueError, r"learning_rates must be a positive finite number"),
    ({"steps": 2.5}, TypeError, r"steps must be a positive integer"),
])
def test_a_descent_problem_checks_what_it_is_given(change, error, words):
    given = {"center": 5.0, "start": [-4, 40], "learning_rates": [0.01, 0.1, 0.5], "steps": 40}
    assert repr(DescentProblem(**given)) == (
        "DescentProblem(center=5.0, start=(-4.0, 40.0), learning_rates=(0.01, 0.1, 0.5), steps=40)")
    with pytest.raises(error, match=words):
        DescentProblem(**(given | change))


def test_descent_on_centered_hours_shrinks_each_error_by_a_fixed_factor(hours_scores):
    hours, scores = hours_scores
    fit = LineFit(hours, scores, center=hours.mean())  # exactly centered: w and b descend independently
    w0, b0 = CHAPTER_6.start
    path, _ = fit.descend(start=CHAPTER_6.start, learning_rate=0.1, steps=40)
    w_best, b_best = fit.best
    k = np.arange(41)
    np.testing.assert_allclose(path[:, 1] - b_best, (b0 - b_best) * 0.9 ** k, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(path[:, 0] - w_best, (w0 - w_best) * (1 - 0.1 * hours.var()) ** k,
                               rtol=1e-9, atol=1e-9)


def test_loss_grid_is_the_loss_at_each_point_and_is_kept(line_fit):
    window = ((-8.0, 18.0), (20.0, 130.0))
    W, B, loss = line_fit.loss_grid(*window)
    for i, j in [(0, 0), (60, 17), (120, 120), (3, 99)]:
        assert loss[i, j] == pytest.approx(line_fit.loss((W[i, j], B[i, j])))
    assert not loss.flags.writeable  # the kept grid cannot be changed by whoever gets it
    assert line_fit.loss_grid(*window)[2] is loss


@pytest.mark.parametrize("hours, scores, error, words", [
    ([1.0, 2.0], [1.0], ValueError, "same length"),
    ([[1.0, 2.0]], [1.0, 2.0], ValueError, "hours must be a 1-D"),
    (["a", "b"], [1.0, 2.0], TypeError, "hours must be a number"),
    ([2.0, 2.0], [1.0, 3.0], ValueError, "all the same value"),
])
def test_line_fit_checks_its_data_once(hours, scores, error, words):
    with pytest.raises(error, match=words):
        LineFit(hours, scores)


def test_two_valleys_slope_is_its_derivative_and_descent_ends_where_it_starts():
    for x0 in (-2.0, -0.3, 0.7, 1.9):
        point = np.array([x0])
        numeric = numerical_gradient(lambda point=point: float(two_valleys(point)[0]), point)
        assert numeric[0] == pytest.approx(two_valleys_slope(x0), abs=1e-7)
    drawn = plots.plot_two_valleys(starts=(-2.2, 2.2), learning_rate=0.05, steps=60)
    left, right = drawn.ends
    assert left == pytest.approx(-1.505, abs=0.01) and right == pytest.approx(1.301, abs=0.01)
    assert two_valleys(left) < two_valleys(right)  # the left valley is the lower one
    assert abs(two_valleys_slope(right)) < 1e-3  # descent stopped: the slope is zero there too


def test_the_valley_is_drawn_with_equal_scales(line_fit):
    path, _ = line_fit.descend(CHAPTER_6.start, CHAPTER_6.learning_rate, CHAPTER_6.steps)
    drawn = plots.plot_valley(line_fit, path)
    assert drawn.ax.get_aspect() == 1.0
    (w0, w1), (b0, b1) = drawn.ax.get_xlim(), drawn.ax.get_ylim()
    assert w1 - w0 == pytest.approx(b1 - b0)
    np.testing.assert_array_equal(drawn.path_line.get_xydata(), path)
