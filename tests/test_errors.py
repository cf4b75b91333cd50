"""Every kind of bad input gets a clear error from nnlearn, naming the argument."""

import numpy as np
import pytest

import nnlearn
from nnlearn.course import evaluation
from nnlearn.data import study_hours
from nnlearn.pictures import plots

NET = nnlearn.Network([256, 64, 10], seed=0)
X = np.zeros((4, 256))
y = np.array([0, 1, 2, 3])


@pytest.mark.parametrize(
    "call, error, words",
    [
        # the network's input layer
        (lambda: NET.forward(np.zeros((4, 255))), ValueError,
         r"X must have 256 columns, one per input node .* got 255 columns"),
        (lambda: NET.predict(np.zeros((2, 3, 256))), ValueError, r"X must be a 1-D .* or a 2-D"),
        (lambda: NET.forward([[np.nan] * 256]), ValueError, r"X must contain only finite numbers"),
        (lambda: NET.forward([["a"] * 256]), TypeError, r"X must be a number or an array of numbers"),
        (lambda: NET.forward(np.zeros((0, 256))), ValueError, r"X must not be empty"),
        # labels
        (lambda: NET.fit(X, [0, 1, 2, 10], epochs=1), ValueError,
         r"y must hold labels from 0 to 9 \(the network has 10 outputs\), got values from 0 to 10"),
        (lambda: NET.fit(X, [0, 1, -1, 3], epochs=1), ValueError, r"y must hold labels from 0 to 9"),
        (lambda: NET.fit(X, [0, 1, 2], epochs=1), ValueError,
         r"X and y must have the same length .* got 4 rows and 3 labels"),
        (lambda: NET.fit(X, [0.0, 1.5, 2.0, 3.0], epochs=1), TypeError, r"y must hold integer labels"),
        (lambda: NET.fit(X, ["a", "b", "c", "d"], epochs=1), TypeError, r"y must hold integer labels"),
        (lambda: NET.fit(X, [[0, 1, 2, 3]], epochs=1), ValueError, r"y must be a 1-D array of integer labels"),
        (lambda: NET.accuracy(X, [0, 1]), ValueError, r"same length"),
        # sizes and training settings
        (lambda: nnlearn.Network([256, 0, 10]), ValueError, r"layer_sizes\[1\] must be a positive integer, got 0"),
        (lambda: nnlearn.Network([256, -3, 10]), ValueError, r"layer_sizes\[1\] must be a positive integer"),
        (lambda: nnlearn.Network([256, 6.5, 10]), TypeError, r"layer_sizes\[1\] must be a positive integer"),
        (lambda: nnlearn.Network([256]), ValueError, r"layer_sizes must name at least an input and an output"),
        (lambda: nnlearn.Network(256), TypeError, r"layer_sizes must be a list of layer widths"),
        (lambda: nnlearn.Network([2, 1], activation="tanh"), ValueError,
         r"activation must be one of \['linear', 'relu', 'sigmoid', 'softmax'\] or None, got 'tanh'"),
        (lambda: nnlearn.Network([2, 1], loss="hinge"), ValueError,
         r"loss must be one of \['cross_entropy', 'squared_error'\], got 'hinge'"),
        (lambda: nnlearn.Network([2, 1], loss="cross_entropy", output_activation="sigmoid"), ValueError,
         r"loss='cross_entropy' needs output_activation='softmax'"),
        (lambda: nnlearn.Network([2, 1], seed="zero"), TypeError, r"seed must be a non-negative integer"),
        (lambda: NET.fit(X, y, learning_rate=0), ValueError, r"learning_rate must be a positive finite number, got 0"),
        (lambda: NET.fit(X, y, learning_rate=-0.1), ValueError, r"learning_rate must be a positive"),
        (lambda: NET.fit(X, y, learning_rate=float("nan")), ValueError, r"learning_rate must be a positive finite"),
        (lambda: NET.fit(X, y, learning_rate="fast"), TypeError, r"learning_rate must be a positive number"),
        (lambda: NET.fit(X, y, epochs=0), ValueError, r"epochs must be a positive integer, got 0"),
        (lambda: NET.fit(X, y, epochs=2.5), TypeError, r"epochs must be a positive integer"),
        (lambda: NET.fit(X, y, batch_size=0), ValueError, r"batch_size must be a positive integer"),
        (lambda: NET.fit(X, y, batch_size=True), TypeError, r"batch_size must be a positive integer"),
        (lambda: NET.fit(X, y, validation=X), TypeError, r"validation must be a pair \(X_val, y_val\)"),
        (lambda: NET.fit(X, y, validation=(X, [0])), ValueError, r"validation y"),
        # backward
        (lambda: nnlearn.Network([3, 2], seed=0).backward(np.zeros((1, 2))), RuntimeError,
         r"call forward\(X\) before backward\(Y\)"),
        # the neuron
        (lambda: nnlearn.Neuron([1.0, 2.0], 0.0)(np.zeros((5, 3))), ValueError,
         r"x must have shape \(2,\) for one sample or \(n, 2\) .* got shape \(5, 3\)"),
        (lambda: nnlearn.Neuron([[1.0]], 0.0), ValueError, r"w must be a scalar or a 1-D array"),
        (lambda: nnlearn.Neuron(1.0, [1.0, 2.0]), ValueError, r"b must be a scalar"),
        (lambda: nnlearn.Neuron("w"), TypeError, r"w must be a number or an array of numbers"),
        (lambda: nnlearn.Neuron(1.0, activation="tanh"), ValueError, r"activation must be one of"),
        # elementwise functions and losses
        (lambda: nnlearn.sigmoid("0.5"), TypeError, r"v must be a number or an array of numbers"),
        (lambda: nnlearn.sigmoid([0.0, np.nan]), ValueError, r"v must not contain NaN"),
        (lambda: nnlearn.sigmoid_derivative(None), TypeError, r"v must be a number"),
        (lambda: nnlearn.squared_error([1.0, 2.0], [1.0]), ValueError,
         r"y and y_hat must have the same shape, got \(2,\) and \(1,\)"),
        (lambda: nnlearn.squared_error([1.0], [np.inf]), ValueError, r"y_hat must contain only finite numbers"),
        (lambda: nnlearn.squared_error_gradient("1", 1.0), TypeError, r"y must be a number or an array"),
        (lambda: nnlearn.parabola_error(1.0, actual=np.nan), ValueError, r"actual must contain only finite numbers"),
        (lambda: nnlearn.parabola_slope(1.0, actual=[1.0, 2.0]), ValueError, r"actual must be a scalar"),
        # gradient descent
        (lambda: nnlearn.gradient_descent(3.0, 0.0, 0.1, 10), TypeError, r"gradient must be a function"),
        (lambda: nnlearn.gradient_descent(lambda w: w, 0.0, 0.1, 0), ValueError, r"steps must be a positive integer"),
        (lambda: nnlearn.gradient_descent(lambda w: w, 0.0, -1, 5), ValueError, r"learning_rate must be a positive"),
        (lambda: nnlearn.gradient_descent(lambda w: w, [np.nan], 0.1, 5), ValueError,
         r"start must contain only finite"),
        (lambda: nnlearn.gradient_descent(lambda w: [1.0, 2.0], 0.0, 0.1, 5), ValueError,
         r"gradient must return an array of shape \(\) \(the shape of start\), got shape \(2,\)"),
        (lambda: nnlearn.gradient_descent(lambda w: w, 0.0, 0.1, 5, on_divergence="ignore"), ValueError,
         r'on_divergence must be "raise" or "warn"'),
        # finite differences
        (lambda: nnlearn.numerical_gradient(lambda: 1.0, [1.0, 2.0]), TypeError,
         r"array must be a float numpy array that f reads"),
        (lambda: nnlearn.numerical_gradient(lambda: np.ones(2), np.ones(2)), TypeError,
         r"f must return a single number"),
        (lambda: nnlearn.numerical_gradient(lambda: np.nan, np.ones(2)), ValueError, r"f returned a non-finite value"),
        (lambda: nnlearn.numerical_gradient(lambda: 1.0, np.ones(2), eps=0), ValueError, r"eps must be a positive"),
        (lambda: nnlearn.numerical_gradient("f", np.ones(2)), TypeError, r"f must be a function"),
        # data
        (lambda: study_hours(n=0), ValueError, r"n must be a positive integer"),
        (lambda: study_hours(seed=-1), ValueError, r"seed must be a non-negative integer"),
        (lambda: plots.plot_digits(np.zeros((2, 256)), ncols=2.5), TypeError, r"ncols must be a positive integer"),
        (lambda: plots.plot_digits(np.zeros((2, 256)), ncols=0), ValueError, r"ncols must be a positive integer"),
        (lambda: evaluation.confusion_matrix([[0, 1]], [[0, 1]]), ValueError, r"y_true must be a 1-D array"),
        (lambda: evaluation.confusion_matrix([0.5], [1]), TypeError, r"y_true must hold integer labels"),
    ],
)
def test_bad_input_gets_a_clear_error(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_errors_come_from_nnlearn_not_from_deep_inside_numpy():
    with pytest.raises(ValueError) as info:
        NET.forward(np.zeros((4, 255)))
    assert info.traceback[-1].path.parent.name == "nnlearn"
