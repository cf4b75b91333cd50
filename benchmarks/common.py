"""What the benchmark modules share: the network and targets, and how a figure is timed.

Every figure is a median over interleaved repeats (``interleave`` rotates the contenders' order
in each repeat), because the machine may be shared.
"""

from __future__ import annotations

import contextlib
import inspect
import time
from pathlib import Path

import numpy as np

import nnlearn

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

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
    "slider_ms": 50.0,
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



def epoch_rows(r):
    """Per-epoch seconds with scoring of the training set (as fit does) and without."""
    return {
        "nnlearn": (r["nnlearn fit"], r["nnlearn steps"]),
        "torch float64": (r["torch float64 steps"] + r["torch float64 scoring"], r["torch float64 steps"]),
        "torch float32": (r["torch float32 steps"] + r["torch float32 scoring"], r["torch float32 steps"]),
        "scikit-learn": (r["sklearn epoch"], r["sklearn epoch"]),
    }


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



def ratio_mark(value, target, lower_is_better=True):
    ok = value <= target if lower_is_better else value >= target
    return "meets" if ok else "misses"

