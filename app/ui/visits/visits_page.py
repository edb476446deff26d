"""The Uppföljningar page: the list of follow-ups, filters, and "Ny uppföljning"."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from app.services import units as units_service
from app.services import visits as visits_service
from app.ui.context import UiContext
from app.ui.i18n import error_text
from app.ui.visits.first_start_dialog import ensure_officer
from app.ui.visits.visit_list_model import (
    VISIT_ID_ROLE,
    Column,
    VisitFilterProxy,
    VisitTableModel,
)
from app.ui.visits.visit_window import VisitWindow

STATUSES = (
    ("foranalys", QT_TRANSLATE_NOOP("VisitsPage", "Föranalys")),
    ("besok_genomfort", QT_TRANSLATE_NOOP("VisitsPage", "Besök genomfört")),
    ("rapport_utkast", QT_TRANSLATE_NOOP("VisitsPage", "Rapportutkast")),
    ("faststalld", QT_TRANSLATE_NOOP("VisitsPage", "Fastställd")),
    ("synkad", QT_TRANSLATE_NOOP("VisitsPage", "Synkad")),
)


def officer_ref(ctx: UiContext) -> visits_service.OfficerRef:
    """The laptop's officer; ``ensure_officer`` has run before anything calls this."""
    officer = visits_service.officer_from_settings(ctx.settings)
    if officer is None:
        raise UserFacingError("Ange ditt namn under Inställningar först.")
    return officer


class NewVisitDialog(QDialog):
    """Choose the unit and the year; the service pins the template and creates the parts."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id: str | None = None
        self.setWindowTitle(self.tr("Ny uppföljning"))
        self.setMinimumWidth(520)
        with ctx.sessions() as session:
            rows = units_service.list_units(session)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for row in rows:
            self.unit.addItem(f"{row.name} ({row.type_name}, {row.followup_district})", row.id)
        completer = self.unit.completer() or QCompleter(self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.unit.setCompleter(completer)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        form = QFormLayout()
        form.addRow(self.tr("Enhet"), self.unit)
        form.addRow(self.tr("Uppföljningsår"), self.year)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Starta"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        index = self.unit.findText(self.unit.currentText())
        unit_id = self.unit.itemData(index) if index >= 0 else None
        if unit_id is None:
            self.problem.setText(self.tr("Välj en enhet i listan."))
            self.problem.show()
            return
        try:
            with self.ctx.sessions() as session:
                self.visit_id = visits_service.start_visit(
                    session, unit_id, self.year.value(), officer=officer_ref(self.ctx),
                    on=date.today(),
                )
        except UserFacingError as error:
            self.problem.setText(error_text(error))
            self.problem.show()
            return
        super().accept()


class VisitsPage(QWidget):
    """List of follow-ups with filters year / status / mine; opens visit windows."""

    visit_opened = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.windows: dict[str, VisitWindow] = {}
        with ctx.sessions() as session:
            type_names = dict(units_service.choices(session).unit_types)
        self.model = VisitTableModel(type_names)
        self.proxy = VisitFilterProxy()
        self.proxy.setSourceModel(self.model)
        self._build()
        self.refresh()

    def _build(self) -> None:
        title = QLabel(self.tr("Uppföljningar"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.year = QComboBox()
        self.year.addItem(self.tr("Alla år"), None)
        this_year = date.today().year
        for year in range(this_year + 1, this_year - 8, -1):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(self.year.findData(this_year))
        self.status = QComboBox()
        self.status.addItem(self.tr("Alla statusar"), None)
        for code, label in STATUSES:
            self.status.addItem(self.tr(label), code)
        self.mine = QCheckBox(self.tr("Mina uppföljningar"))
        self.mine.setChecked(bool(self.ctx.settings.officer_name))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök enhet, stadsdel eller uppföljare"))
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("Ny uppföljning…"))
        self.open_button = QPushButton(self.tr("Öppna"))
        filters = QHBoxLayout()
        for widget in (self.year, self.status, self.mine):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.new_button)
        filters.addWidget(self.open_button)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.UNIT, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.UNIT, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel()
        self.empty.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.year.currentIndexChanged.connect(self.refresh)
        self.status.currentIndexChanged.connect(self.refresh)
        self.mine.toggled.connect(self.refresh)
        self.search.textChanged.connect(self.proxy.set_text)
        self.new_button.clicked.connect(self.new_visit)
        self.open_button.clicked.connect(self.open_selected)
        self.table.activated.connect(lambda index: self.open_visit(index.data(VISIT_ID_ROLE)))
        for keys, slot in ((QKeySequence.StandardKey.New, self.new_visit),
                           (QKeySequence.StandardKey.Find, self.search.setFocus)):
            shortcut = QShortcut(QKeySequence(keys), self)
            # Only while this page has focus: other pages may use the same keys.
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def on_shown(self) -> None:
        """Called by the main window each time the page is shown."""
        self.refresh()

    def refresh(self) -> None:
        owner = self.ctx.settings.officer_name if self.mine.isChecked() else None
        with self.ctx.sessions() as session:
            rows = visits_service.list_visits(
                session, year=self.year.currentData(), status=self.status.currentData(),
                owner=owner or None,
            )
        self.model.set_rows(rows)
        self.empty.setText(
            self.tr("Inga uppföljningar med de här valen.") if not rows
            else self.tr("%n uppföljningar", "", len(rows))
        )

    def new_visit(self) -> None:
        if not ensure_officer(self.ctx, self):
            return
        dialog = NewVisitDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.visit_id:
            self.refresh()
            self.open_visit(dialog.visit_id)

    def open_selected(self) -> None:
        indexes = self.table.selectionModel().selectedRows()
        if indexes:
            self.open_visit(indexes[0].data(VISIT_ID_ROLE))
        else:
            QMessageBox.information(self, self.tr("Öppna"), self.tr("Välj en uppföljning i listan."))

    def open_visit(self, visit_id: str) -> VisitWindow:
        window = self.windows.get(visit_id)
        if window is None:
            window = VisitWindow(self.ctx, visit_id)
            window.closed.connect(lambda vid=visit_id: self._window_closed(vid))
            self.windows[visit_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        self.visit_opened.emit(visit_id)
        return window

    def _window_closed(self, visit_id: str) -> None:
        window = self.windows.pop(visit_id, None)
        if window is not None:
            window.deleteLater()
        self.refresh()

    def flush_all(self) -> None:
        """Write every open visit's pending edits (the shell calls this on quit)."""
        for window in self.windows.values():
            window.flush_all()
