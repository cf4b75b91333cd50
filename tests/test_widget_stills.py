"""Every widget in a stored notebook keeps its still: the picture it starts with.

A widget needs a kernel to draw. ``scripts/run_notebooks.py`` stores beside each widget view
the picture the widget starts with (``image/png`` or ``image/jpeg``) and a hash of its cell's
source; the copy for after class (``scripts/build_static.py``) shows it in the widget's place
without running anything. A still that is missing, or was taken from an older version of its
cell, fails here with the command that takes it again.
"""

from __future__ import annotations

import base64
import importlib.util
import io
import os
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PAIRS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")) + sorted(NOTEBOOKS.glob("zh/[0-9][0-9]_*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

spec = importlib.util.spec_from_file_location("run_notebooks", ROOT / "scripts" / "run_notebooks.py")
run_notebooks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run_notebooks)


@pytest.mark.parametrize("ipynb", PAIRS, ids=lambda p: "-".join(p.relative_to(NOTEBOOKS).with_suffix("").parts))
def test_every_widget_has_a_current_still(ipynb):
    problems = run_notebooks.still_problems(nbformat.read(ipynb, as_version=4))
    if problems:
        where = ipynb.relative_to(ROOT).as_posix()
        pytest.fail(f"{where}: {len(problems)} widget still(s) to take again:\n  " + "\n  ".join(problems)
                    + f"\nTake them with `python scripts/run_notebooks.py {where}`.", pytrace=False)


def widget_output(text: str, still: str | None, of_source: str | None) -> dict:
    data = {WIDGET_VIEW: {"model_id": "0" * 32, "version_major": 2, "version_minor": 0}, "text/plain": text}
    if still:
        data["image/png"] = still
    metadata = {} if of_source is None else {run_notebooks.STILL: run_notebooks.source_hash(of_source)}
    return nbformat.v4.new_output("display_data", data=data, metadata=metadata)


def test_the_check_names_a_missing_and_a_stale_still():
    slider = "interactive(children=(FloatSlider(value=2.0, description='w'), Image(value=b'...'), Output()))"
    bar = "HBox(children=(IntProgress(value=0, description='epochs', max=8), HTML(value='0 / 8')))"
    cells = [nbformat.v4.new_code_cell("widget(w=2)"), nbformat.v4.new_code_cell("widget(w=3)"),
             nbformat.v4.new_code_cell("widget(w=4)"), nbformat.v4.new_code_cell("train()"),
             nbformat.v4.new_code_cell("train(epochs=2)")]
    cells[0].outputs = [widget_output(slider, "iVBOR", "widget(w=2)")]  # current
    cells[1].outputs = [widget_output(slider, "iVBOR", "widget(w=2)")]  # the cell changed since
    cells[2].outputs = [widget_output(slider, None, None)]  # never taken (e.g. saved from JupyterLab)
    cells[3].outputs = [widget_output(bar, None, "train()")]  # a progress bar has no picture, only its line
    cells[4].outputs = [widget_output(bar, None, None)]
    problems = run_notebooks.still_problems(nbformat.v4.new_notebook(cells=cells))
    assert problems == ["cell 2: a widget's still taken from an older version of the cell",
                        "cell 3: a widget without its still", "cell 5: a widget without its still"]


def png(colour: str, size: tuple[int, int]) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="png")
    return out.getvalue()


def test_a_refresh_stores_the_picture_a_widget_starts_with(tmp_path):
    """Taken right after the widget's cell ran (a later cell changes it), byte-stable, and nbval passes."""
    red, blue = png("red", (30, 10)), png("blue", (20, 15))
    cells = [
        nbformat.v4.new_code_cell(f"import ipywidgets as w\nred, blue = {red!r}, {blue!r}"),
        nbformat.v4.new_code_cell("top, below = w.Image(value=red, format='png'), w.Image(value=blue, format='png')\n"
                                  "w.VBox([w.FloatSlider(value=1.0), w.VBox([top, below])])"),
        nbformat.v4.new_code_cell("top.value = blue\nprint('changed')"),
    ]
    path, nb = tmp_path / "01_widget.ipynb", nbformat.v4.new_notebook(cells=cells)
    jupytext.write(nb, path.with_suffix(".md"), fmt="md:myst")
    nbformat.write(nb, path)  # a pair, as JupyterLab saves it
    run_notebooks.refresh(path, timeout=60)
    stored = path.read_bytes()
    nb = nbformat.read(path, as_version=4)
    assert run_notebooks.still_problems(nb) == []
    (output,) = nb.cells[1].outputs
    from PIL import Image

    still = Image.open(io.BytesIO(base64.b64decode(output.data["image/png"]))).convert("RGB")
    assert still.size == (30, 25), "the two pictures, one under the other"
    assert still.getpixel((5, 5)) == (255, 0, 0) and still.getpixel((5, 20)) == (0, 0, 255)
    assert still.getpixel((25, 20)) == (255, 255, 255), "white beside the narrower picture"

    run_notebooks.refresh(path, timeout=60)
    assert path.read_bytes() == stored, "a second refresh changed the notebook"

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider", "-q",
         "-o", "addopts=", "-W", "ignore::DeprecationWarning", str(path)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={k: v for k, v in os.environ.items() if k != "PYTEST_ADDOPTS"},  # CI's are for the outer run
    )
    assert result.returncode == 0, f"nbval does not accept a stored still:\n{result.stdout[-3000:]}"
