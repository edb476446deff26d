"""The assessment's question list as a two-level Qt model: areas, then questions.

An area row shows its progress (answered / applicable); a question row shows a
coloured mark for its answer. The filter proxy serves Ctrl+F (question text,
guidance, basis and id) and the part filter (SoL / HSL), keeping an area
visible while any of its questions match.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from app.services.template_format import QuestionDef, answer_label
from app.ui.i18n import label

QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # question id, None on an area row
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
PART_ROLE = Qt.ItemDataRole.UserRole + 3
AREA_ID_ROLE = Qt.ItemDataRole.UserRole + 4

_Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = 0  # internalId of an area row; a question row stores area index + 1

ANSWER_COLOURS = {
    "uppfyllt": "#2e7d32",
    "delvis": "#f9a825",
    "ej_uppfyllt": "#c62828",
    "ej_aktuellt": "#78909c",
    "ej_bedomt": "#b0bec5",
    "ja": "#2e7d32",
    "nej": "#c62828",
    "number": "#2e7d32",
}


def is_answered(answer: str | None) -> bool:
    """Answered for progress and finalizing: 'Ej bedömt' is not an answer."""
    return answer is not None and answer != "ej_bedomt"


@dataclass
class Area:
    id: str
    title: str
    questions: list[QuestionDef] = field(default_factory=list)


class QuestionTreeModel(QAbstractItemModel):
    def __init__(self, areas: list[Area], answers: dict[str, str | None]) -> None:
        super().__init__()
        self._icons: dict[str, QIcon] = {}
        self._fill(areas, answers)

    def _fill(self, areas: list[Area], answers: dict[str, str | None]) -> None:
        self.areas = areas
        self.answers = answers  # question id -> choice code ("number"/"ja"/"nej" too)
        self._row_of: dict[str, tuple[int, int]] = {
            q.id: (a, r) for a, area in enumerate(areas) for r, q in enumerate(area.questions)
        }

    def set_content(self, areas: list[Area], answers: dict[str, str | None]) -> None:
        self.beginResetModel()
        self._fill(areas, answers)
        self.endResetModel()

    # --- structure -----------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column not in (0, 1) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self.areas):
                return QModelIndex()
            return self.createIndex(row, column, _NO_PARENT)
        if parent.internalId() != _NO_PARENT:
            return QModelIndex()
        area = parent.row()
        if row >= len(self.areas[area].questions):
            return QModelIndex()
        return self.createIndex(row, column, area + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _NO_PARENT)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self.areas)
        if parent.internalId() == _NO_PARENT:
            return len(self.areas[parent.row()].questions)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 2  # the text, then the area's progress "answered/applicable"

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- lookup --------------------------------------------------------------
    def question_index(self, qid: str) -> QModelIndex:
        where = self._row_of.get(qid)
        if where is None:
            return QModelIndex()
        return self.index(where[1], 0, self.index(where[0], 0))

    def question_at(self, index: _Index) -> QuestionDef | None:
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        return self.areas[index.internalId() - 1].questions[index.row()]

    def progress(self, area: Area) -> tuple[int, int]:
        """(answered, applicable) in an area; 'Ej aktuellt' is answered."""
        done = sum(1 for q in area.questions if is_answered(self.answers.get(q.id)))
        return done, len(area.questions)

    def ordered_ids(self) -> list[str]:
        return [q.id for area in self.areas for q in area.questions]

    def set_answer(self, qid: str, answer: str | None) -> None:
        self.answers[qid] = answer
        index = self.question_index(qid)
        if index.isValid():
            self.dataChanged.emit(index, index)
            area = index.parent()
            self.dataChanged.emit(area, area.siblingAtColumn(1))

    # --- data ----------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        question = self.question_at(index)
        if question is None:
            return self._area_data(self.areas[index.row()], role, index.column())
        if index.column() == 1 and role not in (QUESTION_ID_ROLE, PART_ROLE):
            return None
        answer = self.answers.get(question.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return question.text
        if role == Qt.ItemDataRole.ToolTipRole:
            state = label(answer_label(answer)) if answer else _tr("Inte besvarad")
            return f"{question.text}\n\n{state}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(answer)
        if role == QUESTION_ID_ROLE:
            return question.id
        if role == PART_ROLE:
            return question.part
        if role == SEARCH_ROLE:
            g = question.guidance
            return " ".join((question.id, question.text, question.basis, g.fulfilled, g.partly,
                             g.not_fulfilled, g.look_at, g.staff_knowledge))
        return None

    def _area_data(self, area: Area, role: int, column: int) -> Any:
        done, total = self.progress(area)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{done}/{total}" if column == 1 else area.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and done == total and total:
            return QBrush(QColor("#2e7d32"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr("%1 av %2 frågor besvarade").replace("%1", str(done)).replace(
                "%2", str(total))
        if role == AREA_ID_ROLE:
            return area.id
        if role == SEARCH_ROLE:
            return area.title
        return None

    def _icon(self, answer: str | None) -> QIcon:
        key = answer or ""
        icon = self._icons.get(key)
        if icon is None:
            pixmap = QPixmap(14, 14)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if answer:
                colour = QColor(ANSWER_COLOURS.get(answer, "#2e7d32"))
                painter.setBrush(colour)
                painter.setPen(colour)
            else:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QColor("#90a4ae"))
            painter.drawEllipse(2, 2, 10, 10)
            painter.end()
            icon = QIcon(pixmap)
            self._icons[key] = icon
        return icon


class QuestionFilterProxy(QSortFilterProxyModel):
    """Ctrl+F text and the part filter; areas stay while a question matches."""

    def __init__(self) -> None:
        super().__init__()
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(SEARCH_ROLE)
        self._part: str | None = None

    def set_part(self, part: str | None) -> None:
        self.beginFilterChange()
        self._part = part
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        qid = index.data(QUESTION_ID_ROLE)
        if qid is None:
            # An area row: shown only through its matching questions (recursive filtering).
            return False
        if self._part is not None and index.data(PART_ROLE) != self._part:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


def _tr(text: str) -> str:
    return QCoreApplication.translate("QuestionTreeModel", text)
