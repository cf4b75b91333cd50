"""A number in a notebook's prose comes from what the notebook prints.

When the text says "95.5 %" or "error 0.298371", a cell of the same notebook must print that
number (a percentage may be printed as a fraction, 0.955, or rounded, 95 % for 0.954), or the
code must set it (a learning rate of 0.5). Change a seed or a setting, and a sentence that
quotes the old result fails here instead of misleading a learner. Exercise sections are left
out: their numbers are the learner's inputs. Whole numbers without a percent sign are left out
too (chapter numbers, sizes such as 256 and counts are checked by the cells that print them).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

FOLDER = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOKS = sorted(FOLDER.glob("[0-9][0-9]_*.ipynb")) + sorted(FOLDER.glob("zh/[0-9][0-9]_*.ipynb"))

NUMBER = re.compile(r"\d+(?:\.\d+)?")
# ASCII letters only around a number: in Chinese prose a number often stands right beside a character
QUOTED = re.compile(r"(?<![A-Za-z0-9_.\-/^])(\d+(?:\.\d+)?)(\s?[%％])?(?![A-Za-z0-9_]|\.\d)")
EXERCISES = r"^## (?:Exercises|练习)"  # the heading of the exercises, in each edition


def prose(markdown: str) -> str:
    """The sentences of a markdown cell: without code spans, maths and the exercises that follow."""
    markdown = re.split(EXERCISES, markdown, flags=re.M)[0]
    markdown = re.sub(r"`[^`]*`", " ", markdown)
    markdown = re.sub(r"\$\$.*?\$\$|\$[^$]*\$", " ", markdown, flags=re.S)
    return markdown


def printed_numbers(nb) -> set[float]:
    texts = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        texts.append(cell.source)
        for output in cell.get("outputs", []):
            texts.append(output.get("text", ""))
            texts.append(str(output.get("data", {}).get("text/plain", "")))
    return {float(n) for n in NUMBER.findall(" ".join(texts))}


def quoted_numbers(nb):
    """(cell number, text as quoted, value, is a percentage) for each result quoted in the prose."""
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "markdown":
            continue
        if re.match(r"\s*" + EXERCISES[1:], cell.source):
            break
        for match in QUOTED.finditer(prose(cell.source)):
            value, percent = match.group(1), bool(match.group(2))
            if percent or "." in value:
                yield number, match.group(0), float(value), percent
        if re.search(EXERCISES, cell.source, flags=re.M):
            break


def unbacked(nb) -> list[str]:
    printed = printed_numbers(nb)
    problems = []
    for cell, text, value, percent in quoted_numbers(nb):
        backed = value in printed or (percent and any(0 <= p <= 1 and abs(100 * p - value) <= 0.5 for p in printed))
        if not backed:
            problems.append(f"cell {cell}: {text!r} is printed by no cell and set by no code")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: "-".join(p.relative_to(FOLDER).with_suffix("").parts))
def test_every_number_in_the_prose_is_printed_by_the_notebook(path):
    problems = unbacked(nbformat.read(path, as_version=4))
    assert not problems, (
        f"{path.name}: the text quotes numbers that no output shows (a result changed?):\n  " + "\n  ".join(problems))


def test_a_quoted_number_that_no_cell_prints_is_caught():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("The network reaches 96 % and an error of 0.2984; it starts at 10 %."),
        nbformat.v4.new_code_cell("print(acc)", outputs=[
            nbformat.v4.new_output("stream", name="stdout", text="accuracy 0.955, error 0.298371\n")]),
        nbformat.v4.new_markdown_cell("## Exercises\n\nGet within 10 % of 0.123."),
    ])
    problems = unbacked(nb)
    assert [p.split(": ")[1].split(" is")[0] for p in problems] == ["'0.2984'", "'10 %'"], problems


def test_a_number_beside_chinese_text_is_checked_too():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("准确率为96.2%，误差是0.2984。"),
        nbformat.v4.new_code_cell("print(acc)", outputs=[
            nbformat.v4.new_output("stream", name="stdout", text="accuracy 0.962, error 0.298371\n")]),
        nbformat.v4.new_markdown_cell("## 练习\n\n把误差降到 0.123 以下。"),
    ])
    assert [p.split(": ")[1].split(" is")[0] for p in unbacked(nb)] == ["'0.2984'"]
