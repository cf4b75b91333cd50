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


@pytest.fixture(autouse=True)
def _close_figures():
    """Every test starts and ends with no open figure (no 'too many figures' warning)."""
    yield
    plt.close("all")
