"""The visit's audit trail: who changed which field, when, from what to what."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
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
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import visits as visits_service
from app.services.template_format import answer_label
from app.services.visits import VisitDetail
from app.services.visits.audit import AuditRow
from app.services.visits.common import SUMMARY_LABELS
from app.services.visits.lifecycle import FIELD_LABELS
from app.ui.context import UiContext
from app.ui.i18n import label

_Index = QModelIndex | QPersistentModelIndex
_TITLES = (
    QT_TRANSLATE_NOOP("AuditTableModel", "Tid"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Vem"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Del"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Fält"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Tidigare värde"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Nytt värde"),
)
_CELL_LIMIT = 200  # long texts are cut in the cell; the tooltip shows all


_ANSWER_FIELDS = {
    "answer": QT_TRANSLATE_NOOP("AuditTableModel", "svar"),
    "comment": QT_TRANSLATE_NOOP("AuditTableModel", "kommentar"),
    "evidence": QT_TRANSLATE_NOOP("AuditTableModel", "underlag"),
    "number": QT_TRANSLATE_NOOP("AuditTableModel", "tal"),
    "yesno": QT_TRANSLATE_NOOP("AuditTableModel", "ja/nej"),
}


def local_time(at_utc: datetime) -> str:
    return at_utc.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def describe_field(field: str, detail: VisitDetail | None) -> str:
    """A field code as the officer reads it: 'ledningssystem.answer' becomes
    the question's text and 'svar'; visit fields get their Swedish label."""
    head, _, tail = field.partition(".")
    if head in FIELD_LABELS and not tail:
        return label(FIELD_LABELS[head])
    if head in SUMMARY_LABELS:
        return QCoreApplication.translate("AuditTableModel", "Sammanfattning: %1").replace(
            "%1", label(SUMMARY_LABELS[head]))
    question = detail.question(head) if detail is not None else None
    if question is not None:
        what = QCoreApplication.translate("AuditTableModel", _ANSWER_FIELDS.get(tail, tail))
        text = question.text if len(question.text) <= 60 else question.text[:60] + "…"
        return f"{text} – {what}"
    return field


def describe_value(field: str, value: str | None) -> str:
    if value and field.endswith(".answer"):
        return label(answer_label(value))
    return value or ""


class AuditTableModel(QAbstractTableModel):
    def __init__(self, rows: Sequence[AuditRow], detail: VisitDetail | None = None) -> None:
        super().__init__()
        self._rows = list(rows)
        self._detail = detail

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(_TITLES)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AuditTableModel", _TITLES[section])
        return None

    def _full(self, row: AuditRow, column: int) -> str:
        values = (
            local_time(row.at), row.who, (row.part or "").upper(),
            describe_field(row.field, self._detail), describe_value(row.field, row.old),
            describe_value(row.field, row.new),
        )
        return values[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        text = self._full(row, index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            flat = " ".join(text.split())
            return flat if len(flat) <= _CELL_LIMIT else flat[:_CELL_LIMIT] + "…"
        if role == Qt.ItemDataRole.ToolTipRole and index.column() >= 4:
            return text
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return row.field  # the stored code, for support
        return None


class AuditDialog(QDialog):
    def __init__(self, ctx: UiContext, visit_id: str, parent: QWidget | None = None,
                 detail: VisitDetail | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ändringslogg"))
        self.resize(1000, 560)
        with ctx.sessions() as session:
            rows = visits_service.audit_events(session, visit_id)
        # Newest first: the usual question is "what just happened".
        self.model = AuditTableModel(list(reversed(rows)), detail)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filtrera på person, fält eller text"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
