"""The follow-ups as a Qt table model (one row per visit) with named roles."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.services.visits import VisitSummary
from app.ui.i18n import label

VISIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole VisitSummary
VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    UNIT = 0
    TYPE = 1
    DISTRICT = 2
    YEAR = 3
    STATUS = 4
    SOL_OWNER = 5
    HSL_OWNER = 6
    VISIT_DATE = 7


_TITLES = {
    Column.UNIT: QT_TRANSLATE_NOOP("VisitTableModel", "Enhet"),
    Column.TYPE: QT_TRANSLATE_NOOP("VisitTableModel", "Typ"),
    Column.DISTRICT: QT_TRANSLATE_NOOP("VisitTableModel", "Stadsdel"),
    Column.YEAR: QT_TRANSLATE_NOOP("VisitTableModel", "År"),
    Column.STATUS: QT_TRANSLATE_NOOP("VisitTableModel", "Status"),
    Column.SOL_OWNER: QT_TRANSLATE_NOOP("VisitTableModel", "Uppföljare (SoL)"),
    Column.HSL_OWNER: QT_TRANSLATE_NOOP("VisitTableModel", "MAS (HSL)"),
    Column.VISIT_DATE: QT_TRANSLATE_NOOP("VisitTableModel", "Platsbesök"),
}


class VisitTableModel(QAbstractTableModel):
    def __init__(self, type_names: dict[str, str] | None = None) -> None:
        super().__init__()
        self._rows: list[VisitSummary] = []
        self._type_names = type_names or {}

    def set_rows(self, rows: Sequence[VisitSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> VisitSummary:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("VisitTableModel", _TITLES[Column(section)])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        visit = self._rows[index.row()]
        column = Column(index.column())
        if role == VISIT_ROLE:
            return visit
        if role == VISIT_ID_ROLE:
            return visit.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(visit, column)
        if role == SORT_ROLE:
            if column == Column.YEAR:
                return visit.year
            if column == Column.VISIT_DATE:
                return visit.visit_date.isoformat() if visit.visit_date else ""
            return self._text(visit, column).casefold()
        return None

    def _text(self, visit: VisitSummary, column: Column) -> str:
        if column == Column.UNIT:
            return visit.unit_name
        if column == Column.TYPE:
            return label(self._type_names.get(visit.unit_type, visit.unit_type))
        if column == Column.DISTRICT:
            return visit.district
        if column == Column.YEAR:
            return str(visit.year)
        if column == Column.STATUS:
            return label(visit.status_label)
        if column == Column.SOL_OWNER:
            return visit.sol_owner
        if column == Column.HSL_OWNER:
            return visit.hsl_owner or ""
        return visit.visit_date.isoformat() if visit.visit_date else ""


class VisitFilterProxy(QSortFilterProxyModel):
    """Type-ahead over unit name, district and officers."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self._needle = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, VisitTableModel)
        visit = model.row_at(source_row)
        haystack = " ".join(
            (visit.unit_name, visit.unit_id, visit.district, visit.sol_owner, visit.hsl_owner or "")
        ).casefold()
        return self._needle in haystack
