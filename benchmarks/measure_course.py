"""4. The course's own cost: every notebook of both editions in a fresh kernel, and the test command."""

from __future__ import annotations

import subprocess
import time

from common import ROOT, TARGETS, median, ratio_mark


def bench_notebooks(repeats=3):
    """Each notebook of both editions in a fresh kernel: seconds from starting the kernel to the last
    cell's output (what a learner waits for after Restart and Run All; the kernel's shutdown is not
    counted), the median of ``repeats`` runs taken in turn."""
    import nbformat
    from nbclient import NotebookClient

    notebooks = {"(baseline: kernel start and imports)": (nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("%matplotlib inline\nimport matplotlib.pyplot as plt\nimport nnlearn")]),
        ROOT / "notebooks")}
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + sorted(
            (ROOT / "notebooks" / "zh").glob("[0-9][0-9]_*.ipynb")):
        name = path.name if path.parent.name == "notebooks" else f"zh/{path.name}"
        notebooks[name] = (nbformat.read(path, as_version=4), path.parent)  # run in memory; not written
    times = {name: [] for name in notebooks}
    failed = {}
    for _ in range(repeats):
        for name, (nb, folder) in notebooks.items():
            if name in failed:
                continue
            for attempt in (1, 2):  # a kernel on a busy machine occasionally never answers: one retry
                client = NotebookClient(nb, timeout=120, kernel_name="python3",
                                        resources={"metadata": {"path": str(folder)}})
                try:
                    start = time.perf_counter()
                    with client.setup_kernel():
                        for index, cell in enumerate(client.nb.cells):
                            client.execute_cell(cell, index)
                        times[name].append(time.perf_counter() - start)
                    failed.pop(name, None)
                    break
                except Exception as error:  # report and go on: a broken notebook is a result too
                    failed[name] = f"failed: {type(error).__name__}" + (" (after a retry)" if attempt == 2 else "")
                    if "Timeout" not in type(error).__name__:
                        break
    return {name: failed.get(name) or median(times[name]) for name in notebooks}


def print_notebook_times(notebooks):
    for name, seconds in notebooks.items():
        print(f"   {name:45s} " + (f"{seconds:5.1f} s  {seconds / TARGETS['notebook_seconds']:.2f} of the target: "
                                     f"{ratio_mark(seconds, TARGETS['notebook_seconds'])}"
                                     if isinstance(seconds, float) else seconds), flush=True)


def bench_test_command():
    """The README's test command without the browser tests (tests/e2e)."""
    command = [str(ROOT / ".venv/bin/pytest"), "--nbval", "-p", "no:randomly", "--ignore=tests/e2e", "-q"]
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    summary = (proc.stdout.strip().splitlines() or ["(no output)"])[-1]
    return {"command": "pytest " + " ".join(command[1:]), "seconds": seconds,
            "returncode": proc.returncode, "summary": summary}

