"""nnlearn: how a neural network learns, in small readable numpy pieces.

The package has three parts.  The numpy core, one idea of the article per
module, is what a learner reads; it imports nothing from the other two:

================== ======= =====================================================
module             chapter idea
================== ======= =====================================================
``neuron``         2, 3    one node: :math:`v = \\sum_i x_i w_i + b`, optionally :math:`\\sigma(v)`
``activations``    4       the sigmoid and the identity, each with its derivative
``losses``         6       the article's error :math:`\\frac{1}{2}(\\text{actual} - \\text{predicted})^2`
``descent``        6, 7    gradient descent that records its path
``linefit``        2, 6    the line fit (loss, gradient, best line, descent), the parabola, chapter 6's problem
``gradcheck``      7       finite differences, the referee for backpropagation
``network``        1, 5, 7 layers, forward and backward, training, a trace of every number of a pass
``data``           1, 2    the shipped digits and the hours-and-scores data
``problems``       4, 9    2-D problems for the live view: XOR, circles, spirals, clusters
``language``       all     one setting for the learner's language: ``set_language("zh")``
================== ======= =====================================================

The pictures, :mod:`nnlearn.pictures`: ``plots`` (every plot function,
defined in ``digits`` for chapter 1, ``nodes`` for chapters 2-4 and
``descent`` for chapter 6), ``animation`` (6), ``widgets`` (2, 3, 4, 6),
``style`` (one look for every figure), ``_render`` (fast PNGs and frames), and
the live views of the lab (9): ``handwriting`` and ``drawpad`` (draw a digit),
``playground`` and ``playground_widget`` (watch a network learn).

The course helpers, :mod:`nnlearn.course`: ``exercises`` (every chapter:
number and code exercises, hints, solutions, a teacher's grading table),
``evaluation`` (7), ``augment`` (8), ``reader`` (9: the shipped digit network) and
``command`` (the ``nnlearn`` command: copies the course shipped in the package, opens it).
"""

from . import data, problems
from .activations import Activation, get_activation, linear, linear_derivative, sigmoid, sigmoid_derivative
from .descent import DivergenceError, DivergenceWarning, gradient_descent
from .gradcheck import numerical_gradient, relative_error
from .language import get_language, set_language
from .linefit import LineFit, best_fit_line, parabola_error, parabola_slope, two_valleys, two_valleys_slope
from .losses import mean_squared_error, squared_error, squared_error_gradient
from .network import Layer, Network
from .neuron import Neuron


def __getattr__(name: str):
    """``nnlearn.__version__``: pyproject.toml's version, read from the installed package's metadata.

    Read when first asked for, not at import: importlib.metadata would add a third to the import time.
    """
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("nnlearn")
        except PackageNotFoundError:  # a source tree put on sys.path by hand, never installed
            value = "0+unknown"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'nnlearn' has no attribute {name!r}")

__all__ = [
    "Activation",
    "DivergenceError",
    "DivergenceWarning",
    "Layer",
    "LineFit",
    "Network",
    "Neuron",
    "best_fit_line",
    "data",
    "problems",
    "get_activation",
    "get_language",
    "gradient_descent",
    "linear",
    "linear_derivative",
    "mean_squared_error",
    "numerical_gradient",
    "parabola_error",
    "parabola_slope",
    "relative_error",
    "set_language",
    "sigmoid",
    "sigmoid_derivative",
    "squared_error",
    "squared_error_gradient",
    "two_valleys",
    "two_valleys_slope",
]
