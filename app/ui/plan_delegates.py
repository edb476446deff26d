"""Cell editors of the plan table: a date with a calendar popup, and an
officer picker that lists the responsible district's officers first, with
each one's load against capacity."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.services.plan_choices import OfficerOption
from app.services.schedule_rows import PlanRow
from app.ui.plan_table_model import EDIT_ROLE, ROW_ROLE

_Index = QModelIndex | QPersistentModelIndex


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class PlanDateDelegate(QStyledItemDelegate):
    """Edits the planned date within the plan's year."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: _Index) -> QWidget:
        row: PlanRow = index.data(ROW_ROLE)
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        editor.setDateRange(QDate(row.year, 1, 1), QDate(row.year, 12, 31))
        editor.setAccessibleName(self.tr("Planerat datum"))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QDateEdit)
        current = index.data(EDIT_ROLE)
        row: PlanRow = index.data(ROW_ROLE)
        editor.setDate(to_qdate(current) if current else QDate(row.year, 2, 1))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QDateEdit)
        model.setData(index, from_qdate(editor.date()), Qt.ItemDataRole.EditRole)


class OfficerDelegate(QStyledItemDelegate):
    """Picks the officer for one role; ``options(row)`` gives the choices."""

    def __init__(self, options: Callable[[PlanRow], list[OfficerOption]],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._options = options

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: _Index) -> QWidget:
        row: PlanRow = index.data(ROW_ROLE)
        editor = QComboBox(parent)
        editor.setAccessibleName(self.tr("Välj handläggare"))
        editor.addItem(self.tr("Ej tilldelad"), None)
        options = self._options(row)
        pooled = [o for o in options if o.in_pool]
        others = [o for o in options if not o.in_pool]
        for item in pooled:
            editor.addItem(item.label, item.id)
            editor.setItemData(editor.count() - 1, item.district, Qt.ItemDataRole.ToolTipRole)
        if others:
            editor.insertSeparator(editor.count())
            for item in others:
                editor.addItem(f"{item.label} – {item.district}", item.id)
        editor.setMinimumContentsLength(24)
        # Choosing an officer saves at once; no need to leave the cell first.
        editor.activated.connect(lambda _index: self._commit(editor))
        return editor

    def _commit(self, editor: QComboBox) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(EDIT_ROLE)), 0))
        editor.showPopup()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
