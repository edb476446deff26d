"""Uppföljaren: structural-quality follow-up of Stockholm's elder care."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path


def _read_version() -> str:
    """The version comes from pyproject.toml, installed or not."""
    try:
        return metadata.version("uppfoljaren")
    except metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        for line in pyproject.read_text(encoding="utf-8").splitlines():
            if line.startswith("version"):
                return line.split("=", 1)[1].strip().strip('"')
        return "0+unknown"


__version__ = _read_version()
APP_NAME = "Uppföljaren"
APP_ID = "uppfoljaren"
