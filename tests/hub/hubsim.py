"""Simulated learners for the class hub of ``deploy/hub``, on loopback only.

A :class:`ClassHub` starts the hub with ``deploy/hub/start`` in a folder of its own (its own port,
its own class group, its own OS users) and removes all of it again. A :class:`Learner` does what a
learner's browser does: logs in through the hub's login form, asks for its server, reads its copy
of the course, and runs a notebook's code cells through the kernel's websocket; it moves a slider
by sending the slider widget's new value as a comm message, as JupyterLab does, and waits for the
picture the kernel sends back. Used by ``tests/hub/test_hub.py`` (3 learners) and
``benchmarks/hub_load.py`` (a class of 30).
"""

from __future__ import annotations

import asyncio
import configparser
import datetime
import json
import os
import pwd
import re
import shutil
import signal
import struct
import subprocess
import sys
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parents[2]
HUB = ROOT / "deploy" / "hub" / "hub.py"
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"


# ---- can a hub run here? -----------------------------------------------------------------------

def missing_requirement() -> str | None:
    """Why a class hub cannot be set up on this machine, or None when it can."""
    if os.geteuid() != 0:
        return "the hub needs root (it makes OS users and starts servers as them)"
    for tool in ("useradd", "userdel", "chpasswd", "runuser", "node", "npm"):
        if not shutil.which(tool):
            return f"{tool} is not installed"
    if not Path("/usr/bin/python3").exists():
        return "no /usr/bin/python3 (a Python every learner may run)"
    check = subprocess.run(["/usr/bin/python3", "-c", "import venv, ensurepip"], capture_output=True)
    if check.returncode:
        return "/usr/bin/python3 has no venv/ensurepip (apt-get install python3-venv)"
    return None


def free_port(count: int = 3) -> int:
    """A port with ``count - 1`` free ports after it, on 127.0.0.1."""
    import socket

    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port + count >= 65536:
            continue
        try:
            for offset in range(count):
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", port + offset))
            return port
        except OSError:
            continue
    raise RuntimeError("no free ports")


# ---- the hub -------------------------------------------------------------------------------------

class ClassHub:
    """The class hub of ``deploy/hub``, started in ``home`` for ``learners`` and a teacher, and removed again."""

    def __init__(self, home: Path, wheel: Path, learners: int, prefix: str | None = None, *options: str):
        self.home, self.wheel = Path(home), Path(wheel)
        tag = prefix or f"nl{uuid.uuid4().hex[:4]}"
        self.group = f"{tag}-class"
        self.teacher = f"{tag}-teacher"
        self.learners = [f"{tag}-{number:02d}" for number in range(1, learners + 1)]
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.options = options
        self.log_start = 0

    def command(self, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(HUB), *args, "--home", str(self.home)],
                              capture_output=True, text=True, timeout=timeout)

    def start(self, learners: list[str] | None = None) -> subprocess.CompletedProcess:
        self.home.mkdir(parents=True, exist_ok=True)
        class_list = self.home.parent / f"{self.group}.txt"
        class_list.write_text("".join(f"{name}\n" for name in learners or self.learners))
        result = self.command("start", str(class_list), "--teacher", self.teacher, "--group", self.group,
                              "--wheel", str(self.wheel), "--port", str(self.port), *self.options)
        if result.returncode:
            raise RuntimeError(f"deploy/hub/start failed:\n{result.stdout}{result.stderr}\n{self.log()[-4000:]}")
        return result

    def stop(self) -> subprocess.CompletedProcess:
        return self.command("stop", timeout=90)

    def passwords(self) -> dict[str, str]:
        lines = (self.home / "passwords.txt").read_text().splitlines()
        return dict(line.split(",", 1) for line in lines if line)

    def log(self) -> str:
        path = self.home / "hub.log"
        return path.read_text(errors="replace") if path.is_file() else ""

    def pids(self) -> dict[str, int]:
        """The hub's and the proxy's process ids."""
        found = {}
        for name, file in (("hub", "hub.pid"), ("proxy", "proxy.pid")):
            try:
                found[name] = int((self.home / "state" / file).read_text())
            except (OSError, ValueError):
                pass
        return found

    def remove_users(self) -> list[str]:
        """Ends every process of the class's users, deletes the users with their homes, and the group."""
        problems = []
        for name in [*self.learners, self.teacher]:
            try:
                pwd.getpwnam(name)
            except KeyError:
                continue
            subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)  # this class's users only
            for _ in range(20):
                result = subprocess.run(["userdel", "--remove", name], capture_output=True, text=True)
                if result.returncode in (0, 12):  # 12: home not removed (mail spool missing): fine
                    break
                time.sleep(0.25)  # a process of the user was still ending
            else:
                problems.append(f"userdel {name}: {result.stderr.strip()}")
        subprocess.run(["groupdel", self.group], capture_output=True)
        return problems


def alive(pid: int) -> bool:
    """True while the process runs (a zombie, ended but not yet reaped, does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def processes_of(name: str) -> list[int]:
    """The running processes of the OS user ``name``."""
    uid = pwd.getpwnam(name).pw_uid
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and proc.stat().st_uid == uid and alive(int(proc.name)):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_memory(pid: int) -> int:
    """Proportional set size (bytes) of one process."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def user_cpu_seconds(names: list[str]) -> dict[str, float]:
    """CPU time of each user's running processes and of the children they waited for (the course copy)."""
    uids = {pwd.getpwnam(name).pw_uid: name for name in names}
    total = dict.fromkeys(names, 0.0)
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if proc.stat().st_uid in uids:
                    fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                    ticks = sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
                    total[uids[proc.stat().st_uid]] += ticks / os.sysconf("SC_CLK_TCK")
            except (OSError, ValueError):
                continue
    return total


def user_memory(names: list[str]) -> dict[str, int]:
    """Proportional set size (bytes) of all processes of each user: shared libraries split fairly."""
    uids = {pwd.getpwnam(name).pw_uid: name for name in names}
    total = dict.fromkeys(names, 0)
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            uid = proc.stat().st_uid
            if uid not in uids:
                continue
            for line in (proc / "smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total[uids[uid]] += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


# ---- notebooks: what a code cell printed, as nbval compares it --------------------------------

def _sanitizers() -> list[tuple[re.Pattern, str]]:
    parser = configparser.ConfigParser()
    parser.read(SANITIZE)
    return [(re.compile(parser[section]["regex"]), parser[section]["replace"]) for section in parser.sections()]


SANITIZERS = _sanitizers()


def printed(outputs: list[dict]) -> list[str]:
    """What a cell's outputs say in text (streams joined per stream, text/plain, errors), sanitized."""
    texts, streams = [], {}
    for output in outputs:
        kind = output.get("output_type")
        if kind == "stream":
            text = output["text"] if isinstance(output["text"], str) else "".join(output["text"])
            streams[output["name"]] = streams.get(output["name"], "") + text
        elif kind in ("execute_result", "display_data"):
            text = output.get("data", {}).get("text/plain")
            if text is not None and "application/vnd.jupyter.widget-view+json" not in output.get("data", {}):
                texts.append(text if isinstance(text, str) else "".join(text))
        elif kind == "error":
            texts.append(f"{output['ename']}: {output['evalue']}")
    texts += [f"{name}: {text}" for name, text in sorted(streams.items())]
    for pattern, replace in SANITIZERS:
        texts = [pattern.sub(replace, text) for text in texts]
    return texts


def code_cells(notebook: dict) -> list[dict]:
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


def compared(cell: dict) -> bool:
    tags = cell.get("metadata", {}).get("tags", [])
    return not ({"nbval-ignore-output", "nbval-skip"} & set(tags))


# ---- the kernel, through the server's websocket -------------------------------------------------

@dataclass
class Execution:
    """One executed cell: its status, outputs (nbformat-like dicts) and how long it took."""

    status: str = ""
    outputs: list = field(default_factory=list)
    seconds: float = 0.0


def _binary(message: bytes) -> dict:
    """A binary websocket frame of jupyter_server's default protocol: offsets, the JSON message, its buffers."""
    (count,) = struct.unpack("!I", message[:4])
    offsets = list(struct.unpack(f"!{count}I", message[4:4 * (count + 1)])) + [len(message)]
    parts = [message[offsets[i]:offsets[i + 1]] for i in range(count)]
    decoded = json.loads(parts[0])
    decoded["buffers"] = parts[1:]
    return decoded


class Kernel:
    """A kernel of a learner's server, driven through its websocket as JupyterLab does."""

    def __init__(self, learner: Learner, kernel_id: str, owner: str | None = None):
        self.learner, self.id = learner, kernel_id
        self.owner = owner or learner.name  # whose server the kernel is on (another's, to test isolation)
        self.session = uuid.uuid4().hex
        self.waiting: dict[str, tuple[Execution, asyncio.Event, set]] = {}
        self.widgets: dict[str, dict] = {}  # comm id -> the widget model's state, as the kernel last sent it
        self.changed = asyncio.Event()
        self.connection = None
        self.reader = None

    async def open(self) -> Kernel:
        server = self.learner.hub.replace("http", "ws", 1) + f"/user/{self.owner}"
        address = f"{server}/api/kernels/{self.id}/channels"
        request = HTTPRequest(f"{address}?session_id={self.session}", headers=self.learner.auth(),
                              connect_timeout=60, request_timeout=60)
        self.connection = await websocket_connect(request, max_message_size=64 * 2**20)
        self.reader = asyncio.ensure_future(self._read())
        return self

    def close(self) -> None:
        if self.reader:
            self.reader.cancel()
        if self.connection:
            self.connection.close()

    def _message(self, msg_type: str, content: dict, channel: str = "shell") -> dict:
        return {"header": {"msg_id": uuid.uuid4().hex, "username": self.learner.name, "session": self.session,
                           "msg_type": msg_type, "version": "5.3",
                           "date": datetime.datetime.now(datetime.timezone.utc).isoformat()},
                "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": []}

    async def _read(self) -> None:
        while True:
            raw = await self.connection.read_message()
            if raw is None:
                for execution, done, _ in self.waiting.values():
                    execution.status = execution.status or "connection lost"
                    done.set()
                return
            message = _binary(raw) if isinstance(raw, bytes) else json.loads(raw)
            kind, content = message["header"]["msg_type"], message["content"]
            if kind in ("comm_open", "comm_msg") and "state" in content.get("data", {}):
                state = self.widgets.setdefault(content["comm_id"], {})
                state.update(content["data"]["state"])
                for path, buffer in zip(content["data"].get("buffer_paths", []), message.get("buffers", [])):
                    state[path[0]] = bytes(buffer)
                self.changed.set()
            if kind == "status" and content.get("execution_state") in ("restarting", "dead"):
                for execution, done, _ in self.waiting.values():  # the kernel died (the server restarts it)
                    execution.status = f"kernel {content['execution_state']}"
                    done.set()
            parent = message.get("parent_header", {}).get("msg_id")
            if parent not in self.waiting:
                continue
            execution, done, seen = self.waiting[parent]
            if kind == "stream":
                execution.outputs.append({"output_type": "stream", "name": content["name"], "text": content["text"]})
            elif kind in ("execute_result", "display_data"):
                execution.outputs.append({"output_type": kind, "data": content["data"]})
            elif kind == "error":
                execution.outputs.append({"output_type": "error", "ename": content["ename"],
                                          "evalue": content["evalue"]})
            elif kind == "clear_output":
                execution.outputs.clear()
            elif kind == "execute_reply":
                execution.status = content["status"]
                seen.add("reply")
            elif kind == "status" and content["execution_state"] == "idle":
                seen.add("idle")
            if seen == {"reply", "idle"}:
                done.set()

    async def execute(self, code: str, timeout: float = 300) -> Execution:
        """Runs ``code`` as a cell; waits for its reply and for the kernel to be idle again."""
        message = self._message("execute_request", {"code": code, "silent": False, "store_history": True,
                                                    "user_expressions": {}, "allow_stdin": False,
                                                    "stop_on_error": True})
        execution, done = Execution(), asyncio.Event()
        self.waiting[message["header"]["msg_id"]] = (execution, done, set())
        began = time.monotonic()
        await self.connection.write_message(json.dumps(message))
        try:
            await asyncio.wait_for(done.wait(), timeout)
        except asyncio.TimeoutError:
            execution.status = execution.status or f"no reply within {timeout:.0f} s"
        execution.seconds = time.monotonic() - began
        del self.waiting[message["header"]["msg_id"]]
        return execution

    def widget(self, model: str, **state) -> str:
        """The comm id of the widget model ``model`` (e.g. ``FloatSliderModel``) whose state has these values."""
        for comm, known in self.widgets.items():
            if known.get("_model_name") == model and all(known.get(k) == v for k, v in state.items()):
                return comm
        opened = [known.get("_model_name") for known in self.widgets.values()]
        raise LookupError(f"no {model} with {state}; the kernel opened {opened}")

    async def set_widget(self, comm: str, **state) -> None:
        """What JupyterLab sends when a slider moves: the model's new state, as a comm message."""
        message = self._message("comm_msg", {"comm_id": comm, "data": {"method": "update", "state": state,
                                                                        "buffer_paths": []}})
        await self.connection.write_message(json.dumps(message))

    async def wait_for(self, predicate, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not predicate():
            self.changed.clear()
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            try:
                await asyncio.wait_for(self.changed.wait(), left)
            except asyncio.TimeoutError:
                return predicate()
        return True


# ---- a learner ------------------------------------------------------------------------------------

class Learner:
    """One learner's browser, as far as the hub and the server can tell."""

    def __init__(self, hub: str, name: str, password: str):
        self.hub, self.name, self.password = hub, name, password
        self.cookies: dict[str, str] = {}
        self.token = None
        self.client = AsyncHTTPClient(force_instance=True, defaults={"connect_timeout": 60, "request_timeout": 120})

    def auth(self) -> dict:
        return {"Authorization": f"token {self.token}"}

    async def request(self, method: str, path: str, body=None, token: bool = True, form: dict | None = None,
                      timeout: float = 120):
        """One request to the hub (no redirects followed); returns (status, headers, body bytes)."""
        headers = dict(self.auth()) if token and self.token else {}
        if self.cookies and not token:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            if "_xsrf" in self.cookies:
                headers["X-XSRFToken"] = self.cookies["_xsrf"]
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None and not isinstance(body, (str, bytes)):
            body = json.dumps(body)
            headers["Content-Type"] = "application/json"
        if method in ("POST", "PUT", "PATCH") and body is None:
            body = ""
        try:
            answer = await self.client.fetch(HTTPRequest(self.hub + path, method=method, body=body, headers=headers,
                                                         follow_redirects=False, request_timeout=timeout))
        except HTTPClientError as error:
            answer = error.response
            if answer is None:
                return error.code, {}, str(error).encode()
        for header in answer.headers.get_list("Set-Cookie"):
            cookie = SimpleCookie(header)
            for key, morsel in cookie.items():
                self.cookies[key] = morsel.value
        return answer.code, answer.headers, answer.body or b""

    async def login(self) -> None:
        """Through the login form, as a browser: the page (for its XSRF cookie), then the form."""
        status, _, _ = await self.request("GET", "/hub/login", token=False)
        if status != 200:
            raise RuntimeError(f"{self.name}: GET /hub/login answered {status}")
        status, headers, body = await self.request(
            "POST", "/hub/login?next=", token=False,
            form={"username": self.name, "password": self.password, "_xsrf": self.cookies.get("_xsrf", "")})
        if status != 302 or "jupyterhub-hub-login" not in self.cookies:
            raise RuntimeError(f"{self.name}: login refused ({status}): {body[:300]!r}")

    async def get_token(self) -> None:
        """An API token for this learner (what JupyterLab's hub extension does with the session cookie)."""
        status, _, body = await self.request("POST", f"/hub/api/users/{self.name}/tokens", token=False,
                                             body={"note": "simulated learner", "expires_in": 3600})
        if status != 201:
            raise RuntimeError(f"{self.name}: no token ({status}): {body[:300]!r}")
        self.token = json.loads(body)["token"]

    async def spawn(self, timeout: float = 300) -> float:
        """Asks for the server as a browser does after login (GET /hub/spawn); returns the seconds until it is ready."""
        began = time.monotonic()
        status, _, body = await self.request("GET", "/hub/spawn", token=False, timeout=timeout)
        if status not in (200, 302):
            raise RuntimeError(f"{self.name}: /hub/spawn answered {status}: {body[:300]!r}")
        if self.token is None:
            await self.get_token()
        while time.monotonic() - began < timeout:
            status, _, body = await self.request("GET", f"/hub/api/users/{self.name}")
            server = json.loads(body).get("servers", {}).get("", {}) if status == 200 else {}
            if server.get("ready"):
                return time.monotonic() - began
            if status == 200 and not server:
                raise RuntimeError(f"{self.name}: the server failed to start")
            await asyncio.sleep(0.5)
        raise RuntimeError(f"{self.name}: the server was not ready within {timeout:.0f} s")

    async def api(self, method: str, path: str, body=None, timeout: float = 120):
        """A request to this learner's server's REST API; returns (status, decoded JSON or text)."""
        status, _, data = await self.request(method, f"/user/{self.name}/api/{path}", body=body, timeout=timeout)
        try:
            return status, json.loads(data) if data else None
        except ValueError:
            return status, data.decode(errors="replace")

    async def notebook(self, path: str) -> dict:
        status, model = await self.api("GET", f"contents/{path}?content=1")
        if status != 200:
            raise RuntimeError(f"{self.name}: {path} not in the course copy ({status}: {model})")
        return model["content"]

    async def kernel(self) -> Kernel:
        status, model = await self.api("POST", "kernels", body={"name": "python3"})
        if status != 201:
            raise RuntimeError(f"{self.name}: no kernel ({status}: {model})")
        return await Kernel(self, model["id"]).open()

    def close(self) -> None:
        self.client.close()


@dataclass
class NotebookRun:
    """A notebook's code cells run in order: per cell its execution, and which outputs differ from the stored ones."""

    cells: list = field(default_factory=list)
    wrong: list = field(default_factory=list)  # (cell number, expected, got)
    lost: list = field(default_factory=list)  # (cell number, status): no reply, or an error
    seconds: float = 0.0
    first_reply: float | None = None  # time.monotonic() when the first cell's reply came


async def run_notebook(kernel: Kernel, notebook: dict, timeout: float = 300, cwd: str | None = None) -> NotebookRun:
    """Runs every code cell in order and compares what it printed with the notebook's stored outputs."""
    run = NotebookRun()
    began = time.monotonic()
    if cwd:
        await kernel.execute(f"import os; os.chdir({cwd!r})")
    for number, cell in enumerate(code_cells(notebook), 1):
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        execution = await kernel.execute(source, timeout)
        run.cells.append(execution)
        if run.first_reply is None:
            run.first_reply = time.monotonic()
        if execution.status != "ok":
            run.lost.append((number, execution.status, printed(execution.outputs)[-1:]))
            break
        if compared(cell) and printed(cell.get("outputs", [])) != printed(execution.outputs):
            run.wrong.append((number, printed(cell.get("outputs", [])), printed(execution.outputs)))
    run.seconds = time.monotonic() - began
    return run


CHECK_LINE_FIT = """
_fit = [o for o in Out.values() if hasattr(o, "picture") and hasattr(o, "result")][-1]
print(repr((float(_fit.result.w), float(_fit.result.b), float(_fit.result.error))))
"""


async def move_slider(kernel: Kernel, value: float = 4.0, timeout: float = 60) -> tuple[float | None, str | None]:
    """Chapter 2's widget: moves the ``w`` slider to ``value`` as JupyterLab does, waits for the new picture,
    and checks the line the kernel drew and its error against nnlearn's own numbers.

    Returns (seconds from the move to the new picture, what was wrong or None)."""
    try:
        slider = kernel.widget("FloatSliderModel", description="w (slope)")
        picture = kernel.widget("ImageModel")
    except LookupError as error:
        return None, str(error)
    before = kernel.widgets[picture].get("value")
    began = time.monotonic()
    await kernel.set_widget(slider, value=value)
    arrived = await kernel.wait_for(lambda: kernel.widgets[picture].get("value") not in (None, before), timeout)
    seconds = time.monotonic() - began
    if not arrived:
        return None, f"no new picture within {timeout} s of moving the slider"
    png = kernel.widgets[picture]["value"]
    if not png.startswith(b"\x89PNG"):
        return seconds, "the new picture is not a PNG"
    answer = await kernel.execute(CHECK_LINE_FIT, timeout)
    try:
        w, b, error = eval(printed(answer.outputs)[-1].split(": ", 1)[1])  # "stdout: (w, b, error)"
    except Exception:  # noqa: BLE001 (anything unreadable is a wrong output)
        return seconds, f"the widget's state could not be read: {printed(answer.outputs)}"
    expected = expected_line_error(value, b)
    if abs(w - value) > 1e-9 or abs(error - expected) > 1e-6 * max(1, expected):
        return seconds, f"after the move the kernel drew w={w}, error={error}; expected w={value}, error={expected}"
    return seconds, None


def expected_line_error(w: float, b: float) -> float:
    """The error chapter 2's title shows for the line w x + b, computed here, outside the learner's kernel."""
    import numpy as np

    from nnlearn.data import study_hours

    hours, scores = study_hours()
    return float(np.mean(0.5 * (scores - (w * hours + b)) ** 2))


def end_processes(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
