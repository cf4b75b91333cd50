"""Tests of nnlearn.animation: the figures and animations draw the numbers of the descent."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.animation import FuncAnimation

from nnlearn import animation, gradient_descent, mean_squared_error
from nnlearn.data import study_hours
from nnlearn.gradcheck import numerical_gradient


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def _png(fig):
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _done(anim):
    """Tell matplotlib the animation was used (tests read its frames, they do not render HTML)."""
    anim._draw_was_started = True
    return anim


@pytest.fixture(scope="module")
def hours_scores():
    hours, scores = study_hours()
    return hours, scores, float(np.round(hours.mean(), 1))


def test_parabola_error_and_slope_match_the_formula():
    w = np.linspace(-2, 8, 11)
    np.testing.assert_allclose(animation.parabola_error(w, actual=3.0), 0.5 * (3.0 - w) ** 2)
    np.testing.assert_allclose(animation.parabola_slope(w, actual=3.0), w - 3.0)
    # the slope is the derivative of the error
    point = np.array([1.7])
    numeric = numerical_gradient(lambda: float(animation.parabola_error(point, 3.0)[0]), point)
    assert numeric[0] == pytest.approx(animation.parabola_slope(1.7, 3.0), abs=1e-8)


@pytest.mark.parametrize("w", [-2.0, 1.0, 3.0, 8.0])
def test_plot_parabola_tangent_draws_the_tangent_at_w(w):
    drawn = animation.plot_parabola_tangent(w, actual=3.0)
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
    assert animation.plot_parabola_tangent(2.0, ax=ax).ax is ax
    with pytest.raises(ValueError):
        animation.plot_parabola_tangent(2.0, w_range=(5.0, 1.0))


def test_ball_rolling_follows_gradient_descent():
    anim = _done(animation.animate_ball_rolling(start=-1.0, actual=3.0, learning_rate=0.25, steps=10))
    assert isinstance(anim, FuncAnimation)
    expected = gradient_descent(lambda w: w - 3.0, -1.0, 0.25, 10)
    np.testing.assert_allclose(anim.path, expected)
    ball = anim._fig.axes[0].lines[-1]
    anim._func(10)
    np.testing.assert_allclose(ball.get_xydata(), [[expected[10], 0.5 * (3.0 - expected[10]) ** 2]])


def test_line_loss_is_mean_squared_error_and_gradient_matches_finite_differences(hours_scores):
    hours, scores, center = hours_scores
    params = np.array([2.0, 60.0])
    assert animation.line_loss(params, hours, scores, center) == pytest.approx(
        mean_squared_error(scores, 2.0 * (hours - center) + 60.0))
    numeric = numerical_gradient(lambda: animation.line_loss(params, hours, scores, center), params)
    np.testing.assert_allclose(animation.line_gradient(params, hours, scores, center), numeric, rtol=1e-6)
    best = animation.best_line(hours, scores, center)
    np.testing.assert_allclose(animation.line_gradient(best, hours, scores, center), [0.0, 0.0], atol=1e-9)


def test_line_descent_crawls_converges_and_diverges(hours_scores):
    hours, scores, center = hours_scores
    states = {}
    for lr in (0.01, 0.1, 0.25, 1.0):
        path, diverged = animation.line_descent(hours, scores, learning_rate=lr, steps=40, center=center)
        states[lr] = animation.describe_descent(path, diverged, hours, scores, center)
        assert np.all(np.isfinite(path))
    assert states == {0.01: "crawling", 0.1: "converged", 0.25: "diverged", 1.0: "diverged"}


def test_line_descent_on_centered_hours_shrinks_each_error_by_a_fixed_factor(hours_scores):
    hours, scores, _ = hours_scores
    center = hours.mean()  # exactly centered: w and b descend independently
    path, _ = animation.line_descent(hours, scores, start=(-4.0, 40.0), learning_rate=0.1, steps=40,
                                     center=center)
    w_best, b_best = animation.best_line(hours, scores, center)
    k = np.arange(41)
    np.testing.assert_allclose(path[:, 1] - b_best, (40.0 - b_best) * 0.9 ** k, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(path[:, 0] - w_best, (-4.0 - w_best) * (1 - 0.1 * hours.var()) ** k,
                               rtol=1e-9, atol=1e-9)


def test_plot_descent_draws_the_path_and_the_line_at_step(hours_scores):
    hours, scores, center = hours_scores
    path, _ = animation.line_descent(hours, scores, learning_rate=0.1, steps=20, center=center)
    drawn = animation.plot_descent(path, hours, scores, center, step=5, status="converged")
    np.testing.assert_allclose(drawn.path_line.get_xydata(), path[:6])
    np.testing.assert_allclose(drawn.ball.get_xydata(), path[5:6])
    x, y = drawn.fit_line.get_data()
    w, b = path[5]
    np.testing.assert_allclose(y, w * (np.asarray(x) - center) + b)
    assert "step 5" in drawn.text.get_text() and "converged" in drawn.text.get_text()
    np.testing.assert_allclose(drawn.points.get_offsets(), np.column_stack([hours, scores]))
    with pytest.raises(ValueError, match="step"):
        animation.plot_descent(path, hours, scores, center, step=21)


def test_animate_descent_frames_show_the_path(hours_scores):
    hours, scores, center = hours_scores
    anim = _done(animation.animate_descent(hours, scores, learning_rate=0.1, steps=60, center=center,
                                               frames=31))
    assert anim.path.shape == (61, 2) and not anim.diverged
    left, right = anim._fig.axes
    anim._func(30)  # the last frame is the last step
    fit_line = right.lines[0]
    x, y = fit_line.get_data()
    w, b = anim.path[-1]
    np.testing.assert_allclose(y, w * (np.asarray(x) - center) + b)
    assert "step 60" in left.texts[0].get_text() and "converged" in left.texts[0].get_text()
    assert right.get_legend().get_texts()[1].get_text() == f"score = {w:.2f} (hours − {center:g}) + {b:.2f}"


def test_animate_descent_shows_divergence_without_warning(hours_scores):
    hours, scores, center = hours_scores
    anim = _done(animation.animate_descent(hours, scores, learning_rate=1.0, steps=40, center=center))
    assert anim.diverged
    anim._func(len(anim.path) - 1)
    assert "diverged" in anim._fig.axes[0].texts[0].get_text()


def test_plot_learning_rates_labels_each_run(hours_scores):
    hours, scores, center = hours_scores
    drawn = animation.plot_learning_rates(hours, scores, (0.01, 0.1, 0.25), steps=40, center=center)
    assert drawn.status == ["crawling", "converged", "diverged"]
    first = drawn.lines[1].get_ydata()
    assert first[0] == pytest.approx(animation.line_loss((-4.0, 40.0), hours, scores, center))
    assert all(a >= b for a, b in zip(first, first[1:]))  # converging: the loss never goes up
    assert "0.25: diverged" in drawn.lines[2].get_label()


def test_to_html_embeds_one_small_png_per_frame():
    import base64
    import io
    import re

    from PIL import Image

    anim = animation.animate_ball_rolling(steps=3)
    images = animation.frame_images(anim, colors=16)
    # the last frame drawn fast (still background + moving artists) equals a full drawing of it
    anim.draw_frame(3)
    full = np.asarray(Image.open(io.BytesIO(_png(anim.fig))).convert("RGB"), dtype=int)
    fast = np.asarray(images[-1].convert("RGB"), dtype=int)
    assert full.shape == fast.shape
    # 16 colours shift shades a little; a missing or misplaced artist changes whole pixels
    # (a missing ball alone changes about 180 pixels)
    assert np.sum(np.abs(fast - full).max(axis=-1) > 60) < 60
    html = animation.to_html(anim, colors=16)
    frames = re.findall(r'data:image/png;base64,([^"]+)"', html)
    assert len(frames) == 4
    image = Image.open(io.BytesIO(base64.b64decode(frames[-1].replace("\\n", ""))))
    assert image.mode == "P" and len(image.getcolors()) <= 16
    assert image.size == (432, 288)  # 6 x 4 inches at 72 dpi


def test_loss_surface_kept_grid_gives_the_same_contour_as_a_fresh_computation(hours_scores):
    hours, scores, center = hours_scores
    window = ((-8.0, 18.0), (20.0, 130.0))
    W, B, loss = animation._loss_grid(tuple(hours), tuple(scores), center, *window)
    for i, j in [(0, 0), (60, 17), (120, 120), (3, 99)]:
        assert loss[i, j] == pytest.approx(animation.line_loss((W[i, j], B[i, j]), hours, scores, center))
    assert not loss.flags.writeable  # the kept grid cannot be changed by whoever gets it

    def contour_paths():
        drawn = animation.plot_loss_surface(hours, scores, center, *window)
        return [path.vertices.copy() for path in drawn.contours.get_paths()], drawn.contours.levels

    animation._loss_grid.cache_clear()
    fresh_paths, fresh_levels = contour_paths()
    kept_paths, kept_levels = contour_paths()
    assert animation._loss_grid.cache_info().hits >= 1
    np.testing.assert_array_equal(kept_levels, fresh_levels)
    assert len(kept_paths) == len(fresh_paths)
    for kept, fresh in zip(kept_paths, fresh_paths, strict=True):
        np.testing.assert_array_equal(kept, fresh)
