"""Tests of nnlearn.course.augment: shifted digits are the same pixels, moved."""

import numpy as np
import pytest

from nnlearn.course.augment import shift_digits, with_shifted_copies
from nnlearn.data import load_digits


@pytest.fixture(scope="module")
def digits():
    X, y, _, _ = load_digits()
    return X[:20], y[:20]


@pytest.mark.parametrize("down, right", [(0, 1), (0, -1), (1, 0), (-1, 0), (2, -3)])
def test_shift_moves_every_pixel_and_fills_with_background(digits, down, right):
    X, _ = digits
    moved = shift_digits(X, down, right).reshape(-1, 16, 16)
    images = X.reshape(-1, 16, 16)
    for r in range(16):
        for c in range(16):
            r0, c0 = r - down, c - right
            expected = images[:, r0, c0] if 0 <= r0 < 16 and 0 <= c0 < 16 else -1.0
            np.testing.assert_array_equal(moved[:, r, c], expected)


def test_shift_back_and_forth_keeps_the_inside(digits):
    X, _ = digits
    there_and_back = shift_digits(shift_digits(X, 0, 1), 0, -1).reshape(-1, 16, 16)
    np.testing.assert_array_equal(there_and_back[:, :, :15], X.reshape(-1, 16, 16)[:, :, :15])
    np.testing.assert_array_equal(there_and_back[:, :, 15], -1.0)


def test_with_shifted_copies_keeps_labels_and_originals_first(digits):
    X, y = digits
    X_more, y_more = with_shifted_copies(X, y)
    assert X_more.shape == (100, 256)
    np.testing.assert_array_equal(X_more[:20], X)
    np.testing.assert_array_equal(X_more[20:40], shift_digits(X, 0, 1))
    np.testing.assert_array_equal(y_more, np.tile(y, 5))


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="256 columns"):
        shift_digits(np.zeros((2, 100)))
    with pytest.raises(ValueError, match="smaller than the image"):
        shift_digits(np.zeros((2, 256)), down=16)
    with pytest.raises(ValueError, match="same length"):
        with_shifted_copies(np.zeros((3, 256)), [1, 2])
