"""The exercises that take a number, chapter by chapter (the ones that take code are in
:mod:`nnlearn.course.code_exercises`).  Learners call them through
:mod:`nnlearn.course.exercises`.

How a number checker is written: :mod:`nnlearn.course.checking` does what every checker
shares (the placeholder, the verdict, the hints and the solution), so a checker states only
its question (the docstring), its answer, its slips and its two hints.  It returns
:class:`~nnlearn.course.checking.Right` with the reason when the answer is right, or the
hint as a plain string; :func:`~nnlearn.course.checking.compare` does that for the usual
case of one number with a list of known slips.  Every verdict is written ``tr("...")`` (the
learner's language); the hints are translated when they are shown.
"""

from __future__ import annotations

import numpy as np

from ..data import IMAGE_SHAPE, load_digits
from ..language import tr
from ..linefit import CHAPTER_6, LineFit
from ..network import Network
from .checking import (
    Right,
    _close,
    compare,
    exercise,
)


# ---- chapter 1: the structure ------------------------------------------------
@exercise("answer", hints=(
    'Each pixel of the image becomes one input node.',
    'Count the pixels: 28 rows of 28 pixels each, 28 * 28.'))
def check_input_nodes(answer):
    """How many input nodes does a network need for a 28x28-pixel image?"""
    return compare(answer, 28 * 28, tr("One input node per pixel: 28 x 28 = {count}.").format(count=28 * 28),
                   [(28 + 28, tr("That is 28 + 28. Every pixel needs its own node: count all of them."))],
                   tr("Each pixel is one input node. How many pixels does a 28 x 28 grid have?"))


@exercise("answer", hints=(
    'The image is read row by row: all 16 pixels of row 0, then all of row 1, and so on.',
    'Two full rows come before row 2, then 5 more along it: 2 * 16 + 5.'))
def check_pixel_index(answer):
    """Which input node (counted from 0) holds the pixel in row 2, column 5 (both counted from 0)?

    The 16x16 image is read row by row from the top left.
    """
    row, column = 2, 5
    expected = row * IMAGE_SHAPE[1] + column
    return compare(answer, expected, tr("Two full rows of 16 come first: 2 x 16 + 5 = {index}.").format(index=expected),
                   [(column * IMAGE_SHAPE[1] + row,
                     tr("You swapped row and column: rows are read one after another."))],
                   tr("Rows 0 and 1 (16 nodes each) come before row 2; then count 5 more along it."))


@exercise("answer", hints=(
    "The network's answer is the output node that is most active.",
    'np.argmax(outputs) gives the position of the largest output.'))
def check_prediction(outputs, answer):
    """Given the 10 ``outputs`` of a network, which digit does it predict?"""
    outputs = np.asarray(outputs, dtype=float).ravel()
    expected = int(np.argmax(outputs))
    return compare(answer, expected, tr("Output node {node} is the most active ({value:.3f}).").format(
                       node=expected, value=outputs[expected]),
                   [(float(outputs.max()), tr("That is the largest output's value. The prediction is its position: "
                                              "which node (0-9) holds it?"))],
                   tr("Find the largest of the 10 outputs (np.argmax does it); its node number is the prediction."),
                   tol=1e-3)


# ---- chapter 2: a single node -----------------------------------------------
@exercise("w", "b", hints=(
    'Move one slider at a time: the slope w first, then the height b, watching the error shown.',
    'The best line has w close to 5 and b close to 47; nnlearn.best_fit_line(hours, scores) computes it.'))
def check_line_fit(w, b, x, y, within=0.10):
    """Is the line ``y = w x + b`` close to the best fit: its error at most 10 % above the least error?"""
    fit = LineFit(x, y)
    error, least = fit.loss((w, b)), fit.best_loss
    if error <= least * (1.0 + within):
        return Right(tr("Your error {error:.2f} is within {within:.0%} of the least possible, {least:.2f}.").format(
            error=error, within=within, least=least))
    best_w, best_b = fit.best
    centre = float(fit.hours.mean())
    if abs(w - best_w) > 0.5:
        hint = tr("The line is too steep: try a smaller w.") if w > best_w else \
            tr("The line is too flat: try a larger w.")
    elif w * centre + b > best_w * centre + best_b:
        hint = tr("The slope is about right, but the line runs too high: lower b.")
    else:
        hint = tr("The slope is about right, but the line runs too low: raise b.")
    return tr("Your error is {error:.2f}; the least possible is {least:.2f}. {hint}").format(
        error=error, least=least, hint=hint)


@exercise("answer", hints=(
    'The y axis is where x = 0.',
    'Put x = 0 into y = 0.5 x + 3.'))
def check_intercept(answer):
    """Where does the line y = 0.5 x + 3 cross the y axis (the value of y there)?"""
    return compare(answer, 3.0, tr("At x = 0 the slope term vanishes, so y = b = 3."),
                   [(-6.0, tr("That is where it crosses the x axis (y = 0). Set x = 0 instead."))],
                   tr("The y axis is where x = 0: what is 0.5 x 0 + 3?"))


@exercise("answer", hints=(
    'A neuron with one input computes v = w x + b.',
    '2.5 * 4 + (-1)'))
def check_neuron_by_hand(answer):
    """What does ``Neuron(w=2.5, b=-1)`` return for the input ``x = 4``?"""
    w, b, x = 2.5, -1.0, 4.0
    return compare(answer, w * x + b, f"v = w x + b = 2.5 x 4 - 1 = {w * x + b:g}.",
                   [(w * (x + b), tr("Multiply first, then add the bias: v = w x + b, not w (x + b).")),
                    (w * x, tr("That is the weighted input w x; now add the bias b."))],
                   tr("Compute v = w x + b with w = 2.5, b = -1 and x = 4."))


# ---- chapter 3: more inputs --------------------------------------------------
WEIGHTED_SUM_X = (2.0, -1.0, 0.5)
WEIGHTED_SUM_W = (0.5, 3.0, -2.0)
WEIGHTED_SUM_B = 1.0


@exercise("answer", hints=(
    'Multiply each input by its own weight, add the three products, then add the bias.',
    '2 * 0.5 + (-1) * 3 + 0.5 * (-2) + 1'))
def check_weighted_sum_by_hand(answer):
    """The node's output v for x = (2, -1, 0.5), w = (0.5, 3, -2) and b = 1."""
    products = np.multiply(WEIGHTED_SUM_X, WEIGHTED_SUM_W)
    expected = float(products.sum() + WEIGHTED_SUM_B)
    terms = " + ".join(f"({p:g})" for p in products)
    return compare(answer, expected, f"v = {terms} + 1 = {expected:g}.",
                   [(float(products.sum()), tr("That is the sum of the weighted inputs: add the bias b = 1."))],
                   tr("Multiply each input by its own weight, add the three products, then add b. Watch the signs."))


@exercise("answer", hints=(
    'One weight for each input, and one bias for the node.',
    '17 + 1'))
def check_parameter_count(answer):
    """How many numbers (weights and bias) does one node with 17 inputs have?"""
    return compare(answer, 18, tr("17 weights, one per input, plus one bias: 18."),
                   [(17, tr("One weight per input gives 17; do not forget the bias."))],
                   tr("Each input has its own weight, and the node has one bias."))


PLANE_POINTS = {(0.0, 0.0): 1.0, (1.0, 0.0): 3.0, (0.0, 1.0): 0.0}


@exercise("w1", "w2", "b", hints=(
    'At (0, 0) only b is left; going from x1 = 0 to 1 adds w1, going from x2 = 0 to 1 adds w2.',
    'b = 1, then w1 = 3 - 1 and w2 = 0 - 1.'))
def check_plane(w1, w2, b):
    """Find the plane v = w1 x1 + w2 x2 + b through v(0, 0) = 1, v(1, 0) = 3 and v(0, 1) = 0."""
    misses = [tr("at ({x1:g}, {x2:g}) your plane is {height:.2f}, not {v:g}").format(
                  x1=x1, x2=x2, height=w1 * x1 + w2 * x2 + b, v=v)
              for (x1, x2), v in PLANE_POINTS.items() if not _close(w1 * x1 + w2 * x2 + b, v, tol=0.051)]
    if not misses:
        return Right(tr("The plane passes through all three points: b is the height at (0, 0), "
                        "w1 and w2 the rise along each input."))
    return tr("; ").join(misses) + tr(". Start with b (the height at x1 = x2 = 0), "
                                      "then w1 (how much v rises from x1 = 0 to 1), then w2.")


# ---- chapter 4: nonlinearity -------------------------------------------------
def collapse_exercise():
    """The two linear layers of the exercise: ``W1, b1, W2, b2`` (3 inputs -> 2 -> 2)."""
    W1 = np.array([[1.0, -1.0], [0.5, 2.0], [0.0, 1.0]])
    b1 = np.array([1.0, 0.0])
    W2 = np.array([[2.0, 0.0], [1.0, -1.0]])
    b2 = np.array([0.5, 0.5])
    return W1, b1, W2, b2


@exercise("W", "b", numbers=False, hints=(
    'Write both layers as one expression, (x @ W1 + b1) @ W2 + b2, and multiply out the bracket.',
    'W = W1 @ W2 and b = b1 @ W2 + b2'))
def check_collapsed_layer(W, b):
    """The single layer ``(W, b)`` that does what the two layers of :func:`collapse_exercise` do."""
    W1, b1, W2, b2 = collapse_exercise()
    W_expected, b_expected = W1 @ W2, b1 @ W2 + b2
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    if W.shape != W_expected.shape:
        return tr("W must have shape {expected} (3 inputs, 2 outputs), got {got}. "
                  "With rows as samples the first layer's matrix comes first: W1 @ W2.").format(
                      expected=W_expected.shape, got=W.shape)
    if not np.allclose(W, W_expected):
        return tr("W is not right yet: (x @ W1 + b1) @ W2 = x @ (W1 @ W2) + ...")
    if b.shape != b_expected.shape or not np.allclose(b, b_expected):
        return tr("W is right; b is not yet: the first bias also passes through W2, so b = b1 @ W2 + b2.")
    return Right(tr("Two linear layers are one linear layer: W = W1 @ W2, b = b1 @ W2 + b2."))


@exercise("answer", hints=(
    'sigma(v) is 0.5 exactly where v = 0.',
    'Solve 2 x - 3 = 0 for x.'))
def check_sigmoid_midpoint(answer):
    """At which x is sigma(2 x - 3) exactly 0.5?"""
    w, b = 2.0, -3.0
    return compare(answer, -b / w, tr("sigma(v) = 0.5 exactly when v = 0: 2 x - 3 = 0 gives x = {x:g}.").format(
                       x=-b / w),
                   [(b / w, tr("Check the sign: solve 2 x - 3 = 0."))],
                   tr("sigma(0) = 0.5, so find the x that makes the weighted sum 2 x - 3 zero."))


# ---- chapters 5-8 ----
@exercise("answer", hints=(
    'A blind guess picks one of 10 digits, all equally common.',
    '1 / 10, as a fraction.'))
def check_chance_accuracy(answer):
    """Chapter 5: what accuracy does guessing give on 10 equally common digits (a fraction, 0 to 1)?"""
    return compare(answer, 0.1, tr("One right in ten: 1 / 10 = 0.1, what the untrained network gets."),
                   [(10.0, tr("Give a fraction between 0 and 1, not a percentage: 10 % is 0.1."))],
                   tr("There are 10 digits, each as common as the others: how often is a blind guess right?"))


@exercise("answer", hints=(
    'Build the network with seed=1 and measure it on the test digits.',
    'nnlearn.Network([256, 64, 10], seed=1).accuracy(X_test, y_test)'))
def check_untrained_accuracy(answer, seed=1):
    """Chapter 5: the test accuracy of ``Network([256, 64, 10], seed=seed)`` before any training."""
    _, _, X_test, y_test = load_digits()
    expected = Network([256, 64, 10], seed=seed).accuracy(X_test, y_test)
    return compare(answer, expected, tr("{accuracy:.3f}: close to the 0.1 of guessing, as for seed 0.").format(
                       accuracy=expected),
                   otherwise=tr("Build the network with seed={seed}, then call net.accuracy(X_test, y_test).").format(
                       seed=seed), tol=1e-3)


@exercise("answer", hints=(
    "Count how often the network gives each answer over the 1,000 test digits.",
    "np.bincount(net.predict(X_test), minlength=10) counts the answers; np.argmax of the counts is the digit."))
def check_favourite_guess(answer, seed=0):
    """Chapter 5: which digit does the untrained ``Network([256, 64, 10], seed=seed)`` answer most often?"""
    _, _, X_test, _ = load_digits()
    counts = np.bincount(Network([256, 64, 10], seed=seed).predict(X_test), minlength=10)
    expected = int(np.argmax(counts))
    return compare(answer, expected, tr("It answers {digit} for {count} of the {total} test digits, whatever the "
                                        "digit: random weights have favourites.").format(
                       digit=expected, count=counts[expected], total=counts.sum()),
                   [(float(counts[expected]), tr("That is how often it answers its favourite; which digit is it?"))],
                   tr("Count the network's answers over X_test (np.bincount of net.predict(X_test)) "
                      "and take the digit it gives most."))


@exercise("answer", hints=(
    'Differentiate E = 1/2 (actual - predicted)^2 with respect to the prediction, or read the tangent.',
    "E' = predicted - actual = 5 - 3"))
def check_slope(answer, predicted=5.0, actual=3.0):
    """Chapter 6: the slope of E = 1/2 (actual - predicted)^2 at ``predicted`` (default 5, actual 3)."""
    expected = predicted - actual
    return compare(answer, expected, tr("E' = predicted - actual = {predicted:g} - {actual:g} = {slope:g}: "
                                        "positive, so downhill is to the left.").format(
                       predicted=predicted, actual=actual, slope=expected),
                   [(-expected, tr("Check the sign: the error grows as the prediction moves away from actual, "
                                   "so right of the bottom the slope is positive.")),
                    (2 * expected, tr("The 1/2 in front cancels the 2 from the square: E' = predicted - actual."))],
                   tr("Differentiate 1/2 (actual - predicted)^2 with respect to the prediction "
                      "(or read the tangent's slope from the slider)."))


@exercise("answer", hints=(
    'One step: the new prediction is predicted - learning_rate x slope.',
    'The slope at 0 is 0 - 3 = -3, so 0 - 0.5 * (-3).'))
def check_descent_step_by_hand(answer, predicted=0.0, actual=3.0, learning_rate=0.5):
    """Chapter 6: one gradient-descent step on the parabola from ``predicted`` (default 0, actual 3, rate 0.5)."""
    slope = predicted - actual
    expected = predicted - learning_rate * slope
    return compare(answer, expected, tr("predicted - learning_rate x slope = {predicted:g} - {learning_rate:g} x "
                                        "({slope:g}) = {new:g}: halfway to the bottom.").format(
                       predicted=predicted, learning_rate=learning_rate, slope=slope, new=expected),
                   [(predicted + learning_rate * slope,
                     tr("You stepped uphill: the step goes against the slope (minus sign)."))],
                   tr("The new prediction is predicted - learning_rate x E', with E' = predicted - actual."))


@exercise("converging", "diverging", hints=(
    'Too small a rate crawls, too large a one overshoots and climbs out: move the slider and watch.',
    'The border is 2 / np.var(hours): take half of it for one answer and twice it for the other.'))
def check_learning_rates(converging, diverging, steps=CHAPTER_6.steps):
    """Chapter 6: a learning rate that converges in ``steps`` steps on the line fit, and one that diverges.

    Uses the notebook's set-up, :data:`nnlearn.linefit.CHAPTER_6`: its data and where descent starts.
    """
    rates = [converging, diverging]
    if min(rates) <= 0:
        return tr("Both answers must be positive numbers, e.g. 0.1.")
    fit = CHAPTER_6.fit()
    status = [fit.status(*fit.descend(CHAPTER_6.start, lr, steps)) for lr in rates]
    if status == ["converged", "diverged"]:
        return Right(tr("{converging:g} converges and {diverging:g} diverges. The border lies at "
                        "2 / var(hours) = {border:.3f}.").format(converging=rates[0], diverging=rates[1],
                                                                 border=2 / fit.hours.var()))
    advice = {"crawling": tr("{rate:g} is crawling: try a larger one."),
              "converged": tr("{rate:g} is converged: try a larger one."),
              "diverged": tr("{rate:g} is diverged: try a smaller one.")}
    wrong = [(rate, state) for rate, state, wanted in zip(rates, status, ["converged", "diverged"]) if state != wanted]
    return " ".join(advice[state].format(rate=rate) for rate, state in wrong)


@exercise("answer", hints=(
    'W(k+1) = W(k) - learning_rate x gradient.',
    '0.8 - 2 * (-0.25)'))
def check_weight_update(answer, weight=0.8, gradient=-0.25, learning_rate=2.0):
    """Chapter 7: W(k+1) for W(k) = ``weight``, gradient ``gradient`` and ``learning_rate``."""
    expected = weight - learning_rate * gradient
    return compare(answer, expected, tr("W(k+1) = {weight:g} - {learning_rate:g} x ({gradient:g}) = {new:g}: "
                                        "a negative gradient makes the weight grow.").format(
                       weight=weight, learning_rate=learning_rate, gradient=gradient, new=expected),
                   [(weight + learning_rate * gradient,
                     tr("Subtract learning_rate x gradient: the weight moves against the gradient."))],
                   tr("W(k+1) = W(k) - learning_rate x gradient."))


@exercise("answer", hints=(
    'Chain rule: dE/dv = dE/dy x dy/dv.',
    '(0.8 - 1) * 0.8 * (1 - 0.8)'))
def check_output_delta(answer, y=0.8, target=1.0):
    """Chapter 7: dE/dv for a sigmoid output node with output ``y`` and target ``target``.

    E = 1/2 (target - y)^2 and y = sigma(v), so dE/dv = (y - target) y (1 - y).
    """
    expected = (y - target) * y * (1 - y)
    return compare(answer, expected, f"dE/dy x dy/dv = ({y - target:g}) x {y:g} x {1 - y:g} = {expected:g}.",
                   [(y - target, tr("That is dE/dy; multiply by the sigmoid's slope dy/dv = y (1 - y).")),
                    (-expected, tr("Check the sign: dE/dy = y - target."))],
                   tr("Chain rule: dE/dv = dE/dy x dy/dv, with dE/dy = y - target and dy/dv = y (1 - y)."))


@exercise("answer", hints=(
    "A row of the confusion matrix is one true digit; the numbers off the diagonal are its mistakes.",
    "matrix.sum(axis=1) - np.diag(matrix) counts each digit's mistakes; np.argmax finds the most."))
def check_hardest_digit(answer, matrix):
    """Chapter 7: which true digit does the network get wrong most often (the most mistakes in its row)?

    ``matrix`` is the confusion matrix of the notebook: rows are true digits, columns answers.
    If several digits tie, each of them is right, and the verdict says so.
    """
    matrix = np.asarray(matrix)
    mistakes = matrix.sum(axis=1) - np.diag(matrix)
    most = int(mistakes.max())
    hardest = [int(d) for d in np.flatnonzero(mistakes == most)]
    if not (0 <= answer < len(matrix)) or answer != int(answer):
        return tr("Give one digit, 0-9: a row of the matrix.")
    digit = int(answer)
    if digit in hardest:
        tied = [d for d in hardest if d != digit]
        also = (tr(" ({digits} ties with it.)") if len(tied) == 1 else tr(" ({digits} tie with it.)")).format(
            digits=", ".join(map(str, tied))) if tied else ""
        return Right(tr("{count} of the digits labelled {digit} were read as something else: "
                        "the most of any digit.{also}").format(count=most, digit=digit, also=also))
    if digit == int(np.argmin(mistakes)):
        return tr("Digit {digit} has the fewest mistakes ({count}); look for the most.").format(
            digit=digit, count=mistakes[digit])
    wrongly_answered = matrix.sum(axis=0) - np.diag(matrix)
    if digit == int(np.argmax(wrongly_answered)):
        return tr("The network answers {digit} wrongly most often (its column); the question is about the "
                  "true digit, a row.").format(digit=digit)
    return tr("Digit {digit} was misread {count} times; one digit has more mistakes in its row.").format(
        digit=digit, count=mistakes[digit])


@exercise("answer", hints=(
    'Each layer has one weight per (input, output) pair, the shape of W, and one bias per output.',
    '256 * 64 + 64 + 64 * 10 + 10'))
def check_network_size(answer, layer_sizes=(256, 64, 10)):
    """Chapter 8: how many weights and biases does ``Network(layer_sizes)`` have in all?"""
    weights = sum(a * b for a, b in zip(layer_sizes[:-1], layer_sizes[1:]))
    biases = sum(layer_sizes[1:])
    right = tr("{weights} weights and {biases} biases: {total} numbers to learn.")
    return compare(answer, weights + biases, right.format(weights=weights, biases=biases, total=weights + biases),
                   [(weights, tr("Those are the weights; every node after the input layer also has a bias."))],
                   tr("Each layer has inputs x outputs weights (the shape of W) and one bias per output."))


@exercise("answer", hints=(
    "Train a fresh Network([256, 32, 10], seed=0) on the first 100 training digits only, then measure it "
    "on the test digits.",
    "small = nnlearn.Network([256, 32, 10], seed=0); small.fit(X_train[:100], y_train[:100], epochs=200); "
    "small.accuracy(X_test, y_test)"))
def check_small_data(answer, digits=100, epochs=200):
    """Chapter 8: the test accuracy of ``Network([256, 32, 10], seed=0)`` trained on the first ``digits``
    training digits for ``epochs`` epochs (the default batch size and learning rate)."""
    X_train, y_train, X_test, y_test = load_digits()
    small = Network([256, 32, 10], seed=0)
    small.fit(X_train[:digits], y_train[:digits], epochs=epochs)
    expected = small.accuracy(X_test, y_test)
    trained = small.accuracy(X_train[:digits], y_train[:digits])
    return compare(answer, expected, tr("{accuracy:.3f} on the test digits after training on {digits}, though it "
                                        "gets {trained:.0%} of its own training digits: it learned them, not digits "
                                        "in general.").format(accuracy=expected, digits=digits, trained=trained),
                   [(trained, tr("That is the accuracy on the digits it trained on; measure it on X_test, y_test."))],
                   tr("Train a fresh Network([256, 32, 10], seed=0) on X_train[:{digits}] for {epochs} epochs "
                      "with the default settings, then call .accuracy(X_test, y_test).").format(
                       digits=digits, epochs=epochs), tol=1e-3)
