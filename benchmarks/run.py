"""Measure how fast nnlearn trains, how close it gets to this machine's limit, and what the course costs.

    .venv/bin/python benchmarks/run.py             # a few minutes
    .venv/bin/python benchmarks/run.py --course    # also time every notebook and the test command
    .venv/bin/python benchmarks/run.py --notebooks # only the notebooks of both editions (no extra needed)
    .venv/bin/python benchmarks/run.py --sliders   # only the sliders (section 5; no extra needed)

Needs the benchmark extra (``pip install -e ".[test,bench]"``: PyTorch and scikit-learn).
Contenders are interleaved within each repeat (the order rotates) and every figure
reported is a median over the repeats, because the machine may be shared.
Writes ``benchmarks/results.md``, ``results.json``, ``results.png`` and ``vectorize.png``.
The measurements are in ``measure_*.py`` (one module per section of the report), the report
and the plots in ``report.py``, what they share in ``common.py``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import matplotlib  # noqa: E402

matplotlib.use("Agg")
from common import BATCH_SIZES, LAYERS, TARGETS, epoch_rows  # noqa: E402
from import_time import bench_import, describe  # noqa: E402
from measure_course import bench_notebooks, bench_test_command, print_notebook_times  # noqa: E402
from measure_limits import bench_limits, bench_vectorize  # noqa: E402
from measure_sliders import bench_sliders  # noqa: E402
from measure_training import bench_chapter7, bench_time_to_accuracy, bench_training  # noqa: E402
from report import load_results, plot_results, plot_vectorize, slider_lines, write_report  # noqa: E402

import nnlearn  # noqa: E402
from nnlearn.data import load_digits  # noqa: E402


def machine():
    """The machine and the versions a run measured with; PyTorch only if it is installed (``--notebooks``
    needs no benchmark extra)."""
    try:
        import torch
    except ImportError:
        torch = None
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            cpu = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {"cpu": cpu, "cores": os.cpu_count(), "load": load, "python": platform.python_version(),
            "numpy": np.__version__, "torch": torch.__version__ if torch else "not installed",
            "torch threads": torch.get_num_threads() if torch else None,
            "date": datetime.datetime.now().isoformat(timespec="minutes")}


REMAINS = HERE / "remains.md"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="interleaved repeats per measurement")
    parser.add_argument("--course", action="store_true", help="also time the notebooks and the test command")
    parser.add_argument("--moves", type=int, default=6, help="slider positions per slider (visited there and back)")
    parser.add_argument("--notebooks", action="store_true",
                        help="only time the notebooks of both editions and print the table (writes no results)")
    parser.add_argument("--sliders", action="store_true",
                        help="only measure the sliders: print section 5 and put it in results.json and the report")
    args = parser.parse_args(argv)
    if args.notebooks:
        print(f"machine: {machine()}\nnotebooks in a fresh kernel, median of 3 runs (target <= "
              f"{TARGETS['notebook_seconds']:.0f} s):", flush=True)
        print_notebook_times(bench_notebooks())
        return 0
    if args.sliders:
        return sliders_only(args.moves)

    res = {"machine": machine(), "repeats": args.repeats}
    X, y, X_test, y_test = load_digits()
    print(f"machine: {res['machine']}", flush=True)
    res["import"] = bench_import()
    print(f"0. {describe(res['import'])}", flush=True)
    res["training"] = {}
    for threads in (None, 1):
        key = "default" if threads is None else "1"
        print(f"1. training speed, threads={key} ...", flush=True)
        res["training"][key] = bench_training(X, y, X_test, y_test, args.repeats, threads)
        for bs in BATCH_SIZES:
            print(f"   batch {bs}: " + ", ".join(f"{k} {v * 1e3:.0f} ms"
                                                for k, v in epoch_rows(res["training"][key][bs]).items()
                                                for v in v[:1]), flush=True)
    print("   time to 95 % ...", flush=True)
    res["accuracy"] = bench_time_to_accuracy(X, y, X_test, y_test)
    print("   chapter 7's training ...", flush=True)
    res["chapter7"] = bench_chapter7(X, y, X_test, y_test, max(3, args.repeats // 2))
    print("2. matmul throughput ...", flush=True)
    res["limits"] = bench_limits(args.repeats)
    print("3. loops against matrices ...", flush=True)
    res["vectorize"] = bench_vectorize(X, nnlearn.Network(LAYERS).one_hot(y), args.repeats)
    plot_vectorize(res["vectorize"])
    previous = HERE / "results.json"
    if args.course:  # fresh kernels first, before this process holds the sliders' IPython shell
        print("4. notebooks and the test command ...", flush=True)
        res["course"] = {"date": res["machine"]["date"], "notebooks": bench_notebooks(),
                         "tests": bench_test_command()}
        print_notebook_times(res["course"]["notebooks"])
    elif previous.exists():
        res["course"] = json.loads(previous.read_text()).get("course")
    print("5. sliders ...", flush=True)
    res["sliders"] = bench_sliders(args.moves)
    res["sliders_measured"] = {"date": res["machine"]["date"], "load": res["machine"]["load"]}
    res["remains"] = REMAINS.read_text() if REMAINS.exists() else ""

    previous.write_text(json.dumps(res, indent=1, default=str))
    write_report(res)
    plot_results(res)
    print((HERE / "results.md").read_text())
    return 0


def sliders_only(moves):
    """Section 5 alone: measured, printed, and put in place of the last run's in results.json and the report."""
    measured = machine()
    print(f"machine: {measured}\n5. sliders ...", flush=True)
    part = {"sliders": bench_sliders(moves), "sliders_measured": {"date": measured["date"], "load": measured["load"]}}
    print("\n".join(slider_lines(part)))
    previous = HERE / "results.json"
    if previous.exists():
        res = load_results(previous)
        res.update(part, remains=REMAINS.read_text() if REMAINS.exists() else "")
        previous.write_text(json.dumps(res, indent=1, default=str))
        write_report(res)
        plot_results(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
