"""The Planering page's layout: year, filters, status counts, and tabs with
the plan table, a month calendar of visits and the warnings.

It takes rows and warnings and knows no database; ``planning_page`` fills it.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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
from app.services.plan_choices import PlanFilters, plan_filters
from app.services.schedule_rows import STATUS_LABELS, PlanRow
from app.ui import i18n
from app.ui.plan_calendar import PlanCalendar
from app.ui.plan_delegates import PlanDateDelegate, from_qdate, to_qdate
from app.ui.plan_table_model import PlanColumn, PlanFilterProxy, PlanTableModel, warning_icon

COLUMN_WIDTHS = {PlanColumn.DATE: 92, PlanColumn.UNIT: 260, PlanColumn.TYPE: 110,
                 PlanColumn.REGIFORM: 95, PlanColumn.DISTRICT: 165, PlanColumn.REASON: 70,
                 PlanColumn.SOL: 170, PlanColumn.HSL: 160, PlanColumn.STATUS: 125}
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 10
WARNING_ORDER = ("over_kapacitet", "ej_tilldelad", "ingen_mas", "inget_datum",
                 "datum_passerat", "utanfor_rytm")


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
        self.year.setKeyboardTracking(False)  # rebuild when the year is typed in full
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök enhet eller enhets-id"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Sök i planen"))
        self.extra_button = QPushButton(self.tr("E&xtra uppföljning…"))
        self.assign_button = QPushButton(self.tr("&Fördela otilldelade"))
        self.assign_button.setToolTip(self.tr(
            "Föreslår handläggare för uppföljningar utan handläggare, så att belastningen "
            "blir jämn inom stadsdelen. Gjorda val ändras inte."))
        self.rules_button = QPushButton(self.tr("Rytmre&gler…"))
        self.rules_button.setToolTip(self.tr("Vilka år varje enhetstyp följs upp"))
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
        for button in (self.extra_button, self.assign_button, self.rules_button,
                       self.export_button):
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
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
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
        self.warning_list.setSpacing(1)

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
        self._fill(self.unit_type, self.tr("Alla"),
                   [(code, i18n.label(name)) for code, name in available.unit_types])
        self._fill(self.regiform, self.tr("Alla"),
                   [(code, i18n.label(name)) for code, name in available.regiforms])
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
        # What needs a decision first: capacity and missing officers, then dates.
        order = {kind: rank for rank, kind in enumerate(WARNING_ORDER)}
        for warning in sorted(relevant, key=lambda w: order.get(w.kind, len(order))):
            item = QListWidgetItem(warning_icon(), i18n.message_text(warning.message))
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
