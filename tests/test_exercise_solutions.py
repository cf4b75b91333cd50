"""Every exercise, filled in with its own solution, passes; every exercise is asked in a notebook.

A solution is the exercise's cell filled in. Here each one runs with the names its notebook
defines before the exercises (the digits, the study hours, the untrained network of chapter 5,
the confusion matrix of chapter 7, the accuracies of chapter 8) and must print "Right!". The
notebooks as shipped, unanswered, are checked by nbval; these are the same cells answered.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

import nnlearn
from nnlearn.course import exercises
from nnlearn.course.evaluation import confusion_matrix

# the article's chapters; 09_lab, beyond the article, is a place to play and asks nothing
NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("0[1-8]_*.md"))
CELL = re.compile(r"```\{code-cell\} ipython3\n(.*?)```", re.S)
CHECK = re.compile(r"exercises\.check_(\w+)\(")
DEF = re.compile(r"^def \w+\(.*\):$", re.M)


def exercise_cells() -> list[tuple[str, str, str]]:
    """(notebook, exercise name, cell source) for every exercise cell of the notebooks' twins."""
    cells = []
    for path in NOTEBOOKS:
        section = path.read_text().split("\n## Exercises\n", 1)[1]
        for source in CELL.findall(section):
            cells += [(path.stem, name, source) for name in CHECK.findall(source)]
    return cells


def test_every_exercise_is_asked_once_in_the_notebooks():
    asked = Counter(name for _, name, _ in exercise_cells())
    assert sorted(asked) == sorted(exercises.REGISTRY)
    assert [name for name, count in asked.items() if count > 1] == []


def test_each_code_exercise_gives_the_signature_its_solution_fills_in():
    for notebook, name, source in exercise_cells():
        written = DEF.findall(source)
        if written:
            assert written == DEF.findall(exercises.solution_text(name)), (notebook, name)
            assert not any(line.strip().startswith("return") for line in source.splitlines()), (notebook, name)


def test_no_solution_is_in_plain_sight():
    """No solution is written out in the package's source, nor any line of one in a notebook."""
    package = Path(nnlearn.__file__).parent
    sources = [p.read_text() for p in package.rglob("*.py")]
    notebooks = [p.read_text() for p in NOTEBOOKS]
    for name in exercises.REGISTRY:
        text = exercises.solution_text(name)
        assert not any(text.strip() in source for source in sources + notebooks), name
        body = [line.strip() for line in text.splitlines() if line.startswith("    ") and "return" in line]
        assert not any(line in notebook for line in body for notebook in notebooks), name


@pytest.fixture(scope="module")
def notebook_names() -> dict:
    """The names the notebooks define before their exercises, as the exercise cells use them."""
    X_train, y_train, X_test, y_test = nnlearn.data.load_digits()
    hours, scores = nnlearn.data.study_hours()
    net = nnlearn.Network([256, 64, 10], seed=0)  # chapter 5: untrained
    trained = nnlearn.Network([256, 32, 10], seed=0)  # chapter 8, takeaway 2
    trained.fit(X_train, y_train, epochs=5)
    return {
        "np": np, "nnlearn": nnlearn, "exercises": exercises,
        "X_train": X_train, "y_train": y_train, "X_test": X_test, "y_test": y_test,
        "hours": hours, "scores": scores, "net": net,
        "matrix": confusion_matrix(y_test, trained.predict(X_test)),  # chapter 7's, from a trained network
        "accuracies": {4000: trained.accuracy(X_test, y_test)},
    }


@pytest.mark.parametrize("name", sorted(exercises.REGISTRY))
def test_the_solution_filled_in_passes(name, notebook_names, capsys):
    exec(exercises.solution_text(name), dict(notebook_names))  # noqa: S102 - the course's own text
    out = capsys.readouterr().out
    assert exercises.RIGHT in out and exercises.NOT_YET not in out, out


def test_solution_prints_the_cell_and_a_word_of_advice(capsys):
    exercises.solution("intercept")
    out = capsys.readouterr().out
    assert out.startswith("A solution (intercept):") and "exercises.check_intercept(3)" in out
