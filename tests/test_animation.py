"""Tests of chapter 6's pictures: the figures and animations draw the numbers of the descent."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.animation import FuncAnimation
from pixels import fresh_draw, full_draw

from nnlearn import gradient_descent
from nnlearn.linefit import CHAPTER_6
from nnlearn.pictures import animation, plots
from nnlearn.pictures.descent import show_descent, show_tangent


@pytest.mark.parametrize("w", [-2.0, 1.0, 3.0, 8.0])
def test_plot_parabola_tangent_draws_the_tangent_at_w(w):
    drawn = plots.plot_parabola_tangent(w, actual=3.0)
    assert drawn.slope == pytest.approx(w - 3.0)
    np.testing.assert_allclose(drawn.point.get_xydata(), [[w, 0.5 * (3.0 - w) ** 2]])
    tx, ty = drawn.tangent.get_data()
    # a straight line through the point with the slope of the parabola there
    np.testing.assert_allclose(np.diff(ty) / np.diff(tx), [w - 3.0])
    np.testing.assert_allclose(np.interp(w, tx, ty), 0.5 * (3.0 - w) ** 2)
    assert ("slope 0" in drawn.text.get_text()) == (w == 3.0)
    assert drawn.ax.xaxis.label.get_fontsize() >= 11


def test_plot_parabola_tangent_uses_the_given_axes():
    fig, ax = plt.subplots()
    assert plots.plot_parabola_tangent(2.0, ax=ax).ax is ax
    with pytest.raises(ValueError):
        plots.plot_parabola_tangent(2.0, predicted_range=(5.0, 1.0))


def test_show_tangent_moves_the_point_of_the_drawn_parabola():
    drawn = plots.plot_parabola_tangent(1.0, actual=2.0, predicted_range=(-1.0, 5.0))
    lines = list(drawn.ax.lines)
    assert show_tangent(drawn, 4.5) is drawn and list(drawn.ax.lines) == lines
    assert drawn.slope == pytest.approx(2.5) and "downhill is to the left" in drawn.text.get_text()
    np.testing.assert_array_equal(full_draw(drawn.fig), fresh_draw(drawn.fig, lambda ax: plots.plot_parabola_tangent(
        4.5, actual=2.0, predicted_range=(-1.0, 5.0), ax=ax)))


def test_ball_rolling_follows_gradient_descent():
    anim = animation.animate_ball_rolling(start=-1.0, actual=3.0, learning_rate=0.25, steps=10)
    assert isinstance(anim, FuncAnimation)
    expected = gradient_descent(lambda w: w - 3.0, -1.0, 0.25, 10)
    np.testing.assert_allclose(anim.path, expected)
    ball = anim.fig.axes[0].lines[-1]
    anim.draw_frame(10)
    np.testing.assert_allclose(ball.get_xydata(), [[expected[10], 0.5 * (3.0 - expected[10]) ** 2]])


def test_plot_descent_draws_the_path_and_the_line_at_step(line_fit):
    hours, scores, center = line_fit.hours, line_fit.scores, line_fit.center
    path, _ = line_fit.descend(learning_rate=0.1, steps=20)
    drawn = plots.plot_descent(line_fit, path, step=5, status="converged")
    np.testing.assert_allclose(drawn.path_line.get_xydata(), path[:6])
    np.testing.assert_allclose(drawn.ball.get_xydata(), path[5:6])
    x, y = drawn.fit_line.get_data()
    w, b = path[5]
    np.testing.assert_allclose(y, w * (np.asarray(x) - center) + b)
    assert "step 5" in drawn.text.get_text() and "converged" in drawn.text.get_text()
    np.testing.assert_allclose(drawn.points.get_offsets(), np.column_stack([hours, scores]))
    with pytest.raises(ValueError, match="step"):
        plots.plot_descent(line_fit, path, step=21)


def test_show_descent_moves_the_drawn_panels_to_another_path(line_fit):
    slow, _ = line_fit.descend(learning_rate=0.01, steps=20)
    fast, _ = line_fit.descend(learning_rate=0.1, steps=20)
    drawn = plots.plot_descent(line_fit, slow, status="crawling", title="slow")
    artists = [drawn.path_line, drawn.ball, drawn.fit_line, drawn.points, drawn.text]
    shown = show_descent(drawn, fast, step=7)  # no title: the loss surface's own again
    assert shown is drawn and [drawn.path_line, drawn.ball, drawn.fit_line, drawn.points, drawn.text] == artists
    np.testing.assert_allclose(drawn.path_line.get_xydata(), fast[:8])
    assert drawn.step == 7 and drawn.axes[0].get_title() == "Loss E(w, b)"
    np.testing.assert_array_equal(full_draw(drawn.fig), fresh_draw(
        drawn.fig, lambda axes: plots.plot_descent(line_fit, fast, step=7, axes=axes)))
    elsewhere, _ = line_fit.descend(start=(5.0, 10.0), learning_rate=0.1, steps=20)
    with pytest.raises(ValueError, match="path must start where the drawn paths start"):
        show_descent(drawn, elsewhere)
    with pytest.raises(ValueError, match="step"):
        show_descent(drawn, fast, step=21)


def test_animate_descent_frames_show_the_path(line_fit):
    center = line_fit.center
    anim = animation.animate_descent(line_fit, learning_rate=0.1, steps=60, frames=31)
    assert anim.path.shape == (61, 2) and not anim.diverged
    left, right = anim.fig.axes
    anim.draw_frame(30)  # the last frame is the last step
    fit_line = right.lines[0]
    x, y = fit_line.get_data()
    w, b = anim.path[-1]
    np.testing.assert_allclose(y, w * (np.asarray(x) - center) + b)
    assert "step 60" in left.texts[0].get_text() and "converged" in left.texts[0].get_text()
    assert right.get_legend().get_texts()[1].get_text() == f"score = {w:.2f} (hours − {center:g}) + {b:.2f}"


def test_animate_descent_shows_divergence_without_warning(line_fit):
    anim = animation.animate_descent(line_fit, learning_rate=1.0, steps=40)
    assert anim.diverged
    anim.draw_frame(len(anim.path) - 1)
    assert "diverged" in anim.fig.axes[0].texts[0].get_text()


def test_plot_learning_rates_labels_each_run(line_fit):
    drawn = plots.plot_learning_rates(line_fit)  # chapter 6's rates: 0.01, 0.1 and 0.25, 40 steps each
    assert drawn.status == ["crawling", "converged", "diverged"]
    first = drawn.lines[1].get_ydata()
    assert first[0] == pytest.approx(line_fit.loss(CHAPTER_6.start))
    assert all(a >= b for a, b in zip(first, first[1:]))  # converging: the loss never goes up
    assert "0.25: diverged" in drawn.lines[2].get_label()
