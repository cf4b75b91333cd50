"""Refresh the stored outputs of notebooks from their text twins.

Each notebook is a pair (see ``notebooks/jupytext.toml``): ``NN_topic.md`` holds the
cells as text, ``NN_topic.ipynb`` the same cells with the outputs that ``pytest --nbval``
compares. This script takes the cells from the ``.md`` twin, runs them headless in a
fresh kernel of this Python (the project's environment) with the notebooks folder as
working directory, and writes the ``.ipynb``::

    .venv/bin/python scripts/run_notebooks.py                                  # every notebook, both editions
    .venv/bin/python scripts/run_notebooks.py notebooks/02_single_node.ipynb   # one (or several)

Running it again on an unchanged notebook changes no byte: cells keep the ids stored
in the ``.ipynb`` (a new cell gets an id made from its position and text), no execution
timings are recorded, widget state is not stored and widget views get ids made from
their cell's id.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
import uuid
from pathlib import Path

import jupytext
import nbformat
from jupytext.combine import combine_inputs_with_outputs
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TWIN_FORMAT = "md:myst"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PLAYER_ID = re.compile(r'<img id="_anim_img([0-9a-f]{32})">')  # matplotlib's HTML animation player


def twin_of(path: Path) -> Path:
    """The text twin of a notebook: the same name with ``.md``."""
    return path.with_suffix(".md")


def cells_from_twin(path: Path) -> nbformat.NotebookNode:
    """The notebook as its twin writes it, with the ids (and metadata) of the stored ``.ipynb``."""
    twin = twin_of(path)
    if not twin.exists():
        raise SystemExit(f"{path}: no text twin {twin.name} beside it (see notebooks/jupytext.toml)")
    nb = jupytext.read(twin, fmt=TWIN_FORMAT)
    taken: set[str] = set()
    for index, cell in enumerate(nb.cells):  # kept by a new cell; a stored cell keeps its stored id
        cell["id"] = _stable_id(path, index, cell.source, taken)
        taken.add(cell["id"])
    if path.exists():
        nb = combine_inputs_with_outputs(nb, nbformat.read(path, as_version=4), fmt=TWIN_FORMAT)
    nb.nbformat, nb.nbformat_minor = 4, 5
    seen: set[str] = set()
    for index, cell in enumerate(nb.cells):
        if cell["id"] in seen:  # a cell copied in the twin matched the same stored cell twice
            cell["id"] = _stable_id(path, index, cell.source, seen | taken)
        seen.add(cell["id"])
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cell.metadata.pop("execution", None)
    return nb


def _stable_id(path: Path, index: int, source: str, taken: set) -> str:
    """An id made from the notebook's name, the cell's position and its text (8 hex digits)."""
    salt = 0
    while True:
        digest = hashlib.sha1(f"{path.name}\n{index}\n{salt}\n{source}".encode()).hexdigest()[:8]
        if digest not in taken:
            return digest
        salt += 1


def execute(nb: nbformat.NotebookNode, path: Path, timeout: int) -> float:
    """Run every cell in a fresh kernel, without recording timings; return the seconds taken."""
    nb.metadata["kernelspec"] = KERNELSPEC
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def tidy(nb: nbformat.NotebookNode) -> None:
    """Remove what differs from run to run although the notebook did not change."""
    nb.metadata.pop("widgets", None)  # widget state of a headless run: the learner's kernel makes its own
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if "outputs" in cell:
            cell.outputs = _coalesced(cell.outputs)
        for k, output in enumerate(cell.get("outputs", [])):
            data = output.get("data", {})
            if WIDGET_VIEW in data:  # a random model id per run; no state is stored for it anyway
                data[WIDGET_VIEW]["model_id"] = _stable_uuid(cell, k)
            html = data.get("text/html")
            if isinstance(html, str):  # the animation player names its elements with a random id
                for j, random_id in enumerate(dict.fromkeys(PLAYER_ID.findall(html))):
                    html = html.replace(random_id, _stable_uuid(cell, k, j))
                data["text/html"] = html


def _coalesced(outputs: list) -> list:
    """Consecutive prints to the same stream as one output: the kernel splits them where it happens to flush."""
    merged = []
    for output in outputs:
        if (output.get("output_type") == "stream" and merged and merged[-1].get("output_type") == "stream"
                and merged[-1].get("name") == output.get("name")):
            merged[-1]["text"] += output["text"]
        else:
            merged.append(output)
    return merged


def _stable_uuid(cell, *position) -> str:
    """32 hex digits made from the cell's id and a position inside it."""
    return uuid.uuid5(uuid.NAMESPACE_URL, "/".join(["nnlearn", cell["id"], *map(str, position)])).hex


def refresh(path: Path, timeout: int = 300) -> float:
    """Run the notebook ``path`` from its twin and store its outputs; return the seconds taken."""
    nb = cells_from_twin(path)
    seconds = execute(nb, path, timeout)
    tidy(nb)
    nbformat.validate(nb)
    text = nbformat.writes(nb)
    text += "" if text.endswith("\n") else "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return seconds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to refresh (default: all)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds one cell may take")
    args = parser.parse_args(argv)
    twins = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.md")) + sorted(NOTEBOOKS.glob("zh/[0-9][0-9]_*.md"))
    paths = [p.with_suffix(".ipynb") for p in (args.notebooks or twins)]
    for path in paths:
        seconds = refresh(path, args.timeout)
        shown = path.resolve().relative_to(ROOT) if path.resolve().is_relative_to(ROOT) else path
        print(f"{shown}: {seconds:.1f} s, {path.stat().st_size / 1e6:.2f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
