"""Write the notebooks of chapters 5-8 (training, the error and descent, backpropagation, takeaways).

The notebooks are generated so that their text and tags stay reviewable in
one place; outputs are stored afterwards by running them headless::

    .venv/bin/python scripts/make_notebooks_5_8.py
    .venv/bin/python scripts/run_notebooks.py notebooks/0[5-8]_*.ipynb
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
IGNORE = ["nbval-ignore-output"]

HOW_TO_RUN = ("Start with **Run → Run All Cells** (or Shift + Enter, cell by cell): the sliders and "
              "animations come alive once their cells have run in your own kernel.")

# Chapter 7: the digit network and how it is trained (seeded). Trained on the training digits
# plus their one-pixel shifts (nnlearn.augment), then a few epochs with smaller steps; seeds 0 and 1
# give 0.962 and 0.960 on the test digits. Batches of 16 (fit's default) keep each matrix product
# below the size at which OpenBLAS splits it over two threads: at 32, one other busy program on a
# 2-core machine made training ten times slower (28 s instead of 3 s).
CH7_LAYERS = [256, 64, 10]
CH7_EPOCHS = 8
CH7_LEARNING_RATE = 3.0
CH7_BATCH = 16
FINE_EPOCHS = 2
FINE_LEARNING_RATE = 1.0


def md(text):
    return new_markdown_cell(text.strip())


def code(text, tags=None):
    cell = new_code_cell(text.strip())
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def notebook(cells):
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


# ---- 5 ------------------------------------------------------------------------------
def chapter_5():
    return notebook([
        md("""
# 5. Now we start training: a network that only guesses

**What you will do here.** Build the digit network of chapter 1 with *random* weights and
biases, as the article says training starts, show it a real handwritten digit, read its 10
outputs and its guess (the most active output), and measure how often it is right: about one
time in ten, no better than guessing. Every later chapter is about closing that gap.
"""),
        code("""
import numpy as np
import matplotlib.pyplot as plt

import nnlearn
from nnlearn.evaluation import plot_outputs
from nnlearn.plots import plot_digit, plot_digits

X_train, y_train, X_test, y_test = nnlearn.data.load_digits()
print(f"{len(X_train)} training digits, {len(X_test)} test digits, {X_test.shape[1]} pixels each")
"""),
        md("""
## A network with random weights

"We start training our neural network with a random set of weights and biases at every
node." `Network([256, 64, 10], seed=0)` draws them: 256 inputs (one per pixel), 64 hidden
nodes, 10 outputs (one per digit). The seed makes the draw the same every time you run this.
"""),
        code("""
net = nnlearn.Network([256, 64, 10], seed=0)
for k, layer in enumerate(net.layers, start=1):
    print(f"layer {k}: W {layer.W.shape}, b {layer.b.shape}, "
          f"weights between {layer.W.min():.2f} and {layer.W.max():.2f}")
net
"""),
        md("## One digit in, ten numbers out"),
        code("""
digit, label = X_test[0], y_test[0]
plot_digit(digit, title=f"a test digit, labelled {label}")
plt.show()
"""),
        code("""
outputs = net.forward(digit)[0]
for node, value in enumerate(outputs):
    print(f"output node {node}: {value:.3f}")
"""),
        md("""
"The most active node of the output layer is the network's choice of the right answer."
The orange bar is the guess:
"""),
        code("""
plot_outputs(outputs, label=label)
plt.show()
"""),
        code("""
guess = int(np.argmax(outputs))
print(f"guess {guess}, label {label}: {'right' if guess == label else 'wrong'}")
print(f"net.predict gives the same: {net.predict(digit)[0]}")
"""),
        md("""
## How often is it right?

`net.accuracy` runs all 1,000 test digits through the network and counts the right guesses.
"""),
        code("""
print(f"untrained accuracy: {net.accuracy(X_test, y_test):.3f} (guessing: 0.100)")
"""),
        md("""
No better than guessing; this particular draw of weights does even worse. Which answers does it
give? Count its guesses over the test digits (each digit really occurs 100 times):
"""),
        code("""
counts = np.bincount(net.predict(X_test), minlength=10)
for node, count in enumerate(counts):
    print(f"guessed {node}: {count:4d} times")
"""),
        md("""
Random weights do not spread their guesses evenly: they favour a few outputs for almost every
input, whatever the digit, so the network is right only when the digit happens to be one of its
favourites. Here are 20 test digits with the guesses (green: right, red: wrong, with the true
label):
"""),
        code("""
predictions = net.predict(X_test[:20])
plot_digits(X_test[:20], labels=y_test[:20], predictions=predictions, ncols=10,
            suptitle="Guesses of the untrained network (green right, red wrong)")
plt.show()
"""),
        md("Is seed 0 just unlucky? Twenty other random networks:"),
        code("""
accuracies = [nnlearn.Network([256, 64, 10], seed=seed).accuracy(X_test, y_test) for seed in range(1, 21)]
print("accuracies:", " ".join(f"{a:.2f}" for a in accuracies))
print(f"average {np.mean(accuracies):.3f}: chance, one right in ten")
"""),
        md("""
## Summary

- Training starts from random weights and biases at every node.
- The answer of the network is its most active output node (`np.argmax` of the 10 outputs).
- Untrained, the network is right about one time in ten: chance, for 10 equally common digits.
- To do better it must find out *how wrong* it is (chapter 6) and *which way* to change each
  weight (chapter 7).

## Exercises

Replace `...` with your answer and run the cell; the checker says whether it is right and
gives a hint if not.

**1.** If you guessed a digit at random, what fraction of the 1,000 test digits (100 of each
digit) would you expect to get right? Give a number between 0 and 1.
"""),
        code("""
from nnlearn import exercises

exercises.check_chance_accuracy(...)
"""),
        md("""
**2.** Build an untrained `Network([256, 64, 10], seed=1)` and compute its accuracy on the test
digits. Is it close to your answer to exercise 1?
"""),
        code("""
answer = ...  # e.g. nnlearn.Network([256, 64, 10], seed=1).accuracy(X_test, y_test)
exercises.check_untrained_accuracy(answer, seed=1)
"""),
        md("""
**3.** Which digit does the seed-0 network guess for the test digit `X_test[5]`? Read it off its
10 outputs (the checker is the chapter 1 one).
"""),
        code("""
outputs_5 = net.forward(X_test[5])[0]
exercises.check_prediction(outputs_5, ...)
"""),
    ])


# ---- 6 ------------------------------------------------------------------------------
def chapter_6():
    return notebook([
        md("""
# 6. So many errors: the error, its slope, and gradient descent

**What you will do here.** Measure how wrong a prediction is with the article's error, move a
point along the error's parabola and watch its tangent, watch a ball roll down to the bottom
by gradient descent, then see the same thing on a real problem: the line fit of chapter 2,
its point rolling down the loss surface while the line improves on the data. Finally, try
learning rates that crawl, converge and blow up.
"""),
        code("""
import numpy as np
import matplotlib.pyplot as plt
from IPython.display import HTML

import nnlearn
from nnlearn import animation, widgets
"""),
        md("""
## The error

The article measures the error of a prediction with a loss function. In the Chinese text the
formula lost two symbols in translation (it reads "误差= ×(实际产量-预测产量)"); the original
is

$$E = \\tfrac{1}{2}\\,(\\text{actual} - \\text{predicted})^2 .$$

The square makes every miss count as positive and big misses count much more; the
$\\tfrac12$ only tidies the slope (below). `nnlearn.squared_error(actual, predicted)` computes it:
"""),
        code("""
actual = 3.0
for predicted in [0.0, 1.0, 2.0, 3.0, 4.0, 6.0]:
    print(f"predicted {predicted:3.1f}: error {nnlearn.squared_error(actual, predicted):.2f}")
"""),
        md("""
## The parabola and its tangent

Keep the actual value at 3 and let the prediction $w$ vary: $E(w) = \\tfrac12 (3 - w)^2$ is a
parabola opening upwards, lowest (zero) at $w = 3$. The slope of the tangent at $w$ is
$E'(w) = w - 3$: negative left of the bottom, positive right of it, and **zero only at the
very bottom**, where the error is smallest.
"""),
        code("""
animation.plot_parabola_tangent(1.0, actual=3.0)
plt.show()
"""),
        md("Move the point with the slider: the orange tangent follows, and its slope is written above."),
        code("""
widgets.tangent_widget(w=1.0, actual=3.0)
""", IGNORE),
        md("The same slopes, printed for a few points (this is what the slider shows):"),
        code("""
for w in [-2.0, 1.0, 3.0, 5.0, 8.0]:
    drawn = animation.plot_parabola_tangent(w, actual=3.0)
    print(f"w = {w:4.1f}: error {animation.parabola_error(w):5.2f}, slope {drawn.slope:+.2f}")
    plt.close(drawn.fig)
"""),
        md("""
## Gradient descent: a ball rolling downhill

The slope says which way is uphill, so step the other way, by a step proportional to the
slope:

$$w(k+1) = w(k) - \\text{learning rate} \\times E'(w(k)).$$

Near the bottom the slope shrinks, so the steps shrink too: the ball settles.
`nnlearn.gradient_descent` takes the slope function, a start and a learning rate, and returns
every point visited:
"""),
        code("""
path = nnlearn.gradient_descent(animation.parabola_slope, start=-1.0, learning_rate=0.15, steps=30)
for k in [0, 1, 2, 5, 10, 30]:
    print(f"step {k:2d}: w = {path[k]:.3f}, error {animation.parabola_error(path[k]):.4f}")
"""),
        md("Press play:"),
        code("""
ball = animation.animate_ball_rolling(start=-1.0, actual=3.0, learning_rate=0.15, steps=30)
HTML(animation.to_html(ball))
""", IGNORE),
        code("""
print(f"the ball stops at w = {ball.path[-1]:.3f} after {len(ball.path) - 1} steps (the bottom is 3)")
"""),
        md("""
## The real thing: fitting the line of chapter 2

A network has many weights, so its error is not a parabola in one variable but hills and
valleys in many. The line fit of chapter 2 has two, the slope $w$ and the intercept $b$, so its
loss surface can still be drawn. The loss is the mean error per student,
$E(w, b) = \\frac1n \\sum \\tfrac12 (\\text{score} - (w\\,x + b))^2$ (`nnlearn.mean_squared_error`),
and gradient descent moves $(w, b)$ together against the gradient.

**One change of units.** The hours run from 0.5 to 10, all far from 0. Measured from 0, a
small turn of the slope moves the whole line a lot, while the intercept barely matters: the
valley becomes a long narrow trench and descent needs hundreds of steps along it. So we
measure hours from the class average (about 5.6 hours): $x = \\text{hours} - 5.6$. The line is
the same; $b$ now means "the score of a student who studies 5.6 hours", and descent reaches
the bottom in a few dozen steps.
"""),
        code("""
hours, scores = nnlearn.data.study_hours()
center = 5.6
print(f"{len(hours)} students, hours {hours.min()} to {hours.max()}, average {hours.mean():.2f}")
best_w, best_b = animation.best_line(hours, scores, center)
print(f"best line: score = {best_w:.2f} (hours - {center}) + {best_b:.2f}")
"""),
        md("""
Below, the left panel is the loss surface seen from above (contour lines join equal loss; the
star is the lowest point). The red ball starts at $w = -4$, $b = 40$: a line sloping the wrong
way (right panel).
"""),
        code("""
start = (-4.0, 40.0)
path, diverged = animation.line_descent(hours, scores, start, learning_rate=0.1, steps=40, center=center)
animation.plot_descent(path, hours, scores, center, step=0)
plt.show()
"""),
        md("Press play: the point rolls downhill on the left while the line turns and rises into place on the right."),
        code("""
descent = animation.animate_descent(hours, scores, start, learning_rate=0.1, steps=40, center=center, frames=30)
HTML(animation.to_html(descent))
""", IGNORE),
        code("""
w, b = descent.path[-1]
print(f"after 40 steps: w = {w:.2f}, b = {b:.2f}, loss {animation.line_loss((w, b), hours, scores, center):.2f}")
print(f"the bottom:     w = {best_w:.2f}, b = {best_b:.2f}, "
      f"loss {animation.line_loss((best_w, best_b), hours, scores, center):.2f}")
"""),
        md("""
Notice the path: $w$ is right after a couple of steps, $b$ takes longer. The valley is steeper
along $w$ (the hours spread out around 5.6) than along $b$, so the same learning rate makes big
moves in $w$ and small ones in $b$.

## The learning rate: crawl, converge, or blow up

Too small a learning rate crawls; too large a one overshoots the valley, lands higher on the
other side, and climbs out: the loss grows at every step. Three learning rates, 40 steps each
(log scale: every line down is ten times less loss):
"""),
        code("""
comparison = animation.plot_learning_rates(hours, scores, (0.01, 0.1, 0.25), start, steps=40, center=center)
plt.show()
"""),
        md("""
Try it yourself: the slider is on a log scale, from 0.001 to 1. Where does it stop converging?
(A run that blows up is stopped and reported in the figure.)
"""),
        code("""
widgets.learning_rate_widget(hours, scores, center=center, start=start, steps=40, learning_rate=0.1)
""", IGNORE),
        md("What the slider shows, for a few positions:"),
        code("""
for lr in [0.001, 0.01, 0.05, 0.1, 0.2, 0.25, 1.0]:
    path, diverged = animation.line_descent(hours, scores, start, lr, steps=40, center=center)
    status = animation.describe_descent(path, diverged, hours, scores, center)
    print(f"learning rate {lr:5.3f}: {status}")
"""),
        md("""
## Summary

- The error of one prediction is $E = \\tfrac12(\\text{actual} - \\text{predicted})^2$: a parabola
  whose lowest point is the right answer.
- The tangent's slope tells which way is downhill; it is zero only at the bottom.
- Gradient descent steps against the slope, $w(k+1) = w(k) - \\text{learning rate} \\times$ slope,
  like a ball rolling down into the valley.
- With two parameters the parabola becomes a surface; descent moves both at once, and the line
  fit improves as the point rolls down.
- The learning rate matters: too small crawls, too large diverges. Measuring hours from their
  average made the valley round enough for a few dozen steps to suffice.

## Exercises

**1.** What is the slope of $E(w) = \\tfrac12(3 - w)^2$ at $w = 5$? (Check with the slider.)
"""),
        code("""
from nnlearn import exercises

exercises.check_slope(..., w=5.0, actual=3.0)
"""),
        md("""
**2.** Take one gradient-descent step by hand from $w = 0$ with actual 3 and learning rate 0.5.
Where does $w$ land?
"""),
        code("""
exercises.check_descent_step(..., w=0.0, actual=3.0, learning_rate=0.5)
"""),
        md("""
**3.** With the learning-rate slider, find one learning rate that converges in 40 steps and one
that diverges. (Bonus: the border is $2 / \\mathrm{var}(\\text{hours})$; why does a wider spread of
hours make it smaller?)
"""),
        code("""
exercises.check_learning_rates(converging=..., diverging=...)
"""),
    ])


# ---- 7 ------------------------------------------------------------------------------
def chapter_7():
    layers, epochs, lr, batch = CH7_LAYERS, CH7_EPOCHS, CH7_LEARNING_RATE, CH7_BATCH
    return notebook([
        md("""
# 7. Correcting the errors: backpropagation

**What you will do here.** Follow every number of the chain rule through a tiny network by
hand, check that the network's own `backward` gets the same gradients, check both against
slopes *measured* by nudging each weight, and then train the digit network of chapter 5 with
the update rule of the article, watching its accuracy climb from 10 % to about 96 %.
"""),
        code("""
import numpy as np
import matplotlib.pyplot as plt

import nnlearn
from nnlearn import sigmoid
from nnlearn.augment import with_shifted_copies
from nnlearn.evaluation import confusion_matrix, plot_confusion_matrix, plot_history, plot_misclassified
from nnlearn.plots import plot_digits
"""),
        md("""
## The update rule

Once the error is known, every weight moves against its gradient:

$$W(k+1) = W(k) - \\text{learning rate} \\times \\frac{\\partial E}{\\partial W}.$$

The question is how to get $\\partial E / \\partial W$ for every weight of a network, including
those far from the output. Backpropagation answers it with the chain rule of calculus,
carried from the output layer back to the input.

## The chain rule in a tiny network, number by number

Two inputs, two hidden nodes, two outputs, all sigmoid nodes, with weights we choose. (In
code rows are samples, so a layer computes `v = x @ W + b` with `W` of shape inputs x outputs.)
"""),
        code("""
tiny = nnlearn.Network([2, 2, 2], seed=0)
tiny.layers[0].W[:] = [[0.15, 0.25], [0.20, 0.30]]
tiny.layers[0].b[:] = [0.35, 0.35]
tiny.layers[1].W[:] = [[0.40, 0.50], [0.45, 0.55]]
tiny.layers[1].b[:] = [0.60, 0.60]
x = np.array([0.05, 0.10])
Y = np.array([0.01, 0.99])  # the outputs we want
W1, b1 = tiny.layers[0].W, tiny.layers[0].b
W2, b2 = tiny.layers[1].W, tiny.layers[1].b
"""),
        md("""
**Forward**: weighted sums $v$, outputs $y = \\sigma(v)$, layer by layer, then the error
$E = \\tfrac12 \\sum_k (Y_k - y_k)^2$.
"""),
        code("""
v1 = x @ W1 + b1
y1 = sigmoid(v1)
v2 = y1 @ W2 + b2
y2 = sigmoid(v2)
E = 0.5 * np.sum((Y - y2) ** 2)
print("hidden  v1 =", v1.round(4), " y1 =", y1.round(4))
print("output  v2 =", v2.round(4), " y2 =", y2.round(4))
print(f"error E = {E:.6f}")
"""),
        md("""
**Backward, output layer.** The error changes with each output as $\\partial E/\\partial y_2 = y_2 - Y$;
each output changes with its weighted sum as $\\sigma'(v) = y(1-y)$; multiply (chain rule) to get
$\\partial E/\\partial v_2$. A weight from hidden node $i$ to output $k$ multiplies $y_{1,i}$, so
$\\partial E/\\partial W_{2,ik} = y_{1,i}\\, \\partial E/\\partial v_{2,k}$, and
$\\partial E/\\partial b_2 = \\partial E/\\partial v_2$.
"""),
        code("""
dE_dy2 = y2 - Y
dE_dv2 = dE_dy2 * y2 * (1 - y2)
dW2 = np.outer(y1, dE_dv2)
db2 = dE_dv2
print("dE/dy2 =", dE_dy2.round(6))
print("dE/dv2 =", dE_dv2.round(6))
print("dE/dW2 =", dW2.round(6).tolist())
"""),
        md("""
**Backward, hidden layer.** Each hidden output feeds both output nodes, so its share of the
blame adds up over them: $\\partial E/\\partial y_1 = W_2\\, \\partial E/\\partial v_2$. Then the same
two steps as before.
"""),
        code("""
dE_dy1 = W2 @ dE_dv2
dE_dv1 = dE_dy1 * y1 * (1 - y1)
dW1 = np.outer(x, dE_dv1)
db1 = dE_dv1
print("dE/dy1 =", dE_dy1.round(6))
print("dE/dv1 =", dE_dv1.round(6))
print("dE/dW1 =", dW1.round(6).tolist())
"""),
        md("""
`Network.backward` does exactly this, layer by layer (for a batch it averages over the samples;
here there is one). Same numbers:
"""),
        code("""
tiny.forward(x)
grads = tiny.backward(Y[np.newaxis, :])
by_hand = [(dW1, db1), (dW2, db2)]
for k, ((dW, db), (dW_hand, db_hand)) in enumerate(zip(grads, by_hand), start=1):
    same = np.allclose(dW, dW_hand, rtol=1e-12, atol=0) and np.allclose(db, db_hand, rtol=1e-12, atol=0)
    print(f"layer {k}: backward equals the hand computation: {same}")
"""),
        md("""
## Checking with measured slopes

The chain rule can be checked without any calculus: nudge one weight up and down by a tiny
$\\varepsilon$, measure how much the error changes,
$\\frac{E(W + \\varepsilon) - E(W - \\varepsilon)}{2\\varepsilon}$, and do it for every weight.
`nnlearn.numerical_gradient` does that; `nnlearn.relative_error` says how far apart two
gradients are.
"""),
        code("""
def tiny_error():
    return 0.5 * np.sum((Y - tiny.forward(x)[0]) ** 2)

for k, (layer, (dW, db)) in enumerate(zip(tiny.layers, by_hand), start=1):
    for name, array, ours in (("W", layer.W, dW), ("b", layer.b, db)):
        measured = nnlearn.numerical_gradient(tiny_error, array)
        error = nnlearn.relative_error(ours, measured)
        print(f"layer {k} {name}: relative error {'< 1e-6' if error < 1e-6 else f'{error:.1e}'}")
"""),
        md("""
One step of the update rule with learning rate 0.5 lowers the error, as it should:
"""),
        code("""
learning_rate = 0.5
for layer, (dW, db) in zip(tiny.layers, by_hand):
    layer.W -= learning_rate * dW
    layer.b -= learning_rate * db
print(f"error before {E:.6f}, after one step {tiny_error():.6f}")
"""),
        md(f"""
## Training the digit network

Now the same on the network of chapter 5: {layers[0]} inputs, {layers[1]} hidden nodes,
{layers[2]} outputs, {sum(a * b + b for a, b in zip(layers[:-1], layers[1:])):,} weights and biases.

**More data for free.** 4,000 training digits are not many, and "given enough data" is what a
network needs. A digit moved by one pixel is still the same digit, so we add four shifted copies
of each training digit (left, right, up, down): 20,000 training digits. The test digits stay
as they are.
"""),
        code("""
X_train, y_train, X_test, y_test = nnlearn.data.load_digits()
X_more, y_more = with_shifted_copies(X_train, y_train)
print(f"{len(X_train)} training digits -> {len(X_more)} with the shifted copies")
copies = X_more[np.arange(5) * len(X_train)]  # the first digit, then its four shifts
plot_digits(copies, labels=y_more[np.arange(5) * len(X_train)], ncols=5,
            suptitle="One digit and its copies moved right, left, down, up")
plt.show()
"""),
        md(f"""
`fit` goes {epochs} times (epochs) over the 20,000 digits in a shuffled order, {batch} digits at a
time: forward, backward, and the update of every weight with learning rate {lr:g}. Then
{FINE_EPOCHS} more epochs with smaller steps (learning rate {FINE_LEARNING_RATE:g}), so the weights settle on the
valley floor instead of bouncing around it, like the ball of chapter 6 with a smaller learning
rate. The bars show the epochs as they go (the stored notebook shows them as they start).
"""),
        code(f"""
net = nnlearn.Network({layers}, seed=0)
print(f"before training: test accuracy {{net.accuracy(X_test, y_test):.3f}}")
history = net.fit(X_more, y_more, epochs={epochs}, learning_rate={lr}, batch_size={batch},
                  validation=(X_test, y_test), progress=True)
"""),
        code(f"""
settle = net.fit(X_more, y_more, epochs={FINE_EPOCHS}, learning_rate={FINE_LEARNING_RATE}, batch_size={batch},
                 validation=(X_test, y_test), progress=True)
history = {{key: history[key] + settle[key] for key in history}}
"""),
        code("""
print(f"test accuracy: {net.accuracy(X_test, y_test):.3f}")
"""),
        md("""
After each epoch `fit` scored the network on the training digits and on the test digits, which
it never trains on (validation). Note the step after epoch 8, where the steps get smaller:
"""),
        code("""
plot_history(history)
plt.show()
"""),
        code("""
for epoch in [1, 2, 4, 8, len(history["loss"])]:
    print(f"epoch {epoch:2d}: loss {history['loss'][epoch - 1]:.4f}, "
          f"test accuracy {history['val_accuracy'][epoch - 1]:.3f}")
"""),
        md("""
## Where does it still go wrong?

The confusion matrix counts, for each true digit (row), what the network answered (column).
The diagonal holds the right answers; everything else is a mistake.
"""),
        code("""
predictions = net.predict(X_test)
matrix = confusion_matrix(y_test, predictions)
plot_confusion_matrix(matrix)
plt.show()
"""),
        code("""
print(f"right: {np.trace(matrix)} of {matrix.sum()}")
print("right per digit:", {digit: int(matrix[digit, digit]) for digit in range(10)})
"""),
        md("Some of the digits it gets wrong (title: its guess, then the true label). Would you have read them right?"),
        code("""
plot_misclassified(X_test, y_test, predictions, max_digits=20)
plt.show()
"""),
        md("""
## Summary

- Backpropagation is the chain rule: $\\partial E/\\partial v = \\partial E/\\partial y \\cdot y(1-y)$ at each
  node, $\\partial E/\\partial W = (\\text{input}) \\times \\partial E/\\partial v$, and the blame handed back
  to the previous layer is $W\\,\\partial E/\\partial v$.
- `Network.backward` computes exactly these numbers, and slopes measured by nudging each weight
  agree with them to six digits or more (the measurement itself is only that exact).
- Repeating $W(k+1) = W(k) - \\text{learning rate} \\times \\partial E/\\partial W$ over mini-batches of
  digits takes the network from guessing (10 %) to about 96 % on digits it never saw.
- More data helps: shifted copies of the training digits are new examples for free; smaller
  steps at the end let the weights settle.
- What is left are mostly digits that are hard for people too.

## Exercises

**1.** A weight is 0.8, its gradient is $-0.25$ and the learning rate is 2. What is the weight
after one update?
"""),
        code("""
from nnlearn import exercises

exercises.check_weight_update(..., weight=0.8, gradient=-0.25, learning_rate=2.0)
"""),
        md("""
**2.** A sigmoid output node gives $y = 0.8$ where the target is $1$. With
$E = \\tfrac12 (1 - y)^2$, what is $\\partial E/\\partial v$?
"""),
        code("""
exercises.check_output_delta(..., y=0.8, target=1.0)
"""),
        md("""
**3.** From the confusion matrix above: which true digit does the network most often read as
which other digit?
"""),
        code("""
exercises.check_most_confused(true_digit=..., predicted_digit=..., matrix=matrix)
"""),
    ])


# ---- 8 ------------------------------------------------------------------------------
def chapter_8():
    return notebook([
        md("""
# 8. Key takeaways

**What you will do here.** Go through the article's key takeaways one by one. Each comes with
a small check that runs in a moment and prints `OK`, using what you built in the notebook
named beside it. If you change something and a check fails, the assertion tells you which
takeaway broke.
"""),
        code("""
import numpy as np

import nnlearn
from nnlearn import animation

X_train, y_train, X_test, y_test = nnlearn.data.load_digits()
"""),
        md("""
**1. A neural network learns the relationship between input variables and output variables.**
(Chapters 5 and 7.) A small network trained for a few seconds learns to read digits it has
never seen far better than chance:
"""),
        code("""
net = nnlearn.Network([256, 32, 10], seed=0)
before = net.accuracy(X_test, y_test)
net.fit(X_train, y_train, epochs=5)
after = net.accuracy(X_test, y_test)
assert before < 0.2 and after > 0.85, (before, after)
print(f"OK: test accuracy {before:.2f} before training, {after:.2f} after 5 epochs")
"""),
        md("""
**2. Given enough data to train on, a network learns an accurate mapping from x to y.**
(Chapter 7.) The same network, the same 5 epochs' worth of steps, trained on 10 % of the
digits and on all of them:
"""),
        code("""
accuracies = {}
for n in [400, 4000]:
    small = nnlearn.Network([256, 32, 10], seed=0)
    small.fit(X_train[:n], y_train[:n], epochs=5 * 4000 // n)
    accuracies[n] = small.accuracy(X_test, y_test)
assert accuracies[4000] > accuracies[400] + 0.03, accuracies
print(f"OK: trained on 400 digits {accuracies[400]:.2f}, on 4,000 digits {accuracies[4000]:.2f}")
"""),
        md("""
**3. A network is made of an input layer, hidden layers and an output layer.**
(Chapter 1.) The digit network: 256 inputs (pixels), a hidden layer, 10 outputs (digits):
"""),
        code("""
shapes = [layer.W.shape for layer in net.layers]
assert net.layer_sizes == [256, 32, 10] and shapes == [(256, 32), (32, 10)]
print(f"OK: {net.layer_sizes[0]} inputs -> {net.layer_sizes[1]} hidden -> {net.layer_sizes[2]} outputs")
"""),
        md("""
**4. A single node works like linear regression, with a set of weights and a bias.**
(Chapter 2.) A neuron with weight $w$ and bias $b$ computes the line $v = w x + b$:
"""),
        code("""
hours, scores = nnlearn.data.study_hours()
neuron = nnlearn.Neuron(w=5.0, b=45.0)
assert np.allclose(neuron(hours), 5.0 * hours + 45.0)
print(f"OK: Neuron(w=5, b=45) gives score 5 x hours + 45, e.g. {neuron(np.array([4.0]))[0]:.0f} for 4 hours")
"""),
        md("""
**5. Unlike a linear regression, a node takes many weighted inputs, and every node of a layer
feeds the nodes of the next.** (Chapter 3.) One node's output is the dot product of its inputs
and weights plus its bias, and a layer's outputs are the next layer's inputs:
"""),
        code("""
x = X_test[0]
layer1, layer2 = net.layers
v = sum(x[i] * layer1.W[i, 0] for i in range(256)) + layer1.b[0]
assert np.isclose(v, x @ layer1.W[:, 0] + layer1.b[0])
hidden = nnlearn.sigmoid(x @ layer1.W + layer1.b)
assert np.allclose(nnlearn.sigmoid(hidden @ layer2.W + layer2.b), net.forward(x)[0])
print("OK: v = sum of x_i w_i + b, and the hidden layer's outputs are the output layer's inputs")
"""),
        md("""
**6. Activation functions capture relationships that are not linear.** (Chapter 4.) Without
them two layers collapse into one linear layer; with the sigmoid they do not:
"""),
        code("""
rng = np.random.default_rng(0)
W1, b1, W2, b2 = rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 2)), rng.normal(size=2)
inputs = rng.normal(size=(5, 3))
two_linear = (inputs @ W1 + b1) @ W2 + b2
one_linear = inputs @ (W1 @ W2) + (b1 @ W2 + b2)
with_sigmoid = nnlearn.sigmoid(inputs @ W1 + b1) @ W2 + b2
assert np.allclose(two_linear, one_linear) and not np.allclose(with_sigmoid, one_linear)
print("OK: two linear layers are one linear layer; a sigmoid in between is not")
"""),
        md("""
**7. Gradient descent finds and lowers the loss, like a ball rolling down hills and valleys.**
(Chapter 6.) On the line fit, every step lowers the loss and the ball ends at the bottom:
"""),
        code("""
path, diverged = animation.line_descent(hours, scores, (-4.0, 40.0), learning_rate=0.1, steps=100, center=5.6)
losses = [animation.line_loss(p, hours, scores, center=5.6) for p in path]
assert not diverged and all(a > b for a, b in zip(losses, losses[1:]))
assert np.allclose(path[-1], animation.best_line(hours, scores, center=5.6), atol=0.01)
print(f"OK: loss {losses[0]:.1f} -> {losses[-1]:.2f} in 100 steps, every step downhill")
"""),
        md("""
**8. Backpropagation lowers the loss: the output error goes back through the layers by the
chain rule, adjusting every weight and bias.** (Chapter 7.) The gradients of `backward`
equal slopes measured by nudging each weight, and one step against them lowers the error:
"""),
        code("""
tiny = nnlearn.Network([3, 4, 2], seed=1)
xs, labels = rng.normal(size=(6, 3)), np.array([0, 1, 1, 0, 1, 0])
tiny.forward(xs)
grads = tiny.backward(tiny.one_hot(labels))
for layer, (dW, db) in zip(tiny.layers, grads):
    measured = nnlearn.numerical_gradient(lambda: tiny.loss(xs, labels), layer.W)
    assert nnlearn.relative_error(dW, measured) < 1e-7
loss_before = tiny.loss(xs, labels)
for layer, (dW, db) in zip(tiny.layers, grads):
    layer.W -= 0.5 * dW
    layer.b -= 0.5 * db
assert tiny.loss(xs, labels) < loss_before
print(f"OK: backward equals measured slopes; one step lowers the loss {loss_before:.4f} -> "
      f"{tiny.loss(xs, labels):.4f}")
"""),
        md("""
## Congratulations!

You now know how a neural network learns, beyond `import tensorflow`: a node is a weighted sum
and a squash, the error says how wrong it is, gradient descent says which way is downhill,
and backpropagation carries that downhill direction to every weight.

## Exercises

**1.** How many numbers does `Network([256, 64, 10])` learn (all weights and biases)?
"""),
        code("""
from nnlearn import exercises

exercises.check_network_size(..., layer_sizes=(256, 64, 10))
"""),
        md("""
**2.** Takeaway 2 in reverse: train `Network([256, 32, 10], seed=0)` on only the first 100
training digits (for 200 epochs) and compare its test accuracy with the one trained on 4,000.
Then write your own check, in the style of the cells above, that a network trained on more
data does better. There is no checker for this one: your `assert` is the checker.
"""),
        code("""
# your check here, ending with print("OK: ...")
"""),
    ])


def main() -> None:
    folder = ROOT / "notebooks"
    folder.mkdir(exist_ok=True)
    for name, build in [("05_training_starts", chapter_5), ("06_loss_and_descent", chapter_6),
                        ("07_backpropagation", chapter_7), ("08_key_takeaways", chapter_8)]:
        path = folder / f"{name}.ipynb"
        nb = build()
        nb.cells[0].source += "\n\n" + HOW_TO_RUN
        nbformat.write(nb, path)
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
