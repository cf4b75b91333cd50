"""The benchmark report is a function of ``benchmarks/results.json`` alone.

Rewriting ``results.md`` from the committed ``results.json`` must give the committed file byte for
byte: the report's wording and layout cannot drift from the numbers they were written with, and a
change to the code that writes it shows up here before a new (slow) benchmark run does.
No measurement is run.
"""

import importlib.util
import json
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _run_module(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("benchmarks_run", BENCHMARKS / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _committed_results():
    """results.json with its batch sizes as numbers again (JSON keeps every key as a string)."""
    res = json.loads((BENCHMARKS / "results.json").read_text())
    for setting, tr in res["training"].items():
        res["training"][setting] = {int(k) if k.isdigit() else k: v for k, v in tr.items()}
    return res


def test_report_from_committed_results_is_the_committed_report(monkeypatch, tmp_path):
    run = _run_module(monkeypatch)
    monkeypatch.setattr(run, "HERE", tmp_path)
    run.write_report(_committed_results())
    assert (tmp_path / "results.md").read_bytes() == (BENCHMARKS / "results.md").read_bytes()
