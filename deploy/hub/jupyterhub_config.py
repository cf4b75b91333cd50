"""JupyterHub for one class on one machine: each learner an OS user with their own copy of the course.

``deploy/hub/start`` copies this file into the hub's folder (``/opt/nnlearn-hub`` by default) beside
``settings.json``, which it writes from its options; the hub reads both from there. What it sets:

- the hub, its proxy (configurable-http-proxy, from npm) and every learner's server on the address
  and ports the start command chose (127.0.0.1 unless ``--ip`` says otherwise);
- log in with the learner's OS user name and password (PAM), only members of the class's group;
  the teacher is an admin: sees every server on the admin page and can open them;
- each learner's server runs as that OS user (LocalProcessSpawner: systemd is not PID 1 on the
  machines this was built on, so SystemdSpawner cannot run there), in ``~/nnlearn-course``, which
  the server's start command (``singleuser.sh``) fills with ``nnlearn course --copy-only``
  before JupyterLab starts: the first login copies the course, later logins add what a newer
  wheel brings and never overwrite a notebook the learner changed;
- limits per learner, set by the hub (as root) in the server's process just before it becomes
  the learner, so the learner cannot lift them: memory and CPU share of all the learner's
  processes together (a cgroup, where the machine lets the hub make one), and per process an
  address-space limit, a CPU-time limit and a process count (rlimits); see ``README.md`` here
  for exactly what is and is not enforced;
- jupyterhub-idle-culler as a hub service: a server idle for ``idle_timeout`` seconds is stopped
  (the learner's files stay; the next login starts it again).
"""

import asyncio
import json
import os
import pwd
import resource
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner

c = get_config()  # noqa: F821 (JupyterHub provides it)

HERE = Path(__file__).resolve().parent
settings = json.loads((HERE / "settings.json").read_text())
ENV = Path(settings["env"])
STATE = HERE / "state"

# ---- addresses: the public port for the class, two more for the hub's API and the proxy's ----
c.JupyterHub.ip = settings["ip"]
c.JupyterHub.port = settings["port"]
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = settings["port"] + 1
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings['port'] + 2}"
c.ConfigurableHTTPProxy.command = [str(HERE / "proxy" / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "cookie_secret")
c.JupyterHub.pid_file = str(STATE / "hub.pid")
if settings.get("ssl_cert"):
    c.JupyterHub.ssl_cert, c.JupyterHub.ssl_key = settings["ssl_cert"], settings["ssl_key"]

# ---- who may log in: the class's group, the teacher as admin ----
c.JupyterHub.authenticator_class = "pam"
c.LocalAuthenticator.allowed_groups = {settings["group"]}  # learners added later need no restart
c.Authenticator.admin_users = {settings["teacher"]}
c.PAMAuthenticator.open_sessions = False  # no PAM session per login: nothing here needs one

# ---- each learner's server: their OS user, their copy of the course ----
c.Spawner.cmd = ["/bin/sh", str(HERE / "singleuser.sh")]
c.Spawner.notebook_dir = "~/nnlearn-course"
c.Spawner.default_url = settings["default_url"]
c.Spawner.args = [
    # no news pop-up and no update check: nothing asks the internet from a learner's JupyterLab
    "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    # Kernels talk to their server over Unix sockets in the learner's own (private) runtime folder,
    # not over TCP ports on 127.0.0.1: a kernel draws its 5 ports at random and frees them before it
    # binds them, so with 20 learners starting kernels at once two drew the same port and one
    # kernel died at start (seen here); and no other user can even reach a kernel's sockets.
    "--KernelManager.transport=ipc",
]
c.Spawner.environment = {"NNLEARN_HUB_ENV": str(ENV), "PATH": f"{ENV / 'bin'}:/usr/local/bin:/usr/bin:/bin"}
# A class logs in at once: on a small machine a server can take well over the defaults to answer.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.JupyterHub.cleanup_servers = True  # stopping the hub stops the learners' servers (their files stay)


def _size(text):
    """'2G' -> bytes."""
    units = {"K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}
    text = str(text).strip().upper().rstrip("B")
    return int(float(text[:-1]) * units[text[-1]]) if text[-1:] in units else int(text)


class CgroupV1:
    """A cgroup (version 1) per learner under ``nnlearn-hub-GROUP/``, in the memory and cpu hierarchies.

    Used where the hub may make one (``/sys/fs/cgroup/memory`` and ``/sys/fs/cgroup/cpu`` mounted
    and writable, as on the machine this was built on); elsewhere the hub runs without it and
    says so in its log.
    """

    ROOT = Path("/sys/fs/cgroup")

    @classmethod
    def available(cls):
        return all(os.access(cls.ROOT / kind, os.W_OK) and (cls.ROOT / kind / "cgroup.procs").is_file()
                   for kind in ("memory", "cpu"))

    def __init__(self, name, memory, cpus):
        self.folders = [self.ROOT / kind / f"nnlearn-hub-{settings['group']}" / name for kind in ("memory", "cpu")]
        for folder in self.folders:
            folder.mkdir(parents=True, exist_ok=True)
        memory_folder, cpu_folder = self.folders
        (memory_folder / "memory.limit_in_bytes").write_text(str(memory))
        period = 100_000
        (cpu_folder / "cpu.cfs_period_us").write_text(str(period))
        (cpu_folder / "cpu.cfs_quota_us").write_text(str(int(cpus * period)))

    def enter(self):
        """Moves the calling process (and so everything it starts) into the learner's cgroups."""
        for folder in self.folders:
            (folder / "cgroup.procs").write_text(str(os.getpid()))


USE_CGROUPS = CgroupV1.available()


def learner_port(name):
    """The port of a learner's server: one per OS user, below the range the kernel hands out at random.

    LocalProcessSpawner's default picks a random free port and frees it again before the server
    binds it; when a class logs in at once, two spawns can draw the same port. Then the hub, which
    counts any HTTP answer on the port as "ready", routes the second learner to the first one's
    server (seen here with 30 learners). A port per user cannot be drawn twice, and kernels (whose
    ports are random, from 32768 up) never take one.
    """
    return settings["server_ports"] + pwd.getpwnam(name).pw_uid % 10_000


class ClassSpawner(LocalProcessSpawner):
    """LocalProcessSpawner with the class's limits, set as root just before the server becomes the learner."""

    async def start(self):
        self.port = learner_port(self.user.name)
        url = await super().start()
        # The hub only waits for an answer on the port (http_timeout), not for the process: a server
        # that exits at once (the course cannot be copied, the port is taken) would keep the learner
        # waiting for minutes. Watch the process until the port answers.
        deadline = asyncio.get_running_loop().time() + self.start_timeout
        while asyncio.get_running_loop().time() < deadline:
            status = await self.poll()
            if status is not None:
                raise RuntimeError(f"{self.user.name}'s server exited with status {status} while starting "
                                   "(its messages are in the hub's log, just above)")
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", self.port)
                writer.close()
                return url
            except OSError:
                await asyncio.sleep(0.5)
        return url  # the hub's own wait decides

    def make_preexec_fn(self, name):
        become_learner = super().make_preexec_fn(name)
        limits = settings["limits"]
        cgroup = CgroupV1(name, _size(limits["memory"]), float(limits["cpus"])) if USE_CGROUPS else None
        address_space, cpu_seconds, processes = _size(limits["address_space"]), limits["cpu_time"], limits["processes"]

        def preexec():
            if cgroup is not None:
                cgroup.enter()
            # soft = hard: the learner's processes can lower these but never raise them
            resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
            resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
            resource.setrlimit(resource.RLIMIT_NPROC, (processes, processes))
            become_learner()

        return preexec


c.JupyterHub.spawner_class = ClassSpawner
print(f"nnlearn hub: per-learner cgroup (memory {settings['limits']['memory']}, {settings['limits']['cpus']} CPUs) "
      + ("in force" if USE_CGROUPS else "NOT available on this machine: only the per-process rlimits apply"),
      file=sys.stderr)

# ---- the idle culler: stops servers nobody used for idle_timeout seconds ----
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [str(ENV / "bin" / "python"), "-m", "jupyterhub_idle_culler",
                f"--timeout={settings['idle_timeout']}", f"--cull-every={max(settings['idle_timeout'] // 6, 10)}"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
