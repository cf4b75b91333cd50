"""Tests of the code exercises: the right function passes, each usual slip gets the hint that names it.

The wrong answers are written the way a learner writes them (not copied from the checker's
slips), and each must be told what went wrong in words that name the slip.
"""

import math

import numpy as np
import pytest

import nnlearn
from nnlearn.course import exercises


def naive_sigmoid(v):
    return 1 / (1 + np.exp(-v))


def stable_sigmoid(v):
    v = np.asarray(v, dtype=float)
    z = np.exp(-np.abs(v))
    return np.where(v >= 0, 1 / (1 + z), z / (1 + z))


def descend_right(gradient, start, learning_rate, steps):
    path = [np.asarray(start, dtype=float)]
    for _ in range(steps):
        path.append(path[-1] - learning_rate * gradient(path[-1]))
    return np.array(path)


def descend_end_only(gradient, start, learning_rate, steps):
    point = start
    for _ in range(steps):
        point = point - learning_rate * gradient(point)
    return point


def descend_without_start(gradient, start, learning_rate, steps):
    return descend_right(gradient, start, learning_rate, steps)[1:]


def descend_gradient_at_start(gradient, start, learning_rate, steps):
    path, slope = [np.asarray(start, dtype=float)], gradient(start)
    for _ in range(steps):
        path.append(path[-1] - learning_rate * slope)
    return np.array(path)


def descend_in_place(gradient, start, learning_rate, steps):
    point = np.array(start, dtype=float)
    path = [point]
    for _ in range(steps):
        point -= learning_rate * gradient(point)
        path.append(point)
    return np.array(path)


def backward(dv_from, dW_from=None, db_from=None, dx_from=None):
    """A learner's layer_backward with one line of their choosing."""
    def layer_backward(x, W, y, dy):
        dv = dv_from(y, dy)
        dW = dW_from(x, dv) if dW_from else x.T @ dv
        db = db_from(dv) if db_from else dv.sum(axis=0)
        dx = dx_from(dv, dy, W) if dx_from else dv @ W.T
        return dW, db, dx
    return layer_backward


def dv_right(y, dy):
    return dy * y * (1 - y)


# (checker, right function, [(wrong function, words the hint must contain)])
CASES = [
    (exercises.check_neuron_output, lambda x, w, b: w * x + b, [
        (lambda x, w, b: w * x, "forgot the bias"),
        (lambda x, w, b: w * (x + b), "Multiply first"),
        (lambda x, w, b: x * w - b, "sign of the bias"),
        (lambda x, w, b: x * b + w, "swapped w and b"),
    ]),
    (exercises.check_weighted_sum, lambda x, w, b: np.dot(x, w) + b, [
        (lambda x, w, b: np.dot(x, w), "forgot the bias"),
        (lambda x, w, b: np.sum(x * w) + b, "every number of a batch"),
        (lambda x, w, b: (x * w + b).sum(axis=-1), "once per node"),
        (lambda x, w, b: w @ x + b, "one weighted sum per row"),  # raises on a batch: their error, and why
    ]),
    (exercises.check_sigmoid, stable_sigmoid, [
        (naive_sigmoid, "e^(-|v|)"),
        (lambda v: 1 / (1 + np.exp(v)), "sign in the exponent"),
        (lambda v: 1 / 1 + np.exp(-v), "brackets"),
        (lambda v: 1 / (1 + math.exp(-v)), "TypeError"),  # math works on one number, not on arrays
    ]),
    (exercises.check_sigmoid_derivative, lambda v: nnlearn.sigmoid(v) * (1 - nnlearn.sigmoid(v)), [
        (lambda v: v * (1 - v), "from v instead of from y"),
        (lambda v: stable_sigmoid(v), "sigma(v) itself"),
        (lambda v: -stable_sigmoid(v) * (1 - stable_sigmoid(v)), "sign"),
        (lambda v: np.exp(-v) / (1 + np.exp(-v)) ** 2, "overflows"),
    ]),
    (exercises.check_predict, lambda outputs: outputs.argmax(axis=1), [
        (lambda outputs: np.argmax(outputs), "without axis="),
        (lambda outputs: outputs.max(axis=1), "value"),
        (lambda outputs: np.argmax(outputs, axis=0), "axis=0"),
        (lambda outputs: np.argmin(outputs, axis=1), "least active"),
    ]),
    (exercises.check_descent_step, lambda point, slope, learning_rate: point - learning_rate * slope, [
        (lambda point, slope, learning_rate: point + learning_rate * slope, "uphill"),
        (lambda point, slope, learning_rate: point - slope, "learning rate is missing"),
        (lambda point, slope, learning_rate: point - learning_rate, "learning rate alone"),
        (lambda point, slope, learning_rate: learning_rate * slope, "step alone"),
    ]),
    (exercises.check_descend, descend_right, [
        (descend_end_only, "whole path"),
        (descend_without_start, "starts with the start"),
        (descend_gradient_at_start, "current point"),
        (descend_in_place, "in place"),
    ]),
    (exercises.check_layer_backward, backward(dv_right), [
        (backward(lambda y, dy: dy), "sigmoid's slope"),
        (backward(lambda y, dy: dy * nnlearn.sigmoid_derivative(y)), "as if it were v"),
        (backward(dv_right, dW_from=lambda x, dv: (dv.T @ x)), "dW is transposed"),
        (backward(dv_right, dx_from=lambda dv, dy, W: dv @ W), "W transposed"),
        (backward(dv_right, db_from=lambda dv: np.mean(dv, axis=0)), "adds up the samples"),
        (backward(dv_right, dx_from=lambda dv, dy, W: dy @ W.T), "from dv, not from dy"),
    ]),
]
IDS = [checker.__name__ for checker, _, _ in CASES]


@pytest.mark.parametrize("checker, right, wrongs", CASES, ids=IDS)
def test_the_right_function_passes_every_hidden_case(checker, right, wrongs, capsys):
    assert checker(right)
    out = capsys.readouterr().out
    assert out.startswith(exercises.RIGHT) and "passes all" in out, out


@pytest.mark.parametrize("checker, right, wrongs", CASES, ids=IDS)
def test_each_usual_slip_gets_the_hint_that_names_it(checker, right, wrongs, capsys):
    assert len([hint for _, hint in wrongs if hint]) >= 3
    name = checker.__name__.removeprefix("check_")
    for wrong, hint in wrongs:
        assert not checker(wrong)
        out = capsys.readouterr().out
        assert out.startswith(exercises.NOT_YET), out
        assert f'exercises.hint("{name}")' in out  # the way to more help
        assert "Traceback" not in out and 'File "' not in out
        if hint:
            assert hint in out, out


@pytest.mark.parametrize("checker", [c for c, _, _ in CASES], ids=IDS)
def test_an_unwritten_function_only_reminds(checker, capsys):
    def unwritten(*args):
        """The docstring the notebook gives."""
        ...

    def unwritten_without_docstring(*args):
        ...

    def passed(*args):
        pass

    name = checker.__name__.removeprefix("check_")
    for function in (unwritten, unwritten_without_docstring, passed):
        assert not checker(function)
        out = capsys.readouterr().out
        assert f"Replace ... with the body of {name}" in out and f'exercises.hint("{name}")' in out
    assert not checker(...)
    assert "Replace ..." in capsys.readouterr().out


def test_a_function_that_forgets_to_return_is_told_so(capsys):
    def neuron_output(x, w, b):
        w * x + b

    assert not exercises.check_neuron_output(neuron_output)
    assert "forget the `return`" in capsys.readouterr().out


def test_the_learners_exception_is_one_line_naming_the_case(capsys):
    def predict(outputs):
        return 1 / 0

    assert not exercises.check_predict(predict)
    out = capsys.readouterr().out
    assert 'Your function raised ZeroDivisionError: division by zero (case "the outputs for 6 digits")' in out
    assert len(out.strip().splitlines()) == 2  # the verdict and the way to a hint


def test_passing_the_result_instead_of_the_function_is_explained(capsys):
    assert not exercises.check_sigmoid(0.5)
    assert "Pass your function itself" in capsys.readouterr().out


def test_an_overflowing_function_warns_nothing_and_its_input_is_not_changed(capsys):
    # Warnings are errors in this suite: a warning from the learner's exp would fail here.
    def sigmoid(v):
        v *= -1  # changes its input in place: the hidden cases must not change with it
        return 1 / (1 + np.exp(v))

    assert not exercises.check_sigmoid(sigmoid)
    assert "e^(-|v|)" in capsys.readouterr().out
    assert exercises.check_sigmoid(stable_sigmoid)


def test_a_failing_case_says_its_kind_and_the_shapes(capsys):
    assert not exercises.check_predict(lambda outputs: np.argmax(outputs, axis=1)[:1])
    out = capsys.readouterr().out
    assert 'On the case "the outputs for 6 digits" your function has shape (1,) where (6,) is expected' in out


def test_the_code_checkers_agree_with_nnlearn_on_the_network_outputs():
    """predict's reference is Network.predict: the same labels on a real batch."""
    net = nnlearn.Network([256, 16, 10], seed=1)
    X = nnlearn.data.load_digits()[2][:20]
    assert exercises.check_predict(lambda outputs: outputs.argmax(axis=1))
    assert np.array_equal(net.forward(X).argmax(axis=1), net.predict(X))


def test_hints_come_in_two_levels_and_the_solution_on_request(capsys):
    exercises.hint("layer_backward")
    first = capsys.readouterr().out
    exercises.hint("layer_backward", level=2)
    second = capsys.readouterr().out
    exercises.solution("layer_backward")
    shown = capsys.readouterr().out
    assert first.startswith("Hint 1 of 2:") and 'level=2' in first
    assert second.startswith("Hint 2 of 2:") and "x.T @ dv" in second and "exercises.solution" in second
    assert "def layer_backward(x, W, y, dy):" in shown and "return dW, db, dx" in shown
    exercises.hint("sigmoyd")
    assert "no exercise called 'sigmoyd'" in capsys.readouterr().out
    exercises.hint()
    assert "layer_backward, learning_rates" in capsys.readouterr().out
    exercises.hint("sigmoid", level=3)
    assert "two hints" in capsys.readouterr().out


def test_every_exercise_has_two_hints_and_a_solution():
    assert len(exercises.REGISTRY) >= 30
    for name, help_ in exercises.REGISTRY.items():
        assert len(help_.hints) == 2 and all(help_.hints), name
        assert f"check_{name}(" in exercises.solution_text(name), name
