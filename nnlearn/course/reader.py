"""A digit network like chapter 7's, trained once and shipped, for the pad of the lab notebook.

Chapter 7 trains its network in the notebook.  The lab notebook (and its Voila
app) must start in a few seconds, so it loads a network of the same shape from
``digit_reader.npz``, which :func:`train_digit_reader` made with the settings in
``TRAINING``: 256 inputs, 64 hidden nodes, 10 outputs, seed 0, the training
digits and their copies shifted by a pixel, 8 epochs at learning rate 3 in
batches of 16.  A test trains it again and checks that the weights are the same.
Rebuild the file with ``python -m nnlearn.course.reader``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np

from ..data import load_digits
from ..language import tr
from ..network import Network
from .augment import with_shifted_copies

TRAINING = {"layer_sizes": [256, 64, 10], "seed": 0, "epochs": 8, "learning_rate": 3.0, "batch_size": 16}
FILE = "digit_reader.npz"


def train_digit_reader():
    """Train the network with ``TRAINING`` on the shipped training digits and their shifted copies (a few seconds)."""
    X_train, y_train, _, _ = load_digits()
    net = Network(TRAINING["layer_sizes"], seed=TRAINING["seed"])
    net.fit(*with_shifted_copies(X_train, y_train), epochs=TRAINING["epochs"],
            learning_rate=TRAINING["learning_rate"], batch_size=TRAINING["batch_size"])
    return net


def load_digit_reader():
    """The shipped network: ``Network([256, 64, 10])`` with the weights :func:`train_digit_reader` gives."""
    net = Network(TRAINING["layer_sizes"], seed=TRAINING["seed"])
    with resources.files(__package__).joinpath(FILE).open("rb") as f, np.load(f) as weights:
        for k, layer in enumerate(net.layers):
            layer.W, layer.b = weights[f"W{k}"].astype(np.float64), weights[f"b{k}"].astype(np.float64)
    return net


def save_digit_reader(net, path=None):
    """Store ``net``'s weights (float32: half the size, the same answers) where :func:`load_digit_reader` reads them."""
    path = Path(__file__).with_name(FILE) if path is None else Path(path)
    arrays = {}
    for k, layer in enumerate(net.layers):
        arrays[f"W{k}"], arrays[f"b{k}"] = layer.W.astype(np.float32), layer.b.astype(np.float32)
    np.savez_compressed(path, **arrays)
    return path


if __name__ == "__main__":
    print(tr("wrote {path}").format(path=save_digit_reader(train_digit_reader())))
