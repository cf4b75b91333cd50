"""A training progress bar: a widget in a notebook, a line of text elsewhere.

Only :meth:`nnlearn.Network.fit` uses it.  In a notebook the bar is an
ipywidgets ``IntProgress`` with a label; what the notebook stores is the
widget as first displayed, so re-running the notebook stores the same thing.

ipywidgets and IPython are imported only when a bar is shown in a notebook, so that
``import nnlearn`` loads no user interface (``tests/test_package.py`` checks it).
"""

from __future__ import annotations

import sys

from .language import tr


def _in_notebook() -> bool:
    ipython = sys.modules.get("IPython")  # a notebook's kernel has imported it long before us
    if ipython is None:
        return False
    shell = ipython.get_ipython()
    return shell is not None and shell.__class__.__name__ == "ZMQInteractiveShell"


class Progress:
    """Shows ``epoch k of n`` and the latest scores; does nothing when disabled."""

    def __init__(self, total: int, enabled: bool = True, stream=None):
        self.total = total
        self.enabled = bool(enabled)
        self.stream = stream if stream is not None else sys.stderr
        self.widget = None
        if self.enabled and _in_notebook():
            import ipywidgets as widgets
            from IPython.display import display

            self.bar = widgets.IntProgress(value=0, min=0, max=total, description=tr("epochs"))
            self.label = widgets.HTML(value=f"0 / {total}")
            self.widget = widgets.HBox([self.bar, self.label])
            display(self.widget)

    def update(self, done: int, scores: dict) -> None:
        if not self.enabled:
            return
        names = {"loss": tr("loss"), "accuracy": tr("accuracy"),
                 "val_loss": tr("val_loss"), "val_accuracy": tr("val_accuracy")}
        text = f"{done} / {self.total}  " + "  ".join(f"{names.get(k, k)} {v:.4f}" for k, v in scores.items())
        if self.widget is not None:
            self.bar.value = done
            self.label.value = text
        else:
            print("\r" + tr("epochs") + " " + text, end="", file=self.stream, flush=True)

    def close(self) -> None:
        if self.enabled and self.widget is None:
            print(file=self.stream, flush=True)

    def __repr__(self) -> str:
        return f"Progress(total={self.total}, enabled={self.enabled})"
