"""The pre-analysis's requested documents as a table model: tick received, give a date.

``setData`` does not write: it hands the change to ``on_change`` (the view),
which pushes an undoable command that writes through ``set_document`` and
then calls ``apply`` to show the value.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.services.visits import DocumentView

_Index = QModelIndex | QPersistentModelIndex
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, PART, RECEIVED, DATE = range(4)
_TITLES = (
    QT_TRANSLATE_NOOP("DocumentTableModel", "Dokument"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Del"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Mottaget"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Datum"),
)

# (received, received_on): the value one document row saves.
DocState = tuple[bool, date | None]


class DocumentTableModel(QAbstractTableModel):
    def __init__(self, on_change: Callable[[int, DocState, DocState], None]) -> None:
        super().__init__()
        self._rows: list[DocumentView] = []
        self._state: dict[int, DocState] = {}
        self._on_change = on_change
        self.locked: set[str] = set()  # parts whose rows are read-only

    def set_rows(self, rows: list[DocumentView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._state = {d.id: (d.received, d.received_on) for d in rows}
        self.endResetModel()

    def state(self, doc_id: int) -> DocState:
        return self._state[doc_id]

    def row_of(self, doc_id: int) -> int:
        return next(i for i, d in enumerate(self._rows) if d.id == doc_id)

    def apply(self, doc_id: int, value: DocState) -> None:
        self._state[doc_id] = value
        row = self.row_of(doc_id)
        self.dataChanged.emit(self.index(row, RECEIVED), self.index(row, DATE))

    def received_count(self) -> tuple[int, int]:
        return sum(1 for r, _d in self._state.values() if r), len(self._state)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(_TITLES)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DocumentTableModel", _TITLES[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid() or self._rows[index.row()].part in self.locked:
            return base
        if index.column() == RECEIVED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == DATE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        doc = self._rows[index.row()]
        received, on = self._state[doc.id]
        column = index.column()
        if role == DOC_ID_ROLE:
            return doc.id
        if column == NAME and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return doc.name
        if column == PART and role == Qt.ItemDataRole.DisplayRole:
            return doc.part.upper()
        if column == RECEIVED:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if received else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                # Two literal calls: lupdate does not read a conditional argument.
                if received:
                    return QCoreApplication.translate("DocumentTableModel", "Mottaget")
                return QCoreApplication.translate("DocumentTableModel", "Inte mottaget")
        if column == DATE:
            if role == Qt.ItemDataRole.DisplayRole:
                return on.isoformat() if on else ""
            if role == Qt.ItemDataRole.EditRole:
                return QDate(on) if on else QDate.currentDate()
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        doc = self._rows[index.row()]
        old = self._state[doc.id]
        if index.column() == RECEIVED and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            # Ticking "received" fills in today unless a date is already there.
            new: DocState = (checked, (old[1] or date.today()) if checked else None)
        elif index.column() == DATE and role == Qt.ItemDataRole.EditRole:
            picked = value.toPython() if isinstance(value, QDate) else value
            new = (True, picked)
        else:
            return False
        if new != old:
            self._on_change(doc.id, old, new)
        return True
