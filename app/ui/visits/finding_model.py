"""Findings as a list model: one row per strength, area to improve or deficiency.

Rows are plain dicts of the finding's fields, updated in place as the editor
writes, so the list shows what was just typed without re-reading the visit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.services.visits import FindingView
from app.services.visits.common import FINDING_KINDS
from app.ui.i18n import label

_Index = QModelIndex | QPersistentModelIndex
FINDING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_COLOURS = {"styrka": "#2e7d32", "forbattring": "#b17d00", "brist": "#c62828"}
_KIND_ORDER = {"styrka": 0, "forbattring": 1, "brist": 2}
FIELDS = ("kind", "text", "question_ids", "required_action", "deadline", "remedy",
          "action_plan_received", "part")


def as_row(f: FindingView) -> dict[str, Any]:
    return {"id": f.id, **{name: getattr(f, name) for name in FIELDS}}


class FindingListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, Any]] = []

    def set_findings(self, findings: list[FindingView]) -> None:
        self.beginResetModel()
        ordered = sorted(findings, key=lambda f: (f.part, _KIND_ORDER.get(f.kind, 9), f.id))
        self.rows = [as_row(f) for f in ordered]
        self.endResetModel()

    def row_of(self, finding_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r["id"] == finding_id), -1)

    def get(self, finding_id: int) -> dict[str, Any]:
        row = self.row_of(finding_id)
        if row < 0:
            raise KeyError(finding_id)
        return self.rows[row]

    def find(self, finding_id: int) -> dict[str, Any] | None:
        row = self.row_of(finding_id)
        return self.rows[row] if row >= 0 else None

    def set_field(self, finding_id: int, field: str, value: Any) -> None:
        row = self.row_of(finding_id)
        if row < 0:
            return
        self.rows[row][field] = value
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == FINDING_ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.DisplayRole:
            kind = label(FINDING_KINDS[row["kind"]])
            first = (row["text"].strip().splitlines() or [""])[0]
            if len(first) > 90:
                first = first[:90] + "…"
            empty = QCoreApplication.translate("FindingListModel", "(ingen text än)")
            return f"{kind} · {row['part'].upper()}\n{first or empty}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#263238"))
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(KIND_COLOURS.get(row["kind"], "#607d8b"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return row["text"]
        return None
