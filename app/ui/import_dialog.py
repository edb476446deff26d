"""Importing the unit register from the GUI, and the dialog that tells how it went.

The import runs through the task runner in one transaction: a bad file is
rejected whole (the service validates every row first, and the transaction
is rolled back on any error), and every problem is listed with its row,
column and unit so the user can fix the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import InputProblem, InvalidInputError, UserFacingError
from app.services.task_state import TaskState
from app.services.unit_import import import_units_file
from app.services.units import ImportResult
from app.ui.context import UiContext
from app.ui.i18n import message_text, problem_text
from app.ui.tasks import TaskHandle


class ImportReportDialog(QDialog):
    """How an import went: the counts, or every problem in a list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Importera enheter"))
        self.setMinimumWidth(560)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QTreeWidget()
        self.problems.setAccessibleName(self.tr("Fel i filen"))
        self.problems.setHeaderLabels(
            [self.tr("Rad"), self.tr("Kolumn"), self.tr("Enhet"), self.tr("Fel")])
        self.problems.setRootIsDecorated(False)
        self.problems.setAlternatingRowColors(True)
        self.problems.setUniformRowHeights(True)
        header = self.problems.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        self.copy_button = QPushButton(self.tr("&Kopiera felen"))
        self.copy_button.setAccessibleName(self.tr("Kopiera felen till urklipp"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_problems)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self._problem_lines: list[str] = []

    def show_result(self, path: Path, result: ImportResult) -> None:
        self.summary.setText(
            self.tr("%1 är importerad: %2 nya, %3 ändrade och %4 oförändrade enheter.")
            .replace("%1", path.name).replace("%2", str(result.added))
            .replace("%3", str(result.updated)).replace("%4", str(result.unchanged)))
        self.problems.hide()
        self.copy_button.hide()
        self.resize(self.minimumWidth(), self.sizeHint().height())

    def show_problems(self, error: InvalidInputError) -> None:
        self.summary.setText(message_text(error.summary))
        self.problems.clear()
        self._problem_lines = [problem_text(problem) for problem in error.problems]
        for problem in error.problems:
            self.problems.addTopLevelItem(self._item(problem))
        self.problems.show()
        self.copy_button.show()
        self.resize(820, 460)

    def _item(self, problem: InputProblem) -> QTreeWidgetItem:
        item = QTreeWidgetItem([
            "" if problem.line is None else str(problem.line),
            problem.column or "",
            problem.item or "",
            message_text(problem.message),
        ])
        item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setToolTip(3, message_text(problem.message))
        return item

    def problem_texts(self) -> list[str]:
        return list(self._problem_lines)

    def copy_problems(self) -> None:
        lines = [self.summary.text(), *self._problem_lines]
        QGuiApplication.clipboard().setText("\n".join(lines))


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportReportDialog", text)


def choose_import_file(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        _tr("Importera enheter"),
        "",
        _tr("Enhetsregister (*.csv *.xlsx *.xlsm);;Alla filer (*)"),
    )
    return Path(name) if name else None


def start_unit_import(
    ctx: UiContext,
    path: Path,
    parent: QWidget,
    on_imported: Callable[[ImportResult], None],
    on_report: Callable[[ImportReportDialog], None] | None = None,
) -> TaskHandle:
    """Import ``path`` off the UI thread; show the outcome in a dialog."""

    def work(state: TaskState) -> ImportResult:
        state.report(0, 0, _tr("Läser och kontrollerar %1…").replace("%1", path.name))
        with ctx.sessions() as session, session.begin():
            return import_units_file(session, path)

    def report(build: Callable[[ImportReportDialog], None]) -> None:
        dialog = ImportReportDialog(parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        build(dialog)
        if on_report is not None:
            on_report(dialog)
        dialog.open()

    def done(result: ImportResult) -> None:
        on_imported(result)
        report(lambda dialog: dialog.show_result(path, result))

    def failed(error: BaseException) -> None:
        if isinstance(error, InvalidInputError):
            report(lambda dialog: dialog.show_problems(error))
        elif isinstance(error, UserFacingError):
            report(lambda dialog: dialog.show_problems(InvalidInputError(error.message, [])))
        else:
            ctx.tasks.report_error(error, parent)

    return ctx.tasks.run(work, done, failed, title=_tr("Importerar enheter"), parent=parent)
