"""The core in Chinese: every message a learner meets is Chinese, and English is unchanged.

Each case is a call that raises (or warns), the English message it gives, word for word, and
words that its Chinese message must hold. Argument names (``learning_rate``, ``X``) stay as the
learner types them. Warnings are errors in the test run, so a ``MissingTranslationWarning``
(a text with no catalog entry) fails the test that meets it.
"""

from __future__ import annotations

import io
import re
import warnings

import numpy as np
import pytest

import nnlearn
from nnlearn import _checks, problems
from nnlearn.activations import get_activation, sigmoid
from nnlearn.data import study_hours
from nnlearn.descent import DivergenceError, DivergenceWarning, gradient_descent
from nnlearn.gradcheck import numerical_gradient, relative_error
from nnlearn.language import MissingTranslationWarning
from nnlearn.linefit import LineFit, best_fit_line, parabola_error
from nnlearn.losses import cross_entropy, get_loss, squared_error
from nnlearn.network import Layer, Network
from nnlearn.neuron import Neuron
from nnlearn.progress import Progress

NET = Network([3, 4, 2], seed=0)
X = np.zeros((4, 3))
y = np.array([0, 1, 0, 1])


CASES = [
    # _checks.py, through the public functions that use it
    (lambda: NET.forward([["a"] * 3]), TypeError,
     "X must be a number or an array of numbers, got list [['a', 'a', 'a']]",
     "X 必须是一个数或一个数组，收到的是 list"),
    (lambda: NET.forward(np.zeros((2, 2, 3))), ValueError,
     "X must be a 1-D array (n,) or a 2-D array (rows, columns), got shape (2, 2, 3)",
     "X 必须是形状为 (n,) 的一维数组或形状为 (行, 列) 的二维数组，收到的形状是 (2, 2, 3)"),
    (lambda: Neuron(w=np.zeros((2, 2))), ValueError,
     "w must be a scalar or a 1-D array (n,), got shape (2, 2)", "w 必须是标量或形状为 (n,) 的一维数组"),
    (lambda: NET.forward(np.zeros((0, 3))), ValueError, "X must not be empty, got shape (0, 3)",
     "X 不能为空，收到的形状是 (0, 3)"),
    (lambda: NET.forward([[np.nan] * 3]), ValueError, "X must contain only finite numbers (no NaN or inf)",
     "X 只能包含有限的数（不能有 NaN 或 inf）"),
    (lambda: NET.fit(X, y, epochs=2.5), TypeError, "epochs must be a positive integer, got float 2.5",
     "epochs 必须是正整数，收到的是 float 2.5"),
    (lambda: NET.fit(X, y, epochs=0), ValueError, "epochs must be a positive integer, got 0",
     "epochs 必须是正整数，收到的是 0"),
    (lambda: NET.fit(X, y, learning_rate="a"), TypeError, "learning_rate must be a positive number, got str 'a'",
     "learning_rate 必须是正数，收到的是 str 'a'"),
    (lambda: NET.fit(X, y, learning_rate=-1), ValueError, "learning_rate must be a positive finite number, got -1.0",
     "learning_rate 必须是有限的正数，收到的是 -1.0"),
    (lambda: NET.fit(X, "abcd"), TypeError, "y must be a 1-D array of integer labels, got str 'abcd'",
     "y 必须是由整数标签组成的一维数组"),
    (lambda: NET.fit(X, np.zeros((4, 1))), ValueError, "y must be a 1-D array of integer labels, got shape (4, 1)",
     "y 必须是由整数标签组成的一维数组，收到的形状是 (4, 1)"),
    (lambda: NET.one_hot([]), ValueError, "y must not be empty", "y 不能为空"),
    (lambda: NET.fit(X, [0.5, 1, 0, 1]), TypeError, "y must hold integer labels 0 to 1, got non-integer values",
     "y 必须是 0 到 1 的整数标签"),
    (lambda: NET.fit(X, np.array(list("abcd"))), TypeError, "y must hold integer labels, got dtype <U1",
     "y 必须是整数标签，收到的 dtype 是 <U1"),
    (lambda: NET.fit(X, [0, 1, 5, 1]), ValueError,
     "y must hold labels from 0 to 1 (the network has 2 outputs), got values from 0 to 5",
     "y 的标签必须在 0 到 1 之间（网络有 2 个输出），收到的值从 0 到 5"),
    (lambda: Network([3, 2], seed=1.5), TypeError,
     "seed must be a non-negative integer or a numpy Generator, got float 1.5",
     "seed 必须是非负整数或 numpy Generator"),
    (lambda: Network([3, 2], seed=-1), ValueError,
     "seed must be a non-negative integer or a numpy Generator, got -1", "收到的是 -1"),
    (lambda: sigmoid([np.nan]), ValueError, "v must not contain NaN", "v 不能包含 NaN"),
    (lambda: sigmoid("x"), TypeError, "v must be a number or an array of numbers, got str 'x'", "v 必须是一个数"),
    (lambda: get_activation("tanh"), ValueError,
     "activation must be one of ['linear', 'relu', 'sigmoid', 'softmax'] or None, got 'tanh'",
     "activation 必须是 ['linear', 'relu', 'sigmoid', 'softmax'] 或 None 之一，收到的是 'tanh'"),
    (lambda: get_loss(3), TypeError, "loss must be one of ['cross_entropy', 'squared_error'], got int 3",
     "loss 必须是 ['cross_entropy', 'squared_error'] 之一，收到的是 int 3"),
    (lambda: study_hours(n=0), ValueError, "n must be a positive integer, got 0", "n 必须是正整数"),
    # network.py
    (lambda: Network("abc"), TypeError,
     "layer_sizes must be a list of layer widths such as [256, 64, 10], got str 'abc'",
     "layer_sizes 必须是由各层节点数"),
    (lambda: Network([3]), ValueError,
     "layer_sizes must name at least an input and an output layer, e.g. [256, 10]; got [3]", "输入层和输出层"),
    (lambda: Network([3, 0]), ValueError, "layer_sizes[1] must be a positive integer, got 0",
     "layer_sizes[1] 必须是正整数，收到的是 0"),
    (lambda: Network([3, 2], loss="cross_entropy", output_activation="sigmoid"), ValueError,
     "loss='cross_entropy' needs output_activation='softmax' (outputs that are probabilities), got 'sigmoid'",
     "loss='cross_entropy' 需要 output_activation='softmax'（输出是概率）"),
    (lambda: NET.forward(np.zeros((2, 5))), ValueError,
     "X must have 3 columns, one per input node (the network's input layer takes 3 values), "
     "got 5 columns (shape (2, 5))", "X 必须有 3 列，每个输入节点一列"),
    (lambda: NET.fit(X, [0, 1, 0]), ValueError,
     "X and y must have the same length (one label per row of X), got 4 rows and 3 labels",
     "X 和 y 必须一样长（X 的每一行对应一个标签），收到的是 4 行和 3 个标签"),
    (lambda: NET.fit(X, y, validation=3), TypeError, "validation must be a pair (X_val, y_val), got int 3",
     "validation 必须是一对 (X_val, y_val)"),
    (lambda: NET.fit(X, y, validation=(np.zeros((2, 5)), [0, 1])), ValueError,
     "validation X must have 3 columns, one per input node (the network's input layer takes 3 values), "
     "got 5 columns (shape (2, 5))", "validation 中的 X 必须有 3 列"),
    (lambda: NET.fit(X, y, validation=(np.zeros((2, 3)), [0, 1, 1])), ValueError,
     "X and validation y must have the same length (one label per row of X), got 2 rows and 3 labels",
     "X 和 validation 中的 y 必须一样长"),
    (lambda: Network([3, 2]).backward(np.zeros((4, 2))), RuntimeError,
     "call forward(X) before backward(Y): backward needs the outputs for X", "请先调用 forward(X) 再调用 backward(Y)"),
    (lambda: Layer(3, 2).backward(np.zeros((4, 2))), RuntimeError,
     "call forward before backward: backward needs the stored x and y", "请先调用 forward 再调用 backward"),
    (lambda: (NET.forward(X), NET.backward(np.zeros((3, 2)))), ValueError,
     "Y must have shape (4, 2) (one one-hot row per sample of the last forward(X), 2 columns), got shape (3, 2)",
     "Y 的形状必须是 (4, 2)"),
    (lambda: Network([3, 4, 2]).fit(np.ones((4, 3)) * 100, y, learning_rate=1e12, epochs=3), DivergenceError,
     "training diverged at step 1 with learning_rate=1e+12: the values exploded. "
     "Try a smaller learning_rate, e.g. 1e+11.",
     "训练在第 1 步发散了（learning_rate=1e+12）：数值爆炸了。试试更小的 learning_rate，例如 1e+11。"),
    # neuron.py, losses.py
    (lambda: Neuron([1.0, 2.0])(np.zeros(3)), ValueError,
     "x must have shape (2,) for one sample or (n, 2) for n samples, because this neuron has 2 weights; "
     "got shape (3,)", "因为这个神经元有 2 个权重"),
    (lambda: squared_error([1, 2], [1]), ValueError, "y and y_hat must have the same shape, got (2,) and (1,)",
     "y 和 y_hat 的形状必须相同"),
    (lambda: cross_entropy([1.0], [2.0]), ValueError,
     "y_hat must hold probabilities between 0 and 1 (a softmax output)", "y_hat 必须是 0 到 1 之间的概率"),
    # descent.py
    (lambda: gradient_descent(3, 0.0, 0.1, 3), TypeError,
     "gradient must be a function of the current point, got int 3", "gradient 必须是一个以当前点为参数的函数"),
    (lambda: gradient_descent(lambda w: 2 * w, 0.0, 0.1, 3, on_divergence="x"), ValueError,
     "on_divergence must be \"raise\" or \"warn\", got 'x'", "on_divergence 必须是 \"raise\" 或 \"warn\""),
    (lambda: gradient_descent(lambda w: np.zeros(2), 0.0, 0.1, 3), ValueError,
     "gradient must return an array of shape () (the shape of start), got shape (2,)", "与 start 的形状相同"),
    (lambda: gradient_descent(lambda w: None, (2.0, -1.0), 0.1, 3), TypeError,
     "gradient returned None (a missing return?) at the point [2.0, -1.0]: it must return the slope at that point, "
     "of shape (2,) (the shape of start)", "gradient 在点 [2.0, -1.0] 处返回了 None（是不是忘了写返回值？）"),
    (lambda: gradient_descent(lambda w: np.nan * w, 1.0, 0.1, 3), ValueError,
     "gradient returned NaN at the start point 1.0: descent needs a finite slope to take its first step",
     "gradient 在起点 1.0 处返回了 NaN：梯度下降要有一个有限的斜率"),
    (lambda: gradient_descent(lambda w: 2 * w, 1.0, 10.0, 50), DivergenceError,
     "gradient descent diverged at step 7 with learning_rate=10: the values exploded. "
     "Try a smaller learning_rate, e.g. 1.", "梯度下降在第 7 步发散了"),
    # linefit.py
    (lambda: best_fit_line([1, 2], [1]), ValueError,
     "x and y must be 1-D with the same length of at least 2, got shapes (2,) and (1,)", "x 和 y 必须是长度相同"),
    (lambda: best_fit_line([1, 1], [1, 2]), ValueError, "x must not be all the same value: no line is best then",
     "x 的值不能全都相同"),
    (lambda: LineFit([1, 2], [1]), ValueError, "hours and scores must have the same length, got (2,) and (1,)",
     "hours 和 scores 的长度必须相同"),
    (lambda: parabola_error("a"), TypeError, "predicted must be a number or an array of numbers, got str 'a'",
     "predicted 必须是一个数"),
    # gradcheck.py
    (lambda: numerical_gradient(3, np.zeros(2)), TypeError,
     "f must be a function with no arguments that returns a number, got int 3", "f 必须是一个没有参数"),
    (lambda: numerical_gradient(lambda: 1.0, np.zeros(2, dtype=int)), TypeError,
     "array must be a float numpy array that f reads (it is nudged in place), "
     "got an array of shape (2,) and dtype int64",
     "array 必须是 f 读取的浮点 numpy 数组（它会被原地微调），收到的是 dtype 为 int64、形状为 (2,) 的数组"),
    (lambda: numerical_gradient(lambda: 1.0, np.zeros((4, 4))[::2, ::2]), ValueError,
     "array must be contiguous so that it can be nudged in place", "array 在内存中必须是连续的"),
    (lambda: numerical_gradient(lambda: "a", np.zeros(2)), TypeError, "f must return a single number, got str 'a'",
     "f 必须返回单个数"),
    (lambda: numerical_gradient(lambda: np.nan, np.zeros(2)), ValueError,
     "f returned a non-finite value (NaN or inf) during the gradient check", "梯度检验时 f 返回了"),
    (lambda: relative_error([1, 2], [1]), ValueError, "a and b must have the same shape, got (2,) and (1,)",
     "a 和 b 的形状必须相同"),
    # problems.py
    (lambda: problems.make_problem("moons"), ValueError,
     "name must be one of ['circles', 'clusters', 'spirals', 'xor'], got 'moons'", "name 必须是"),
    (lambda: problems.xor(n=3), ValueError,
     "n must be an even number of points, at least 2 (half of each class), got 3", "n 必须是至少为 2 的偶数"),
    (lambda: problems.circles(noise="a"), TypeError, "noise must be a number, got str 'a'", "noise 必须是一个数"),
    (lambda: problems.spirals(noise=2), ValueError,
     "noise must be between 0 and 1 (in units of the square's half side), got 2", "noise 必须在 0 到 1 之间"),
]
IDS = [english[:40] for _, _, english, _ in CASES]


def has_english_words(text: str) -> list[str]:
    """English words left in a Chinese message, apart from code names and symbols the learner types."""
    code = {"NaN", "inf", "dtype", "numpy", "Generator", "None", "str", "int", "float", "list", "softmax",
            "sigmoid", "linear", "relu", "cross_entropy", "squared_error", "forward", "backward", "raise", "warn",
            "int64", "start", "gradient", "on_divergence",
            "validation", "layer_sizes", "learning_rate", "output_activation", "loss", "activation", "name",
            "noise", "seed", "epochs", "array", "hours", "scores", "predicted", "y_hat", "X_val", "y_val"}
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "", text)  # values the learner passed, quoted as repr shows them
    return [word for word in re.findall(r"[A-Za-z_]\w{2,}", text) if word not in code]


@pytest.mark.parametrize("call, error, english, chinese_words", CASES, ids=IDS)
def test_english_messages_are_unchanged(call, error, english, chinese_words):
    with pytest.raises(error) as raised:
        call()
    assert str(raised.value) == english


@pytest.mark.parametrize("call, error, english, chinese_words", CASES, ids=IDS)
def test_chinese_messages(chinese, call, error, english, chinese_words):
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingTranslationWarning)
        with pytest.raises(error) as raised:
            call()
    message = str(raised.value)
    assert chinese_words in message
    assert not has_english_words(message), message
    assert "，" in message or "（" in message or "：" in message or len(message) < 30  # Chinese punctuation


def test_the_language_is_read_when_the_error_is_raised(chinese):
    with pytest.raises(ValueError, match="epochs 必须是正整数"):
        NET.fit(X, y, epochs=0)
    nnlearn.set_language("en")
    with pytest.raises(ValueError, match=r"^epochs must be a positive integer, got 0$"):
        NET.fit(X, y, epochs=0)


def test_divergence_warning_in_chinese(chinese):
    with pytest.warns(DivergenceWarning) as caught:
        path = gradient_descent(lambda w: 2 * w, 1.0, 10.0, 50, on_divergence="warn")
    assert len(path) == 7
    assert [str(w.message) for w in caught] == [
        "梯度下降在第 7 步发散了（learning_rate=10）：数值爆炸了。试试更小的 learning_rate，例如 1。"]


def test_divergence_warning_in_english():
    with pytest.warns(DivergenceWarning) as caught:
        gradient_descent(lambda w: 2 * w, 1.0, 10.0, 50, on_divergence="warn")
    assert [str(w.message) for w in caught] == [
        "gradient descent diverged at step 7 with learning_rate=10: the values exploded. "
        "Try a smaller learning_rate, e.g. 1."]


def test_describe_an_array():
    assert _checks.describe(np.zeros((2, 3))) == "an array of shape (2, 3) and dtype float64"
    nnlearn.set_language("zh")
    try:
        assert _checks.describe(np.zeros((2, 3))) == "dtype 为 float64、形状为 (2, 3) 的数组"
    finally:
        nnlearn.set_language("en")


def progress_text(language: str) -> str:
    nnlearn.set_language(language)
    try:
        stream = io.StringIO()
        bar = Progress(3, enabled=True, stream=stream)
        bar.update(1, {"loss": 0.5, "accuracy": 0.25, "val_loss": 1.0, "val_accuracy": 0.5})
        bar.close()
        return stream.getvalue()
    finally:
        nnlearn.set_language("en")


def test_progress_text_in_both_languages():
    assert progress_text("en") == "\repochs 1 / 3  loss 0.5000  accuracy 0.2500  val_loss 1.0000  val_accuracy 0.5000\n"
    assert progress_text("zh") == "\r轮次 1 / 3  损失 0.5000  准确率 0.2500  验证损失 1.0000  验证准确率 0.5000\n"


@pytest.mark.parametrize("language, description, text", [
    ("en", "epochs", "2 / 4  loss 0.1234  accuracy 0.5000"),
    ("zh", "轮次", "2 / 4  损失 0.1234  准确率 0.5000"),
])
def test_progress_widget_in_a_notebook(monkeypatch, language, description, text):
    from nnlearn import progress

    monkeypatch.setattr(progress, "_in_notebook", lambda: True)
    monkeypatch.setattr("IPython.display.display", lambda widget: None)  # imported when the bar is made
    nnlearn.set_language(language)
    try:
        bar = Progress(4, enabled=True)
        bar.update(2, {"loss": 0.1234, "accuracy": 0.5})
    finally:
        nnlearn.set_language("en")
    assert bar.bar.description == description
    assert bar.label.value == text


def test_fit_with_progress_in_chinese(chinese, capsys):
    X_train, y_train = problems.xor(n=20)
    Network([2, 3, 2], seed=0).fit(X_train, y_train, epochs=2, progress=True,
                                   validation=(X_train, y_train))
    err = capsys.readouterr().err
    assert err.startswith("\r轮次 1 / 2  损失 ") and "验证准确率" in err and err.endswith("\n")
    assert not has_english_words(err)


def test_the_core_still_imports_no_matplotlib():
    import subprocess
    import sys

    code = ("import sys, nnlearn, nnlearn.progress; nnlearn.set_language('zh'); "
            "import nnlearn.network; assert 'matplotlib' not in sys.modules, 'matplotlib imported'")
    subprocess.run([sys.executable, "-c", code], check=True)
