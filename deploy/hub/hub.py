"""Start, update and stop the class's JupyterHub on this machine (run as root; standard library only).

    deploy/hub/start CLASS_LIST [--teacher NAME] [--wheel WHEEL] [--port 8000] [--ip 127.0.0.1] ...
    deploy/hub/update [--wheel WHEEL]      # a new course mid-term: every learner's copy updated now
    deploy/hub/stop

``start`` does everything on a fresh machine: the hub's Python environment (``HOME/env``) with the
course's wheel, JupyterHub and the idle culler; the proxy (``npm install`` into ``HOME/proxy``); an
OS user per name in the class list and one for the teacher (new ones get a password, listed in
``HOME/passwords.txt``, readable by root only); then the hub, in the background. Run it again with
a longer class list to add learners (the running hub lets them in at once). ``HOME`` is
``/opt/nnlearn-hub`` unless ``--home`` says otherwise; every other command finds the hub there.
"""

from __future__ import annotations

import argparse
import grp
import hashlib
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent.parent
DEFAULT_HOME = Path("/opt/nnlearn-hub")
GROUP = "nnlearn-class"
PROXY = "configurable-http-proxy@5.3.0"
NAME = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")


def cgroups(group: str) -> list[Path]:
    """The parents of this hub's learners' cgroups (one hub per class group on a machine)."""
    return [Path("/sys/fs/cgroup") / kind / f"nnlearn-hub-{group}" for kind in ("memory", "cpu")]


class HubError(Exception):
    """What went wrong, and what to do."""


def say(text: str) -> None:
    print(f"nnlearn hub: {text}", flush=True)


def run(*command, **options) -> subprocess.CompletedProcess:
    result = subprocess.run([str(part) for part in command], text=True, capture_output=True, **options)
    if result.returncode:
        raise HubError(f"{' '.join(map(str, command))} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result


# ---- the class list and the OS users ---------------------------------------------------------

def read_class(path: Path) -> list[tuple[str, str | None]]:
    """``name`` or ``name password`` per line; blank lines and ``# comments`` are skipped."""
    learners = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if not NAME.match(words[0]) or len(words) > 2:
            raise HubError(f"{path}:{number}: {line.strip()!r} is not 'name' or 'name password' "
                           "(a name: lower-case letters, digits, - and _, at most 32, not starting with a digit)")
        learners.append((words[0], words[1] if len(words) == 2 else None))
    if not learners:
        raise HubError(f"{path} names no learner")
    return learners


def ensure_user(name: str, password: str | None, passwords: Path, group: str) -> bool:
    """Makes the OS user ``name`` (home folder readable by that user only) if missing; True if made."""
    try:
        pwd.getpwnam(name)
        made = False
    except KeyError:
        run("useradd", "--create-home", "--shell", "/bin/bash", "--groups", group, name)
        password = password or secrets.token_urlsafe(9)
        run("chpasswd", input=f"{name}:{password}\n")
        with passwords.open("a", encoding="utf-8") as out:
            out.write(f"{name},{password}\n")
        made = True
    run("usermod", "--append", "--groups", group, name)
    # useradd's default (UMASK 022 in Debian's login.defs) leaves a home readable by every user
    os.chmod(pwd.getpwnam(name).pw_dir, 0o700)
    return made


# ---- the environment, the proxy, the files the hub reads -------------------------------------

def _runs_for_everyone(python: str) -> bool:
    """True if a user other than root can run ``python`` (pyenv's, under /root, cannot)."""
    return subprocess.run(["runuser", "-u", "nobody", "--", python, "-c", "import venv"],
                          capture_output=True).returncode == 0


def choose_python(asked: str | None) -> str:
    for python in [asked] if asked else ["/usr/bin/python3", sys.executable]:
        if python and Path(python).exists() and _runs_for_everyone(python):
            return python
    raise HubError(f"no Python that every user may run ({asked or '/usr/bin/python3, ' + sys.executable}); "
                   "install one (apt-get install python3-venv) or name it with --python")


def build_wheel(home: Path, env: Path) -> Path:
    if not (REPOSITORY / "pyproject.toml").is_file():
        raise HubError("no --wheel given and no repository to build it from: name the course's wheel with --wheel")
    out = home / "wheels"
    shutil.rmtree(out, ignore_errors=True)
    say(f"building the course's wheel from {REPOSITORY}")
    run(env / "bin" / "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", out, REPOSITORY)
    return next(out.glob("nnlearn-*.whl"))


def install(home: Path, wheel: Path | None, python: str | None) -> Path:
    """The hub's environment with the course's wheel in it; returns its folder."""
    env = home / "env"
    if not (env / "bin" / "python").exists():
        python = choose_python(python)
        say(f"making the hub's environment in {env} (Python {python})")
        run(python, "-m", "venv", env)
        run(env / "bin" / "pip", "install", "--quiet", "--upgrade", "pip")
    wheel = Path(wheel).resolve() if wheel else build_wheel(home, env)
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    record = home / "installed-wheel.sha256"
    if not record.is_file() or record.read_text().strip() != digest:
        say(f"installing {wheel.name}, JupyterHub and the idle culler (a few minutes the first time)")
        # the course may change without a new version number: reinstall nnlearn itself every time it changed
        run(env / "bin" / "pip", "install", "--quiet", wheel, "-r", HERE / "requirements.txt")
        run(env / "bin" / "pip", "install", "--quiet", "--no-deps", "--force-reinstall", wheel)
        record.write_text(digest + "\n")
    # JupyterLab's settings for everyone on this hub: no pop-up asking each learner about news
    overrides = env / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    overrides.parent.mkdir(parents=True, exist_ok=True)
    settings = json.loads(overrides.read_text()) if overrides.is_file() else {}
    settings.setdefault("@jupyterlab/apputils-extension:notification", {})["fetchNews"] = "false"
    overrides.write_text(json.dumps(settings, indent=1) + "\n")
    return env


def install_proxy(home: Path) -> None:
    if (home / "proxy" / "node_modules" / ".bin" / "configurable-http-proxy").exists():
        return
    if not shutil.which("npm"):
        raise HubError("npm is missing: install Node.js 18 or newer with npm (apt-get install nodejs npm)")
    say(f"installing the proxy ({PROXY}) with npm")
    run("npm", "install", "--prefix", home / "proxy", "--no-audit", "--no-fund", PROXY)


def write_files(home: Path, env: Path, options) -> None:
    for name in ("jupyterhub_config.py", "singleuser.sh"):
        shutil.copy(HERE / name, home / name)
    first = "zh/01_structure.ipynb" if options.lang == "zh" else "01_structure.ipynb"
    settings = {
        "env": str(env), "ip": options.ip, "port": options.port, "server_ports": options.server_ports,
        "teacher": options.teacher, "group": options.group,
        "default_url": f"/lab/tree/{first}", "idle_timeout": options.idle_timeout,
        "ssl_cert": options.ssl_cert, "ssl_key": options.ssl_key,
        "limits": {"memory": options.memory, "cpus": options.cpus, "address_space": options.address_space,
                   "cpu_time": options.cpu_time, "processes": options.processes},
    }
    (home / "settings.json").write_text(json.dumps(settings, indent=1) + "\n")
    # the learners' servers run the environment and singleuser.sh: readable by all, writable by root
    for path in (home, home / "singleuser.sh"):
        path.chmod(0o755)
    state = home / "state"
    state.mkdir(exist_ok=True)
    state.chmod(0o700)  # the database, the cookie secret


# ---- the hub process --------------------------------------------------------------------------

def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def hub_pid(home: Path) -> int | None:
    try:
        pid = int((home / "state" / "hub.pid").read_text())
    except (OSError, ValueError):
        return None
    return pid if alive(pid) else None


def url(settings: dict) -> str:
    scheme = "https" if settings.get("ssl_cert") else "http"
    return f"{scheme}://{settings['ip']}:{settings['port']}/"


def wait_until_up(home: Path, pid: int, timeout: float = 90) -> None:
    settings = json.loads((home / "settings.json").read_text())
    address = url(settings) + "hub/api/"  # through the proxy, as the class reaches it
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            raise HubError(f"the hub stopped while starting; its log: {home / 'hub.log'}") from None
        try:
            with urllib.request.urlopen(address, timeout=3) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    raise HubError(f"the hub did not answer at {address} within {timeout:.0f} s; its log: {home / 'hub.log'}")


def start(options) -> int:
    if os.geteuid() != 0:
        raise HubError("run as root: the hub makes OS users and starts servers as them")
    home = Path(options.home).resolve()
    home.mkdir(parents=True, exist_ok=True)
    learners = read_class(Path(options.class_list))
    subprocess.run(["groupadd", "--force", options.group], check=True)
    env = install(home, options.wheel, options.python)
    install_proxy(home)
    passwords = home / "passwords.txt"
    passwords.touch(mode=0o600)
    made = [name for name, password in [(options.teacher, None), *learners]
            if ensure_user(name, password, passwords, options.group)]
    say(f"{len(learners)} learners and the teacher {options.teacher!r}: {len(made)} new user(s); "
        f"new users' passwords are in {passwords} (root only)")
    pid = hub_pid(home)
    if pid:
        settings = json.loads((home / "settings.json").read_text())
        say(f"already running at {url(settings)} (process {pid}); new learners can log in now. "
            "To change its settings, stop it and start it again.")
        return 0
    write_files(home, env, options)
    if not _runs_for_everyone(str(env / "bin" / "python")):
        raise HubError(f"the learners cannot run {env / 'bin' / 'python'}: every folder above {home} must be "
                       "open to all users (chmod o+x), as /opt is; choose another --home")
    log = (home / "hub.log").open("ab")
    # A clean environment: the hub hands PYTHONPATH and the like on to every learner's server, so
    # nothing of the shell that ran this command (a PYTHONPATH, a virtual environment) may leak in.
    clean = {"PATH": f"{env / 'bin'}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
             "LANG": "C.UTF-8", "HOME": str(Path.home())}
    process = subprocess.Popen(
        [env / "bin" / "jupyterhub", "-f", home / "jupyterhub_config.py"], cwd=home / "state",
        stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True, env=clean)
    wait_until_up(home, process.pid)
    settings = json.loads((home / "settings.json").read_text())
    say(f"running at {url(settings)} (process {process.pid}, log {home / 'hub.log'}); "
        f"the teacher's admin page: {url(settings)}hub/admin")
    return 0


def _left_behind(home: Path, group: str) -> list[int]:
    """Processes of this hub still running: in its learners' cgroups, or started from its folder."""
    pids = set()
    for folder in cgroups(group):
        for procs in folder.glob("*/cgroup.procs"):
            pids.update(int(pid) for pid in procs.read_text().split())
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and f"{home}/".encode() in (proc / "cmdline").read_bytes():
                pids.add(int(proc.name))
        except OSError:
            continue
    pids.discard(os.getpid())
    return sorted(pids)


def stop(options) -> int:
    home = Path(options.home).resolve()
    pid = hub_pid(home)
    if pid is None:
        say(f"no hub running from {home}")
    else:
        os.kill(pid, signal.SIGTERM)  # the hub stops the learners' servers and its proxy, then exits
        deadline = time.monotonic() + 30
        while alive(pid) and time.monotonic() < deadline:  # (it removes its pid file before it is done)
            time.sleep(0.2)
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
            say(f"the hub (process {pid}) did not stop within 30 s: killed")
    for pid_file in [home / "state" / "proxy.pid"]:
        try:
            os.kill(int(pid_file.read_text()), signal.SIGTERM)
        except (OSError, ValueError):
            pass
    group = json.loads((home / "settings.json").read_text())["group"] if (home / "settings.json").is_file() else GROUP
    left = _left_behind(home, group)  # anything that outlived the hub: a learner's kernel, a service
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    time.sleep(0.2 if left else 0)
    for folder in cgroups(group):  # the learners' cgroups, then their parent (each only if empty)
        for learner in [*(path for path in folder.glob("*") if path.is_dir()), folder]:
            try:
                learner.rmdir()
            except OSError:
                pass
    say("stopped" + (f" (ended {len(left)} learner process(es) left behind)" if left else ""))
    return 0


def update(options) -> int:
    """A new course mid-term: the new wheel into the hub's environment, then every learner's copy
    updated now, as that learner (a notebook the learner changed is kept, as at every login)."""
    home = Path(options.home).resolve()
    settings = json.loads((home / "settings.json").read_text())
    env = install(home, options.wheel, None)
    members = sorted(set(grp.getgrnam(settings["group"]).gr_mem))
    for name in members:
        folder = Path(pwd.getpwnam(name).pw_dir) / "nnlearn-course"
        if not folder.is_dir():
            continue  # not logged in yet: the first login copies the new course
        runuser = shutil.which("runuser") or "/usr/sbin/runuser"
        answer = run(runuser, "-u", name, "--", env / "bin" / "nnlearn", "course", folder, "--copy-only",
                     cwd="/", env={"PATH": "/usr/bin:/bin", "HOME": str(folder.parent), "LANG": "C.UTF-8"})
        say(f"{name}: {answer.stdout.strip()}")
    say(f"updated; a learner whose server is running sees the new notebooks now, and the new nnlearn "
        f"in a kernel started from now on (Kernel > Restart). Hub: {url(settings)}")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="deploy/hub/hub.py", description=__doc__.split("\n\n")[0])
    commands = main.add_subparsers(dest="command", required=True)
    begin = commands.add_parser("start", help="set up what is missing and start the hub")
    begin.add_argument("class_list", metavar="CLASS_LIST",
                       help="a file: one learner per line, 'name' or 'name password'")
    begin.add_argument("--teacher", default="teacher", help="the teacher's user name, an admin (default: teacher)")
    begin.add_argument("--wheel", help="the course's wheel (default: build it from this repository)")
    begin.add_argument("--ip", default="127.0.0.1", help="the address the class connects to (default: 127.0.0.1, "
                       "this machine only; 0.0.0.0 for every network of the machine)")
    begin.add_argument("--port", type=int, default=8000, help="the class's port (default 8000); "
                       "the hub's API and the proxy's take the next two")
    begin.add_argument("--group", default=GROUP, help=f"the class's OS group: who may log in (default {GROUP})")
    begin.add_argument("--server-ports", type=int, default=20000,
                       help="each learner's server listens on 127.0.0.1, port SERVER_PORTS + (uid mod 10000)")
    begin.add_argument("--lang", choices=["en", "zh"], default="en", help="the edition JupyterLab opens first")
    begin.add_argument("--memory", default="2G", help="memory of all of a learner's processes together (default 2G)")
    begin.add_argument("--cpus", type=float, default=1.0, help="CPU cores a learner may use at most (default 1)")
    begin.add_argument("--address-space", default="4G", help="address space of each process (default 4G)")
    begin.add_argument("--cpu-time", type=int, default=3600, help="CPU seconds each process may use (default 3600)")
    begin.add_argument("--processes", type=int, default=256, help="processes and threads per learner (default 256)")
    begin.add_argument("--idle-timeout", type=int, default=3600, help="stop a server idle this many seconds (3600)")
    begin.add_argument("--ssl-cert", help="a TLS certificate, for a class that connects over a network")
    begin.add_argument("--ssl-key", help="its key")
    begin.add_argument("--python", help="the Python for the hub's environment (default /usr/bin/python3)")
    begin.set_defaults(run=start)
    end = commands.add_parser("stop", help="stop the hub, the proxy and every learner's server")
    end.set_defaults(run=stop)
    renew = commands.add_parser("update", help="install a new course wheel and update every learner's copy now")
    renew.add_argument("--wheel", help="the new wheel (default: build it from this repository)")
    renew.set_defaults(run=update)
    for command in (begin, end, renew):
        command.add_argument("--home", default=str(DEFAULT_HOME), help=f"the hub's folder (default {DEFAULT_HOME})")
    return main


def main(argv=None) -> int:
    options = parser().parse_args(argv)
    try:
        return options.run(options)
    except HubError as error:
        print(f"nnlearn hub: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
