"""How well does the network do? Outputs, accuracy curves, the confusion matrix, its mistakes.

Chapter 7's pictures of the trained network follow :mod:`nnlearn.pictures.style`:
they take an optional ``ax`` (or ``axes``), return a
:class:`~nnlearn.pictures.style.Drawn` dict of what they drew and never call ``plt.show()``.
"""

from __future__ import annotations

import numpy as np

from .._checks import as_float_array, positive_int
from ..language import tr
from ..pictures.digits import plot_digits
from ..pictures.style import MUTED, PREDICTION, SMALL, Drawn, axes_for, style_axes


def _labels(name, values):
    values = np.asarray(values)
    if values.dtype.kind not in "iu":
        raise TypeError(tr("{name} must hold integer labels, got dtype {dtype}").format(name=name, dtype=values.dtype))
    if values.ndim != 1:
        raise ValueError(tr("{name} must be a 1-D array of integer labels, got shape {shape}").format(
            name=name, shape=values.shape))
    return values.astype(np.int64)


def plot_outputs(outputs, label=None, ax=None):
    """The 10 output values for one digit as bars; the most active one (the guess) highlighted.

    Returns ``ax``, ``bars``, ``guess``.
    """
    outputs = as_float_array("outputs", outputs, ndim=1)
    ax = axes_for(ax, (6, 3.5))
    guess = int(np.argmax(outputs))
    colours = [PREDICTION if k == guess else MUTED for k in range(outputs.size)]
    bars = ax.bar(np.arange(outputs.size), outputs, color=colours)
    ax.set_xticks(np.arange(outputs.size))
    ax.set_ylim(0, 1)
    if label is None:
        title = tr("The network's guess: {guess} (the most active output)").format(guess=guess)
    else:
        title = tr("The network's guess: {guess} (the most active output); the digit is {label}").format(
            guess=guess, label=int(label))
    style_axes(ax, title, "output node (digit)", "output value y")
    return Drawn(ax=ax, fig=ax.figure, bars=bars, guess=guess)


def confusion_matrix(y_true, y_pred, n_classes=10) -> np.ndarray:
    """Counts: row ``i``, column ``j`` is how many digits labelled ``i`` were predicted ``j``.

    The diagonal holds the right answers.

    >>> confusion_matrix([0, 1, 1], [0, 1, 0], n_classes=2)
    array([[1, 0],
           [1, 1]])
    """
    y_true = _labels("y_true", y_true)
    y_pred = _labels("y_pred", y_pred)
    n_classes = positive_int("n_classes", n_classes)
    if y_true.shape != y_pred.shape:
        raise ValueError(tr("y_true and y_pred must have the same length, got {true} and {pred}").format(
            true=y_true.size, pred=y_pred.size))
    for name, values in (("y_true", y_true), ("y_pred", y_pred)):
        if values.min() < 0 or values.max() >= n_classes:
            raise ValueError(tr("{name} must hold labels 0 to {last}").format(name=name, last=n_classes - 1))
    matrix = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(matrix, (y_true, y_pred), 1)
    return matrix


def plot_confusion_matrix(matrix, ax=None):
    """The confusion matrix as a grid of counts; the right answers lie on the diagonal.

    Returns ``ax``, ``image`` and ``texts`` (one per cell, row by row).
    """
    matrix = np.asarray(matrix)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(tr("matrix must be square (classes x classes), got shape {shape}").format(shape=matrix.shape))
    ax = axes_for(ax, (6, 5.5))
    n = matrix.shape[0]
    # colour by the share of each row so the mistakes show, not just the big diagonal
    share = matrix / np.maximum(matrix.sum(axis=1, keepdims=True), 1)
    image = ax.imshow(np.sqrt(share), cmap="Blues", vmin=0, vmax=1)
    texts = []
    for i in range(n):
        for j in range(n):
            count = int(matrix[i, j])
            colour = "white" if share[i, j] > 0.5 else "black"
            texts.append(ax.text(j, i, str(count) if count else "", ha="center", va="center",
                                 fontsize=SMALL, color=colour))
    ax.set_xticks(range(n))
    ax.set_yticks(range(n))
    style_axes(ax, "Confusion matrix (test digits)", "predicted digit", "true digit")
    return Drawn(ax=ax, fig=ax.figure, image=image, texts=texts)


def plot_history(history, axes=None, marks=None):
    """Loss and accuracy after each epoch, from the dict that ``Network.fit`` returns.

    Draws ``loss`` (and ``val_loss``) on the left, ``accuracy`` (and
    ``val_accuracy``) on the right.  ``marks`` maps an epoch to a note drawn
    as a dotted line after that epoch on both panels (e.g. ``{8: "learning
    rate 3 -> 1"}``, shown in the learner's language).  Returns ``axes``, ``lines``
    (a dict by history key) and ``marks`` (the dotted lines).
    """
    if not isinstance(history, dict) or "loss" not in history or "accuracy" not in history:
        raise TypeError(tr("history must be the dict returned by Network.fit, with 'loss' and 'accuracy' lists"))
    axes = axes_for(axes, (11, 4), ncols=2)
    lines = {}
    names = {"loss": tr("training"), "val_loss": tr("validation"),
             "accuracy": tr("training"), "val_accuracy": tr("validation")}
    for ax, keys in ((axes[0], ("loss", "val_loss")), (axes[1], ("accuracy", "val_accuracy"))):
        for key in keys:
            if key in history:
                values = as_float_array(f"history[{key!r}]", history[key], ndim=1)
                epochs = np.arange(1, values.size + 1)
                lines[key], = ax.plot(epochs, values, marker=".", lw=2, label=names[key])
    drawn_marks = []
    for epoch, note in (marks or {}).items():
        for ax in axes:
            drawn_marks.append(ax.axvline(epoch + 0.5, color=MUTED, ls=":", lw=1.5))
        axes[0].annotate(f"{tr(note)} ", (epoch + 0.5, 0.97), xycoords=("data", "axes fraction"), va="top",
                         ha="right", fontsize=SMALL, color=MUTED)
    for ax in axes:
        ax.legend(fontsize=SMALL)
    style_axes(axes[0], "The error goes down", "epoch", "loss E (mean per digit)")
    style_axes(axes[1], "The accuracy goes up", "epoch", "accuracy (fraction right)")
    return Drawn(axes=axes, fig=axes[0].figure, lines=lines, marks=drawn_marks)


def misclassified(y_true, y_pred) -> np.ndarray:
    """The indices of the digits whose prediction is wrong.

    >>> misclassified([1, 2, 3], [1, 0, 3]).tolist()
    [1]
    """
    y_true = _labels("y_true", y_true)
    y_pred = _labels("y_pred", y_pred)
    return np.flatnonzero(y_true != y_pred)


def plot_misclassified(X, y_true, y_pred, max_digits=20, ncols=10):
    """The first ``max_digits`` digits the network gets wrong, titled "guess, is label".

    Uses :func:`~nnlearn.pictures.digits.plot_digits`; returns what it drew
    with one more key, ``indices`` (the rows of ``X`` shown).
    """
    wrong = misclassified(y_true, y_pred)[: positive_int("max_digits", max_digits)]
    if wrong.size == 0:
        raise ValueError(tr("there are no misclassified digits to show: every prediction is right"))
    X = as_float_array("X", X, ndim=2)
    title = tr("{count} digits the network gets wrong (guess, is label)").format(count=wrong.size)
    grid = plot_digits(X[wrong], labels=np.asarray(y_true)[wrong], predictions=np.asarray(y_pred)[wrong],
                       ncols=ncols, suptitle=title)
    grid.indices = wrong
    return grid
