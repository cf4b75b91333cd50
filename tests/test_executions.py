"""The count of notebook executions (tests/executions.py) tells notebooks and editions apart."""

import executions

NOTEBOOKS = {"03_more_inputs": {"a", "b", "c", "d"}, "zh/03_more_inputs": {"zh", "a", "b", "c", "d"},
             "04_nonlinearity": {"e", "f", "g"}}


def test_each_kernel_counts_once_for_the_notebook_it_ran(tmp_path):
    log = tmp_path / "cells.log"
    log.write_text("\n".join([
        "k1 a", "k1 b", "k1 c", "k1 d", "k1 a",  # English chapter 3, a cell run twice
        "k2 zh", "k2 a", "k2 b", "k2 c", "k2 d",  # Chinese chapter 3
        "k3 zh", "k3 a", "k3 b", "k3 c",  # Chinese chapter 3 again, but for its last cell
        "k4 e",  # one cell of chapter 4: a look, not an execution
        "k5 x", "k5 y",  # a notebook of a test's own
    ]) + "\n")
    assert executions.count(log, NOTEBOOKS) == {"03_more_inputs": 1, "zh/03_more_inputs": 2, "04_nonlinearity": 0}


def test_the_startup_file_logs_every_cell(tmp_path, monkeypatch):
    monkeypatch.setenv(executions.LOG, str(tmp_path / "cells.log"))
    executions.install(tmp_path / "ipython")
    startup = tmp_path / "ipython" / "profile_default" / "startup" / "00-nnlearn-executions.py"

    class Shell:
        hooks = []
        events = type("Events", (), {"register": lambda self, name, hook: Shell.hooks.append((name, hook))})()

    exec(startup.read_text(), {"get_ipython": lambda: Shell})
    [(event, hook)] = Shell.hooks
    assert event == "pre_run_cell"
    hook(type("Info", (), {"raw_cell": "x = 1\n"})())
    kernel, digest = (tmp_path / "cells.log").read_text().split()
    assert digest == executions.cell_hash("x = 1") and len(kernel) == 12


def test_the_course_notebooks_are_all_known():
    cells = executions.course_cells()
    assert len(cells) == 18 and all(cells.values())
    assert cells["zh/01_structure"] - cells["01_structure"]  # the language cell


def test_a_checkout_without_notebooks_counts_nothing(tmp_path):
    (tmp_path / "cells.log").write_text("k1 a\n")
    assert executions.count(tmp_path / "cells.log", {}) == {}
