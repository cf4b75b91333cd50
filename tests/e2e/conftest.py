"""Fixtures for the browser tests: one JupyterLab server and one headless Chromium per run.

The server runs on 127.0.0.1, a free port and a random token, with fresh Jupyter, IPython
and matplotlib directories and a copy of the notebooks in a temporary directory, so that
nothing a learner has set (workspaces, settings, trusted notebooks) leaks into the run and
the run leaves nothing behind. Its kernel is the Python running pytest (the project's
environment). The server is stopped by its own process id at the end of the run.

Without Chromium or Playwright the tests are skipped with a message saying how to enable
them; with ``NNLEARN_E2E=required`` (as in ``.ci/run``) that is a failure instead.
``NNLEARN_E2E=off`` skips them on purpose; the slider notebooks are also checked as Voila apps
(``NNLEARN_E2E_VOILA=0`` leaves those out). ``NNLEARN_E2E_NOTEBOOKS=DIR`` runs them on the
notebooks of another folder (for example a copy with a slider broken on purpose).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import executions
import pytest

from .labpage import notebooks_dir, relative_name

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
SERVER_START_TIMEOUT = 120  # seconds; the first start on a busy machine is slow

HOW_TO_ENABLE = (
    "to run the browser tests: `apt-get install -y chromium` (Debian's Chromium at "
    f"{CHROMIUM}; never `playwright install`) and `pip install -e \".[test]\"` (Playwright, Voila); "
    "NNLEARN_E2E=required turns this skip into a failure"
)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    # Nothing but the local server resolves: the tests never reach the network.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]

REPORT = pytest.StashKey["Report"]()


def missing_requirements() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    missing = []
    if importlib.util.find_spec("playwright") is None:
        missing.append("Playwright (the Python package) is not installed")
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(f"Chromium is not installed at {CHROMIUM}")
    return "; ".join(missing) or None


def skip_or_fail(reason: str) -> None:
    message = f"{reason}; {HOW_TO_ENABLE}"
    if os.environ.get("NNLEARN_E2E", "").lower() == "required":
        pytest.fail(f"NNLEARN_E2E=required but {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def e2e_enabled() -> None:
    """Skips (or, when required, fails) every browser test that cannot run here."""
    if os.environ.get("NNLEARN_E2E", "").lower() == "off":
        pytest.skip("browser tests turned off by NNLEARN_E2E=off")
    reason = missing_requirements()
    if reason:
        skip_or_fail(reason)


# ---- the JupyterLab server ----------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running Jupyter server: where it is, how to reach it, what it serves."""

    url: str
    token: str
    root: Path
    process: subprocess.Popen
    log: Path

    def api(self, path: str, method: str = "GET", timeout: float = 10) -> object:
        request = urllib.request.Request(
            f"{self.url}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Stops every kernel of the server (kernels run in their own process groups)."""
        for kernel in self.api("/api/kernels"):
            with contextlib.suppress(urllib.error.URLError, OSError):
                self.api(f"/api/kernels/{kernel['id']}", method="DELETE", timeout=30)

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def write_settings(config_dir: Path) -> None:
    """User settings of a learner who is not asked about news or updates."""
    settings = config_dir / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )


def wait_until_ready(url: str, token: str, process: subprocess.Popen, log: Path, what: str) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with code {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}?token={token}", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} not ready after {SERVER_START_TIMEOUT} s:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)  # polling a server that is starting: nothing to wait on but time


def stop(process: subprocess.Popen) -> None:
    """Stops a process started in its own session, and its group, by its own process id."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def fresh_environment(base: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR", "JUPYTER_DATA_DIR"):
        directory = base / name.lower()
        directory.mkdir()
        env[name] = str(directory)
    executions.install(Path(env["IPYTHONDIR"]))  # its kernels log their cells too (tests/executions.py)
    # The kernel draws with the inline backend, as for a learner; pytest's Agg setting is not passed on.
    env.pop("MPLBACKEND", None)
    env.pop("PYTHONWARNINGS", None)
    return env


@pytest.fixture(scope="session")
def jupyter_server(e2e_enabled, tmp_path_factory) -> Server:
    """JupyterLab serving a copy of the notebooks, shared by every browser test of the run."""
    base = tmp_path_factory.mktemp("jupyterlab")
    root = base / "notebooks"
    shutil.copytree(notebooks_dir(), root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    env = fresh_environment(base)
    write_settings(Path(env["JUPYTER_CONFIG_DIR"]))
    port, token = free_port(), secrets.token_hex(24)
    command = [
        sys.executable, "-m", "jupyter", "lab",  # the kernel's "python" becomes this Python
        "--no-browser", "--allow-root", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        # If pytest is killed before its teardown, the orphaned server stops by itself.
        "--ServerApp.shutdown_no_activity_timeout=300",
    ]
    log = base / "jupyterlab.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            command, env=env, cwd=root, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = Server(f"http://127.0.0.1:{port}", token, root, process, log)
    try:
        wait_until_ready(f"{server.url}/api/status", token, process, log, "JupyterLab")
        specs = server.api("/api/kernelspecs")
        assert "python3" in specs["kernelspecs"], f"no python3 kernel: {specs}"
        yield server
    finally:
        with contextlib.suppress(urllib.error.URLError, OSError):
            server.shutdown_kernels()
        stop(process)


@pytest.fixture(scope="session")
def voila_server(e2e_enabled, jupyter_server, tmp_path_factory) -> Server:
    """Voila serving the same copy of the notebooks (Voila is in the test extra).

    ``NNLEARN_E2E_VOILA=0`` leaves these checks out. Voila runs a notebook with nbclient, which
    used to stall at a slider cell now and then (jupyter/nbclient#312: a picture displayed
    into an output area is copied back to the kernel in a race with the cell's reply); the
    sliders now show their picture in an Image widget, which avoids that path.
    """
    if os.environ.get("NNLEARN_E2E_VOILA") == "0":
        pytest.skip("Voila checks turned off by NNLEARN_E2E_VOILA=0")
    if importlib.util.find_spec("voila") is None:
        skip_or_fail("Voila is not installed")
    base = tmp_path_factory.mktemp("voila")
    env = fresh_environment(base)
    port, token = free_port(), secrets.token_hex(24)
    command = [
        sys.executable, "-m", "voila", str(jupyter_server.root),
        "--no-browser", "--Voila.ip=127.0.0.1", f"--port={port}", f"--token={token}",
        "--show_tracebacks=True",  # an error shows its traceback, as in JupyterLab
    ]
    log = base / "voila.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            command, env=env, cwd=jupyter_server.root, stdout=out, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
    server = Server(f"http://127.0.0.1:{port}", token, jupyter_server.root, process, log)
    try:
        wait_until_ready(f"{server.url}/voila/static/voila.js", token, process, log, "Voila")
        yield server
    finally:
        stop(process)


# ---- the browser ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(e2e_enabled):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def browser_context(browser):
    """One browser context for the whole run: pages share its cookies (the token is set once)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, device_scale_factor=1)
    context.set_default_timeout(30_000)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture(scope="session")
def lab_page(browser_context, jupyter_server):
    """JupyterLab, loaded once in one page (a fresh workspace); notebooks are opened in it in turn."""
    page = browser_context.new_page()
    page.browser_errors = []
    page.on("pageerror", lambda error: page.browser_errors.append(str(error)))
    page.goto(f"{jupyter_server.url}/lab/workspaces/e2e?reset&token={jupyter_server.token}")
    page.wait_for_selector(".jp-DirListing-item", timeout=120_000)
    try:
        yield page
    finally:
        page.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Screenshots of this run only: those of an earlier run are removed first."""
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink(missing_ok=True)
    return ARTIFACTS


# ---- slider latencies, printed at the end of the run ---------------------------------


@dataclass
class Report:
    """What the run measured and noticed, per notebook, printed at the end of the run."""

    latencies: dict[str, list[float]] = field(default_factory=dict)  # seconds, slider move -> new picture
    run_all: dict[str, float] = field(default_factory=dict)  # seconds
    notes: dict[str, list[str]] = field(default_factory=dict)  # worth a look, not failures

    def add(self, notebook: str, seconds: float) -> None:
        self.latencies.setdefault(notebook, []).append(seconds)

    def note(self, notebook: str, text: str) -> None:
        self.notes.setdefault(notebook, []).append(text)


def pytest_configure(config):
    config.stash[REPORT] = Report()
    config.addinivalue_line("markers", "notebooks(*paths): the test checks only these notebooks of the course "
                            "(paths inside the course, e.g. zh/02_single_node.ipynb); the others deselect it")


def pytest_collection_modifyitems(config, items):
    """A test marked ``notebooks(...)`` runs on the shared run of those notebooks only (deselected, not skipped,
    for the others: each notebook runs once, and every check of it uses that run)."""
    keep, drop = [], []
    for item in items:
        marker = item.get_closest_marker("notebooks")
        params = getattr(item, "callspec", None) and item.callspec.params
        path = params.get("lab_notebook") if params else None
        (drop if marker and path is not None and relative_name(path) not in marker.args else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(scope="session")
def e2e_report(request) -> Report:
    return request.config.stash[REPORT]


SUMMARY_TITLE = "notebooks in JupyterLab (and Voila): Run All, and slider move -> new picture"


def summary_lines(report: Report) -> list[str]:
    lines = []
    for notebook in sorted(set(report.run_all) | set(report.latencies)):
        run_all = report.run_all.get(notebook)
        line = f"{notebook:<30}" + (f" Run All {run_all:5.1f} s" if run_all is not None else " " * 16)
        values = report.latencies.get(notebook)
        if values:
            line += (
                f"   sliders: median {statistics.median(values):5.2f} s, max {max(values):5.2f} s,"
                f" {len(values)} moves"
            )
        lines.append(line)
    for notebook, notes in sorted(report.notes.items()):
        for text in notes:
            lines.append(f"{notebook}: {text}")
    return lines


def pytest_sessionfinish(session):
    """In a pytest-xdist worker, the summary goes to the controller (tests/conftest.py prints it)."""
    report = session.config.stash.get(REPORT, None)
    if hasattr(session.config, "workeroutput") and report and (report.run_all or report.latencies or report.notes):
        session.config.workeroutput["nnlearn_summary"] = [(SUMMARY_TITLE, summary_lines(report))]


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    report = config.stash.get(REPORT, None)
    if not report or not (report.run_all or report.latencies or report.notes):
        return
    terminalreporter.section(SUMMARY_TITLE)
    for line in summary_lines(report):
        terminalreporter.write_line(line)


# ---- a screenshot of the page when a browser test fails -------------------------------


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and call.when == "call":
        lab = item.funcargs.get("lab_notebook") if hasattr(item, "funcargs") else None
        if lab is not None:
            name = f"{lab.stem}--{item.originalname}--FAILED.png"
            with contextlib.suppress(Exception):
                lab.screenshot(ARTIFACTS / name)
                report.sections.append(("screenshot", str(ARTIFACTS / name)))
    return report
