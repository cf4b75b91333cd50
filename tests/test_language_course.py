"""The course helpers in Chinese: verdicts, hints, the code checkers, the grading table, the figures.

In Chinese every text a learner reads from ``nnlearn.course`` is Chinese (function and argument
names, formulas and code stay as they are); in English it is word for word what it was. Warnings
are errors in the test run, so a text with no catalog entry (``MissingTranslationWarning``) or a
character missing from the font ("Glyph ... missing") fails the test that meets it.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest
from test_code_exercises import CASES as CODE_CASES
from test_exercises import CASES as NUMBER_CASES

import nnlearn
from nnlearn.course import augment, checking, code_exercises, evaluation, exercises, grade
from nnlearn.data import load_digits, study_hours
from nnlearn.language import catalog, fields, tr

COURSE = Path(checking.__file__).parent
CJK = re.compile(r"[\u4e00-\u9fff]")
# English sentences of the course that must not be left in a Chinese message
ENGLISH = ("Right!", "Not yet.", "Replace", "Stuck?", "For a hint", "On the case", "Your function", "your function",
           "Hint ", "passes all", "hidden cases", "A solution", "There is no exercise", "must be", "got shape")


def printed(capsys, call, *args, **kwargs) -> str:
    call(*args, **kwargs)
    return capsys.readouterr().out


def assert_chinese(text: str) -> None:
    assert CJK.search(text), text
    left = [sentence for sentence in ENGLISH if sentence in text]
    assert not left, f"English left in {text!r}: {left}"


# ---- every text is in the catalog -------------------------------------------------------
def shown_texts() -> list[str]:
    """Every English text the course shows: tr literals, style_axes labels, hints, cases, slips."""
    texts = [checking.RIGHT, checking.NOT_YET, checking.PLACEHOLDER, checking.CODE_PLACEHOLDER, checking.STUCK,
             "right", "not yet", "unanswered", "error", "not run", grade.__doc__.split("\n\n")[0]]
    for path in sorted(COURSE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("tr", "style_axes"):
                texts += [arg.value for arg in node.args
                          if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
    for help_ in exercises.REGISTRY.values():
        texts += help_.hints
    for check in code_exercises.CHECKERS:
        made = inspect.getclosurevars(check).nonlocals
        texts += [made["right"], *(case.kind for case in made["cases"]), *(case.hint for case in made["cases"]),
                  *(slip.hint for slip in made["slips"])]
    return [text for text in dict.fromkeys(texts) if re.search(r"[A-Za-z]{3,}", text)]


def test_every_text_the_course_shows_has_a_chinese_entry_with_the_same_fields():
    entries = catalog("zh")
    texts = shown_texts()
    assert len(texts) > 250
    missing = [text for text in texts if text not in entries]
    assert not missing, "add these to nnlearn/translations/zh_course*.py:\n" + "\n".join(map(repr, missing))
    assert [text for text in texts if fields(text) != fields(entries[text])] == []
    untranslated = [text for text in texts if entries[text] == text and not re.search(r"[=()@\[*]", text)]
    assert untranslated == []  # only code and formulas may stay as they are


# ---- the number exercises ---------------------------------------------------------------
def test_in_chinese_a_right_answer_a_slip_and_a_placeholder(chinese, capsys):
    assert printed(capsys, exercises.check_intercept, 3) == "正确！在 x = 0 处，斜率那一项为零，所以 y = b = 3。\n"
    out = printed(capsys, exercises.check_intercept, -6)
    assert out == ("还不对。这是它与 x 轴（y = 0）的交点。应该令 x = 0。\n"
                   '需要提示？运行 exercises.hint("intercept")。\n')
    out = printed(capsys, exercises.check_intercept, ...)
    assert out == '请把 ... 换成你的答案，然后再运行这个单元格。（卡住了？运行 exercises.hint("intercept")。）\n'
    assert printed(capsys, exercises.check_line_fit, "five", 47.0, *study_hours()).startswith(
        "还不对。w、b 都必须是单个数。\n")


def test_in_english_the_same_checks_print_what_they_always_did(capsys):
    assert printed(capsys, exercises.check_intercept, 3) == "Right! At x = 0 the slope term vanishes, so y = b = 3.\n"
    assert printed(capsys, exercises.check_intercept, -6) == (
        "Not yet. That is where it crosses the x axis (y = 0). Set x = 0 instead.\n"
        'For a hint: exercises.hint("intercept").\n')
    assert printed(capsys, exercises.check_intercept, ...) == (
        'Replace ... with your answer, then run this cell again. (Stuck? exercises.hint("intercept").)\n')
    assert printed(capsys, exercises.check_line_fit, "five", 47.0, *study_hours()).startswith(
        "Not yet. w and b must be single numbers.\n")
    assert printed(capsys, exercises.check_plane, 2.0, -1.0, 0.0).startswith(
        "Not yet. at (0, 0) your plane is 0.00, not 1; at (1, 0) your plane is 2.00, not 3; at (0, 1) your plane "
        "is -1.00, not 0. Start with b (the height at x1 = x2 = 0), then w1")
    assert printed(capsys, exercises.check_learning_rates, 0.001, 0.1).startswith(
        "Not yet. 0.001 is crawling: try a larger one. 0.1 is converged: try a larger one.\n")


@pytest.mark.parametrize("checker, right, wrongs", NUMBER_CASES, ids=[c[0].__name__ for c in NUMBER_CASES])
def test_every_number_checker_answers_in_chinese(checker, right, wrongs, chinese, capsys):
    out = printed(capsys, checker, *right)
    assert out.startswith("正确！"), out
    if CJK.search(out.removeprefix("正确！")):  # a formula may be the whole reason, "v = w x + b = 9."
        assert_chinese(out)
    for wrong, _ in wrongs:
        out = printed(capsys, checker, *wrong)
        assert out.startswith("还不对。") and "需要提示？" in out, out
        assert_chinese(out)
    assert_chinese(printed(capsys, checker, *([...] * len(right))))


def test_the_chapter_5_to_8_checkers_in_chinese(chinese, capsys):
    out = printed(capsys, exercises.check_learning_rates, 0.001, 0.1)
    assert out.startswith("还不对。0.001 下降得太慢：试一个更大的。 0.1 收敛了：试一个更大的。\n")
    assert printed(capsys, exercises.check_learning_rates, 0.1, 0.5).startswith("正确！0.1 收敛，0.5 发散。")
    matrix = np.diag([10, 10, 10, 10])
    matrix[2, 0], matrix[3, 0], matrix[3, 1] = 4, 2, 2
    out = printed(capsys, exercises.check_hardest_digit, 2, matrix)
    assert out == "正确！标签为 2 的数字中有 4 个被读成了别的数字：是所有数字中最多的。（3 与它并列。）\n"
    for answer in (0, 12):
        assert_chinese(printed(capsys, exercises.check_hardest_digit, answer, matrix))
    for answer in (0.1, 10, 0.5):
        assert_chinese(printed(capsys, exercises.check_chance_accuracy, answer))
    for answer in (2.0, -2.0, 4.0, 7.0):
        assert_chinese(printed(capsys, exercises.check_slope, answer))
    for answer in (17098, 17024, 330):
        assert_chinese(printed(capsys, exercises.check_network_size, answer))
    for answer in (1.3, 0.3):
        assert_chinese(printed(capsys, exercises.check_weight_update, answer))


# ---- the code exercises -----------------------------------------------------------------
@pytest.mark.parametrize("checker, right, wrongs", CODE_CASES, ids=[c[0].__name__ for c in CODE_CASES])
def test_every_code_checker_answers_in_chinese(checker, right, wrongs, chinese, capsys):
    name = checker.__name__.removeprefix("check_")
    out = printed(capsys, checker, right)
    assert out.startswith(f"正确！{name} 通过了全部 ") and "个隐藏用例（" in out, out
    assert_chinese(out.splitlines()[1])  # what the right function is
    for wrong, _ in wrongs:
        out = printed(capsys, checker, wrong)
        problem, *advice, way = out.strip().splitlines()
        assert problem.startswith(("还不对。在用例“", "还不对。你的函数引发了 ")), out
        assert way == f'需要提示？运行 exercises.hint("{name}")。'
        for line in advice:  # the slip's hint, or the case's
            assert_chinese(line)
        assert_chinese(problem)

    def unwritten(*args):
        ...

    assert printed(capsys, checker, unwritten) == (
        f'请把 ... 换成 {name} 的函数体，然后再运行这个单元格。（卡住了？运行 exercises.hint("{name}")。）\n')
    assert printed(capsys, checker, 0.5).startswith(f"还不对。请传入函数 {name} 本身（不要调用它），而不是 float 0.5。")


def test_the_code_checkers_messages_in_chinese_and_in_english(capsys):
    def predict(outputs):
        return 1 / 0

    def neuron_output(x, w, b):
        w * x + b

    calls = [
        (exercises.check_predict, predict,
         'Not yet. Your function raised ZeroDivisionError: division by zero (case "the outputs for 6 digits").',
         "还不对。你的函数引发了 ZeroDivisionError：division by zero（用例“6 个数字的输出”）。"),
        (exercises.check_predict, lambda outputs: np.argmax(outputs, axis=1)[:1],
         'Not yet. On the case "the outputs for 6 digits" your function has shape (1,) where (6,) is expected.',
         "还不对。在用例“6 个数字的输出”中，你的函数返回值形状是 (1,)，应为 (6,)。"),
        (exercises.check_layer_backward, lambda x, W, y, dy: (x, W),
         'Not yet. On the case "a batch of 3 samples, 4 inputs, 2 outputs" your function returns a tuple of 2; '
         "it should return 3 things: dW, db, dx.",
         "还不对。在用例“一批 3 个样本，4 个输入，2 个输出”中，你的函数返回值是 tuple（含 2 项）；"
         "它应该返回 3 个结果：dW, db, dx。"),
        (exercises.check_layer_backward, lambda x, W, y, dy: (x, W, y),
         'Not yet. On the case "a batch of 3 samples, 4 inputs, 2 outputs" your function\'s dW has shape (3, 4) '
         "where (4, 2) is expected.",
         "还不对。在用例“一批 3 个样本，4 个输入，2 个输出”中，你的函数返回值中的 dW 形状是 (3, 4)，应为 (4, 2)。"),
        (exercises.check_sigmoid, lambda v: 1 / (1 + np.exp(v * 1000.0)),
         'Not yet. On the case "ordinary values" your function overflows (numpy: "overflow encountered in exp").',
         "还不对。在用例“普通的值”中，你的函数溢出了（numpy：“overflow encountered in exp”）。"),
        (exercises.check_neuron_output, neuron_output,
         "Not yet. Your function returns None: did you forget the `return`?",
         "还不对。你的函数返回了 None：是不是忘了写 `return`？"),
    ]
    for checker, function, english, zh in calls:
        assert printed(capsys, checker, function).splitlines()[0] == english
        nnlearn.set_language("zh")
        try:
            assert printed(capsys, checker, function).splitlines()[0] == zh
        finally:
            nnlearn.set_language("en")


# ---- hints and solutions ----------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(exercises.REGISTRY))
def test_every_hint_is_shown_in_chinese(name, chinese, capsys):
    first, second = exercises.REGISTRY[name].hints
    out = printed(capsys, exercises.hint, name)
    assert out == f"提示 1（共 2 条）：{tr(first)}\n（exercises.hint(\"{name}\", level=2) 会指出要写的那一行。）\n"
    assert CJK.search(tr(first)) or re.search(r"[=()@\[*]", first), first  # the idea, in words or a formula
    out = printed(capsys, exercises.hint, name, level=2)
    assert out == f"提示 2（共 2 条）：{tr(second)}\n（exercises.solution(\"{name}\") 会给出参考答案。）\n"
    assert printed(capsys, exercises.solution, name) == f"参考答案（{name}）：\n\n{exercises.solution_text(name)}\n"


def test_asking_for_help_the_wrong_way_in_chinese_and_english(capsys):
    english = [printed(capsys, exercises.hint, "sigmoid", level=3), printed(capsys, exercises.hint, "sigmoyd"),
               printed(capsys, exercises.hint), printed(capsys, exercises.hint, "intercept", level=2)]
    assert english[0] == "There are two hints: level=1 (the idea) and level=2 (the line to write).\n"
    assert english[1].startswith("There is no exercise called 'sigmoyd'. The exercises are: chance_accuracy, ")
    assert english[2].startswith('Name an exercise, e.g. exercises.hint("sigmoid"). The exercises are: ')
    assert english[3] == ('Hint 2 of 2: Put x = 0 into y = 0.5 x + 3.\n'
                          '(exercises.solution("intercept") shows a solution.)\n')
    nnlearn.set_language("zh")
    try:
        assert printed(capsys, exercises.hint, "sigmoid", level=3) == (
            "提示有两级：level=1（思路）和 level=2（要写的那一行）。\n")
        assert printed(capsys, exercises.hint, "sigmoyd").startswith(
            "没有名为 'sigmoyd' 的练习。练习有：chance_accuracy, ")
        assert printed(capsys, exercises.hint).startswith('请给出练习的名字，例如 exercises.hint("sigmoid")。练习有：')
        assert printed(capsys, exercises.solution, "sigmoyd").startswith("没有名为 'sigmoyd' 的练习。")
    finally:
        nnlearn.set_language("en")


# ---- the teacher's table ----------------------------------------------------------------
def width(text: str) -> int:
    return sum(2 if CJK.match(char) else 1 for char in text)


def test_the_grading_table_reads_chinese_verdicts_and_writes_chinese_headers(tmp_path, capsys):
    nnlearn.set_language("zh")
    try:
        right = printed(capsys, exercises.check_intercept, 3)
        wrong = printed(capsys, exercises.check_intercept, -6)
        unanswered = printed(capsys, exercises.check_intercept, ...)
    finally:
        nnlearn.set_language("en")
    cells = [nbformat.v4.new_code_cell(f"exercises.check_{name}(...)", outputs=[
        nbformat.v4.new_output("stream", name="stdout", text=text)]) for name, text in
        [("intercept", right), ("slope", wrong), ("plane", unanswered)]]
    path = tmp_path / "学生.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    verdicts = {"intercept": "right", "slope": "not yet", "plane": "unanswered"}
    assert grade.exercise_verdicts(json.loads(path.read_text(encoding="utf-8"))) == verdicts

    assert grade.main([str(path)]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split() == ["notebook", "intercept", "slope", "plane", "right"]
    assert row.split()[1:] == ["right", "not", "yet", "unanswered", "1/3"]
    nnlearn.set_language("zh")
    try:
        assert grade.main([str(path)]) == 0
        header, row = capsys.readouterr().out.splitlines()
        assert grade.main(["--csv", str(path)]) == 0
        assert capsys.readouterr().out.splitlines()[0] == "笔记本,intercept,slope,plane,正确"
    finally:
        nnlearn.set_language("en")
    assert header.split() == ["笔记本", "intercept", "slope", "plane", "正确"]
    assert row.split()[1:] == ["正确", "还不对", "未作答", "1/3"]
    # the columns line up on a terminal, where a Chinese character takes two columns
    starts = [width(header[:header.index(word)]) for word in ("intercept", "slope", "plane")]
    assert starts == [width(row[:row.index(word)]) for word in ("正确", "还不对", "未作答")]


# ---- chapter 7's figures ----------------------------------------------------------------
HISTORY = {"loss": [0.4, 0.2, 0.1], "accuracy": [0.5, 0.8, 0.9], "val_loss": [0.45, 0.25, 0.2],
           "val_accuracy": [0.4, 0.7, 0.85]}


def texts_of(drawn) -> dict:
    axes = drawn["axes"] if "axes" in drawn else [drawn["ax"]]
    return {"titles": [ax.get_title() for ax in axes], "xlabels": [ax.get_xlabel() for ax in axes],
            "ylabels": [ax.get_ylabel() for ax in axes], "notes": [t.get_text() for ax in axes for t in ax.texts],
            "legend": [t.get_text() for ax in axes if ax.get_legend() for t in ax.get_legend().get_texts()]}


def figures():
    X, y, _, _ = load_digits()
    X, y = X[:30], y[:30]
    pred = y.copy()
    pred[[3, 7, 20]] = (y[[3, 7, 20]] + 1) % 10
    outputs = np.array([0.1, 0.2, 0.9, 0.3, 0.0, 0.0, 0.1, 0.2, 0.5, 0.4])
    return {"outputs": evaluation.plot_outputs(outputs, label=5), "guess": evaluation.plot_outputs(outputs),
            "confusion": evaluation.plot_confusion_matrix(np.array([[5, 1], [0, 7]])),
            "history": evaluation.plot_history(HISTORY, marks={2: "learning rate 3 -> 1"}),
            "mistakes": evaluation.plot_misclassified(X, y, pred)}


def test_the_evaluation_figures_in_english_are_as_before():
    drawn = figures()
    assert texts_of(drawn["outputs"])["titles"] == ["The network's guess: 2 (the most active output); the digit is 5"]
    assert texts_of(drawn["guess"])["titles"] == ["The network's guess: 2 (the most active output)"]
    assert texts_of(drawn["confusion"]) == {
        "titles": ["Confusion matrix (test digits)"], "xlabels": ["predicted digit"], "ylabels": ["true digit"],
        "notes": ["5", "1", "", "7"], "legend": []}
    assert texts_of(drawn["history"]) == {
        "titles": ["The error goes down", "The accuracy goes up"], "xlabels": ["epoch", "epoch"],
        "ylabels": ["loss E (mean per digit)", "accuracy (fraction right)"], "notes": ["learning rate 3 -> 1 "],
        "legend": ["training", "validation", "training", "validation"]}
    assert drawn["mistakes"]["fig"].get_suptitle() == "3 digits the network gets wrong (guess, is label)"


def test_the_evaluation_figures_in_chinese(chinese):
    drawn = figures()
    assert texts_of(drawn["outputs"])["titles"] == ["网络的猜测：2（最活跃的输出）；这个数字是 5"]
    assert texts_of(drawn["guess"])["titles"] == ["网络的猜测：2（最活跃的输出）"]
    confusion, history = texts_of(drawn["confusion"]), texts_of(drawn["history"])
    assert confusion["titles"] == ["混淆矩阵（测试数字）"] and confusion["notes"] == ["5", "1", "", "7"]
    assert history["legend"] == ["训练", "验证", "训练", "验证"] and history["xlabels"] == ["轮次", "轮次"]
    for text in [*confusion["xlabels"], *confusion["ylabels"], *history["titles"], *history["ylabels"],
                 *history["notes"], drawn["mistakes"]["fig"].get_suptitle(), *drawn["mistakes"]["titles"]]:
        assert CJK.search(text) and not re.search(r"[A-Za-z]{3,}", text), text
    for figure in drawn.values():
        figure["fig"].canvas.draw()  # a missing glyph would warn, and warnings are errors


# ---- the messages of the checks on arguments ---------------------------------------------
ERRORS = [
    (lambda: evaluation.confusion_matrix([0, 1], [0], n_classes=3), ValueError,
     "y_true and y_pred must have the same length, got 2 and 1", "y_true 和 y_pred 的长度必须相同，收到的是 2 和 1"),
    (lambda: evaluation.confusion_matrix([0, 3], [0, 1], n_classes=3), ValueError,
     "y_true must hold labels 0 to 2", "y_true 的标签必须在 0 到 2 之间"),
    (lambda: evaluation.plot_confusion_matrix(np.zeros((2, 3))), ValueError,
     "matrix must be square (classes x classes), got shape (2, 3)",
     "matrix 必须是方阵（类别数 x 类别数），收到的形状是 (2, 3)"),
    (lambda: evaluation.plot_history({"loss": [1.0]}), TypeError,
     "history must be the dict returned by Network.fit, with 'loss' and 'accuracy' lists",
     "history 必须是 Network.fit 返回的字典，含有 'loss' 和 'accuracy' 两个列表"),
    (lambda: evaluation.plot_misclassified(np.zeros((2, 256)), [1, 2], [1, 2]), ValueError,
     "there are no misclassified digits to show: every prediction is right",
     "没有读错的数字可以显示：每个预测都是对的"),
    (lambda: augment.shift_digits(np.zeros((1, 10))), ValueError,
     "X must have 256 columns (one per pixel), got shape (1, 10)",
     "X 必须有 256 列（每个像素一列），收到的形状是 (1, 10)"),
    (lambda: augment.shift_digits(np.zeros((1, 256)), down=16), ValueError,
     "down and right must be smaller than the image (16x16), got 16, 0",
     "down 和 right 必须小于图像的尺寸（16x16），收到的是 16, 0"),
    (lambda: augment.with_shifted_copies(np.zeros((2, 256)), [1]), ValueError,
     "X and y must have the same length, got 2 rows and 1 labels", "X 和 y 的长度必须相同，收到的是 2 行和 1 个标签"),
]


@pytest.mark.parametrize("call, error, english, chinese_text", ERRORS)
def test_argument_errors_in_english_and_chinese(call, error, english, chinese_text):
    with pytest.raises(error) as raised:
        call()
    assert str(raised.value) == english
    nnlearn.set_language("zh")
    try:
        with pytest.raises(error) as raised:
            call()
    finally:
        nnlearn.set_language("en")
    assert str(raised.value) == chinese_text
