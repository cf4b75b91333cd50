"""Prints pip constraints that pin every dependency of pyproject.toml to its declared lower bound.

    python .ci/lower_bounds.py > lower.txt && pip install -c lower.txt -e ".[test]"

Used by .ci/lower-bounds; a requirement without a ">=" bound is left to pip.
"""

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def lower_bounds(pyproject: dict, extras=("test",)) -> dict[str, str]:
    """``{"numpy": "1.26", ...}`` for the dependencies and the given extras (markers respected by pip)."""
    requirements = list(pyproject["project"]["dependencies"])
    for extra in extras:
        requirements += pyproject["project"]["optional-dependencies"][extra]
    bounds = {}
    for requirement in requirements:
        match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*>=\s*([0-9][0-9A-Za-z.]*)\s*(;.*)?$", requirement)
        if match:
            bounds[match.group(1).lower()] = match.group(2) + (f" {match.group(3)}" if match.group(3) else "")
    return bounds


if __name__ == "__main__":
    for name, bound in lower_bounds(tomllib.loads((ROOT / "pyproject.toml").read_text())).items():
        version, _, marker = bound.partition(" ")
        print(f"{name}=={version}{' ' + marker if marker else ''}")
