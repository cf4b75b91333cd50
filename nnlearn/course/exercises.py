"""Exercises that check themselves: numbers to work out, and functions to write.

Each checker prints "Right!" with a short reason, or "Not yet." with a hint that points at
the usual slip, and returns a :class:`Check` that is true or false (and that a notebook
does not display a second time).  Calling it with ``...`` (the placeholder in the
notebooks), or with a function whose body is still ``...``, only reminds you to fill in
an answer.

* A number: ``exercises.check_intercept(3)``.
* A function you wrote: ``exercises.check_sigmoid(sigmoid)`` runs it on hidden cases and
  compares it with nnlearn's own function (see :mod:`nnlearn.course.code_exercises`).
* Stuck? ``exercises.hint("intercept")`` (the idea), ``exercises.hint("intercept", level=2)``
  (the line to write), ``exercises.solution("intercept")`` (the cell filled in).  The name is
  the checker's without ``check_``.

The checkers live in :mod:`nnlearn.course.number_exercises` and
:mod:`nnlearn.course.code_exercises`; what they share (the placeholder, the verdict, the
hints and the solution) is in :mod:`nnlearn.course.checking`.
"""


from .checking import (
    CODE_PLACEHOLDER,
    NOT_YET,
    PLACEHOLDER,
    REGISTRY,
    RIGHT,
    Check,
    Right,
    compare,
    exercise,
    hint,
    solution,
    solution_text,
)
from .code_exercises import (
    check_descend,
    check_descent_step,
    check_layer_backward,
    check_neuron_output,
    check_predict,
    check_sigmoid,
    check_sigmoid_derivative,
    check_weighted_sum,
)
from .number_exercises import (
    PLANE_POINTS,
    WEIGHTED_SUM_B,
    WEIGHTED_SUM_W,
    WEIGHTED_SUM_X,
    check_chance_accuracy,
    check_collapsed_layer,
    check_descent_step_by_hand,
    check_favourite_guess,
    check_hardest_digit,
    check_input_nodes,
    check_intercept,
    check_learning_rates,
    check_line_fit,
    check_network_size,
    check_neuron_by_hand,
    check_output_delta,
    check_parameter_count,
    check_pixel_index,
    check_plane,
    check_prediction,
    check_sigmoid_midpoint,
    check_slope,
    check_small_data,
    check_untrained_accuracy,
    check_weight_update,
    check_weighted_sum_by_hand,
    collapse_exercise,
)

__all__ = [
    "PLANE_POINTS", "WEIGHTED_SUM_B", "WEIGHTED_SUM_W", "WEIGHTED_SUM_X",
    "CODE_PLACEHOLDER", "NOT_YET", "PLACEHOLDER", "REGISTRY", "RIGHT", "Check", "Right", "collapse_exercise",
    "compare", "exercise", "hint", "solution", "solution_text", "check_chance_accuracy",
    "check_collapsed_layer", "check_descend", "check_descent_step", "check_descent_step_by_hand",
    "check_favourite_guess", "check_hardest_digit", "check_input_nodes", "check_intercept",
    "check_layer_backward", "check_learning_rates", "check_line_fit", "check_network_size",
    "check_neuron_by_hand", "check_neuron_output", "check_output_delta", "check_parameter_count",
    "check_pixel_index", "check_plane", "check_predict", "check_prediction", "check_sigmoid",
    "check_sigmoid_derivative", "check_sigmoid_midpoint", "check_slope", "check_small_data",
    "check_untrained_accuracy", "check_weight_update", "check_weighted_sum", "check_weighted_sum_by_hand",
]
