"""Exercises that check themselves: call ``check_...`` with your answer.

Each checker prints "Right!" with a short reason, or "Not yet." with a hint
that points at the usual slip, and returns a :class:`Check` that is true or
false (and that a notebook does not display a second time).  Calling it
with ``...`` (the placeholder in the notebooks) only reminds you to fill in
an answer.  The numbers of each exercise are written in its docstring and in
the notebook.

How a checker is written: :func:`exercise` does what every checker shares
(the placeholder, turning answers into numbers, printing the verdict), so a
checker states only its question (the docstring), its answer and its hints.
It returns :class:`Right` with the reason when the answer is right, or the
hint as a plain string; :func:`compare` does that for the usual case of one
number with a list of known slips.
"""

from __future__ import annotations

import functools
import inspect

import numpy as np

from ..data import IMAGE_SHAPE, load_digits, study_hours
from ..linefit import LineFit
from ..network import Network

RIGHT = "Right!"
NOT_YET = "Not yet."
PLACEHOLDER = "Replace ... with your answer, then run this cell again."


class Check:
    """The outcome of a checker: true when the answer is right.

    The message was already printed; in a notebook the object itself shows
    nothing, so a check can be the last line of a cell.
    """

    def __init__(self, ok: bool, message: str):
        self.ok = bool(ok)
        self.message = message

    def __bool__(self) -> bool:
        return self.ok

    def _ipython_display_(self) -> None:
        """Show nothing: the message was printed when the check ran."""

    def __repr__(self) -> str:
        return f"Check(ok={self.ok})"


class Right(str):
    """A checker's verdict for a right answer: the reason why it is right."""


def _number(answer):
    """The answer as a float, or ``None`` if it is not a single number."""
    try:
        value = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return None
    if value.ndim != 0 or not np.isfinite(value):
        return None
    return float(value)


def _close(a, b, tol=1e-6) -> bool:
    return a is not None and abs(a - b) <= tol * max(1.0, abs(b))


def compare(value, expected, right, slips=(), otherwise="", tol=1e-6):
    """The verdict on a number: :class:`Right` (``right``) when ``value`` is ``expected``,
    else the hint of the first ``(wrong value, hint)`` in ``slips`` that it equals, else ``otherwise``."""
    if _close(value, expected, tol):
        return Right(right)
    return next((hint for wrong, hint in slips if _close(value, wrong, tol)), otherwise)


def exercise(*answers, numbers=True):
    """Make a checker of ``judge(...)``; ``answers`` names the arguments that the learner fills in.

    The checker reminds the learner to fill in an answer still ``...``, passes
    the answers to ``judge`` as floats (``numbers=True``; an answer that is
    not one number is a hint of its own), prints the verdict and returns a
    :class:`Check`.
    """
    def make(judge):
        signature = inspect.signature(judge)

        @functools.wraps(judge)
        def check(*args, **kwargs):
            call = signature.bind(*args, **kwargs)
            call.apply_defaults()
            given = [call.arguments[name] for name in answers]
            if any(a is ... or a is None for a in given):
                print(PLACEHOLDER)
                return Check(False, "no answer yet")
            if numbers:
                values = [_number(a) for a in given]
                if any(v is None for v in values):
                    return _report(f"{' and '.join(answers)} must be "
                                   f"{'a single number' if len(answers) == 1 else 'single numbers'}.")
                call.arguments.update(zip(answers, values))
            return _report(judge(*call.args, **call.kwargs))

        return check

    return make


def _report(verdict) -> Check:
    ok = isinstance(verdict, Right)
    message = f"{RIGHT if ok else NOT_YET} {verdict}"
    print(message)
    return Check(ok, message)


# ---- chapter 1: the structure ------------------------------------------------
@exercise("answer")
def check_input_nodes(answer):
    """How many input nodes does a network need for a 28x28-pixel image?"""
    return compare(answer, 28 * 28, f"One input node per pixel: 28 x 28 = {28 * 28}.",
                   [(28 + 28, "That is 28 + 28. Every pixel needs its own node: count all of them.")],
                   "Each pixel is one input node. How many pixels does a 28 x 28 grid have?")


@exercise("answer")
def check_pixel_index(answer):
    """Which input node (counted from 0) holds the pixel in row 2, column 5 (both counted from 0)?

    The 16x16 image is read row by row from the top left.
    """
    row, column = 2, 5
    expected = row * IMAGE_SHAPE[1] + column
    return compare(answer, expected, f"Two full rows of 16 come first: 2 x 16 + 5 = {expected}.",
                   [(column * IMAGE_SHAPE[1] + row, "You swapped row and column: rows are read one after another.")],
                   "Rows 0 and 1 (16 nodes each) come before row 2; then count 5 more along it.")


@exercise("answer")
def check_prediction(outputs, answer):
    """Given the 10 ``outputs`` of a network, which digit does it predict?"""
    outputs = np.asarray(outputs, dtype=float).ravel()
    expected = int(np.argmax(outputs))
    return compare(answer, expected, f"Output node {expected} is the most active ({outputs[expected]:.3f}).",
                   [(float(outputs.max()), "That is the largest output's value. The prediction is its position: "
                                           "which node (0-9) holds it?")],
                   "Find the largest of the 10 outputs (np.argmax does it); its node number is the prediction.",
                   tol=1e-3)


# ---- chapter 2: a single node -----------------------------------------------
@exercise("w", "b")
def check_line_fit(w, b, x, y, within=0.10):
    """Is the line ``y = w x + b`` close to the best fit: its error at most 10 % above the least error?"""
    fit = LineFit(x, y)
    error, least = fit.loss((w, b)), fit.best_loss
    if error <= least * (1.0 + within):
        return Right(f"Your error {error:.2f} is within {within:.0%} of the least possible, {least:.2f}.")
    best_w, best_b = fit.best
    centre = float(fit.hours.mean())
    if abs(w - best_w) > 0.5:
        hint = f"The line is too {'steep' if w > best_w else 'flat'}: try a {'smaller' if w > best_w else 'larger'} w."
    elif w * centre + b > best_w * centre + best_b:
        hint = "The slope is about right, but the line runs too high: lower b."
    else:
        hint = "The slope is about right, but the line runs too low: raise b."
    return f"Your error is {error:.2f}; the least possible is {least:.2f}. {hint}"


@exercise("answer")
def check_intercept(answer):
    """Where does the line y = 0.5 x + 3 cross the y axis (the value of y there)?"""
    return compare(answer, 3.0, "At x = 0 the slope term vanishes, so y = b = 3.",
                   [(-6.0, "That is where it crosses the x axis (y = 0). Set x = 0 instead.")],
                   "The y axis is where x = 0: what is 0.5 x 0 + 3?")


@exercise("answer")
def check_neuron_output(answer):
    """What does ``Neuron(w=2.5, b=-1)`` return for the input ``x = 4``?"""
    w, b, x = 2.5, -1.0, 4.0
    return compare(answer, w * x + b, f"v = w x + b = 2.5 x 4 - 1 = {w * x + b:g}.",
                   [(w * (x + b), "Multiply first, then add the bias: v = w x + b, not w (x + b)."),
                    (w * x, "That is the weighted input w x; now add the bias b.")],
                   "Compute v = w x + b with w = 2.5, b = -1 and x = 4.")


# ---- chapter 3: more inputs --------------------------------------------------
WEIGHTED_SUM_X = (2.0, -1.0, 0.5)
WEIGHTED_SUM_W = (0.5, 3.0, -2.0)
WEIGHTED_SUM_B = 1.0


@exercise("answer")
def check_weighted_sum(answer):
    """The node's output v for x = (2, -1, 0.5), w = (0.5, 3, -2) and b = 1."""
    products = np.multiply(WEIGHTED_SUM_X, WEIGHTED_SUM_W)
    expected = float(products.sum() + WEIGHTED_SUM_B)
    terms = " + ".join(f"({p:g})" for p in products)
    return compare(answer, expected, f"v = {terms} + 1 = {expected:g}.",
                   [(float(products.sum()), "That is the sum of the weighted inputs: add the bias b = 1.")],
                   "Multiply each input by its own weight, add the three products, then add b. Watch the signs.")


@exercise("answer")
def check_parameter_count(answer):
    """How many numbers (weights and bias) does one node with 17 inputs have?"""
    return compare(answer, 18, "17 weights, one per input, plus one bias: 18.",
                   [(17, "One weight per input gives 17; do not forget the bias.")],
                   "Each input has its own weight, and the node has one bias.")


PLANE_POINTS = {(0.0, 0.0): 1.0, (1.0, 0.0): 3.0, (0.0, 1.0): 0.0}


@exercise("w1", "w2", "b")
def check_plane(w1, w2, b):
    """Find the plane v = w1 x1 + w2 x2 + b through v(0, 0) = 1, v(1, 0) = 3 and v(0, 1) = 0."""
    misses = [f"at ({x1:g}, {x2:g}) your plane is {w1 * x1 + w2 * x2 + b:.2f}, not {v:g}"
              for (x1, x2), v in PLANE_POINTS.items() if not _close(w1 * x1 + w2 * x2 + b, v, tol=0.051)]
    if not misses:
        return Right("The plane passes through all three points: b is the height at (0, 0), "
                     "w1 and w2 the rise along each input.")
    return "; ".join(misses) + (". Start with b (the height at x1 = x2 = 0), "
                                "then w1 (how much v rises from x1 = 0 to 1), then w2.")


# ---- chapter 4: nonlinearity -------------------------------------------------
def collapse_exercise():
    """The two linear layers of the exercise: ``W1, b1, W2, b2`` (3 inputs -> 2 -> 2)."""
    W1 = np.array([[1.0, -1.0], [0.5, 2.0], [0.0, 1.0]])
    b1 = np.array([1.0, 0.0])
    W2 = np.array([[2.0, 0.0], [1.0, -1.0]])
    b2 = np.array([0.5, 0.5])
    return W1, b1, W2, b2


@exercise("W", "b", numbers=False)
def check_collapsed_layer(W, b):
    """The single layer ``(W, b)`` that does what the two layers of :func:`collapse_exercise` do."""
    W1, b1, W2, b2 = collapse_exercise()
    W_expected, b_expected = W1 @ W2, b1 @ W2 + b2
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    if W.shape != W_expected.shape:
        return (f"W must have shape {W_expected.shape} (3 inputs, 2 outputs), got {W.shape}. "
                "With rows as samples the first layer's matrix comes first: W1 @ W2.")
    if not np.allclose(W, W_expected):
        return "W is not right yet: (x @ W1 + b1) @ W2 = x @ (W1 @ W2) + ..."
    if b.shape != b_expected.shape or not np.allclose(b, b_expected):
        return "W is right; b is not yet: the first bias also passes through W2, so b = b1 @ W2 + b2."
    return Right("Two linear layers are one linear layer: W = W1 @ W2, b = b1 @ W2 + b2.")


@exercise("answer")
def check_sigmoid_midpoint(answer):
    """At which x is sigma(2 x - 3) exactly 0.5?"""
    w, b = 2.0, -3.0
    return compare(answer, -b / w, f"sigma(v) = 0.5 exactly when v = 0: 2 x - 3 = 0 gives x = {-b / w:g}.",
                   [(b / w, "Check the sign: solve 2 x - 3 = 0.")],
                   "sigma(0) = 0.5, so find the x that makes the weighted sum 2 x - 3 zero.")


# ---- chapters 5-8 ----
@exercise("answer")
def check_chance_accuracy(answer):
    """Chapter 5: what accuracy does guessing give on 10 equally common digits (a fraction, 0 to 1)?"""
    return compare(answer, 0.1, "One right in ten: 1 / 10 = 0.1, what the untrained network gets.",
                   [(10.0, "Give a fraction between 0 and 1, not a percentage: 10 % is 0.1.")],
                   "There are 10 digits, each as common as the others: how often is a blind guess right?")


@exercise("answer")
def check_untrained_accuracy(answer, seed=1):
    """Chapter 5: the test accuracy of ``Network([256, 64, 10], seed=seed)`` before any training."""
    _, _, X_test, y_test = load_digits()
    expected = Network([256, 64, 10], seed=seed).accuracy(X_test, y_test)
    return compare(answer, expected, f"{expected:.3f}: close to the 0.1 of guessing, as for seed 0.",
                   otherwise=f"Build the network with seed={seed}, then call net.accuracy(X_test, y_test).",
                   tol=1e-3)


@exercise("answer")
def check_slope(answer, predicted=5.0, actual=3.0):
    """Chapter 6: the slope of E = 1/2 (actual - predicted)^2 at ``predicted`` (default 5, actual 3)."""
    expected = predicted - actual
    return compare(answer, expected, f"E' = predicted - actual = {predicted:g} - {actual:g} = {expected:g}: "
                                     "positive, so downhill is to the left.",
                   [(-expected, "Check the sign: the error grows as the prediction moves away from actual, "
                                "so right of the bottom the slope is positive."),
                    (2 * expected, "The 1/2 in front cancels the 2 from the square: E' = predicted - actual.")],
                   "Differentiate 1/2 (actual - predicted)^2 with respect to the prediction "
                   "(or read the tangent's slope from the slider).")


@exercise("answer")
def check_descent_step(answer, predicted=0.0, actual=3.0, learning_rate=0.5):
    """Chapter 6: one gradient-descent step on the parabola from ``predicted`` (default 0, actual 3, rate 0.5)."""
    slope = predicted - actual
    expected = predicted - learning_rate * slope
    return compare(answer, expected, f"predicted - learning_rate x slope = {predicted:g} - {learning_rate:g} x "
                                     f"({slope:g}) = {expected:g}: halfway to the bottom.",
                   [(predicted + learning_rate * slope,
                     "You stepped uphill: the step goes against the slope (minus sign).")],
                   "The new prediction is predicted - learning_rate x E', with E' = predicted - actual.")


@exercise("converging", "diverging")
def check_learning_rates(converging, diverging, steps=40):
    """Chapter 6: a learning rate that converges in ``steps`` steps on the line fit, and one that diverges.

    Uses the notebook's set-up: ``study_hours()``, hours centred on 5.6, start (-4, 40).
    """
    rates = [converging, diverging]
    if min(rates) <= 0:
        return "Both answers must be positive numbers, e.g. 0.1."
    fit = LineFit(*study_hours(), center=5.6)
    status = [fit.status(*fit.descend((-4.0, 40.0), lr, steps)) for lr in rates]
    if status == ["converged", "diverged"]:
        return Right(f"{rates[0]:g} converges and {rates[1]:g} diverges. The border lies at "
                     f"2 / var(hours) = {2 / fit.hours.var():.3f}.")
    hints = []
    if status[0] != "converged":
        hints.append(f"{rates[0]:g} is {status[0]}" + (": try a larger one." if status[0] == "crawling"
                                                         else ": try a smaller one."))
    if status[1] != "diverged":
        hints.append(f"{rates[1]:g} is {status[1]}: try a larger one.")
    return " ".join(hints)


@exercise("answer")
def check_weight_update(answer, weight=0.8, gradient=-0.25, learning_rate=2.0):
    """Chapter 7: W(k+1) for W(k) = ``weight``, gradient ``gradient`` and ``learning_rate``."""
    expected = weight - learning_rate * gradient
    return compare(answer, expected, f"W(k+1) = {weight:g} - {learning_rate:g} x ({gradient:g}) = {expected:g}: "
                                     "a negative gradient makes the weight grow.",
                   [(weight + learning_rate * gradient,
                     "Subtract learning_rate x gradient: the weight moves against the gradient.")],
                   "W(k+1) = W(k) - learning_rate x gradient.")


@exercise("answer")
def check_output_delta(answer, y=0.8, target=1.0):
    """Chapter 7: dE/dv for a sigmoid output node with output ``y`` and target ``target``.

    E = 1/2 (target - y)^2 and y = sigma(v), so dE/dv = (y - target) y (1 - y).
    """
    expected = (y - target) * y * (1 - y)
    return compare(answer, expected, f"dE/dy x dy/dv = ({y - target:g}) x {y:g} x {1 - y:g} = {expected:g}.",
                   [(y - target, "That is dE/dy; multiply by the sigmoid's slope dy/dv = y (1 - y)."),
                    (-expected, "Check the sign: dE/dy = y - target.")],
                   "Chain rule: dE/dv = dE/dy x dy/dv, with dE/dy = y - target and dy/dv = y (1 - y).")


@exercise("true_digit", "predicted_digit")
def check_most_confused(true_digit, predicted_digit, matrix):
    """Chapter 7: the (true digit, predicted digit) pair the network mixes up most often.

    ``matrix`` is the confusion matrix of the notebook; its largest cell off
    the diagonal is the answer (any of them, if several tie).
    """
    matrix = np.asarray(matrix)
    off = matrix.copy()
    np.fill_diagonal(off, -1)
    i, j = true_digit, predicted_digit
    if not (0 <= i < len(matrix) and 0 <= j < len(matrix)):
        return "Give two digits 0-9: the true digit (row) and the predicted one (column)."
    i, j = int(i), int(j)
    if i == j:
        return "The diagonal holds the right answers; look off the diagonal."
    if off[i, j] == off.max():
        return Right(f"{off[i, j]} digits labelled {i} were read as {j}: the largest mistake.")
    if off[j, i] == off.max():
        return "Swapped: rows are the true digits, columns the predictions."
    return f"Row {i}, column {j} holds {off[i, j]}; find the largest number off the diagonal."


@exercise("answer")
def check_network_size(answer, layer_sizes=(256, 64, 10)):
    """Chapter 8: how many weights and biases does ``Network(layer_sizes)`` have in all?"""
    weights = sum(a * b for a, b in zip(layer_sizes[:-1], layer_sizes[1:]))
    biases = sum(layer_sizes[1:])
    return compare(answer, weights + biases, f"{weights} weights and {biases} biases: "
                                             f"{weights + biases} numbers to learn.",
                   [(weights, "Those are the weights; every node after the input layer also has a bias.")],
                   "Each layer has inputs x outputs weights (the shape of W) and one bias per output.")
