"""Tests of the figure functions: they draw the numbers they are given."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from nnlearn.data import load_digits
from nnlearn.pictures import plots, style


@pytest.fixture(scope="module")
def digits():
    X, y, _, _ = load_digits()
    return X[:12], y[:12]


def test_plot_digit_draws_16x16_with_dark_minus_one(digits):
    X, _ = digits
    image = plots.plot_digit(X[0], title="a digit").image
    np.testing.assert_array_equal(image.get_array(), X[0].reshape(16, 16))
    assert image.get_clim() == (-1.0, 1.0)
    assert image.get_cmap().name == "gray"  # low values dark, high values white
    assert image.axes.get_title() == "a digit"


def test_plot_digit_uses_given_axes_and_rejects_wrong_size(digits):
    X, _ = digits
    fig, ax = plt.subplots()
    assert plots.plot_digit(X[1], ax=ax).ax is ax
    with pytest.raises(ValueError, match="256"):
        plots.plot_digit(np.zeros(100))


def test_plot_digits_marks_wrong_predictions(digits):
    X, y = digits
    predictions = y.copy()
    predictions[[2, 5]] = (y[[2, 5]] + 1) % 10
    grid = plots.plot_digits(X, labels=y, predictions=predictions, ncols=5)
    assert len(grid.images) == 12
    assert grid.correct == [k not in (2, 5) for k in range(12)]
    colours = [ax.title.get_color() for ax in grid.axes]
    assert colours[2] == colours[5] == style.WRONG
    assert colours[0] == style.RIGHT
    assert grid.titles[2] == f"{predictions[2]}, is {y[2]}"
    # 12 digits in rows of 5: 15 axes, the last three switched off
    assert len(grid.fig.axes) == 15
    np.testing.assert_array_equal(grid.images[7].get_array(), X[7].reshape(16, 16))


def test_plot_digits_with_labels_only(digits):
    X, y = digits
    grid = plots.plot_digits(X[:3], labels=y[:3])
    assert grid.titles == [str(v) for v in y[:3]]
    assert grid.correct is None
    with pytest.raises(ValueError, match="one entry per row"):
        plots.plot_digits(X[:3], labels=y[:2])


def test_plot_study_hours_draws_one_dot_per_student():
    from nnlearn.data import study_hours

    hours, scores = study_hours()
    points = plots.plot_study_hours(hours, scores).points
    np.testing.assert_array_equal(points.get_offsets(), np.column_stack([hours, scores]))
    assert points.axes.get_xlabel() == "hours studied (h)"


def test_plot_input_values_draws_one_segment_per_pixel(digits):
    X, _ = digits
    drawn = plots.plot_input_values(X[3])
    segments = drawn.bars.get_segments()
    assert len(segments) == 256
    np.testing.assert_allclose([s[1][1] for s in segments], X[3])
    np.testing.assert_allclose([s[0][0] for s in segments], np.arange(256))
