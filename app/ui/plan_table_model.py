"""The year plan as a Qt table model, and the proxy that filters it.

Rows are ``PlanRow``s from the schedule service. Editable cells (date and the
two officers) hand the new value to the page through ``edit_requested``; the
page saves it at once through the service and puts the saved row back with
``replace_row``, so the model never holds an unsaved value.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from app.services.plan_assign import PlanWarning
from app.services.schedule_rows import PlanRow
from app.ui.i18n import label, message_text
from app.ui.unit_table_model import swedish_key

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole PlanRow
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
EDIT_ROLE = Qt.ItemDataRole.UserRole + 3  # date or officer id for the delegates

_Index = QModelIndex | QPersistentModelIndex
CONTEXT = "PlanTableModel"
WARNING_BACKGROUND = QColor("#fff4d6")
WARNING_TEXT = QColor("#8a5a00")


class PlanColumn(IntEnum):
    DATE = 0
    UNIT = 1
    TYPE = 2
    REGIFORM = 3
    DISTRICT = 4
    REASON = 5
    SOL = 6
    HSL = 7
    STATUS = 8


HEADERS = {
    PlanColumn.DATE: "Datum", PlanColumn.UNIT: "Enhet", PlanColumn.TYPE: "Typ",
    PlanColumn.REGIFORM: "Regiform", PlanColumn.DISTRICT: "Stadsdel",
    PlanColumn.REASON: "Skäl", PlanColumn.SOL: "Verksamhetsuppföljare",
    PlanColumn.HSL: "MAS", PlanColumn.STATUS: "Status",
}
EDITABLE = {PlanColumn.DATE, PlanColumn.SOL, PlanColumn.HSL}
DATE_PROBLEMS = frozenset({"inget_datum", "datum_passerat"})


@cache
def warning_icon() -> QIcon:
    """A small warning sign, from the platform style."""
    style = QApplication.style()
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _text(row: PlanRow, column: PlanColumn) -> str:
    match column:
        case PlanColumn.DATE:
            return row.planned_date.isoformat() if row.planned_date else "–"
        case PlanColumn.UNIT:
            return row.unit_name
        case PlanColumn.TYPE:
            return label(row.unit_type_short)
        case PlanColumn.REGIFORM:
            return label(row.regiform_name)
        case PlanColumn.DISTRICT:
            return row.district
        case PlanColumn.REASON:
            return _tr("Rytm") if row.reason == "rytm" else _tr("Extra")
        case PlanColumn.SOL:
            return row.sol_officer or _tr("Ej tilldelad")
        case PlanColumn.HSL:
            if not row.needs_mas:
                return ""
            return row.hsl_officer or _tr("Ej tilldelad")
        case PlanColumn.STATUS:
            return _tr(row.status_label)
    return ""


def _sort_key(row: PlanRow, column: PlanColumn) -> Any:
    if column == PlanColumn.DATE:
        return row.planned_date.isoformat() if row.planned_date else "9999"
    return swedish_key(_text(row, column))


class PlanTableModel(QAbstractTableModel):
    # (entry id, column, new value: date | None or officer id | None)
    edit_requested = Signal(int, int, object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PlanRow] = []
        self._warnings: dict[int, list[str]] = {}
        self._kinds: dict[int, set[str]] = {}

    # -- content ------------------------------------------------------------
    def set_rows(self, rows: list[PlanRow], warnings: list[PlanWarning] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._warnings, self._kinds = {}, {}
        for warning in warnings or []:
            if warning.entry_id is not None:
                self._warnings.setdefault(warning.entry_id, []).append(
                    message_text(warning.message))
                self._kinds.setdefault(warning.entry_id, set()).add(warning.kind)
        self.endResetModel()

    def replace_row(self, row: PlanRow, warnings: list[PlanWarning]) -> None:
        for position, old in enumerate(self._rows):
            if old.entry_id == row.entry_id:
                self._rows[position] = row
                mine = [w for w in warnings if w.entry_id == row.entry_id]
                self._warnings[row.entry_id] = [message_text(w.message) for w in mine]
                self._kinds[row.entry_id] = {w.kind for w in mine}
                self.dataChanged.emit(self.index(position, 0),
                                      self.index(position, len(PlanColumn) - 1))
                return

    def rows(self) -> list[PlanRow]:
        return list(self._rows)

    def row_at(self, position: int) -> PlanRow:
        return self._rows[position]

    def warnings_for(self, entry_id: int) -> list[str]:
        return self._warnings.get(entry_id, [])

    # -- Qt -----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PlanColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[PlanColumn(section)])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags
        column = PlanColumn(index.column())
        row = self._rows[index.row()]
        if column in EDITABLE and not (column == PlanColumn.HSL and not row.needs_mas):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = PlanColumn(index.column())
        warnings = self._warnings.get(row.entry_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(row, column)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return _sort_key(row, column)
        if role == EDIT_ROLE:
            if column == PlanColumn.DATE:
                return row.planned_date
            if column == PlanColumn.SOL:
                return row.sol_officer_id
            if column == PlanColumn.HSL:
                return row.hsl_officer_id
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PlanColumn.REASON:
                return row.reason_text
            if column == PlanColumn.TYPE:
                return label(row.unit_type_name)
            if column == PlanColumn.DISTRICT and row.outside_city:
                return _tr("Enheten ligger utanför staden; stadsdelen är tilldelad.")
            if warnings:
                return "\n".join(warnings)
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == PlanColumn.UNIT and warnings:
            return warning_icon()
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            problem = ((column == PlanColumn.SOL and row.sol_officer_id is None)
                       or (column == PlanColumn.HSL and row.needs_mas
                           and row.hsl_officer_id is None)
                       or (column == PlanColumn.DATE
                           and self._kinds.get(row.entry_id, set()) & DATE_PROBLEMS))
            if not problem:
                return None
            return QBrush(WARNING_BACKGROUND if role == Qt.ItemDataRole.BackgroundRole
                          else WARNING_TEXT)
        if role == Qt.ItemDataRole.AccessibleTextRole and warnings:
            return _text(row, column) + ". " + _tr("Varning:") + " " + "; ".join(warnings)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = PlanColumn(index.column())
        if column not in EDITABLE:
            return False
        row = self._rows[index.row()]
        current = self.data(index, EDIT_ROLE)
        if value == current:
            return False
        if column == PlanColumn.DATE and value is not None and not isinstance(value, date):
            return False
        self.edit_requested.emit(row.entry_id, int(column), value)
        return True


class PlanFilterProxy(QSortFilterProxyModel):
    """Filters on district, type, regiform, officer, status, text and
    "only rows with warnings"; sorts on precomputed keys."""

    filter_applied = Signal()

    def __init__(self, model: PlanTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self._plan = model
        self._tests: dict[str, Callable[[PlanRow], bool]] = {}
        self._text = ""

    def set_filter(self, name: str, value: Any) -> None:
        """``value`` "" or None clears the filter called ``name``."""
        self.beginFilterChange()
        if value in ("", None):
            self._tests.pop(name, None)
        elif name == "district":
            self._tests[name] = lambda r: r.district == value
        elif name == "type":
            self._tests[name] = lambda r: r.unit_type == value
        elif name == "regiform":
            self._tests[name] = lambda r: r.regiform == value
        elif name == "officer":
            self._tests[name] = lambda r: value in (r.sol_officer_id, r.hsl_officer_id)
        elif name == "status":
            self._tests[name] = lambda r: r.status == value
        elif name == "date":
            self._tests[name] = lambda r: r.planned_date == value
        elif name == "warnings":
            self._tests[name] = lambda r: bool(self._plan.warnings_for(r.entry_id))
        elif name == "text":
            needle = str(value).casefold()
            self._tests[name] = lambda r: needle in f"{r.unit_name}\x1f{r.unit_id}".casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.filter_applied.emit()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        row = self._plan.row_at(source_row)
        return all(test(row) for test in self._tests.values())

    def row_at(self, proxy_row: int) -> PlanRow:
        return self._plan.row_at(self.mapToSource(self.index(proxy_row, 0)).row())

    def visible_rows(self) -> list[PlanRow]:
        return [self.row_at(position) for position in range(self.rowCount())]
