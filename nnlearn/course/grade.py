"""For a teacher: which exercises each submitted notebook got right.

::

    python -m nnlearn.course.grade alice/05_training_starts.ipynb bob/05_training_starts.ipynb
    python -m nnlearn.course.grade --run submissions/*.ipynb     # run each one first

Each exercise cell (a cell that calls ``exercises.check_...``) is read from the notebook's
stored outputs: "right", "not yet", "unanswered" (still ``...``), "error" (the cell raised)
or "not run".  The outputs are what the learner saved, so ``--run`` runs every notebook
first, top to bottom in a fresh kernel, and reads the checkers' own verdicts (it needs
nbclient, which JupyterLab installs).  One row per notebook, one column per exercise;
``--csv`` prints the same table as CSV for a spreadsheet.  The checkers' verdicts are read in
every language of the course; the table is written in the current one (:func:`nnlearn.set_language`).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

from ..language import LANGUAGES, catalog, tr
from .checking import NOT_YET, PLACEHOLDER, RIGHT

CHECK = re.compile(r"exercises\.check_(\w+)\(")
RUN_TIMEOUT = 600  # seconds per cell, for --run


def _marks(text: str, upto: str | None = None) -> set[str]:
    """``text`` as a checker prints it in every language (only its start, to ``upto``, if given)."""
    texts = {text} | {catalog(code).get(text, text) for code in LANGUAGES if code != "en"}
    return {t[:t.index(upto) + len(upto)] if upto and upto in t else t for t in texts}


def verdict(cell: dict) -> str:
    """The verdict an exercise cell's outputs show."""
    outputs = cell.get("outputs", [])
    if any(output.get("output_type") == "error" for output in outputs):
        return "error"
    text = "".join("".join(output.get("text", "")) for output in outputs if output.get("output_type") == "stream")
    if any(mark in text for mark in _marks(RIGHT)):
        return "right"
    if any(mark in text for mark in _marks(NOT_YET)):
        return "not yet"
    if any(mark in text for mark in _marks(PLACEHOLDER, upto="...")):  # "Replace ..."
        return "unanswered"
    return "not run"


def exercise_verdicts(notebook: dict) -> dict[str, str]:
    """``{exercise name: verdict}`` for every exercise cell of a notebook (as read by nbformat or json)."""
    found = {}
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell.get("source", ""))
        for name in CHECK.findall(source):
            found[name] = verdict(cell)
    return found


def read(path: Path, run: bool = False) -> dict:
    """The notebook at ``path``, run first in a fresh kernel when ``run`` is true."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    if not run:
        return notebook
    try:
        import nbformat
        from nbclient import NotebookClient
    except ImportError:
        raise SystemExit(tr("--run needs nbclient and nbformat (pip install nbclient)")) from None
    node = nbformat.reads(json.dumps(notebook), as_version=4)
    client = NotebookClient(node, timeout=RUN_TIMEOUT, allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return json.loads(nbformat.writes(node))


def table(rows: dict[str, dict[str, str]]) -> tuple[list[str], list[list[str]]]:
    """The header and rows of the class table: notebooks down, exercises across, then a count
    (the words in the learner's language, the exercise names as they are)."""
    names = list(dict.fromkeys(name for verdicts in rows.values() for name in verdicts))
    header = [tr("notebook"), *names, tr("right")]
    body = []
    for notebook, verdicts in rows.items():
        right = sum(v == "right" for v in verdicts.values())
        body.append([notebook, *(tr(verdicts[name]) if name in verdicts else "-" for name in names),
                     f"{right}/{len(verdicts)}"])
    return header, body


def _width(text: str) -> int:
    """The columns ``text`` takes in a terminal: two for a Chinese character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nnlearn.course.grade", description=tr(__doc__.split("\n\n")[0]))
    parser.add_argument("notebooks", nargs="+", type=Path, help=tr("the submitted .ipynb files"))
    parser.add_argument("--run", action="store_true", help=tr("run each notebook first (fresh kernel)"))
    parser.add_argument("--csv", action="store_true", help=tr("print CSV instead of an aligned table"))
    args = parser.parse_args(argv)
    rows = {str(path): exercise_verdicts(read(path, args.run)) for path in args.notebooks}
    header, body = table(rows)
    if args.csv:
        csv.writer(sys.stdout, lineterminator="\n").writerows([header, *body])
        return 0
    widths = [max(_width(row[k]) for row in [header, *body]) for k in range(len(header))]
    for row in [header, *body]:
        print("  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(row, widths)).rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
