"""Om Uppföljaren: name, version, what it is for, and what it runs on."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import APP_NAME, __version__
from app.ui.icons import app_icon


class AboutDialog(QDialog):
    def __init__(self, organisation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Om Uppföljaren"))
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        icon.setAccessibleName(self.tr("Programmets ikon"))
        title = QLabel(APP_NAME)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        self.version_label = QLabel(self.tr("Version %1").replace("%1", __version__))
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        description = QLabel(self.tr(
            "Stöd för verksamhetsuppföljning inom äldreomsorgen: planering, besök, "
            "bedömningar och rapporter. Fungerar utan nätverk och synkar när det finns."))
        description.setWordWrap(True)
        org = QLabel(organisation)
        org.setWordWrap(True)
        tech = QLabel(self.tr("Qt %1, PySide6 %2, Python %3")
                      .replace("%1", qVersion()).replace("%2", pyside_version)
                      .replace("%3", platform.python_version()))
        tech.setObjectName("mutedLabel")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)

        text = QVBoxLayout()
        text.setSpacing(8)
        for widget in (title, self.version_label, description, org, tech):
            text.addWidget(widget)
        row = QHBoxLayout()
        row.setSpacing(20)
        row.addWidget(icon)
        row.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 16)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
