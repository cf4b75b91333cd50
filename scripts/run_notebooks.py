"""Execute notebooks headless in a fresh kernel and store their outputs.

Stored outputs must come from this, not from an interactive session, so that
``pytest --nbval`` compares like with like::

    .venv/bin/python scripts/run_notebooks.py                 # every notebook
    .venv/bin/python scripts/run_notebooks.py notebooks/02_*.ipynb

Each notebook runs in its own fresh kernel from this Python (the project's
environment), with the notebooks folder as working directory; the time each
took is printed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def run(path: Path, timeout: int = 300) -> float:
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = KERNELSPEC
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    nb.metadata.pop("widgets", None)  # widget state from a headless run is not useful
    nbformat.write(nb, path)
    return seconds


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for path in paths:
        seconds = run(path)
        size = path.stat().st_size / 1e6
        print(f"{path.name}: {seconds:.1f} s, {size:.2f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
