"""Fast pictures: the plumbing under the widgets and the animations.

Nothing here changes what a figure shows; it only makes pictures fast enough
to feel live and small enough to store:

* :func:`live_widget` turns a plot function into an ``ipywidgets.interactive``
  widget whose one figure is redrawn in place on every slider move and shown
  as a PNG in an ``ipywidgets.Image`` (a new figure, a new layout and a tightly
  cropped PNG on every move took several hundred milliseconds); with the plot
  function's update, a move only moves the artists that the values change;
* :func:`make_animation`, :func:`frame_images` and :func:`to_html` turn a
  drawing function into an animation, its frames (the still part drawn once)
  and a self-contained HTML player.

Both draw the still part of a figure once and only the moving artists on top;
the live widgets and the :class:`Blitter` also draw a text they drew before
from its kept glyphs.  Matplotlib offers no public way to do four small things needed here; they
sit together at the end of this module (``matplotlib internals``), tested
against the oldest and the newest supported matplotlib.
"""

from __future__ import annotations

import base64
import contextlib
import io
import struct
import tempfile
import zlib
from pathlib import Path

import ipywidgets as widgets
import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from IPython import get_ipython
from IPython.display import clear_output
from matplotlib.animation import FuncAnimation, HTMLWriter
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image as PILImage

from .._checks import positive_int


# ---- a figure redrawn in place when a slider moves ------------------------------------
def live_widget(draw, update=None, **sliders):
    """An ``interactive`` widget that redraws one figure in place and shows it as a PNG.

    ``draw(ax, **values)`` calls a plot function.  The first call gets
    ``ax=None``, so the plot function makes the figure with its own size and
    layout; that figure is then taken out of pyplot (the inline backend never
    shows it by itself, and moving a slider opens no new figure) and its layout
    is computed once and kept.  Each later move clears the figure's axes and
    calls ``draw`` with them (``ax`` is the list of axes when there are
    several), then renders the PNG: a new figure, a new layout and a PNG
    cropped by ``bbox_inches="tight"`` on every move made a redraw several
    times slower.

    With ``update``, a later move calls ``update(drawn, **values)`` instead, with
    what the plot function returned: the plot function's own way of showing new
    values in the picture it drew (new data and texts for the same artists,
    much less work than drawing the picture again).  What it returns is the
    widget's new ``result``.  The artists a plot function lists in
    ``drawn.still`` (its data points, a loss surface: what no value changes) are
    then kept in the picture that each move starts from, as far as they are
    drawn before the first artist that moves (see :func:`_redraw_png`).

    ``widget.draw`` is ``draw``: a test draws the picture anew with it, to compare.
    The PNG goes into an ``ipywidgets.Image`` (``widget.picture``) below the
    sliders, not into the widget's output area, which only shows a traceback
    when a redraw fails.  A picture displayed into an output area is copied back
    to the kernel by nbclient (which runs notebooks for Voila, nbconvert and
    ``scripts/run_notebooks.py``) at a moment that can leave the cell waiting for
    its timeout (jupyter/nbclient#312); an Image widget avoids that path.
    """
    state = {"fig": None, "failed": False, "drawn": None}
    # at its own size: the widget is a flex column, which would stretch the picture to its width
    picture = widgets.Image(format="png", layout=widgets.Layout(align_self="flex-start"))

    def redraw(**values):
        fig = state["fig"]
        try:
            if fig is None:
                result = draw(ax=None, **values)
                fig = state["fig"] = figure_of(result)
                plt.close(fig)  # out of pyplot; closing leaves the figure a canvas that cannot draw, so:
                FigureCanvasAgg(fig)  # one Agg canvas for good (it keeps its renderer and text sizes)
                fig.canvas.draw()  # the layout engine places the axes once ...
                fig.set_layout_engine(None)  # ... and they stay there (no layout pass when saving)
            elif update is not None:
                result = update(state["drawn"], **values)
            else:
                axes = fig.axes
                for ax in axes:
                    _remove_drawn(ax)
                result = draw(ax=axes[0] if len(axes) == 1 else axes, **values)
            state["drawn"] = result
            still = result.get("still", ()) if update is not None and isinstance(result, dict) else ()
            picture.value = _redraw_png(fig, state, still)
        except Exception:
            state["failed"] = True  # the widget shows the traceback in its output area
            raise
        # The traceback of an earlier move goes once a move draws again.  Only then: clearing the
        # output area on every move is itself an output that nbclient copies back (see above).
        if state["failed"]:
            state["failed"] = False
            widget.out.clear_output()
        return result

    widget = _LiveInteractive(redraw, **sliders)
    *controls, output_area = widget.children
    widget.children = (*controls, picture, output_area)
    widget.picture, widget.draw = picture, draw
    return widget


class _LiveInteractive(widgets.interactive):
    """``ipywidgets.interactive`` that only calls its function when a slider moves.

    ``interactive`` runs every call inside its output area: it points the area at
    the call (a message to the browser), clears it (another), looks for pyplot
    figures to show before and after, and points the area away again (a third).
    Our function shows its picture in an Image widget and opens no pyplot figure,
    so a move sends the browser only the new picture; the output area is used
    when the function fails, to show why.
    """

    def __repr__(self):  # interactive's: it is what a notebook shows as the widget's text
        return "interactive" + super().__repr__()[len(type(self).__name__):]

    def update(self, *args):
        self.kwargs = {control._kwarg: control.get_interact_value() for control in self.kwargs_widgets}
        try:
            self.result = self.f(**self.kwargs)
        except Exception as error:
            shell = get_ipython()
            with self.out:
                clear_output(wait=True)  # one traceback at a time, as interactive shows them
                if shell is None:
                    self.log.warning("Exception in interact callback: %s", error, exc_info=True)
                else:
                    shell.showtraceback()


def _redraw_png(fig, state, still=()):
    """The figure as PNG bytes, drawing its still part only when it changed.

    Text is most of the time of a draw, and most of the text is the tick labels, which stay the
    same while the plot functions keep their axis limits fixed.  So the figure is drawn once
    without what the plot function drew and that picture is kept; each move puts it back and
    draws only the rest on top (the same pixels as a full draw: the frames sit below the curves,
    and the lines of the frame are drawn with the curves in their usual order).  The kept
    picture also holds, in each axes, the artists of ``still`` that are drawn before anything
    else the plot function drew (a loss surface under the descent path): so they are drawn in
    the same order as in a full draw.  The kept picture is drawn again when anything it shows
    changes: limits, ticks, labels, place of the axes, view of a 3-D plot, the kept artists.

    A text drawn again at the same place, in the same font, is drawn from the glyphs kept from
    its last drawing (:func:`_keeping_glyphs`): FreeType renders every glyph anew on each draw,
    and the texts of a picture mostly stay the same from one move to the next.
    """
    canvas = fig.canvas
    renderer = canvas.get_renderer()
    kept = _kept_artists(fig, still)
    key = _still_key(fig)
    with _keeping_glyphs(renderer, state.setdefault("glyphs", {})):
        if state.get("still_key") != key or not _same(state.get("kept", []), kept):
            with _hidden(_drawn_parts(fig, kept)):
                canvas.draw()
            state["still"] = canvas.copy_from_bbox(fig.bbox)
            state["still_key"], state["kept"] = key, kept
        else:
            canvas.restore_region(state["still"])
        with _hidden(_still_parts(fig) + kept), _axes_off(fig):
            for ax in fig.axes:
                ax.draw(renderer)
    if fig.patch.get_visible() and fig.patch.get_alpha() in (None, 1) and fig.patch.get_facecolor()[3] == 1:
        return png_bytes(_rgb(canvas))  # opaque: the same picture, a quarter less to encode
    return png_bytes(np.asarray(canvas.buffer_rgba()))


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_bytes(pixels) -> bytes:
    """``pixels`` (height x width x 3 or 4 bytes: RGB or RGBA) as a PNG, encoded for speed.

    Pillow tries every PNG filter on every row and keeps the best, which took most of the time of
    encoding a slider's picture; here the rows go unfiltered to zlib at level 1.  For the course's
    pictures (flat colours, lines, text) that is three times faster and no larger.
    """
    height, width, channels = pixels.shape
    rows = np.empty((height, 1 + width * channels), dtype=np.uint8)
    rows[:, 0] = 0  # each row starts with its filter: 0, none
    rows[:, 1:].reshape(height, width, channels)[...] = pixels  # one copy, from a view of the canvas too
    header = struct.pack(">IIBBBBB", width, height, 8, {3: 2, 4: 6}[channels], 0, 0, 0)  # 8 bits, RGB(A)
    return b"".join([PNG_SIGNATURE, _chunk(b"IHDR", header), _chunk(b"IDAT", zlib.compress(rows, 1)),
                     _chunk(b"IEND", b"")])


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(data, zlib.crc32(kind)))


def _canvas_picture(canvas):
    """What the Agg canvas holds now, as a PIL image (RGBA)."""
    return PILImage.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)


def _rgb(canvas):
    """What the Agg canvas holds now, without its alpha, as an array (Pillow drops a channel faster than numpy)."""
    return np.asarray(_canvas_picture(canvas).convert("RGB"))


def _png(picture) -> bytes:
    """A PIL image (an animation's frame, in a few colours) as a PNG, by Pillow."""
    buffer = io.BytesIO()
    picture.save(buffer, format="png")
    return buffer.getvalue()


def _is_3d(ax):
    return ax.name == "3d"


def _still_parts(fig):
    """The artists of the kept picture: each axes' background and its axis objects (ticks, tick
    labels, axis labels; a 3-D axes also draws its panes and grid with them)."""
    parts = []
    for ax in fig.axes:
        parts.append(ax.patch)
        if not _is_3d(ax):  # a 3-D axes' axis objects are switched off as a whole, see _axes_off
            parts.extend([ax.xaxis, ax.yaxis])
    return parts


def _drawn_parts(fig, kept=()):
    """Everything else in the axes but ``kept``: what the plot function drew, titles, legend, and the
    frame lines of a 2-D axes (drawn among the curves, in their usual order)."""
    still = {id(a) for a in _still_parts(fig) + list(kept)}
    parts = []
    for ax in fig.axes:
        axis_objects = {id(ax.xaxis), id(ax.yaxis), id(ax.zaxis)} if _is_3d(ax) else set()
        parts.extend(a for a in ax.get_children() if id(a) not in still and id(a) not in axis_objects)
    return parts


def _kept_artists(fig, still):
    """The artists of ``still`` that each 2-D axes draws first, before any other artist it draws over
    its kept picture (an axes draws its artists by zorder, those of one zorder in the order they were
    added).  A 3-D axes orders its artists by depth: none is kept there."""
    still, below = {id(a) for a in still}, {id(a) for a in _still_parts(fig)}
    kept = []
    for ax in fig.axes:
        if _is_3d(ax):
            continue
        for artist in sorted((a for a in ax.get_children() if id(a) not in below), key=lambda a: a.get_zorder()):
            if id(artist) not in still:
                break
            kept.append(artist)
    return kept


def _same(artists, others):
    return len(artists) == len(others) and all(a is b for a, b in zip(artists, others))


def _still_key(fig):
    """What the kept picture depends on."""
    key = [tuple(fig.get_size_inches()), fig.dpi]
    for ax in fig.axes:
        axes = [ax.xaxis, ax.yaxis] + ([ax.zaxis] if _is_3d(ax) else [])
        key.append(tuple(ax.get_position().bounds))
        for axis in axes:
            key.append((tuple(axis.get_view_interval()), axis.get_scale(), axis.get_label_text(),
                        tuple(axis.get_majorticklocs())))
        if _is_3d(ax):
            key.append((ax.elev, ax.azim, ax.roll))
    return tuple(key)


@contextlib.contextmanager
def _hidden(artists):
    shown = [a for a in artists if a.get_visible()]
    for a in shown:
        a.set_visible(False)
    try:
        yield
    finally:
        for a in shown:
            a.set_visible(True)


@contextlib.contextmanager
def _axes_off(fig):
    """Switch off the panes, grid and axis objects of 3-D axes (all kept in the still picture)."""
    axes = [ax for ax in fig.axes if _is_3d(ax) and _axis_shown_3d(ax)]
    for ax in axes:
        ax.set_axis_off()
    try:
        yield
    finally:
        for ax in axes:
            ax.set_axis_on()


def _remove_drawn(ax):
    """Take off ``ax`` what a plot function added (lines, collections, texts, patches, images,
    legend), keeping the axes themselves: their ticks, tick labels, limits and labels.

    ``ax.clear()`` would also throw away the ticks and tick labels, which the next draw then
    builds again, the largest part of a redraw.  The plot functions set their titles, labels
    and fixed limits on every call, so what is kept is what they would draw again.  The colour
    cycle starts over, as after ``clear()``.
    """
    for group in (ax.lines, ax.collections, ax.texts, ax.patches, ax.images, ax.artists, ax.tables):
        for artist in list(group):
            artist.remove()
    ax.containers.clear()
    if ax.legend_ is not None:
        ax.legend_.remove()
    ax.set_prop_cycle(None)


def figure_of(result):
    """The figure of what a plot function returned (its ``fig``, or the figure of its ``ax``)."""
    fig = getattr(result, "fig", None)
    if fig is None and getattr(result, "ax", None) is not None:
        fig = result.ax.figure
    return fig


# ---- a figure redrawn many times a second ----------------------------------------------
class Blitter:
    """Pictures of a figure whose still part is drawn once: each :meth:`png` draws only ``moving``.

    The figure is taken out of pyplot and drawn with Agg.  Its still part (axes,
    labels, everything not in ``moving``) is drawn once and kept; a frame puts
    it back and draws the moving artists on top, in the order given, so a live
    view costs what its moving parts cost.  Call :meth:`refresh` after changing
    the still part.
    """

    def __init__(self, fig, moving, format="png"):
        plt.close(fig)
        self.fig, self.moving, self.format = fig, list(moving), format
        self.canvas = FigureCanvasAgg(fig)
        self.background = None
        self.glyphs = {}  # the texts it drew, to draw them again fast (see _keeping_glyphs)

    def refresh(self):
        # hidden, not animated: matplotlib < 3.11 draws an animated image all the same, which left the
        # images of the moment of the refresh under every later frame
        with _hidden(self.moving), _keeping_glyphs(self.canvas.get_renderer(), self.glyphs):
            self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.fig.bbox)

    def png(self) -> bytes:
        """The next frame, encoded in ``format``: "png", or "jpeg" (a fifth of the time to encode)."""
        if self.background is None:
            self.refresh()
        self.canvas.restore_region(self.background)
        with _keeping_glyphs(self.canvas.get_renderer(), self.glyphs):
            for artist in self.moving:
                self.fig.draw_artist(artist)
        if self.format == "jpeg":
            buffer = io.BytesIO()
            _canvas_picture(self.canvas).convert("RGB").save(buffer, format="jpeg", quality=90)
            return buffer.getvalue()
        return png_bytes(_rgb(self.canvas))


# ---- animations: frames drawn fast, an HTML player ------------------------------------
def make_animation(fig, draw, n_frames, moving, **data):
    """A FuncAnimation over ``draw(k)``; ``moving`` lists the artists that frames change.

    The figure is laid out once and keeps that layout in every frame, and is
    closed, so that a notebook shows only the HTML player.  The animation
    carries ``fig``, ``draw_frame``, ``n_frames`` and ``moving`` (for
    :func:`frame_images`) plus ``data`` (e.g. ``path``) as attributes.
    """
    fig.canvas.draw()
    fig.set_layout_engine("none")
    anim = FuncAnimation(fig, draw, frames=n_frames, interval=150, blit=False)
    anim.fig, anim.draw_frame, anim.n_frames, anim.moving = fig, draw, n_frames, list(moving)
    for name, value in data.items():
        setattr(anim, name, value)
    _mark_rendered(anim)  # its frames are drawn by frame_images, not by anim.save
    plt.close(fig)
    return anim


def frame_images(anim, colors=48):
    """Every frame of an animation made by :func:`make_animation`, as PIL images with ``colors`` colours.

    The still parts (axes, contours, data) are drawn once; each frame only
    redraws the artists that move on top of them, which is many times faster
    than drawing every frame from scratch.
    """
    colors = positive_int("colors", colors)
    fig = anim.fig
    canvas = FigureCanvasAgg(fig)  # the figure is closed: draw it with Agg, whatever the backend
    for artist in anim.moving:
        artist.set_animated(True)
    try:
        canvas.draw()
        background = canvas.copy_from_bbox(fig.bbox)
        images = []
        for k in range(anim.n_frames):
            anim.draw_frame(k)
            canvas.restore_region(background)
            for artist in anim.moving:
                fig.draw_artist(artist)
            image = _canvas_picture(canvas).convert("RGB")  # a copy: the canvas draws the next frame
            images.append(image.quantize(colors=colors, method=PILImage.Quantize.FASTOCTREE))
    finally:
        for artist in anim.moving:
            artist.set_animated(False)
    return images


def to_html(anim, fps=6, colors=48) -> str:
    """The animation as self-contained HTML with play controls (no ffmpeg needed).

    Like ``anim.to_jshtml()`` (the same player), but the frames come from
    :func:`frame_images`: PNGs with ``colors`` colours, drawn fast, which
    keeps a notebook with two animations small and quick to run.
    """
    images = frame_images(anim, colors)
    writer = HTMLWriter(fps=fps, embed_frames=True, default_mode="once")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "animation.html"
        writer.setup(anim.fig, path, dpi=anim.fig.dpi)
        for image in images:
            _add_frame(writer, base64.encodebytes(_png(image)).decode("ascii"))
        writer.finish()
        return path.read_text()


# ---- matplotlib internals: the one place that uses them -------------------------------
# Matplotlib has no public API for these four; tests/test_render.py checks each of them, and
# the test runs against the oldest (3.8) and the newest matplotlib that the project supports.
def _mark_rendered(anim) -> None:
    """Tell ``anim`` it was used, so that deleting it does not warn "deleted without rendering"."""
    anim._draw_was_started = True


def _add_frame(writer, png_base64: str) -> None:
    """Give an embedding ``HTMLWriter`` one finished frame (``grab_frame`` would draw the figure again)."""
    writer._saved_frames.append(png_base64)


def _axis_shown_3d(ax) -> bool:
    """Whether a 3-D axes draws its panes, grid and axes (``set_axis_off`` has no getter in 3-D)."""
    return ax._axis3don


# what decides how the glyphs of a text come out, besides what draw_text is given
_GLYPH_SETTINGS = tuple(sorted(key for key in mpl.rcParams if key.startswith(("font.", "text.", "mathtext."))))
MAX_KEPT_TEXTS = 2000  # texts whose glyphs a live figure keeps (a few kB each)


@contextlib.contextmanager
def _keeping_glyphs(renderer, kept: dict):
    """While drawing on the Agg ``renderer``, a text it drew before is drawn again from its glyphs in ``kept``.

    The Agg renderer draws a text by asking FreeType for the picture of each glyph (at the text's
    place, to a 64th of a pixel) and pasting them with the text's colour.  The first time a text is
    drawn, the glyph pictures pasted are written down; drawn again with the same string, place,
    angle, font and settings, the same pictures are pasted with the colour it has now: the same
    pixels, without FreeType.  A text that draws anything else (the rules of some mathtext) is
    drawn as usual every time.
    """
    settings = (renderer.width, renderer.height, renderer.dpi, repr([mpl.rcParams[k] for k in _GLYPH_SETTINGS]))
    draw_text = renderer.draw_text

    def draw_text_from_kept_glyphs(gc, x, y, s, prop, angle, ismath=False, mtext=None):
        key = (s, x, y, angle, ismath, gc.get_antialiased(), tuple(prop.get_family()), prop.get_style(),
               prop.get_variant(), prop.get_weight(), prop.get_stretch(), prop.get_size_in_points(),
               str(prop.get_file()), prop.get_math_fontfamily(), _text_options(mtext), settings)
        glyphs = kept.get(key)
        if glyphs is None:
            glyphs = _drawn_glyphs(renderer, draw_text, gc, x, y, s, prop, angle, ismath, mtext)
            if glyphs is not None:
                if len(kept) >= MAX_KEPT_TEXTS:
                    kept.clear()
                kept[key] = glyphs
            return
        for image, gx, gy, gangle in glyphs:
            renderer._renderer.draw_text_image(image, gx, gy, gangle, gc)

    own = vars(renderer).get("draw_text")  # set when called inside another such drawing
    renderer.draw_text = draw_text_from_kept_glyphs
    try:
        yield
    finally:
        if own is None:
            del renderer.draw_text
        else:
            renderer.draw_text = own


def _text_options(mtext) -> str:
    """The font features and language of a text (matplotlib 3.11+), which change its glyphs."""
    return repr([getattr(mtext, name, lambda: None)() for name in ("get_fontfeatures", "get_language")])


class _GlyphRecorder:
    """Stands in for an Agg renderer's drawing engine (``renderer._renderer``) while it draws one text,
    writing down the glyph pictures pasted; anything else drawn makes the record incomplete."""

    def __init__(self, engine):
        self.engine, self.glyphs, self.complete = engine, [], True

    def draw_text_image(self, image, x, y, angle, gc):
        picture = np.array(image, copy=True)  # matplotlib >= 3.11: one glyph; older: the text's picture (FT2Font)
        if picture.dtype == np.uint8 and picture.ndim == 2:
            self.glyphs.append((picture, x, y, angle))
        else:
            self.complete = False
        return self.engine.draw_text_image(image, x, y, angle, gc)

    def __getattr__(self, name):
        self.complete = False
        return getattr(self.engine, name)


def _drawn_glyphs(renderer, draw_text, gc, x, y, s, prop, angle, ismath, mtext):
    """Draw a text with Agg's own ``draw_text``; return the glyph pictures it pasted, or None if it drew
    anything else."""
    recorder = _GlyphRecorder(renderer._renderer)
    renderer._renderer = recorder
    try:
        draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
    finally:
        renderer._renderer = recorder.engine
    return recorder.glyphs if recorder.complete else None
