"""Icons from resources/icons, loaded once (SVG, so they stay sharp at any scale)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from app.paths import resource_dir


@cache
def icon(name: str) -> QIcon:
    """``name`` is a file in resources/icons; a missing file gives an empty icon."""
    path = resource_dir() / "icons" / name
    return QIcon(str(path)) if path.exists() else QIcon()


def app_icon() -> QIcon:
    return icon("app.svg")
