"""Mark where each slide begins, for presenting a notebook with RISE (jupyterlab-rise).

A class sees one idea at a time: one heading, one picture or one slider per slide. The rule,
applied to every notebook of both editions (the Chinese cells get the types of their English
counterparts, so both editions present the same slides)::

    a title or a heading (#, ##)           starts a slide
    an exercise (a paragraph "**1.** ...")  starts a sub-slide (below the exercises heading)
    a cell that draws a picture, a slider
    or an animation                         starts a sub-slide if its slide already shows one
    a paragraph after a picture             starts a sub-slide (the text about the next picture)
    anything else                           continues the slide it is on

The marks are stored in the cells' ``slideshow`` metadata, in the text twins (``.md``), where a
teacher can move them (JupyterLab: the property inspector, or RISE's Shift+I / Shift+B keys).
Run it after adding cells, then refresh the notebooks::

    .venv/bin/python scripts/mark_slides.py && .venv/bin/python scripts/run_notebooks.py

``tests/test_slides.py`` checks the result on the stored notebooks.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ROOT / "notebooks"
CHINESE = ENGLISH / "zh"
FORMAT = "md:myst"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def shows_picture(cell) -> bool:
    """Whether a stored code cell shows a figure, a widget or an animation player."""
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "image/png" in data or WIDGET_VIEW in data or 'class="animation"' in str(data.get("text/html", "")):
            return True
    return False


def slide_types(cells) -> list[str]:
    """The slide type of each cell of a stored (English) notebook: slide, subslide or - (continue)."""
    types, has_picture, in_exercises = [], False, False
    for number, cell in enumerate(cells):
        kind = "-"
        if cell.cell_type == "markdown":
            text = cell.source.lstrip()
            if number == 0 or re.match(r"#{1,2} ", text):
                kind, has_picture = "slide", False
                in_exercises = in_exercises or bool(re.match(r"## (Exercises|练习)", text))
            elif (in_exercises and re.match(r"\*\*\d+\.\*\*", text)) or has_picture:
                kind, has_picture = "subslide", False
        elif shows_picture(cell):
            if has_picture:
                kind = "subslide"
            has_picture = True
        types.append(kind)
    return types


def counterpart(english_cells, chinese_cells) -> list[int | None]:
    """For each Chinese cell, the index of its English cell (None for the language cell)."""
    first_code = next(k for k, cell in enumerate(chinese_cells) if cell.cell_type == "code")
    return [k if k < first_code else (None if k == first_code else k - 1) for k in range(len(chinese_cells))]


STARTS_SLIDE = re.compile(r"#{1,2} |\*\*\d+\.\*\*")  # a heading, an exercise


def split_at_headings(twin: Path) -> None:
    """A slide can only begin with a cell: a heading or an exercise inside a markdown cell gets its own cell."""
    nb = jupytext.read(twin, fmt=FORMAT)
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            cells.append(cell)
            continue
        parts, lines = [[]], cell.source.splitlines()
        for k, line in enumerate(lines):
            if k and STARTS_SLIDE.match(line) and any(part.strip() for part in parts[-1]):
                parts.append([])
            parts[-1].append(line)
        for n, part in enumerate(parts):
            piece = nbformat.v4.new_markdown_cell("\n".join(part).strip("\n"))
            if n == 0:
                piece.metadata = cell.metadata
            cells.append(piece)
    if len(cells) != len(nb.cells):
        nb.cells = cells
        twin.write_text(jupytext.writes(nb, fmt=FORMAT), encoding="utf-8")


def mark(twin: Path, types: list[str], mapping: list[int | None] | None = None) -> bool:
    """Writes the slide types into a text twin; returns whether it changed."""
    before = twin.read_text(encoding="utf-8")
    nb = jupytext.reads(before, fmt=FORMAT)
    for k, cell in enumerate(nb.cells):
        index = k if mapping is None else mapping[k]
        kind = "-" if index is None else types[index]
        if kind == "-":
            cell.metadata.pop("slideshow", None)
        else:
            cell.metadata["slideshow"] = {"slide_type": kind}
    after = jupytext.writes(nb, fmt=FORMAT)
    if after != before:
        twin.write_text(after, encoding="utf-8")
    return after != before


def main(argv: list[str] | None = None) -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)  # no options; answers --help
    for stored in sorted(ENGLISH.glob("[0-9][0-9]_*.ipynb")):
        for twin in (stored.with_suffix(".md"), CHINESE / stored.with_suffix(".md").name):
            if twin.exists():
                split_at_headings(twin)
        # the stored outputs say which cells draw; the cells themselves come from the twin
        outputs = {cell.source: cell.get("outputs", []) for cell in nbformat.read(stored, as_version=4).cells
                   if cell.cell_type == "code"}
        english = jupytext.read(stored.with_suffix(".md"), fmt=FORMAT).cells
        for cell in english:
            if cell.cell_type == "code":
                cell["outputs"] = outputs.get(cell.source, [])
        types = slide_types(english)
        changed = [mark(stored.with_suffix(".md"), types)]
        chinese = CHINESE / stored.with_suffix(".md").name
        if chinese.exists():
            mapping = counterpart(english, jupytext.read(chinese, fmt=FORMAT).cells)
            changed.append(mark(chinese, types, mapping))
        slides = types.count("slide") + types.count("subslide")
        print(f"{stored.stem}: {slides} slides{' (changed)' if any(changed) else ''}")


if __name__ == "__main__":
    main()
