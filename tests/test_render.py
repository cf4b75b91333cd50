"""Tests of nnlearn.pictures._render: animation frames and the HTML player, the PNG encoder, and
the four places where matplotlib offers no public API.  Run these against the oldest supported
matplotlib (3.8) as well as the newest: they are what breaks first when matplotlib changes."""

import base64
import gc
import io
import re
import warnings

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.animation import HTMLWriter
from PIL import Image

from nnlearn.pictures import _render, animation


def png_of(fig):
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def test_to_html_embeds_one_small_png_per_frame():
    anim = animation.animate_ball_rolling(steps=3)
    images = _render.frame_images(anim, colors=16)
    # the last frame drawn fast (still background + moving artists) equals a full drawing of it
    anim.draw_frame(3)
    full = np.asarray(Image.open(io.BytesIO(png_of(anim.fig))).convert("RGB"), dtype=int)
    fast = np.asarray(images[-1].convert("RGB"), dtype=int)
    assert full.shape == fast.shape
    # 16 colours shift shades a little; a missing or misplaced artist changes whole pixels
    # (a missing ball alone changes about 180 pixels)
    assert np.sum(np.abs(fast - full).max(axis=-1) > 60) < 60
    html = _render.to_html(anim, colors=16)
    frames = re.findall(r'data:image/png;base64,([^"]+)"', html)
    assert len(frames) == 4
    image = Image.open(io.BytesIO(base64.b64decode(frames[-1].replace("\\n", ""))))
    assert image.mode == "P" and len(image.getcolors()) <= 16
    assert image.size == (432, 288)  # 6 x 4 inches at 72 dpi


def test_an_animation_made_here_is_deleted_without_a_warning():
    anim = animation.animate_ball_rolling(steps=2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        del anim
        gc.collect()


def test_a_frame_given_to_the_html_writer_is_embedded(tmp_path):
    fig = plt.figure(figsize=(1, 1), dpi=10)
    writer = HTMLWriter(fps=1, embed_frames=True)
    writer.setup(fig, tmp_path / "a.html", dpi=10)
    png = png_of(fig)
    _render._add_frame(writer, base64.encodebytes(png).decode("ascii"))
    writer.finish()
    frames = re.findall(r'data:image/png;base64,([^"]+)"', (tmp_path / "a.html").read_text())
    assert [base64.b64decode(f.replace("\\n", "")) for f in frames] == [png]


def test_the_3d_axis_switch_is_read_back():
    ax = plt.figure().add_subplot(projection="3d")
    assert _render._axis_shown_3d(ax)
    ax.set_axis_off()
    assert not _render._axis_shown_3d(ax)
    ax.set_axis_on()
    assert _render._axis_shown_3d(ax)


def test_a_png_holds_exactly_the_pixels_given():
    rng = np.random.default_rng(0)
    for channels, mode in ((3, "RGB"), (4, "RGBA")):
        pixels = rng.integers(0, 256, size=(7, 5, channels), dtype=np.uint8)
        pixels[2:5] = 255  # runs of one colour, as in a figure
        image = Image.open(io.BytesIO(_render.png_bytes(pixels)))
        assert image.mode == mode and image.size == (5, 7)
        np.testing.assert_array_equal(np.asarray(image), pixels)
        view = np.zeros((7, 5, 4), dtype=np.uint8)
        view[..., :channels] = pixels  # a strided view, as of a canvas's RGBA buffer
        np.testing.assert_array_equal(np.asarray(Image.open(io.BytesIO(_render.png_bytes(view[..., :channels])))),
                                      pixels)


def test_texts_drawn_from_kept_glyphs_are_the_texts_drawn_by_freetype():
    fig, ax = plt.subplots(figsize=(4, 3), dpi=90)
    ax.set_title("A title, with \u00bd \u2212 \u00b2")
    ax.text(0.1, 0.5, "plain text 123", rotation=30, color="red")
    ax.text(0.1, 0.3, r"$\partial E / \partial w_{ik}$ and $\frac{1}{2}$")
    ax.text(0.5, 0.8, "boxed", bbox={"boxstyle": "round", "fc": "w"})
    ax.plot([0, 1], [0, 1], label="line")
    ax.legend()
    canvas = fig.canvas
    canvas.draw()
    renderer, kept = canvas.get_renderer(), {}
    for recoloured in (False, False, True):
        if recoloured:
            for text in ax.texts:
                text.set_color("green")
                text.set_alpha(0.5)
        canvas.draw()
        full = np.asarray(canvas.buffer_rgba()).copy()
        with _render._keeping_glyphs(renderer, kept):
            canvas.draw()
        np.testing.assert_array_equal(np.asarray(canvas.buffer_rgba()), full)
        assert renderer.draw_text.__func__ is type(renderer).draw_text  # Agg's own again afterwards
    with _render._keeping_glyphs(renderer, kept):
        outer = renderer.draw_text
        with _render._keeping_glyphs(renderer, {}):
            assert renderer.draw_text is not outer
        assert renderer.draw_text is outer  # a drawing inside another leaves the outer one as it was
    assert renderer.draw_text.__func__ is type(renderer).draw_text
    # every text but the \frac (whose rule matplotlib 3.11 draws as a box) is kept: labels, ticks, legend
    assert len(kept) >= 15
    kept_strings = {key[0] for key in kept}
    assert {"plain text 123", "boxed", "line"} <= kept_strings
