"""Exercises that check themselves: call ``check_...`` with your answer.

Each checker prints "Right!" with a short reason, or "Not yet." with a hint
that points at the usual slip, and returns a :class:`Check` that is true or
false (and that a notebook does not display a second time).  Calling it
with ``...`` (the placeholder in the notebooks) only reminds you to fill in
an answer.  The numbers of each exercise are written in its docstring and in
the notebook.
"""

from __future__ import annotations

import numpy as np

from .activations import sigmoid
from .data import IMAGE_SHAPE
from .losses import mean_squared_error
from .plots import best_fit_line

RIGHT = "Right!"
NOT_YET = "Not yet."


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


def _missing(*answers) -> bool:
    if any(a is ... or a is None for a in answers):
        print("Replace ... with your answer, then run this cell again.")
        return True
    return False


def _number(answer):
    """The answer as a float, or ``None`` if it is not a single number."""
    try:
        value = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return None
    if value.ndim != 0 or not np.isfinite(value):
        return None
    return float(value)


def _report(ok: bool, success: str, hint: str) -> Check:
    message = f"{RIGHT} {success}" if ok else f"{NOT_YET} {hint}"
    print(message)
    return Check(ok, message)


def _close(a, b, tol=1e-6) -> bool:
    return a is not None and abs(a - b) <= tol * max(1.0, abs(b))


# ---- chapter 1: the structure ------------------------------------------------
def check_input_nodes(answer) -> Check:
    """How many input nodes does a network need for a 28x28-pixel image?"""
    if _missing(answer):
        return Check(False, "no answer yet")
    value = _number(answer)
    expected = 28 * 28
    if _close(value, expected):
        return _report(True, f"One input node per pixel: 28 x 28 = {expected}.", "")
    if _close(value, 28 + 28):
        return _report(False, "", "That is 28 + 28. Every pixel needs its own node: count all of them.")
    return _report(False, "", "Each pixel is one input node. How many pixels does a 28 x 28 grid have?")


def check_pixel_index(answer) -> Check:
    """Which input node (counted from 0) holds the pixel in row 2, column 5 (both counted from 0)?

    The 16x16 image is read row by row from the top left.
    """
    if _missing(answer):
        return Check(False, "no answer yet")
    value = _number(answer)
    row, column = 2, 5
    expected = row * IMAGE_SHAPE[1] + column
    if _close(value, expected):
        return _report(True, f"Two full rows of 16 come first: 2 x 16 + 5 = {expected}.", "")
    if _close(value, column * IMAGE_SHAPE[1] + row):
        return _report(False, "", "You swapped row and column: rows are read one after another.")
    return _report(False, "", "Rows 0 and 1 (16 nodes each) come before row 2; then count 5 more along it.")


def check_prediction(outputs, answer) -> Check:
    """Given the 10 ``outputs`` of a network, which digit does it predict?"""
    if _missing(answer):
        return Check(False, "no answer yet")
    outputs = np.asarray(outputs, dtype=float).ravel()
    value = _number(answer)
    expected = int(np.argmax(outputs))
    if _close(value, expected):
        return _report(True, f"Output node {expected} is the most active ({outputs[expected]:.3f}).", "")
    if _close(value, float(outputs.max()), tol=1e-3):
        return _report(False, "", "That is the largest output's value. The prediction is its position: "
                                  "which node (0-9) holds it?")
    return _report(False, "", "Find the largest of the 10 outputs (np.argmax does it); its node number "
                              "is the prediction.")


# ---- chapter 2: a single node -----------------------------------------------
def check_line_fit(w, b, x, y, within=0.10) -> Check:
    """Is the line ``y = w x + b`` close to the best fit: its error at most 10 % above the least error?"""
    if _missing(w, b):
        return Check(False, "no answer yet")
    w, b = _number(w), _number(b)
    if w is None or b is None:
        return _report(False, "", "w and b must be single numbers, e.g. the values of your sliders.")
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    best_w, best_b = best_fit_line(x, y)
    error = mean_squared_error(y, w * x + b)
    least = mean_squared_error(y, best_w * x + best_b)
    if error <= least * (1.0 + within):
        return _report(True, f"Your error {error:.2f} is within {within:.0%} of the least possible, "
                             f"{least:.2f}.", "")
    centre = float(x.mean())
    if abs(w - best_w) > 0.5:
        hint = f"The line is too {'steep' if w > best_w else 'flat'}: try a {'smaller' if w > best_w else 'larger'} w."
    elif w * centre + b > best_w * centre + best_b:
        hint = "The slope is about right, but the line runs too high: lower b."
    else:
        hint = "The slope is about right, but the line runs too low: raise b."
    return _report(False, "", f"Your error is {error:.2f}; the least possible is {least:.2f}. {hint}")


def check_intercept(answer) -> Check:
    """Where does the line y = 0.5 x + 3 cross the y axis (the value of y there)?"""
    if _missing(answer):
        return Check(False, "no answer yet")
    value = _number(answer)
    if _close(value, 3.0):
        return _report(True, "At x = 0 the slope term vanishes, so y = b = 3.", "")
    if _close(value, -6.0):
        return _report(False, "", "That is where it crosses the x axis (y = 0). Set x = 0 instead.")
    return _report(False, "", "The y axis is where x = 0: what is 0.5 x 0 + 3?")


def check_neuron_output(answer) -> Check:
    """What does ``Neuron(w=2.5, b=-1)`` return for the input ``x = 4``?"""
    if _missing(answer):
        return Check(False, "no answer yet")
    value = _number(answer)
    w, b, x = 2.5, -1.0, 4.0
    expected = w * x + b
    if _close(value, expected):
        return _report(True, f"v = w x + b = 2.5 x 4 - 1 = {expected:g}.", "")
    if _close(value, w * (x + b)):
        return _report(False, "", "Multiply first, then add the bias: v = w x + b, not w (x + b).")
    if _close(value, w * x):
        return _report(False, "", "That is the weighted input w x; now add the bias b.")
    return _report(False, "", "Compute v = w x + b with w = 2.5, b = -1 and x = 4.")


# ---- chapter 3: more inputs --------------------------------------------------
WEIGHTED_SUM_X = (2.0, -1.0, 0.5)
WEIGHTED_SUM_W = (0.5, 3.0, -2.0)
WEIGHTED_SUM_B = 1.0


def check_weighted_sum(answer) -> Check:
    """The node's output v for x = (2, -1, 0.5), w = (0.5, 3, -2) and b = 1."""
    if _missing(answer):
        return Check(False, "no answer yet")
    value = _number(answer)
    products = np.multiply(WEIGHTED_SUM_X, WEIGHTED_SUM_W)
    expected = float(products.sum() + WEIGHTED_SUM_B)
    if _close(value, expected):
        terms = " + ".join(f"({p:g})" for p in products)
        return _report(True, f"v = {terms} + 1 = {expected:g}.", "")
    if _close(value, float(products.sum())):
        return _report(False, "", "That is the sum of the weighted inputs: add the bias b = 1.")
    return _report(False, "", "Multiply each input by its own weight, add the three products, then add b. "
                              "Watch the signs.")


def check_parameter_count(answer) -> Check:
    """How many numbers (weights and bias) does one node with 17 inputs have?"""
    if _missing(answer):
        return Check(False, "no answer yet")
    value = _number(answer)
    if _close(value, 18):
        return _report(True, "17 weights, one per input, plus one bias: 18.", "")
    if _close(value, 17):
        return _report(False, "", "One weight per input gives 17; do not forget the bias.")
    return _report(False, "", "Each input has its own weight, and the node has one bias.")


PLANE_POINTS = {(0.0, 0.0): 1.0, (1.0, 0.0): 3.0, (0.0, 1.0): 0.0}


def check_plane(w1, w2, b) -> Check:
    """Find the plane v = w1 x1 + w2 x2 + b through v(0, 0) = 1, v(1, 0) = 3 and v(0, 1) = 0."""
    if _missing(w1, w2, b):
        return Check(False, "no answer yet")
    values = [_number(v) for v in (w1, w2, b)]
    if any(v is None for v in values):
        return _report(False, "", "w1, w2 and b must be single numbers.")
    w1, w2, b = values
    misses = []
    for (x1, x2), v in PLANE_POINTS.items():
        got = w1 * x1 + w2 * x2 + b
        if not _close(got, v, tol=0.051):
            misses.append(f"at ({x1:g}, {x2:g}) your plane is {got:.2f}, not {v:g}")
    if not misses:
        return _report(True, "The plane passes through all three points: b is the height at (0, 0), "
                             "w1 and w2 the rise along each input.", "")
    return _report(False, "", "; ".join(misses) + ". Start with b (the height at x1 = x2 = 0), "
                              "then w1 (how much v rises from x1 = 0 to 1), then w2.")


# ---- chapter 4: nonlinearity -------------------------------------------------
def collapse_exercise():
    """The two linear layers of the exercise: ``W1, b1, W2, b2`` (3 inputs -> 2 -> 2)."""
    W1 = np.array([[1.0, -1.0], [0.5, 2.0], [0.0, 1.0]])
    b1 = np.array([1.0, 0.0])
    W2 = np.array([[2.0, 0.0], [1.0, -1.0]])
    b2 = np.array([0.5, 0.5])
    return W1, b1, W2, b2


def check_collapsed_layer(W, b) -> Check:
    """The single layer ``(W, b)`` that does what the two layers of :func:`collapse_exercise` do."""
    if _missing(W, b):
        return Check(False, "no answer yet")
    W1, b1, W2, b2 = collapse_exercise()
    W_expected, b_expected = W1 @ W2, b1 @ W2 + b2
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    if W.shape != W_expected.shape:
        return _report(False, "", f"W must have shape {W_expected.shape} (3 inputs, 2 outputs), got {W.shape}. "
                                  "With rows as samples the first layer's matrix comes first: W1 @ W2.")
    W_ok = np.allclose(W, W_expected)
    b_ok = b.shape == b_expected.shape and np.allclose(b, b_expected)
    if W_ok and b_ok:
        return _report(True, "Two linear layers are one linear layer: W = W1 @ W2, b = b1 @ W2 + b2.", "")
    if not W_ok:
        return _report(False, "", "W is not right yet: (x @ W1 + b1) @ W2 = x @ (W1 @ W2) + ...")
    return _report(False, "", "W is right; b is not yet: the first bias also passes through W2, "
                              "so b = b1 @ W2 + b2.")


def check_sigmoid_midpoint(answer) -> Check:
    """At which x is sigma(2 x - 3) exactly 0.5?"""
    if _missing(answer):
        return Check(False, "no answer yet")
    value = _number(answer)
    w, b = 2.0, -3.0
    expected = -b / w
    if _close(value, expected) and _close(sigmoid(w * value + b), 0.5):
        return _report(True, f"sigma(v) = 0.5 exactly when v = 0: 2 x - 3 = 0 gives x = {expected:g}.", "")
    if _close(value, -expected):
        return _report(False, "", "Check the sign: solve 2 x - 3 = 0.")
    return _report(False, "", "sigma(0) = 0.5, so find the x that makes the weighted sum 2 x - 3 zero.")


# ---- chapters 5-8 ----
def check_chance_accuracy(answer) -> Check:
    """Chapter 5: what accuracy does guessing give on 10 equally common digits (a fraction, 0 to 1)?"""
    if _missing(answer):
        return Check(False, "no answer yet")
    value = _number(answer)
    if _close(value, 0.1):
        return _report(True, "One right in ten: 1 / 10 = 0.1, what the untrained network gets.", "")
    if _close(value, 10.0):
        return _report(False, "", "Give a fraction between 0 and 1, not a percentage: 10 % is 0.1.")
    return _report(False, "", "There are 10 digits, each as common as the others: how often is a blind guess right?")


def check_untrained_accuracy(answer, seed=1) -> Check:
    """Chapter 5: the test accuracy of ``Network([256, 64, 10], seed=seed)`` before any training."""
    if _missing(answer):
        return Check(False, "no answer yet")
    from .data import load_digits
    from .network import Network

    _, _, X_test, y_test = load_digits()
    expected = Network([256, 64, 10], seed=seed).accuracy(X_test, y_test)
    value = _number(answer)
    if _close(value, expected, tol=1e-3):
        return _report(True, f"{expected:.3f}: close to the 0.1 of guessing, as for seed 0.", "")
    return _report(False, "", f"Build the network with seed={seed}, then call net.accuracy(X_test, y_test).")


def check_slope(answer, w=5.0, actual=3.0) -> Check:
    """Chapter 6: the slope of E(w) = 1/2 (actual - w)^2 at ``w`` (default w = 5, actual = 3)."""
    if _missing(answer):
        return Check(False, "no answer yet")
    value = _number(answer)
    expected = w - actual
    if _close(value, expected):
        return _report(True, f"E'(w) = w - actual = {w:g} - {actual:g} = {expected:g}: positive, "
                             "so downhill is to the left.", "")
    if _close(value, -expected):
        return _report(False, "", "Check the sign: the error grows as w moves away from actual, "
                                  "so right of the bottom the slope is positive.")
    if _close(value, 2 * expected):
        return _report(False, "", "The 1/2 in front cancels the 2 from the square: E'(w) = w - actual.")
    return _report(False, "", "Differentiate 1/2 (actual - w)^2 with respect to w (or read the tangent's slope "
                              "from the slider).")


def check_descent_step(answer, w=0.0, actual=3.0, learning_rate=0.5) -> Check:
    """Chapter 6: one gradient-descent step on the parabola from ``w`` (default 0, actual 3, rate 0.5)."""
    if _missing(answer):
        return Check(False, "no answer yet")
    value = _number(answer)
    slope = w - actual
    expected = w - learning_rate * slope
    if _close(value, expected):
        return _report(True, f"w - learning_rate x slope = {w:g} - {learning_rate:g} x ({slope:g}) "
                             f"= {expected:g}: halfway to the bottom.", "")
    if _close(value, w + learning_rate * slope):
        return _report(False, "", "You stepped uphill: the step goes against the slope (minus sign).")
    return _report(False, "", "The new w is w - learning_rate x E'(w), with E'(w) = w - actual.")


def check_learning_rates(converging, diverging, steps=40) -> Check:
    """Chapter 6: a learning rate that converges in ``steps`` steps on the line fit, and one that diverges.

    Uses the notebook's set-up: ``study_hours()``, hours centred on 5.6, start (-4, 40).
    """
    if _missing(converging, diverging):
        return Check(False, "no answer yet")
    from .animation import describe_descent, line_descent
    from .data import study_hours

    rates = [_number(converging), _number(diverging)]
    if any(r is None or r <= 0 for r in rates):
        return _report(False, "", "Both answers must be positive numbers, e.g. 0.1.")
    hours, scores = study_hours()
    status = []
    for lr in rates:
        path, diverged = line_descent(hours, scores, (-4.0, 40.0), lr, steps, center=5.6)
        status.append(describe_descent(path, diverged, hours, scores, center=5.6))
    if status == ["converged", "diverged"]:
        return _report(True, f"{rates[0]:g} converges and {rates[1]:g} diverges. The border lies at "
                             f"2 / var(hours) = {2 / hours.var():.3f}.", "")
    hints = []
    if status[0] != "converged":
        hints.append(f"{rates[0]:g} is {status[0]}" + (": try a larger one." if status[0] == "crawling"
                                                         else ": try a smaller one."))
    if status[1] != "diverged":
        hints.append(f"{rates[1]:g} is {status[1]}: try a larger one.")
    return _report(False, "", " ".join(hints))


def check_weight_update(answer, weight=0.8, gradient=-0.25, learning_rate=2.0) -> Check:
    """Chapter 7: W(k+1) for W(k) = ``weight``, gradient ``gradient`` and ``learning_rate``."""
    if _missing(answer):
        return Check(False, "no answer yet")
    value = _number(answer)
    expected = weight - learning_rate * gradient
    if _close(value, expected):
        return _report(True, f"W(k+1) = {weight:g} - {learning_rate:g} x ({gradient:g}) = {expected:g}: "
                             "a negative gradient makes the weight grow.", "")
    if _close(value, weight + learning_rate * gradient):
        return _report(False, "", "Subtract learning_rate x gradient: the weight moves against the gradient.")
    return _report(False, "", "W(k+1) = W(k) - learning_rate x gradient.")


def check_output_delta(answer, y=0.8, target=1.0) -> Check:
    """Chapter 7: dE/dv for a sigmoid output node with output ``y`` and target ``target``.

    E = 1/2 (target - y)^2 and y = sigma(v), so dE/dv = (y - target) y (1 - y).
    """
    if _missing(answer):
        return Check(False, "no answer yet")
    value = _number(answer)
    expected = (y - target) * y * (1 - y)
    if _close(value, expected):
        return _report(True, f"dE/dy x dy/dv = ({y - target:g}) x {y:g} x {1 - y:g} = {expected:g}.", "")
    if _close(value, y - target):
        return _report(False, "", "That is dE/dy; multiply by the sigmoid's slope dy/dv = y (1 - y).")
    if _close(value, -expected):
        return _report(False, "", "Check the sign: dE/dy = y - target.")
    return _report(False, "", "Chain rule: dE/dv = dE/dy x dy/dv, with dE/dy = y - target and dy/dv = y (1 - y).")


def check_most_confused(true_digit, predicted_digit, matrix) -> Check:
    """Chapter 7: the (true digit, predicted digit) pair the network mixes up most often.

    ``matrix`` is the confusion matrix of the notebook; its largest cell off
    the diagonal is the answer (any of them, if several tie).
    """
    if _missing(true_digit, predicted_digit):
        return Check(False, "no answer yet")
    matrix = np.asarray(matrix)
    off = matrix.copy()
    np.fill_diagonal(off, -1)
    i, j = _number(true_digit), _number(predicted_digit)
    if i is None or j is None or not (0 <= i < len(matrix) and 0 <= j < len(matrix)):
        return _report(False, "", "Give two digits 0-9: the true digit (row) and the predicted one (column).")
    i, j = int(i), int(j)
    if i != j and off[i, j] == off.max():
        return _report(True, f"{off[i, j]} digits labelled {i} were read as {j}: the largest mistake.", "")
    if off[j, i] == off.max() and i != j:
        return _report(False, "", "Swapped: rows are the true digits, columns the predictions.")
    if i == j:
        return _report(False, "", "The diagonal holds the right answers; look off the diagonal.")
    return _report(False, "", f"Row {i}, column {j} holds {off[i, j]}; find the largest number off the diagonal.")


def check_network_size(answer, layer_sizes=(256, 64, 10)) -> Check:
    """Chapter 8: how many weights and biases does ``Network(layer_sizes)`` have in all?"""
    if _missing(answer):
        return Check(False, "no answer yet")
    value = _number(answer)
    pairs = list(zip(layer_sizes[:-1], layer_sizes[1:]))
    weights = sum(a * b for a, b in pairs)
    biases = sum(layer_sizes[1:])
    if _close(value, weights + biases):
        return _report(True, f"{weights} weights and {biases} biases: {weights + biases} numbers to learn.", "")
    if _close(value, weights):
        return _report(False, "", "Those are the weights; every node after the input layer also has a bias.")
    return _report(False, "", "Each layer has inputs x outputs weights (the shape of W) and one bias per output.")
