"""A class on the hub: N simulated learners on the one-machine hub of ``deploy/hub`` (run as root).

    .venv/bin/python benchmarks/hub_load.py --learners 30      # about 5 minutes on 2 cores

Starts the hub with ``deploy/hub/start`` (its own folder, port, OS users and group, on 127.0.0.1),
then the learners arrive spread over ``--stagger`` seconds. Each logs in through the hub's login
form, gets their server and their copy of the course, runs chapter 2's code cells through the
kernel's websocket (each output compared with the one stored in the notebook), moves chapter 2's
``w`` slider with a comm message as JupyterLab does and checks the picture and the error the
kernel draws; every ``--chapter7-every``-th learner then runs chapter 7 (the digit network's
training included). Kernels stay open until every learner is done, so the memory measured is a
class working at once. Then it prints the tables, stops the hub and deletes the users, also on
failure or Ctrl+C; ``--timeout`` bounds the whole run.

Exit status 1 when a target is missed: a failed spawn, a lost or wrong output, or a median time
to the first executed cell above 30 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hub"))

import hubsim  # noqa: E402

FIRST_CELL_TARGET = 30.0
KERNEL_CPU = "import resource as _r; _u = _r.getrusage(_r.RUSAGE_SELF); print(_u.ru_utime + _u.ru_stime)"


def build_wheel(out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
                   check=True)
    return next(out.glob("nnlearn-*.whl"))


async def cpu_seconds(kernel: hubsim.Kernel) -> float:
    answer = await kernel.execute(KERNEL_CPU)
    return float(hubsim.printed(answer.outputs)[-1].split(": ", 1)[1])


async def learner(hub, name, password, delay, chapter7, everyone_done, results, cell_timeout):
    await asyncio.sleep(delay)
    result = {"name": name, "chapter7": chapter7, "stage": "login"}
    results.append(result)
    began = time.monotonic()
    person = hubsim.Learner(hub.url, name, password)
    kernel = None
    try:
        await person.login()
        result["stage"] = "spawn"
        result["spawn"] = await person.spawn(timeout=600)
        result["stage"] = "course"
        chapter2 = await person.notebook("02_single_node.ipynb")
        kernel = await person.kernel()
        result["stage"] = "chapter 2"
        run = await hubsim.run_notebook(kernel, chapter2, timeout=cell_timeout)
        result["first_cell"] = run.first_reply - began if run.first_reply else None
        result["chapter2"], result["wrong"], result["lost"] = run.seconds, run.wrong, run.lost
        if not run.lost:
            result["stage"] = "slider"
            result["slider"], problem = await hubsim.move_slider(kernel, value=4.0, timeout=cell_timeout)
            if problem:
                result["lost" if result["slider"] is None else "wrong"].append(("slider", problem))
        if chapter7 and not result["lost"]:
            result["stage"] = "chapter 7"
            chapter = await person.notebook("07_backpropagation.ipynb")
            cpu = await cpu_seconds(kernel)
            run = await hubsim.run_notebook(kernel, chapter, timeout=cell_timeout)
            result["chapter7_cpu"] = await cpu_seconds(kernel) - cpu
            result["chapter7"] = run.seconds
            result["wrong"] += [("ch7", *item) for item in run.wrong]
            result["lost"] += [("ch7", *item) for item in run.lost]
        result["stage"] = "done"
        result["finished"] = time.monotonic() - began
        await everyone_done.wait()  # the kernel stays alive while the class works
    except Exception as error:  # noqa: BLE001 (every failure is counted, none stops the others)
        result["error"] = f"{type(error).__name__}: {error}"
    finally:
        if kernel:
            kernel.close()
        person.close()


async def sample_memory(names, peaks, stop, every=2.0):
    """Every ``every`` seconds: each learner's memory (PSS of all their processes); keeps each one's peak."""
    while not stop.is_set():
        now = await asyncio.get_running_loop().run_in_executor(None, hubsim.user_memory, names)
        for name, size in now.items():
            peaks[name] = max(peaks.get(name, 0), size)
        peaks["_total"] = max(peaks.get("_total", 0), sum(now.values()))
        try:
            await asyncio.wait_for(stop.wait(), every)
        except asyncio.TimeoutError:
            pass


def meminfo() -> dict[str, int]:
    return {line.split(":")[0]: int(line.split()[1]) * 1024 for line in Path("/proc/meminfo").read_text().splitlines()}


def cgroup_peaks(hub) -> dict[str, int]:
    folder = Path("/sys/fs/cgroup/memory") / f"nnlearn-hub-{hub.group}"
    peaks = {}
    for name in hub.learners:
        try:
            peaks[name] = int((folder / name / "memory.max_usage_in_bytes").read_text())
        except OSError:
            pass
    return peaks


def median_max(values, unit="s", scale=1.0):
    values = [v / scale for v in values if v is not None]
    if not values:
        return "-", "-", 0
    fmt = "{:.1f}" if unit == "s" else "{:.0f}"
    return fmt.format(statistics.median(values)), fmt.format(max(values)), len(values)


async def class_run(hub, options) -> int:
    passwords = hub.passwords()
    names = hub.learners
    everyone_done, stop_sampling = asyncio.Event(), asyncio.Event()
    results, peaks = [], {}
    before = meminfo()
    pids = hub.pids()
    cpu_before = {what: hubsim.process_cpu_seconds(pid) for what, pid in pids.items()}
    began = time.monotonic()
    sampler = asyncio.ensure_future(sample_memory(names, peaks, stop_sampling))
    step = options.stagger / max(len(names) - 1, 1)
    tasks = [asyncio.ensure_future(learner(hub, name, passwords[name], number * step,
                                           number % options.chapter7_every == 0, everyone_done, results,
                                           options.cell_timeout))
             for number, name in enumerate(names)]
    deadline = began + options.timeout
    while time.monotonic() < deadline:
        if len(results) == len(names) and all(r.get("stage") == "done" or "error" in r for r in results):
            break
        await asyncio.sleep(1)
    wall = time.monotonic() - began
    memory_now = await asyncio.get_running_loop().run_in_executor(None, hubsim.user_memory, names)
    cpu = hubsim.user_cpu_seconds(names)
    for result in results:
        result["cpu"] = cpu.get(result["name"])
    cgroups = cgroup_peaks(hub)
    cpu_after = {what: hubsim.process_cpu_seconds(pid) for what, pid in pids.items()}
    after = meminfo()
    everyone_done.set()
    stop_sampling.set()
    timed_out = [r["name"] for r in results if r.get("stage") != "done" and "error" not in r]
    await asyncio.wait(tasks, timeout=30)
    for task in tasks:
        task.cancel()
    await sampler
    return report(hub, options, results, peaks, memory_now, cgroups, cpu_before, cpu_after, before, after, wall,
                  timed_out)


def report(hub, options, results, peaks, memory_now, cgroups, cpu_before, cpu_after, before, after, wall,
           timed_out) -> int:
    mb = 2**20
    n = len(hub.learners)
    failed_spawns = [r for r in results if "spawn" not in r]
    lost = [r for r in results if r.get("lost") or ("error" in r and "spawn" in r)] + \
        [r for r in results if r["name"] in timed_out and "spawn" in r]
    wrong = [r for r in results if r.get("wrong")]
    ch7 = [r for r in results if r["chapter7"]]
    rows = [
        ("spawn (login form to server ready)", *median_max([r.get("spawn") for r in results])),
        ("time to the first executed cell", *median_max([r.get("first_cell") for r in results])),
        ("chapter 2, all code cells", *median_max([r.get("chapter2") for r in results])),
        ("chapter 2, slider move to new picture", *median_max([r.get("slider") for r in results])),
        ("chapter 7, all code cells (training included)", *median_max([r.get("chapter7") for r in ch7])),
        ("chapter 7, kernel CPU time", *median_max([r.get("chapter7_cpu") for r in ch7])),
        ("whole session of a learner", *median_max([r.get("finished") for r in results])),
        ("CPU time of a learner's processes, chapter 2 only",
         *median_max([r.get("cpu") for r in results if not r["chapter7"]])),
        ("CPU time of a learner's processes, chapters 2 and 7", *median_max([r.get("cpu") for r in ch7])),
    ]
    print(f"\n## Hub load: {n} learners arriving over {options.stagger:.0f} s, every {options.chapter7_every}"
          f"{'rd' if options.chapter7_every == 3 else 'th'} also runs chapter 7 ({len(ch7)} learners)\n")
    print("| seconds | median | max | learners |\n|---|---:|---:|---:|")
    for label, median, largest, count in rows:
        print(f"| {label} | {median} | {largest} | {count} |")
    pss7 = [peaks.get(r["name"]) for r in ch7 if peaks.get(r["name"])]
    pss2 = [peaks.get(r["name"]) for r in results if not r["chapter7"] and peaks.get(r["name"])]
    print("\n| memory per learner (MB) | median | max | learners |\n|---|---:|---:|---:|")
    for label, values in (("peak PSS, chapter 2 only (server + kernel)", pss2),
                          ("peak PSS, chapters 2 and 7", pss7),
                          ("PSS at the end, everyone's kernel open", [v for v in memory_now.values() if v]),
                          ("cgroup peak (page cache included)", list(cgroups.values()))):
        median, largest, count = median_max(values, "MB", mb)
        print(f"| {label} | {median} | {largest} | {count} |")
    hub_cpu = {what: cpu_after[what] - cpu_before[what] for what in cpu_after}
    hub_memory = {what: hubsim.process_memory(pid) for what, pid in hub.pids().items()}
    print(f"\nall learners together at the peak: {peaks.get('_total', 0) / mb:.0f} MB; machine memory available "
          f"before {before['MemAvailable'] / mb:.0f} MB, at the end {after['MemAvailable'] / mb:.0f} MB "
          f"of {before['MemTotal'] / mb:.0f} MB")
    print(f"hub CPU over the {wall:.0f} s run: hub {hub_cpu.get('hub', 0):.1f} s "
          f"({100 * hub_cpu.get('hub', 0) / wall:.1f} % of one core), proxy {hub_cpu.get('proxy', 0):.1f} s "
          f"({100 * hub_cpu.get('proxy', 0) / wall:.1f} %); memory at the end: "
          f"hub {hub_memory.get('hub', 0) / mb:.0f} MB, "
          f"proxy {hub_memory.get('proxy', 0) / mb:.0f} MB")
    print(f"failed spawns: {len(failed_spawns)}; learners with lost outputs: {len(lost)}; "
          f"with wrong outputs: {len(wrong)}; unfinished at the time limit: {len(timed_out)}")
    for r in failed_spawns + lost + wrong:
        print(f"  {r['name']} (stage {r.get('stage')}): {r.get('error') or ''} lost={r.get('lost')} "
              f"wrong={str(r.get('wrong'))[:600]}")
    # how many learners the machine holds at chapter 7, from what was measured
    cores = len(os.sched_getaffinity(0))
    if pss7:
        peak7 = max(pss7)
        by_memory = int(before["MemAvailable"] / peak7)
        by_total = int(0.9 * before["MemTotal"] / peak7)
        print(f"\nat chapter 7, by memory: {by_memory} learners in the {before['MemAvailable'] / mb:.0f} MB "
              f"available before the run ({by_total} in 90 % of the machine's {before['MemTotal'] / mb:.0f} MB), "
              f"at {peak7 / mb:.0f} MB each (the largest peak measured)")
    cpu7 = [r["chapter7_cpu"] for r in ch7 if r.get("chapter7_cpu")]
    if cpu7:
        per = statistics.median(cpu7)
        print(f"at chapter 7, by CPU: its cells take {per:.1f} CPU-seconds per learner; {cores} cores run "
              f"{cores * 60 / per:.0f} learners' chapter 7 per minute, so a class of {n} all starting it at "
              f"once waits about {n * per / cores:.0f} s for the last one")
    firsts = [r["first_cell"] for r in results if r.get("first_cell") is not None]
    misses = []
    if failed_spawns:
        misses.append(f"{len(failed_spawns)} failed spawns")
    if lost or wrong or timed_out:
        misses.append("lost or wrong outputs")
    if not firsts or statistics.median(firsts) > FIRST_CELL_TARGET:
        misses.append(f"median time to the first executed cell above {FIRST_CELL_TARGET:.0f} s")
    print("\ntargets: " + ("all met" if not misses else "MISSED: " + "; ".join(misses)))
    return 1 if misses else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=30, help="how many learners (default 30, at most 60)")
    parser.add_argument("--stagger", type=float, default=60.0, help="arrivals spread over this many seconds (60)")
    parser.add_argument("--chapter7-every", type=int, default=3, help="every k-th learner also runs chapter 7 (3)")
    parser.add_argument("--cell-timeout", type=float, default=300.0, help="seconds a cell may take (300)")
    parser.add_argument("--timeout", type=float, default=1200.0, help="the whole class's seconds at most (1200)")
    parser.add_argument("--hub-home", default="/var/tmp/nnlearn-hub-load",
                        help="the hub's folder, open to every user; its environment is kept for the next run")
    parser.add_argument("--wheel", help="the course's wheel (default: built from this checkout)")
    options = parser.parse_args(argv)
    if not 1 <= options.learners <= 60:
        parser.error("--learners must be between 1 and 60")
    missing = hubsim.missing_requirement()
    if missing:
        print(f"hub_load: cannot set up a hub here: {missing}", file=sys.stderr)
        return 2
    home = Path(options.hub_home)
    for stale in ("state", "passwords.txt", "hub.log"):
        path = home / stale
        if path.is_dir():
            subprocess.run(["rm", "-rf", str(path)], check=True)
        elif path.exists():
            path.unlink()
    with tempfile.TemporaryDirectory(prefix="nnlearn-hub-load-") as scratch:
        wheel = Path(options.wheel) if options.wheel else build_wheel(Path(scratch))
        hub = hubsim.ClassHub(home, wheel, options.learners)
        try:
            began = time.monotonic()
            hub.start()
            print(f"hub up in {time.monotonic() - began:.0f} s at {hub.url} with {options.learners} learners",
                  flush=True)
            return asyncio.run(class_run(hub, options))
        finally:
            stopped = hub.stop()
            print(stopped.stdout.strip())
            problems = hub.remove_users()
            print("users removed" + (f", except: {problems}" if problems else ""))


if __name__ == "__main__":
    sys.exit(main())
