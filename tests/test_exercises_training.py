"""Tests of the chapter 5-8 exercise checkers: right answers pass, usual slips get their hint."""

import numpy as np
import pytest

from nnlearn import Network
from nnlearn.course import exercises
from nnlearn.data import load_digits


def check(capsys, checker, *args, **kwargs):
    ok = bool(checker(*args, **kwargs))
    return ok, capsys.readouterr().out


def test_placeholder_only_reminds(capsys):
    ok, out = check(capsys, exercises.check_slope, ...)
    assert ok is False and "Replace ..." in out


def test_chance_accuracy(capsys):
    assert check(capsys, exercises.check_chance_accuracy, 0.1)[0]
    ok, out = check(capsys, exercises.check_chance_accuracy, 10)
    assert not ok and "percentage" in out


def test_untrained_accuracy_is_computed_for_the_seed(capsys):
    _, _, X_test, y_test = load_digits()
    right = Network([256, 64, 10], seed=1).accuracy(X_test, y_test)
    assert check(capsys, exercises.check_untrained_accuracy, right, seed=1)[0]
    assert not check(capsys, exercises.check_untrained_accuracy, right + 0.05, seed=1)[0]


def test_slope_and_its_slips(capsys):
    assert check(capsys, exercises.check_slope, 2.0, predicted=5.0, actual=3.0)[0]
    ok, out = check(capsys, exercises.check_slope, -2.0, predicted=5.0, actual=3.0)
    assert not ok and "sign" in out
    ok, out = check(capsys, exercises.check_slope, 4.0, predicted=5.0, actual=3.0)
    assert not ok and "1/2" in out


def test_descent_step(capsys):
    assert check(capsys, exercises.check_descent_step_by_hand, 1.5, predicted=0.0, actual=3.0, learning_rate=0.5)[0]
    ok, out = check(capsys, exercises.check_descent_step_by_hand, -1.5, predicted=0.0, actual=3.0, learning_rate=0.5)
    assert not ok and "uphill" in out


def test_learning_rates_use_the_notebook_set_up(capsys):
    assert check(capsys, exercises.check_learning_rates, 0.1, 0.5)[0]
    ok, out = check(capsys, exercises.check_learning_rates, 0.001, 0.1)
    assert not ok and "0.001 is crawling" in out and "0.1 is converged" in out
    ok, out = check(capsys, exercises.check_learning_rates, 0.5, 1.0)
    assert not ok and "0.5 is diverged: try a smaller one" in out


def test_weight_update(capsys):
    assert check(capsys, exercises.check_weight_update, 1.3)[0]
    ok, out = check(capsys, exercises.check_weight_update, 0.3)
    assert not ok and "against the gradient" in out


def test_output_delta(capsys):
    assert check(capsys, exercises.check_output_delta, -0.032)[0]
    ok, out = check(capsys, exercises.check_output_delta, -0.2)
    assert not ok and "sigmoid's slope" in out


def test_hardest_digit_is_a_row_and_ties_are_all_right(capsys):
    matrix = np.diag([10, 10, 10, 10])
    matrix[2, 0] = 4  # digit 2: 4 mistakes
    matrix[1, 0] = 1
    matrix[3, 0] = 2
    matrix[3, 1] = 2  # digit 3: 4 mistakes too; column 0 holds the most wrong answers
    ok, out = check(capsys, exercises.check_hardest_digit, 2, matrix)
    assert ok and "3 ties with it" in out
    assert check(capsys, exercises.check_hardest_digit, 3, matrix)[0]
    ok, out = check(capsys, exercises.check_hardest_digit, 0, matrix)
    assert not ok and "fewest" in out
    matrix[0, 1] = 2  # now digit 1 has the fewest; column 0 still the most wrong answers
    ok, out = check(capsys, exercises.check_hardest_digit, 0, matrix)
    assert not ok and "row" in out and "column" in out
    ok, out = check(capsys, exercises.check_hardest_digit, 12, matrix)
    assert not ok and "0-9" in out


def test_hardest_digit_of_a_unique_maximum_says_no_tie(capsys):
    matrix = np.diag([10, 10, 10])
    matrix[2, 0] = 4
    ok, out = check(capsys, exercises.check_hardest_digit, 2, matrix)
    assert ok and "ties" not in out


def test_favourite_guess(capsys):
    _, _, X_test, _ = load_digits()
    counts = np.bincount(Network([256, 64, 10], seed=0).predict(X_test), minlength=10)
    assert check(capsys, exercises.check_favourite_guess, int(np.argmax(counts)))[0]
    ok, out = check(capsys, exercises.check_favourite_guess, int(counts.max()))
    assert not ok and "how often" in out


def test_small_data(capsys):
    X_train, y_train, X_test, y_test = load_digits()
    small = Network([256, 32, 10], seed=0)
    small.fit(X_train[:100], y_train[:100], epochs=200)
    ok, out = check(capsys, exercises.check_small_data, small.accuracy(X_test, y_test))
    assert ok and "100" in out
    ok, out = check(capsys, exercises.check_small_data, small.accuracy(X_train[:100], y_train[:100]))
    assert not ok and "trained on" in out


@pytest.mark.parametrize("answer, ok", [(17098, True), (17024, False), (330, False)])
def test_network_size(capsys, answer, ok):
    assert check(capsys, exercises.check_network_size, answer)[0] is ok
