"""The ``nnlearn`` command: copying the course without ever overwriting a learner's work.

Served for real (JupyterLab and Voila started by the command, looked at in Chromium):
``tests/e2e/test_command_in_browser.py``.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from nnlearn.course import command
from nnlearn.course.command import RECORD, copy_course, course_files, main

SHIPPED = course_files()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != RECORD}


def _course_of(folder: Path, language_folders=("", "zh")) -> dict[str, bytes]:
    """The files of the given editions (``""`` is the English one, at the top), with jupytext.toml."""
    folders = {f or "." for f in language_folders}
    return {name: data for name, data in _files(folder).items() if name == "jupytext.toml"
            or (Path(name).parent.as_posix() in folders and name.endswith((".ipynb", ".md")))}


@pytest.fixture
def source(tmp_path):
    """A small course of three notebooks in two editions, to change as a new release would."""
    folder = tmp_path / "shipped"
    (folder / "zh").mkdir(parents=True)
    shutil.copy(SHIPPED / "jupytext.toml", folder)
    for stem in ["01_structure", "02_single_node", "03_more_inputs"]:
        for edition in ["", "zh/"]:
            for suffix in [".ipynb", ".md"]:
                shutil.copy(SHIPPED / f"{edition}{stem}{suffix}", folder / f"{edition}{stem}{suffix}")
    return folder


def test_copies_both_editions_as_shipped(tmp_path, capsys):
    assert main(["course", str(tmp_path / "course"), "--copy-only"]) == 0
    assert capsys.readouterr().out == f"Copied the course (18 notebooks) to {tmp_path / 'course'}\n"
    assert _files(tmp_path / "course") == _course_of(SHIPPED)
    assert len([n for n in _files(tmp_path / "course") if n.endswith(".md")]) == 18  # every text twin


def test_one_edition(tmp_path, capsys):
    assert main(["course", str(tmp_path / "c"), "--lang", "zh", "--copy-only"]) == 0
    copied = _files(tmp_path / "c")
    assert copied == _course_of(SHIPPED, ["zh"])
    assert "zh/01_structure.ipynb" in copied and "01_structure.ipynb" not in copied
    assert "9 notebooks" in capsys.readouterr().out


def test_again_changes_nothing_and_says_so(tmp_path, capsys):
    main(["course", str(tmp_path), "--copy-only"])
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.ipynb")}
    capsys.readouterr()
    assert main(["course", str(tmp_path), "--copy-only"]) == 0
    assert capsys.readouterr().out == f"Course in {tmp_path}: 0 new, 0 updated, 18 unchanged\n"
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.ipynb")} == before  # not even rewritten


def test_a_new_release_never_overwrites_what_the_learner_changed(tmp_path, source):
    course = tmp_path / "course"
    copy_course(course, source=source)
    edited = course / "zh" / "02_single_node.ipynb"
    notebook = json.loads(edited.read_text())
    notebook["cells"][1]["source"] = "my answer"
    edited.write_text(json.dumps(notebook))
    mine = _files(course)

    # the next release changes every notebook of chapter 2 and 3 and adds a chapter
    for path in list(source.rglob("0[23]_*")):
        path.write_bytes(path.read_bytes() + b"\n")
    for edition in ["", "zh/"]:
        for suffix in [".ipynb", ".md"]:
            shutil.copy(SHIPPED / f"{edition}04_nonlinearity{suffix}", source / f"{edition}04_nonlinearity{suffix}")

    report = copy_course(course, source=source)
    after = _files(course)
    assert after["zh/02_single_node.ipynb"] == mine["zh/02_single_node.ipynb"]  # the learner's edit survives
    assert after["zh/02_single_node.md"] == mine["zh/02_single_node.md"]  # and its twin stays its twin
    for name in ["02_single_node.ipynb", "02_single_node.md", "zh/03_more_inputs.ipynb", "03_more_inputs.md"]:
        assert after[name] == (source / name).read_bytes(), name  # untouched copies are brought up to date
    assert after["zh/04_nonlinearity.ipynb"] == (source / "zh/04_nonlinearity.ipynb").read_bytes()
    assert report.new == ["04_nonlinearity", "zh/04_nonlinearity"]
    assert report.updated == ["02_single_node", "03_more_inputs", "zh/03_more_inputs"]
    assert report.unchanged == ["01_structure", "zh/01_structure"]
    assert report.kept == ["zh/02_single_node.ipynb"]
    assert report.line() == (f"Course in {course}: 2 new, 3 updated, 2 unchanged; "
                             "kept your changes to zh/02_single_node.ipynb (not overwritten)")

    # and again: the edited notebook is still the learner's, even though the record knows the new version
    assert copy_course(course, source=source).kept == ["zh/02_single_node.ipynb"]
    assert _files(course)["zh/02_single_node.ipynb"] == mine["zh/02_single_node.ipynb"]


def test_a_file_the_learner_put_there_is_theirs(tmp_path, source):
    (tmp_path / "01_structure.md").write_text("my notes")
    report = copy_course(tmp_path, source=source)
    assert (tmp_path / "01_structure.md").read_text() == "my notes"
    assert not (tmp_path / "01_structure.ipynb").exists()  # not split from its twin
    assert report.kept == ["01_structure.md"]


def test_a_deleted_notebook_comes_back(tmp_path, source):
    copy_course(tmp_path, source=source)
    (tmp_path / "02_single_node.ipynb").unlink()
    report = copy_course(tmp_path, source=source)
    assert (tmp_path / "02_single_node.ipynb").read_bytes() == (source / "02_single_node.ipynb").read_bytes()
    assert report.updated == ["02_single_node"]


def test_a_damaged_record_keeps_everything_that_differs(tmp_path, source):
    copy_course(tmp_path, source=source)
    (tmp_path / RECORD).write_text("{not json")
    (source / "01_structure.ipynb").write_bytes(b"{}")
    report = copy_course(tmp_path, source=source)
    assert report.kept == ["01_structure.ipynb"] and (tmp_path / "01_structure.ipynb").read_bytes() != b"{}"


@pytest.mark.parametrize("where", ["course", "course/zh"])
def test_a_file_where_a_folder_should_be(tmp_path, capsys, where):
    (tmp_path / where).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / where).write_text("a file")
    assert main(["course", str(tmp_path / "course"), "--copy-only"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"nnlearn course: {tmp_path / where} is a file, not a folder"), err
    assert err.count("\n") == 1


def test_a_folder_that_cannot_be_written():
    with tempfile.TemporaryDirectory() as scratch:  # not under pytest's folder, which only its owner may enter
        locked = Path(scratch) / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        run = [sys.executable, "-m", "nnlearn", "course", str(locked / "course"), "--copy-only"]
        if os.geteuid() == 0:  # root may write anywhere: ask as an ordinary user (nobody) instead
            Path(scratch).chmod(0o755)
            run = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *run]
            probe = subprocess.run([*run[:4], sys.executable, "-c", "import nnlearn"], capture_output=True, text=True)
            if probe.returncode != 0:  # e.g. a Python under root's home: nothing of ours to test
                pytest.skip(f"an ordinary user cannot run this Python here: {probe.stderr.strip()[-200:]}")
        out = subprocess.run(run, capture_output=True, text=True, cwd=scratch)
        assert not (locked / "course").exists()
    assert out.returncode == 2, out
    assert out.stderr == (f"nnlearn course: cannot make the folder {locked / 'course'}: permission denied "
                          "(choose a folder of your own, for example ~/nnlearn-course)\n")


def test_an_unknown_language(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["course", str(tmp_path), "--lang", "fr"])
    assert stop.value.code == 2
    assert "argument --lang: invalid choice: 'fr' (choose from 'en', 'zh')" in capsys.readouterr().err
    with pytest.raises(ValueError, match=r"languages must be one or more of 'en' \(English\), 'zh' .*; got \['fr'\]"):
        copy_course(tmp_path, languages=["en", "fr"])
    assert not list(tmp_path.iterdir())


def test_course_starts_jupyterlab_at_the_first_chapter_of_the_edition(tmp_path, monkeypatch, capsys):
    started = []
    monkeypatch.setattr(command, "_jupyter", lambda *args: started.append(args) or 0)
    assert main(["course", str(tmp_path), "--lang", "zh", "--no-browser", "--allow-root"]) == 0
    root = f"--ServerApp.root_dir={tmp_path}"
    assert started == [("jupyterlab", root, "--LabApp.default_url=/lab/tree/zh/01_structure.ipynb",
                        "--no-browser", "--allow-root")]
    main(["course", str(tmp_path)])
    assert started[-1] == ("jupyterlab", root, "--LabApp.default_url=/lab/tree/01_structure.ipynb")


def test_lab_runs_the_shipped_lab_in_voila(monkeypatch):
    started = []
    monkeypatch.setattr(command, "_jupyter", lambda *args: started.append(args) or 0)
    assert main(["lab", "--lang", "zh", "--no-browser"]) == 0
    assert started == [("voila", str(SHIPPED / "zh" / "09_lab.ipynb"), "--port=8866", "--no-browser")]


def test_copy_only_takes_no_jupyterlab_options(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["course", str(tmp_path), "--copy-only", "--allow-root"])
    assert "unrecognized arguments: --allow-root" in capsys.readouterr().err


def test_no_subcommand_prints_the_help(capsys):
    assert main([]) == 2
    assert "{course,lab}" in capsys.readouterr().out
