"""The hub set-ups in deploy/ install the course that pyproject.toml describes, with the same settings.

The Kubernetes set-up (deploy/kubernetes: a Zero to JupyterHub config.yaml and the learners'
image) cannot run here (no cluster, no Docker daemon), so it is checked on paper: the image
installs the wheel of pyproject's version with pyproject's dependencies, config.yaml runs that
image with the same start command, limits and idle culler as the one-machine hub (deploy/hub,
tested for real in tests/hub).
"""

import importlib.util
import re
import shlex
import sys
from pathlib import Path

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI (the test extra installs it there)
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
KUBERNETES = ROOT / "deploy" / "kubernetes"
_spec = importlib.util.spec_from_file_location("deploy_hub", ROOT / "deploy" / "hub" / "hub.py")
one_machine = importlib.util.module_from_spec(_spec)  # deploy/hub/hub.py: its command line holds the defaults
_spec.loader.exec_module(one_machine)


def _requirement(text: str) -> tuple[str, str]:
    name, spec = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*$", text).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _image_install() -> list[str]:
    """The words of the Dockerfile's ``pip install`` (continuation lines joined)."""
    text = (KUBERNETES / "Dockerfile").read_text().replace("\\\n", " ")
    line = next(line for line in text.splitlines() if line.startswith("RUN pip install"))
    words = shlex.split(line.split("&&")[0])
    return [word for word in words[3:] if not word.startswith("-")]


def _start_defaults() -> dict:
    return vars(one_machine.parser().parse_args(["start", "class.txt"]))


def test_the_image_installs_the_wheel_of_pyprojects_version():
    project = _pyproject()
    wheel = f"nnlearn-{project['version']}-py3-none-any.whl"
    dockerfile = (KUBERNETES / "Dockerfile").read_text()
    assert f"/tmp/{wheel}" in _image_install(), f"the image does not install {wheel}"
    assert re.search(rf"^COPY dist/{re.escape(wheel)} /tmp/$", dockerfile, re.M), "the wheel is not copied in"
    assert f"nnlearn-course:{project['version']}" in dockerfile


def test_the_image_names_pyprojects_dependencies_and_nothing_else_but_jupyterhub():
    named = dict(_requirement(word) for word in _image_install() if not word.endswith(".whl"))
    from_pyproject = dict(_requirement(item) for item in _pyproject()["dependencies"])
    assert named.pop("jupyterhub", None), "the image needs jupyterhub-singleuser, matching the chart's hub"
    assert named == from_pyproject


def test_the_images_jupyterhub_matches_the_charts_hub():
    """jupyterhub-singleuser should be of the hub's major version: the chart named in config.yaml runs 5.5."""
    config = (KUBERNETES / "config.yaml").read_text()
    hub_version = re.search(r"whose hub is JupyterHub (\d+)\.(\d+)", config).groups()
    spec = dict(_requirement(word) for word in _image_install() if not word.endswith(".whl"))["jupyterhub"]
    assert spec == f">={hub_version[0]}.{hub_version[1]},<{int(hub_version[0]) + 1}", spec


def test_config_runs_that_image_as_the_one_machine_hub_does():
    values = yaml.safe_load((KUBERNETES / "config.yaml").read_text())
    defaults = _start_defaults()
    single = values["singleuser"]
    assert single["image"]["tag"] == _pyproject()["version"]
    # the same start command: the script of deploy/hub, copied into the image
    assert single["cmd"] == ["/bin/sh", "/usr/local/bin/nnlearn-singleuser"]
    dockerfile = (KUBERNETES / "Dockerfile").read_text()
    assert "COPY deploy/hub/singleuser.sh /usr/local/bin/nnlearn-singleuser" in dockerfile
    assert "ENV NNLEARN_HUB_ENV=/opt/conda" in dockerfile
    assert values["hub"]["config"]["KubeSpawner"]["notebook_dir"] == "/home/jovyan/nnlearn-course"
    assert single["storage"]["homeMountPath"] == "/home/jovyan"
    assert single["defaultUrl"] == "/lab/tree/01_structure.ipynb"
    # the same limits and culler
    assert single["memory"]["limit"] == defaults["memory"]
    assert float(single["cpu"]["limit"]) == defaults["cpus"]
    assert values["cull"] == {"enabled": True, "timeout": defaults["idle_timeout"], "every": 600}
    assert values["hub"]["config"]["Authenticator"]["admin_users"], "no teacher"


def test_the_one_machine_hub_pins_what_its_readme_says():
    """deploy/hub/requirements.txt (what the hub adds to the wheel) holds JupyterHub 6 and the idle culler 2."""
    pins = dict(_requirement(line.split("#")[0]) for line in (ROOT / "deploy" / "hub" / "requirements.txt")
                .read_text().splitlines() if line.split("#")[0].strip())
    assert pins == {"jupyterhub": ">=6.1.1,<7", "jupyterhub-idle-culler": ">=2.0.0,<3"}
    readme = (ROOT / "deploy" / "hub" / "README.md").read_text()
    assert "JupyterHub 6" in readme and "jupyterhub-idle-culler 2" in readme
