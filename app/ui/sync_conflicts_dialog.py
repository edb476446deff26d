"""Konflikter: one part revision in several versions on the share. Each row
offers Visa, which opens every version's report so a person can compare and
decide; nothing is chosen here. The share is read on the worker.

Under each row, one line per version says where it lies: in a laptop's
folder on the share, or in the share's quarantine (a damaged or replaced
version, labelled so). Visa verifies each version first; a damaged one is
marked as such on its line and never opened."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from app.services.sync_conflicts import (
    Conflict,
    ConflictReports,
    VersionResult,
    conflict_reports,
    share_conflicts,
)
from app.services.task_state import TaskState
from app.services.visits.common import PART_LABELS
from app.ui.context import UiContext
from app.ui.i18n import error_text, label, message_text

# Where a version lies (app.services.sync_conflicts ConflictCopy.where).
QT_TRANSLATE_NOOP("Labels", "Karantän: skadad eller ersatt version")
QT_TRANSLATE_NOOP("Labels", "Gemensamma mappen")
DAMAGED_COLOUR = "#9a1c1c"


class ConflictsDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Konflikter på den gemensamma mappen"))
        intro = QLabel(self.tr(
            "Samma del och revision finns i flera olika versioner. Alla versioner sparas. "
            "Visa kontrollerar varje version och öppnar dess rapport så att du kan jämföra "
            "och bestämma vilken som gäller. Versioner i karantän har flyttats undan som "
            "skadade eller ersatta; en skadad version öppnas aldrig."))
        intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(True)
        self.table.setHeaderLabels([self.tr("Verksamhet"), self.tr("År"), self.tr("Del"),
                                    self.tr("Revision"), self.tr("Versioner"), ""])
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):  # the unit's name gets the room
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Arbetar"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.conflicts: list[Conflict] = []
        self.buttons: list[QPushButton] = []
        self.version_items: list[list[QTreeWidgetItem]] = []  # per conflict, per copy
        self.opened: list[str] = []  # what Visa opened last (file paths)
        self.working = False
        self._closed = False
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(box)
        self.resize(760, 380)
        self.load()

    def load(self) -> None:
        self._working(True)
        ctx = self.ctx

        def read(_state: TaskState) -> list[Conflict]:
            with ctx.sessions() as session:
                return share_conflicts(session, ctx.paths, ctx.settings)

        self.ctx.tasks.run(read, self._loaded, self._failed, parallel=True)

    def _loaded(self, conflicts: list[Conflict]) -> None:
        if self._closed:
            return
        self._working(False)
        self.conflicts = conflicts
        self.table.clear()
        self.buttons = []
        self.version_items = []
        for index, c in enumerate(conflicts):
            item = QTreeWidgetItem([c.unit_name, str(c.year or ""),
                                    label(PART_LABELS.get(c.part, c.part)), str(c.revision),
                                    str(len(c.copies)), ""])
            item.setToolTip(0, "\n".join(str(copy.path) for copy in c.copies))
            self.table.addTopLevelItem(item)
            button = QPushButton(self.tr("Visa"))
            button.setAccessibleName(self.tr("Visa versionernas rapporter: %1").replace(
                "%1", c.unit_name))
            button.clicked.connect(lambda _checked=False, i=index: self.show_reports(i))
            self.table.setItemWidget(item, 5, button)
            self.buttons.append(button)
            versions = []
            for copy in c.copies:
                where = self.tr("%1, dator %2").replace("%1", label(copy.where)).replace(
                    "%2", copy.device_id)
                child = QTreeWidgetItem([where, "", "", "", "", ""])
                child.setData(0, Qt.ItemDataRole.UserRole, where)
                child.setToolTip(0, str(copy.path))
                item.addChild(child)
                child.setFirstColumnSpanned(True)  # the line gets the dialog's width
                versions.append(child)
            self.version_items.append(versions)
            item.setExpanded(True)
        if not conflicts:
            self.message.setText(self.tr("Det finns inga konflikter på den gemensamma mappen "
                                         "just nu."))

    def _failed(self, error: BaseException) -> None:
        if self._closed:
            return
        self._working(False)
        if isinstance(error, UserFacingError):
            self.message.setText(error_text(error))
        else:
            self.ctx.tasks.report_error(error, self)

    def show_reports(self, index: int) -> None:
        """Take each version's report out of its verified package and open it."""
        if self.working:
            return
        conflict = self.conflicts[index]
        self._working(True)
        ctx = self.ctx

        def export(_state: TaskState) -> ConflictReports:
            return conflict_reports(ctx.paths, ctx.settings, conflict)

        def done(result: ConflictReports) -> None:
            if self._closed:
                return
            self._working(False)
            self.opened = [str(p) for p in result.reports]
            self._mark(index, result.versions)
            for path in result.reports:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            self.message.setText("\n".join(message_text(p) for p in result.problems))

        self.ctx.tasks.run(export, done, self._failed)

    def _mark(self, index: int, versions: list[VersionResult]) -> None:
        """Say on each version's line whether it was verified and opened, or why not."""
        for child, version in zip(self.version_items[index], versions, strict=False):
            if version.report is not None:
                text = self.tr("Kontrollerad; rapporten öppnad")
                child.setToolTip(0, str(version.report))
            else:
                text = self.tr("Kan inte visas: %1").replace(
                    "%1", message_text(version.problem or ""))
                child.setForeground(0, QColor(DAMAGED_COLOUR))
                child.setToolTip(0, text)
            child.setText(0, f"{child.data(0, Qt.ItemDataRole.UserRole)} — {text}")

    def _working(self, on: bool) -> None:
        self.working = on
        self.busy.setVisible(on)
        if on:
            self.message.clear()
        for button in self.buttons:
            button.setEnabled(not on)

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)
