r"""A small fully connected network, with forward and backward side by side.

Every node computes the article's :math:`y_k = \sigma(v_k)` with
:math:`v_k = \sum_i x_i w_i + b_k`; a layer does this for all its nodes and
all samples at once.

Where the notation departs from the article: rows are samples, so a batch
``X`` has shape ``(samples, inputs)``, a layer's weights ``W`` have shape
``(inputs, outputs)`` and the weighted sums are ``v = X @ W + b``.  Every
layer, the output layer too, applies the activation, as in the article.

Training minimises the batch mean of the article's error,
:math:`E = \frac{1}{n}\sum_{\text{samples}} \frac{1}{2}\sum_k (Y_k - y_k)^2`,
with plain gradient descent on mini-batches:
:math:`W(k+1) = W(k) - \text{learning rate} \times \partial E / \partial W`.
The gradient comes from backpropagation, the chain rule applied layer by
layer from the output back to the input.  This is written to be read, not to
be the fastest possible; it is still fast enough to train on 4,000 digits in
a few seconds.  :meth:`Network.trace` hands out every number of one forward
and backward pass (for the pictures of chapter 7 and the lab), so nothing
outside this module needs to work them out again or read the layers' caches.

Beyond the article (chapter 8): ``activation="relu"`` for the hidden layers
and ``loss="cross_entropy"`` with a softmax output layer, today's usual
choices.  They change only the functions, not the path: forward, backward and
the update stay the same.
"""

from __future__ import annotations

import numpy as np

from ._checks import as_float_array, describe, labels_array, positive_float, positive_int, rng_from
from .activations import get_activation
from .descent import DivergenceError, divergence_message
from .language import tr
from .losses import get_loss
from .progress import Progress


class Layer:
    r"""One layer of nodes: ``v = x @ W + b`` and ``y = activation(v)``.

    ``W`` has shape ``(inputs, outputs)``, ``b`` shape ``(outputs,)``.
    ``forward`` keeps what ``backward`` needs (the input ``x`` and output
    ``y``) and the weighted sums ``v``; ``backward`` takes the slope of the
    error with respect to ``y`` (kept as ``dy``), keeps ``dv``, ``dW`` and
    ``db`` and returns the slope with respect to ``x``.
    :meth:`Network.trace` hands these numbers out.
    """

    def __init__(self, n_inputs: int, n_outputs: int, activation="sigmoid", rng=None):
        n_inputs = positive_int("n_inputs", n_inputs)
        n_outputs = positive_int("n_outputs", n_outputs)
        rng = rng_from("rng", 0 if rng is None else rng)
        self.activation = get_activation(activation)
        # small random weights, scaled so that v starts in the sigmoid's steep middle
        self.W = rng.normal(0.0, 1.0 / np.sqrt(n_inputs), size=(n_inputs, n_outputs))
        self.b = np.zeros(n_outputs)
        self.x = self.v = self.y = None
        self.dy = self.dv = self.dW = self.db = None

    @property
    def n_inputs(self) -> int:
        return self.W.shape[0]

    @property
    def n_outputs(self) -> int:
        return self.W.shape[1]

    def forward(self, x: np.ndarray) -> np.ndarray:
        r"""Weighted sums then activation: :math:`v = x W + b`, :math:`y = \sigma(v)`."""
        self.x = x
        v = x @ self.W
        v += self.b  # in place: for a full batch a fresh array costs more than the addition
        self.v = v
        self.y = self.activation.function(v)
        return self.y

    def backward(self, dy: np.ndarray, need_dx: bool = True) -> np.ndarray | None:
        r"""Chain rule through this layer.

        With :math:`dv = dy \cdot \sigma'(v)` (elementwise; for the sigmoid,
        :math:`\sigma'(v) = y(1 - y)`):
        :math:`dW = x^T dv`, :math:`db = \sum_{\text{samples}} dv`, and the
        slope handed back to the previous layer is :math:`dx = dv\, W^T`.
        ``need_dx=False`` (for the first layer, which has no previous layer)
        skips that product and returns ``None``: a third of a training step's work.
        """
        if self.y is None:
            raise RuntimeError(tr("call forward before backward: backward needs the stored x and y"))
        dv = self.activation.backward(self.y, dy)
        self.dy, self.dv = dy, dv
        self.dW = self.x.T @ dv
        self.db = dv.sum(axis=0)
        return dv @ self.W.T if need_dx else None

    def __repr__(self) -> str:
        return f"Layer({self.n_inputs} -> {self.n_outputs}, activation={self.activation.name!r})"


def _count(samples: int) -> str:
    return f"{samples} sample" if samples == 1 else f"{samples} samples"


def _read_only(array):
    """A view of ``array`` that cannot be written to (None stays None): a trace must not change the network."""
    if array is None:
        return None
    view = array.view()
    view.flags.writeable = False
    return view


class LayerTrace:
    r"""What one layer computed in a :meth:`Network.trace`, one row per sample.

    ``x`` (its input), ``v`` (the weighted sums :math:`v = x W + b`) and ``y``
    (its outputs) from the forward pass; with targets, from the backward pass:
    ``dy`` and ``dv`` (the slopes :math:`\partial E / \partial y` and
    :math:`\partial E / \partial v`), and ``dW``, ``db`` (the slopes of the
    batch mean error with respect to the weights and biases).  Without targets
    the last four are ``None``.  Every array is read-only.
    """

    def __init__(self, x, v, y, dy=None, dv=None, dW=None, db=None):
        self.x, self.v, self.y = _read_only(x), _read_only(v), _read_only(y)
        self.dy, self.dv, self.dW, self.db = _read_only(dy), _read_only(dv), _read_only(dW), _read_only(db)

    def __repr__(self) -> str:
        samples, inputs = self.x.shape
        gradients = "" if self.dW is None else ", dy, dv, dW, db"
        return f"LayerTrace({inputs} -> {self.y.shape[1]}, {_count(samples)}: x, v, y{gradients})"


class Trace:
    r"""Every number of one pass through a network, layer by layer: what :meth:`Network.trace` returns.

    ``layers`` holds one :class:`LayerTrace` per layer, the first layer first;
    ``X`` is the batch and ``outputs`` the network's outputs.  With targets
    ``Y``, ``error`` is the batch mean of the network's loss (for the article's
    error, :math:`\frac{1}{n}\sum_{\text{samples}} \frac{1}{2}\sum_k (Y_k - y_k)^2`)
    and ``gradients`` the ``(dW, db)`` pairs that :meth:`Network.backward`
    returned; without targets both are ``None``.
    """

    def __init__(self, X, Y, layers, loss, error):
        self.X, self.Y = _read_only(X), _read_only(Y)
        self.layers = tuple(layers)
        self.loss, self.error = loss, error

    @property
    def outputs(self) -> np.ndarray:
        """The outputs of the last layer: ``layers[-1].y``."""
        return self.layers[-1].y

    @property
    def gradients(self) -> list | None:
        """One ``(dW, db)`` pair per layer, as :meth:`Network.backward` returns them (``None`` without targets)."""
        return None if self.Y is None else [(layer.dW, layer.db) for layer in self.layers]

    def __repr__(self) -> str:
        error = "forward only" if self.error is None else f"{self.loss}={self.error:.6g}"
        return f"Trace({len(self.layers)} layers, {_count(self.X.shape[0])}, {error})"


class Network:
    r"""A stack of :class:`Layer` objects trained with backpropagation.

    >>> net = Network([2, 3, 1], seed=0)
    >>> net
    Network([2, 3, 1], activation='sigmoid', seed=0)
    >>> [layer.W.shape for layer in net.layers]
    [(2, 3), (3, 1)]
    >>> net.forward(np.zeros((4, 2))).shape
    (4, 1)
    """

    def __init__(self, layer_sizes, activation="sigmoid", seed=0, *, loss="squared_error", output_activation=None):
        if isinstance(layer_sizes, (str, bytes)) or not hasattr(layer_sizes, "__len__"):
            raise TypeError(tr("layer_sizes must be a list of layer widths such as [256, 64, 10], got {value}").format(
                value=describe(layer_sizes)))
        if len(layer_sizes) < 2:
            raise ValueError(tr("layer_sizes must name at least an input and an output layer, "
                                "e.g. [256, 10]; got {value}").format(value=list(layer_sizes)))
        self.layer_sizes = [positive_int(f"layer_sizes[{k}]", n) for k, n in enumerate(layer_sizes)]
        self.activation = get_activation(activation)
        self.loss_function = get_loss(loss)
        cross_entropy = self.loss_function.name == "cross_entropy"
        default_output = "softmax" if cross_entropy else self.activation
        self.output_activation = get_activation(default_output if output_activation is None else output_activation)
        if cross_entropy and self.output_activation.name != "softmax":
            raise ValueError(tr("loss='cross_entropy' needs output_activation='softmax' (outputs that are "
                                "probabilities), got {value}").format(value=repr(self.output_activation.name)))
        self.seed = seed
        self._rng = rng_from("seed", seed)
        sizes = list(zip(self.layer_sizes[:-1], self.layer_sizes[1:]))
        self.layers = [Layer(n_in, n_out, self.activation, self._rng) for n_in, n_out in sizes[:-1]]
        self.layers.append(Layer(*sizes[-1], self.output_activation, self._rng))

    @property
    def n_inputs(self) -> int:
        return self.layer_sizes[0]

    @property
    def n_outputs(self) -> int:
        return self.layer_sizes[-1]

    # ---- checks -----------------------------------------------------------
    def _check_X(self, X, name="X") -> np.ndarray:
        X = as_float_array(name, X, ndim=(1, 2))
        if X.ndim == 1:
            X = X[np.newaxis, :]
        if X.shape[1] != self.n_inputs:
            raise ValueError(tr("{name} must have {n} columns, one per input node (the network's input layer "
                                "takes {n} values), got {got} columns (shape {shape})").format(
                name=name, n=self.n_inputs, got=X.shape[1], shape=X.shape))
        return X

    def _check_y(self, y, n_samples: int, name="y") -> np.ndarray:
        y = labels_array(name, y, self.n_outputs)
        if y.shape[0] != n_samples:
            raise ValueError(tr("X and {name} must have the same length (one label per row of X), "
                                "got {rows} rows and {labels} labels").format(
                name=name, rows=n_samples, labels=y.shape[0]))
        return y

    def one_hot(self, y) -> np.ndarray:
        """Labels as target rows: label 3 of 10 becomes ``[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]``.

        >>> Network([2, 3], seed=0).one_hot([2, 0])
        array([[0., 0., 1.],
               [1., 0., 0.]])
        """
        y = labels_array("y", y, self.n_outputs)
        Y = np.zeros((y.shape[0], self.n_outputs))
        Y[np.arange(y.shape[0]), y] = 1.0
        return Y

    # ---- forward and backward: the one path through the network --------
    def forward(self, X) -> np.ndarray:
        """The outputs for a batch ``X`` (one row per sample), layer after layer.

        Each layer keeps its input and output for :meth:`backward`.
        """
        y = self._check_X(X)
        for layer in self.layers:
            y = layer.forward(y)
        return y

    def backward(self, Y):
        r"""Gradients of the batch mean error for the last :meth:`forward`.

        ``Y`` holds one-hot targets, one row per sample of the last
        ``forward(X)`` (:meth:`predict`, :meth:`accuracy` and :meth:`loss`
        run ``forward`` too).  Starts from the slope of the loss at the output,
        for the article's error :math:`\partial E / \partial y = (y - Y) / n`,
        and hands the slope back layer by layer.  Returns one
        ``(dW, db)`` pair per layer, first layer first; calling it twice
        gives the same answer.
        """
        last = self.layers[-1]
        if last.y is None:
            raise RuntimeError(tr("call forward(X) before backward(Y): backward needs the outputs for X"))
        Y = as_float_array("Y", Y, ndim=2)
        if Y.shape != last.y.shape:
            raise ValueError(tr("Y must have shape {shape} (one one-hot row per sample of the last "
                                "forward(X), {n} columns), got shape {got}").format(
                shape=last.y.shape, n=self.n_outputs, got=Y.shape))
        dy = self.loss_function.slope(last.y, Y)
        for layer in reversed(self.layers):
            # nobody uses the slope with respect to the input digits: skip it (a third of the work)
            dy = layer.backward(dy, need_dx=layer is not self.layers[0])
        return [(layer.dW, layer.db) for layer in self.layers]

    def trace(self, X, Y=None) -> Trace:
        r"""Every number of one pass through the network for the batch ``X``, layer by layer.

        Runs :meth:`forward` on ``X`` and, given targets ``Y`` (as for
        :meth:`backward`: one row per sample of ``X``), :meth:`backward`, the
        very code that trains the network, and hands out what each layer
        computed: its input ``x``, weighted sums ``v`` and outputs ``y``, and
        with ``Y`` the slopes ``dy`` and ``dv`` and the gradients ``dW``, ``db``
        that ``backward`` returned, with the batch mean error.  Pictures and
        checks read these instead of working them out a second time.  The
        weights and biases are not changed.

        >>> net = Network([2, 3, 1], seed=0)
        >>> trace = net.trace([[0.5, -1.0]], [[1.0]])
        >>> trace
        Trace(2 layers, 1 sample, squared_error=0.0722456)
        >>> trace.layers[0]
        LayerTrace(2 -> 3, 1 sample: x, v, y, dy, dv, dW, db)
        >>> bool(np.all(trace.outputs == net.forward([[0.5, -1.0]])))
        True
        """
        outputs = self.forward(X)  # checks X, naming it
        gradients = None if Y is None else self.backward(Y)  # checks Y, naming it
        if gradients is None:
            layers = [LayerTrace(layer.x, layer.v, layer.y) for layer in self.layers]
            return Trace(self.layers[0].x, None, layers, self.loss_function.name, None)
        Y = as_float_array("Y", Y, ndim=2)
        layers = [LayerTrace(layer.x, layer.v, layer.y, layer.dy, layer.dv, dW, db)
                  for layer, (dW, db) in zip(self.layers, gradients)]
        error = self.loss_function.value(outputs, Y)
        return Trace(self.layers[0].x, Y, layers, self.loss_function.name, error)

    def train_step(self, X, Y, learning_rate: float) -> None:
        r"""The article's three moves on one batch: forward, backward, then
        :math:`W \leftarrow W - \text{learning rate} \times dW` (and the same for ``b``)."""
        self.forward(X)
        for layer, (dW, db) in zip(self.layers, self.backward(Y)):
            layer.W -= learning_rate * dW
            layer.b -= learning_rate * db

    # ---- using the network -----------------------------------------------
    def predict(self, X) -> np.ndarray:
        """The label of the most active output node for each row of ``X``."""
        return np.argmax(self.forward(X), axis=1)

    def accuracy(self, X, y) -> float:
        """The fraction of rows of ``X`` whose prediction equals the label in ``y``."""
        return self._scores(X, y)[1]

    def loss(self, X, y) -> float:
        r"""The mean over samples of the network's loss: the article's error
        :math:`\frac{1}{2}\sum_k (Y_k - y_k)^2`, or the cross-entropy :math:`-\sum_k Y_k \log y_k`."""
        return self._scores(X, y)[0]

    def _scores(self, X, y) -> tuple[float, float]:
        """Loss and accuracy from one forward pass."""
        outputs = self.forward(X)
        y = self._check_y(y, outputs.shape[0])
        loss = self.loss_function.value(outputs, self.one_hot(y))
        return loss, float(np.mean(np.argmax(outputs, axis=1) == y))

    def fit(self, X, y, epochs=30, learning_rate=3.0, batch_size=16, *,
            validation=None, progress=False, seed=None):
        r"""Train with mini-batch gradient descent on the batch mean error.

        Each epoch shuffles the rows of ``X``, then runs :meth:`train_step`
        (:meth:`forward`, :meth:`backward`, the update) on each batch, then
        scores the whole training set for the history.

        Parameters
        ----------
        X : array of shape (samples, inputs)
        y : integer labels, one per row of ``X``
        epochs, learning_rate, batch_size : the defaults train the digit
            network ``Network([256, 64, 10])`` to about 95 % in a few seconds.
        validation : optional ``(X_val, y_val)``, scored after every epoch.
        progress : show a progress bar (a widget in a notebook, text elsewhere).
        seed : seed or Generator for the shuffling; by default the network's
            own generator, so a network built with the same ``seed`` trains
            to the same weights.

        Returns
        -------
        history : dict of lists, one entry per epoch: ``"loss"`` and
            ``"accuracy"`` on the training data (and ``"val_loss"``,
            ``"val_accuracy"`` with ``validation``).

        Raises
        ------
        DivergenceError
            when the weights or the loss stop being finite numbers: try a
            smaller ``learning_rate``.
        """
        X = self._check_X(X)
        y = self._check_y(y, X.shape[0])
        epochs = positive_int("epochs", epochs)
        learning_rate = positive_float("learning_rate", learning_rate)
        batch_size = positive_int("batch_size", batch_size)
        if validation is not None:
            if not isinstance(validation, (tuple, list)) or len(validation) != 2:
                raise TypeError(tr("validation must be a pair (X_val, y_val), got {value}").format(
                    value=describe(validation)))
            X_val = self._check_X(validation[0], tr("validation X"))
            y_val = self._check_y(validation[1], X_val.shape[0], tr("validation y"))
        rng = self._rng if seed is None else rng_from("seed", seed)

        Y = self.one_hot(y)
        n = X.shape[0]
        history = {"loss": [], "accuracy": []}
        if validation is not None:
            history.update(val_loss=[], val_accuracy=[])
        bar = Progress(epochs, enabled=progress)
        for epoch in range(1, epochs + 1):
            order = rng.permutation(n)
            if batch_size >= n:  # one batch of all: X[:] is no copy, X[order] copies it every epoch
                batches = [slice(None)]
            else:
                batches = [order[start:start + batch_size] for start in range(0, n, batch_size)]
            with np.errstate(over="ignore", invalid="ignore"):  # divergence is checked after the epoch
                for rows in batches:
                    self.train_step(X[rows], Y[rows], learning_rate)
            if self._diverged():
                bar.close()
                raise DivergenceError(divergence_message(tr("training"), learning_rate, epoch))
            scores = self._scores(X, y)
            if validation is not None:
                scores += self._scores(X_val, y_val)
            for name, value in zip(history, scores):
                history[name].append(value)
            bar.update(epoch, {k: v[-1] for k, v in history.items()})
        bar.close()
        return history

    def _diverged(self, limit: float = 1e8) -> bool:
        """True when a weight or bias is no longer a finite number below ``limit`` in size."""
        return not all(
            np.all(np.abs(layer.W) < limit) and np.all(np.abs(layer.b) < limit) for layer in self.layers
        )

    def __repr__(self) -> str:
        seed = "Generator" if isinstance(self.seed, np.random.Generator) else repr(self.seed)
        options = "" if self.loss_function.name == "squared_error" else f", loss={self.loss_function.name!r}"
        if self.output_activation.name != ("softmax" if options else self.activation.name):
            options += f", output_activation={self.output_activation.name!r}"
        return f"Network({self.layer_sizes}, activation={self.activation.name!r}, seed={seed}{options})"
