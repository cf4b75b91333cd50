"""Tests of the self-checking exercises: right answers pass, usual slips get their hint."""

import numpy as np
import pytest

from nnlearn import Network, Neuron, best_fit_line
from nnlearn.course import exercises
from nnlearn.data import study_hours

W1, B1, W2, B2 = exercises.collapse_exercise()

# (checker, right answer(s), [(wrong answer(s), words the hint must contain)])
CASES = [
    (exercises.check_input_nodes, (28 * 28,), [((56,), "28 + 28"), ((100,), "pixel")]),
    (exercises.check_pixel_index, (2 * 16 + 5,), [((5 * 16 + 2,), "swapped"), ((7,), "16 nodes")]),
    (exercises.check_intercept, (3,), [((-6,), "x axis"), ((0.5,), "x = 0")]),
    (exercises.check_neuron_by_hand, (Neuron(2.5, -1.0)(4.0),),
     [((2.5 * 3.0,), "Multiply first"), ((10.0,), "add the bias"), ((1.0,), "w x + b")]),
    (exercises.check_weighted_sum_by_hand,
     (Neuron(list(exercises.WEIGHTED_SUM_W), exercises.WEIGHTED_SUM_B)(list(exercises.WEIGHTED_SUM_X)),),
     [((-3.0,), "add the bias"), ((5.0,), "signs")]),
    (exercises.check_parameter_count, (18,), [((17,), "bias"), ((34,), "own weight")]),
    (exercises.check_plane, (2.0, -1.0, 1.0), [((2.0, -1.0, 0.0), "your plane is 0.00, not 1"),
                                               ((1.0, 1.0, 1.0), "not 3")]),
    (exercises.check_collapsed_layer, (W1 @ W2, B1 @ W2 + B2),
     [((W2 @ W1[:2], B1 @ W2 + B2), "shape"), ((W1 @ W2, B1 + B2), "b1 @ W2 + b2"),
      ((W1 @ W2 + 1, B1 @ W2 + B2), "W1 @ W2")]),
    (exercises.check_sigmoid_midpoint, (1.5,), [((-1.5,), "sign"), ((0.5,), "zero")]),
]


@pytest.mark.parametrize("checker, right, wrongs", CASES, ids=[c[0].__name__ for c in CASES])
def test_checker_accepts_the_right_answer_and_hints_on_slips(checker, right, wrongs, capsys):
    assert checker(*right)
    assert capsys.readouterr().out.startswith(exercises.RIGHT)
    for wrong, hint in wrongs:
        assert not checker(*wrong)
        out = capsys.readouterr().out
        assert out.startswith(exercises.NOT_YET) and hint in out, out


@pytest.mark.parametrize("checker, right, wrongs", CASES, ids=[c[0].__name__ for c in CASES])
def test_checker_with_the_placeholder_asks_for_an_answer(checker, right, wrongs, capsys):
    assert not checker(*([...] * len(right)))
    assert "Replace ..." in capsys.readouterr().out


def test_check_prediction_wants_the_position_of_the_largest_output(capsys):
    outputs = Network([256, 16, 10], seed=3).forward(np.zeros(256))[0]
    best = int(np.argmax(outputs))
    assert exercises.check_prediction(outputs, best)
    assert not exercises.check_prediction(outputs, float(outputs.max()))
    assert "position" in capsys.readouterr().out
    assert not exercises.check_prediction(outputs, (best + 1) % 10)


def test_check_line_fit_accepts_near_best_and_points_the_way(capsys):
    hours, scores = study_hours()
    w, b = best_fit_line(hours, scores)
    assert exercises.check_line_fit(round(w, 1), round(b), hours, scores)
    capsys.readouterr()
    assert not exercises.check_line_fit(w + 3, b, hours, scores)
    assert "too steep" in capsys.readouterr().out
    assert not exercises.check_line_fit(w, b - 15, hours, scores)
    assert "too low: raise b" in capsys.readouterr().out
    assert not exercises.check_line_fit("five", b, hours, scores)
