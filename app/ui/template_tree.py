"""The template as a tree of areas and questions, with a filter proxy for
search (question text, guidance, id, basis), unit type and part, and the
HTML shown beside a question."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from app.services.reference import fold
from app.services.template_format import ANSWERS, PART_LABELS, QuestionDef, TemplateDef, answer_label
from app.ui.i18n import label

QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1  # the QuestionDef (None on an area row)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # folded text searched by the filter

PART_SHORT = {"sol": "SoL", "hsl": "HSL"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("TemplatePage", text)


def _search_text(q: QuestionDef) -> str:
    g = q.guidance
    return fold(" ".join((q.id, q.text, q.basis, g.fulfilled, g.partly, g.not_fulfilled,
                          g.look_at, g.staff_knowledge, *q.documents)))


def build_model(template: TemplateDef | None, model: QStandardItemModel) -> int:
    """Fill ``model`` (areas with their questions as children); returns the
    number of questions."""
    model.clear()
    model.setHorizontalHeaderLabels([_tr("Område / fråga"), _tr("Del"), _tr("Id")])
    if template is None:
        return 0
    count = 0
    root = model.invisibleRootItem()
    for number, section in enumerate(template.sections, start=1):
        area = QStandardItem(f"{number}. {section.title}")
        area.setEditable(False)
        font = area.font()
        font.setBold(True)
        area.setFont(font)
        area.setData(None, QUESTION_ROLE)
        blank_part, section_id = QStandardItem(""), QStandardItem(section.id)
        for item in (blank_part, section_id):
            item.setEditable(False)
        for q in section.questions:
            text = QStandardItem(q.text)
            text.setEditable(False)
            text.setData(q, QUESTION_ROLE)
            text.setData(_search_text(q), SEARCH_ROLE)
            text.setToolTip(q.text)
            part = QStandardItem(PART_SHORT.get(q.part, q.part))
            part.setEditable(False)
            part.setToolTip(label(PART_LABELS.get(q.part, q.part)))
            qid = QStandardItem(q.id)
            qid.setEditable(False)
            area.appendRow([text, part, qid])
            count += 1
        root.appendRow([area, blank_part, section_id])
    return count


class QuestionFilter(QSortFilterProxyModel):
    """Shows the questions matching search, unit type and part; an area is
    shown when any of its questions is (recursive filtering)."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._terms: list[str] = []
        self._unit_type: str | None = None
        self._part: str | None = None

    def set_filters(self, search: str, unit_type: str | None, part: str | None) -> None:
        self.beginFilterChange()
        self._terms = fold(search).split()
        self._unit_type = unit_type
        self._part = part
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(row, 0, parent)
        question = index.data(QUESTION_ROLE)
        if question is None:
            # An area row: shown through its questions, or when nothing filters.
            return not (self._terms or self._unit_type or self._part)
        if self._unit_type and self._unit_type not in question.unit_types:
            return False
        if self._part and question.part != self._part:
            return False
        haystack = index.data(SEARCH_ROLE) or ""
        return all(term in haystack for term in self._terms)


def _para(title: str, text: str) -> str:
    return f"<p><b>{escape(title)}</b><br>{escape(text)}</p>" if text else ""


def _scale_html(q: QuestionDef) -> str:
    if q.answer_kind == "number":
        unit = f" ({q.number_unit})" if q.number_unit else ""
        return escape(_tr("Tal") + unit)
    if q.answer_kind == "yesno":
        return escape(_tr("Ja / Nej, med kommentar"))
    return escape(" / ".join(label(answer_label(a)) for a in ANSWERS)) + "<br><i>" + escape(
        _tr("Kommentar krävs utom vid Uppfyllt. Ej uppfyllt föreslår en brist.")) + "</i>"


def question_html(q: QuestionDef, section_title: str, unit_names: dict[str, str]) -> str:
    """The question with its guidance, for the pane beside the tree."""
    g = q.guidance
    units = ", ".join(unit_names.get(u, u) for u in q.unit_types)
    parts = [
        f"<h3>{escape(q.text)}</h3>",
        f"<p style='color:gray'>{escape(section_title)} · {escape(q.id)}</p>",
        f"<p><b>{escape(_tr('Del'))}:</b> {escape(label(PART_LABELS.get(q.part, q.part)))}<br>",
        f"<b>{escape(_tr('Gäller'))}:</b> {escape(units)}<br>",
        f"<b>{escape(_tr('Grund'))}:</b> {escape(q.basis)}<br>",
        f"<b>{escape(_tr('Svar'))}:</b> {_scale_html(q)}</p>",
        f"<h4>{escape(_tr('Vägledning'))}</h4>",
        _para(_tr("Uppfyllt"), g.fulfilled),
        _para(_tr("Delvis uppfyllt"), g.partly),
        _para(_tr("Ej uppfyllt"), g.not_fulfilled),
        _para(_tr("Vad som granskas"), g.look_at),
        _para(_tr("Personalens kunskap"), g.staff_knowledge),
    ]
    if q.documents:
        items = "".join(f"<li>{escape(d)}</li>" for d in q.documents)
        parts.append(f"<h4>{escape(_tr('Dokument till föranalysen'))}</h4><ul>{items}</ul>")
    return "".join(parts)
