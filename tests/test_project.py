"""The project's own promises: one set of dependencies, one test command."""

import re
import subprocess
import sys
from pathlib import Path

import nnlearn

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI (the test extra installs it there)
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def _requirement(line: str) -> tuple[str, str]:
    name, spec = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*$", line).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def test_environment_yml_and_pyproject_agree_on_dependencies():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    from_pyproject = dict(_requirement(r) for r in pyproject["project"]["dependencies"])
    conda = {}
    text = (ROOT / "environment.yml").read_text()
    for line in text[text.index("dependencies:"):].splitlines():
        item = re.match(r"^  - ([A-Za-z0-9_.\-]+.*)$", line)  # top-level conda dependencies only
        if item:
            name, spec = _requirement(item.group(1))
            if name not in ("python", "pip"):
                conda[name] = spec
    assert conda == from_pyproject
    python = re.search(r"^  - python(.*)$", (ROOT / "environment.yml").read_text(), re.M).group(1)
    assert python.strip() == pyproject["project"]["requires-python"]


def test_ci_runs_the_readmes_test_command_verbatim():
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"```bash\n(.*?)\n```", readme, re.S)
    test_command = next(c for c in commands if "pytest --nbval" in c)
    ci = (ROOT / ".ci" / "run").read_text().strip().splitlines()
    assert ci[-1] == test_command


def test_data_file_is_small():  # that it ships in the wheel: tests/test_package.py
    assert (Path(nnlearn.data.__file__).parent / "digits16.npz").stat().st_size < 1_000_000


def test_public_names_from_the_design_exist():
    for name in ["sigmoid", "sigmoid_derivative", "Neuron", "squared_error", "squared_error_gradient",
                 "gradient_descent", "Network", "numerical_gradient"]:
        assert callable(getattr(nnlearn, name)), name
    assert callable(nnlearn.data.load_digits) and callable(nnlearn.data.study_hours)
    net = nnlearn.Network([3, 2], seed=0)
    for method in ["forward", "backward", "fit", "predict", "accuracy"]:
        assert callable(getattr(net, method)), method


def test_the_core_imports_nothing_from_the_pictures_or_the_course():
    code = ("import sys, nnlearn, nnlearn.linefit, nnlearn.network\n"
            "assert not [m for m in sys.modules if m.startswith(('nnlearn.pictures', 'nnlearn.course', 'matplotlib'))]")
    subprocess.run([sys.executable, "-c", code], check=True)
