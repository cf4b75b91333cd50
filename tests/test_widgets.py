"""Tests of the chapters 1-4 widgets: every slider redraws with its new value, from min to max."""

import itertools
import types

import matplotlib.pyplot as plt
import numpy as np
import pytest
from pixels import fresh_draw, full_draw, pixels

from nnlearn import LineFit, mean_squared_error, sigmoid
from nnlearn.pictures import widgets
from nnlearn.pictures._render import figure_of, live_widget
from nnlearn.pictures.style import Drawn


def _extremes(widget):
    """Every corner of the sliders' ranges: each slider at its min and its max."""
    sliders = widget.kwargs_widgets
    for corner in itertools.product(*[(s.min, s.max) for s in sliders]):
        for s, value in zip(sliders, corner, strict=True):
            s.value = value
        yield dict(zip([s._kwarg for s in sliders], corner, strict=True))


def test_line_fit_widget_draws_the_line_and_its_error(hours_scores):
    hours, scores = hours_scores
    widget = widgets.line_fit_widget(hours, scores, w=2.0, b=40.0)
    w, b = widgets.slider(widget, "w (slope)"), widgets.slider(widget, "b (intercept)")
    assert widget.result.w == 2.0 and widget.result.b == 40.0
    w.value, b.value = 4.5, 47.0
    drawn = widget.result
    x = drawn.line.get_xdata()
    np.testing.assert_allclose(drawn.line.get_ydata(), 4.5 * x + 47.0)
    expected = mean_squared_error(scores, 4.5 * hours + 47.0)
    assert drawn.error == pytest.approx(expected)
    assert f"E = {expected:.2f}" in drawn.ax.get_title()
    # one red segment per student, from the score to the line
    segments = drawn.residuals.get_segments()
    assert len(segments) == hours.size
    np.testing.assert_allclose([s[1][1] for s in segments], 4.5 * hours + 47.0)


@pytest.mark.parametrize("show_errors, best_fit", [(True, False), (False, True)])
def test_show_line_moves_the_drawn_line_and_its_errors(hours_scores, show_errors, best_fit):
    from nnlearn.pictures.nodes import plot_line_fit, show_line

    drawn = plot_line_fit(*hours_scores, 2.0, 40.0, show_errors=show_errors, best_fit=best_fit)
    line = drawn.line
    assert show_line(drawn, 7.5, 12.0) is drawn and drawn.line is line
    assert (drawn.w, drawn.b) == (7.5, 12.0) and f"E = {drawn.error:.2f}" in drawn.ax.get_title()
    np.testing.assert_array_equal(full_draw(drawn.fig), fresh_draw(drawn.fig, lambda ax: plot_line_fit(
        *hours_scores, 7.5, 12.0, ax=ax, show_errors=show_errors, best_fit=best_fit)))


def test_line_fit_widget_every_slider_extreme_draws(hours_scores):
    widget = widgets.line_fit_widget(*hours_scores)
    fig = widget.result.ax.figure
    for values in _extremes(widget):
        assert (widget.result.w, widget.result.b) == (values["w"], values["b"])
        assert widget.result.ax.figure is fig  # redrawn in place, not a new figure


def _pictures(widget):
    """The PNGs that ``widget`` shows from now on, one per redraw."""
    shown = []
    widget.picture.observe(lambda change: shown.append(bytes(change["new"])), names="value")
    return shown


def _all_widgets(hours_scores):
    hours, scores = hours_scores
    return [widgets.line_fit_widget(hours, scores), widgets.plane_widget(),
            widgets.plane_widget(activation="sigmoid"), widgets.sigmoid_widget(), widgets.tangent_widget(),
            widgets.learning_rate_widget(LineFit(hours, scores, center=5.0))]


def _positions(slider, n):
    """``n`` values from the slider's min to its max (a log slider's min and max are exponents)."""
    values = np.linspace(slider.min, slider.max, n)
    return slider.base ** values if hasattr(slider, "base") else values


def test_moving_sliders_opens_no_figures(hours_scores):
    for widget in _all_widgets(hours_scores):
        first = widget.kwargs_widgets[0]
        before = plt.get_fignums()
        for value in _positions(first, 20):
            first.value = value
        assert plt.get_fignums() == before


def test_each_move_shows_a_new_png_of_the_one_figure(hours_scores, capsys):
    for widget in _all_widgets(hours_scores):
        assert widget.picture in widget.children  # shown below the sliders
        shown = _pictures(widget)
        fig = figure_of(widget.result)
        first = widget.kwargs_widgets[0]
        first.value, first.value = _positions(first, 2)[::-1]
        assert len(shown) == 2
        assert all(png.startswith(b"\x89PNG") for png in shown)
        assert shown[0] != shown[1]
        # the whole figure, at the figure's own size and resolution
        width, height = (fig.get_size_inches() * fig.dpi).round().astype(int)
        assert int.from_bytes(shown[0][16:20], "big") == width
        assert int.from_bytes(shown[0][20:24], "big") == height
    # nothing is displayed into the output area (outside a kernel, a display prints its repr)
    assert "IPython.core.display" not in capsys.readouterr().out


def test_a_failed_redraw_keeps_the_last_picture_and_its_traceback_goes_once_a_move_draws(monkeypatch):
    def draw(ax, w):
        if w > 1:
            raise ValueError("w must be at most 1")
        if ax is None:
            _, ax = plt.subplots()
        ax.plot([0, 1], [0, w])
        return types.SimpleNamespace(ax=ax)

    widget = live_widget(draw, w=(0.0, 2.0, 0.5))
    cleared = []
    monkeypatch.setattr(widget.out, "clear_output", lambda *a, **k: cleared.append(True))
    slider, good = widget.kwargs_widgets[0], widget.picture.value
    slider.value = 1.5  # interactive reports the error (a traceback in the notebook)
    assert widget.picture.value == good
    assert cleared == []
    slider.value = 0.5
    assert cleared == [True]
    assert widget.picture.value != good
    slider.value = 0.0
    assert cleared == [True]  # only the move after a failure clears the output area


def test_line_fit_widget_moving_b_from_2_to_3_lifts_the_line_by_one(hours_scores):
    widget = widgets.line_fit_widget(*hours_scores, w=0.5, b=2.0)
    before = widget.result.line.get_ydata().copy()
    widgets.slider(widget, "b (intercept)").value = 3.0
    np.testing.assert_allclose(widget.result.line.get_ydata() - before, 1.0)


@pytest.mark.parametrize("activation", [None, "sigmoid"])
def test_plane_widget_heights_follow_the_sliders(activation):
    widget = widgets.plane_widget(activation=activation)
    widgets.slider(widget, "w1").value = 2.0
    widgets.slider(widget, "w2").value = -1.5
    widgets.slider(widget, "b").value = 0.7
    drawn = widget.result
    v = 2.0 * drawn.x1 - 1.5 * drawn.x2 + 0.7
    np.testing.assert_allclose(drawn.heights, v if activation is None else sigmoid(v))
    assert drawn.ax.get_zlim() == ((-15.0, 15.0) if activation is None else (0.0, 1.0))
    assert "2.0 x\u2081 - 1.5 x\u2082 + 0.7" in drawn.ax.get_title()


@pytest.mark.parametrize("activation", [None, "sigmoid"])
def test_plane_widget_every_slider_extreme_draws(activation):
    widget = widgets.plane_widget(activation=activation)
    for values in _extremes(widget):
        assert (widget.result.w1, widget.result.w2, widget.result.b) == (values["w1"], values["w2"], values["b"])
        low, high = widget.result.ax.get_zlim()
        assert low <= widget.result.heights.min() and widget.result.heights.max() <= high


def test_sigmoid_widget_draws_sigma_of_w_x_plus_b():
    widget = widgets.sigmoid_widget()
    widgets.slider(widget, "w").value = -2.0
    widgets.slider(widget, "b").value = 3.0
    drawn = widget.result
    x = drawn.line.get_xdata()
    np.testing.assert_allclose(drawn.line.get_ydata(), sigmoid(-2.0 * x + 3.0))
    assert drawn.midpoint == pytest.approx(1.5)
    assert drawn.ax.get_title() == "y = \u03c3(-2.00 x + 3.00)"


def test_sigmoid_widget_every_slider_extreme_draws_including_w_zero():
    widget = widgets.sigmoid_widget()
    for values in _extremes(widget):
        assert (widget.result.w, widget.result.b) == (values["w"], values["b"])
    widgets.slider(widget, "w").value = 0.0
    assert widget.result.midpoint is None
    np.testing.assert_allclose(widget.result.line.get_ydata(), sigmoid(widget.result.b))


def test_each_move_shows_the_same_pixels_as_a_full_draw(hours_scores):
    # a move draws only what changed over a kept picture, or moves the artists of the picture drawn first
    # (update): it must be the whole figure, and the figure the plot function draws anew for those values
    for widget in _all_widgets(hours_scores):
        shown = _pictures(widget)
        fig = figure_of(widget.result)
        for s in widget.kwargs_widgets:
            for value in _positions(s, 3)[::-1]:
                s.value = value
                moved = pixels(shown[-1])
                np.testing.assert_array_equal(moved, full_draw(fig))
                anew = fresh_draw(fig, lambda ax, w=widget: w.draw(ax=ax, **w.kwargs))
                np.testing.assert_array_equal(moved, anew)


def test_a_move_keeps_the_ticks_and_redraws_the_kept_picture_when_the_limits_change(hours_scores):
    hours, scores = hours_scores
    widget = widgets.line_fit_widget(hours, scores)
    labels = widget.result.ax.xaxis.get_major_ticks()
    widgets.slider(widget, "w (slope)").value = 7.0
    assert widget.result.ax.xaxis.get_major_ticks() == labels  # the same tick objects: not cleared

    def draw(ax, top):  # a plot whose limits follow the slider: the kept picture must follow too
        from nnlearn.pictures import plots

        return plots.plot_line_fit(hours, scores, 5.0, 40.0, ax=ax, ylim=(0, top))

    widget = live_widget(draw, top=widgets._slider("top", 110.0, 60.0, 200.0, 10.0))
    shown = _pictures(widget)
    fig = widget.result.ax.figure
    for top in (200.0, 60.0, 130.0):
        widgets.slider(widget, "top").value = top
        assert widget.result.ax.get_ylim() == (0, top)
        np.testing.assert_array_equal(pixels(shown[-1]), full_draw(fig))


def test_an_update_moves_the_artists_in_place_and_keeps_the_still_ones_in_the_kept_picture():
    # a plot with a still curve drawn first (kept) and one drawn after the moving line (drawn every move)
    grid = np.linspace(0, 1, 50)

    def draw(ax, w):
        if ax is None:
            _, ax = plt.subplots(figsize=(4, 3))
        under, = ax.plot(grid, grid ** 2, lw=6, color="0.8")
        line, = ax.plot([], [], lw=3)
        over, = ax.plot(grid, 1 - grid, lw=6, color="0.5", alpha=0.6)
        ax.set_xlim(0, 1)
        ax.set_ylim(-2, 2)
        return update(Drawn(ax=ax, line=line, still=[under, over]), w)

    def update(drawn, w):
        drawn.line.set_data(grid, w * grid)
        drawn.line.set_label(f"w = {w}")
        drawn.ax.legend(loc="upper left")
        return drawn

    widget = live_widget(draw, update, w=(-2.0, 2.0, 0.5))
    shown = _pictures(widget)
    ax = widget.result.ax
    under, line, over = ax.lines
    drawn_times = {"under": 0, "over": 0}
    for name, artist in (("under", under), ("over", over)):
        def counted(renderer, _draw=artist.draw, _name=name, _artist=artist):
            drawn_times[_name] += _artist.get_visible()  # a hidden artist is asked to draw, and draws nothing
            return _draw(renderer)

        artist.draw = counted
    for w in (1.5, -2.0, 0.5, 2.0):
        widgets.slider(widget, "w").value = w
        assert list(ax.lines) == [under, line, over]  # the same artists, moved
        np.testing.assert_array_equal(pixels(shown[-1]), full_draw(ax.figure))
    # the curve under the line is in the kept picture, drawn when the widget was made: since then only the
    # test's full draws drew it; the one over the line is drawn on every move
    assert drawn_times["under"] == 4
    assert drawn_times["over"] == 4 + 4


def test_a_move_sends_the_browser_only_the_new_picture(hours_scores):
    widget = widgets.line_fit_widget(*hours_scores)
    sent = []
    widget.out.observe(lambda change: sent.append(change["name"]), names=["msg_id", "outputs"])
    widgets.slider(widget, "w (slope)").value = 3.0
    widgets.slider(widget, "b (intercept)").value = 50.0
    assert sent == []  # interactive would point its output area at each call and back
    assert widget.result.w == 3.0 and widget.result.b == 50.0
    assert repr(widget).startswith("interactive(children=(FloatSlider(value=3.0, description='w (slope)'")
