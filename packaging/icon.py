"""Render the application icon (resources/icons/app.svg, the window icon too) to PNG and ICO.

Run by the PyInstaller spec in a subprocess (Qt wants its own process):
    python packaging/icon.py OUT_DIR
writes OUT_DIR/uppfoljaren.png (256 px, for the .desktop file and the
window icon) and OUT_DIR/uppfoljaren.ico (16-256 px, for the .exe).
Skips the work when both are newer than the SVG, so rebuilds stay fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app.svg"
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def render(out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    png, ico = out_dir / "uppfoljaren.png", out_dir / "uppfoljaren.ico"
    svg_time = SVG.stat().st_mtime
    if all(p.exists() and p.stat().st_mtime >= svg_time for p in (png, ico)):
        return png, ico
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt  # noqa: TID251 (build tool, not the app)
    from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: TID251 (build tool, not the app)
    from PySide6.QtSvg import QSvgRenderer  # noqa: TID251 (build tool, not the app)

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    renderer.render(painter)
    painter.end()
    if not image.save(str(png)):
        raise SystemExit(f"could not write {png}")
    # Pillow (a reportlab dependency) writes a multi-size ICO; Qt writes one size only.
    Image.open(png).save(ico, sizes=ICO_SIZES)
    return png, ico


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("build") / "icons"
    for path in render(target):
        print(path)
