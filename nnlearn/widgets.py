"""Old name of :mod:`nnlearn.pictures.widgets`, kept so that older notebooks run; import from there.

``learning_rate_widget`` took ``hours, scores, center``; it now takes one
:class:`nnlearn.LineFit`.
"""

from .linefit import LineFit
from .pictures.widgets import learning_rate_widget as _learning_rate_widget
from .pictures.widgets import line_fit_widget, plane_widget, sigmoid_widget, slider, tangent_widget  # noqa: F401


def learning_rate_widget(hours, scores, center=0.0, start=(-4.0, 40.0), steps=40, learning_rate=0.1, **range_):
    """``nnlearn.pictures.widgets.learning_rate_widget(LineFit(hours, scores, center), ...)``."""
    return _learning_rate_widget(LineFit(hours, scores, center), start, steps, learning_rate, **range_)
