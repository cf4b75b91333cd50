"""How many times each notebook of the course is executed in one test run: counted, not estimated.

Every kernel the tests start (nbval's, JupyterLab's, Voila's, a build script's) loads an IPython
startup file that appends one line per cell it runs to a log: the kernel's own id and a hash of
the cell's code. At the end of the run each kernel is matched to the notebook whose code cells it
ran (most of them; the Chinese edition's extra language cell tells the editions apart), and the
table of executions per notebook is printed. ``NNLEARN_MAX_EXECUTIONS=2`` (as in ``.ci/run``)
fails the run when a notebook was executed more often than that.

Kernels find the startup file through ``IPYTHONDIR``: ``tests/conftest.py`` points pytest's own
at a fresh folder holding it (nbval's kernels inherit it), and the browser tests put it into the
fresh folder they give each server (:func:`install`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter, defaultdict
from pathlib import Path

LOG = "NNLEARN_EXECUTION_LOG"
MAX = "NNLEARN_MAX_EXECUTIONS"
CHECKED = "NNLEARN_NBVAL_CHECKED"  # a file: "sha256  path" per notebook another run checked with nbval
ROOT = Path(__file__).resolve().parents[1]

STARTUP = '''\
# Written by the nnlearn tests (tests/executions.py): logs a hash of every cell this kernel runs.
def _nnlearn_log_cells():
    import hashlib, os, uuid
    path, kernel = os.environ.get("NNLEARN_EXECUTION_LOG"), uuid.uuid4().hex[:12]
    if not path:
        return
    def log(info):
        digest = hashlib.sha1((info.raw_cell or "").strip().encode()).hexdigest()[:16]
        with open(path, "a", encoding="utf-8") as out:
            out.write(f"{kernel} {digest}\\n")
    get_ipython().events.register("pre_run_cell", log)
_nnlearn_log_cells()
del _nnlearn_log_cells
'''


def cell_hash(source: str) -> str:
    return hashlib.sha1(source.strip().encode()).hexdigest()[:16]


def install(ipython_dir: Path) -> None:
    """Puts the startup file into ``ipython_dir``'s default profile (when the run keeps a log)."""
    if os.environ.get(LOG):
        startup = Path(ipython_dir) / "profile_default" / "startup"
        startup.mkdir(parents=True, exist_ok=True)
        (startup / "00-nnlearn-executions.py").write_text(STARTUP, encoding="utf-8")


def course_cells() -> dict[str, set[str]]:
    """Each notebook of the course (``"02_single_node"``, ``"zh/02_single_node"``) -> hashes of its code cells."""
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "notebooks" / "zh").glob("*.ipynb"))
    cells = {}
    for path in notebooks:
        name = path.relative_to(ROOT / "notebooks").with_suffix("").as_posix()
        code = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
        cells[name] = {cell_hash("".join(c["source"])) for c in code}
    return cells


def count(log: Path, notebooks: dict[str, set[str]] | None = None) -> Counter:
    """Executions per notebook: kernels that ran at least half of a notebook's code cells, each
    matched to the notebook whose cells it ran the largest share of (ties: the one with more cells,
    so a kernel that ran the Chinese language cell too is the Chinese edition's)."""
    notebooks = course_cells() if notebooks is None else notebooks
    ran = defaultdict(set)
    if Path(log).exists():
        for line in Path(log).read_text(encoding="utf-8").splitlines():
            kernel, _, digest = line.partition(" ")
            ran[kernel].add(digest)
    executions = Counter({name: 0 for name in notebooks})
    candidates = {name: own for name, own in notebooks.items() if own}
    for cells in ran.values() if candidates else ():
        share, size, name = max((len(cells & own) / len(own), len(own), name) for name, own in candidates.items())
        if share >= 0.5:
            executions[name] += 1
    return executions


def report(executions: Counter) -> list[str]:
    """The lines printed at the end of the run."""
    most = max(executions.values(), default=0)
    lines = [f"{sum(executions.values())} notebook executions (kernels that ran a notebook's cells); "
             f"at most {most} per notebook"]
    by_count = defaultdict(list)
    for name, times in sorted(executions.items()):
        by_count[times].append(name)
    for times in sorted(by_count, reverse=True):
        lines.append(f"  {times} x: {', '.join(by_count[times])}")
    return lines


def file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def checked_elsewhere() -> dict[Path, str]:
    """The notebooks of this checkout that ``.ci/wheel`` checked with strict nbval, with their hashes."""
    listing = os.environ.get(CHECKED)
    if not listing or not Path(listing).is_file():
        return {}
    checked = {}
    for line in Path(listing).read_text(encoding="utf-8").splitlines():
        digest, _, relative = line.partition("  ")
        checked[(ROOT / "notebooks" / relative).resolve()] = digest
    return checked


if __name__ == "__main__":  # .ci/run: python3 tests/executions.py IPYTHONDIR
    import sys

    install(Path(sys.argv[1]))
