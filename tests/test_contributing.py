"""CONTRIBUTING.md's recipes name only what exists, and the cheap ones work when followed.

Every command of its ``bash`` blocks is read as a shell would split it: a script must exist and
answer ``--help`` with every option the recipe gives it, a test file or test must exist, a
program must be installed in the project's environment (``.venv/bin/NAME`` is the directory of
the Python running the tests) or installed by an earlier line, or be one of the few system
commands a recipe may use; an environment variable must be read somewhere in the repository.
Every path, file name and ``nnlearn.`` name quoted in its text must exist. Then the recipes for a
translation entry, an exercise and a notebook edit are followed on a temporary copy, with the
code blocks and commands the document gives.
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "CONTRIBUTING.md"
BIN = Path(sys.executable).parent  # `.venv/bin` of the recipes: the project's environment
VENV = ".venv/bin/"
SYSTEM = {"python3", "apt-get", "git"}  # programs a recipe may take from the system
OPERATORS = {"&&", "||", ";", "|"}
PLACEHOLDERS = ("LANG", "NN_topic", "NAME", "DIR")  # words that stand for a name the reader chooses
PROJECT = ("nnlearn", "tests", "scripts", "benchmarks", "notebooks", "docs", "deploy", ".ci")
SUFFIXES = (".py", ".md", ".ipynb", ".toml", ".yaml", ".yml", ".cfg", ".json", ".png", ".txt")

FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
LINK = re.compile(r"\]\(([^)#\s]+)\)")


# ---- reading the document ------------------------------------------------------------------
def blocks(language: str, text: str | None = None) -> list[str]:
    return [body for lang, body in FENCE.findall(DOC.read_text(encoding="utf-8") if text is None else text)
            if lang == language]


def split_commands(block: str) -> list[list[str]]:
    """The simple commands of a shell block: lines joined at a trailing backslash, split at && ; | ||."""
    commands = []
    for line in block.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words = []
        for token in [*lexer, ";"]:
            if token in OPERATORS:
                if words:
                    commands.append(words)
                words = []
            else:
                words.append(token)
    return commands


def commands(text: str | None = None) -> list[list[str]]:
    return [command for block in blocks("bash", text) for command in split_commands(block)]


def section(title: str) -> str:
    """The text of the section headed ``## title``."""
    text = DOC.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def file_block(path: str) -> str:
    """The ``python`` block that starts with the comment ``# path``, without that line."""
    found = [body for body in blocks("python") if body.startswith(f"# {path}\n")]
    assert len(found) == 1, f"CONTRIBUTING.md has {len(found)} python blocks for {path}"
    return found[0].split("\n", 1)[1]


# ---- what a command may name ---------------------------------------------------------------
def is_path(word: str) -> bool:
    word = word.split("::")[0]  # a test: tests/test_x.py::test_y
    if word.startswith(("-", "http", ".[")) or "=" in word or ":" in word or word in SUFFIXES:  # `.ipynb`: a kind
        return False
    return "/" in word or word.endswith(SUFFIXES)


def has_placeholder(word: str) -> bool:
    return any(p in word for p in PLACEHOLDERS)


@functools.cache
def project_file_names() -> frozenset[str]:
    names = {p.name for p in ROOT.iterdir() if p.is_file()}
    for folder in PROJECT:
        names |= {p.name for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    return frozenset(names)


@functools.cache
def outputs() -> frozenset[str]:
    """What the repository's tools write and git ignores (``site/``, ``tests/e2e/artifacts/``)."""
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().rstrip("/") for line in lines if line.strip() and not line.startswith("#"))


def path_problem(word: str) -> str | None:
    """Why a path quoted in the document names nothing, or None."""
    if has_placeholder(word) or word.rstrip("/") in outputs():
        return None
    if word.startswith(".venv/"):  # the project's environment: the one running the tests
        inside = word.removeprefix(".venv/")
        return None if (Path(sys.prefix) / inside).exists() else f"{inside} is not in the project's environment"
    if "/" not in word:  # a file name alone: a file of that name somewhere in the project
        return None if word in project_file_names() else f"no file called {word}"
    name = word.split("::")[0].rstrip("/")
    if any(ROOT.glob(name)) if "*" in name else (ROOT / name).exists():
        return None
    return f"{name} does not exist"


@functools.cache
def help_text(*program: str) -> str:
    result = subprocess.run([*program, "--help"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"`{' '.join(program)} --help` failed:\n{result.stderr[-2000:]}"
    return result.stdout


@functools.cache
def variables_read() -> str:
    """The text of the repository's code, where an environment variable a recipe sets must appear."""
    return "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for folder in ("nnlearn", "tests", "scripts", "benchmarks", ".ci")
                     for p in (ROOT / folder).rglob("*")
                     if p.is_file() and p.suffix in ("", ".py", ".sh") and p.name != Path(__file__).name)


def option_problems(words: list[str], help_output: str, what: str) -> list[str]:
    problems = []
    for word in words:
        if word.startswith("-") and word not in ("-", "--"):
            option = word.split("=", 1)[0]
            if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", help_output):
                problems.append(f"{what} has no option {option}")
    return problems


def pytest_problems(words: list[str]) -> list[str]:
    """The arguments of pytest: options it knows, test files and tests that exist."""
    options = [w for w in words if w.startswith("--")]
    problems = option_problems(options, help_text(sys.executable, "-m", "pytest"), "pytest") if options else []
    for word in words:
        if is_path(word):
            problem = path_problem(word)
            if problem:
                problems.append(problem)
            elif "::" in word:
                file, name = word.split("::", 1)
                if not re.search(rf"^def {re.escape(name)}\(", (ROOT / file).read_text(encoding="utf-8"), re.M):
                    problems.append(f"{file} has no test {name}")
    return problems


def python_problems(words: list[str]) -> list[str]:
    """``.venv/bin/python`` with ``-m module``, ``-c code`` or ``script.py``, and their arguments."""
    if words[:1] == ["-m"]:
        if importlib.util.find_spec(words[1]) is None:
            return [f"no module {words[1]}"]
        return pytest_problems(words[2:]) if words[1] == "pytest" else []
    if words[:1] == ["-c"]:
        problems = []
        for node in ast.walk(ast.parse(words[1])):
            if isinstance(node, ast.ImportFrom):
                module = importlib.import_module(node.module)
                problems += [f"{node.module} has no {a.name}" for a in node.names if not hasattr(module, a.name)]
        return problems
    script, *rest = words
    problem = path_problem(script)
    if problem:
        return [problem]
    if "argparse" not in (ROOT / script).read_text(encoding="utf-8"):
        return [f"{script} answers no --help (it has no argument parser)"]
    problems = option_problems(rest, help_text(sys.executable, str(ROOT / script)), script)
    return problems + [p for p in map(path_problem, filter(is_path, rest)) if p]


def command_problems(words: list[str], installed: set[str]) -> list[str]:
    """What in one command names something that does not exist; ``installed`` collects pip's installs."""
    while words and re.fullmatch(r"[A-Z_][A-Z0-9_]*=\S*", words[0]):
        variable = words.pop(0).split("=")[0]
        if not re.search(rf"\b{variable}\b", variables_read()):
            return [f"the variable {variable} is read nowhere in the repository"]
    program, *rest = words
    if program in SYSTEM:
        return []
    if program.startswith(".ci/"):
        path = ROOT / program
        if not path.is_file() or not os.access(path, os.X_OK):
            return [f"{program} is not an executable file"]
        if subprocess.run(["bash", "-n", str(path)], capture_output=True).returncode != 0:
            return [f"{program} is not a valid bash script"]
        return [p for p in map(path_problem, filter(is_path, rest)) if p]
    if not program.startswith(VENV):
        return [f"{program}: not a command of the project's environment nor an allowed system command"]
    name = program.removeprefix(VENV)
    if name == "python":
        return python_problems(rest)
    if name == "pytest":
        return pytest_problems(rest)
    if name == "pip":
        if rest[:1] != ["install"]:
            return [f"pip {rest[:1]}: only pip install is expected"]
        problems = []
        for word in rest[1:]:
            extras = re.fullmatch(r"\.\[([\w,]+)\]", word)
            if extras:
                declared = set(_pyproject()["project"]["optional-dependencies"])
                problems += [f"pyproject.toml has no extra {extra}"
                             for extra in extras.group(1).split(",") if extra not in declared]
            elif not word.startswith("-") and word != ".":
                installed.add(word)
        return problems
    if name in installed:
        return []
    if not (BIN / name).exists():
        return [f"{name} is not installed in the project's environment"]
    problems = [p for p in map(path_problem, filter(is_path, rest)) if p]
    if any(word.startswith("-") for word in rest):
        problems += option_problems(rest, help_text(str(BIN / name)), name)
    return problems


@functools.cache
def _pyproject() -> dict:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def document_problems(text: str) -> list[str]:
    installed: set[str] = set()
    problems = []
    for command in commands(text):
        problems += [f"`{shlex.join(command)}`: {p}" for p in command_problems(list(command), installed)]
    return problems


# ---- the tests: what the recipes name ------------------------------------------------------
def test_the_document_has_the_recipes():
    text = DOC.read_text(encoding="utf-8")
    for title in ("Edit a notebook's text and refresh it", "Add an exercise", "Add a translation entry",
                  "Add a language", "Run the browser tests alone", "Refresh the benchmark table",
                  "Build and check the wheel", "Check the lower bounds", "Commits"):
        assert f"\n## {title}\n" in text, title
    assert len(commands()) > 20


def test_every_command_names_what_exists():
    problems = document_problems(DOC.read_text(encoding="utf-8"))
    assert not problems, "CONTRIBUTING.md:\n" + "\n".join(problems)


@pytest.mark.parametrize("command, words", [
    ("make docs", "not a command of the project's environment"),
    (".venv/bin/nnlearn-docs build", "nnlearn-docs is not installed"),
    (".venv/bin/python scripts/publish.py", "scripts/publish.py does not exist"),
    (".venv/bin/python scripts/run_notebooks.py --fast", "has no option --fast"),
    (".venv/bin/python scripts/make_readme_images.py", "answers no --help"),
    (".venv/bin/python -m nnlearn.nowhere", "no module nnlearn.nowhere"),
    (".venv/bin/pytest tests/test_nowhere.py", "tests/test_nowhere.py does not exist"),
    (".venv/bin/pytest tests/test_editions.py::test_nothing", "has no test test_nothing"),
    (".venv/bin/pytest --no-such-option", "pytest has no option --no-such-option"),
    ("NNLEARN_FAST=1 .venv/bin/pytest", "NNLEARN_FAST is read nowhere"),
    (".venv/bin/pip install -e \".[docs]\"", "no extra docs"),
    (".ci/release", ".ci/release is not an executable file"),
])
def test_a_command_that_names_nothing_is_caught(command, words):
    problems = document_problems(f"```bash\n{command}\n```\n")
    assert len(problems) == 1 and words in problems[0], problems


def name_exists(dotted: str) -> bool:
    """Whether ``nnlearn.a.b`` is a module, or a name in one."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:cut]))
            break
        except ImportError:
            continue
    else:
        return False
    for attribute in parts[cut:]:
        if not hasattr(found, attribute):
            return False
        found = getattr(found, attribute)
    return True


def test_every_path_and_name_quoted_exists():
    text = DOC.read_text(encoding="utf-8")
    prose = FENCE.sub("", text)
    problems = []
    for span in SPAN.findall(prose) + LINK.findall(prose):
        span = span.strip()
        if re.fullmatch(r"nnlearn(\.\w+)+", span):
            if not name_exists(span):
                problems.append(f"{span} does not exist")
        elif " " not in span and is_path(span):
            problem = path_problem(span)
            if problem:
                problems.append(problem)
    assert not problems, "CONTRIBUTING.md:\n" + "\n".join(problems)


def test_the_commit_rule_is_written_and_the_readme_points_here():
    assert "at most 72 characters" in section("Commits") and "body" in section("Commits")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(CONTRIBUTING.md)" in readme


# ---- the tests: the recipes followed on a copy ---------------------------------------------
def copy_of_repository(folder: Path, *tests: str) -> Path:
    """The package, pytest's settings and the named test files, in ``folder``."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "nnlearn", folder / "nnlearn", ignore=ignore)
    (folder / "tests").mkdir()
    for name in ("conftest.py", "executions.py", "nbval_sanitize.cfg", *tests):
        shutil.copy2(ROOT / "tests" / name, folder / "tests" / name)
    shutil.copy2(ROOT / "pyproject.toml", folder / "pyproject.toml")
    return folder


def run_in(folder: Path, *command: str) -> subprocess.CompletedProcess:
    """A command with ``folder`` as the checkout: its ``nnlearn`` is the one imported."""
    env = {**os.environ, "PYTHONPATH": str(folder)}
    env.pop("PYTEST_ADDOPTS", None)  # CI's workers and durations are for the outer run
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)


def insert_after(path: Path, line: str, text: str) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count(line) == 1, f"{path.name} no longer has the line {line!r} the recipe counts on"
    path.write_text(source.replace(line, line + text, 1), encoding="utf-8")


def test_a_translation_entry_is_seen_by_the_catalog_test(tmp_path):
    catalog_file = "nnlearn/translations/zh_pictures.py"
    entry = file_block(catalog_file)
    (english, chinese), = ast.literal_eval("{" + entry + "}").items()
    copy = copy_of_repository(tmp_path, "test_language.py")
    (copy / "nnlearn" / "pictures" / "_new_label.py").write_text(
        f"from ..language import tr\n\n\ndef label(k):\n    return tr({english!r}).format(k=k)\n", encoding="utf-8")
    catalog_tests = [sys.executable, "-m", "pytest", "-q", "tests/test_language.py", "-k",
                     "every_text_the_package_translates or every_entry_keeps or shipped_font"]

    before = run_in(copy, *catalog_tests)
    assert before.returncode == 1, before.stdout[-3000:]
    assert repr(english) in before.stdout and "add these to nnlearn/translations/zh_*.py" in before.stdout

    insert_after(copy / catalog_file, "MESSAGES = {\n", entry)
    after = run_in(copy, *catalog_tests)
    assert after.returncode == 0, after.stdout[-3000:]
    shown = run_in(copy, sys.executable, "-c", "import nnlearn\nfrom nnlearn.pictures._new_label import label\n"
                   "nnlearn.set_language('zh')\nprint(label(3))")
    assert shown.stdout.strip() == chinese.format(k=3), shown.stderr


def test_an_exercise_added_as_the_recipe_says_checks_hints_and_solves(tmp_path):
    copy = copy_of_repository(tmp_path)
    course = copy / "nnlearn" / "course"
    checker = file_block("nnlearn/course/number_exercises.py")
    name = re.search(r"^def check_(\w+)\(", checker, re.M).group(1)
    with open(course / "number_exercises.py", "a", encoding="utf-8") as module:
        module.write("\n\n" + checker)
    insert_after(course / "exercises.py", "from .number_exercises import (\n", f"    check_{name},\n")
    solution = file_block("nnlearn/course/_solutions.py")
    insert_after(course / "_solutions.py", "SOLUTIONS = {\n", solution)

    encode = next(c for c in commands() if c[1:2] == ["-c"] and "encode" in c[2])
    encoded = run_in(copy, sys.executable, *encode[1:])
    assert encoded.returncode == 0, encoded.stderr
    assert encoded.stdout.strip() in solution, "the stored solution is not what the recipe's command prints"

    checked = run_in(copy, sys.executable, "-c", (  # the solution, a wrong answer, none yet, then the help
        "from nnlearn.course import exercises\n"
        f"exec(exercises.solution_text({name!r}), {{'exercises': exercises}})\n"
        f"assert not exercises.check_{name}(-1)\n"
        f"assert not exercises.check_{name}(...)\n"
        f"exercises.hint({name!r})\nexercises.hint({name!r}, level=2)\nexercises.solution({name!r})\n"))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    out = checked.stdout
    assert out.startswith("Right! ") and "Not yet. " in out and "Replace ... with your answer" in out, out
    assert "Hint 1 of 2" in out and "Hint 2 of 2" in out and f"A solution ({name})" in out, out


def test_a_notebook_edited_as_text_is_refreshed_and_agrees_with_its_twin(tmp_path):
    refresh = next(c for c in commands(section("Edit a notebook's text and refresh it"))
                   if "scripts/run_notebooks.py" in c and len(c) > 2)
    check = next(c for c in commands(section("Edit a notebook's text and refresh it"))
                 if "scripts/check_notebooks.py" in c)
    assert (ROOT / refresh[2]).is_file()
    assert check[2] == refresh[2].replace(".ipynb", ".md"), "the recipe checks the notebook it refreshed"
    # The recipe's commands, followed on a small pair of the same shape: a course notebook runs only
    # twice per test run (nbval and the browser; tests/executions.py), so none is run a third time here.
    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy2(ROOT / "notebooks" / "jupytext.toml", folder / "jupytext.toml")
    notebook = ROOT / "notebooks" / "01_small.ipynb"  # where it would be; it is written to the copy only
    small = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# 1. A small chapter\n\nIntroduction."),
        nbformat.v4.new_code_cell("x = 3\nprint(x * 2)"),
        nbformat.v4.new_markdown_cell("## A section\n\nMore text."),
        nbformat.v4.new_code_cell("print(x + 1)"),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    ipynb, twin = folder / notebook.name, folder / notebook.with_suffix(".md").name
    jupytext.write(small, twin, fmt="md:myst")
    run_in(ROOT, sys.executable, str(ROOT / refresh[1]), str(ipynb))  # the pair as the repository keeps it
    notebook = tmp_path / "as-stored.ipynb"
    shutil.copy2(ipynb, notebook)
    text = twin.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("## "))
    twin.write_text(text.replace(heading, heading + " (edited)", 1), encoding="utf-8")

    checker, runner = ROOT / check[1], ROOT / refresh[1]
    disagree = run_in(ROOT, sys.executable, str(checker), str(twin))
    assert disagree.returncode == 1 and "disagree" in disagree.stdout and "run_notebooks.py" in disagree.stdout
    refreshed = run_in(ROOT, sys.executable, str(runner), str(ipynb))
    assert refreshed.returncode == 0, refreshed.stderr[-3000:]
    agree = run_in(ROOT, sys.executable, str(checker), str(twin))
    assert agree.returncode == 0, agree.stdout

    before, after = (nbformat.read(path, as_version=4).cells for path in (notebook, ipynb))
    changed = [k for k, (a, b) in enumerate(zip(before, after)) if (a.id, a.source) != (b.id, b.source)]
    assert len(before) == len(after) and len(changed) == 1 and heading + " (edited)" in after[changed[0]].source
    assert all(cell.execution_count for cell in after if cell.cell_type == "code")
    assert json.loads(ipynb.read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"] == "python3"
