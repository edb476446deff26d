"""The application version, read from pyproject.toml (the single source).

Used by scripts/build (file names, the Inno Setup define) and by the
PyInstaller spec (Windows version resource). Prints the version when run.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def project_version(root: Path = ROOT) -> str:
    with open(root / "pyproject.toml", "rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Four numbers for a Windows version resource ("1.2.3rc1" -> (1, 2, 3, 0))."""
    numbers: list[int] = []
    for part in version.split(".")[:4]:
        digits = ""
        for char in part:
            if not char.isdigit():
                break
            digits += char
        numbers.append(int(digits or 0))
    while len(numbers) < 4:
        numbers.append(0)
    return (numbers[0], numbers[1], numbers[2], numbers[3])


if __name__ == "__main__":
    sys.stdout.write(project_version() + "\n")
