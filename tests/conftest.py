"""Shared test settings: a headless matplotlib and reproducible hypothesis runs."""

import matplotlib

# Agg in this process only: an MPLBACKEND variable would also reach the notebook kernels that
# nbval starts (--nbval-current-env), and there plt.show() must draw inline.
matplotlib.use("Agg")

from hypothesis import settings  # noqa: E402

# Deterministic: the same examples every run, so a failure can be reproduced.
settings.register_profile("nnlearn", derandomize=True, deadline=None, max_examples=60)
settings.load_profile("nnlearn")


import os  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import executions  # noqa: E402
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


# ---- how many times each notebook is executed in this run (tests/executions.py) -----------


def pytest_configure(config):
    """Every kernel of this run logs the cells it runs: a fresh IPYTHONDIR holds the startup file
    that does it, inherited by nbval's kernels (and by xdist's workers, which see the same log).
    ``.ci/run`` sets both up before ``.ci/wheel``, so that the wheel's kernels are counted too."""
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the controller has set it up
    if not os.environ.get(executions.LOG):
        folder = Path(tempfile.mkdtemp(prefix="nnlearn-executions-"))
        os.environ[executions.LOG] = str(folder / "cells.log")
        os.environ["IPYTHONDIR"] = str(folder / "ipython")
    if not os.environ.get("IPYTHONDIR"):
        os.environ["IPYTHONDIR"] = tempfile.mkdtemp(prefix="nnlearn-ipython-")
    executions.install(Path(os.environ["IPYTHONDIR"]))
    config.stash[_EXECUTIONS] = Path(os.environ[executions.LOG])


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """With pytest-xdist (``pytest -n 2``, as in ``.ci/run``): the cells of one notebook go to one
    worker (they share its kernel), and so do all the browser tests (they share one JupyterLab and
    one Chromium) and all the hub tests (one class hub with its OS users); every other test goes
    wherever a worker is free. (``--dist loadgroup`` would say the same with marks, but
    pytest-xdist 3.8 renames the tests in a way pytest 9 ignores: pytest-xdist#1386.)"""
    from xdist.scheduler import LoadScopeScheduling

    class Scheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            path = nodeid.split("::", 1)[0]
            if path.startswith("tests/e2e/"):
                return "browser"
            if path.startswith("tests/hub/"):
                return "hub"
            return path if path.endswith(".ipynb") else nodeid

    return Scheduling(config, log)


def pytest_collection_modifyitems(config, items):
    """In CI, nbval of the notebooks that ``.ci/wheel`` has already checked against the installed
    wheel (the same bytes: their hashes are compared) is not run a second time."""
    checked = executions.checked_elsewhere()
    if not checked:
        return
    done = [item for item in items if type(item).__name__ == "IPyNbCell"
            and checked.get(Path(str(item.fspath)).resolve()) == executions.file_hash(Path(str(item.fspath)))]
    if done:
        config.hook.pytest_deselected(items=done)
        items[:] = [item for item in items if item not in set(done)]


_EXECUTIONS = pytest.StashKey[Path]()


def _executions(config):
    log = config.stash.get(_EXECUTIONS, None)
    return None if log is None else executions.count(log)


def pytest_sessionfinish(session, exitstatus):
    limit = os.environ.get(executions.MAX)
    counted = _executions(session.config)
    if limit and counted and max(counted.values()) > int(limit):
        over = {name: times for name, times in counted.items() if times > int(limit)}
        session.config.stash[_OVER] = f"executed more than {limit} times: {over}"
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_OVER = pytest.StashKey[str]()


_FROM_WORKERS = pytest.StashKey[list]()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """pytest-xdist: what a worker had to say at the end (the browser tests' timings, see
    tests/e2e/conftest.py) is printed by the controller."""
    sections = getattr(node, "workeroutput", {}).get("nnlearn_summary")
    if sections:
        node.config.stash.setdefault(_FROM_WORKERS, []).extend(sections)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    for title, lines in config.stash.get(_FROM_WORKERS, []):
        terminalreporter.section(title)
        for line in lines:
            terminalreporter.write_line(line)
    counted = _executions(config)
    if not counted or not any(counted.values()):
        return
    terminalreporter.section("notebook executions")
    for line in executions.report(counted):
        terminalreporter.write_line(line)
    if config.stash.get(_OVER, None):
        terminalreporter.write_line(f"FAILED: {config.stash[_OVER]} ({executions.MAX})", red=True)
