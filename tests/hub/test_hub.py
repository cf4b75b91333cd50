"""The class hub of ``deploy/hub``, for real: 3 learners and a teacher, on 127.0.0.1.

The hub is started with ``deploy/hub/start`` from a wheel built from this checkout, in an
environment of its own made for this run in a temporary folder (about 30-45 s), with OS users
that exist only for this run; at the end (passed or failed) it is stopped with
``deploy/hub/stop`` and the users are deleted with their homes. Each learner logs in through
the login form and works through the server's REST API and kernel websocket, as JupyterLab does
(``hubsim.py``).

Needs root, useradd, Node.js with npm and a Python every user may run (``/usr/bin/python3``);
without them the tests are skipped with a message, and with ``NNLEARN_HUB=required`` (as in
``.ci/run``) that is a failure. ``NNLEARN_HUB=off`` skips them on purpose;
``NNLEARN_HUB_WEAKEN=home`` or ``=admin`` opens a hole on purpose to watch the isolation test fail.

What is checked: every learner gets a server and a copy of the course and runs chapter 2 with
the same outputs as stored, the slider included; learner A can neither reach learner B's
notebooks, server or kernel through the hub, nor read, list, change or signal them through
the OS; the checks that say so fail when B's home is opened to everyone or A is made an admin;
a 10 GB allocation and an endless loop in one learner's kernel leave the hub and the others'
kernels working; a new wheel mid-term updates the course without overwriting a learner's edit.
"""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import contextlib
import hashlib
import json
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hubsim  # noqa: E402

ROOT = hubsim.ROOT
LEARNERS = 3
MARKER = "Updated for the second half of the term."


def _requirement():
    setting = os.environ.get("NNLEARN_HUB", "").lower()
    if setting == "off":
        pytest.skip("NNLEARN_HUB=off")
    missing = hubsim.missing_requirement()
    if missing:
        message = f"cannot set up the class hub here: {missing} (CI runs it as root with Node.js and npm)"
        if setting == "required":
            pytest.fail(f"NNLEARN_HUB=required but {message}", pytrace=False)
        pytest.skip(message)


class ThreadLoop:
    """An asyncio loop in a thread of its own. In a run without workers the browser tests come first,
    and Playwright's sync API keeps a loop running in the main thread, where no second loop may run."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="hub-tests", daemon=True)
        self.thread.start()

    def run_until_complete(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result()

    def close(self):
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=30)
        self.loop.close()


def run(coroutine):
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as thread:  # see ThreadLoop
        return thread.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    _requirement()
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
                   check=True, timeout=300)
    return next(out.glob("nnlearn-*.whl"))


@pytest.fixture(scope="module")
def hub(wheel):
    # not under pytest's temporary folder, which only root may enter: the learners' servers run
    # the hub's environment from here
    folder = Path(tempfile.mkdtemp(prefix="nnlearn-hub-test-"))
    os.chmod(folder, 0o755)
    hub = hubsim.ClassHub(folder / "home", wheel, LEARNERS)
    began = time.monotonic()
    try:
        hub.start()
        hub.setup_seconds = time.monotonic() - began
        yield hub
    finally:
        stopped = hub.stop()
        if os.environ.get("NNLEARN_HUB_LOG"):  # keep the hub's log, e.g. to see why something failed
            shutil.copy(hub.home / "hub.log", os.environ["NNLEARN_HUB_LOG"])
        problems = hub.remove_users()
        assert stopped.returncode == 0, stopped.stderr
        assert not problems, problems
        left = subprocess.run(["pgrep", "-f", str(hub.home)], capture_output=True, text=True).stdout.split()
        hubsim.end_processes([int(pid) for pid in left])
        shutil.rmtree(folder, ignore_errors=True)
        assert not left, f"processes of the hub outlived deploy/hub/stop: {left}"


@pytest.fixture(scope="module")
def learners(hub):
    """Each learner logged in through the form, with a running server and a kernel that ran chapter 2."""
    passwords = hub.passwords()

    async def arrive(name):
        person = hubsim.Learner(hub.url, name, passwords[name])
        await person.login()
        person.spawn_seconds = await person.spawn(timeout=180)
        person.chapter2 = await person.notebook("02_single_node.ipynb")
        person.live = await person.kernel()
        person.run = await hubsim.run_notebook(person.live, person.chapter2, timeout=120)
        person.slider = await hubsim.move_slider(person.live, value=4.0)
        return person

    async def everyone():
        return await asyncio.gather(*(arrive(name) for name in hub.learners))

    loop = ThreadLoop()
    people = loop.run_until_complete(everyone())
    yield loop, people
    for person in people:
        person.live.close()
        person.close()
    loop.run_until_complete(asyncio.sleep(0.1))  # the readers' cancellations
    loop.close()


def test_every_learner_gets_a_server_and_the_course_and_runs_chapter_2(hub, learners):
    loop, people = learners
    for person in people:
        # the course's package is the wheel's, in the hub's environment (not this checkout)
        where = loop.run_until_complete(person.live.execute("import nnlearn; print(nnlearn.__file__)"))
        assert hubsim.printed(where.outputs)[0].startswith(f"stdout: {hub.home / 'env'}/"), where.outputs
        assert person.chapter2["cells"], person.name
        assert not person.run.lost, (person.name, person.run.lost)
        assert not person.run.wrong, (person.name, person.run.wrong)
        seconds, problem = person.slider
        assert problem is None, (person.name, problem)
        home = Path(pwd.getpwnam(person.name).pw_dir)
        course = home / "nnlearn-course" / "02_single_node.ipynb"
        assert course.stat().st_uid == pwd.getpwnam(person.name).pw_uid, "the course copy is not the learner's own"
        assert (home.stat().st_mode & 0o077) == 0, f"{home} is open to other users"
        assert (home / "nnlearn-course" / "zh" / "02_single_node.ipynb").is_file(), "the Chinese edition is missing"
    print(f"hub set up in {hub.setup_seconds:.0f} s; spawns: {[round(p.spawn_seconds, 1) for p in people]} s")


# ---- isolation -----------------------------------------------------------------------------------

OS_CHECK = r"""
import json, os, signal
other, found = {other!r}, []
home = os.path.expanduser("~" + other)
for what, attempt in [
    ("list the home", lambda: os.listdir(home)),
    ("list the course", lambda: os.listdir(home + "/nnlearn-course")),
    ("read a notebook", lambda: open(home + "/nnlearn-course/02_single_node.ipynb").read(1)),
    ("change a notebook", lambda: open(home + "/nnlearn-course/02_single_node.ipynb", "a").close()),
    ("list the kernels' connection files", lambda: os.listdir(home + "/.local/share/jupyter/runtime")),
]:
    try:
        attempt()
        found.append(what)
    except (PermissionError, FileNotFoundError) as error:
        if isinstance(error, FileNotFoundError) and what != "list the kernels' connection files":
            found.append(what + " (missing, so the check proves nothing)")
import pwd
uid = pwd.getpwnam(other).pw_uid
pids = [int(p) for p in os.listdir("/proc") if p.isdigit() and os.stat("/proc/" + p).st_uid == uid]
if not pids:
    found.append("no process of the other learner to test signals on")
for pid in pids:
    try:
        os.kill(pid, 0)
        found.append(f"signal process {{pid}}")
    except PermissionError:
        pass
    except ProcessLookupError:
        continue
    try:
        open(f"/proc/{{pid}}/environ").read(1)
        found.append(f"read the environment (the server's hub token) of process {{pid}}")
    except (PermissionError, ProcessLookupError, FileNotFoundError):
        pass
print(json.dumps(found))
"""


async def breaches(a: hubsim.Learner, b: hubsim.Learner, b_kernel: str) -> list[str]:
    """Every way learner ``a`` reached learner ``b``'s server, kernel, notebooks or processes (empty: isolated).

    A route counts as closed only when it answers 403 or 404 (anything else, a 400 "already
    running" included, means A was let through). Nothing here harms B when it gets through: the
    write goes to a new file, and asking for B's running server changes nothing.
    """
    found = []
    for method, path, body in [
        ("GET", "contents", None),
        ("GET", "contents/02_single_node.ipynb", None),
        ("PUT", "contents/from-another-learner.txt", {"type": "file", "format": "text", "content": "A was here"}),
        ("GET", "kernels", None),
        ("GET", f"kernels/{b_kernel}", None),
        ("GET", "sessions", None),
        ("GET", "status", None),
    ]:
        status, _, _ = await a.request(method, f"/user/{b.name}/api/{path}", body=body)
        if status not in (403, 404):
            found.append(f"{method} /user/{b.name}/api/{path} answered {status}")
    for method, path in [("GET", f"/hub/api/users/{b.name}"), ("POST", f"/hub/api/users/{b.name}/server"),
                         ("GET", f"/hub/api/users/{b.name}/tokens")]:
        status, _, _ = await a.request(method, path, body={} if method == "POST" else None)
        if status not in (403, 404):
            found.append(f"{method} {path} answered {status}")
    # A's browser (its cookies, no token) asking for B's server: sent to log in, or refused
    status, _, _ = await a.request("GET", f"/user/{b.name}/api/contents", token=False)
    if status not in (302, 403, 404):
        found.append(f"A's browser cookies on /user/{b.name}/api/contents: {status}")
    # B's kernel's websocket with A's credentials
    intruder = hubsim.Kernel(a, b_kernel, owner=b.name)
    try:
        await intruder.open()
        answer = await intruder.execute("print('in')", timeout=10)
        if answer.status == "ok":
            found.append("ran code in B's kernel through its websocket")
        else:
            found.append("opened B's kernel's websocket")
    except Exception:  # noqa: BLE001 (refused: what we want)
        pass
    finally:
        intruder.close()
    # through the OS, from A's own kernel: A's code trying B's files and processes
    answer = await a.live.execute(OS_CHECK.format(other=b.name), timeout=60)
    if answer.status != "ok":
        found.append(f"the OS check did not run: {hubsim.printed(answer.outputs)}")
    else:
        found += [f"OS: {what}" for what in json.loads(hubsim.printed(answer.outputs)[-1].split(": ", 1)[1])]
    return found


@contextlib.contextmanager
def weakened(how: str | None, hub, loop, a: hubsim.Learner, b: hubsim.Learner):
    """Opens a hole on purpose, for as long as the block runs: ``home`` makes B's home, course
    folder and chapter 2 open to every user (chmod 777/666); ``admin`` has the teacher make A an
    admin (A gets a fresh token: B's server caches what it learnt about the old one)."""
    if not how:
        yield
        return
    if how == "home":
        home = Path(pwd.getpwnam(b.name).pw_dir)
        course = home / "nnlearn-course" / "02_single_node.ipynb"
        modes = {path: path.stat().st_mode for path in (home, course.parent, course)}
        try:
            for path in modes:
                path.chmod(0o777 if path.is_dir() else 0o666)
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode & 0o7777)
        return
    assert how == "admin", f"NNLEARN_HUB_WEAKEN is 'home' or 'admin', not {how!r}"
    teacher = hubsim.Learner(hub.url, hub.teacher, hub.passwords()[hub.teacher])
    token = a.token

    async def make_admin(admin):
        if teacher.token is None:
            await teacher.login()
            await teacher.get_token()
        status, _, _ = await teacher.request("PATCH", f"/hub/api/users/{a.name}", body={"admin": admin})
        assert status == 200
        if admin:
            await a.get_token()

    try:
        loop.run_until_complete(make_admin(True))
        yield
    finally:
        a.token = token
        loop.run_until_complete(make_admin(False))
        teacher.close()


def test_a_learner_cannot_reach_another_learners_notebooks_server_or_kernel(hub, learners):
    """``NNLEARN_HUB_WEAKEN=home`` or ``=admin`` opens a hole first (see :func:`weakened`): then this fails."""
    loop, (a, b, c) = learners
    with weakened(os.environ.get("NNLEARN_HUB_WEAKEN"), hub, loop, a, b):
        assert loop.run_until_complete(breaches(a, b, b.live.id)) == []
    assert loop.run_until_complete(breaches(b, c, c.live.id)) == []


def test_the_isolation_check_fails_when_the_other_home_is_open(hub, learners):
    """The same check, with B's home and course opened to everyone on purpose: it must find it."""
    loop, (a, b, _) = learners
    with weakened("home", hub, loop, a, b):
        found = loop.run_until_complete(breaches(a, b, b.live.id))
    print("home opened on purpose, the check finds:", found)
    assert {"OS: list the home", "OS: read a notebook", "OS: change a notebook"} <= set(found), found


def test_the_isolation_check_fails_when_a_is_made_admin(hub, learners):
    """The same check, with A made an admin on purpose (by the teacher): it must find A in B's server."""
    loop, (a, b, _) = learners
    with weakened("admin", hub, loop, a, b):
        found = loop.run_until_complete(breaches(a, b, b.live.id))
    print("A made admin on purpose, the check finds:", found)
    assert any(f"/user/{b.name}/api/contents/02_single_node.ipynb answered 200" in item for item in found), found
    assert any(f"/hub/api/users/{b.name} answered 200" in item for item in found), found
    assert not any(item.startswith("OS:") for item in found), "an admin of the hub gains nothing in the OS"


def test_the_teacher_sees_every_learners_server(hub, learners):
    loop, people = learners
    teacher = hubsim.Learner(hub.url, hub.teacher, hub.passwords()[hub.teacher])

    async def look():
        await teacher.login()
        await teacher.get_token()
        status, _, body = await teacher.request("GET", "/hub/api/users")
        servers = {user["name"]: user["servers"].get("", {}).get("ready") for user in json.loads(body)}
        admin_page, _, _ = await teacher.request("GET", "/hub/admin", token=False)
        opened, _, _ = await teacher.request("GET", f"/user/{people[0].name}/api/contents/02_single_node.ipynb")
        return status, servers, admin_page, opened

    try:
        status, servers, admin_page, opened = loop.run_until_complete(look())
    finally:
        teacher.close()
    assert status == 200 and admin_page == 200
    assert all(servers.get(person.name) for person in people), servers
    assert opened == 200, "the teacher cannot open a learner's notebook"


# ---- a runaway cell ------------------------------------------------------------------------------

LIMITS = """
import resource
cgroup = open("/proc/self/cgroup").read().split("memory:")[1].split()[0]
print(resource.getrlimit(resource.RLIMIT_AS), resource.getrlimit(resource.RLIMIT_CPU),
      resource.getrlimit(resource.RLIMIT_NPROC), "memory cgroup:", cgroup)
"""


FORKS = """
import os, signal, time
children = []
try:
    for _ in range(400):
        pid = os.fork()
        if pid == 0:
            time.sleep(60)
            os._exit(0)
        children.append(pid)
    print("forked", len(children))
except OSError as error:
    print("refused after", len(children), type(error).__name__)
finally:
    for pid in children:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
"""


def test_a_runaway_cell_stops_neither_the_hub_nor_another_learners_kernel(hub, learners):
    loop, (a, b, c) = learners

    async def responsive(person):
        """The learner's kernel answers, and it is the same kernel (chapter 2's data still in it)."""
        began = time.monotonic()
        answer = await person.live.execute("print(sum(range(10**6)), len(hours))", timeout=30)
        return answer.status == "ok" and hubsim.printed(answer.outputs) == ["stdout: 499999500000 30\n"], \
            time.monotonic() - began

    async def hub_answers():
        began = time.monotonic()
        status, _, _ = await a.request("GET", "/hub/api/")
        return status == 200, time.monotonic() - began

    async def scenario():
        report = {}
        limits = await c.live.execute(LIMITS)
        report["limits"] = hubsim.printed(limits.outputs)
        # 10 GB at once: refused by the address-space limit (a MemoryError), the kernel lives on
        big = await c.live.execute("import numpy as np\nx = np.ones(10 * 2**30 // 8)", timeout=60)
        report["10 GB"] = hubsim.printed(big.outputs)
        report["after 10 GB, C's kernel"] = await responsive(c)
        # 1 GB a piece, each within the address space, together over the learner's memory: the
        # cgroup's OOM killer ends C's kernel (the server restarts it); nobody else notices
        grow = asyncio.ensure_future(c.live.execute(
            "import numpy as np\nblocks = []\nfor _ in range(12): blocks.append(np.ones(2**27))", timeout=60))
        report["hub during C's memory growth"] = await hub_answers()
        report["A during C's memory growth"] = await responsive(a)
        report["C's memory growth"] = (await grow).status
        failcnt = Path(f"/sys/fs/cgroup/memory/nnlearn-hub-{hub.group}/{c.name}/memory.failcnt")
        report["C's cgroup memory.failcnt"] = int(failcnt.read_text()) if failcnt.is_file() else None
        report["hub after C's kernel was killed"] = await hub_answers()
        report["A after C's kernel was killed"] = await responsive(a)
        # an endless loop: the others go on, an interrupt stops it
        loop_cell = asyncio.ensure_future(b.live.execute("while True:\n    pass", timeout=90))
        await asyncio.sleep(3)
        report["hub during B's loop"] = await hub_answers()
        report["A during B's loop"] = await responsive(a)
        status, _ = await b.api("POST", f"kernels/{b.live.id}/interrupt")
        report["interrupt"] = status
        report["B's loop"] = hubsim.printed((await loop_cell).outputs)
        report["B after the interrupt"] = await responsive(b)
        # processes: a fork bomb stops at the learner's process limit
        report["forks"] = hubsim.printed((await b.live.execute(FORKS, timeout=60)).outputs)
        report["hub after the forks"] = await hub_answers()
        return report

    report = loop.run_until_complete(scenario())
    print(json.dumps(report, indent=1, default=str))
    assert "(4294967296, 4294967296)" in report["limits"][0] and f"{c.name}" in report["limits"][0], report["limits"]
    assert any("MemoryError" in line for line in report["10 GB"]), report["10 GB"]
    assert report["after 10 GB, C's kernel"][0]
    for what in ("hub during C's memory growth", "hub during B's loop"):
        assert report[what] == (True, report[what][1]) and report[what][1] < 5, (what, report[what])
    assert report["C's cgroup memory.failcnt"] != 0, "the learner's memory limit was never reached"
    for what in ("hub after C's kernel was killed",):
        assert report[what][0] and report[what][1] < 5, (what, report[what])
    for what in ("A during C's memory growth", "A after C's kernel was killed", "A during B's loop",
                 "B after the interrupt"):
        assert report[what][0] and report[what][1] < 20, (what, report[what])
    assert report["C's memory growth"] != "ok", "12 x 1 GB fitted in a learner's 2 GB: no memory limit"
    assert report["interrupt"] == 204 and any("KeyboardInterrupt" in line for line in report["B's loop"])
    refused = re.match(r"stdout: refused after (\d+) BlockingIOError", report["forks"][0]) if report["forks"] else None
    assert refused and int(refused.group(1)) < 256, report["forks"]
    assert report["hub after the forks"][0], report["hub after the forks"]


# ---- a new course mid-term -------------------------------------------------------------------------

def _changed_wheel(wheel: Path, out: Path) -> Path:
    """The same wheel with chapters 2 and 3 (English, notebook and text twin) changed, as a new release would."""
    changed = {f"nnlearn/notebooks/{chapter}.{kind}" for chapter in ("02_single_node", "03_more_inputs")
               for kind in ("ipynb", "md")}
    target = out / wheel.name
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as result:
        record_name = next(name for name in source.namelist() if name.endswith(".dist-info/RECORD"))
        record = source.read(record_name).decode().splitlines()
        for item in source.infolist():
            data = source.read(item)
            if item.filename in changed and item.filename.endswith(".ipynb"):
                notebook = json.loads(data)
                notebook["cells"].insert(0, {"cell_type": "markdown", "id": "term-two", "metadata": {},
                                             "source": MARKER})
                data = (json.dumps(notebook, indent=1, ensure_ascii=False) + "\n").encode()
            elif item.filename in changed:  # the text twin: the same cell, first
                data = f"{MARKER}\n\n+++\n\n".encode() + data
            if item.filename in changed:
                digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                record = [f"{item.filename},sha256={digest},{len(data)}" if line.startswith(item.filename + ",")
                          else line for line in record]
            if item.filename == record_name:
                continue
            result.writestr(item, data)
        result.writestr(record_name, "\n".join(record) + "\n")
    return target


def test_a_new_course_mid_term_keeps_every_learners_edits(hub, learners, wheel, tmp_path):
    loop, (a, b, _) = learners

    async def edit():  # A changes chapter 2 and saves it, as JupyterLab does
        notebook = await a.notebook("02_single_node.ipynb")
        notebook["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "my own note"})
        status, _ = await a.api("PUT", "contents/02_single_node.ipynb",
                                body={"type": "notebook", "format": "json", "content": notebook})
        assert status == 200

    loop.run_until_complete(edit())
    update = hub.command("update", "--wheel", str(_changed_wheel(wheel, tmp_path)))
    assert update.returncode == 0, update.stdout + update.stderr
    assert "kept your changes to 02_single_node.ipynb" in update.stdout, update.stdout

    def text(notebook):
        return "\n".join(cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
                         for cell in notebook["cells"])

    async def look():
        return {(person.name, chapter): text(await person.notebook(chapter))
                for person in (a, b) for chapter in ("02_single_node.ipynb", "03_more_inputs.ipynb")}

    async def log_in_again():  # the server's start copies the course again: A's edit must survive that too
        status, _, _ = await a.request("DELETE", f"/hub/api/users/{a.name}/server")
        assert status in (202, 204)
        for _ in range(120):
            status, _, body = await a.request("GET", f"/hub/api/users/{a.name}")
            if not json.loads(body)["servers"]:
                break
            await asyncio.sleep(0.5)
        await a.spawn(timeout=120)
        return text(await a.notebook("02_single_node.ipynb"))

    seen = loop.run_until_complete(look())
    assert "my own note" in seen[a.name, "02_single_node.ipynb"] and MARKER not in seen[a.name, "02_single_node.ipynb"]
    assert MARKER in seen[a.name, "03_more_inputs.ipynb"]
    assert MARKER in seen[b.name, "02_single_node.ipynb"] and MARKER in seen[b.name, "03_more_inputs.ipynb"]
    again = loop.run_until_complete(log_in_again())
    assert "my own note" in again and MARKER not in again
    a.live.close()
    a.live = loop.run_until_complete(a.kernel())  # for whatever runs after this test


def test_a_learner_in_the_browser(hub, learners):
    """A learner's day in Chromium: the login form, JupyterLab through the hub, chapter 2 run and
    its ``w`` slider moved; the screenshot lands in tests/e2e/artifacts/hub-learner.png."""
    from e2e.conftest import CHROMIUM, CHROMIUM_ARGS, missing_requirements

    missing = missing_requirements()
    if missing:
        if os.environ.get("NNLEARN_E2E", "").lower() == "required":
            pytest.fail(f"NNLEARN_E2E=required but {missing}", pytrace=False)
        pytest.skip(missing)
    from e2e.labpage import LabNotebook
    from playwright.sync_api import sync_playwright

    _, (a, *_) = learners

    def in_chromium():  # in a thread of its own: the browser tests' Playwright may hold this one (see ThreadLoop)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 860})
                page.goto(f"{hub.url}/hub/login")
                page.fill("#username_input", a.name)
                page.fill("#password_input", a.password)
                page.click("#login_submit")
                page.wait_for_url(f"**/user/{a.name}/lab/**", timeout=120_000)  # the hub's default: chapter 1
                page.goto(f"{hub.url}/user/{a.name}/lab/tree/02_single_node.ipynb")
                page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell", timeout=60_000)
                notebook = LabNotebook(page, Path("02_single_node.ipynb"), "02_single_node")
                notebook.wait_for_kernel()
                notebook.run_all()
                moved = notebook.move_slider(0)
                assert moved.seconds is not None, moved.problem
                notebook.sliders().nth(0).scroll_into_view_if_needed()
                page.evaluate("() => document.querySelector('.jupyter-widgets.widget-slider')"
                              ".closest('.jp-Cell').scrollIntoView({block: 'start'})")
                page.wait_for_timeout(300)
                artifacts = Path(__file__).resolve().parents[1] / "e2e" / "artifacts"
                artifacts.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(artifacts / "hub-learner.png"))
                assert notebook.errors() == [], notebook.errors()
            finally:
                browser.close()

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(in_chromium).result()


def test_stop_leaves_nothing_running(hub, learners):
    """Last in this file: deploy/hub/stop ends the hub, the proxy and every learner's processes."""
    loop, people = learners
    for person in people:
        person.live.close()
    pids = hub.pids()
    stopped = hub.stop()
    assert stopped.returncode == 0, stopped.stderr
    for name, pid in pids.items():
        assert not hubsim.alive(pid), f"the {name} (process {pid}) outlived deploy/hub/stop"
    for person in people:
        left = hubsim.processes_of(person.name)
        assert not left, f"{person.name}'s processes outlived deploy/hub/stop: {left}"
    cgroups = [Path(f"/sys/fs/cgroup/{kind}/nnlearn-hub-{hub.group}") for kind in ("memory", "cpu")]
    left = [path for path in cgroups if path.exists()]
    assert not left, f"deploy/hub/stop left the learners' cgroups: {left}"
    shutil.rmtree(hub.home / "state", ignore_errors=True)
