"""Measure how fast nnlearn trains, how close it gets to this machine's limit, and what the course costs.

    .venv/bin/python benchmarks/run.py             # a few minutes
    .venv/bin/python benchmarks/run.py --course    # also time every notebook and the test command
    .venv/bin/python benchmarks/run.py --notebooks # only the notebooks of both editions (no extra needed)

Needs the benchmark extra (``pip install -e ".[test,bench]"``: PyTorch and scikit-learn).
Contenders are interleaved within each repeat (the order rotates) and every figure
reported is a median over the repeats, because the machine may be shared.
Writes ``benchmarks/results.md``, ``results.json``, ``results.png`` and ``vectorize.png``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import importlib
import inspect
import io
import json
import os
import platform
import re
import subprocess
import sys
import time
import warnings
from pathlib import Path

import jupytext
import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from import_time import bench_import, describe  # noqa: E402

import nnlearn  # noqa: E402
from nnlearn.course.augment import with_shifted_copies  # noqa: E402
from nnlearn.data import load_digits  # noqa: E402

LAYERS = [256, 64, 10]
LEARNING_RATE = 3.0
BATCH_SIZES = [32, 4000]
TARGETS = {
    "vs_torch_32": 0.35,
    "vs_torch_full": 1.0,
    "accuracy": 0.95,
    "accuracy_seconds": 10.0,
    "notebook_seconds": 10.0,
    "tests_seconds": 90.0,
    "slider_ms": 100.0,
}


def median(values):
    return float(np.median(values))


def p90(values):
    return float(np.percentile(values, 90))


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def page_faults():
    """Minor page faults of this process so far: each fresh page of a new large array costs one."""
    try:
        import resource
    except ImportError:  # not on Windows
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


FAULTS = {}


def interleave(contenders: dict, repeats: int) -> dict:
    """Time each contender once per repeat, rotating the order; returns name -> list of seconds.

    The page faults of each call are kept in ``FAULTS[name]`` (median per call).
    """
    names = list(contenders)
    for fn in contenders.values():  # warm-up: first calls pay for imports, caches, allocations
        fn()
    times = {name: [] for name in names}
    faults = {name: [] for name in names}
    for r in range(repeats):
        for name in names[r % len(names):] + names[:r % len(names)]:
            before = page_faults()
            times[name].append(timed(contenders[name]))
            faults[name].append(page_faults() - before)
    for name in names:
        FAULTS[name] = median(faults[name])
    return times


def blas_threads(n):
    """A context that limits numpy's BLAS (and OpenMP) to ``n`` threads; ``None`` leaves the default."""
    if n is None:
        return contextlib.nullcontext()
    from threadpoolctl import threadpool_limits

    return threadpool_limits(n)


# ---- 1. training speed ----------------------------------------------------------
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


def epoch_rows(r):
    """Per-epoch seconds with scoring of the training set (as fit does) and without."""
    return {
        "nnlearn": (r["nnlearn fit"], r["nnlearn steps"]),
        "torch float64": (r["torch float64 steps"] + r["torch float64 scoring"], r["torch float64 steps"]),
        "torch float32": (r["torch float32 steps"] + r["torch float32 scoring"], r["torch float32 steps"]),
        "scikit-learn": (r["sklearn epoch"], r["sklearn epoch"]),
    }


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
    code = "\n".join(cell.source for cell in jupytext.read(ROOT / "notebooks" / "07_backpropagation.md").cells
                     if cell.cell_type == "code")
    layers = re.search(r"^net = nnlearn\.Network\((\[[\d, ]+\]), seed=0\)", code, re.M)
    fits = re.findall(r"net\.fit\(X_more, y_more, epochs=(\d+), learning_rate=([\d.]+), batch_size=(\d+)", code)
    if layers is None or len(fits) != 2:
        raise SystemExit("notebook 07 no longer builds `net = nnlearn.Network([...], seed=0)` and fits it twice "
                         "on X_more: update chapter7_recipe() in benchmarks/run.py")
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


# ---- 2. how close to the machine's limit -------------------------------------------
def matmul_shapes(batch_size):
    """The (m, k, n) of every matrix product in one training step, as Layer.forward/backward compute them."""
    shapes = []
    for k, (n_in, n_out) in enumerate(zip(LAYERS[:-1], LAYERS[1:])):
        shapes.append(("forward x @ W", (batch_size, n_in, n_out)))
        shapes.append(("backward x.T @ dv", (n_in, batch_size, n_out)))
        if k > 0 or not skips_first_dx():
            shapes.append(("backward dv @ W.T", (batch_size, n_out, n_in)))
    return shapes


def skips_first_dx():
    """Whether this nnlearn's training step skips the slope for the input layer (nobody uses it)."""
    return "need_dx" in inspect.signature(nnlearn.network.Layer.backward).parameters


def epoch_flops(batch_size, n=4000):
    steps = -(-n // batch_size)
    train = sum(2 * m * k * q for _, (m, k, q) in matmul_shapes(batch_size)) * (n / batch_size)
    scoring = sum(2 * n * a * b for a, b in zip(LAYERS[:-1], LAYERS[1:]))
    return {"train": train, "scoring": scoring, "steps": steps}


def gflops(m, k, n, repeats, threads, rng):
    A = rng.normal(size=(m, k))
    B = rng.normal(size=(k, n))
    C = np.empty((m, n))  # written in place: a fresh output would add page faults to the arithmetic
    number = max(2, int(4e7 / (m * k * n)))  # at least about 80 MFLOP per timing
    with blas_threads(threads):
        np.matmul(A, B, out=C)
        ts = [timed(lambda: [np.matmul(A, B, out=C) for _ in range(number)]) / number
              for _ in range(2 * repeats)]
    best = min(ts)  # the machine's limit: the best it reached, not a typical moment of a shared machine
    return 2 * m * k * n / best / 1e9, best


def bench_limits(repeats):
    rng = np.random.default_rng(0)
    out = {"shapes": {}, "square": {}}
    for threads in (None, 1):
        key = "default" if threads is None else "1"
        out["square"][key] = gflops(2000, 2000, 2000, max(3, repeats // 2), threads, rng)[0]
        for batch_size in BATCH_SIZES:
            for what, (m, k, n) in matmul_shapes(batch_size):
                label = f"{m}x{k} @ {k}x{n}"
                out["shapes"].setdefault(label, {"what": what, "batch": batch_size})
                g, seconds = gflops(m, k, n, repeats, threads, rng)
                out["shapes"][label][key] = g
                out["shapes"][label][f"seconds {key}"] = seconds
    for batch_size in BATCH_SIZES:
        # the time the epoch's matrix products alone take at the throughput measured above
        for key in ("default", "1"):
            floor = sum(out["shapes"][f"{m}x{k} @ {k}x{n}"][f"seconds {key}"]
                        for _, (m, k, n) in matmul_shapes(batch_size)) * (4000 / batch_size)
            out[f"matmul floor {batch_size} {key}"] = floor
    return out


# ---- 3. why vectorize -------------------------------------------------------------
def bench_vectorize(X, Y, repeats, scalar_samples=32, per_sample_samples=500):
    import loops

    net = nnlearn.Network(LAYERS, seed=0)
    n = X.shape[0]
    order = np.random.default_rng(3).permutation(n)

    def params():
        return [(layer.W.copy(), layer.b.copy()) for layer in net.layers]

    # check: the loops compute what nnlearn computes
    check = [nnlearn.Network(LAYERS, seed=0) for _ in range(1)][0]
    p_scalar, p_sample = params(), params()
    sub = order[:scalar_samples]
    loops.scalar_epoch(p_scalar, X, Y, sub, 32, LEARNING_RATE)
    loops.per_sample_epoch(p_sample, X, Y, sub, 32, LEARNING_RATE)
    for start in range(0, len(sub), 32):
        rows = sub[start:start + 32]
        check.train_step(X[rows], Y[rows], LEARNING_RATE)
    diff = max(float(np.max(np.abs(W - layer.W))) for (W, _), layer in zip(p_scalar + p_sample,
                                                                            check.layers * 2))

    contenders = {
        "Python loops (per sample, per node, per weight)":
            lambda: loops.scalar_epoch(params(), X, Y, order[:scalar_samples], 32, LEARNING_RATE),
        "numpy per sample (loop over samples)":
            lambda: loops.per_sample_epoch(params(), X, Y, order[:per_sample_samples], 32, LEARNING_RATE),
        "numpy per batch of 32 (nnlearn)":
            lambda: _steps(net, X, Y, order, 32),
        "numpy full batch of 4000 (nnlearn)":
            lambda: _steps(net, X, Y, order, n),
    }
    with blas_threads(1):  # about vectorizing, not threads: on a shared machine threads add noise
        times = interleave(contenders, max(3, repeats // 2))
    scale = {0: n / scalar_samples, 1: n / per_sample_samples, 2: 1.0, 3: 1.0}
    per_epoch = {name: median(ts) * scale[i] for i, (name, ts) in enumerate(times.items())}
    return {"per_epoch": per_epoch, "scalar_samples": scalar_samples,
            "per_sample_samples": per_sample_samples, "max_weight_difference": diff}


def _steps(net, X, Y, order, batch_size):
    with np.errstate(over="ignore", invalid="ignore"):
        for start in range(0, X.shape[0], batch_size):
            rows = order[start:start + batch_size]
            net.train_step(X[rows], Y[rows], LEARNING_RATE)


def plot_vectorize(vec, ax=None):
    """Bar chart of one epoch's time for each way of writing the same computation (log scale)."""
    own = ax is None
    if own:
        fig, ax = plt.subplots(figsize=(8, 3.4), layout="constrained")
    names = list(vec["per_epoch"])
    seconds = [vec["per_epoch"][k] for k in names]
    bars = ax.barh(range(len(names)), seconds, color=["#c44e52", "#dd8452", "#4c72b0", "#55a868"])
    ax.set_yticks(range(len(names)), [k.replace(" (", "\n(") for k in names])
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlabel(f"seconds per epoch (4,000 digits, network 256-64-10, one thread; the two loops\n"
                  f"timed on {vec['scalar_samples']} and {vec['per_sample_samples']} samples and scaled up)",
                  fontsize=9)
    ax.set_title("Loops against matrices: one epoch, same arithmetic")
    for bar, s in zip(bars, seconds):
        ax.text(s * 1.1, bar.get_y() + bar.get_height() / 2, f"{s:.3g} s  ({s / seconds[-2]:.3g}x)",
                va="center", fontsize=8)
    ax.set_xlim(min(seconds) / 2, max(seconds) * 20)
    if own:
        fig.savefig(HERE / "vectorize.png", dpi=120)
        plt.close(fig)
    return ax


# ---- 4. the course's own cost ---------------------------------------------------------
def bench_notebooks(repeats=3):
    """Each notebook of both editions in a fresh kernel: seconds from starting the kernel to the last
    cell's output (what a learner waits for after Restart and Run All; the kernel's shutdown is not
    counted), the median of ``repeats`` runs taken in turn."""
    import nbformat
    from nbclient import NotebookClient

    notebooks = {"(baseline: kernel start and imports)": (nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("%matplotlib inline\nimport matplotlib.pyplot as plt\nimport nnlearn")]),
        ROOT / "notebooks")}
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + sorted(
            (ROOT / "notebooks" / "zh").glob("[0-9][0-9]_*.ipynb")):
        name = path.name if path.parent.name == "notebooks" else f"zh/{path.name}"
        notebooks[name] = (nbformat.read(path, as_version=4), path.parent)  # run in memory; not written
    times = {name: [] for name in notebooks}
    failed = {}
    for _ in range(repeats):
        for name, (nb, folder) in notebooks.items():
            if name in failed:
                continue
            for attempt in (1, 2):  # a kernel on a busy machine occasionally never answers: one retry
                client = NotebookClient(nb, timeout=120, kernel_name="python3",
                                        resources={"metadata": {"path": str(folder)}})
                try:
                    start = time.perf_counter()
                    with client.setup_kernel():
                        for index, cell in enumerate(client.nb.cells):
                            client.execute_cell(cell, index)
                        times[name].append(time.perf_counter() - start)
                    failed.pop(name, None)
                    break
                except Exception as error:  # report and go on: a broken notebook is a result too
                    failed[name] = f"failed: {type(error).__name__}" + (" (after a retry)" if attempt == 2 else "")
                    if "Timeout" not in type(error).__name__:
                        break
    return {name: failed.get(name) or median(times[name]) for name in notebooks}


def print_notebook_times(notebooks):
    for name, seconds in notebooks.items():
        print(f"   {name:45s} " + (f"{seconds:5.1f} s  {seconds / TARGETS['notebook_seconds']:.2f} of the target: "
                                     f"{ratio_mark(seconds, TARGETS['notebook_seconds'])}"
                                     if isinstance(seconds, float) else seconds), flush=True)


def bench_test_command():
    """The README's test command without the browser tests (tests/e2e)."""
    command = [str(ROOT / ".venv/bin/pytest"), "--nbval", "-p", "no:randomly", "--ignore=tests/e2e", "-q"]
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    summary = (proc.stdout.strip().splitlines() or ["(no output)"])[-1]
    return {"command": "pytest " + " ".join(command[1:]), "seconds": seconds,
            "returncode": proc.returncode, "summary": summary}


# ---- 5. slider feel ----------------------------------------------------------------------
SAMPLE_ARGUMENTS = {}


def sample_arguments():
    """Values for factory parameters that have no default, by the names the package uses."""
    if not SAMPLE_ARGUMENTS:
        from nnlearn.data import study_hours

        hours, scores = study_hours()
        X, y, X_test, y_test = load_digits()
        net = nnlearn.Network(LAYERS, seed=0)
        net.fit(X, y, epochs=1)
        SAMPLE_ARGUMENTS.update(
            x=hours, hours=hours, y=scores, scores=scores, fit=nnlearn.linefit.CHAPTER_6.fit(),
            X=X_test, X_test=X_test, y_test=y_test,
            labels=y_test, images=X_test, network=net, net=net, digit=X_test[0], image=X_test[0])
    return SAMPLE_ARGUMENTS


def sliders_of(widget):
    """Every slider inside ``widget``, depth first."""
    import ipywidgets

    found, stack = [], [widget]
    while stack:
        w = stack.pop()
        if isinstance(w, (ipywidgets.FloatSlider, ipywidgets.IntSlider, ipywidgets.FloatLogSlider,
                          ipywidgets.SelectionSlider)):
            found.append(w)
        stack.extend(reversed(getattr(w, "children", ())))
    return found


def slider_values(slider, count):
    """``count`` values spread over the slider's range, visited back and forth."""
    import ipywidgets

    if isinstance(slider, ipywidgets.SelectionSlider):
        options = list(slider.options)
        picks = [options[round(i)][1] if isinstance(options[0], tuple) else options[round(i)]
                 for i in np.linspace(0, len(options) - 1, min(count, len(options)))]
    else:
        lo, hi = slider.min, slider.max
        picks = list(np.linspace(lo, hi, count))
        if isinstance(slider, ipywidgets.FloatLogSlider):
            picks = [slider.base ** p for p in picks]
        if isinstance(slider, ipywidgets.IntSlider):
            picks = [int(round(p)) for p in picks]
    return [p for p in picks[1:] + picks[::-1][1:]]


def baseline_figure(moves):
    """This machine's floor: a new figure with one line, rendered to PNG as the inline backend does."""
    from IPython.core.pylabtools import print_figure
    from matplotlib_inline.backend_inline import InlineBackend

    kwargs = InlineBackend.instance().print_figure_kwargs

    def draw():
        fig, ax = plt.subplots()
        ax.plot([0, 1], [0, 1])
        print_figure(fig, "png", **kwargs)
        plt.close(fig)

    draw()
    times = [timed(draw) for _ in range(2 * moves)]
    return {"-": {"median_ms": median(times) * 1e3, "p90_ms": p90(times) * 1e3, "moves": len(times),
                  "pngs": len(times), "callback_ms": None}}


class InlineShell:
    """An in-process IPython shell with the inline backend, as in a notebook (figures shown by pyplot are
    rendered to PNG and published)."""

    def __init__(self):
        from IPython.core.interactiveshell import InteractiveShell

        class Shell(InteractiveShell):
            def enable_gui(self, gui=None):  # the inline backend needs no GUI event loop
                pass

        self.shell = Shell.instance()
        self.shell.run_line_magic("matplotlib", "inline")
        # the name a Jupyter kernel reports, which ipywidgets checks before showing figures
        plt.switch_backend("module://matplotlib_inline.backend_inline")
        self.published = []
        self.shell.display_pub.publish = lambda data, *a, **k: self.published.append(sorted(data))


def bench_sliders(moves):
    try:
        widgets_module = importlib.import_module("nnlearn.pictures.widgets")
    except ImportError as error:
        return {"error": str(error)}
    inline = InlineShell()
    results = {"(baseline: one line, new figure)": baseline_figure(moves)}
    for name, factory in inspect.getmembers(widgets_module, inspect.isfunction):
        if name.startswith("_") or factory.__module__ != widgets_module.__name__:
            continue
        params = inspect.signature(factory).parameters.values()
        required = [p.name for p in params if p.default is p.empty
                    and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
        if not required or all(r in sample_arguments() for r in required):
            kwargs = {r: sample_arguments()[r] for r in required}
        else:
            if name.endswith("_widget"):  # a factory we cannot call; other functions are helpers
                results[name] = {"skipped": f"needs {', '.join(required)}"}
            continue
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                widget = factory(**kwargs)
        except Exception as error:
            results[name] = {"skipped": f"{type(error).__name__}: {error}"[:120]}
            continue
        sliders = sliders_of(widget) if hasattr(widget, "keys") or hasattr(widget, "children") else []
        if not sliders:
            continue  # not a widget factory (or a widget without sliders)
        results[name] = {}
        callback = []
        if callable(getattr(widget, "f", None)):  # interactive: time its function apart from the PNG
            def timed_f(*a, _f=widget.f, _times=callback, **k):
                start = time.perf_counter()
                try:
                    return _f(*a, **k)
                finally:
                    _times.append(time.perf_counter() - start)

            widget.f = timed_f
        pictures = []  # PNGs shown in the widget's Image (nnlearn's widgets), besides published ones
        if hasattr(widget, "picture"):
            widget.picture.observe(lambda change, _shown=pictures: _shown.append(1), names="value")
        for slider in sliders:
            times, pngs = [], 0
            callback.clear()
            for value in slider_values(slider, moves):
                before, before_pictures = len(inline.published), len(pictures)
                with contextlib.redirect_stdout(io.StringIO()):
                    start = time.perf_counter()
                    slider.value = value
                    times.append(time.perf_counter() - start)
                pngs += sum("image/png" in data for data in inline.published[before:])
                pngs += len(pictures) - before_pictures
            results[name][slider.description] = {
                "median_ms": median(times) * 1e3, "p90_ms": p90(times) * 1e3, "moves": len(times),
                "pngs": pngs, "callback_ms": median(callback) * 1e3 if callback else None}
        plt.close("all")
    return results


# ---- report ------------------------------------------------------------------------------
def ratio_mark(value, target, lower_is_better=True):
    ok = value <= target if lower_is_better else value >= target
    return "meets" if ok else "misses"


def machine():
    import torch

    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {"cpu": cpu, "cores": os.cpu_count(), "load": load, "python": platform.python_version(),
            "numpy": np.__version__, "torch": torch.__version__, "torch threads": torch.get_num_threads(),
            "date": datetime.datetime.now().isoformat(timespec="minutes")}


def write_report(res):
    m = res["machine"]
    lines = [
        "# nnlearn benchmarks",
        "",
        f"Written by `benchmarks/run.py` on {m['date']}: {m['cpu']}, {m['cores']} cores "
        f"(load average {m['load']:.1f} when the run started: the machine was shared), "
        f"Python {m['python']}, numpy {m['numpy']}, PyTorch {m['torch']} "
        f"({m['torch threads']} threads by default). Medians of {res['repeats']} interleaved repeats.",
        "",
        *([f"**Import time** (`benchmarks/import_time.py`): {describe(res['import'])}.", ""]
          if "import" in res else []),
        "## 1. Training speed: seconds per epoch",
        "",
        f"Network {LAYERS}, sigmoid everywhere, plain SGD, learning rate {LEARNING_RATE}, the 4,000 "
        "training digits of `nnlearn.data.load_digits()`. *With scoring* is one epoch as "
        "`Network.fit(epochs=1)` runs it: the batches, then loss and accuracy on the whole training set "
        "(the history); for PyTorch the same scoring pass is timed separately (under `no_grad`) and "
        "added. *Steps only* is the loop over the batches alone. PyTorch starts from nnlearn's weights, "
        "uses the same squared error and visits the same batches: after one epoch its float64 weights "
        f"differ from nnlearn's by at most {res['training']['default']['agreement']:.1e}. "
        "scikit-learn's MLPClassifier (`partial_fit`, one epoch; `momentum=0`, `alpha=0`) is not the "
        "same model: its output layer is a softmax trained on log-loss (cross-entropy), not sigmoids "
        "on the squared error, and it tracks its loss batch by batch instead of scoring afterwards; "
        "the matrix products are the same size.",
        "",
    ]
    for setting, label in (("default", "default threads (numpy's OpenBLAS and PyTorch both use "
                                        f"{res['training']['default']['torch threads']})"),
                           ("1", "one thread each (threadpoolctl for numpy, torch.set_num_threads(1))")):
        tr = res["training"].get(setting)
        if not tr:
            continue
        lines += [f"### {label}", "",
                  "| contender | batch 32, with scoring | batch 32, steps only "
                  "| full batch, with scoring | full batch, steps only |",
                  "|---|---|---|---|---|"]
        rows32, rowsfull = epoch_rows(tr[32]), epoch_rows(tr[4000])
        for name in rows32:
            a, b = rows32[name]
            c, d = rowsfull[name]
            lines.append(f"| {name} | {a * 1e3:.0f} ms | {b * 1e3:.0f} ms | {c * 1e3:.0f} ms | {d * 1e3:.0f} ms |")
        lines.append("")
        for bs, target_key in ((32, "vs_torch_32"), (4000, "vs_torch_full")):
            rows = rows32 if bs == 32 else rowsfull
            t = TARGETS[target_key]
            for dtype in ("torch float64", "torch float32"):
                r_score = rows["nnlearn"][0] / rows[dtype][0]
                r_steps = rows["nnlearn"][1] / rows[dtype][1]
                lines.append(f"- batch {bs}: nnlearn / {dtype} = **{r_score:.2f}x** with scoring, "
                             f"{r_steps:.2f}x steps only (target <= {t}x: "
                             f"{ratio_mark(r_score, t)} with scoring, {ratio_mark(r_steps, t)} steps only)")
            r_sk = rows["nnlearn"][0] / rows["scikit-learn"][0]
            lines.append(f"- batch {bs}: nnlearn fit / scikit-learn = **{r_sk:.2f}x** (target < 1x: "
                         f"{ratio_mark(r_sk, 1.0)})")
        acc = tr["accuracy after timing"]
        lines += ["", "Test accuracy after the timed epochs (only a check that every contender learns; "
                  "nnlearn's network ran both the fit and the steps epochs, so twice as many): "
                  + ", ".join(f"{k} {v:.1%}" for k, v in acc.items()) + ".", ""]

    tta = res["accuracy"]
    reached = tta["seconds_to_target"]
    lines += [
        "### Time to 95 % test accuracy",
        "",
        f"`Network({LAYERS}).fit` with its defaults (learning rate {tta['learning_rate']}, batch "
        f"{tta['batch_size']}, up to {tta['epochs']} epochs), timed epoch by epoch (fit only, with its "
        "history scoring; the test-set scoring between epochs is not timed): "
        + (f"**{reached:.1f} s** to reach 95 % ({ratio_mark(reached, TARGETS['accuracy_seconds'])} the "
           "10 s target)" if reached is not None else "95 % **not reached**")
        + f"; best test accuracy within 10 s: {tta['best_within_budget']:.1%}. Curve (seconds, accuracy): "
        + ", ".join(f"({t:.1f}, {a:.1%})" for t, a in tta["curve"]) + ".",
        "",
    ]

    ch7 = res.get("chapter7")
    if ch7:
        r7 = ch7["recipe"]
        lines += [
            "### Notebook 07's digit network",
            "",
            f"`Network({r7['layers']}, seed=0)` trained with notebook 07's settings on all 4,000 training digits "
            "(the notebook puts 500 of them aside to choose its settings) plus "
            f"their one-pixel shifted copies (20,000, `nnlearn.course.augment.with_shifted_copies`), {r7['epochs']} "
            f"epochs at learning rate {r7['learning_rate']:g}, then {r7['fine_epochs']} at "
            f"{r7['fine_learning_rate']:g}, batch {r7['batch_size']}, plain SGD: test accuracy "
            f"**{ch7['accuracy']:.1%}** in **{median(ch7['seconds']):.1f} s** of training (median of "
            f"{len(ch7['seconds'])}; {ratio_mark(median(ch7['seconds']), TARGETS['accuracy_seconds'])} the "
            f"10 s target{'' if ch7['accuracy'] >= TARGETS['accuracy'] else '; below 95 %'}).",
            "",
        ]

    lim = res["limits"]
    lines += [
        "## 2. How close to the machine's limit",
        "",
        f"numpy matrix product throughput on this machine (float64): a 2000x2000 square product reaches "
        f"{lim['square']['default']:.1f} GFLOP/s with default threads, {lim['square']['1']:.1f} GFLOP/s on "
        "one thread (best of the repeats: the limit, not a typical moment). The products of one training step:",
        "",
        "| product | in | batch | GFLOP/s default threads | GFLOP/s one thread |",
        "|---|---|---|---|---|",
    ]
    for label, s in lim["shapes"].items():
        lines.append(f"| {label} | {s['what']} | {s['batch']} | {s['default']:.1f} | {s['1']:.1f} |")
    lines += ["", "| batch | training GFLOP per epoch | + scoring | matrix products alone "
              "(default / one thread) | nnlearn steps (default / one thread) | products' share of the steps |",
              "|---|---|---|---|---|---|"]
    for bs in BATCH_SIZES:
        f = epoch_flops(bs)
        floor_d, floor_1 = lim[f"matmul floor {bs} default"], lim[f"matmul floor {bs} 1"]
        steps_d = res["training"]["default"][bs]["nnlearn steps"]
        steps_1 = res["training"].get("1", res["training"]["default"])[bs]["nnlearn steps"]
        lines.append(f"| {bs} | {f['train'] / 1e9:.3f} | {f['scoring'] / 1e9:.3f} | {floor_d * 1e3:.0f} / "
                     f"{floor_1 * 1e3:.0f} ms | {steps_d * 1e3:.0f} / {steps_1 * 1e3:.0f} ms | "
                     f"{floor_d / steps_d:.0%} / {floor_1 / steps_1:.0%} |")
    lines += ["", "FLOPs count the matrix products only (2 m k n each): forward `x @ W`, backward `x.T @ dv` "
              "and `dv @ W.T`" + (" (skipped for the first layer, whose input slope nobody uses)"
                                  if skips_first_dx() else "") + "; the elementwise work (sigmoid, "
              "its slope, the update) is not counted.", ""]

    vec = res["vectorize"]
    names = list(vec["per_epoch"])
    lines += ["## 3. Why vectorize", "",
              "One epoch of the same training (batch 32, same arithmetic: the loops' weights equal "
              f"nnlearn's to {vec['max_weight_difference']:.0e} after {vec['scalar_samples'] // 32} "
              "batch(es)), written four ways (`benchmarks/loops.py`), on one thread (this is about "
              "vectorizing, not threads). The Python loops ran on "
              f"{vec['scalar_samples']} samples and the per-sample numpy loop on "
              f"{vec['per_sample_samples']}; both are extrapolated linearly to 4,000. Figure: "
              "`benchmarks/vectorize.png`.", "",
              "| implementation | seconds per epoch | time / nnlearn's at batch 32 |", "|---|---|---|"]
    base = vec["per_epoch"][names[2]]
    for name in names:
        lines.append(f"| {name} | {vec['per_epoch'][name]:.3g} | {vec['per_epoch'][name] / base:.3g}x |")
    lines.append("")

    lines += ["## 4. The course's own cost", ""]
    course = res.get("course")
    if course is None:
        lines += ["Not measured in this run (run with `--course`).", ""]
    else:
        if course.get("date") != m["date"]:
            lines += [f"Carried over from the `--course` run of {course.get('date')}.", ""]
        lines += ["Each notebook of both editions in a fresh kernel (nbclient, nothing written back): seconds "
                  "from starting the kernel to the last cell's output, the median of 3 runs (runs of the "
                  "--course measurement before 2026-11-28 counted the kernel's shutdown too and ran once); "
                  "the baseline row is a notebook that only imports matplotlib and nnlearn:", "",
                  "| notebook | seconds | target <= 10 s |", "|---|---|---|"]
        for name, s in course["notebooks"].items():
            lines.append(f"| {name} | {s:.1f} | {ratio_mark(s, TARGETS['notebook_seconds'])} |"
                         if isinstance(s, float) else f"| {name} | {s} | misses |")
        if not course["notebooks"]:
            lines.append("| (no notebooks yet) | | |")
        t = course["tests"]
        lines += ["", f"`{t['command']}`: **{t['seconds']:.0f} s** (target <= 90 s: "
                  f"{ratio_mark(t['seconds'], TARGETS['tests_seconds'])}), exit code {t['returncode']}, "
                  f"`{t['summary']}`.", ""]

    lines += ["## 5. Slider feel", "",
              "Time from setting a slider's value to the finished picture, in-process: an IPython shell "
              "with the inline backend, so each move runs the widget's callback (which builds the new "
              "figure), then draws it and renders the PNG the notebook would show. *Callback* is the "
              "widget's own function alone; the rest is matplotlib drawing and PNG encoding. The "
              "baseline row is a new figure with a single line, the floor on this machine.", "",
              "| widget | slider | median ms | p90 ms | callback ms | moves | target median <= 100 ms |",
              "|---|---|---|---|---|---|---|"]
    for name, sliders in res["sliders"].items():
        if "skipped" in sliders or "error" in sliders:
            lines.append(f"| {name} | ({sliders.get('skipped', sliders.get('error'))}) | | | | | |")
            continue
        for slider, s in sliders.items():
            cb = f"{s['callback_ms']:.0f}" if s.get("callback_ms") is not None else ""
            lines.append(f"| {name} | {slider} | {s['median_ms']:.0f} | {s['p90_ms']:.0f} | {cb} | "
                         f"{s['moves']} | {ratio_mark(s['median_ms'], TARGETS['slider_ms'])} |")
    lines += ["", "## What remains", "", res.get("remains", "").strip(), ""]
    (HERE / "results.md").write_text("\n".join(lines))


def plot_results(res):
    fig, axes = plt.subplots(2, 2, figsize=(12, 8), layout="constrained")
    ax = axes[0, 0]
    groups = [(bs, key) for key in res["training"] for bs in BATCH_SIZES]
    names = list(epoch_rows(res["training"]["default"][32]))
    width = 0.2
    values = []
    for i, (bs, key) in enumerate(groups):
        rows = epoch_rows(res["training"][key][bs])
        for j, name in enumerate(names):
            x = i + (j - 1.5) * width
            ax.bar(x, rows[name][0], width, color=f"C{j}", label=name if i == 0 else None)
            ax.bar(x, rows[name][1], width, color="none", edgecolor="k", hatch="//", lw=0.5)
            values.append(rows[name][1])
    ax.set_xticks(range(len(groups)), [f"batch {bs}\n{'default threads' if key == 'default' else 'one thread'}"
                                       for bs, key in groups], fontsize=8)
    ax.set_yscale("log")
    ax.set_ylim(min(values) / 3, None)
    ax.set_ylabel("seconds per epoch (hatched: steps only)")
    ax.set_title("1. Training speed: one epoch, 4,000 digits, 256-64-10")
    ax.legend(fontsize=8)

    ax = axes[0, 1]
    lim = res["limits"]
    labels = list(lim["shapes"]) + ["2000x2000 square"]
    for j, key in enumerate(("default", "1")):
        values = [lim["shapes"][lab][key] for lab in lim["shapes"]] + [lim["square"][key]]
        ax.barh(np.arange(len(labels)) + (j - 0.5) * 0.4, values, 0.4,
                label="default threads" if key == "default" else "one thread")
    ax.set_yticks(range(len(labels)), labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel("GFLOP/s (float64)")
    ax.set_title("2. numpy matrix product throughput")
    ax.legend(fontsize=8)

    plot_vectorize(res["vectorize"], ax=axes[1, 0])
    axes[1, 0].set_title("3. Why vectorize")

    ax = axes[1, 1]
    entries = [(f"{name}: {slider}", s) for name, sliders in res["sliders"].items()
               if "skipped" not in sliders and "error" not in sliders for slider, s in sliders.items()]
    if entries:
        ax.barh(range(len(entries)), [s["median_ms"] for _, s in entries], color="C0", label="median")
        ax.scatter([s["p90_ms"] for _, s in entries], range(len(entries)), color="k", marker="|", s=80,
                   label="p90", zorder=3)
        ax.axvline(TARGETS["slider_ms"], color="C3", ls="--", label="target 100 ms")
        ax.set_yticks(range(len(entries)), [e for e, _ in entries], fontsize=7)
        ax.invert_yaxis()
        ax.legend(fontsize=8)
    ax.set_xlabel("ms from slider move to finished PNG")
    ax.set_title("5. Slider feel")
    fig.suptitle(f"nnlearn benchmarks, {res['machine']['date']}")
    fig.savefig(HERE / "results.png", dpi=100)
    plt.close(fig)


REMAINS = HERE / "remains.md"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="interleaved repeats per measurement")
    parser.add_argument("--course", action="store_true", help="also time the notebooks and the test command")
    parser.add_argument("--moves", type=int, default=6, help="slider positions per slider (visited there and back)")
    parser.add_argument("--notebooks", action="store_true",
                        help="only time the notebooks of both editions and print the table (writes no results)")
    args = parser.parse_args(argv)
    if args.notebooks:
        print(f"machine: {machine()}\nnotebooks in a fresh kernel, median of 3 runs (target <= "
              f"{TARGETS['notebook_seconds']:.0f} s):", flush=True)
        print_notebook_times(bench_notebooks())
        return 0

    res = {"machine": machine(), "repeats": args.repeats}
    X, y, X_test, y_test = load_digits()
    print(f"machine: {res['machine']}", flush=True)
    res["import"] = bench_import()
    print(f"0. {describe(res['import'])}", flush=True)
    res["training"] = {}
    for threads in (None, 1):
        key = "default" if threads is None else "1"
        print(f"1. training speed, threads={key} ...", flush=True)
        res["training"][key] = bench_training(X, y, X_test, y_test, args.repeats, threads)
        for bs in BATCH_SIZES:
            print(f"   batch {bs}: " + ", ".join(f"{k} {v * 1e3:.0f} ms"
                                                for k, v in epoch_rows(res["training"][key][bs]).items()
                                                for v in v[:1]), flush=True)
    print("   time to 95 % ...", flush=True)
    res["accuracy"] = bench_time_to_accuracy(X, y, X_test, y_test)
    print("   chapter 7's training ...", flush=True)
    res["chapter7"] = bench_chapter7(X, y, X_test, y_test, max(3, args.repeats // 2))
    print("2. matmul throughput ...", flush=True)
    res["limits"] = bench_limits(args.repeats)
    print("3. loops against matrices ...", flush=True)
    res["vectorize"] = bench_vectorize(X, nnlearn.Network(LAYERS).one_hot(y), args.repeats)
    plot_vectorize(res["vectorize"])
    previous = HERE / "results.json"
    if args.course:  # fresh kernels first, before this process holds the sliders' IPython shell
        print("4. notebooks and the test command ...", flush=True)
        res["course"] = {"date": res["machine"]["date"], "notebooks": bench_notebooks(),
                         "tests": bench_test_command()}
        print_notebook_times(res["course"]["notebooks"])
    elif previous.exists():
        res["course"] = json.loads(previous.read_text()).get("course")
    print("5. sliders ...", flush=True)
    res["sliders"] = bench_sliders(args.moves)
    res["remains"] = REMAINS.read_text() if REMAINS.exists() else ""

    previous.write_text(json.dumps(res, indent=1, default=str))
    write_report(res)
    plot_results(res)
    print((HERE / "results.md").read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
