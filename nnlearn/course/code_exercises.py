"""Exercises that take code: you write the function a chapter explained, a checker runs it.

Each ``check_NAME(your_function)`` runs your function on hidden cases (ordinary values,
edge cases, shapes) and compares it with what nnlearn's own function gives.  It says
which kind of case failed, and names the slip when your function does what a usual
wrong version does.  ``exercises.hint("NAME")``, ``exercises.hint("NAME", level=2)`` and
``exercises.solution("NAME")`` help when you are stuck.

An exercise here is only its question (the docstring), its cases, its slips with their
hints, its two hints and its solution (in ``_solutions.py``); :func:`code_exercise` does
the rest.  The cases are made from fixed seeds, so every message is the same every run.  The
texts here (kinds of cases, hints, ``right``) are shown in the learner's language by
:mod:`~nnlearn.course.checking` (entries in ``nnlearn/translations/zh_course.py``).
"""

from __future__ import annotations

import numpy as np

from ..activations import sigmoid as _sigma
from ..activations import sigmoid_derivative as _sigma_slope
from ..descent import gradient_descent
from ..linefit import CHAPTER_6
from ..network import Layer, Network
from ..neuron import Neuron
from .checking import Case, Slip, code_exercise


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


# ---- chapter 2: a neuron's output --------------------------------------------------
check_neuron_output = code_exercise(
    "neuron_output",
    question="Chapter 2: check your ``neuron_output(x, w, b)``, the output v = w x + b of a node.",
    reference=lambda x, w, b: Neuron(w, b)(x),
    cases=[
        Case("one input", (4.0, 2.5, -1.0)),
        Case("several samples at once (x an array)", (np.array([0.0, 1.0, 2.0, 5.0]), 0.5, 2.0),
             "x may be an array, one value per sample: w * x + b works on the whole array at once."),
        Case("a negative weight", (3.0, -2.0, 0.5)),
        Case("a zero weight", (7.0, 0.0, 1.5), "With w = 0 the output is the bias alone."),
    ],
    slips=[
        Slip(lambda x, w, b: w * x, "You forgot the bias: v = w x + b."),
        Slip(lambda x, w, b: w * (x + b), "Multiply first, then add the bias: w * x + b, not w * (x + b)."),
        Slip(lambda x, w, b: w * x - b, "Check the sign of the bias: it is added, v = w x + b."),
        Slip(lambda x, w, b: b * x + w, "You swapped w and b: the weight multiplies x, the bias is added."),
    ],
    hints=("A node with one input is the line of chapter 2: the input times the weight, plus the bias.",
           "The body is one line: return w * x + b"),
    right="It is what nnlearn.Neuron(w, b)(x) computes.",
)


# ---- chapter 3: a node's weighted sum as a dot product --------------------------------
def _batch(seed: int, rows: int, inputs: int):
    rng = _rng(seed)
    return rng.normal(size=(rows, inputs)), rng.normal(size=inputs), float(rng.normal())


def _sample(seed: int, inputs: int):
    x, w, b = _batch(seed, 1, inputs)
    return x[0], w, b


check_weighted_sum = code_exercise(
    "weighted_sum",
    question="Chapter 3: check your ``weighted_sum(x, w, b)``, v = sum_i x_i w_i + b for one sample or a batch.",
    reference=lambda x, w, b: Neuron(w, b).weighted_sum(x),
    cases=[
        Case("one sample with three inputs", (np.array([2.0, -1.0, 0.5]), np.array([0.5, 3.0, -2.0]), 1.0)),
        Case("a batch of 4 samples, one per row", _batch(1, 4, 3),
             "With x of shape (n, i) there is one weighted sum per row: x @ w gives all n of them."),
        Case("a batch of one", _batch(2, 1, 3),
             "A batch of one is still a batch: x of shape (1, i) gives one weighted sum, shape (1,)."),
        Case("one sample with 256 inputs", _sample(3, 256)),
    ],
    slips=[
        Slip(lambda x, w, b: x @ w, "You forgot the bias b: v = x @ w + b."),
        Slip(lambda x, w, b: np.sum(x * w) + b,
             "np.sum(x * w) adds up every number of a batch: sum over the inputs only, "
             "np.sum(x * w, axis=-1), or write x @ w."),
        Slip(lambda x, w, b: np.sum(x * w + b, axis=-1),
             "The bias is added once per node, not once per input: add b after the sum."),
        Slip(lambda x, w, b: x @ w - b, "Check the sign of the bias: v = x @ w + b."),
    ],
    hints=("Multiply each input by its own weight, add the products, then add the bias once. "
           "A dot product does the first two steps in one go, for one sample or for every row of a batch.",
           "The body is one line: return x @ w + b"),
    right="It is what nnlearn.Neuron(w, b).weighted_sum(x) computes.",
)


# ---- chapter 4: the sigmoid and its slope --------------------------------------------
STABLE = ("At v = -1000, np.exp(-v) is e^1000, larger than any float. Use e^(-|v|), which is "
          "never above 1: z = np.exp(-np.abs(v)), then 1 / (1 + z) where v >= 0 and z / (1 + z) where v < 0 "
          "(the same number, written for negative v): np.where(v >= 0, 1 / (1 + z), z / (1 + z)).")
_ORDINARY = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
_LARGE = np.array([-1000.0, 1000.0])
_GRID = np.linspace(-6.0, 6.0, 12).reshape(3, 4)
_SIGMOID_CASES = [
    Case("ordinary values", (_ORDINARY,),
         "v is a numpy array here: compute elementwise with numpy (np.exp works on arrays, math.exp does not)."),
    Case("one number", (0.3,)),
    Case("large inputs, v = -1000 and 1000", (_LARGE,), STABLE),
    Case("a 2-D array of values", (_GRID,), "v may have any shape: use numpy functions that work elementwise."),
]

check_sigmoid = code_exercise(
    "sigmoid",
    question="Chapter 4: check your ``sigmoid(v)``, 1 / (1 + e^(-v)) elementwise, safe for large inputs.",
    reference=_sigma,
    cases=_SIGMOID_CASES,
    slips=[
        Slip(lambda v: 1 / (1 + np.exp(-v)),
             "The formula is right; only its form fails. " + STABLE),
        Slip(lambda v: 1 / (1 + np.exp(v)),
             "Check the sign in the exponent: sigma(v) = 1 / (1 + e^(-v)), which grows with v."),
        Slip(lambda v: 1 / 1 + np.exp(-v),
             "Mind the brackets: 1 / 1 + np.exp(-v) is 1 + e^(-v); the whole 1 + e^(-v) is the denominator."),
        Slip(np.tanh, "That is tanh, another S-shaped curve; the sigmoid is 1 / (1 + e^(-v)), between 0 and 1."),
    ],
    hints=("sigma(v) = 1 / (1 + e^(-v)). Write it with numpy so it works on arrays, then make sure it "
           "survives v = -1000, where e^(-v) is too large for a float.",
           "z = np.exp(-np.abs(v)), then return np.where(v >= 0, 1 / (1 + z), z / (1 + z))"),
    right="It is nnlearn.sigmoid, overflow-free at v = -1000 too.",
)

check_sigmoid_derivative = code_exercise(
    "sigmoid_derivative",
    question="Chapter 4: check your ``sigmoid_derivative(v)``, sigma(v) (1 - sigma(v)).",
    reference=_sigma_slope,
    cases=_SIGMOID_CASES,
    slips=[
        Slip(lambda v: v * (1 - v),
             "You took the slope from v instead of from y: y (1 - y) holds for the output y = sigma(v), "
             "so compute y = sigmoid(v) first."),
        Slip(lambda v: _sigma(v), "That is sigma(v) itself; its slope is sigma(v) (1 - sigma(v))."),
        Slip(lambda v: _sigma(v) * (1 + _sigma(v)), "It is 1 - sigma(v), not 1 + sigma(v): sigma(v) (1 - sigma(v))."),
        Slip(lambda v: -_sigma(v) * (1 - _sigma(v)),
             "Check the sign: the sigmoid rises everywhere, so its slope is positive."),
        Slip(lambda v: np.exp(-v) / (1 + np.exp(-v)) ** 2,
             "The formula is right, but np.exp(-v) overflows at v = -1000. Use a stable sigmoid, "
             "y = nnlearn.sigmoid(v), and return y * (1 - y)."),
    ],
    hints=("The sigmoid's slope is written with its own output: sigma'(v) = sigma(v) (1 - sigma(v)). "
           "It is largest, 1/4, at v = 0.",
           "y = nnlearn.sigmoid(v) (or your own stable sigmoid), then return y * (1 - y)"),
    right="It is nnlearn.sigmoid_derivative.",
)


# ---- chapter 5: the most active output is the answer ----------------------------------
def _outputs(seed: int, rows: int, outputs: int = 10) -> np.ndarray:
    """The outputs of a small untrained nnlearn network for random inputs."""
    net = Network([4, outputs], seed=seed)
    return net.forward(_rng(seed).normal(size=(rows, 4)))


check_predict = code_exercise(
    "predict",
    question="Chapter 5: check your ``predict(outputs)``, the most active output of each row (sample).",
    reference=lambda outputs: np.argmax(outputs, axis=1),  # what Network.predict does with forward's outputs
    cases=[
        Case("the outputs for 6 digits", (_outputs(1, 6),)),
        Case("a batch of one", (_outputs(2, 1),),
             "A batch of one is still a batch: outputs of shape (1, 10) give one answer, shape (1,)."),
        Case("outputs that can be negative", (_rng(3).normal(size=(5, 10)),),
             "The answer is the position of the largest output, whatever its sign."),
        Case("three output nodes instead of ten", (_outputs(4, 4, outputs=3),),
             "Do not count on 10 outputs: take the position of the largest in each row, however long."),
    ],
    slips=[
        Slip(lambda outputs: np.argmax(outputs),
             "np.argmax without axis= looks for the largest number of the whole batch; "
             "axis=1 looks in each row, one row per sample."),
        Slip(lambda outputs: np.max(outputs, axis=1),
             "That is the largest output's value; the answer is its position (np.argmax)."),
        Slip(lambda outputs: np.argmax(outputs, axis=0),
             "axis=0 runs down each column, one output node across the samples; a sample is a row: axis=1."),
        Slip(lambda outputs: np.argmin(outputs, axis=1),
             "That is the least active output; the answer is the most active."),
    ],
    hints=("Each row holds one sample's outputs; the answer for that sample is the number (position) "
           "of its most active output node.",
           "return np.argmax(outputs, axis=1)"),
    right="It is what Network.predict does with the outputs of forward.",
)


# ---- chapter 6: one descent step, then a descent loop ---------------------------------
def _step(point, slope, learning_rate):
    if learning_rate == 0:
        return np.asarray(point, dtype=float)  # gradient_descent wants a positive rate; a zero step stays put
    return gradient_descent(lambda _: slope, point, learning_rate, 1)[-1]


check_descent_step = code_exercise(
    "descent_step",
    question="Chapter 6: check your ``descent_step(point, slope, learning_rate)``, one step downhill.",
    reference=_step,
    cases=[
        Case("a step on the parabola", (0.0, -3.0, 0.5)),
        Case("a point with two coordinates (w, b)", (np.array(CHAPTER_6.start), np.array([-12.0, 3.5]), 0.1),
             "point and slope may be arrays, one entry per weight: the same line works on whole arrays."),
        Case("a learning rate of zero", (2.5, 1.0, 0.0), "With learning_rate = 0 the point does not move."),
        Case("a negative slope", (1.0, -2.0, 0.25)),
    ],
    slips=[
        Slip(lambda point, slope, learning_rate: point + learning_rate * slope,
             "You stepped uphill: go against the slope, point - learning_rate * slope."),
        Slip(lambda point, slope, learning_rate: point - slope,
             "The learning rate is missing: the step is learning_rate * slope."),
        Slip(lambda point, slope, learning_rate: learning_rate * slope,
             "That is the step alone; the new point is the old one minus the step."),
        Slip(lambda point, slope, learning_rate: point - learning_rate,
             "The step is the learning rate times the slope, not the learning rate alone."),
    ],
    hints=("A ball on a slope rolls downhill: against the slope, by a step the learning rate scales. "
           "That is W(k+1) = W(k) - learning rate x gradient.",
           "return point - learning_rate * slope"),
    right="It is one step of nnlearn.gradient_descent.",
)


def _descend_from_start(gradient, start, learning_rate, steps):
    path = [np.asarray(start, dtype=float)]
    slope = gradient(path[0])  # taken once, at the start
    for _ in range(steps):
        path.append(path[-1] - learning_rate * slope)
    return np.array(path)


def _descend_uphill(gradient, start, learning_rate, steps):
    return gradient_descent(lambda p: -np.asarray(gradient(p)), start, learning_rate, steps)


def _descend_in_place(gradient, start, learning_rate, steps):
    point = np.array(start, dtype=float)
    path = [point]
    for _ in range(steps):
        point -= learning_rate * gradient(point)  # changes the one array that every row of path is
        path.append(point)
    return np.array(path)


def _bowl(point):
    return np.array([2.0 * point[0], 0.5 * point[1]])


check_descend = code_exercise(
    "descend",
    question="Chapter 6: check your ``descend(gradient, start, learning_rate, steps)``, the path of descent.",
    reference=gradient_descent,
    cases=[
        Case("the parabola E = 1/2 (3 - y)^2 from y = 0, 5 steps", (lambda y: y - 3.0, 0.0, 0.5, 5)),
        Case("a bowl in two weights (w, b), 10 steps", (_bowl, np.array([2.0, -1.0]), 0.1, 10),
             "start may be an array, one entry per weight: the path then has one row per point. If every row "
             "is the same point, you changed one array in place (point -= ...): write point = point - ..."),
        Case("one step", (lambda y: 2.0 * y, 1.0, 0.25, 1),
             "With steps = 1 the path holds two points: the start and the point after one step."),
    ],
    slips=[
        Slip(lambda gradient, start, learning_rate, steps:
             gradient_descent(gradient, start, learning_rate, steps)[-1],
             "Return the whole path, not only where it ends: the start, then the point after each step."),
        Slip(lambda gradient, start, learning_rate, steps:
             gradient_descent(gradient, start, learning_rate, steps)[1:],
             "The path starts with the start itself: steps + 1 points in all."),
        Slip(_descend_uphill, "Each step goes against the slope: point - learning_rate * gradient(point)."),
        Slip(_descend_from_start, "Take the gradient at the current point on each step, not at the start."),
        Slip(_descend_in_place, "Every row of your path is the last point: point -= ... changes one array in "
                                "place, and the path holds that one array again and again. Write "
                                "point = point - ... (a new array each step)."),
    ],
    hints=("Repeat your descent step: start at start, and on each of the steps ask gradient() for the slope "
           "where you are now, step against it, and keep every point (start included).",
           "path = [start]; then for _ in range(steps): path.append(path[-1] - learning_rate * "
           "gradient(path[-1])); return np.array(path)"),
    right="It is nnlearn.gradient_descent.",
)


# ---- chapter 7: one layer's backward pass ---------------------------------------------
def _layer_case(seed: int, samples: int, inputs: int, outputs: int):
    """``(x, W, y, dy)`` for a sigmoid layer of nnlearn with a random bias."""
    rng = _rng(seed)
    layer = Layer(inputs, outputs, rng=rng)
    layer.b = rng.normal(size=outputs)
    x = rng.normal(size=(samples, inputs))
    return x, layer.W, layer.forward(x), rng.normal(size=(samples, outputs))


def _layer_backward(x, W, y, dy):
    """nnlearn's Layer.backward, given what its forward pass would have stored."""
    layer = Layer(*W.shape)
    layer.W, layer.x, layer.y = W, x, y
    dx = layer.backward(dy)
    return layer.dW, layer.db, dx


def _dv(y, dy):
    return dy * y * (1 - y)


def _backward_with(dv_of=_dv, dW_of=None, db_of=None, dx_of=None):
    """A layer's backward pass with one of its lines replaced (the usual slips)."""
    def backward(x, W, y, dy):
        dv = dv_of(y, dy)
        dW = dW_of(x, dv) if dW_of else x.T @ dv
        db = db_of(dv) if db_of else dv.sum(axis=0)
        dx = dx_of(dv, dy, W) if dx_of else dv @ W.T
        return dW, db, dx
    return backward


check_layer_backward = code_exercise(
    "layer_backward",
    question="Chapter 7: check your ``layer_backward(x, W, y, dy)``, which returns ``(dW, db, dx)``.",
    reference=_layer_backward,
    parts=("dW", "db", "dx"),
    cases=[
        Case("a batch of 3 samples, 4 inputs, 2 outputs", _layer_case(1, 3, 4, 2)),
        Case("a batch of one", _layer_case(2, 1, 3, 2),
             "A batch of one: x has shape (1, inputs). Keep every array 2-D; db still sums over the samples."),
        Case("a square layer, 3 inputs and 3 outputs", _layer_case(3, 5, 3, 3),
             "With as many inputs as outputs a transposed matrix has the right shape but the wrong numbers: "
             "dW = x.T @ dv and dx = dv @ W.T."),
        Case("a batch of 6 samples, 2 inputs, 5 outputs", _layer_case(4, 6, 2, 5)),
    ],
    slips=[
        Slip(_backward_with(lambda y, dy: dy),
             "You left out the sigmoid's slope: first dv = dy * y * (1 - y), then dW, db and dx from dv."),
        Slip(_backward_with(lambda y, dy: dy * _sigma_slope(y)),
             "You took the sigmoid's slope from y as if it were v: sigmoid_derivative(y) is the slope at the "
             "wrong place. With the output y in hand the slope is y * (1 - y)."),
        Slip(_backward_with(dW_of=lambda x, dv: dv.T @ x),
             "dW is transposed: it has the shape of W, (inputs, outputs), so dW = x.T @ dv."),
        Slip(_backward_with(dx_of=lambda dv, dy, W: dv @ W),
             "dx goes back through W transposed: dx = dv @ W.T (W has shape (inputs, outputs))."),
        Slip(_backward_with(dx_of=lambda dv, dy, W: dy @ W.T),
             "dx comes from dv, not from dy: the slope passes through the sigmoid first, dx = dv @ W.T."),
        Slip(_backward_with(db_of=lambda dv: dv.mean(axis=0)),
             "db adds up the samples, dv.sum(axis=0), as x.T @ dv does for dW (the mean is already in dy)."),
        Slip(_backward_with(db_of=lambda dv: dv.sum()),
             "db has one entry per output node: sum over the samples only, dv.sum(axis=0)."),
    ],
    hints=("Chain rule, one layer: first the slope with respect to v (dy times the sigmoid's slope, "
           "y (1 - y)); then each of W, b and x gets its share of that slope.",
           "dv = dy * y * (1 - y); return x.T @ dv, dv.sum(axis=0), dv @ W.T"),
    right="It is nnlearn.Layer.backward: dW, db and the slope dx handed to the layer before.",
)

CHECKERS = [check_neuron_output, check_weighted_sum, check_sigmoid, check_sigmoid_derivative, check_predict,
            check_descent_step, check_descend, check_layer_backward]
