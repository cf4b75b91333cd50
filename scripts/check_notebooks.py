"""Check the notebooks without running them: each agrees with its text twin, and none stores an error.

    .venv/bin/python scripts/check_notebooks.py                                  # every notebook, both checks
    .venv/bin/python scripts/check_notebooks.py --twins notebooks/02_single_node.md
    .venv/bin/python scripts/check_notebooks.py --errors notebooks/zh/07_backpropagation.ipynb

*Twins*: a notebook (``NN_topic.ipynb``, the stored outputs) and its text twin (``NN_topic.md``,
MyST markdown) must hold the same cells: type, text and tags. A path may name either file of a
pair. *Errors*: no code cell may store an error output unless it is tagged ``raises-exception``
(nbval's mark for a cell whose error is the lesson). Each problem is one line naming the
notebook, the cell and the command that fixes it; the exit status is 1 when there is one.

``tests/test_notebook_sources.py`` checks the repository with these same functions, and
``.pre-commit-config.yaml`` runs this script on the notebooks a commit changes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TWIN_FORMAT = "md:myst"
NUMBERED = "[0-9][0-9]_*"  # the course's notebooks: NN_topic
ALLOWED_ERROR = "raises-exception"


def all_notebooks() -> list[Path]:
    """Every notebook of both editions: ``notebooks/NN_topic.ipynb``, then ``notebooks/zh/``."""
    return sorted(NOTEBOOKS.glob(f"{NUMBERED}.ipynb")) + sorted((NOTEBOOKS / "zh").glob(f"{NUMBERED}.ipynb"))


def where(path: Path) -> str:
    """The notebook's path in the repository: ``notebooks/zh/01_structure.ipynb``."""
    path = Path(path).resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()


def refresh_command(ipynb: Path) -> str:
    return f"python scripts/run_notebooks.py {where(ipynb)}"


def sync_advice(ipynb: Path) -> str:
    twin = ipynb.with_suffix(".md").name
    return (
        f"If you edited {twin}: `{refresh_command(ipynb)}` (takes the cells from the twin, re-runs the "
        f"notebook and stores its outputs). If you edited {ipynb.name} outside JupyterLab: "
        f"`jupytext --to md:myst {where(ipynb)}` rewrites the twin from it, then refresh the outputs "
        "with the same command."
    )


def _start(source: str) -> str:
    return (source.splitlines() or [""])[0][:60]


def cell_differences(ipynb: Path, twin: Path) -> list[str]:
    """What differs between the cells of a notebook and of its twin, one line per difference."""
    import jupytext  # imported here: with nbformat they take a second, which the error check does without
    import nbformat

    stored = nbformat.read(ipynb, as_version=4).cells
    text = jupytext.read(twin, fmt=TWIN_FORMAT).cells
    problems = []
    for number, (a, b) in enumerate(zip(stored, text), start=1):
        where = f"cell {number} ({a.cell_type}, starting {_start(a.source)!r})"
        if a.cell_type != b.cell_type:
            problems.append(f"{where}: a {a.cell_type} cell in {ipynb.name}, a {b.cell_type} cell in {twin.name}")
        elif a.source != b.source:
            differing = next(
                (k for k, (x, y) in enumerate(zip(a.source.splitlines(), b.source.splitlines()), 1) if x != y),
                min(len(a.source.splitlines()), len(b.source.splitlines())) + 1,
            )
            problems.append(f"{where}: the text differs from line {differing} of the cell on")
        elif a.metadata.get("tags", []) != b.metadata.get("tags", []):
            problems.append(f"{where}: tags {a.metadata.get('tags', [])} in {ipynb.name}, "
                            f"{b.metadata.get('tags', [])} in {twin.name}")
    if len(stored) != len(text):
        problems.append(f"{ipynb.name} has {len(stored)} cells, {twin.name} has {len(text)}")
    return problems


def twin_report(ipynb: Path) -> str | None:
    """Why a notebook and its twin disagree, with the way to bring them together; None when they agree."""
    twin = ipynb.with_suffix(".md")
    if not ipynb.exists() or not twin.exists():
        missing, present = (ipynb, twin) if not ipynb.exists() else (twin, ipynb)
        return (f"{where(present)} has no {'notebook' if missing is ipynb else 'text twin'} {missing.name} beside it "
                "(see notebooks/jupytext.toml): "
                + (f"`jupytext --to md:myst {where(ipynb)}` writes it" if missing is twin
                   else f"`{refresh_command(ipynb)}` writes it"))
    problems = cell_differences(ipynb, twin)
    if not problems:
        return None
    return (f"{where(ipynb)} and its text twin {where(twin)} disagree:\n  " + "\n  ".join(problems)
            + "\n" + sync_advice(ipynb))


def stored_errors(ipynb: Path) -> list[str]:
    """Every error output stored in a code cell not tagged ``raises-exception``, one line each.

    The notebook is read as plain JSON (nbformat 4 keeps a cell's source as a string or a list of lines).
    """
    problems = []
    for number, cell in enumerate(json.loads(Path(ipynb).read_text(encoding="utf-8"))["cells"], start=1):
        if cell.get("cell_type") != "code" or ALLOWED_ERROR in cell.get("metadata", {}).get("tags", []):
            continue
        source = cell.get("source", "")
        source = source if isinstance(source, str) else "".join(source)
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                problems.append(
                    f"{where(ipynb)} cell {number} (starting {_start(source)!r}) stores an error, "
                    f"{output.get('ename', '?')}: {str(output.get('evalue', ''))[:80]}. Fix the cell and "
                    f"`{refresh_command(ipynb)}`, or tag it {ALLOWED_ERROR} if the error is what it shows")
    return problems


def notebooks_of(paths: list[Path]) -> list[Path]:
    """The notebooks the given files belong to (``x.md`` names ``x.ipynb``); every notebook when none are given.

    A markdown file that is neither a course notebook's twin (``NN_topic.md``) nor beside a
    notebook is plain text, not a twin, and is left out.
    """
    if not paths:
        return all_notebooks()
    found = []
    for path in map(Path, paths):
        ipynb = path.with_suffix(".ipynb")
        if path.suffix == ".ipynb" or (path.suffix == ".md" and (ipynb.exists() or path.match(f"{NUMBERED}.md"))):
            found.append(ipynb)
    return list(dict.fromkeys(found))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks or twins to check (default: every notebook)")
    parser.add_argument("--twins", action="store_true", help="only check that each notebook agrees with its twin")
    parser.add_argument("--errors", action="store_true", help="only check that no notebook stores an error")
    args = parser.parse_args(argv)
    both = not (args.twins or args.errors)
    problems = []
    for ipynb in notebooks_of(args.paths):
        if both or args.twins:
            report = twin_report(ipynb)
            problems += [report] if report else []
        if (both or args.errors) and ipynb.exists():
            problems += stored_errors(ipynb)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
