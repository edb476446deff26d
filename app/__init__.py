"""Uppföljaren: structural-quality follow-up of Stockholm's elder care."""

from __future__ import annotations

from pathlib import Path


def _read_version() -> str:
    """The version comes from pyproject.toml: read directly in a source tree
    (cheaper at start than importlib.metadata, which loads the email package),
    else from the installed package's metadata (e.g. in the bundle)."""
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.is_file():
        for line in pyproject.read_text(encoding="utf-8").splitlines():
            if line.startswith("version"):
                return line.split("=", 1)[1].strip().strip('"')
    from importlib import metadata

    try:
        return metadata.version("uppfoljaren")
    except metadata.PackageNotFoundError:
        return "0+unknown"


__version__ = _read_version()
APP_NAME = "Uppföljaren"
APP_ID = "uppfoljaren"
