"""The Rapporter page's list: one row per follow-up (``ReportRow``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.services.report import ReportRow
from app.ui.i18n import label

VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_TITLES = (
    QT_TRANSLATE_NOOP("ReportTableModel", "Enhet"),
    QT_TRANSLATE_NOOP("ReportTableModel", "Stadsdel"),
    QT_TRANSLATE_NOOP("ReportTableModel", "Platsbesök"),
    QT_TRANSLATE_NOOP("ReportTableModel", "Status"),
    QT_TRANSLATE_NOOP("ReportTableModel", "Revision"),
)


class ReportTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ReportRow] = []

    def set_rows(self, rows: Sequence[ReportRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ReportRow:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(_TITLES)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ReportTableModel", _TITLES[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == VISIT_ID_ROLE:
            return row.visit_id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return row.unit_name if row.seq == 1 else f"{row.unit_name} ({row.seq})"
        if column == 1:
            return row.district
        if column == 2:
            return row.visit_date.isoformat() if row.visit_date else ""
        if column == 3:
            status = label(row.status_label)
            return status if row.complete else QCoreApplication.translate(
                "ReportTableModel", "Utkast ({status})").format(status=status)
        return str(row.revision)
