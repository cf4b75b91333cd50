"""Shared test settings: a headless matplotlib and reproducible hypothesis runs."""

import matplotlib

# Agg in this process only: an MPLBACKEND variable would also reach the notebook kernels that
# nbval starts (--nbval-current-env), and there plt.show() must draw inline.
matplotlib.use("Agg")

from hypothesis import settings  # noqa: E402

# Deterministic: the same examples every run, so a failure can be reproduced.
settings.register_profile("nnlearn", derandomize=True, deadline=None, max_examples=60)
settings.load_profile("nnlearn")


import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import nnlearn  # noqa: E402
from nnlearn.data import study_hours  # noqa: E402
from nnlearn.linefit import CHAPTER_6  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    """Every test starts and ends with no open figure (no 'too many figures' warning)."""
    yield
    plt.close("all")


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A test that switches to Chinese cannot leave the next test in Chinese."""
    yield
    if nnlearn.get_language() != "en":
        nnlearn.set_language("en")


@pytest.fixture
def chinese():
    """The Chinese edition's setting for one test (English again afterwards)."""
    nnlearn.set_language("zh")
    yield
    nnlearn.set_language("en")


@pytest.fixture(scope="session")
def hours_scores():
    """The hours-and-scores data of chapters 2 and 6."""
    return study_hours()


@pytest.fixture(scope="session")
def line_fit():
    """The line fit of chapter 6, as the notebook makes it: hours measured from their mean, rounded to 0.1."""
    return CHAPTER_6.fit()


@pytest.fixture
def tiny():
    """The 2-2-2 network of the worked example (Matt Mazur's) that chapter 7 follows."""
    net = nnlearn.Network([2, 2, 2], seed=0)
    net.layers[0].W[:], net.layers[0].b[:] = [[0.15, 0.25], [0.20, 0.30]], 0.35
    net.layers[1].W[:], net.layers[1].b[:] = [[0.40, 0.50], [0.45, 0.55]], 0.60
    return net
