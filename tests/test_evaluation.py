"""Tests of nnlearn.course.evaluation: counts and curves drawn as given."""

import numpy as np
import pytest

from nnlearn.course import evaluation
from nnlearn.data import load_digits


def test_confusion_matrix_counts_pairs():
    y_true = np.array([0, 0, 1, 2, 2, 2])
    y_pred = np.array([0, 1, 1, 2, 0, 2])
    m = evaluation.confusion_matrix(y_true, y_pred, n_classes=3)
    np.testing.assert_array_equal(m, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert m.sum() == 6 and np.trace(m) == 4
    with pytest.raises(ValueError, match="same length"):
        evaluation.confusion_matrix([0, 1], [0], n_classes=3)
    with pytest.raises(ValueError, match="labels 0 to 2"):
        evaluation.confusion_matrix([0, 3], [0, 1], n_classes=3)
    with pytest.raises(TypeError):
        evaluation.confusion_matrix([0.5, 1.0], [0, 1])


def test_plot_confusion_matrix_writes_every_count():
    m = np.array([[5, 1], [0, 7]])
    drawn = evaluation.plot_confusion_matrix(m)
    assert [t.get_text() for t in drawn.texts] == ["5", "1", "", "7"]
    assert drawn.ax.get_xlabel() == "predicted digit"


def test_plot_history_draws_each_epoch():
    history = {"loss": [0.4, 0.2, 0.1], "accuracy": [0.5, 0.8, 0.9],
               "val_loss": [0.45, 0.25, 0.2], "val_accuracy": [0.4, 0.7, 0.85]}
    drawn = evaluation.plot_history(history)
    np.testing.assert_allclose(drawn.lines["accuracy"].get_xydata(), [[1, 0.5], [2, 0.8], [3, 0.9]])
    np.testing.assert_allclose(drawn.lines["val_loss"].get_ydata(), [0.45, 0.25, 0.2])
    with pytest.raises(TypeError, match="history"):
        evaluation.plot_history({"loss": [1.0]})


def test_plot_outputs_highlights_the_guess():
    outputs = np.array([0.1, 0.2, 0.9, 0.3, 0.0, 0.0, 0.1, 0.2, 0.5, 0.4])
    drawn = evaluation.plot_outputs(outputs, label=2)
    assert drawn.guess == 2
    np.testing.assert_allclose([bar.get_height() for bar in drawn.bars], outputs)
    assert "guess: 2" in drawn.ax.get_title()


def test_plot_misclassified_shows_only_wrong_digits():
    X, y, _, _ = load_digits()
    X, y = X[:30], y[:30]
    pred = y.copy()
    pred[[3, 7, 20]] = (y[[3, 7, 20]] + 1) % 10
    np.testing.assert_array_equal(evaluation.misclassified(y, pred), [3, 7, 20])
    grid = evaluation.plot_misclassified(X, y, pred)
    np.testing.assert_array_equal(grid.indices, [3, 7, 20])
    assert grid.correct == [False, False, False]
    np.testing.assert_array_equal(grid.images[1].get_array(), X[7].reshape(16, 16))
    with pytest.raises(ValueError, match="no misclassified"):
        evaluation.plot_misclassified(X, y, y)
