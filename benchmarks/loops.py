r"""The digit network trained with loops instead of matrices, to show why we vectorize.

Two readable versions of one epoch of mini-batch gradient descent, the same
mathematics as :meth:`nnlearn.Network.train_step` (sigmoid everywhere, the batch
mean of the article's error :math:`\frac{1}{2}\sum_k (Y_k - y_k)^2`):

- :func:`scalar_epoch`: one sample, one node, one weight at a time, in plain
  Python floats, exactly as the article writes :math:`v_k = \sum_i x_i w_i + b_k`;
- :func:`per_sample_epoch`: one sample at a time, but each layer's nodes at once
  with numpy vectors (``x @ W``, ``np.outer``).

Both take the weights as ``[(W, b), ...]`` (``W`` of shape ``(inputs, outputs)``,
as in :class:`nnlearn.Layer`), update them in place and visit the rows of ``X``
in ``order``, ``batch_size`` rows per step.
"""

from __future__ import annotations

import math

import numpy as np


def _sigmoid(v: float) -> float:
    """:math:`1 / (1 + e^{-v})`, written so that ``math.exp`` never overflows."""
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    z = math.exp(v)
    return z / (1.0 + z)


def scalar_epoch(params, X, Y, order, batch_size, learning_rate):
    """One epoch with a Python loop over samples, nodes and weights (lists of floats)."""
    Ws = [W.tolist() for W, _ in params]
    bs = [b.tolist() for _, b in params]
    for start in range(0, len(order), batch_size):
        rows = order[start:start + batch_size]
        dWs = [[[0.0] * len(W[0]) for _ in W] for W in Ws]
        dbs = [[0.0] * len(b) for b in bs]
        for r in rows:
            # forward: every node k of every layer, v_k = sum_i x_i w_ik + b_k, y_k = sigma(v_k)
            ys = [X[r].tolist()]
            for W, b in zip(Ws, bs):
                x = ys[-1]
                y = []
                for k in range(len(b)):
                    v = b[k]
                    for i in range(len(x)):
                        v += x[i] * W[i][k]
                    y.append(_sigmoid(v))
                ys.append(y)
            # backward: slope of this sample's share of the batch mean error
            dy = [(out - target) / len(rows) for out, target in zip(ys[-1], Y[r].tolist())]
            for layer in reversed(range(len(Ws))):
                x, y, W = ys[layer], ys[layer + 1], Ws[layer]
                dv = [dy[k] * y[k] * (1.0 - y[k]) for k in range(len(y))]
                for i in range(len(x)):
                    for k in range(len(dv)):
                        dWs[layer][i][k] += x[i] * dv[k]
                for k in range(len(dv)):
                    dbs[layer][k] += dv[k]
                if layer > 0:
                    dy = [sum(W[i][k] * dv[k] for k in range(len(dv))) for i in range(len(x))]
        # one gradient step for the batch
        for W, b, dW, db in zip(Ws, bs, dWs, dbs):
            for i in range(len(W)):
                for k in range(len(W[i])):
                    W[i][k] -= learning_rate * dW[i][k]
            for k in range(len(b)):
                b[k] -= learning_rate * db[k]
    for (W, b), W_new, b_new in zip(params, Ws, bs):
        W[...] = W_new
        b[...] = b_new


def per_sample_epoch(params, X, Y, order, batch_size, learning_rate):
    """One epoch with a Python loop over samples; each layer's nodes at once with numpy."""
    for start in range(0, len(order), batch_size):
        rows = order[start:start + batch_size]
        grads = [(np.zeros_like(W), np.zeros_like(b)) for W, b in params]
        for r in rows:
            ys = [X[r]]
            for W, b in params:
                ys.append(1.0 / (1.0 + np.exp(-(ys[-1] @ W + b))))
            dy = (ys[-1] - Y[r]) / len(rows)
            for layer in reversed(range(len(params))):
                dv = dy * ys[layer + 1] * (1.0 - ys[layer + 1])
                dW, db = grads[layer]
                dW += np.outer(ys[layer], dv)
                db += dv
                dy = params[layer][0] @ dv
        for (W, b), (dW, db) in zip(params, grads):
            W -= learning_rate * dW
            b -= learning_rate * db
