"""How long ``import nnlearn`` takes, against numpy alone (its floor), in fresh interpreters.

    .venv/bin/python benchmarks/import_time.py [--repeats N]

Each run is a new Python process with ``-X importtime``; the figure is the cumulative time of
the top-level import, the median over the runs. It also lists the user-interface modules the
import loaded, which must be none (``tests/test_package.py`` fails otherwise).
``benchmarks/run.py`` calls :func:`bench_import` and keeps the numbers in its results.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys

UI = ("ipywidgets", "IPython", "matplotlib", "PIL")


def _import_seconds(module: str) -> tuple[float, set[str]]:
    """Seconds to import ``module`` in a fresh interpreter, and every module that import loaded."""
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                         capture_output=True, text=True, check=True).stderr
    rows = [re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line) for line in err.splitlines()]
    rows = [r for r in rows if r]
    top = next(int(r.group(1)) for r in rows if r.group(3) == module and r.group(2) == " ")
    return top / 1e6, {r.group(3).split(".")[0] for r in rows}


def bench_import(repeats: int = 7) -> dict:
    """Median seconds for ``import numpy`` and ``import nnlearn``, their ratio, and the UI modules loaded."""
    numpy, nnlearn, loaded = [], [], set()
    for _ in range(repeats):  # taken in turn, so that a slow moment of the machine hits both
        numpy.append(_import_seconds("numpy")[0])
        seconds, modules = _import_seconds("nnlearn")
        nnlearn.append(seconds)
        loaded |= modules
    result = {"numpy": statistics.median(numpy), "nnlearn": statistics.median(nnlearn), "repeats": repeats,
              "ui_modules_loaded": sorted(m for m in UI if m in loaded)}
    result["ratio"] = result["nnlearn"] / result["numpy"]
    return result


def describe(result: dict) -> str:
    return (f"import nnlearn {result['nnlearn'] * 1e3:.0f} ms, import numpy {result['numpy'] * 1e3:.0f} ms "
            f"(ratio {result['ratio']:.2f}, median of {result['repeats']} fresh interpreters); "
            f"user-interface modules loaded: {', '.join(result['ui_modules_loaded']) or 'none'}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    print(describe(bench_import(parser.parse_args().repeats)))
