"""What a learner gets from ``pip install nnlearn``, checked against the installed package.

``.ci/wheel`` runs this with the Python of a fresh venv that has only the built wheel (and
pytest, nbval) in it, from a folder outside the checkout, so that nothing of the source tree
can stand in for the package. Each check prints one line; the first that fails stops the run.

    python tests/installed/check_installed.py
"""

import io
import re
import subprocess
import sys
import warnings
from contextlib import redirect_stdout
from pathlib import Path

UI = ("ipywidgets", "IPython", "matplotlib", "PIL")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def check(what: str, ok: bool, detail: str = "") -> None:
    print(f"{'ok  ' if ok else 'FAIL'} {what}" + (f": {detail}" if detail else ""))
    if not ok:
        sys.exit(1)


def main() -> None:
    warnings.simplefilter("error")  # a missing glyph, a deprecation: each is a failure here
    import numpy as np

    import nnlearn

    package = Path(nnlearn.__file__).resolve().parent
    check("nnlearn is imported from the installed wheel", package.is_relative_to(Path(sys.prefix).resolve()),
          str(package))
    check("import nnlearn loads no user interface", not [m for m in UI if m in sys.modules],
          ", ".join(m for m in UI if m in sys.modules))
    from importlib.metadata import version

    check("one version", nnlearn.__version__ == version("nnlearn"), nnlearn.__version__)
    command = subprocess.run([str(Path(sys.executable).parent / "nnlearn"), "--version"],
                             capture_output=True, text=True, check=True).stdout.strip()
    check("the nnlearn command", command == f"nnlearn {nnlearn.__version__}", command)

    nnlearn.set_language("zh")
    import matplotlib

    matplotlib.use("Agg")
    from nnlearn.data import study_hours
    from nnlearn.pictures import plots

    hours, scores = study_hours()
    drawn = plots.plot_study_hours(hours, scores)
    drawn["fig"].canvas.draw()  # draws every glyph: a missing one warns, which is an error here
    title, xlabel = drawn["ax"].get_title(), drawn["ax"].get_xlabel()
    check("a Chinese figure, drawn with the shipped font", bool(CHINESE.search(title + xlabel)), f"{title} / {xlabel}")

    from nnlearn.course import exercises

    out = io.StringIO()
    with redirect_stdout(out):
        exercises.check_sigmoid(lambda v: 0.5 * (1 + np.tanh(np.asarray(v, dtype=float) / 2)))  # right, and stable
        exercises.check_sigmoid(lambda v: v)
    verdicts = out.getvalue()
    check("Chinese exercise verdicts", "正确！" in verdicts and "还不对。" in verdicts,
          verdicts.replace("\n", " ")[:120])

    nnlearn.set_language("en")
    from nnlearn.data import load_digits

    X_train, y_train, X_test, y_test = load_digits()
    network = nnlearn.Network([256, 32, 10], seed=0)
    network.fit(X_train, y_train, epochs=3, learning_rate=1.0, batch_size=32, seed=0)
    accuracy = network.accuracy(X_test, y_test)
    check("Network.fit on the shipped digits", accuracy > 0.85, f"test accuracy {accuracy:.3f} after 3 epochs")


if __name__ == "__main__":
    main()
