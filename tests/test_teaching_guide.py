"""The teacher's guides (docs/teaching.md and docs/teaching.zh.md) against the exercises.

Every exercise that an English notebook checks (a code cell calling ``exercises.check_NAME(``)
must have its answer in each guide, marked up as the guides describe ("How the answers are
marked"):

* ``**Answer** `check_NAME`: `value`, `value` `` (``**答案**`` and a full-width colon in the
  Chinese guide): one Python value per ``...`` of the notebook's exercise cell, in order;
* ``**Answer** `check_NAME`:`` with nothing after it, then a ```` ```python ```` block: the
  exercise cell filled in (an exercise whose cell defines a function).

The answers are run, not compared with a list: the values replace the ``...`` of the notebook's
own cell, the code block runs as it is, each in a namespace holding what the notebook defined
before (the digits, the study hours, chapter 7's confusion matrix, built the way the notebook
builds them: chapter 7's network is trained once, about ten seconds), and the checker must say
"Right!". The same cell with the first value plus 1, or
the function's result plus 1, must be rejected, so these tests can fail. The Chinese guide's
checks run in Chinese, as the Chinese notebooks do after ``nnlearn.set_language("zh")``.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import functools
import io
import json
import re
import tokenize
from pathlib import Path

import numpy as np
import pytest

import nnlearn
from nnlearn.course import exercises
from nnlearn.course.checking import Check

ROOT = Path(__file__).resolve().parent.parent
GUIDES = {"en": ROOT / "docs" / "teaching.md", "zh": ROOT / "docs" / "teaching.zh.md"}
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

CHECK = re.compile(r"exercises\.check_(\w+)\(")
ANSWER = re.compile(r"^\*\*(?:Answer|答案)\*\* `check_(\w+)`[ \t]*[:：][ \t]*(.*?)[ \t]*$", re.MULTILINE)
VALUES = re.compile(r"`([^`]+)`(?:\s*[,，、]\s*`([^`]+)`)*")
VALUE = re.compile(r"`([^`]+)`")
CODE = re.compile(r"\s*```python\n(.*?)\n```", re.DOTALL)


# ---- the exercises of the notebooks --------------------------------------------------
def _code_cells(notebook: Path) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]


def _notebook_exercises() -> dict[str, tuple[str, str]]:
    """``{name: (notebook stem, exercise cell)}`` for every checker an English notebook calls."""
    found = {}
    for notebook in NOTEBOOKS:
        for source in _code_cells(notebook):
            names = CHECK.findall(source)
            assert len(names) <= 1, f"{notebook.name}: one cell calls several checkers: {names}"
            for name in names:
                assert name not in found, f"check_{name} is called in {found[name][0]} and in {notebook.stem}"
                found[name] = (notebook.stem, source)
    return found


EXERCISES = _notebook_exercises()


def _is_code_exercise(cell: str) -> bool:
    """An exercise whose cell asks for a function (its body still ``...``)."""
    return any(isinstance(node, ast.FunctionDef) for node in ast.parse(cell).body)


CODE_EXERCISES = sorted(name for name, (_, cell) in EXERCISES.items() if _is_code_exercise(cell))
VALUE_EXERCISES = sorted(name for name in EXERCISES if name not in CODE_EXERCISES)


def test_the_notebooks_have_exercises_of_both_kinds():
    """A guard for this file: if the regular expression found nothing, every test would pass."""
    assert len(VALUE_EXERCISES) > 20 and len(CODE_EXERCISES) >= 8, EXERCISES.keys()


# ---- the answers of a guide ----------------------------------------------------------
@functools.cache
def guide_answers(language: str) -> dict[str, tuple[str, object]]:
    """``{name: ("values", [python source, ...])}`` or ``{name: ("code", python source)}``."""
    text = GUIDES[language].read_text(encoding="utf-8")
    answers = {}
    for match in ANSWER.finditer(text):
        name, rest = match.groups()
        assert name not in answers, f"{GUIDES[language].name}: two answers for check_{name}"
        if rest:
            assert VALUES.fullmatch(rest), (
                f"{GUIDES[language].name}: the answer of check_{name} should be backticked values separated "
                f"by commas, got {rest!r}")
            answers[name] = ("values", VALUE.findall(rest))
        else:
            code = CODE.match(text, match.end())
            assert code, f"{GUIDES[language].name}: the answer line of check_{name} has no value and no python block"
            answers[name] = ("code", code.group(1))
    return answers


@pytest.mark.parametrize("language", GUIDES)
def test_every_exercise_has_one_answer_of_its_kind(language):
    answers = guide_answers(language)
    missing = sorted(set(EXERCISES) - set(answers))
    stale = sorted(set(answers) - set(EXERCISES))
    assert not missing, f"{GUIDES[language].name} has no answer for: {', '.join(missing)}"
    assert not stale, f"{GUIDES[language].name} answers exercises no notebook has: {', '.join(stale)}"
    for name in CODE_EXERCISES:
        assert answers[name][0] == "code", f"check_{name} asks for a function: its answer must be a python block"
    for name in VALUE_EXERCISES:
        assert answers[name][0] == "values", f"check_{name} takes values: its answer must be a line of values"


@pytest.mark.parametrize("language", GUIDES)
def test_each_chapter_has_its_section(language):
    text = GUIDES[language].read_text(encoding="utf-8")
    for notebook in NOTEBOOKS:
        heading = re.compile(rf"^##[^#\n]*`{notebook.stem}`", re.MULTILINE)
        assert heading.search(text), f"{GUIDES[language].name} has no section headed with `{notebook.stem}`"


def test_the_guides_link_each_other():
    top = {language: "\n".join(path.read_text(encoding="utf-8").splitlines()[:5]) for language, path in GUIDES.items()}
    assert "(teaching.zh.md)" in top["en"], "docs/teaching.md should link to teaching.zh.md at its top"
    assert "(teaching.md)" in top["zh"], "docs/teaching.zh.md should link to teaching.md at its top"


def test_the_chinese_guide_has_the_same_answers():
    english, chinese = guide_answers("en"), guide_answers("zh")
    assert sorted(english) == sorted(chinese)
    for name in english:
        assert chinese[name] == english[name], f"check_{name}: the Chinese guide's answer differs from the English one"


def test_the_chinese_notebooks_call_the_same_checkers():
    """The Chinese guide is run against the English notebooks' cells: they must be the same exercises."""
    for notebook in NOTEBOOKS:
        twin = ROOT / "notebooks" / "zh" / f"{notebook.stem}.md"
        english = {name for cell in _code_cells(notebook) for name in CHECK.findall(cell)}
        chinese = set(CHECK.findall(twin.read_text(encoding="utf-8")))
        assert chinese == english, f"{twin.name}: checkers {sorted(chinese)}, the English notebook {sorted(english)}"


# ---- what the notebooks define before their exercises, built the way they build it ------
@functools.cache
def _digits():
    return nnlearn.data.load_digits()


@functools.cache
def _study_hours():
    return nnlearn.data.study_hours()


@functools.cache
def _chapter7_confusion_matrix():
    """The confusion matrix of chapter 7: its digit network, trained as the notebook trains it."""
    from nnlearn.course.augment import with_shifted_copies
    from nnlearn.course.evaluation import confusion_matrix

    X_train, y_train, X_test, y_test = _digits()
    put_aside = np.random.default_rng(0).permutation(len(X_train))[:500]
    is_validation = np.isin(np.arange(len(X_train)), put_aside)
    X_val, y_val = X_train[is_validation], y_train[is_validation]
    X_fit, y_fit = X_train[~is_validation], y_train[~is_validation]
    X_more, y_more = with_shifted_copies(X_fit, y_fit)
    net = nnlearn.Network([256, 64, 10], seed=0)
    net.fit(X_more, y_more, epochs=8, learning_rate=3.0, batch_size=32, validation=(X_val, y_val))
    net.fit(X_more, y_more, epochs=2, learning_rate=1.0, batch_size=32, validation=(X_val, y_val))
    return confusion_matrix(y_test, net.predict(X_test))


NOTEBOOK_NAMES = {
    "np": lambda: np,
    "nnlearn": lambda: nnlearn,
    "exercises": lambda: exercises,
    "X_train": lambda: _digits()[0],
    "y_train": lambda: _digits()[1],
    "X_test": lambda: _digits()[2],
    "y_test": lambda: _digits()[3],
    "hours": lambda: _study_hours()[0],
    "scores": lambda: _study_hours()[1],
    "matrix": _chapter7_confusion_matrix,
}


def _free_names(tree: ast.AST) -> set[str]:
    """The names the code reads without defining them itself (nor being builtins)."""
    loaded, defined = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else defined).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, ast.arg):
            defined.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            defined.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    return loaded - defined - set(dir(builtins))


def _namespace(tree: ast.AST, where: str) -> dict:
    unknown = sorted(_free_names(tree) - set(NOTEBOOK_NAMES))
    assert not unknown, f"{where} uses {unknown}: teach NOTEBOOK_NAMES in this test how the notebook builds them"
    return {name: NOTEBOOK_NAMES[name]() for name in _free_names(tree)}


def run_cell(source: str, where: str) -> tuple[object, str]:
    """Run a cell as a notebook does: the value of its last line and what it printed."""
    tree = ast.parse(source)
    *body, last = tree.body
    assert isinstance(last, ast.Expr), f"{where}: the cell should end with the checker's call"
    namespace = _namespace(tree, where)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(ast.Module(body=body, type_ignores=[]), where, "exec"), namespace)
        value = eval(compile(ast.Expression(last.value), where, "eval"), namespace)
    return value, printed.getvalue()


def fill_in(cell: str, values: list[str]) -> str:
    """The notebook's exercise cell with its ``...`` replaced by ``values``, in order (comments untouched)."""
    places = [token.start for token in tokenize.generate_tokens(io.StringIO(cell).readline)
              if token.type == tokenize.OP and token.string == "..."]
    assert len(places) == len(values), f"the cell has {len(places)} `...`, the guide gives {len(values)} values"
    lines = cell.splitlines(keepends=True)
    for (row, column), value in reversed(list(zip(places, values))):
        line = lines[row - 1]
        lines[row - 1] = line[:column] + f"({value})" + line[column + 3:]
    return "".join(lines)


def verdict(source: str, where: str) -> bool:
    value, printed = run_cell(source, where)
    assert isinstance(value, Check), f"{where}: the cell's last line gave {value!r}, not a checker's verdict"
    return value.ok


@pytest.fixture(params=list(GUIDES))
def language(request):
    """The guide under test; the Chinese one's checks run in Chinese, as in the Chinese notebooks."""
    if request.param == "zh":
        request.getfixturevalue("chinese")
    return request.param


def guide_answer(language, name, wanted):
    """The exercise cell of ``check_NAME``, the guide's answer to it (``wanted``: "values" or "code")
    and where both are, for messages; fails the test when the guide gives no such answer."""
    notebook, cell = EXERCISES[name]
    kind, answer = guide_answers(language).get(name, (None, None))
    if kind != wanted:
        what = "line of values" if wanted == "values" else "python block"
        pytest.fail(f"{GUIDES[language].name} has no {what} for check_{name}")
    return cell, answer, f"{GUIDES[language].name}, check_{name} in {notebook}"


@pytest.mark.parametrize("name", VALUE_EXERCISES)
def test_a_value_answer_is_right_and_a_changed_one_is_not(language, name):
    cell, values, where = guide_answer(language, name, "values")
    assert verdict(fill_in(cell, values), where), f"{where}: the guide's answer {values} is not accepted"
    wrong = [f"({values[0]}) + 1", *values[1:]]
    assert not verdict(fill_in(cell, wrong), where), f"{where}: the checker also accepts {wrong}"


class _PlusOne(ast.NodeTransformer):
    """Every ``return x`` of the function ``name`` becomes ``return (x) + 1``."""

    def __init__(self, name: str):
        self.name = name

    def visit_FunctionDef(self, node):
        if node.name == self.name:
            for inner in ast.walk(node):
                if isinstance(inner, ast.Return) and inner.value is not None:
                    inner.value = ast.BinOp(inner.value, ast.Add(), ast.Constant(1))
        return node


@pytest.mark.parametrize("name", CODE_EXERCISES)
def test_a_code_answer_passes_and_a_changed_one_does_not(language, name):
    _, code, where = guide_answer(language, name, "code")
    assert f"exercises.check_{name}(" in code, f"{where}: the code does not call its checker"
    assert verdict(code, where), f"{where}: the guide's code does not pass its checker"
    tree = ast.parse(code)
    assert any(isinstance(node, ast.FunctionDef) and node.name == name for node in tree.body), (
        f"{where}: the code does not define {name}")
    changed = ast.unparse(ast.fix_missing_locations(_PlusOne(name).visit(tree)))
    assert not verdict(changed, where), f"{where}: {name} with 1 added to its result still passes"
