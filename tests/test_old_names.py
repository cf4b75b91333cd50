"""The names the notebooks used before the pictures and the course had their own folders still work."""

import numpy as np
import pytest

import nnlearn
from nnlearn import LineFit
from nnlearn.pictures import animation as new_animation
from nnlearn.pictures import descent, widgets


def test_old_modules_hand_on_the_new_functions():
    from nnlearn import animation, evaluation, exercises, plots
    from nnlearn import widgets as old_widgets
    from nnlearn.augment import with_shifted_copies
    from nnlearn.course import augment
    from nnlearn.course import evaluation as new_evaluation
    from nnlearn.course import exercises as new_exercises

    assert plots.plot_digit is nnlearn.pictures.plots.plot_digit
    assert plots.best_fit_line is nnlearn.best_fit_line
    assert exercises.check_plane is new_exercises.check_plane
    assert evaluation.plot_history is new_evaluation.plot_history
    assert with_shifted_copies is augment.with_shifted_copies
    assert animation.to_html is new_animation.to_html
    assert old_widgets.tangent_widget is widgets.tangent_widget


def test_old_line_fit_functions_give_the_numbers_of_line_fit(hours_scores):
    from nnlearn import animation

    hours, scores = hours_scores
    fit = LineFit(hours, scores, center=5.6)
    np.testing.assert_array_equal(animation.best_line(hours, scores, 5.6), fit.best)
    path, diverged = animation.line_descent(hours, scores, (-4.0, 40.0), learning_rate=0.1, steps=40, center=5.6)
    new_path, new_diverged = fit.descend((-4.0, 40.0), 0.1, 40)
    np.testing.assert_array_equal(path, new_path)
    assert animation.line_loss(path[-1], hours, scores, center=5.6) == fit.loss(path[-1])
    assert animation.describe_descent(path, diverged, hours, scores, 5.6) == fit.status(new_path, new_diverged)
    drawn = animation.plot_learning_rates(hours, scores, (0.01, 0.1, 0.25), (-4.0, 40.0), steps=40, center=5.6)
    assert drawn.status == descent.plot_learning_rates(fit, (0.01, 0.1, 0.25), steps=40).status
    assert animation.plot_descent(path, hours, scores, 5.6, step=0).step == 0
    assert animation.animate_descent(hours, scores, (-4.0, 40.0), 0.1, 40, center=5.6, frames=5).n_frames == 5


def test_old_learning_rate_widget_takes_the_data(hours_scores):
    from nnlearn import widgets as old_widgets

    widget = old_widgets.learning_rate_widget(*hours_scores, center=5.6, start=(-4.0, 40.0), steps=40)
    assert widget.result.status == "converged"
    with pytest.raises(TypeError):
        old_widgets.learning_rate_widget(*hours_scores, colour="red")
