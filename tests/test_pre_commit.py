"""The commit hooks (``.pre-commit-config.yaml``): local only, and each one passes and fails when it should.

pre-commit itself is not a test dependency: these tests read the configuration and run each
hook's command as pre-commit would, from the top of the repository with the files its
``files`` and ``types_or`` select appended. ``.venv/bin/python`` in a hook is the project's
environment, here the Python running the tests.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / ".pre-commit-config.yaml"
PROJECT_PYTHON = ".venv/bin/python"
# pre-commit's file types used by the hooks, by file name ending (a type not listed fails the test)
TYPES = {"python": (".py",), "jupyter": (".ipynb",), "markdown": (".md",)}
PROJECT_FOLDERS = ("nnlearn", "tests", "scripts", "benchmarks", "notebooks", "docs", ".ci")


def hooks() -> list[dict]:
    return [hook for repo in yaml.safe_load(CONFIG.read_text())["repos"] for hook in repo["hooks"]]


def command(hook: dict) -> list[str]:
    words = shlex.split(hook["entry"]) + list(hook.get("args", []))
    return [sys.executable if words[0] == PROJECT_PYTHON else words[0], *words[1:]]


def selects(hook: dict, name: str) -> bool:
    """Whether pre-commit would pass the file ``name`` (relative to the top of the repository) to ``hook``."""
    if not re.search(hook.get("files", ""), name) or ("exclude" in hook and re.search(hook["exclude"], name)):
        return False
    types = hook.get("types_or")
    return types is None or name.endswith(tuple(ending for kind in types for ending in TYPES[kind]))


def repository_files() -> list[str]:
    """The files a commit can hold: git's list, or the project's folders where there is no git."""
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if listed.returncode == 0 and listed.stdout.strip():
        return [name for name in listed.stdout.splitlines() if (ROOT / name).is_file()]
    return sorted(path.relative_to(ROOT).as_posix() for folder in PROJECT_FOLDERS for path in (ROOT / folder).rglob("*")
                  if path.is_file() and "__pycache__" not in path.parts and "artifacts" not in path.parts)


def run(hook: dict, files: list[str | Path]) -> subprocess.CompletedProcess:
    return subprocess.run(command(hook) + [str(f) for f in files], cwd=ROOT, capture_output=True, text=True)


def hook(hook_id: str) -> dict:
    return next(h for h in hooks() if h["id"] == hook_id)


def test_only_local_hooks_that_install_nothing():
    config = yaml.safe_load(CONFIG.read_text())
    assert config["repos"], "no hooks"
    for repo in config["repos"]:
        assert repo["repo"] == "local", f"{repo['repo']}: a hook repository would be fetched at commit time"
        for h in repo["hooks"]:
            assert h["language"] in ("system", "python"), h
            assert not h.get("additional_dependencies"), f"{h['id']}: additional_dependencies are downloaded"
            assert set(h.get("types_or", [])) <= set(TYPES), f"{h['id']}: teach TYPES the file types it uses"
    assert {h["id"] for h in hooks()} == {"ruff", "notebook-twins", "notebook-errors"}


@pytest.mark.parametrize("hook_id", [h["id"] for h in hooks()])
def test_each_hook_command_exists(hook_id):
    words = shlex.split(hook(hook_id)["entry"])
    assert words[0] == PROJECT_PYTHON or (ROOT / words[0]).exists(), words[0]
    if words[1] == "-m":
        assert importlib.util.find_spec(words[2]) is not None, f"{hook_id}: no module {words[2]}"
    else:
        assert (ROOT / words[1]).is_file(), f"{hook_id}: no script {words[1]}"


@pytest.mark.parametrize("hook_id", [h["id"] for h in hooks()])
def test_each_hook_passes_on_the_clean_tree(hook_id):
    h = hook(hook_id)
    files = [name for name in repository_files() if selects(h, name)]
    assert files, f"{hook_id} selects no file of the repository"
    result = run(h, files)
    assert result.returncode == 0, result.stdout + result.stderr


def _notebook_pair(folder: Path, error: bool, tags=()) -> Path:
    """``folder/01_demo.ipynb`` and its twin; the code cell stores an error output when ``error``."""
    cell = nbformat.v4.new_code_cell("numbers = [1, 2]\nnumbers[5]", metadata={"tags": list(tags)} if tags else {})
    cell.execution_count = 1
    if error:
        cell.outputs = [nbformat.v4.new_output("error", ename="IndexError", evalue="list index out of range",
                                               traceback=[])]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# A demo"), cell])
    path = folder / "01_demo.ipynb"
    nbformat.write(nb, path)
    path.with_suffix(".md").write_text(jupytext.writes(nb, fmt="md:myst"), encoding="utf-8")
    return path


def _hooks_for(name: str) -> list[dict]:
    return [h for h in hooks() if selects(h, name)]


def test_a_stored_error_fails_the_commit_and_a_tagged_one_does_not(tmp_path):
    """pre-commit runs every hook that selects a notebook: only the error check may fail, and only on the error."""
    notebooks = {}
    for name, error, tags in (("clean", False, ()), ("tagged", True, ("raises-exception",)), ("broken", True, ())):
        (tmp_path / name).mkdir()
        notebooks[name] = _notebook_pair(tmp_path / name, error, tags)
    results = {h["id"]: run(h, notebooks.values()) for h in _hooks_for("notebooks/01_demo.ipynb")}
    failed = {hook_id: r.stdout for hook_id, r in results.items() if r.returncode != 0}
    assert list(failed) == ["notebook-errors"], results
    assert failed["notebook-errors"].count("stores an error") == 1, failed
    assert f"{notebooks['broken'].as_posix()} cell 2 (starting 'numbers = [1, 2]') stores an error, IndexError" in (
        failed["notebook-errors"])
    assert run(hook("notebook-errors"), [notebooks["clean"], notebooks["tagged"]]).returncode == 0


def test_a_twin_out_of_step_fails_the_commit(tmp_path):
    ipynb = _notebook_pair(tmp_path, error=False)
    twin = ipynb.with_suffix(".md")
    twin.write_text(twin.read_text(encoding="utf-8").replace("# A demo", "# A changed demo"), encoding="utf-8")
    assert selects(hook("notebook-twins"), "notebooks/01_demo.md")
    result = run(hook("notebook-twins"), [twin])
    assert result.returncode == 1 and "disagree" in result.stdout and "run_notebooks.py" in result.stdout


def test_lint_fails_the_commit(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("import os\n")
    assert selects(hook("ruff"), "scripts/module.py")
    result = run(hook("ruff"), [module])
    assert result.returncode == 1 and "F401" in result.stdout
