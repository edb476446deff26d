"""Icons from resources/icons, loaded once (SVG, so they stay sharp at any scale)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from app.paths import resource_dir


@cache
def icon(name: str) -> QIcon:
    """``name`` is a file in resources/icons; a missing file gives an empty icon."""
    path = resource_dir() / "icons" / name
    result = QIcon()
    if path.exists():
        # The same drawing when selected: Qt would otherwise tint it.
        for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected):
            result.addFile(str(path), QSize(), mode)
    return result


def app_icon() -> QIcon:
    return icon("app.svg")
