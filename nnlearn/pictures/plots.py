"""Every plot function of the course in one place, by chapter: ``from nnlearn.pictures import plots``.

Each is defined in the module of its chapter (:mod:`~nnlearn.pictures.digits`,
:mod:`~nnlearn.pictures.nodes`, :mod:`~nnlearn.pictures.descent`) and
follows :mod:`~nnlearn.pictures.style`: it takes an optional ``ax`` (or
``fig``, ``axes``), returns a :class:`~nnlearn.pictures.style.Drawn` dict of
what it drew and never calls ``plt.show()``.
"""

from .descent import (
    plot_descent,
    plot_learning_rates,
    plot_loss_surface,
    plot_parabola_tangent,
    plot_two_valleys,
    plot_valley,
)
from .digits import plot_digit, plot_digits, plot_forward_pass, plot_input_values, plot_network
from .nodes import (
    network_classes,
    plot_decision_regions,
    plot_hidden_layer_view,
    plot_intercept_shift,
    plot_line_fit,
    plot_node,
    plot_plane,
    plot_sigmoid,
    plot_sigmoid_node,
    plot_study_hours,
)
from .style import Drawn

__all__ = [
    # chapter 1 (and 7: plot_digits)
    "plot_digit", "plot_digits", "plot_input_values", "plot_network", "plot_forward_pass",
    # chapter 2
    "plot_study_hours", "plot_line_fit", "plot_intercept_shift", "plot_node",
    # chapters 3 and 4
    "plot_plane", "plot_sigmoid", "plot_sigmoid_node", "network_classes", "plot_decision_regions",
    "plot_hidden_layer_view",
    # chapter 6
    "plot_parabola_tangent", "plot_loss_surface", "plot_descent", "plot_learning_rates",
    "plot_valley", "plot_two_valleys",
    "Drawn",
]
