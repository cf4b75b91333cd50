"""Write the notebooks of chapters 1-4 from the cell lists below.

    .venv/bin/python scripts/make_notebooks_1_4.py
    .venv/bin/python scripts/run_notebooks.py notebooks/0[1-4]_*.ipynb

The first command writes the notebooks without outputs; the second executes
them headless in a fresh kernel and stores the outputs that ``pytest --nbval``
compares.  Edit the text here, not in the notebooks.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
IGNORE_OUTPUT = "nbval-ignore-output"


def md(text):
    return new_markdown_cell(text.strip())


def code(text, *tags):
    cell = new_code_cell(text.strip())
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


HOW_TO_RUN = ("Start with **Run → Run All Cells** (or Shift + Enter, cell by cell): the sliders come alive "
              "once their cells have run in your own kernel.")

IMPORTS = """
import numpy as np
import matplotlib.pyplot as plt

import nnlearn
from nnlearn import exercises, plots, widgets
"""

# ---- 01: the structure of a network ------------------------------------------
STRUCTURE = [
    md("""
# 1. The basic structure of a neural network

A neural network learns the relationship between inputs and outputs. In this notebook you will:

* look at a real handwritten digit, 16 x 16 pixels, first as an image and then as the **256 numbers**
  the network actually receives;
* see the three kinds of layers (**input, hidden, output**) drawn as a diagram;
* follow **one forward pass** through a small, untrained network, layer by layer;
* read the network's **prediction**: the most active of its 10 output nodes.
"""),
    code(IMPORTS + """
from nnlearn.data import load_digits

X_train, y_train, X_test, y_test = load_digits()
print("training digits:", X_train.shape, " test digits:", X_test.shape)
"""),
    md("""
## A digit is a grid of pixels

Each row of `X_train` is one digit. Here is the first one, drawn as a 16 x 16 image.
"""),
    code("""
x = X_train[0]
plots.plot_digit(x, title=f"a handwritten {y_train[0]}")
plt.show()
"""),
    md("""
## ... and the network sees 256 numbers

Starting at the top left, **each pixel is one input node**: 16 x 16 = 256 input nodes.
Each holds the pixel's brightness, a number between **-1 (dark) and 1 (white)**.
Here is row 7 of the image, the middle of the digit:
"""),
    code("""
print("number of values:", x.size)
print("smallest:", x.min(), " largest:", x.max())
print("row 7:", np.round(x.reshape(16, 16)[7], 2) + 0.0)  # + 0.0 turns -0.0 into 0.0
"""),
    md("All 256 values at once, in the order the input nodes receive them:"),
    code("""
plots.plot_input_values(x)
plt.show()
"""),
    md("""
## Input, hidden and output layers

The **input layer** receives the 256 values, the nodes of the **hidden layer** compute,
and the 10 nodes of the **output layer** return the prediction: one node per digit 0-9.
Every node is connected to every node of the next layer. (Large layers are drawn with
"..." in the middle.)
"""),
    code("""
plots.plot_network([256, 16, 10], output_labels=range(10))
plt.show()
"""),
    md("""
## One forward pass, layer by layer

Here is a small network with random (untrained) weights. `W` of each layer holds one weight
per connection: shape (inputs, outputs). Each layer computes a weighted sum `v = x @ W + b`
for all its nodes and squashes it with the sigmoid, `y = sigmoid(v)` (chapters 2-4 explain
both steps). Its outputs are the next layer's inputs.
"""),
    code("""
net = nnlearn.Network([256, 16, 10], seed=0)
print(net)
for k, layer in enumerate(net.layers, start=1):
    print(f"layer {k}: W has shape {layer.W.shape}, b has shape {layer.b.shape}")
"""),
    code("""
activations = [x]                       # what each layer hands on, starting with the input
for layer in net.layers:
    v = activations[-1] @ layer.W + layer.b
    activations.append(nnlearn.sigmoid(v))
    print(f"{layer.n_inputs:3d} values in -> {layer.n_outputs:2d} values out")
"""),
    code("""
plots.plot_forward_pass(activations)
plt.show()
"""),
    md("The same pass on the diagram: each node shaded by its value (white = high, dark = low)."),
    code("""
plots.plot_network([256, 16, 10], values=activations, output_labels=range(10))
plt.show()
"""),
    md("""
## Reading the prediction

The prediction is the digit whose output node is **the most active**. This network has not
learned anything yet, so its answer is a guess.
"""),
    code("""
outputs = activations[-1]
for digit, value in enumerate(outputs):
    print(f"output node {digit}: {value:.3f}")
print("prediction:", int(np.argmax(outputs)), "  true label:", y_train[0])
print("same as net.forward:", np.allclose(outputs, net.forward(x)[0]))
print("same as net.predict:", int(net.predict(x)[0]))
"""),
    md("Ten test digits with the untrained network's guesses (green: right, red: wrong, with the true label):"),
    code("""
predictions = net.predict(X_test[:10])
plots.plot_digits(X_test[:10], labels=y_test[:10], predictions=predictions)
plt.show()
print(f"untrained accuracy on all {len(y_test)} test digits: {net.accuracy(X_test, y_test):.0%}")
"""),
    md("""
## Summary

* A 16 x 16 image becomes **256 input values** in [-1, 1], read row by row from the top left.
* Values flow **forward**: each layer's outputs are the next layer's inputs.
* The **output layer** has one node per digit; the prediction is the most active node.
* Untrained, the network guesses: training (chapters 5-7) is what makes it right.

## Exercises

Replace `...` with your answer and run the cell; the check tells you if you are right,
or gives a hint.

**1.** How many input nodes would a network need for a 28 x 28-pixel image?
"""),
    code("exercises.check_input_nodes(...)"),
    md("""
**2.** Which input node (counting from 0) holds the pixel in row 2, column 5 of a 16 x 16
image (rows and columns also counted from 0)? Hint: `np.arange(256).reshape(16, 16)` shows
every node's number in its place.
"""),
    code("exercises.check_pixel_index(...)"),
    md("**3.** Another untrained network (seed 1) looks at a test digit. Which digit does it predict?"),
    code("""
outputs_1 = nnlearn.Network([256, 16, 10], seed=1).forward(X_test[5])[0]
print(np.round(outputs_1, 3))
exercises.check_prediction(outputs_1, ...)
"""),
]

# ---- 02: a single node is linear regression ---------------------------------------
SINGLE_NODE = [
    md("""
# 2. A single node: linear regression

To understand a network we first need one node. A node works exactly like a classic model
of statistics, **linear regression**. In this notebook you will:

* plot hours studied against exam scores;
* move a line `y = w x + b` with **sliders for w and b** while its **error** is shown live;
* see the article's example: changing `b` from 2 to 3 moves the line up;
* compare your line with the **best fit** (least squares);
* see that `nnlearn.Neuron(w, b)` is the same thing as `y = m x + b`.
"""),
    code(IMPORTS + """
from nnlearn.data import study_hours

hours, scores = study_hours()
for h, s in list(zip(hours, scores))[:5]:
    print(f"{h:4.1f} hours -> score {s:.0f}")
"""),
    md("""
## The data

Plotting scores against hours shows a **positive linear relationship**: the longer a student
studies, the higher the score tends to be. (The data is synthetic, made for this course.)
"""),
    code("""
plots.plot_study_hours(hours, scores)
plt.show()
"""),
    md("""
## A line: y = m x + b

A linear model is a line `y = m x + b`: the input `x` is multiplied by the slope `m`, then the
intercept `b` is added. Change a parameter and you get a different line. The article's
example: changing `b` from **2 to 3** moves the line up, so that it crosses the y axis at
y = 3 instead of y = 2.
"""),
    code("""
plots.plot_intercept_shift(m=0.5, b_before=2, b_after=3)
plt.show()
"""),
    md("""
## How wrong is a line?

For each student the line predicts a score; the **error** compares it with the actual score,
`E = 1/2 (actual - predicted)^2`. `nnlearn.mean_squared_error` averages it over the students.
A good line has a small error.
"""),
    code("""
w, b = 3.0, 50.0
predicted = w * hours + b
print(f"error of y = {w} x + {b}: {nnlearn.mean_squared_error(scores, predicted):.2f}")
"""),
    md("""
## Fit the line by hand

Move the sliders. The red segments are each student's miss; the title shows the error.
Try to make it as small as you can, and note your `w` and `b`.
"""),
    code("widgets.line_fit_widget(hours, scores, w=2.0, b=40.0)", IGNORE_OUTPUT),
    md("(The figure the sliders start from, drawn once:)"),
    code("""
plots.plot_line_fit(hours, scores, w=2.0, b=40.0)
plt.show()
"""),
    md("""
## The best fit

The line with the smallest possible error has a formula (least squares):
`w = sum((x - mean x)(y - mean y)) / sum((x - mean x)^2)` and `b = mean y - w mean x`.
Put your slider values in `my_w, my_b` and compare: the dashed line is the best fit.
"""),
    code("""
w_best, b_best = plots.best_fit_line(hours, scores)
print(f"best fit: w = {w_best:.2f}, b = {b_best:.2f}")
print("numpy's polyfit agrees:", np.round(np.polyfit(hours, scores, 1), 2))
my_w, my_b = 4.0, 48.0     # <- your slider values
plots.plot_line_fit(hours, scores, my_w, my_b, best_fit=True)
plt.show()
"""),
    md("""
## A neuron is the same thing

In a node, the input `x1` is multiplied by a **weight** `w1` and a **bias** `b1` is added:
`v = w1 x1 + b1`. That is `y = m x + b` with new names: weight = slope, bias = intercept.
"""),
    code("""
neuron = nnlearn.Neuron(w=round(w_best, 2), b=round(b_best, 2))
print(neuron)
some_hours = np.array([2.0, 5.0, 8.0])
print("neuron:     ", np.round(neuron(some_hours), 2))
print("w * x + b:  ", np.round(neuron.w * some_hours + neuron.b, 2))
"""),
    code("""
plots.plot_node(w=[round(w_best, 2)], b=round(b_best, 2), x=[5.0])
plt.show()
"""),
    md("""
## Summary

* A single node computes `v = w x + b`: a line, exactly like linear regression's `y = m x + b`.
* The weight `w` sets the slope, the bias `b` moves the line up and down.
* The error `E = 1/2 (actual - predicted)^2` says how good a line is; the best fit makes it smallest.
  Later chapters let the network find it by itself.

## Exercises

**1.** Use the sliders to get within 10 % of the smallest possible error, then enter your values.
"""),
    code("exercises.check_line_fit(..., ..., hours, scores)  # check_line_fit(w, b, hours, scores)"),
    md("**2.** Where does the line `y = 0.5 x + 3` cross the y axis (the value of y there)?"),
    code("exercises.check_intercept(...)"),
    md("**3.** What does `nnlearn.Neuron(w=2.5, b=-1)` return for the input `x = 4`? Work it out first, "
       "then check with the neuron."),
    code("exercises.check_neuron_output(...)"),
]

# ---- 03: more inputs ----------------------------------------------------------------
MORE_INPUTS = [
    md("""
# 3. More inputs: planes and hyperplanes

Unlike a line, a node can take **many inputs**, each with its own weight:

`v_k = x_1 w_1 + x_2 w_2 + ... + x_i w_i + b_k = sum_i (x_i w_i) + b_k`

In this notebook you will:

* compute this sum written out, as a loop, as a **dot product**, and with a `Neuron`: the same number each time;
* turn a **plane** in 3-D with sliders: a node with two inputs;
* see why more inputs give a **hyperplane**.
"""),
    code(IMPORTS),
    md("## The weighted sum, four ways"),
    code("""
x = np.array([1.0, 2.0, 3.0])     # three inputs
w = np.array([0.2, -0.5, 1.0])    # one weight per input
b = 0.5                           # one bias for the node

written_out = x[0] * w[0] + x[1] * w[1] + x[2] * w[2] + b
as_a_loop = sum(x[i] * w[i] for i in range(len(x))) + b
dot_product = x @ w + b           # the same sum: np.dot(x, w) + b
neuron = nnlearn.Neuron(w, b)
for name, v in [("written out", written_out), ("loop", as_a_loop),
                ("dot product", dot_product), (repr(neuron), neuron(x))]:
    print(f"{name:>40}: {v:.2f}")
"""),
    code("""
plots.plot_node(w, b, x=x)
plt.show()
"""),
    md("""
With 17 inputs, writing the sum out by hand would be tedious. The dot product does not care
how many there are:
"""),
    code("""
rng = np.random.default_rng(0)
x17, w17 = rng.uniform(-1, 1, size=17), rng.normal(size=17)
print(f"loop: {sum(x17[i] * w17[i] for i in range(17)) + b:.4f}")
print(f"dot:  {x17 @ w17 + b:.4f}")
"""),
    md("""
## Two inputs: a plane

With one input the node was a line. With two inputs, `v = w1 x1 + w2 x2 + b` gives a
height `v` above every point `(x1, x2)`: a **plane**. The weights **tilt** it
(`w1` along `x1`, `w2` along `x2`), the bias **lifts** it (the red dot is at height `b`
above `x1 = x2 = 0`). Move the sliders (the figure redraws when you let go).
"""),
    code("widgets.plane_widget(w1=1.0, w2=-0.5, b=1.0)", IGNORE_OUTPUT),
    md("(The plane the sliders start from, drawn once:)"),
    code("""
plots.plot_plane(1.0, -0.5, 1.0, zlim=(-15, 15))
plt.show()
"""),
    md("""
A node computes all samples at once: each **row** of `X` is one sample `(x1, x2)`.
The heights below are four points of the plane above.
"""),
    code("""
X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
node = nnlearn.Neuron([1.0, -0.5], 1.0)
for row, v in zip(X, node(X)):
    print(f"x1 = {row[0]:.0f}, x2 = {row[1]:.0f}  ->  v = {v:.2f}")
"""),
    md("""
## Hyperplanes

Each new input adds a dimension. A node with 3 inputs is a flat 3-dimensional
"plane" in 4-D space; with `i` inputs it is an `i`-dimensional **hyperplane**, the
equivalent of a line in many dimensions. Nobody can picture that, but the arithmetic
is the same dot product. A digit network's first hidden node has 256 inputs: a
256-dimensional hyperplane.

## Summary

* A node with `i` inputs computes `v_k = sum_i (x_i w_i) + b_k`, a **dot product** plus a bias.
* With two inputs it is a **plane**: the weights tilt it, the bias lifts it.
* With more inputs it is a **hyperplane**, still flat, still linear.

## Exercises

**1.** Compute the output `v` of a node with inputs `x = (2, -1, 0.5)`, weights `w = (0.5, 3, -2)` and bias `b = 1`.
"""),
    code("exercises.check_weighted_sum(...)"),
    md("**2.** How many numbers (weights and bias) does one node with 17 inputs have?"),
    code("exercises.check_parameter_count(...)"),
    md("""
**3.** Find the plane through the three points `v(0, 0) = 1`, `v(1, 0) = 3` and `v(0, 1) = 0`
(the sliders can help). Enter `w1, w2, b`.
"""),
    code("exercises.check_plane(..., ..., ...)"),
]

# ---- 04: nonlinearity ----------------------------------------------------------------
NONLINEARITY = [
    md("""
# 4. Nonlinearity: the sigmoid

Stacking linear nodes only ever gives something linear. In this notebook you will:

* check with numbers that **two linear layers are one linear layer**;
* meet the **sigmoid**, which squashes any number into (0, 1), and bend it with sliders for `w` and `b`;
* see the **curved surface** of a sigmoid node with two inputs;
* watch a network **without** a hidden layer fail on a problem no straight line can solve (XOR),
  and one **with** a hidden layer succeed.
"""),
    code(IMPORTS),
    md("""
## Two linear layers are one

With rows as samples, a linear layer computes `x @ W + b`. Two in a row give
`(x @ W1 + b1) @ W2 + b2 = x @ (W1 @ W2) + (b1 @ W2 + b2)`: one linear layer with
`W = W1 @ W2` and `b = b1 @ W2 + b2`. Check it with random numbers:
"""),
    code("""
rng = np.random.default_rng(0)
W1, b1 = rng.normal(size=(3, 4)), rng.normal(size=4)
W2, b2 = rng.normal(size=(4, 2)), rng.normal(size=2)
X = rng.normal(size=(5, 3))                      # 5 samples, 3 inputs

two_layers = (X @ W1 + b1) @ W2 + b2
W, b = W1 @ W2, b1 @ W2 + b2
one_layer = X @ W + b
print("W has shape", W.shape, "and b", b.shape)
print("the same outputs:", np.allclose(two_layers, one_layer))
"""),
    md("The same with `nnlearn.Network` and no activation: its two layers collapse into one."),
    code("""
linear_net = nnlearn.Network([3, 4, 2], activation="linear", seed=0)
first, second = linear_net.layers
W, b = first.W @ second.W, first.b @ second.W + second.b
print("the same outputs:", np.allclose(linear_net.forward(X), X @ W + b))
"""),
    md("""
## The sigmoid

The activation function `sigma(v) = 1 / (1 + e^(-v))` **squashes** the weighted sum:
however large or small `v` gets, `sigma(v)` stays between 0 and 1.
Each node now computes `y_k = sigma(v_k) = sigma(sum_i (x_i w_i) + b_k)`.
"""),
    code("""
plots.plot_sigmoid()
plt.show()
for v in [-1000, -10, 0, 10, 1000]:
    print(f"sigma({v}) = {nnlearn.sigmoid(v):.4f}")
"""),
    md("""
## Bend it: y = sigma(w x + b)

A sigmoid node with one input. Move `w`: the step gets steeper or flatter, and flips when
`w` is negative. Move `b`: the step slides along `x`. The dotted line marks `y = 0.5`, where
`w x + b = 0`.
"""),
    code("widgets.sigmoid_widget(w=1.0, b=0.0)", IGNORE_OUTPUT),
    md("(One setting, drawn once:)"),
    code("""
plots.plot_sigmoid_node(2.0, -3.0)
plt.show()
"""),
    md("The node is now complete: weighted sum, bias, sigmoid."),
    code("""
plots.plot_node([1.0, -1.0], 0.5, x=[1.0, 2.0], activation="sigmoid")
plt.show()
"""),
    md("""
## Two inputs: a curved surface

The plane of chapter 3 passed through the sigmoid is no longer flat: it bends into a step
between 0 and 1. Move the sliders (the figure redraws when you let go).
"""),
    code('widgets.plane_widget(w1=2.0, w2=2.0, b=-1.0, activation="sigmoid")', IGNORE_OUTPUT),
    md("(The surface the sliders start from, drawn once:)"),
    code("""
plots.plot_plane(2.0, 2.0, -1.0, activation="sigmoid")
plt.show()
"""),
    md("""
## A problem no line can solve: XOR

Points near the four corners of a square; class 1 (orange) when **exactly one** input is
positive. No single straight line separates the two classes. A network with no hidden layer
draws its boundary where a plane crosses a level: a straight line. A hidden layer of sigmoid
nodes combines several lines into a bent boundary.
"""),
    code("""
rng = np.random.default_rng(1)
corners = np.array([[-1, -1], [-1, 1], [1, -1], [1, 1]], dtype=float)
X_xor = np.repeat(corners, 25, axis=0) + rng.normal(0, 0.25, size=(100, 2))
y_xor = np.repeat([0, 1, 1, 0], 25)              # class 1: exactly one input positive

no_hidden = nnlearn.Network([2, 2], seed=0)      # inputs straight to the 2 outputs
with_hidden = nnlearn.Network([2, 4, 2], seed=0)  # a hidden layer of 4 sigmoid nodes
for net in (no_hidden, with_hidden):
    net.fit(X_xor, y_xor, epochs=300, learning_rate=2.0, batch_size=10)
    print(f"{net}: {net.accuracy(X_xor, y_xor):.0%} right")
"""),
    code("""
fig, axes = plt.subplots(1, 2, figsize=(10, 5), dpi=90, layout="constrained")
plots.plot_decision_regions(no_hidden, X_xor, y_xor, ax=axes[0], title="no hidden layer")
plots.plot_decision_regions(with_hidden, X_xor, y_xor, ax=axes[1], title="hidden layer of 4")
plt.show()
"""),
    md("""
Without a hidden layer the boundary is a straight line, so at least one corner is always on
the wrong side; with the hidden layer the boundary bends around the corners.

## Summary

* Linear layers stacked on linear layers stay linear: `W = W1 @ W2`, `b = b1 @ W2 + b2`.
* The **sigmoid** squashes every weighted sum into (0, 1): `y_k = sigma(v_k)`.
  `w` sets the steepness, `b` the position of the step.
* With the sigmoid, hidden layers bend the model: a network with a hidden layer solves XOR,
  one without cannot.

## Exercises

**1.** `exercises.collapse_exercise()` gives two linear layers `W1, b1, W2, b2`.
Compute the single layer `W, b` that does the same.
"""),
    code("""
W1, b1, W2, b2 = exercises.collapse_exercise()
W = ...   # your formula
b = ...   # your formula
exercises.check_collapsed_layer(W, b)
"""),
    md("**2.** At which `x` is `sigma(2 x - 3)` exactly 0.5? (Try it with the sigmoid sliders.)"),
    code("exercises.check_sigmoid_midpoint(...)"),
]

NOTEBOOKS = {
    "01_structure.ipynb": STRUCTURE,
    "02_single_node.ipynb": SINGLE_NODE,
    "03_more_inputs.ipynb": MORE_INPUTS,
    "04_nonlinearity.ipynb": NONLINEARITY,
}


def main(argv: list[str]) -> int:
    wanted = set(argv) or set(NOTEBOOKS)
    for name, cells in NOTEBOOKS.items():
        if name not in wanted:
            continue
        cells[0].source += "\n\n" + HOW_TO_RUN
        nb = new_notebook(cells=cells)
        nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                     "name": "python3"}
        nb.metadata["language_info"] = {"name": "python"}
        path = ROOT / "notebooks" / name
        nbformat.validate(nb)
        nbformat.write(nb, path)
        print(f"wrote {path.relative_to(ROOT)} ({len(cells)} cells)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
