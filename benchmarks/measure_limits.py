"""2. How close to the machine's limit (matrix product throughput) and 3. why vectorize (loops against matrices)."""

from __future__ import annotations

import numpy as np
from common import BATCH_SIZES, LAYERS, LEARNING_RATE, blas_threads, interleave, matmul_shapes, median, timed

import nnlearn


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

