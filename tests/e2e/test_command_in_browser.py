"""The ``nnlearn`` command as a learner uses it: it copies the course, starts JupyterLab or Voila,
and the browser shows the chosen edition's first chapter, or the lab as an app.

``nnlearn lab --lang zh`` is also the Chinese lab's one run in the browser (``labpage.IN_LAB_COMMAND``):
the app gets the lab's whole check, in Chinese: the pad reads a 1, a 0 and a 7 drawn with the
mouse, Clear empties it, Play changes the diagram and the regions and Pause stops them, and every
slider redraws.

The servers are the command's own (``python -m nnlearn``, the same entry point as the
``nnlearn`` script), started on 127.0.0.1 with a random token and stopped by process id.
"""

from __future__ import annotations

import secrets
import subprocess
import sys

from .conftest import free_port, fresh_environment, stop, wait_until_ready, write_settings
from .labchecks import check_pad_and_training
from .labpage import IN_LAB_COMMAND, Expected, LabNotebook, check_voila_app, notebooks_dir

TIMEOUT_MS = 120_000


def _start(arguments, base, log):
    env = fresh_environment(base)
    write_settings(base / "jupyter_config_dir")
    with log.open("w") as out:
        return subprocess.Popen([sys.executable, "-m", "nnlearn", *arguments], env=env, cwd=base, stdout=out,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)


def test_course_command_opens_the_chinese_edition_in_jupyterlab(e2e_enabled, browser_context, tmp_path, artifacts):
    port, token = free_port(), secrets.token_hex(24)
    course, log = tmp_path / "my-course", tmp_path / "course.log"
    process = _start(["course", str(course), "--lang", "zh", "--no-browser", "--allow-root", "--ip=127.0.0.1",
                      f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
                      "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
                     tmp_path, log)
    page = browser_context.new_page()
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_ready(f"{url}/api/status", token, process, log, "nnlearn course")
        assert log.read_text().startswith(f"Copied the course (9 notebooks) to {course}\n")
        page.goto(f"{url}/?token={token}")  # where the learner's browser would be sent
        heading = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownOutput h1").first
        heading.wait_for(timeout=TIMEOUT_MS)
        assert heading.inner_text().startswith("1. 神经网络的基本结构")
        assert "/lab/tree/zh/01_structure.ipynb" in page.url
        page.screenshot(path=str(artifacts / "command-course-zh.png"))
    finally:
        page.close()
        stop(process)


def test_lab_command_serves_the_lab_as_an_app(e2e_enabled, browser_context, tmp_path, artifacts, e2e_report):
    port, token = free_port(), secrets.token_hex(24)
    log = tmp_path / "lab.log"
    process = _start(["lab", "--lang", "zh", "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
                      f"--token={token}", "--show_tracebacks=True"], tmp_path, log)
    page = browser_context.new_page()
    path = notebooks_dir() / IN_LAB_COMMAND
    app = LabNotebook(page, path, "zh-09_lab", Expected.of(path), relative=IN_LAB_COMMAND)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_ready(f"{url}/voila/static/voila.js", token, process, log, "nnlearn lab")
        page.goto(f"{url}/?token={token}", wait_until="commit")
        page.wait_for_selector(".nnlearn-pad", timeout=TIMEOUT_MS)
        page.wait_for_selector(".nnlearn-playground img", timeout=TIMEOUT_MS)
        assert "画一个数字" in page.inner_text("body")
        check_voila_app(page, app, "zh-09_lab", e2e_report, TIMEOUT_MS)
        check_pad_and_training(page, artifacts, e2e_report, "in Voila", language="zh")
    finally:
        page.screenshot(path=str(artifacts / "command-lab-zh.png"), full_page=True)
        page.close()
        stop(process)
