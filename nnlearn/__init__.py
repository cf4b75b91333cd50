"""nnlearn: how a neural network learns, in small readable numpy pieces.

Each module holds one idea of the article "an intuitive introduction to deep
learning": the single node (:mod:`nnlearn.neuron`), activation functions
(:mod:`nnlearn.activations`), the error (:mod:`nnlearn.losses`), gradient
descent (:mod:`nnlearn.descent`), a network trained by backpropagation
(:mod:`nnlearn.network`), finite differences (:mod:`nnlearn.gradcheck`) and
the shipped data (:mod:`nnlearn.data`).
"""

from . import data
from .activations import Activation, get_activation, linear, linear_derivative, sigmoid, sigmoid_derivative
from .descent import DivergenceError, DivergenceWarning, gradient_descent
from .gradcheck import numerical_gradient, relative_error
from .losses import mean_squared_error, squared_error, squared_error_gradient
from .network import Layer, Network
from .neuron import Neuron

__version__ = "0.1.0"

__all__ = [
    "Activation",
    "DivergenceError",
    "DivergenceWarning",
    "Layer",
    "Network",
    "Neuron",
    "data",
    "get_activation",
    "gradient_descent",
    "linear",
    "linear_derivative",
    "mean_squared_error",
    "numerical_gradient",
    "relative_error",
    "sigmoid",
    "sigmoid_derivative",
    "squared_error",
    "squared_error_gradient",
]
