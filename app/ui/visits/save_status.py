"""What the user sees of saving: a quiet "Sparat hh:mm:ss", or one clear
"Kan inte spara" banner with "Försök igen" when the database refuses writes."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui.visits.writer import VisitWriter

BANNER_STYLE = (
    "QFrame#cannotSave { background: #fdecea; border: 1px solid #c62828; border-radius: 4px; }"
    "QFrame#cannotSave QLabel { color: #8e1b1b; }"
)
NOTICE_STYLE = (
    "QFrame#notice { background: #fff8e1; border: 1px solid #c49000; border-radius: 4px; }"
)


class SaveStatusLabel(QLabel):
    """The small label in the window's corner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveStatus")
        self.setStyleSheet("color: #4a5a4a;")
        self.setText(self.tr("Alla ändringar sparas automatiskt"))

    def show_saved(self, when: datetime) -> None:
        self.setStyleSheet("color: #4a5a4a;")
        self.setText(self.tr("Sparat %1").replace("%1", when.strftime("%H:%M:%S")))

    def show_failed(self) -> None:
        self.setStyleSheet("color: #c62828; font-weight: bold;")
        self.setText(self.tr("Inte sparat"))


class CannotSaveBanner(QFrame):
    """Shown while writes fail; the text the user typed stays in its fields."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cannotSave")
        self.setStyleSheet(BANNER_STYLE)
        layout = QHBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry = QPushButton(self.tr("Försök igen"))
        self.retry.clicked.connect(self.retry_requested)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry)
        self.hide()

    def show_error(self, detail: str) -> None:
        hint = self.tr("Programmet försöker igen när du ändrar något, eller tryck på Försök igen.")
        self.message.setText(
            "<b>" + _escape(self.tr("Kan inte spara.")) + "</b> " + _escape(detail)
            + "<br>" + _escape(hint)
        )
        self.show()


class NoticeBanner(QFrame):
    """A refused change (locked part, too long text): said once, closable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setStyleSheet(NOTICE_STYLE)
        layout = QHBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        close = QPushButton(self.tr("Stäng"))
        close.clicked.connect(self.hide)
        layout.addWidget(self.message, 1)
        layout.addWidget(close)
        self.hide()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.show()


def connect_status(
    writer: VisitWriter, label: SaveStatusLabel, banner: CannotSaveBanner, notice: NoticeBanner
) -> None:
    def saved(when: datetime) -> None:
        banner.hide()
        label.show_saved(when)

    def failed(message: str) -> None:
        label.show_failed()
        banner.show_error(message)

    writer.saved.connect(saved)
    writer.failed.connect(failed)
    writer.refused.connect(notice.show_message)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
