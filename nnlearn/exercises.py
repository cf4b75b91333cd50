"""Exercises that check themselves: call ``check_...`` with your answer.

Each checker prints "Right!" with a short reason, or "Not yet." with a hint
that points at the usual slip, and returns ``True`` or ``False``.  Calling it
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


def _report(ok: bool, success: str, hint: str) -> bool:
    print(f"{RIGHT} {success}" if ok else f"{NOT_YET} {hint}")
    return ok


def _close(a, b, tol=1e-6) -> bool:
    return a is not None and abs(a - b) <= tol * max(1.0, abs(b))


# ---- chapter 1: the structure ------------------------------------------------
def check_input_nodes(answer) -> bool:
    """How many input nodes does a network need for a 28x28-pixel image?"""
    if _missing(answer):
        return False
    value = _number(answer)
    expected = 28 * 28
    if _close(value, expected):
        return _report(True, f"One input node per pixel: 28 x 28 = {expected}.", "")
    if _close(value, 28 + 28):
        return _report(False, "", "That is 28 + 28. Every pixel needs its own node: count all of them.")
    return _report(False, "", "Each pixel is one input node. How many pixels does a 28 x 28 grid have?")


def check_pixel_index(answer) -> bool:
    """Which input node (counted from 0) holds the pixel in row 2, column 5 (both counted from 0)?

    The 16x16 image is read row by row from the top left.
    """
    if _missing(answer):
        return False
    value = _number(answer)
    row, column = 2, 5
    expected = row * IMAGE_SHAPE[1] + column
    if _close(value, expected):
        return _report(True, f"Two full rows of 16 come first: 2 x 16 + 5 = {expected}.", "")
    if _close(value, column * IMAGE_SHAPE[1] + row):
        return _report(False, "", "You swapped row and column: rows are read one after another.")
    return _report(False, "", "Rows 0 and 1 (16 nodes each) come before row 2; then count 5 more along it.")


def check_prediction(outputs, answer) -> bool:
    """Given the 10 ``outputs`` of a network, which digit does it predict?"""
    if _missing(answer):
        return False
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
def check_line_fit(w, b, x, y, within=0.10) -> bool:
    """Is the line ``y = w x + b`` close to the best fit: its error at most 10 % above the least error?"""
    if _missing(w, b):
        return False
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


def check_intercept(answer) -> bool:
    """Where does the line y = 0.5 x + 3 cross the y axis (the value of y there)?"""
    if _missing(answer):
        return False
    value = _number(answer)
    if _close(value, 3.0):
        return _report(True, "At x = 0 the slope term vanishes, so y = b = 3.", "")
    if _close(value, -6.0):
        return _report(False, "", "That is where it crosses the x axis (y = 0). Set x = 0 instead.")
    return _report(False, "", "The y axis is where x = 0: what is 0.5 x 0 + 3?")


def check_neuron_output(answer) -> bool:
    """What does ``Neuron(w=2.5, b=-1)`` return for the input ``x = 4``?"""
    if _missing(answer):
        return False
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


def check_weighted_sum(answer) -> bool:
    """The node's output v for x = (2, -1, 0.5), w = (0.5, 3, -2) and b = 1."""
    if _missing(answer):
        return False
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


def check_parameter_count(answer) -> bool:
    """How many numbers (weights and bias) does one node with 17 inputs have?"""
    if _missing(answer):
        return False
    value = _number(answer)
    if _close(value, 18):
        return _report(True, "17 weights, one per input, plus one bias: 18.", "")
    if _close(value, 17):
        return _report(False, "", "One weight per input gives 17; do not forget the bias.")
    return _report(False, "", "Each input has its own weight, and the node has one bias.")


PLANE_POINTS = {(0.0, 0.0): 1.0, (1.0, 0.0): 3.0, (0.0, 1.0): 0.0}


def check_plane(w1, w2, b) -> bool:
    """Find the plane v = w1 x1 + w2 x2 + b through v(0, 0) = 1, v(1, 0) = 3 and v(0, 1) = 0."""
    if _missing(w1, w2, b):
        return False
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


def check_collapsed_layer(W, b) -> bool:
    """The single layer ``(W, b)`` that does what the two layers of :func:`collapse_exercise` do."""
    if _missing(W, b):
        return False
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


def check_sigmoid_midpoint(answer) -> bool:
    """At which x is sigma(2 x - 3) exactly 0.5?"""
    if _missing(answer):
        return False
    value = _number(answer)
    w, b = 2.0, -3.0
    expected = -b / w
    if _close(value, expected) and _close(sigmoid(w * value + b), 0.5):
        return _report(True, f"sigma(v) = 0.5 exactly when v = 0: 2 x - 3 = 0 gives x = {expected:g}.", "")
    if _close(value, -expected):
        return _report(False, "", "Check the sign: solve 2 x - 3 = 0.")
    return _report(False, "", "sigma(0) = 0.5, so find the x that makes the weighted sum 2 x - 3 zero.")
