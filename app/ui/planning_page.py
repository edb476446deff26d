"""Planering: the year plan as a filterable table beside a month calendar.

``PlanningView`` is the layout and knows no database; ``PlanningPage`` fills
it through the services and saves every edit at once (date, officers, extra
follow-ups): there is no Save button. Work goes through ``ctx.tasks`` when
the context has a task runner, else it runs inline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.plan_assign import PlanWarning
from app.services.plan_choices import PlanFilters, officer_options, plan_filters, unit_options
from app.services.plan_export import save_plan
from app.services.schedule import (
    STATUS_LABELS,
    add_extra_followup,
    apply_suggestions,
    build_year_plan,
    plan_warnings,
    set_officer,
    set_planned_date,
)
from app.services.schedule_rows import PlanRow
from app.ui.plan_calendar import PlanCalendar
from app.ui.plan_delegates import OfficerDelegate, PlanDateDelegate, from_qdate, to_qdate
from app.ui.plan_extra_dialog import ExtraFollowupDialog
from app.ui.plan_table_model import PlanColumn, PlanFilterProxy, PlanTableModel

if TYPE_CHECKING:
    from app.ui.context import UiContext

COLUMN_WIDTHS = {PlanColumn.DATE: 92, PlanColumn.UNIT: 260, PlanColumn.TYPE: 110,
                 PlanColumn.REGIFORM: 95, PlanColumn.DISTRICT: 165, PlanColumn.REASON: 70,
                 PlanColumn.SOL: 170, PlanColumn.HSL: 160, PlanColumn.STATUS: 125}
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 10


class PlanningView(QWidget):
    """Year, filters, status counts, the plan table and the calendar pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PlanTableModel(self)
        self.proxy = PlanFilterProxy(self.model, self)
        self.warnings: list[PlanWarning] = []
        self.today = date.today()

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setAccessibleName(self.tr("Planår"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök enhet eller enhets-id"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Sök i planen"))
        self.extra_button = QPushButton(self.tr("E&xtra uppföljning…"))
        self.assign_button = QPushButton(self.tr("&Fördela otilldelade"))
        self.assign_button.setToolTip(self.tr(
            "Föreslår handläggare för uppföljningar utan handläggare, så att belastningen "
            "blir jämn inom stadsdelen. Gjorda val ändras inte."))
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("&Exportera"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.export_xlsx = menu.addAction(self.tr("Excel (.xlsx)…"))
        self.export_ics = menu.addAction(self.tr("Kalender för Outlook (.ics)…"))
        self.export_button.setMenu(menu)

        top = QHBoxLayout()
        top.setSpacing(8)
        year_label = QLabel(self.tr("&År:"))
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addSpacing(8)
        top.addWidget(self.search, 2)
        top.addStretch(1)
        for button in (self.extra_button, self.assign_button, self.export_button):
            top.addWidget(button)

        self.district = self._combo(self.tr("Filtrera på stadsdel"))
        self.unit_type = self._combo(self.tr("Filtrera på typ"))
        self.regiform = self._combo(self.tr("Filtrera på regiform"))
        self.officer = self._combo(self.tr("Filtrera på handläggare"))
        self.status = self._combo(self.tr("Filtrera på status"))
        self.only_warnings = QCheckBox(self.tr("Bara med var&ning"))
        filters = QHBoxLayout()
        filters.setSpacing(6)
        for text, combo in ((self.tr("S&tadsdel:"), self.district), (self.tr("T&yp:"), self.unit_type),
                            (self.tr("&Regiform:"), self.regiform),
                            (self.tr("&Handläggare:"), self.officer),
                            (self.tr("Stat&us:"), self.status)):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
            filters.addSpacing(6)
        filters.addWidget(self.only_warnings)

        self.counts = QLabel()
        self.counts.setObjectName("countLabel")
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setAccessibleName(self.tr("Antal per status"))

        self.table = QTableView()
        self.table.setObjectName("planTable")
        self.table.setAccessibleName(self.tr("Årsplan"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(PlanColumn.UNIT, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(PlanColumn.DATE, Qt.SortOrder.AscendingOrder)
        self.table.setItemDelegateForColumn(PlanColumn.DATE, PlanDateDelegate(self.table))

        self.calendar = PlanCalendar()
        self.day_title = QLabel()
        self.day_title.setObjectName("sectionLabel")
        self.day_list = QListWidget()
        self.day_list.setAccessibleName(self.tr("Besök den valda dagen"))
        self.day_list.setWordWrap(True)
        day_pane = QWidget()
        day_layout = QVBoxLayout(day_pane)
        day_layout.setContentsMargins(0, 0, 0, 0)
        day_layout.addWidget(self.day_title)
        day_layout.addWidget(self.day_list, 1)
        hint = QLabel(self.tr("Dubbelklicka på ett besök för att visa det i listan, där datum "
                              "och handläggare ändras."))
        hint.setWordWrap(True)
        hint.setObjectName("hintLabel")
        day_layout.addWidget(hint)
        calendar_tab = QSplitter(Qt.Orientation.Horizontal)
        calendar_tab.setChildrenCollapsible(False)
        calendar_tab.addWidget(self.calendar)
        calendar_tab.addWidget(day_pane)
        calendar_tab.setStretchFactor(0, 3)
        calendar_tab.setStretchFactor(1, 2)

        self.warning_list = QListWidget()
        self.warning_list.setAccessibleName(self.tr("Varningar"))
        self.warning_list.setWordWrap(True)
        self.warning_list.setAlternatingRowColors(True)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.table, self.tr("&Lista"))
        self.tabs.addTab(calendar_tab, self.tr("&Kalender"))
        self.tabs.addTab(self.warning_list, self.tr("Varningar"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.counts)

        self.search.textChanged.connect(lambda text: self.proxy.set_filter("text", text.strip()))
        for name, combo in (("district", self.district), ("type", self.unit_type),
                            ("regiform", self.regiform), ("officer", self.officer),
                            ("status", self.status)):
            combo.currentIndexChanged.connect(
                lambda _i, n=name, c=combo: self.proxy.set_filter(n, c.currentData()))
        self.only_warnings.toggled.connect(lambda on: self.proxy.set_filter("warnings", on))
        self.proxy.filter_applied.connect(self._refresh_side)
        self.calendar.selectionChanged.connect(self._show_day)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.day_list.itemActivated.connect(self._activate_item)
        self.warning_list.itemActivated.connect(self._activate_item)

    def _combo(self, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(9)
        return combo

    # -- filling --------------------------------------------------------------
    def set_plan(self, rows: list[PlanRow], warnings: list[PlanWarning],
                 today: date | None = None) -> None:
        current = self.current_row()
        self.warnings = warnings
        self.today = today or date.today()
        available: PlanFilters = plan_filters(rows)
        self._fill(self.district, self.tr("Alla"), [(d, d) for d in available.districts])
        self._fill(self.unit_type, self.tr("Alla"), available.unit_types)
        self._fill(self.regiform, self.tr("Alla"), available.regiforms)
        self._fill(self.officer, self.tr("Alla"), available.officers)
        self._fill(self.status, self.tr("Alla"),
                   [(code, self.tr(label)) for code, label in STATUS_LABELS.items()])
        self.model.set_rows(rows, warnings)
        header = self.table.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if current is not None:
            self.select_entry(current.entry_id)
        self._refresh_side()

    def _fill(self, combo: QComboBox, all_text: str, items: list[tuple[Any, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_text, None)
        for code, name in items:
            combo.addItem(name, code)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if index < 0:
            combo.currentIndexChanged.emit(0)

    # -- behaviour -------------------------------------------------------------
    def current_row(self) -> PlanRow | None:
        index = self.table.currentIndex()
        return self.proxy.row_at(index.row()) if index.isValid() else None

    def select_entry(self, entry_id: int) -> bool:
        for position in range(self.proxy.rowCount()):
            if self.proxy.row_at(position).entry_id == entry_id:
                self.table.selectRow(position)
                self.table.scrollTo(self.proxy.index(position, 0))
                return True
        return False

    def _row_changed(self, *_args: object) -> None:
        row = self.current_row()
        if row is not None and row.planned_date is not None:
            self.calendar.setSelectedDate(to_qdate(row.planned_date))

    def _refresh_side(self) -> None:
        visible = self.proxy.visible_rows()
        self.calendar.set_rows(visible, self.today)
        counts = Counter(r.status for r in visible)
        parts = [f"{self.tr(label)} {counts[code]}" for code, label in STATUS_LABELS.items()]
        shown = set(r.entry_id for r in visible)
        relevant = [w for w in self.warnings if w.entry_id is None or w.entry_id in shown]
        self.counts.setText(self.tr("%1 uppföljningar").replace("%1", str(len(visible)))
                            + "   ·   " + "  ·  ".join(parts) + "   ·   "
                            + self.tr("%1 varningar").replace("%1", str(len(relevant))))
        self.tabs.setTabText(2, self.tr("&Varningar (%1)").replace("%1", str(len(relevant))))
        self.warning_list.clear()
        for warning in relevant:
            item = QListWidgetItem(warning.message)
            item.setData(ENTRY_ROLE, warning.entry_id)
            self.warning_list.addItem(item)
        self._show_day()

    def _show_day(self) -> None:
        day = from_qdate(self.calendar.selectedDate())
        visits = [r for r in self.proxy.visible_rows() if r.planned_date == day]
        self.day_title.setText(self.tr("Besök %1 (%2)").replace("%1", day.isoformat())
                               .replace("%2", str(len(visits))))
        self.day_list.clear()
        for r in visits:
            who = ", ".join(r.officers) or self.tr("ej tilldelad")
            item = QListWidgetItem(f"{r.unit_name}\n{r.unit_type_short} · {r.district} · {who}")
            item.setData(ENTRY_ROLE, r.entry_id)
            item.setToolTip(f"{r.unit_type_name}, {r.district}\n{r.reason_text}")
            self.day_list.addItem(item)

    def _activate_item(self, item: QListWidgetItem) -> None:
        entry_id = item.data(ENTRY_ROLE)
        if entry_id is not None:
            self.tabs.setCurrentIndex(0)
            self.select_entry(int(entry_id))
            self.table.setFocus()


class PlanningPage(PlanningView):
    """The Planering page: the view filled from, and saving to, the database."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.setObjectName("planningPage")
        self.ctx = ctx
        self._today = today
        self.year.setValue(today().year)
        self.calendar.setSelectedDate(to_qdate(today()))
        sol = OfficerDelegate(lambda r: self._officer_options(r, "verksamhetsuppfoljare"),
                              self.table)
        hsl = OfficerDelegate(lambda r: self._officer_options(r, "mas"), self.table)
        self.table.setItemDelegateForColumn(PlanColumn.SOL, sol)
        self.table.setItemDelegateForColumn(PlanColumn.HSL, hsl)
        self.model.edit_requested.connect(self._save_edit)
        self.year.valueChanged.connect(self._year_changed)
        self.extra_button.clicked.connect(self.add_extra)
        self.assign_button.clicked.connect(self.assign_unassigned)
        self.export_xlsx.triggered.connect(lambda: self.export("xlsx"))
        self.export_ics.triggered.connect(lambda: self.export("ics"))
        self.reload()

    # -- running work ------------------------------------------------------------
    def _run(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        tasks = getattr(self.ctx, "tasks", None)
        if tasks is None:
            on_done(fn())
        else:
            tasks.run(lambda _state: fn(), on_done, parent=self)

    def _write_then_reload(self, write: Callable[[Any], object]) -> None:
        """Save one edit in its own transaction, then show the year again."""
        year, today, sessions = self.year.value(), self._today(), self.ctx.sessions

        def work() -> tuple[list[PlanRow], list[PlanWarning]]:
            with sessions() as session, session.begin():
                write(session)
                rows = build_year_plan(session, year)
                return rows, plan_warnings(session, rows, today=today)

        self._run(work, lambda result: self.set_plan(*result, today=today))

    def reload(self) -> None:
        self._write_then_reload(lambda _session: None)

    def _year_changed(self, year: int) -> None:
        today = self._today()
        self.calendar.setSelectedDate(to_qdate(today) if year == today.year
                                      else QDate(year, 2, 1))
        self.reload()

    # -- edits -------------------------------------------------------------------
    def _save_edit(self, entry_id: int, column: int, value: object) -> None:
        if column == PlanColumn.DATE:
            self._write_then_reload(lambda s: set_planned_date(s, entry_id, value))  # type: ignore[arg-type]
        elif column == PlanColumn.SOL:
            self._write_then_reload(
                lambda s: set_officer(s, entry_id, "verksamhetsuppfoljare", value))  # type: ignore[arg-type]
        elif column == PlanColumn.HSL:
            self._write_then_reload(lambda s: set_officer(s, entry_id, "mas", value))  # type: ignore[arg-type]

    def _officer_options(self, row: PlanRow, role: str) -> list:  # type: ignore[type-arg]
        with self.ctx.sessions() as session:
            return officer_options(session, row.year, role, row.district_id)

    def add_extra(self) -> None:
        with self.ctx.sessions() as session:
            units = unit_options(session)
        current = self.current_row()
        dialog = ExtraFollowupDialog(self.year.value(), units, self,
                                     preselect=current.unit_id if current else None)
        dialog.accepted.connect(lambda: self._save_extra(dialog))
        dialog.open()

    def _save_extra(self, dialog: ExtraFollowupDialog) -> None:
        request = dialog.request()
        if request is None:
            return
        year = self.year.value()
        self._write_then_reload(lambda s: add_extra_followup(
            s, request.unit_id, year, request.reason, request.text, request.planned_date))

    def assign_unassigned(self) -> None:
        year = self.year.value()
        self._write_then_reload(lambda s: apply_suggestions(s, year))

    def export(self, fmt: str, path: Path | None = None) -> None:
        """Export the rows shown (after filters) to Excel or iCalendar."""
        year = self.year.value()
        if path is None:
            names = {"xlsx": self.tr("Excel-arbetsbok (*.xlsx)"),
                     "ics": self.tr("iCalendar (*.ics)")}
            suggested = str(Path.home() / f"uppfoljningsplan-{year}.{fmt}")
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Exportera planen"),
                                                    suggested, names[fmt])
            if not chosen:
                return
            path = Path(chosen)
            if path.suffix.lower() != f".{fmt}":
                path = path.with_name(path.name + f".{fmt}")
        rows = self.proxy.visible_rows()
        target = path
        self._run(lambda: save_plan(rows, target, year), lambda _result: None)
