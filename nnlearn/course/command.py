"""The ``nnlearn`` command: the course from the installed package, no git needed.

::

    nnlearn course [DIR] [--lang en|zh] [--no-browser] [--copy-only] [JUPYTERLAB OPTIONS]
    nnlearn lab [--lang en|zh] [--no-browser] [--port PORT] [VOILA OPTIONS]
    nnlearn --version

``course`` copies the notebooks and their text twins (both editions, or one) into ``DIR``
(``nnlearn-course`` in the current folder if not given), then starts JupyterLab there at the
first chapter. The copy keeps the repository's layout: English at the top, Chinese in ``zh/``,
and ``jupytext.toml`` so that JupyterLab saves each notebook's text twin too.

Running ``course`` again is safe. ``DIR/.nnlearn-course.json`` records what was copied; a
notebook that still is what was copied is brought up to date, a missing one is added, and one
the learner changed (or a file the learner put there) is left alone, with its text twin. One
line says what happened. ``lab`` runs the lab notebook (chapter 9) as a Voila app, straight
from the package. Options the command does not know are handed to JupyterLab or Voila
(``--allow-root``, ``--ServerApp.port=9000`` ...).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..language import LANGUAGES

RECORD = ".nnlearn-course.json"
DEFAULT_DIR = "nnlearn-course"
FIRST_CHAPTER = "01_structure.ipynb"
LAB = "09_lab.ipynb"
EDITIONS = {"en": "", "zh": "zh"}  # language -> folder of its edition, inside the course


class CourseError(Exception):
    """The course cannot be copied; the message says why and what to do."""


def course_files() -> Path:
    """The folder holding the shipped course: ``nnlearn/notebooks`` in a wheel, ``notebooks/`` in a checkout."""
    package = Path(__file__).resolve().parents[1]
    for folder in (package / "notebooks", package.parent / "notebooks"):
        if (folder / "jupytext.toml").is_file() and (folder / FIRST_CHAPTER).is_file():
            return folder
    raise CourseError(f"the course's notebooks are not installed with nnlearn (looked in {package / 'notebooks'}); "
                      "reinstall it: pip install --force-reinstall nnlearn")


def _languages(languages) -> tuple[str, ...]:
    if isinstance(languages, str):
        languages = (languages,)
    languages = tuple(languages)
    unknown = [code for code in languages if code not in EDITIONS]
    if unknown or not languages:
        known = ", ".join(f"{code!r} ({LANGUAGES[code]})" for code in EDITIONS)
        raise ValueError(f"languages must be one or more of {known}; got {unknown or languages!r}")
    return languages


def _notebooks(source: Path, languages: tuple[str, ...]) -> dict[str, list[str]]:
    """Each notebook of the chosen editions with its text twin, ``{"zh/02_x": ["zh/02_x.ipynb", "zh/02_x.md"]}``."""
    groups = {"jupytext.toml": ["jupytext.toml"]}
    for code in languages:
        folder = source / EDITIONS[code]
        for notebook in sorted(folder.glob("*.ipynb")):
            stem = notebook.relative_to(source).with_suffix("").as_posix()
            groups[stem] = [f"{stem}.ipynb"] + ([f"{stem}.md"] if notebook.with_suffix(".md").is_file() else [])
    return groups


def _digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


@dataclass
class CopyReport:
    """What :func:`copy_course` did, notebook by notebook (text twins go with their notebook)."""

    folder: Path
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # changed by the learner: left alone

    def line(self) -> str:
        """The one line the command prints."""
        if not (self.updated or self.unchanged or self.kept):
            return f"Copied the course ({len(self.new)} notebooks) to {self.folder}"
        text = (f"Course in {self.folder}: {len(self.new)} new, {len(self.updated)} updated, "
                f"{len(self.unchanged)} unchanged")
        if self.kept:
            text += f"; kept your changes to {', '.join(self.kept)} (not overwritten)"
        return text

    def __repr__(self) -> str:
        return (f"CopyReport(new={len(self.new)}, updated={len(self.updated)}, unchanged={len(self.unchanged)}, "
                f"kept={self.kept!r})")


def copy_course(folder, languages=("en", "zh"), source: Path | None = None) -> CopyReport:
    """Copies the course into ``folder``, or brings an earlier copy up to date without touching the learner's changes.

    ``languages``: ``"en"``, ``"zh"`` or both. A notebook is written only where it is missing or
    still exactly what an earlier call wrote; otherwise it and its text twin are kept as they are.
    """
    languages = _languages(languages)
    source = course_files() if source is None else Path(source)
    folder = Path(folder).expanduser().absolute()
    _make_folder(folder)
    record_path = folder / RECORD
    try:
        record = json.loads(record_path.read_text(encoding="utf-8")).get("files", {}) if record_path.is_file() else {}
    except (ValueError, AttributeError):
        record = {}  # a damaged record: treat every file that differs from the course as the learner's
    report = CopyReport(folder)
    for name, files in _notebooks(source, languages).items():
        shipped = {f: _digest(source / f) for f in files}
        present = {f: _digest(folder / f) for f in files}
        changed = [f for f in files if present[f] is not None and present[f] not in (shipped[f], record.get(f))]
        if changed:
            report.kept.append(changed[0])  # the notebook, if it is among the changed files
            continue
        stale = [f for f in files if present[f] != shipped[f]]
        for f in stale:
            _make_folder((folder / f).parent)
            _write(folder / f, (source / f).read_bytes())
        record.update(shipped)
        if name == "jupytext.toml":
            continue
        if not stale:
            report.unchanged.append(name)
        elif all(present[f] is None for f in files):
            report.new.append(name)
        else:
            report.updated.append(name)
    text = json.dumps({"nnlearn": _version(), "files": record}, indent=1, sort_keys=True) + "\n"
    _write(record_path, text.encode())
    return report


def _version() -> str:
    from .. import __version__  # read from the installed package's metadata

    return __version__


def _make_folder(folder: Path) -> None:
    for parent in [*reversed(folder.parents), folder]:
        if parent.exists() and not parent.is_dir():
            raise CourseError(f"{parent} is a file, not a folder: the course needs a folder there "
                              "(choose another DIR, or move the file away)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        raise CourseError(f"cannot make the folder {folder}: permission denied "
                          "(choose a folder of your own, for example ~/nnlearn-course)") from None
    except OSError as error:
        raise CourseError(f"cannot make the folder {folder}: {error.strerror}") from None


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except PermissionError:
        raise CourseError(f"cannot write {path}: permission denied "
                          "(choose a folder of your own, for example ~/nnlearn-course)") from None
    except IsADirectoryError:
        raise CourseError(f"cannot write {path}: a folder stands where the course puts a file "
                          "(choose another DIR, or move the folder away)") from None
    except OSError as error:
        raise CourseError(f"cannot write {path}: {error.strerror}") from None


def _jupyter(module: str, *args: str) -> int:
    """Runs a Jupyter application of this Python until the learner stops it (Ctrl+C)."""
    try:
        return subprocess.call([sys.executable, "-m", module, *args])
    except KeyboardInterrupt:
        return 0


def _course(options, extra: list[str]) -> int:
    languages = _languages(options.lang or ("en", "zh"))
    report = copy_course(options.dir, languages)
    print(report.line())
    if options.copy_only:
        return 0
    first = f"{EDITIONS[languages[0]]}/{FIRST_CHAPTER}".lstrip("/")
    # JupyterLab opens there, and the address it prints leads there too
    args = [f"--ServerApp.root_dir={report.folder}", f"--LabApp.default_url=/lab/tree/{first}"]
    return _jupyter("jupyterlab", *args, *(["--no-browser"] if options.no_browser else []), *extra)


def _lab(options, extra: list[str]) -> int:
    notebook = course_files() / EDITIONS[options.lang or "en"] / LAB
    args = [str(notebook), f"--port={options.port}", *(["--no-browser"] if options.no_browser else [])]
    return _jupyter("voila", *args, *extra)


def parser() -> argparse.ArgumentParser:
    """The command line: ``nnlearn course``, ``nnlearn lab``, ``nnlearn --version``."""
    main_parser = argparse.ArgumentParser(
        prog="nnlearn", description="How a neural network learns: an interactive course in Jupyter notebooks.")
    main_parser.add_argument("--version", action="version", version=f"nnlearn {_version()}")
    commands = main_parser.add_subparsers(dest="command", metavar="{course,lab}")
    languages = list(EDITIONS)
    course = commands.add_parser(
        "course", help="copy the course into a folder of yours and open it in JupyterLab",
        description="Copy the course (notebooks and their text twins) into DIR and open it in JupyterLab. "
                    "Run it again to add what is new: notebooks you changed are never overwritten.")
    course.add_argument("dir", nargs="?", default=DEFAULT_DIR, metavar="DIR",
                        help=f"the folder for the course (made if missing; default: ./{DEFAULT_DIR})")
    course.add_argument("--lang", choices=languages,
                        help="one edition only: en (English) or zh (简体中文); default both")
    course.add_argument("--no-browser", action="store_true", help="start JupyterLab without opening a browser")
    course.add_argument("--copy-only", action="store_true", help="copy or update the course, do not start JupyterLab")
    course.set_defaults(run=_course)
    lab = commands.add_parser("lab", help="open the lab (chapter 9) as an app in the browser (Voila)",
                              description="Open the lab notebook (draw a digit, watch a network learn) as a Voila app.")
    lab.add_argument("--lang", choices=languages, help="en (English, the default) or zh (简体中文)")
    lab.add_argument("--no-browser", action="store_true", help="start the app without opening a browser")
    lab.add_argument("--port", type=int, default=8866, help="the port to serve on (default: 8866)")
    lab.set_defaults(run=_lab)
    return main_parser


def main(argv=None) -> int:
    """Runs the command; returns its exit status (2 with a one-line reason when the course cannot be copied)."""
    command_line = parser()
    options, extra = command_line.parse_known_args(argv)
    if options.command is None or (extra and options.command == "course" and options.copy_only):
        command_line.parse_args(argv)  # says what is wrong, and exits
        command_line.print_help()
        return 2
    try:
        return options.run(options, extra)
    except CourseError as error:
        print(f"nnlearn {options.command}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
