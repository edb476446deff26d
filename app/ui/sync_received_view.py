"""The Synk page's "Från kollegor" tab: every part received from a colleague's
laptop, what became of it (read into the follow-up, or kept apart because
the same part was changed here), and "Läs mottagen del…", which renders the
chosen part as its package carried it (on the worker) and opens it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.sync import ReceivedRow
from app.services.sync_conflicts import received_part_report
from app.services.sync_merge_rules import ReceivedKey, ReceivedState
from app.services.task_state import TaskState
from app.services.visits.common import PART_LABELS
from app.ui.context import UiContext
from app.ui.i18n import label

# What became of a received part (app.services.sync_merge_rules STATE_LABELS).
QT_TRANSLATE_NOOP("Labels", "Inläst i uppföljningen")
QT_TRANSLATE_NOOP("Labels", "Konflikt: delen har ändrats här")
QT_TRANSLATE_NOOP("Labels", "Inte inläst: delen är din")
QT_TRANSLATE_NOOP("Labels", "Inte inläst: samma eller nyare revision finns här")
QT_TRANSLATE_NOOP("Labels", "Inte inläst: uppföljningen finns inte här")
QT_TRANSLATE_NOOP("Labels", "Läses in vid nästa synkronisering")
CONFLICT_COLOUR = "#9a1c1c"
STATE_COLUMN = 7


DEVICE_COLUMN = 5


def _short_device(device_id: str) -> str:
    """A device id is 32 hex digits; the first 8 tell laptops apart on screen
    (the whole id is the cell's tooltip), as the handover dialog names them."""
    return device_id if len(device_id) <= 12 else device_id[:8] + "…"


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else ""


class ReceivedView(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.opened = ""  # the report "Läs mottagen del…" opened last (a file path)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels([
            self.tr("Verksamhet"), self.tr("År"), self.tr("Del"), self.tr("Revision"),
            self.tr("Slag"), self.tr("Från dator"), self.tr("Mottagen (enhetens tid)"),
            self.tr("Läge")])
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.tree.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemSelectionChanged.connect(self._enable)
        self.tree.itemActivated.connect(lambda _item, _column: self.read_chosen())
        self.read_button = QPushButton(self.tr("Läs mottagen del…"))
        self.read_button.setAccessibleName(self.tr("Läs den valda mottagna delen"))
        self.read_button.setToolTip(self.tr(
            "Öppnar delen så som kollegan skickade den, som en rapport."))
        self.read_button.setEnabled(False)
        self.read_button.clicked.connect(self.read_chosen)
        row = QHBoxLayout()
        row.addWidget(self.read_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)

    def fill(self, rows: list[ReceivedRow], states: dict[ReceivedKey, ReceivedState]) -> int:
        """Show the received parts; returns how many are kept apart (conflicts)."""
        self.tree.clear()
        kinds = {"followup": self.tr("Fastställd del"), "handover": self.tr("Överlämnad")}
        conflicts = 0
        for r in rows:
            state = states.get((r.followup_id, r.part, r.revision, r.kind, r.from_device))
            item = QTreeWidgetItem([
                r.unit_name, str(r.year or ""), label(PART_LABELS.get(r.part, r.part)),
                str(r.revision), kinds.get(r.kind, r.kind), _short_device(r.from_device),
                _when(r.received_at), label(state.state) if state is not None else ""])
            item.setToolTip(DEVICE_COLUMN, r.from_device)
            if state is not None:
                item.setData(0, Qt.ItemDataRole.UserRole, state.package_name)
                item.setToolTip(STATE_COLUMN, state.package_name)
            if state is not None and state.conflict:
                conflicts += 1
                item.setToolTip(STATE_COLUMN, self.tr(
                    "Delen har ändrats här och hos kollegan. Den lokala delen är orörd och "
                    "den mottagna finns kvar här; ingen skrivs över. Läs den mottagna och "
                    "kom överens om vilken som gäller."))
                for column in range(item.columnCount()):
                    item.setForeground(column, QColor(CONFLICT_COLOUR))
            self.tree.addTopLevelItem(item)
        self._enable()
        return conflicts

    def chosen_package(self) -> str:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return ""
        return str(item.data(0, Qt.ItemDataRole.UserRole) or "")

    @Slot()
    def _enable(self) -> None:
        self.read_button.setEnabled(bool(self.chosen_package()))

    @Slot()
    def read_chosen(self) -> None:
        """Render the chosen received part as a report (on the worker) and open it."""
        package = self.chosen_package()
        if not package:
            return
        ctx = self.ctx
        self.read_button.setEnabled(False)

        def render(_state: TaskState) -> Path:
            with ctx.sessions() as session:
                return received_part_report(session, ctx.paths, ctx.settings, package)

        def done(path: Path) -> None:
            self._enable()
            self.opened = str(path)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        def failed(error: BaseException) -> None:
            self._enable()
            ctx.tasks.report_error(error, self)  # a UserFacingError in its own words

        ctx.tasks.run(render, done, failed, parallel=True)
