"""Preparing a drawing like the data: pixels in, the 256 values the network sees out."""

import numpy as np
import pytest

import nnlearn
from nnlearn.course.reader import load_digit_reader
from nnlearn.pictures import handwriting


def test_bounding_box_and_centre_of_mass():
    ink = np.zeros((10, 10))
    ink[2:5, 3:9] = 1.0
    ink[0, 0] = 0.05  # faint: below the threshold of 0.1 of the brightest
    assert handwriting.bounding_box(ink) == (2, 5, 3, 9)
    assert handwriting.centre_of_mass(ink[2:5, 3:9]) == (1.0, 2.5)
    assert handwriting.bounding_box(np.zeros((4, 4))) is None


def test_as_mnist_fits_the_longer_side_in_20_and_centres_the_mass_at_14():
    pad = np.zeros((200, 200))
    pad[20:180, 30:70] = 1.0  # a bar 160 tall and 40 wide, far from the centre
    mnist = handwriting.as_mnist(pad)
    assert mnist.shape == (28, 28) and mnist.max() == 255
    rows, cols = np.flatnonzero(mnist.max(axis=1) > 128), np.flatnonzero(mnist.max(axis=0) > 128)
    assert rows[-1] - rows[0] + 1 == 20 and cols[-1] - cols[0] + 1 == 5  # 160:40 kept as 20:5
    row, col = handwriting.centre_of_mass(mnist)
    assert abs(row - 14) <= 0.5 and abs(col - 14) <= 0.5


def test_the_same_drawing_anywhere_and_at_any_size_gives_the_same_digit():
    small = np.zeros((200, 200))
    small[60:100, 20:30] = 1.0
    big = np.zeros((200, 200))
    big[40:160, 120:150] = 1.0
    np.testing.assert_allclose(handwriting.prepare_drawing(small), handwriting.prepare_drawing(big), atol=0.02)


def test_prepare_drawing_gives_256_values_in_range_and_an_empty_pad_is_dark():
    x = handwriting.prepare_drawing(np.zeros((200, 200)))
    np.testing.assert_array_equal(x, -np.ones(256))
    pad = np.zeros((200, 200))
    pad[50:150, 90:110] = 1.0
    x = handwriting.prepare_drawing(pad)
    assert x.shape == (256,) and x.min() == -1.0 and x.max() == 1.0


def test_shrink_is_the_crop_and_resize_of_the_digit_builder():
    image28 = np.zeros((28, 28))
    image28[4:24, 4:24] = 255.0  # the whole centre 20x20: white everywhere in 16x16
    np.testing.assert_array_equal(handwriting.shrink(image28), np.ones(256))
    image28[:, :] = 0.0
    image28[0:4, :] = 255.0  # outside the centre: cropped away
    np.testing.assert_array_equal(handwriting.shrink(image28), -np.ones(256))


@pytest.mark.parametrize(("call", "error"), [
    (lambda: handwriting.as_mnist(-np.ones((5, 5))), "not negative"),
    (lambda: handwriting.shrink(np.zeros((16, 16))), r"shape \(28, 28\)"),
    (lambda: handwriting.digit_as_drawing(np.zeros(10)), "256 values"),
])
def test_bad_input_is_named(call, error):
    with pytest.raises(ValueError, match=error):
        call()


def test_test_digits_drawn_on_the_pad_are_read_as_well_as_the_test_set():
    """The pad's preparation is the data's: each test digit, blown up to the pad's 200x200 as if
    drawn there and prepared again, is read right as often as the test set itself (within a point)."""
    net = load_digit_reader()
    _, _, X_test, y_test = nnlearn.data.load_digits()
    redrawn = np.array([handwriting.prepare_drawing(handwriting.digit_as_drawing(x)) for x in X_test])
    assert redrawn.shape == X_test.shape
    assert net.accuracy(redrawn, y_test) == pytest.approx(net.accuracy(X_test, y_test), abs=0.01)
