"""The 2-D problems of the live training view: shapes, balance, seeds, noise, and clear errors."""

import numpy as np
import pytest

from nnlearn import problems


@pytest.mark.parametrize("name", sorted(problems.PROBLEMS))
def test_every_problem_is_balanced_seeded_and_in_the_square(name):
    X, y = problems.make_problem(name, n=200, noise=0.0, seed=3)
    assert X.shape == (200, 2) and y.shape == (200,)
    assert np.bincount(y).tolist() == [100, 100]
    if name != "clusters":  # the blobs are Gaussian: a few points fall outside
        assert np.abs(X).max() <= problems.HALF_SIDE + 1e-12
    again, _ = problems.make_problem(name, n=200, noise=0.0, seed=3)
    np.testing.assert_array_equal(X, again)
    other, _ = problems.make_problem(name, n=200, noise=0.0, seed=4)
    assert not np.array_equal(X, other)


@pytest.mark.parametrize("name", sorted(problems.PROBLEMS))
def test_noise_moves_points_by_about_its_size(name):
    quiet, _ = problems.make_problem(name, noise=0.0, seed=0)
    noisy, _ = problems.make_problem(name, noise=0.2, seed=0)
    moved = np.abs(noisy - quiet).mean() / problems.HALF_SIDE
    assert 0.1 < moved < 0.25  # mean |N(0, 0.2)| is 0.16


def test_xor_classes_follow_the_signs():
    X, y = problems.xor(n=400, noise=0.0)
    np.testing.assert_array_equal(y, (X[:, 0] > 0) != (X[:, 1] > 0))


def test_circles_inner_and_outer_rings():
    X, y = problems.circles(n=400, noise=0.0)
    radius = np.hypot(*X.T)
    assert radius[y == 1].max() <= 1.5 and radius[y == 0].min() >= 2.1


def test_spirals_are_each_other_turned_half_a_circle():
    X, y = problems.spirals(n=200, noise=0.0)
    np.testing.assert_allclose(X[y == 0], -X[y == 1])
    radius = np.hypot(*X[y == 0].T)
    angle = np.unwrap(np.arctan2(X[y == 0, 1], X[y == 0, 0])[np.argsort(radius)])
    assert angle[-1] - angle[0] > 2 * np.pi  # more than one turn, always winding the same way


@pytest.mark.parametrize(("kwargs", "error", "words"), [
    ({"name": "moons"}, ValueError, "name must be one of"),
    ({"name": "xor", "n": 7}, ValueError, "even number"),
    ({"name": "xor", "noise": 2.0}, ValueError, "noise must be between 0 and 1"),
    ({"name": "xor", "noise": "lots"}, TypeError, "noise must be a number"),
])
def test_bad_arguments_say_what_is_expected(kwargs, error, words):
    with pytest.raises(error, match=words):
        problems.make_problem(**kwargs)
