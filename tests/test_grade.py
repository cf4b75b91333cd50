"""The teacher's table: which exercises each submitted notebook got right."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

from nnlearn.course import grade

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def stream(text: str) -> dict:
    return nbformat.v4.new_output("stream", name="stdout", text=text)


def submission(tmp_path: Path, name: str, answers: dict[int, list]) -> Path:
    """A copy of chapter 2 whose exercise cells (by their order) have the given outputs."""
    notebook = nbformat.read(NOTEBOOKS / "02_single_node.ipynb", as_version=4)
    cells = [cell for cell in notebook.cells if cell.cell_type == "code" and "exercises.check_" in cell.source]
    for index, outputs in answers.items():
        cells[index].outputs = outputs
    path = tmp_path / f"{name}.ipynb"
    nbformat.write(notebook, path)
    return path


def test_the_notebooks_as_shipped_are_unanswered():
    for path in sorted(NOTEBOOKS.glob("0[1-8]_*.ipynb")):  # the chapters; 09_lab asks nothing
        verdicts = grade.exercise_verdicts(json.loads(path.read_text()))
        assert verdicts and set(verdicts.values()) == {"unanswered"}, (path.name, verdicts)


def test_a_class_table_from_stored_outputs(tmp_path, capsys):
    alice = submission(tmp_path, "alice", {0: [stream("Right! ...\n")], 3: [stream("Not yet. ...\n")]})
    bob = submission(tmp_path, "bob", {
        1: [stream("Right! ...\n")],
        2: [nbformat.v4.new_output("error", ename="NameError", evalue="x", traceback=[])],
        3: [],
    })
    assert grade.main([str(alice), str(bob)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["notebook", "line_fit", "intercept", "neuron_by_hand", "neuron_output", "right"]
    assert lines[1].split()[1:] == ["right", "unanswered", "unanswered", "not", "yet", "1/4"]
    assert lines[2].split()[1:] == ["unanswered", "right", "error", "not", "run", "1/4"]
    grade.main(["--csv", str(alice)])
    assert capsys.readouterr().out.splitlines()[1].endswith(",right,unanswered,unanswered,not yet,1/4")


def test_run_reads_the_checkers_own_verdicts(tmp_path, capsys):
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("from nnlearn.course import exercises"),
        nbformat.v4.new_code_cell("exercises.check_intercept(3)", outputs=[stream("Not yet. (saved)\n")]),
        nbformat.v4.new_code_cell("exercises.check_parameter_count(17)"),
    ])
    path = tmp_path / "run.ipynb"
    nbformat.write(notebook, path)
    assert grade.exercise_verdicts(json.loads(path.read_text())) == {"intercept": "not yet",
                                                                     "parameter_count": "not run"}
    assert grade.exercise_verdicts(grade.read(path, run=True)) == {"intercept": "right",
                                                                   "parameter_count": "not yet"}
