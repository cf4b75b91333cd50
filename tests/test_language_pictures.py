"""Every plot function, animation and widget of ``nnlearn.pictures`` in both languages.

Each test runs in English and in Chinese (``lang``); ``pick(lang, english, chinese)`` is the text
expected, so English stays exactly what it was. In Chinese a text without an entry warns
(MissingTranslationWarning) and a character without a glyph warns ("Glyph ... missing"): warnings
are errors, and every figure is drawn. A Chinese figure has no English word left (but in mathtext).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from matplotlib.text import Text

import nnlearn
from nnlearn import language
from nnlearn.course.evaluation import plot_history, plot_misclassified
from nnlearn.data import load_digits
from nnlearn.language import tr
from nnlearn.linefit import CHAPTER_6
from nnlearn.pictures import animation, backprop, drawpad, handwriting, learned, playground, plots, widgets
from nnlearn.pictures._render import frame_images
from nnlearn.pictures.playground_widget import Playground
from nnlearn.problems import PROBLEMS, make_problem

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
KEPT_IN_LATIN = {"sigmoid", "softmax"}  # kept in Latin letters (docs/glossary.md): the article's sigmoid, and softmax


@pytest.fixture(params=["en", "zh"])
def lang(request, monkeypatch):
    """The language of one run of a test; English again afterwards, whatever happens."""
    monkeypatch.setattr(language, "_warned", set())  # every missing text warns again in this test
    monkeypatch.setattr(language, "_templates", {})  # made again from the catalogs, whatever a test did before
    nnlearn.set_language(request.param)
    try:
        yield request.param
    finally:
        nnlearn.set_language("en")


def pick(lang, english, chinese):
    return english if lang == "en" else chinese


def texts(fig, lang):
    """Every text of ``fig``, after drawing it (a missing glyph warns); in Chinese, no English word left."""
    fig.canvas.draw()
    found = [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
    if lang == "zh":
        english = [t for t in found if "$" not in t and set(re.findall(r"[A-Za-z]{3,}", t)) - KEPT_IN_LATIN]
        assert not english, f"English left in a Chinese figure: {english}"
    return found


@pytest.fixture(scope="module")
def digits():
    return tuple(array[:40] for array in load_digits()[:2])


@pytest.fixture(scope="module")
def fit():
    return CHAPTER_6.fit()


@pytest.fixture(scope="module")
def xor():
    return (nnlearn.Network([2, 3, 1], seed=0), *make_problem("xor", n=100, noise=0.1, seed=0))


# ---- chapter 1: a digit, its inputs, the network, a forward pass ---------------------------------
def test_a_digit_its_inputs_and_its_titles(lang, digits):
    X, y = digits
    drawn = plots.plot_digit(X[0], title=f"a handwritten {y[0]}")
    assert drawn.ax.get_title() == pick(lang, f"a handwritten {y[0]}", f"手写的 {y[0]}")
    texts(drawn.fig, lang)

    grid = plots.plot_digits(X[:3], labels=[1, 2, 3], predictions=[1, 5, 3], ncols=3,
                             suptitle="Guesses of the untrained network (green right, red wrong)")
    assert grid.titles == ["1", pick(lang, "5, is 2", "5，实为 2"), "3"]
    assert grid.fig.get_suptitle() == pick(lang, "Guesses of the untrained network (green right, red wrong)",
                                           "未训练网络的猜测（绿色为对，红色为错）")
    texts(grid.fig, lang)

    drawn = plots.plot_input_values(X[0])
    assert drawn.ax.get_xlabel() == pick(lang, "input node = pixel number, row by row from the top left",
                                         "输入节点 = 像素编号，从左上角起逐行数")
    assert [t.get_text() for t in drawn.ax.get_yticklabels()] == pick(lang, ["-1 dark", "0", "1 white"],
                                                                       ["-1 暗", "0", "1 白"])
    texts(drawn.fig, lang)


def test_the_network_and_a_forward_pass(lang, digits):
    X, _ = digits
    drawn = plots.plot_network([256, 16, 10], output_labels=range(10), input_nodes=range(114, 124))
    shown = texts(drawn.fig, lang)
    assert pick(lang, "input layer\n256 nodes\n(10 shown)", "输入层\n256 个节点\n（显示 10 个）") in shown
    assert pick(lang, "hidden layer\n16 nodes", "隐藏层\n16 个节点") in shown
    assert pick(lang, "output layer\n10 nodes", "输出层\n10 个节点") in shown

    net = nnlearn.Network([256, 16, 10], seed=0)
    net.forward(X[:1])
    drawn = plots.plot_forward_pass([X[0]] + [layer.y[0] for layer in net.layers])
    first, hidden, last = drawn.axes
    assert first.get_title() == pick(lang, "input layer\n256 values in [-1, 1]", "输入层\n256 个值，在 [-1, 1] 之间")
    assert hidden.get_title() == pick(lang, "hidden layer 1\n16 nodes", "隐藏层 1\n16 个节点")
    assert last.get_title() == pick(lang, f"output layer\nmost active: {drawn.prediction}",
                                    f"输出层\n最活跃的：{drawn.prediction}")
    assert last.get_ylabel() == pick(lang, "output node (digit)", "输出节点（数字）")
    texts(drawn.fig, lang)


# ---- chapters 2 to 4: a node is a line, a plane, a bent surface -----------------------------------
def test_the_line_fit_and_a_node(lang, fit):
    drawn = plots.plot_study_hours(fit.hours, fit.scores)
    assert drawn.ax.get_title() == pick(lang, "30 students: the longer they study, the higher they score",
                                        "30 名学生：学得越久，分数越高")
    assert drawn.ax.get_xlabel() == pick(lang, "hours studied (h)", "学习时长（小时）")
    texts(drawn.fig, lang)

    drawn = plots.plot_line_fit(fit.hours, fit.scores, 2.0, 40.0, best_fit=True)
    assert drawn.ax.get_title() == pick(lang, f"w = 2.00, b = 40.00:  error E = {drawn.error:.2f}",
                                        f"w = 2.00，b = 40.00：误差 E = {drawn.error:.2f}")
    legend = [t.get_text() for t in drawn.ax.get_legend().get_texts()]
    assert legend[:3] == pick(lang, ["error of each point", "students", "your line: y = 2.00 x + 40.00"],
                              ["每个点的误差", "学生", "你的直线：y = 2.00 x + 40.00"])
    assert legend[3].startswith(pick(lang, "best fit: y = ", "最佳拟合线：y = "))
    texts(drawn.fig, lang)

    shown = texts(plots.plot_intercept_shift().fig, lang)
    assert pick(lang, "crosses the y axis at 3", "在 3 处与 y 轴相交") in shown

    drawn = plots.plot_node([1.0, -1.0], 0.5, x=[1.0, 2.0], activation="sigmoid")
    assert drawn.ax.get_title() == pick(lang, "One node: y = σ(Σ xᵢ wᵢ + b)", "一个节点：y = σ(Σ xᵢ wᵢ + b)")
    texts(drawn.fig, lang)


def test_the_plane_and_the_sigmoid(lang):
    drawn = plots.plot_plane(2.0, 2.0, -1.0, activation="sigmoid")
    ax = drawn.ax
    assert (ax.get_xlabel(), ax.get_zlabel()) == pick(lang, ("input x₁", "output y"), ("输入 x₁", "输出 y"))
    assert pick(lang, " y = 0.27 at x = (0, 0)", " 在 x = (0, 0) 处 y = 0.27") in texts(drawn.fig, lang)

    drawn = plots.plot_sigmoid()
    assert drawn.ax.get_title() == pick(lang, "The sigmoid squashes every weighted sum into (0, 1)",
                                        "sigmoid 函数把每个加权和都压缩到 (0, 1) 之间")
    texts(drawn.fig, lang)

    drawn = plots.plot_sigmoid_node(2.0, -3.0)
    assert pick(lang, "y = 0.5 at x = 1.50", "在 x = 1.50 处 y = 0.5") in texts(drawn.fig, lang)
    assert drawn.ax.get_xlabel() == pick(lang, "input x", "输入 x")


def test_decision_regions_translate_the_notebooks_titles(lang, xor):
    net, X, y = xor
    drawn = plots.plot_decision_regions(net, X, y, title="hidden layer of 4")
    assert drawn.ax.get_title() == pick(lang, f"hidden layer of 4: {drawn.accuracy:.0%} right",
                                        f"隐藏层有 4 个节点：准确率 {drawn.accuracy:.0%}")
    legend = [t.get_text() for t in drawn.ax.get_legend().get_texts()]
    assert legend == pick(lang, ["class 0", "class 1"], ["类别 0", "类别 1"])
    texts(drawn.fig, lang)
    untitled = plots.plot_decision_regions(net, X, y)
    assert untitled.ax.get_title().startswith("[2, 3, 1]" + pick(lang, ": ", "："))

    drawn = plots.plot_hidden_layer_view(net, X, y, output=0)
    left, right = drawn.axes
    assert left.get_title() == pick(lang, "output node 0 over the inputs: a curved surface",
                                    "输出节点 0 随输入变化：一个弯曲的曲面")
    assert left.get_zlabel() == pick(lang, "output 0", "输出 0")
    assert [t.get_text() for t in right.get_legend().get_texts()][2:] == pick(
        lang, ["hidden node 1", "hidden node 2", "hidden node 3"], ["隐藏节点 1", "隐藏节点 2", "隐藏节点 3"])
    texts(drawn.fig, lang)


# ---- chapter 6: the parabola, the loss surface, descent -------------------------------------------
def test_the_tangent_says_which_way_is_downhill(lang):
    for predicted, english, chinese in [(1.0, "slope -2.00: downhill is to the right", "斜率 -2.00：下坡方向在右边"),
                                        (5.0, "slope +2.00: downhill is to the left", "斜率 +2.00：下坡方向在左边"),
                                        (3.0, "slope 0: the bottom, the smallest error", "斜率为 0：谷底，误差最小")]:
        drawn = plots.plot_parabola_tangent(predicted, actual=3.0)
        assert drawn.text.get_text() == pick(lang, f"actual = 3; {english}", f"实际值 = 3；{chinese}")
        assert drawn.ax.get_xlabel() == pick(lang, "predicted", "预测值")
        texts(drawn.fig, lang)


def test_descent_its_caption_and_the_notebooks_valleys(lang, fit):
    path, _ = fit.descend(CHAPTER_6.start, CHAPTER_6.learning_rate, 5)
    drawn = plots.plot_descent(fit, path, status="diverged")
    caption = drawn.text.get_text().split("\n")
    assert caption[0].startswith(pick(lang, "step 5: w = ", "第 5 步：w = "))
    assert caption[1] == pick(lang, "diverged", "发散")
    assert drawn.legend.get_texts()[1].get_text().startswith(pick(lang, "score = ", "分数 = "))
    texts(drawn.fig, lang)

    drawn = plots.plot_learning_rates(fit, (0.01, 0.25), steps=10)
    legend = [t.get_text() for t in drawn.ax.get_legend().get_texts()]
    assert legend[:2] == pick(lang, ["learning rate 0.01: crawling", "learning rate 0.25: diverged"],
                              ["学习率 0.01：进展缓慢", "学习率 0.25：发散"])
    assert drawn.status == ["crawling", "diverged"]  # the words a program compares stay English
    texts(drawn.fig, lang)

    drawn = plots.plot_valley(fit, path, title="hours from 5.6: a short wide valley")
    assert drawn.ax.get_title() == pick(lang, "hours from 5.6: a short wide valley",
                                        "小时数从 5.6 算起：一个又短又宽的山谷")
    texts(drawn.fig, lang)
    drawn = plots.plot_two_valleys(starts=(-2.2,))
    assert drawn.ax.get_legend().get_texts()[1].get_text().startswith(pick(lang, "start -2.2: ends at x = ",
                                                                           "起点 -2.2：停在 x = "))
    texts(drawn.fig, lang)


def test_the_animations(lang, fit):
    ball = animation.animate_ball_rolling(steps=3)
    frame_images(ball)  # draws every frame: a missing glyph would warn
    assert ball.fig.axes[0].get_title() == pick(lang, "Gradient descent, learning rate 0.15", "梯度下降，学习率 0.15")
    assert ball.moving[2].get_text().startswith(pick(lang, "step 3:  predicted = ", "第 3 步：预测值 = "))

    film = animation.animate_descent(fit, learning_rate=0.1, steps=4)
    frame_images(film)
    assert film.fig.axes[0].get_title() == pick(lang, "Descent, learning rate 0.1", "梯度下降，学习率 0.1")
    assert film.moving[3].get_text().split("\n")[1] == pick(lang, "crawling", "进展缓慢")


# ---- the sliders ------------------------------------------------------------------------------------
def test_the_sliders_are_named_and_found_in_both_languages(lang, fit):
    line = widgets.line_fit_widget(fit.hours, fit.scores)
    assert [s.description for s in line.kwargs_widgets] == pick(lang, ["w (slope)", "b (intercept)"],
                                                                 ["w（斜率）", "b（截距）"])
    assert widgets.slider(line, "w (slope)") is line.kwargs_widgets[0]  # the English name finds it in Chinese too
    tangent = widgets.tangent_widget()
    assert tangent.kwargs_widgets[0].description == pick(lang, "predicted", "预测值")
    with pytest.raises(KeyError, match=pick(lang, "no slider called 'v'", "没有名为 'v' 的滑块")):
        widgets.slider(tangent, "v")

    rates = widgets.learning_rate_widget(fit, steps=10)
    slider = widgets.slider(rates, "learning rate")
    assert slider.description == pick(lang, "learning rate", "学习率")
    slider.value = 1.0
    left = rates.result.fig.axes[0]
    assert left.get_title() == pick(lang, "learning rate 1, 3 steps", "学习率 1，3 步")
    assert rates.result.text.get_text().split("\n")[1] == pick(
        lang, "diverged: each step overshoots, the loss grows", "发散：每一步都冲过了头，损失越来越大")
    assert rates.result.status == "diverged"
    texts(rates.result.fig, lang)
    for widget in (widgets.plane_widget(), widgets.sigmoid_widget()):
        texts(widget.result.fig, lang)


# ---- chapter 7: backpropagation, what the hidden nodes learned -------------------------------------
def test_backpropagation_step_by_step(lang, tiny):
    steps = backprop.backprop_steps(tiny, [0.05, 0.10], [0.01, 0.99])
    assert [s.title for s in steps[:3]] == pick(
        lang,
        ["Forward: weighted sums, sigmoids, the error", "The error's slope at each output", "Through the sigmoid"],
        ["前向传播：加权和、sigmoid 函数、误差", "每个输出处误差的斜率", "穿过 sigmoid 函数"])
    assert steps[0].worked.startswith(pick(lang, "targets Y = [0.01 0.99]:  E = ", "目标值 Y = [0.01 0.99]：E = "))
    assert steps[3].worked_text.startswith(pick(lang, "w from h1 to y1: ", "w (h1 → y1): "))
    assert steps[-1].title == pick(lang, "Update every weight (learning rate 0.5)", "更新每个权重（学习率 0.5）")
    assert steps[-1].worked.startswith(pick(lang, "first weight: ", "第一个权重："))

    drawn = backprop.plot_backprop_step(steps, 3)
    assert drawn.title.get_text() == pick(lang, f"Step 4 of 8: {steps[3].title}",
                                          f"第 4 步（共 8 步）：{steps[3].title}")
    texts(drawn.fig, lang)

    stepper = backprop.backprop_stepper(tiny, [0.05, 0.10], [0.01, 0.99])
    assert [stepper.previous.description, stepper.next.description, stepper.play.description] == pick(
        lang, ["◀ Previous", "Next ▶", "Play"], ["◀ 上一步", "下一步 ▶", "播放"])
    assert stepper.kwargs_widgets[0].description == pick(lang, "step", "步")
    frame_images(backprop.animate_backprop(tiny, [0.05, 0.10], [0.01, 0.99]))


def test_backpropagation_of_a_cross_entropy_network(lang, tiny):
    net = nnlearn.Network([2, 2, 2], seed=0, loss="cross_entropy")
    for mine, theirs in zip(net.layers, tiny.layers):
        mine.W[:], mine.b[:] = theirs.W, theirs.b
    steps = backprop.backprop_steps(net, [0.05, 0.10], [0.0, 1.0])
    assert [s.title for s in steps[:3]] == pick(
        lang,
        ["Forward: weighted sums, sigmoids, a softmax, the error", "The error's slope at each output",
         "Through the softmax"],
        ["前向传播：加权和、sigmoid 函数、softmax 函数、误差", "每个输出处误差的斜率", "穿过 softmax 函数"])
    texts(backprop.plot_backprop_step(steps, 2).fig, lang)


def test_what_the_hidden_nodes_learned(lang, digits):
    X, _ = digits
    net = nnlearn.Network([256, 8, 10], seed=0)
    drawn = learned.plot_hidden_weights(net, nodes=2, suptitle="weights into the first 8 hidden nodes, before training")
    assert [ax.get_title() for ax in drawn.axes] == pick(lang, ["node 0", "node 1"], ["节点 0", "节点 1"])
    assert drawn.fig.get_suptitle() == pick(lang, "weights into the first 8 hidden nodes, before training",
                                            "训练前，进入前 8 个隐藏节点的权重")
    texts(drawn.fig, lang)
    drawn = learned.plot_most_exciting(net, X, 3, count=4)
    assert drawn.digits.fig.get_suptitle() == pick(lang, "the 4 digits that excite node 3 most",
                                                   "最能激活节点 3 的 4 个数字")
    texts(drawn.fig, lang)


# ---- the lab: the drawing pad and the playground -----------------------------------------------------
def test_the_drawing_pad(lang, digits):
    X, y = digits
    net = nnlearn.Network([256, 16, 10], seed=0)
    pad = drawpad.DrawPad(net, X, y)
    assert [pad.clear_button.description, pad.random_button.description, pad.random_button.tooltip] == pick(
        lang, ["Clear", "test digit", "a random test digit"], ["清除", "测试数字", "随机放一个测试数字"])
    assert pad.answer.value == pick(lang, "draw a digit", "画一个数字")
    answer = pad.draw_strokes(drawpad.EXAMPLE_STROKES[7])
    assert pad.answer.value == pick(lang, f"the network reads: <b>{answer}</b>", f"网络读出：<b>{answer}</b>")
    assert pad.drawn.heading.get_text() == pick(lang, f"the network reads: {answer}", f"网络读出：{answer}")
    shown = texts(pad.drawn.fig, lang)
    assert pick(lang, "hidden layer (16 nodes)", "隐藏层（16 个节点）") in shown


def test_the_playground(lang, xor):
    net, X, y = xor
    drawn = playground.plot_playground(net, X, y, losses=[0.3, 0.2], title="")
    shown = texts(drawn.fig, lang)
    assert {*pick(lang, ["inputs", "hidden 1", "output", "loss"], ["输入", "隐藏层 1", "输出", "损失"])} <= set(shown)
    assert drawn.heading.get_text() == pick(lang, f"{drawn.accuracy:.0%} right, loss 0.2000",
                                            f"准确率 {drawn.accuracy:.0%}，损失 0.2000")

    live = Playground("xor", hidden_nodes=2, hidden_layers=1, n=40, steps_per_frame=2)
    controls = [live.problem, live.noise, live.learning_rate, live.hidden_nodes, live.hidden_layers,
                live.steps_per_frame, live.play, live.step_button, live.reset_button]
    assert [c.description for c in controls] == pick(
        lang, ["problem", "noise", "learning rate", "hidden nodes", "hidden layers", "steps a frame", "Play", "Step",
               "Reset"], ["问题", "噪声", "学习率", "隐藏节点数", "隐藏层数", "每帧步数", "播放", "单步", "重置"])
    assert live.problem.options == tuple(PROBLEMS)  # the names a learner types stay as they are
    live.step()
    accuracy = f"{live.drawn.accuracy:.0%}"
    assert live.status_text().startswith(pick(lang, f"step 2: {accuracy} right, loss ",
                                              f"第 2 步：准确率 {accuracy}，损失 "))
    assert live.drawn.heading.get_text().startswith(pick(lang, "step 2, learning rate 3, 2 steps a frame: ",
                                                         "第 2 步，学习率 3，每帧 2 步："))
    texts(live.drawn.fig, lang)
    live.network.layers[0].W[:] = np.nan  # a network that has diverged
    live.step()
    assert live.status.value == pick(lang, "<b>diverged</b>: Reset and try a smaller learning rate",
                                     "<b>发散了</b>：请重置，再试一个更小的学习率")


# ---- the messages of the errors a learner meets -------------------------------------------------------
@pytest.mark.parametrize("call, english, chinese", [
    (lambda: plots.plot_digit(np.zeros(100)), "x must hold 256 pixel values", "x 必须包含 256 个像素值"),
    (lambda: plots.plot_network([3]), "layer_sizes must list at least two", "layer_sizes 必须列出至少两层"),
    (lambda: plots.plot_node([1.0, 2.0], 0.0, x=[1.0]), "x must hold one value per weight", "x 必须每个权重对应一个值"),
    (lambda: plots.plot_parabola_tangent(1.0, predicted_range=(3, 1)), "predicted_range must be (low, high)",
     "predicted_range 必须是 (low, high)"),
    (lambda: backprop.backprop_steps(nnlearn.Network([5, 2]), np.zeros(5), np.zeros(2)),
     "network must have at most 4 nodes per layer", "network 每层最多只能有 4 个节点"),
    (lambda: backprop.backprop_steps(nnlearn.Network([2, 2], output_activation="linear"), np.zeros(2), np.zeros(2)),
     "network must have a sigmoid or softmax output layer", "network 的输出层必须使用 sigmoid 或 softmax 函数"),
    (lambda: learned.plot_hidden_weights(nnlearn.Network([2, 2])), "network must take 256 pixels",
     "network 必须以 256 个像素为输入"),
    (lambda: drawpad.plot_reading(np.zeros(256), np.zeros(4), np.zeros(3)), "outputs must hold 10 values",
     "outputs 必须包含 10 个值"),
    (lambda: handwriting.shrink(np.zeros((5, 5))), "image28 must have shape (28, 28)", "image28 的形状必须是 (28, 28)"),
    (lambda: playground.node_outputs(nnlearn.Network([3, 1])), "the network must have 2 inputs", "网络必须有 2 个输入"),
    (lambda: Playground("nope"), "problem must be one of", "problem 必须是"),
])
def test_the_errors_a_learner_meets_are_in_the_learners_language(lang, call, english, chinese):
    with pytest.raises((ValueError, TypeError)) as error:
        call()
    assert str(error.value).startswith(pick(lang, english, chinese))


# ---- the notebooks' own titles -----------------------------------------------------------------------
def notebook_titles():
    """Every title, suptitle and history mark a notebook's code cell passes to a plot function, with each
    ``{expression}`` of an f-string filled in with a number, as when the cell runs."""
    found = set()
    for path in sorted(NOTEBOOKS.glob("*.md")):
        for cell in re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", path.read_text(encoding="utf-8"), re.S):
            for prefix, text in re.findall(r'\b(?:suptitle|title)=(f?)"([^"]*)"', cell):
                found.add(re.sub(r"\{[^}]*\}", "7", text) if prefix else text)
            found.update(re.findall(r'marks=\{\d+: "([^"]*)"\}', cell))
    return sorted(found)


def test_the_titles_of_the_notebooks_are_found():
    assert {"a handwritten 7", "hours from 0: a long narrow trench", "learning rate 3 -> 1"} <= set(notebook_titles())


@pytest.mark.parametrize("title", notebook_titles())
def test_each_notebook_title_is_drawn_in_chinese(lang, title):
    drawn = plots.plot_digit(np.zeros(256), title=title)
    shown = drawn.ax.get_title()
    assert shown == title if lang == "en" else re.search(r"[\u4e00-\u9fff]", shown), shown
    texts(drawn.fig, lang)


def test_the_evaluation_figures_use_this_catalog_for_their_marks_and_their_digits(lang, digits):
    X, y = digits
    history = {"loss": [0.5, 0.3, 0.2], "accuracy": [0.5, 0.7, 0.8]}
    drawn = plot_history(history, marks={2: "learning rate 3 -> 1"})
    assert pick(lang, "learning rate 3 -> 1 ", "学习率 3 -> 1 ") in texts(drawn.fig, lang)
    wrong = (y[:5] + 1) % 10
    grid = plot_misclassified(X[:5], y[:5], wrong, max_digits=3, ncols=3)
    assert grid.fig.get_suptitle() == pick(lang, "3 digits the network gets wrong (guess, is label)",
                                           "网络认错的 3 个数字（猜测，实为标签）")
    assert grid.titles[0] == pick(lang, f"{wrong[0]}, is {y[0]}", f"{wrong[0]}，实为 {y[0]}")
    texts(grid.fig, lang)
    assert tr("learning rate 0.5 -> 0.1") == pick(lang, "learning rate 0.5 -> 0.1", "学习率 0.5 -> 0.1")
