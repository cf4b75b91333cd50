"""A figure that redraws in place when a slider moves: the plumbing under :mod:`nnlearn.widgets`.

:func:`_interactive` turns a plot function into an ``ipywidgets.interactive``
widget whose one figure is redrawn on every slider move and shown as a PNG
in an ``ipywidgets.Image``.
Nothing here changes what a figure shows; it only makes a redraw fast enough
to feel live (a new figure, a new layout and a tightly cropped PNG on every
move took several hundred milliseconds).
"""

from __future__ import annotations

import contextlib
import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image as PILImage

# zlib level 1 with run-length matching only (compress_type 3, zlib's Z_RLE): a slider's PNG in
# a quarter of the time of the default level, a little larger
PNG_OPTIONS = {"compress_level": 1, "compress_type": 3}


def _interactive(draw, **sliders):
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

    The PNG goes into an ``ipywidgets.Image`` (``widget.picture``) below the
    sliders, not into the widget's output area, which only shows a traceback
    when a redraw fails.  A picture displayed into an output area is copied back
    to the kernel by nbclient (which runs notebooks for Voila, nbconvert and
    ``scripts/run_notebooks.py``) at a moment that can leave the cell waiting for
    its timeout (jupyter/nbclient#312); an Image widget avoids that path.
    """
    state = {"fig": None, "failed": False}
    # at its own size: the widget is a flex column, which would stretch the picture to its width
    picture = widgets.Image(format="png", layout=widgets.Layout(align_self="flex-start"))

    def redraw(**values):
        fig = state["fig"]
        try:
            if fig is None:
                result = draw(ax=None, **values)
                fig = state["fig"] = _figure_of(result)
                plt.close(fig)  # out of pyplot; closing leaves the figure a canvas that cannot draw, so:
                FigureCanvasAgg(fig)  # one Agg canvas for good (it keeps its renderer and text sizes)
                fig.canvas.draw()  # the layout engine places the axes once ...
                fig.set_layout_engine(None)  # ... and they stay there (no layout pass when saving)
            else:
                axes = fig.axes
                for ax in axes:
                    _remove_drawn(ax)
                result = draw(ax=axes[0] if len(axes) == 1 else axes, **values)
            picture.value = _render(fig, state)
        except Exception:
            state["failed"] = True  # interactive shows the traceback in its output area
            raise
        # The traceback of an earlier move goes once a move draws again.  Only then: clearing the
        # output area on every move is itself an output that nbclient copies back (see above).
        if state["failed"]:
            state["failed"] = False
            widget.out.clear_output()
        return result

    widget = widgets.interactive(redraw, **sliders)
    *controls, output_area = widget.children
    widget.children = (*controls, picture, output_area)
    widget.picture = picture
    return widget


def _render(fig, state):
    """The figure as PNG bytes, drawing its still part (the axes' frames, ticks, tick labels and
    axis labels) only when it changed.

    Text is most of the time of a draw, and most of the text is the tick labels, which stay the
    same while the plot functions keep their axis limits fixed.  So the figure is drawn once
    without what the plot function drew and that picture is kept; each move puts it back and
    draws only the rest on top (the same pixels as a full draw: the frames sit below the curves,
    and the lines of the frame are drawn with the curves in their usual order).  The kept
    picture is drawn again when anything it shows changes: limits, ticks, labels, place of the
    axes, view of a 3-D plot.
    """
    canvas = fig.canvas
    key = _still_key(fig)
    if state.get("still_key") != key:
        with _hidden(_drawn_parts(fig)):
            canvas.draw()
        state["still"] = canvas.copy_from_bbox(fig.bbox)
        state["still_key"] = key
    else:
        canvas.restore_region(state["still"])
    renderer = canvas.get_renderer()
    with _hidden(_still_parts(fig)), _axes_off(fig):
        for ax in fig.axes:
            ax.draw(renderer)
    picture = PILImage.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    if fig.patch.get_visible() and fig.patch.get_alpha() in (None, 1) and fig.patch.get_facecolor()[3] == 1:
        picture = picture.convert("RGB")  # opaque: the same picture, a quarter less to encode
    buffer = io.BytesIO()
    picture.save(buffer, format="png", **PNG_OPTIONS)
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


def _drawn_parts(fig):
    """Everything else in the axes: what the plot function drew, titles, legend, and the frame
    lines of a 2-D axes (drawn among the curves, in their usual order)."""
    still = {id(a) for a in _still_parts(fig)}
    parts = []
    for ax in fig.axes:
        axis_objects = {id(ax.xaxis), id(ax.yaxis), id(ax.zaxis)} if _is_3d(ax) else set()
        parts.extend(a for a in ax.get_children() if id(a) not in still and id(a) not in axis_objects)
    return parts


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
    axes = [ax for ax in fig.axes if _is_3d(ax) and ax._axis3don]
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


def _figure_of(result):
    fig = getattr(result, "fig", None)
    if fig is None and getattr(result, "ax", None) is not None:
        fig = result.ax.figure
    return fig
