"""1. Training speed: nnlearn against PyTorch and scikit-learn, time to 95 %, chapter 7's training.

PyTorch and scikit-learn (the ``bench`` extra) are imported only when a measurement runs.
"""

from __future__ import annotations

import inspect
import json
import re
import warnings

import jupytext
import numpy as np
from common import BATCH_SIZES, FAULTS, LAYERS, LEARNING_RATE, ROOT, TARGETS, blas_threads, interleave, median, timed

import nnlearn
from nnlearn.course.augment import with_shifted_copies


class Contenders:
    """The same network, data, batches and learning rate in nnlearn, PyTorch and scikit-learn."""

    def __init__(self, X, y):
        import torch

        self.torch = torch
        self.X, self.y = X, y
        self.n = X.shape[0]
        self.net = nnlearn.Network(LAYERS, seed=0)
        self.Y = self.net.one_hot(y)
        self.rng = np.random.default_rng(1)
        self.models = {}
        for dtype in (torch.float64, torch.float32):
            model = torch.nn.Sequential(
                torch.nn.Linear(LAYERS[0], LAYERS[1]), torch.nn.Sigmoid(),
                torch.nn.Linear(LAYERS[1], LAYERS[2]), torch.nn.Sigmoid(),
            ).to(dtype)
            self.copy_weights(model)
            self.models[dtype] = (model, torch.optim.SGD(model.parameters(), lr=LEARNING_RATE),
                                  torch.tensor(X, dtype=dtype), torch.tensor(self.Y, dtype=dtype),
                                  torch.tensor(y))
        self.sklearn = {}

    def copy_weights(self, model, net=None):
        """Start the torch model from nnlearn's weights (torch stores W transposed: outputs x inputs)."""
        net = net or self.net
        with self.torch.no_grad():
            for linear, layer in zip(model[0::2], net.layers):
                linear.weight.copy_(self.torch.tensor(layer.W.T))
                linear.bias.copy_(self.torch.tensor(layer.b))

    def order(self):
        return self.rng.permutation(self.n)

    # nnlearn
    def nnlearn_fit(self, batch_size):
        """One epoch as users run it: Network.fit, which also scores the training set (history)."""
        self.net.fit(self.X, self.y, epochs=1, learning_rate=LEARNING_RATE, batch_size=batch_size,
                     seed=self.rng)

    def nnlearn_steps(self, batch_size, net=None, order=None):
        """The same batches through the inner loop only (no scoring), like the torch loop."""
        net = net or self.net
        order = self.order() if order is None else order
        with np.errstate(over="ignore", invalid="ignore"):
            for start in range(0, self.n, batch_size):
                rows = order[start:start + batch_size]
                net.train_step(self.X[rows], self.Y[rows], LEARNING_RATE)

    def nnlearn_scores(self):
        self.net._scores(self.X, self.y)

    # torch
    def torch_steps(self, dtype, batch_size, order=None):
        model, opt, X, Y, _ = self.models[dtype]
        order = self.torch.from_numpy(self.order() if order is None else order)
        for start in range(0, self.n, batch_size):
            rows = order[start:start + batch_size]
            out = model(X[rows])
            loss = 0.5 * ((Y[rows] - out) ** 2).sum() / rows.shape[0]
            opt.zero_grad()
            loss.backward()
            opt.step()

    def torch_scores(self, dtype):
        """Loss and accuracy on the whole training set, as nnlearn's fit records them."""
        model, _, X, Y, y = self.models[dtype]
        with self.torch.no_grad():
            out = model(X)
            float(0.5 * ((Y - out) ** 2).sum() / X.shape[0])
            float((out.argmax(dim=1) == y).double().mean())

    # scikit-learn
    def sklearn_epoch(self, batch_size):
        """One epoch of MLPClassifier.partial_fit: hidden sigmoid, softmax output, log-loss."""
        if batch_size not in self.sklearn:
            from sklearn.neural_network import MLPClassifier

            self.sklearn[batch_size] = MLPClassifier(
                hidden_layer_sizes=(LAYERS[1],), activation="logistic", solver="sgd",
                learning_rate_init=LEARNING_RATE, learning_rate="constant", momentum=0.0,
                nesterovs_momentum=False, alpha=0.0, batch_size=batch_size, max_iter=1,
                shuffle=True, random_state=0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.sklearn[batch_size].partial_fit(self.X, self.y, classes=np.arange(10))

    def agreement(self, batch_size=32):
        """Largest weight difference between nnlearn and torch float64 after one epoch, same start and batches."""
        net = nnlearn.Network(LAYERS, seed=0)
        model = self.models[self.torch.float64][0]
        self.copy_weights(model, net)
        order = np.random.default_rng(7).permutation(self.n)
        self.nnlearn_steps(batch_size, net=net, order=order)
        self.torch_steps(self.torch.float64, batch_size, order=order)
        return max(float(np.max(np.abs(layer.W - linear.weight.detach().numpy().T)))
                   for linear, layer in zip(model[0::2], net.layers))

    def accuracies(self, X_test, y_test):
        out = {"nnlearn": self.net.accuracy(X_test, y_test)}
        for dtype, (model, *_rest) in self.models.items():
            with self.torch.no_grad():
                pred = model(self.torch.tensor(X_test, dtype=dtype)).argmax(dim=1).numpy()
            out[f"torch {str(dtype).split('.')[-1]}"] = float(np.mean(pred == y_test))
        for batch_size, clf in self.sklearn.items():
            out[f"sklearn batch {batch_size}"] = float(clf.score(X_test, y_test))
        return out


def bench_training(X, y, X_test, y_test, repeats, threads):
    import torch

    c = Contenders(X, y)
    results = {}
    for batch_size in BATCH_SIZES:
        contenders = {
            "nnlearn fit": lambda b=batch_size: c.nnlearn_fit(b),
            "nnlearn steps": lambda b=batch_size: c.nnlearn_steps(b),
            "nnlearn scoring": c.nnlearn_scores,
            "torch float64 steps": lambda b=batch_size: c.torch_steps(torch.float64, b),
            "torch float64 scoring": lambda: c.torch_scores(torch.float64),
            "torch float32 steps": lambda b=batch_size: c.torch_steps(torch.float32, b),
            "torch float32 scoring": lambda: c.torch_scores(torch.float32),
            "sklearn epoch": lambda b=batch_size: c.sklearn_epoch(b),
        }
        with blas_threads(threads):
            saved = torch.get_num_threads()
            if threads is not None:
                torch.set_num_threads(threads)
            try:
                times = interleave(contenders, repeats)
            finally:
                torch.set_num_threads(saved)
        results[batch_size] = {name: median(ts) for name, ts in times.items()}
        results[batch_size]["raw"] = times
        results[batch_size]["page faults"] = {name: FAULTS[name] for name in times}
    results["accuracy after timing"] = c.accuracies(X_test, y_test)
    results["agreement"] = c.agreement()
    results["torch threads"] = threads or torch.get_num_threads()
    return results



def bench_time_to_accuracy(X, y, X_test, y_test, budget=10.0):
    """Train with fit's defaults epoch by epoch; the clock counts fit only, not the test scoring."""
    defaults = inspect.signature(nnlearn.Network.fit).parameters
    epochs = defaults["epochs"].default
    learning_rate, batch_size = defaults["learning_rate"].default, defaults["batch_size"].default
    net = nnlearn.Network(LAYERS, seed=0)
    elapsed, curve = 0.0, []
    for _ in range(epochs):
        elapsed += timed(lambda: net.fit(X, y, epochs=1, learning_rate=learning_rate, batch_size=batch_size))
        curve.append((elapsed, net.accuracy(X_test, y_test)))
        if elapsed > budget:
            break
    reached = next((t for t, acc in curve if acc >= TARGETS["accuracy"]), None)
    within = max((acc for t, acc in curve if t <= budget), default=0.0)
    return {"epochs": epochs, "learning_rate": learning_rate, "batch_size": batch_size,
            "curve": curve, "seconds_to_target": reached, "best_within_budget": within}


def chapter7_recipe():
    """The settings notebook 07 trains with, read from the notebook's code (its text twin)."""
    twin = jupytext.read(ROOT / "notebooks" / "07_backpropagation.md", fmt="md:myst")
    code = "\n".join(cell.source for cell in twin.cells if cell.cell_type == "code")
    layers = re.search(r"^net = nnlearn\.Network\((\[[\d, ]+\]), seed=0\)", code, re.M)
    fits = re.findall(r"net\.fit\(X_more, y_more, epochs=(\d+), learning_rate=([\d.]+), batch_size=(\d+)", code)
    if layers is None or len(fits) != 2:
        raise SystemExit("notebook 07 no longer builds `net = nnlearn.Network([...], seed=0)` and fits it twice "
                         "on X_more: update chapter7_recipe() in benchmarks/measure_training.py")
    (epochs, learning_rate, batch_size), (fine_epochs, fine_learning_rate, fine_batch) = fits
    if fine_batch != batch_size:
        raise SystemExit("notebook 07 fine-tunes with another batch size than it trains: update chapter7_recipe()")
    return {"layers": json.loads(layers.group(1)), "epochs": int(epochs), "learning_rate": float(learning_rate),
            "batch_size": int(batch_size), "fine_epochs": int(fine_epochs),
            "fine_learning_rate": float(fine_learning_rate)}


def bench_chapter7(X, y, X_test, y_test, repeats):
    """Notebook 07's training (shifted copies of the digits, then a short fine-tuning), timed whole."""
    recipe = chapter7_recipe()
    X_more, y_more = with_shifted_copies(X, y)
    runs = []
    for _ in range(repeats):
        net = nnlearn.Network(recipe["layers"], seed=0)
        seconds = timed(lambda net=net: (
            net.fit(X_more, y_more, epochs=recipe["epochs"], learning_rate=recipe["learning_rate"],
                    batch_size=recipe["batch_size"]),
            net.fit(X_more, y_more, epochs=recipe["fine_epochs"], learning_rate=recipe["fine_learning_rate"],
                    batch_size=recipe["batch_size"])))
        runs.append((seconds, net.accuracy(X_test, y_test)))
    return {"recipe": recipe, "seconds": [t for t, _ in runs], "accuracy": runs[0][1],
            "same_every_run": len({a for _, a in runs}) == 1}

