"""Things to act on before finalizing (missing items, personal data hits), as a
list model; each row knows the step and target it jumps to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.services.visits import MissingItem, PiiHit, VisitDetail
from app.ui.i18n import arg, label, message_text

_Index = QModelIndex | QPersistentModelIndex
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 1

_FIELD_STEPS = {
    "preanalysis_notes": "foranalys",
    "irregularity_note": "foranalys",
    "method_notes": "platsbesok",
    "visit_start": "platsbesok",
    "visit_end": "platsbesok",
    "factcheck_reply": "sakgranskning",
    "factcheck_changes": "sakgranskning",
    "factcheck_sent": "sakgranskning",
    "factcheck_reply_date": "sakgranskning",
}


@dataclass(frozen=True)
class Issue:
    text: str
    step: str
    target: object
    personal_data: bool = False


def locate(location: str, detail: VisitDetail) -> tuple[str, object]:
    """Where a text lives, from its key ('qid.comment', 'fynd:12.text' ...)."""
    head, _, _tail = location.partition(".")
    if head.startswith("fynd:"):
        return "fynd", int(head.removeprefix("fynd:"))
    if head.startswith("tidigare_brist:"):
        return "foranalys", int(head.removeprefix("tidigare_brist:"))
    if head.startswith("summary_"):
        return "fynd", head
    if head == "key_facts":
        return "foranalys", "key_facts"
    if head in _FIELD_STEPS:
        return _FIELD_STEPS[head], head
    if detail.question(head) is not None:
        return "bedomning", head
    return "foranalys", None


def issue_for_missing(item: MissingItem, detail: VisitDetail) -> Issue:
    if item.kind in ("svar", "kommentar"):
        return Issue(message_text(item.message), "bedomning", item.target)
    if item.kind == "brist":
        if item.target.isdigit():
            return Issue(message_text(item.message), "fynd", int(item.target))
        return Issue(message_text(item.message), "bedomning", item.target)
    if item.kind == "tidigare_brist":
        return Issue(message_text(item.message), "foranalys", int(item.target))
    if item.kind == "sammanfattning":
        return Issue(message_text(item.message), "fynd", item.target)
    if item.kind == "personuppgift":
        step, target = locate(item.target, detail)
        return Issue(message_text(item.message), step, target, personal_data=True)
    return Issue(message_text(item.message), "faststall", None)


def issue_for_hit(hit: PiiHit, detail: VisitDetail, where: str) -> Issue:
    step, target = locate(hit.location, detail)
    text = arg(QCoreApplication.translate("IssueListModel", "%1 «%2» i %3"),
               label(hit.label), hit.match, where)
    return Issue(text, step, target, personal_data=True)


class IssueListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.issues: list[Issue] = []

    def set_issues(self, issues: list[Issue]) -> None:
        self.beginResetModel()
        self.issues = list(issues)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.issues)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        issue = self.issues[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return issue.text
        if role == ISSUE_ROLE:
            return issue
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#8e1b1b") if issue.personal_data else QColor("#263238")
        return None
