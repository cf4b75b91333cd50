"""Old name of :mod:`nnlearn.pictures.plots`, kept so that older notebooks run; import from there.

``best_fit_line`` is now :func:`nnlearn.best_fit_line` (:mod:`nnlearn.linefit`).
"""

from .linefit import best_fit_line  # noqa: F401
from .pictures.plots import *  # noqa: F403
from .pictures.plots import __all__ as _names

__all__ = [*_names, "best_fit_line"]
