"""The English and the Chinese edition run the same code.

Every notebook of ``notebooks/`` has a Chinese counterpart in ``notebooks/zh/`` whose code cells
are the English ones, in the same order, character for character: the only extra is the first
code cell, which sets the language. A teacher who fixes a code cell in one edition and forgets
the other is told which two cells differ, in which line. (d2l keeps its Chinese edition in
another repository, and the two drift apart; here they cannot.)
"""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ROOT / "notebooks"
CHINESE = ENGLISH / "zh"
LANGUAGE_CELL = 'import nnlearn\n\nnnlearn.set_language("zh")'
NAMES = [path.stem for path in sorted(ENGLISH.glob("[0-9][0-9]_*.md"))]


def read(path: Path) -> list:
    return (jupytext.read(path, fmt="md:myst") if path.suffix == ".md" else nbformat.read(path, as_version=4)).cells


def code_cells(cells) -> list[tuple[int, str, list]]:
    """(cell number counted from 1 over all cells, source, tags) of each code cell."""
    return [(number, cell.source, cell.metadata.get("tags", []))
            for number, cell in enumerate(cells, start=1) if cell.cell_type == "code"]


def shown(path: Path) -> str:
    """A path as the repository names it (``notebooks/zh/01_structure.md``)."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()


def edition_differences(english: Path, chinese: Path) -> list[str]:
    """Where the code of two editions of a notebook differs, one line per difference, naming both cells."""
    en_name, zh_name = shown(english), shown(chinese)
    en, zh = code_cells(read(english)), code_cells(read(chinese))
    if not zh or zh[0][1] != LANGUAGE_CELL:
        return [f"{zh_name}: the first code cell must set the language, exactly:\n{LANGUAGE_CELL}"]
    zh = zh[1:]
    problems = []
    for (en_number, en_source, en_tags), (zh_number, zh_source, zh_tags) in zip(en, zh):
        both = f"{en_name} cell {en_number} and {zh_name} cell {zh_number}"
        if en_source != zh_source:
            en_lines, zh_lines = en_source.splitlines(), zh_source.splitlines()
            line = next((k for k, (a, b) in enumerate(zip(en_lines, zh_lines)) if a != b),
                        min(len(en_lines), len(zh_lines)))
            text = [lines[line] if line < len(lines) else "(no such line)" for lines in (en_lines, zh_lines)]
            problems.append(f"{both} differ in line {line + 1}:\n    en: {text[0]!r}\n    zh: {text[1]!r}")
        elif en_tags != zh_tags:
            problems.append(f"{both} have different tags: {en_tags} and {zh_tags}")
    if len(en) != len(zh):
        problems.append(f"{en_name} has {len(en)} code cells, {zh_name} has {len(zh)} after its language cell")
    return problems


def test_every_english_notebook_has_its_chinese_edition():
    assert NAMES and [p.stem for p in sorted(CHINESE.glob("[0-9][0-9]_*.md"))] == NAMES


@pytest.mark.parametrize("suffix", [".md", ".ipynb"])
@pytest.mark.parametrize("name", NAMES)
def test_both_editions_run_the_same_code(name, suffix):
    problems = edition_differences((ENGLISH / name).with_suffix(suffix), (CHINESE / name).with_suffix(suffix))
    if problems:
        pytest.fail("the two editions must run the same code (change both, then run "
                    f"`python scripts/run_notebooks.py notebooks/{name}.ipynb notebooks/zh/{name}.ipynb`):\n  "
                    + "\n  ".join(problems), pytrace=False)


def test_a_one_character_change_names_both_cells(tmp_path):
    english = ENGLISH / f"{NAMES[1]}.md"
    text = (CHINESE / f"{NAMES[1]}.md").read_text(encoding="utf-8")
    changed = tmp_path / "zh" / english.name
    changed.parent.mkdir()
    target = code_cells(read(english))[-1][1].splitlines()[0]  # the last code cell's first line
    assert text.count(target) >= 1
    changed.write_text(text.replace(target, target[:-1] + ("x" if target[-1] != "x" else "y")), encoding="utf-8")
    problems = edition_differences(english, changed)
    assert len(problems) == 1, problems
    assert "cell" in problems[0] and f"/{english.name} cell" in problems[0] and f"zh/{english.name} cell" in problems[0]
    assert "line 1" in problems[0] and repr(target) in problems[0]


@pytest.mark.parametrize("name", NAMES)
def test_the_chinese_edition_has_the_same_sections(name):
    """Each English heading has one in the Chinese edition at the same place (translated)."""
    def headings(path):
        return [(n, line.split(" ")[0]) for n, cell in enumerate(read(path), 1) if cell.cell_type == "markdown"
                for line in cell.source.splitlines() if line.startswith("#")]
    en, zh = headings(ENGLISH / f"{name}.md"), headings(CHINESE / f"{name}.md")
    assert [level for _, level in zh] == [level for _, level in en]
