"""Tests of the chapter 5-8 widgets: moving a slider redraws with the new value."""

import numpy as np
import pytest

from nnlearn import LineFit
from nnlearn.pictures import widgets


def test_tangent_widget_moves_the_point_and_its_tangent():
    widget = widgets.tangent_widget(predicted=1.0, actual=3.0)
    assert widget.result.slope == pytest.approx(-2.0)
    w = widgets.slider(widget, "predicted")
    for value in (w.min, w.max, 3.0):
        w.value = value
        assert widget.result.slope == pytest.approx(value - 3.0)
        np.testing.assert_allclose(widget.result.point.get_xdata(), [value])


def test_learning_rate_widget_is_log_scale_and_shows_each_regime(line_fit):
    widget = widgets.learning_rate_widget(line_fit)
    lr = widgets.slider(widget, "learning rate")
    assert widget.result.status == "converged"
    seen = {}
    for value in (10.0 ** lr.min, 0.1, 10.0 ** lr.max):
        lr.value = value
        seen[value] = widget.result.status
        path, diverged = line_fit.descend(learning_rate=value)
        np.testing.assert_allclose(widget.result.ball.get_xydata(), path[-1:])
    assert seen == {0.001: "crawling", 0.1: "converged", 1.0: "diverged"}
    assert "diverged" in widget.result.text.get_text()


def test_learning_rate_widget_gives_a_revisited_rate_the_same_descent_as_a_fresh_run(hours_scores):
    fit = LineFit(*hours_scores, center=5.0)
    widget = widgets.learning_rate_widget(fit)
    lr = widgets.slider(widget, "learning rate")
    for value in (0.1, 1.0, 0.1, 10.0 ** lr.min, 1.0):
        lr.value = value
        path, diverged = LineFit(*hours_scores, center=5.0).descend(learning_rate=value)
        np.testing.assert_allclose(widget.result.path_line.get_xydata(), path)
        assert widget.result.status == fit.status(path, diverged)
