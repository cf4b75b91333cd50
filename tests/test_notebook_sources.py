"""Each notebook is a pair: a text twin a teacher edits, and an .ipynb with the stored outputs.

The twin (``NN_topic.md``, MyST markdown) and the ``.ipynb`` must hold the same cells (type,
source and tags); a teacher who edited one side and forgot the other is told which notebook,
which cell, and the command that brings the pair back together. The stored ``.ipynb`` must
hold nothing that changes from run to run although the notebook did not (execution timings,
widget state), and the code cells must pass the package's own lint settings.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
from jupytext.config import find_jupytext_configuration_file, load_jupytext_configuration_file
from jupytext.formats import long_form_multiple_formats

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
EDITIONS = {"en": NOTEBOOKS, "zh": NOTEBOOKS / "zh"}  # the English edition, and the Chinese one in notebooks/zh/
PAIRS = [path for folder in EDITIONS.values() for path in sorted(folder.glob("[0-9][0-9]_*.ipynb"))]

# The checks themselves are written once, in the script that the pre-commit hooks run.
_spec = importlib.util.spec_from_file_location("check_notebooks", ROOT / "scripts" / "check_notebooks.py")
check_notebooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_notebooks)
cell_differences, refresh_command, sync_advice, where = (
    check_notebooks.cell_differences, check_notebooks.refresh_command, check_notebooks.sync_advice,
    check_notebooks.where)


def test_there_are_notebooks_in_both_editions():
    for folder in EDITIONS.values():
        assert len(sorted(folder.glob("[0-9][0-9]_*.ipynb"))) == 9, where(folder)


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_notebook_has_its_text_twin_and_every_twin_its_notebook(edition):
    folder = EDITIONS[edition]
    twins = sorted(folder.glob("[0-9][0-9]_*.md"))
    assert [p.stem for p in twins] == [p.stem for p in sorted(folder.glob("[0-9][0-9]_*.ipynb"))]


def test_the_pairing_is_configured_in_the_repository():
    path = find_jupytext_configuration_file(str(NOTEBOOKS))
    assert path is not None and Path(path).resolve() == (NOTEBOOKS / "jupytext.toml").resolve()
    config = load_jupytext_configuration_file(path)
    raw = config.formats if isinstance(config.formats, str) else ",".join(config.formats)  # a list in jupytext 1.19
    formats = {(f["extension"], f.get("format_name")) for f in long_form_multiple_formats(raw)}
    assert formats == {(".ipynb", None), (".md", "myst")}
    assert config.notebook_metadata_filter == "-all"  # the twin holds no kernel or version metadata


def edition_id(path: Path) -> str:
    return "-".join(path.relative_to(NOTEBOOKS).with_suffix("").parts)


@pytest.mark.parametrize("ipynb", PAIRS, ids=edition_id)
def test_text_twin_and_notebook_hold_the_same_cells(ipynb):
    report = check_notebooks.twin_report(ipynb)
    if report:
        pytest.fail(report, pytrace=False)


def test_the_check_catches_a_one_word_edit(tmp_path):
    ipynb = PAIRS[1]
    twin = tmp_path / ipynb.with_suffix(".md").name
    in_sync = jupytext.writes(nbformat.read(ipynb, as_version=4), fmt="md:myst")
    heading = next(line for line in in_sync.splitlines() if line.startswith("## "))
    twin.write_text(in_sync.replace(heading, heading + " edited", 1), encoding="utf-8")
    problems = cell_differences(ipynb, twin)
    assert len(problems) == 1 and "the text differs from line 1" in problems[0], problems
    assert repr(heading[:40])[:-1] in problems[0]
    assert refresh_command(ipynb) in sync_advice(ipynb)


@pytest.mark.parametrize("ipynb", PAIRS, ids=edition_id)
def test_stored_notebook_holds_no_error(ipynb):
    """A notebook saved from JupyterLab after a cell failed keeps the error; nbval would fail it only after
    running the notebook, this names it at once. Only a cell tagged raises-exception may hold one."""
    problems = check_notebooks.stored_errors(ipynb)
    assert not problems, "\n".join(problems)


def test_the_check_catches_a_stored_error_unless_the_cell_is_tagged(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 / 0", outputs=[nbformat.v4.new_output(
        "error", ename="ZeroDivisionError", evalue="division by zero", traceback=[])])])
    path = tmp_path / "01_broken.ipynb"
    nbformat.write(nb, path)
    problems = check_notebooks.stored_errors(path)
    assert len(problems) == 1 and "cell 1 (starting '1 / 0') stores an error, ZeroDivisionError" in problems[0]
    nb.cells[0].metadata["tags"] = ["raises-exception"]
    nbformat.write(nb, path)
    assert check_notebooks.stored_errors(path) == []


@pytest.mark.parametrize("ipynb", PAIRS, ids=edition_id)
def test_stored_notebook_holds_nothing_that_changes_from_run_to_run(ipynb):
    nb = nbformat.read(ipynb, as_version=4)
    nbformat.validate(nb)
    assert "widgets" not in nb.metadata, "widget state of a headless run is not stored"
    ids = [cell.id for cell in nb.cells]
    assert len(set(ids)) == len(ids), "cell ids must be unique"
    for number, cell in enumerate(nb.cells, start=1):
        assert "execution" not in cell.metadata, f"cell {number} stores execution timings"
        if cell.cell_type == "code":
            assert cell.execution_count is not None, (
                f"cell {number} was not run: refresh with `{refresh_command(ipynb)}`")


def test_code_cells_and_package_pass_lint():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is part of the test extra: pip install -e '.[test]'", pytrace=False)
    result = subprocess.run(
        [ruff, "check", "--no-cache", "nnlearn", "tests", "scripts", "benchmarks", "notebooks"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
