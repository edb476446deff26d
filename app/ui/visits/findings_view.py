"""Fynd: strengths, areas to improve and deficiencies, and the summary assessment.

A deficiency names the question(s) it comes from, the required action, a
deadline, and how it is followed up (remedied at once with an action plan,
or at the next or an agreed follow-up). The editor is shared by all findings:
its bindings carry the finding id as target, like the question editor.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services import visits as visits_service
from app.services.visits.common import FINDING_KINDS, REMEDIES, SUMMARY_FIELDS, SUMMARY_LABELS
from app.ui.visits.autosave import NO_DATE, FieldBinding, optional_date_edit
from app.ui.visits.controller import VisitContext
from app.ui.visits.finding_commands import (
    AddFindingCommand,
    FindingIds,
    FindingLifecycle,
    RemoveFindingCommand,
)
from app.ui.visits.finding_model import FINDING_ID_ROLE, FindingListModel


class FindingsView(QSplitter):
    def __init__(self, visit: VisitContext, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.visit = visit
        self.model = FindingListModel()
        self.current: int | None = None
        self.ids = FindingIds()
        self.life = FindingLifecycle(visit, self.ids, self.model.find, self._after)
        visit.finding_life = self.life
        self.bindings: dict[str, FieldBinding] = {}
        self.summaries: dict[str, QPlainTextEdit] = {}
        self.addWidget(self._list_side())
        self.addWidget(self._editor_side())
        self.setSizes([380, 700])
        self.refresh()
        visit.reloaded.connect(self.refresh)

    # --- layout ----------------------------------------------------------------
    def _list_side(self) -> QWidget:
        side = QWidget()
        layout = QVBoxLayout(side)
        self.part = QComboBox()
        layout.addWidget(self.part)
        buttons = QHBoxLayout()
        self.add_buttons: dict[str, QPushButton] = {}
        for kind, label in (("styrka", QT_TRANSLATE_NOOP("FindingsView", "Ny styrka")),
                            ("forbattring",
                             QT_TRANSLATE_NOOP("FindingsView", "Nytt förbättringsområde")),
                            ("brist", QT_TRANSLATE_NOOP("FindingsView", "Ny brist"))):
            button = QPushButton(self.tr(label))
            button.clicked.connect(lambda _c=False, k=kind: self.add(k))
            self.add_buttons[kind] = button
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.selectionModel().currentChanged.connect(
            lambda cur, _prev: self._show(cur.data(FINDING_ID_ROLE) if cur.isValid() else None))
        layout.addWidget(self.list, 1)
        self.delete_button = QPushButton(self.tr("Ta bort fyndet…"))
        self.delete_button.clicked.connect(self.delete_current)
        layout.addWidget(self.delete_button)
        return side

    def _editor_side(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self.editor = QGroupBox(self.tr("Fynd"))
        form = QFormLayout(self.editor)
        self.kind = QComboBox()
        for code, label in FINDING_KINDS.items():
            self.kind.addItem(self.tr(label), code)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Vad som iakttagits"))
        self.questions = QLabel()
        self.questions.setWordWrap(True)
        self.questions.setTextFormat(Qt.TextFormat.RichText)
        self.questions.linkActivated.connect(self._question_link)
        self.add_question = QComboBox()
        self.add_question.activated.connect(self._link_question)
        self.required = QPlainTextEdit()
        self.required.setPlaceholderText(self.tr("Vad utföraren ska göra"))
        self.required.setMaximumHeight(90)
        self.deadline = optional_date_edit()
        self.remedy = QComboBox()
        self.remedy.addItem(self.tr("Välj hur bristen följs upp"), None)
        for code, label in REMEDIES.items():
            self.remedy.addItem(self.tr(label), code)
        self.plan = optional_date_edit()
        for edit in (self.deadline, self.plan):
            edit.setMaximumWidth(160)
        self.plan_label = QLabel(self.tr("Åtgärdsplan mottagen"))
        form.addRow(self.tr("Typ"), self.kind)
        form.addRow(self.tr("Text"), self.text)
        form.addRow(self.tr("Frågor"), self.questions)
        form.addRow("", self.add_question)
        form.addRow(self.tr("Krav på åtgärd"), self.required)
        form.addRow(self.tr("Senast"), self.deadline)
        form.addRow(self.tr("Uppföljning"), self.remedy)
        form.addRow(self.plan_label, self.plan)
        self.deficiency_rows = [self.required, self.deadline, self.remedy, self.plan,
                                self.plan_label]
        layout.addWidget(self.editor)
        self._bind()
        self.summary_box = QGroupBox(self.tr("Sammanfattande bedömning"))
        summary_form = QFormLayout(self.summary_box)
        for field, label in SUMMARY_LABELS.items():
            edit = QPlainTextEdit()
            edit.setMaximumHeight(80)
            self.summaries[field] = edit
            summary_form.addRow(self.tr(label), edit)
            with self.visit.autosave.revealing(lambda: self.visit.navigate("fynd")):
                self.visit.autosave.text(edit, self.tr(label),
                                         lambda v, f=field: self.visit.save_field(f, v))
        layout.addWidget(self.summary_box)
        layout.addStretch(1)
        return scroll

    def _bind(self) -> None:
        undo = self.visit.undo

        def make(widget: Any, field: str, label: str, read: Any, show: Any, signal: Any,
                 debounce: int = 0) -> None:
            binding = FieldBinding(
                widget, label, read=read, show=show, undo_stack=undo, debounce_ms=debounce,
                write=lambda fid, v: self._write(fid, field, v),
                reveal=lambda fid: self.visit.navigate("fynd", self.ids.resolve(fid)),
            )
            signal.connect(binding.changed)
            self.bindings[field] = binding
            self.visit.autosave.bindings.append(binding)

        for edit in (self.text, self.required):
            edit.setUndoRedoEnabled(False)
        make(self.kind, "kind", self.tr("Typ av fynd"), self.kind.currentData,
             lambda v: self.kind.setCurrentIndex(max(self.kind.findData(v), 0)),
             self.kind.activated)
        make(self.text, "text", self.tr("Fyndets text"), self.text.toPlainText,
             lambda v: _plain(self.text, v), self.text.textChanged, 250)
        make(self.required, "required_action", self.tr("Krav på åtgärd"),
             self.required.toPlainText, lambda v: _plain(self.required, v),
             self.required.textChanged, 250)
        make(self.remedy, "remedy", self.tr("Uppföljning av brist"), self.remedy.currentData,
             lambda v: self.remedy.setCurrentIndex(max(self.remedy.findData(v), 0)),
             self.remedy.activated)
        for edit, field, label in ((self.deadline, "deadline", self.tr("Senast")),
                                   (self.plan, "action_plan_received",
                                    self.tr("Åtgärdsplan mottagen"))):
            make(edit, field, label,
                 lambda e=edit: None if e.date() == NO_DATE else e.date().toPython(),
                 lambda v, e=edit: e.setDate(NO_DATE if v is None else QDate(v)),
                 edit.dateChanged, 250)

    # --- loading ---------------------------------------------------------------
    def refresh(self) -> None:
        detail = self.visit.detail
        keep = self.current
        self.model.set_findings(list(detail.findings))
        self.part.blockSignals(True)
        self.part.clear()
        for part in detail.parts:
            self.part.addItem(self.tr("Nya fynd i: %1").replace("%1", self.tr(part.label)),
                              part.part)
        mine = "hsl" if self.visit.ui.settings.officer_role == "mas" else "sol"
        self.part.setCurrentIndex(max(self.part.findData(mine), 0))
        self.part.setVisible(len(detail.parts) > 1)
        self.part.blockSignals(False)
        for field, edit in self.summaries.items():
            part = detail.part(SUMMARY_FIELDS[field])
            binding = next(b for b in self.visit.autosave.bindings if b.widget is edit)
            edit.setVisible(part is not None)
            label = self.summary_box.layout().labelForField(edit)  # type: ignore[attr-defined]
            if label is not None:
                label.setVisible(part is not None)
            if part is not None:
                binding.set_value(part.summaries.get(field, ""))
                edit.setReadOnly(part.locked)
        if keep is None or self.model.row_of(keep) < 0:
            keep = self.model.rows[0]["id"] if self.model.rows else None
        self.current = None
        self.select(keep)
        if self.current is None:
            self._show(None)

    def select(self, finding_id: int | None) -> None:
        if finding_id is None:
            return
        row = self.model.row_of(finding_id)
        if row >= 0:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.list.scrollTo(self.model.index(row))

    def _show(self, finding_id: int | None) -> None:
        for binding in self.bindings.values():
            binding.flush()  # what was typed for the previous finding goes first
        self.current = finding_id
        self.editor.setEnabled(finding_id is not None)
        if finding_id is None:
            self.editor.setTitle(self.tr("Välj eller lägg till ett fynd"))
            return
        row = self.model.get(finding_id)
        for field, binding in self.bindings.items():
            binding.target = finding_id
            binding.set_value(row[field])
        self.editor.setTitle(self.tr(FINDING_KINDS[row["kind"]]))
        self._show_questions(row)
        self._deficiency_fields(row)
        locked = self.visit.part_locked(row["part"])
        for widget in (self.text, self.required):
            widget.setReadOnly(locked)
        for widget in (self.kind, self.deadline, self.remedy, self.plan, self.add_question):
            widget.setEnabled(not locked)
        self.delete_button.setEnabled(not locked)

    def _deficiency_fields(self, row: dict[str, Any]) -> None:
        brist = row["kind"] == "brist"
        for widget in self.deficiency_rows:
            widget.setVisible(brist)
        form = self.editor.layout()
        for widget in (self.required, self.deadline, self.remedy):
            label = form.labelForField(widget)  # type: ignore[attr-defined]
            if label is not None:
                label.setVisible(brist)
        plan = brist and row["remedy"] == "snarast"
        self.plan.setVisible(plan)
        self.plan_label.setVisible(plan)

    def _show_questions(self, row: dict[str, Any]) -> None:
        detail = self.visit.detail
        links = []
        for qid in row["question_ids"]:
            q = detail.question(qid)
            text = html.escape(q.text if q else qid)
            links.append(f"<a href='q:{qid}'>{text}</a> "
                         f"(<a href='rm:{qid}'>{html.escape(self.tr('ta bort'))}</a>)")
        self.questions.setText("<br>".join(links) or self.tr("Ingen fråga kopplad."))
        self.add_question.clear()
        self.add_question.addItem(self.tr("Koppla en fråga …"), None)
        part = detail.part(row["part"])
        for section in part.sections if part else ():
            for q in section.questions:
                if q.id not in row["question_ids"]:
                    self.add_question.addItem(f"{section.title}: {q.text}", q.id)

    # --- writing ---------------------------------------------------------------
    def _write(self, handle: int, field: str, value: Any) -> None:
        finding_id = self.ids.resolve(handle)  # the row may be new after undo/redo
        self.model.set_field(finding_id, field, value)
        if finding_id == self.current and field in ("kind", "remedy"):
            self._deficiency_fields(self.model.get(finding_id))
            self.editor.setTitle(self.tr(FINDING_KINDS[self.model.get(finding_id)["kind"]]))
        self.visit.write(f"finding:{finding_id}:{field}", lambda s: visits_service.update_finding(
            s, finding_id, who=self.visit.who, **{field: value}))

    def _set_questions(self, ids: list[str]) -> None:
        if self.current is None:
            return
        fid = self.current
        self._write(fid, "question_ids", tuple(ids))
        self._show_questions(self.model.get(fid))

    def _link_question(self, index: int) -> None:
        qid = self.add_question.itemData(index)
        if qid and self.current is not None:
            self._set_questions([*self.model.get(self.current)["question_ids"], qid])

    def _question_link(self, link: str) -> None:
        kind, _, qid = link.partition(":")
        if kind == "q":
            self.visit.navigate("bedomning", qid)
        elif kind == "rm" and self.current is not None:
            self._set_questions([q for q in self.model.get(self.current)["question_ids"]
                                 if q != qid])

    def add(self, kind: str) -> None:
        part = self.part.currentData() or "sol"
        created: list[int] = []
        if self.visit.write(f"add-finding:{kind}", lambda s: created.append(
                visits_service.add_finding(s, self.visit.visit_id, part, kind,
                                           who=self.visit.who))) and created:
            self._after(created[0])
            self.text.setFocus()
            self.visit.undo.push(AddFindingCommand(
                self.tr("Nytt fynd"), self.life, created[0]))

    def delete_current(self) -> None:
        if self.current is None:
            return
        fid = self.current
        answer = QMessageBox.question(self, self.tr("Ta bort fyndet"), self.tr(
            "Ta bort fyndet? Det syns fortfarande i ändringsloggen."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        for binding in self.bindings.values():
            binding.flush()  # the removed text is kept by the command for undo
        self.visit.undo.push(RemoveFindingCommand(self.tr("Ta bort fynd"), self.life, fid))

    def _after(self, finding_id: int | None) -> None:
        """After a finding was added, removed or brought back: re-read, show it."""
        self.current = None
        self.visit.reload()
        self.visit.navigate("fynd")
        if finding_id is not None:
            self.select(finding_id)

    def focus_target(self, target: object) -> None:
        if isinstance(target, int) or (isinstance(target, str) and target.isdigit()):
            self.select(int(target))
            self.text.setFocus()
        elif isinstance(target, str) and target in self.summaries:
            self.summaries[target].setFocus()


def _plain(edit: QPlainTextEdit, value: Any) -> None:
    if edit.toPlainText() != (value or ""):
        edit.setPlainText(value or "")
