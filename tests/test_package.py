"""What ``pip install nnlearn`` gets: a complete wheel, the course inside it, one version, a core without UI.

The wheel and the sdist are built once per run, as a release would build them: the sdist from
the checkout, the wheel from that sdist (``python -m build``), and a second wheel straight from
the checkout. ``.ci/wheel`` then installs the wheel in a fresh venv and runs the course from it.
"""

import json
import subprocess
import sys
import tarfile
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

import nnlearn
from nnlearn.course import command

ROOT = Path(__file__).resolve().parents[1]
UI = ("ipywidgets", "IPython", "matplotlib", "PIL")


def _source_files(folder: str) -> set[str]:
    """Every file under ``folder`` that a release must carry (compiled caches aside)."""
    base = ROOT / folder
    return {p.relative_to(ROOT).as_posix() for p in base.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
            and ".ipynb_checkpoints" not in p.parts}


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """``{"sdist": path, "wheel from sdist": path, "wheel": path}``, built from this checkout."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(out / "release"), str(ROOT)],
                   check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out / "direct"), str(ROOT)],
                   check=True, capture_output=True)
    return {"sdist": next((out / "release").glob("*.tar.gz")),
            "wheel from sdist": next((out / "release").glob("*.whl")),
            "wheel": next((out / "direct").glob("*.whl"))}


@pytest.mark.parametrize("which", ["wheel", "wheel from sdist"])
def test_the_wheel_carries_every_file_of_the_package(built, which):
    """A subpackage, a catalog, a font or an .npz left out of the wheel fails here, by name."""
    names = set(zipfile.ZipFile(built[which]).namelist())
    missing = sorted(_source_files("nnlearn") - names)
    assert not missing, f"left out of the {which}: {missing}"
    for needed in ["nnlearn/translations/zh_core.py", "nnlearn/data/digits16.npz",
                   "nnlearn/course/digit_reader.npz", "nnlearn/pictures/fonts/NotoSansSC-nnlearn.otf"]:
        assert needed in names, needed


@pytest.mark.parametrize("which", ["wheel", "wheel from sdist"])
def test_the_wheel_carries_the_course_both_editions(built, which):
    names = set(zipfile.ZipFile(built[which]).namelist())
    course = {"nnlearn/" + name for name in _source_files("notebooks")}
    missing = sorted(course - names)
    assert not missing, f"notebooks left out of the {which}: {missing}"
    assert {"nnlearn/notebooks/zh/09_lab.ipynb", "nnlearn/notebooks/jupytext.toml"} <= names
    assert not [n for n in names if n.startswith(("tests/", "scripts/", "benchmarks/", "notebooks/"))]


def test_the_wheel_declares_the_command_and_the_version(built):
    wheel = zipfile.ZipFile(built["wheel"])
    info = next(n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt"))
    assert "nnlearn = nnlearn.course.command:main" in wheel.read(info).decode()
    metadata = wheel.read(next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))).decode()
    assert f"Version: {nnlearn.__version__}\n" in metadata


def test_the_sdist_carries_the_package_the_course_and_the_tests(built):
    with tarfile.open(built["sdist"]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    expected = _source_files("nnlearn") | _source_files("notebooks") | {"pyproject.toml", "README.md", "LICENSE"}
    assert not sorted(expected - names)
    assert "tests/test_package.py" in names


def test_one_version_from_the_package_metadata():
    text = (ROOT / "pyproject.toml").read_text()
    declared = next(line.split('"')[1] for line in text.splitlines() if line.startswith("version = "))
    assert nnlearn.__version__ == version("nnlearn") == declared
    out = subprocess.run([sys.executable, "-m", "nnlearn", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"nnlearn {declared}"


def test_import_nnlearn_loads_no_user_interface():
    """The numpy core stays small: the progress bar and the pictures load their libraries when used."""
    code = ("import sys, json, nnlearn, nnlearn.network, nnlearn.linefit, nnlearn.data, nnlearn.problems\n"
            "X, y = nnlearn.problems.xor(n=8)\n"
            "nnlearn.Network([2, 3, 2], seed=0).fit(X, y, epochs=1, progress=True)  # the bar, as text\n"
            f"print(json.dumps([m for m in {UI!r} if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [], f"imported by nnlearn: {out.stdout}"


def test_the_command_finds_the_course_in_the_checkout():
    assert command.course_files() == ROOT / "notebooks"
