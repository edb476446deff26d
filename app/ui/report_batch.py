"""Skapa alla rapporter…: every complete follow-up of a year into a folder.

The work runs on a worker through ``ctx.tasks`` with a progress dialog and a
cancel button; the service writes each file atomically and checks for cancel
between reports, so a cancelled batch leaves only whole reports behind.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.services import report as report_service
from app.services.task_state import Cancelled, TaskState
from app.ui.context import UiContext
from app.ui.i18n import message_text
from app.ui.tasks import TaskHandle


class ReportBatchDialog(QDialog):
    """Asks for the folder, then runs the batch; ``finished_batch`` carries the result."""

    finished_batch = Signal(object)  # BatchResult, or None when cancelled

    def __init__(self, ctx: UiContext, year: int, district: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.year, self.district = ctx, year, district
        self.handle: TaskHandle | None = None
        self.setWindowTitle(self.tr("Skapa alla rapporter"))
        with ctx.sessions() as session:
            rows = report_service.report_rows(session, year=year, district=district)
        complete = sum(1 for r in rows if r.complete)
        scope = district or self.tr("alla stadsdelar")
        summary = QLabel(self.tr(
            "{count} fastställda uppföljningar {year}, {scope}. {drafts} som inte är "
            "fastställda tas inte med.").format(count=complete, year=year, scope=scope,
                                                 drafts=len(rows) - complete), self)
        summary.setWordWrap(True)
        self.folder = QLineEdit(str(ctx.paths.data_dir / "rapporter" / str(year)), self)
        browse = QPushButton(self.tr("Välj…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(summary)
        form.addRow(self.tr("Mapp"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.start_button = buttons.addButton(self.tr("Skapa rapporter"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setEnabled(complete > 0)
        buttons.accepted.connect(lambda: self.start(Path(self.folder.text())))
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Mapp för rapporterna"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def start(self, out_dir: Path) -> TaskHandle:
        settings = self.ctx.settings
        logo = Path(settings.logo_path) if settings.logo_path else None
        year, district, sessions = self.year, self.district, self.ctx.sessions

        def work(state: TaskState) -> report_service.BatchResult:
            return report_service.batch_reports(
                sessions, year, district, out_dir, state,
                organisation=settings.organisation_name, logo=logo)

        self.start_button.setEnabled(False)
        self.hide()
        self.handle = self.ctx.tasks.run(work, self._done, self._error,
                                         title=self.tr("Skapar rapporter…"),
                                         parent=self.parentWidget())
        return self.handle

    def _done(self, result: report_service.BatchResult) -> None:
        text = self.tr("{written} rapporter skrevs.").format(written=len(result.written))
        if result.failed:
            text += "\n\n" + self.tr("Misslyckades:") + "\n" + "\n".join(
                f"{row.unit_name}: {message_text(message)}" for row, message in result.failed)
        self.finished_batch.emit(result)
        self._tell(text)
        self.accept()

    def _error(self, error: BaseException) -> None:
        self.finished_batch.emit(None)
        if isinstance(error, Cancelled):
            self._tell(self.tr("Avbrutet. Rapporter som redan skrevs finns kvar, hela."))
        else:
            self.ctx.tasks.report_error(error, self.parentWidget())
        self.reject()

    def _tell(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Skapa alla rapporter"), text,
                          parent=self.parentWidget())
        box.open()
