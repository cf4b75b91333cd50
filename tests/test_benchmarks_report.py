"""The benchmark report is a function of ``benchmarks/results.json`` alone.

Rewriting ``results.md`` from the committed ``results.json`` must give the committed file byte for
byte: the report's wording and layout cannot drift from the numbers they were written with, and a
change to the code that writes it shows up here before a new (slow) benchmark run does.
No measurement is run; the measurement modules are only imported, and ``run.py --help`` answered.
"""

import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
NOTEBOOKS = BENCHMARKS.parent / "notebooks"
MEASUREMENTS = {
    "measure_training": ["bench_training", "bench_time_to_accuracy", "chapter7_recipe", "bench_chapter7"],
    "measure_limits": ["bench_limits", "bench_vectorize"],
    "measure_course": ["bench_notebooks", "bench_test_command", "print_notebook_times"],
    "measure_sliders": ["bench_sliders"],
}


@pytest.fixture
def benchmarks(monkeypatch):
    """Import a module of ``benchmarks/`` by name, as ``run.py`` does (the folder on ``sys.path``)."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module


def test_report_from_committed_results_is_the_committed_report(benchmarks, tmp_path):
    report = benchmarks("report")
    report.write_report(report.load_results(BENCHMARKS / "results.json"), tmp_path)
    assert (tmp_path / "results.md").read_bytes() == (BENCHMARKS / "results.md").read_bytes()


def test_plots_draw_from_committed_results(benchmarks, tmp_path):
    report = benchmarks("report")
    res = report.load_results(BENCHMARKS / "results.json")
    report.plot_results(res, tmp_path)
    report.plot_vectorize(res["vectorize"], folder=tmp_path)
    assert (tmp_path / "results.png").stat().st_size > 10_000
    assert (tmp_path / "vectorize.png").stat().st_size > 10_000


@pytest.mark.parametrize("module", MEASUREMENTS)
def test_measurements_import(benchmarks, module):
    """Importing a measurement needs neither PyTorch nor scikit-learn, and runs nothing."""
    loaded = benchmarks(module)
    for name in MEASUREMENTS[module]:
        assert callable(getattr(loaded, name)), f"benchmarks/{module}.py has no {name}()"


def test_run_help_lists_the_options():
    out = subprocess.run([sys.executable, str(BENCHMARKS / "run.py"), "--help"],
                         capture_output=True, text=True, check=True).stdout
    for option in ("--repeats", "--course", "--moves", "--notebooks", "--sliders"):
        assert option in out


def test_every_module_stays_short():
    """The issue that split run.py asked for modules of at most 400 lines."""
    lengths = {p.name: len(p.read_text().splitlines()) for p in BENCHMARKS.glob("*.py")}
    assert max(lengths.values()) <= 400, lengths


def test_chapter7_recipe_still_reads_the_notebook(benchmarks):
    """The chapter 7 benchmark takes its settings from notebook 07's code; reading them measures nothing."""
    recipe = benchmarks("measure_training").chapter7_recipe()
    assert recipe["layers"][0] == 256 and recipe["layers"][-1] == 10
    assert recipe["epochs"] > 0 and recipe["fine_epochs"] > 0


def test_the_machine_is_described_with_or_without_pytorch(benchmarks):
    """``run.py --notebooks`` needs no benchmark extra: describing the machine must not need PyTorch."""
    described = benchmarks("run").machine()
    assert described["cores"] >= 1 and described["python"] and described["torch"]


def test_the_slider_benchmark_makes_every_widget_the_notebooks_show(benchmarks):
    """Section 5 is the feel of every notebook: each widget a notebook makes (a call of ``..._widget``,
    ``..._stepper`` or ``Playground`` in a code cell of either edition) is measured, as a widget of that
    notebook. Making the widgets is not needed to check this."""
    rows = benchmarks("measure_sliders").course_widgets().values()
    measured = {}
    for notebooks, name, _ in rows:
        measured.setdefault(name, set()).update(n.strip() for n in notebooks.split(","))
    calls = re.compile(r"\b(\w+_widget|\w+_stepper|Playground)\(")
    missing = []
    for twin in sorted(NOTEBOOKS.glob("**/[0-9][0-9]_*.md")):
        code = "\n".join(re.findall(r"^```\{code-cell\}[^\n]*\n(.*?)^```", twin.read_text(), re.M | re.S))
        for name in set(calls.findall(code)):
            if twin.name[:2] not in measured.get(name, ()):
                missing.append(f"{twin.relative_to(NOTEBOOKS)}: {name}")
    assert not missing, "widgets the slider benchmark does not measure:\n" + "\n".join(missing)
