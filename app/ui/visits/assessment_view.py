"""Bedömning: the questions grouped by area, the editor and the guidance beside it.

Keyboard: 1-5 pick the answer, Enter in the list (or Ctrl+Enter anywhere)
moves to the next question, arrow keys move in the list, Ctrl+F searches.
Every choice is an undoable command written through ``save_answer``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.services import visits as visits_service
from app.services.template_format import QuestionDef, answer_label
from app.services.visits import VisitDetail
from app.ui.visits.assessment_content import AssessmentContent
from app.ui.visits.autosave import TYPING_DEBOUNCE_MS, FieldBinding
from app.ui.visits.controller import VisitContext
from app.ui.visits.finding_commands import AddFindingCommand
from app.ui.visits.question_editor import (
    AnswerState,
    GuidancePanel,
    PreviousAnswer,
    QuestionEditor,
    format_number,
    keys_for,
)
from app.ui.visits.question_model import (
    QUESTION_ID_ROLE,
    QuestionFilterProxy,
    QuestionTreeModel,
    is_answered,
)
from app.ui.visits.undo import SaveValueCommand


class AssessmentView(QWidget):
    def __init__(self, visit: VisitContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit = visit
        self.states: dict[str, AnswerState] = {}
        self.previous: dict[str, PreviousAnswer] = {}
        self.questions: dict[str, QuestionDef] = {}
        self.area_title: dict[str, str] = {}
        self.model = QuestionTreeModel([], {})
        self.proxy = QuestionFilterProxy()
        self.proxy.setSourceModel(self.model)
        self._build()
        self._load(visit.detail)
        visit.reloaded.connect(lambda: self._load(visit.detail))

    # --- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.part = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök fråga eller vägledning (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._focus_first_match)
        self.overall = QLabel()
        self.overall.setStyleSheet("color: #37474f; font-weight: 600;")
        top = QHBoxLayout()
        top.addWidget(self.part)
        top.addWidget(self.search, 1)
        top.addWidget(self.overall)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setIndentation(14)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated.connect(lambda _i: self.move(1))
        self.editor = QuestionEditor()
        self.guidance = GuidancePanel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.guidance)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([380, 560, 340])
        # Never squeeze the list or the guidance away on a small screen.
        self.tree.setMinimumWidth(230)
        self.editor.setMinimumWidth(300)
        self.guidance.setMinimumWidth(220)
        for index in range(3):
            splitter.setCollapsible(index, False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.part.currentIndexChanged.connect(self._part_changed)
        self.editor.choice_clicked.connect(self.choose)
        self.editor.evidence_toggled.connect(self._evidence)
        self.editor.create_deficiency.connect(self._create_deficiency)
        self.editor.attach_requested.connect(self._attach)
        undo = self.visit.undo
        self.comment_binding = FieldBinding(
            self.editor.comment, self.tr("Kommentar"), read=self.editor.comment.toPlainText,
            show=lambda v: _set_plain(self.editor, v or ""), write=self._write_comment,
            undo_stack=undo, debounce_ms=TYPING_DEBOUNCE_MS, reveal=self.reveal,
        )
        self.editor.comment.setUndoRedoEnabled(False)
        self.editor.comment.textChanged.connect(self.comment_binding.changed)
        self.number_binding = FieldBinding(
            self.editor.number, self.tr("Tal"), read=self.editor.number.text,
            show=lambda v: self.editor.number.setText(v or ""), write=self._write_number,
            undo_stack=undo, debounce_ms=TYPING_DEBOUNCE_MS, reveal=self.reveal,
        )
        self.editor.number.textEdited.connect(self.number_binding.changed)
        self.visit.autosave.bindings += [self.comment_binding, self.number_binding]
        for number in range(1, 6):
            shortcut = QShortcut(QKeySequence(str(number)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self.pick_number(n))
        for keys, step in (("Ctrl+Return", 1), ("Ctrl+Enter", 1), ("Ctrl+Shift+Return", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.move(s))
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self._leave_search)

    # --- loading ---------------------------------------------------------------
    def _load(self, detail: VisitDetail) -> None:
        current = self.current_id()
        two_parts = len(detail.parts) > 1
        content = AssessmentContent.of(detail)
        self.questions, self.states = content.questions, content.states
        self.previous, self.area_title = content.previous, content.area_title
        areas, answers = content.areas, content.answers()
        self.model.set_content(areas, answers)
        kept = self.part.currentIndex() if self.part.count() else -1
        self.part.blockSignals(True)
        self.part.clear()
        if two_parts:
            self.part.addItem(self.tr("Båda delarna"), None)
        for part in detail.parts:
            self.part.addItem(self.tr(part.label), part.part)
        mine = "hsl" if self.visit.ui.settings.officer_role == "mas" else "sol"
        index = self.part.findData(mine)
        if 0 <= kept < self.part.count():
            index = kept  # a re-read keeps the user's part filter
        self.part.setCurrentIndex(index if index >= 0 and two_parts else 0)
        self.proxy.set_part(self.part.currentData())
        self.part.blockSignals(False)
        self.tree.expandAll()
        self._update_overall()
        self.select(current or self._first_id())

    def _first_id(self) -> str | None:
        ids = self.visible_ids()
        return ids[0] if ids else None

    # --- navigation ------------------------------------------------------------
    def current_id(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(QUESTION_ID_ROLE) if index.isValid() else None

    def visible_ids(self) -> list[str]:
        ids: list[str] = []
        for row in range(self.proxy.rowCount()):
            area = self.proxy.index(row, 0)
            for child in range(self.proxy.rowCount(area)):
                ids.append(self.proxy.index(child, 0, area).data(QUESTION_ID_ROLE))
        return ids

    def select(self, qid: str | None) -> None:
        """Show a question (clearing a filter that hides it) and put focus in the list."""
        if qid is None or qid not in self.questions:
            return
        proxy_index = self.proxy.mapFromSource(self.model.question_index(qid))
        if not proxy_index.isValid():
            self.search.clear()
            self.part.setCurrentIndex(0)
            proxy_index = self.proxy.mapFromSource(self.model.question_index(qid))
        self.tree.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.tree.scrollTo(proxy_index)

    def reveal(self, qid: str) -> None:
        """Before an undo shows a value: this step, this question (focus stays)."""
        self.visit.navigate("bedomning")
        self.select(qid)

    def move(self, step: int) -> None:
        ids = self.visible_ids()
        if not ids:
            return
        current = self.current_id()
        position = ids.index(current) + step if current in ids else 0
        self.select(ids[max(0, min(position, len(ids) - 1))])
        self.tree.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _leave_search(self) -> None:
        self.search.clear()
        self.tree.setFocus()

    def _search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.tree.expandAll()

    def _focus_first_match(self) -> None:
        first = self._first_id()
        if first:
            self.select(first)
            self.tree.setFocus()

    def _part_changed(self) -> None:
        self.proxy.set_part(self.part.currentData())
        self._update_overall()
        self.tree.expandAll()
        if self.current_id() is None:
            self.select(self._first_id())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        qid = current.data(QUESTION_ID_ROLE) if current.isValid() else None
        if qid is None:
            return
        # Write what was typed for the previous question before the editor is reused.
        self.comment_binding.flush()
        self.number_binding.flush()
        question = self.questions[qid]
        state = self.states[qid]
        self.editor.show_question(
            question, self.area_title[qid], state, self.previous.get(qid),
            [a.filename for a in self.visit.detail.attachments if a.question_id == qid],
        )
        self.guidance.show_question(question)
        for binding in (self.comment_binding, self.number_binding):
            binding.target = qid
        self.comment_binding.set_value(state.comment)
        self.number_binding.set_value(format_number(state.number))
        self._refresh_proposal(qid)
        self.editor.set_locked(self.visit.part_locked(question.part))

    # --- answering -------------------------------------------------------------
    def pick_number(self, number: int) -> None:
        qid = self.current_id()
        if qid is None or self.visit.part_locked(self.questions[qid].part):
            return
        key = keys_for(self.questions[qid])[number - 1]
        if key is not None:
            self.choose(key)

    def choose(self, key: str) -> None:
        qid = self.current_id()
        if qid is None:
            return
        state = self.states[qid]
        old = (state.answer, state.yesno)
        if self.questions[qid].answer_kind == "yesno" and key in ("ja", "nej"):
            new: tuple[str | None, bool | None] = (None, key == "ja")
        elif self.questions[qid].answer_kind == "yesno":
            new = (key, None)
        else:
            new = (key, state.yesno)
        if new == old:
            self.editor.show_choice(state.choice())  # undo the button's own toggle
            return
        label = self.tr("Svar: %1").replace("%1", answer_label(key))
        self.visit.undo.push(SaveValueCommand(
            label, old, new, show=lambda v: self._show_choice(qid, v),
            write=lambda v: self._write_choice(qid, v), reveal=lambda: self.reveal(qid),
        ))
        self._show_choice(qid, new)

    def _show_choice(self, qid: str, value: tuple[str | None, bool | None]) -> None:
        state = self.states[qid]
        state.answer, state.yesno = value
        self.model.set_answer(qid, state.choice())
        if self.current_id() == qid:
            self.editor.show_choice(state.choice())
            self._refresh_proposal(qid)
        self._update_overall()

    def _write_choice(self, qid: str, value: tuple[str | None, bool | None]) -> None:
        kwargs: dict[str, Any] = {"answer": value[0]}
        if self.questions[qid].answer_kind == "yesno":
            kwargs["yesno"] = value[1]
        self.visit.write(f"answer:{qid}:choice", lambda s: visits_service.save_answer(
            s, self.visit.visit_id, qid, who=self.visit.who, **kwargs))

    def _write_comment(self, qid: str, text: str) -> None:
        self.states[qid].comment = text
        self.visit.write(f"answer:{qid}:comment", lambda s: visits_service.save_answer(
            s, self.visit.visit_id, qid, who=self.visit.who, comment=text))

    def _write_number(self, qid: str, text: str) -> None:
        state = self.states[qid]
        kwargs: dict[str, Any] = {"number": text.strip() or None}
        if text.strip() and state.answer is not None:
            kwargs["answer"] = None
            state.answer = None
        try:
            state.number = float(text.replace(",", ".")) if text.strip() else None
        except ValueError:
            state.number = None  # the service refuses it and says why
        self.model.set_answer(qid, state.choice())
        self._update_overall()
        self.visit.write(f"answer:{qid}:number", lambda s: visits_service.save_answer(
            s, self.visit.visit_id, qid, who=self.visit.who, **kwargs))

    def _evidence(self, code: str, checked: bool) -> None:
        qid = self.current_id()
        if qid is None:
            return
        old = self.states[qid].evidence
        new = tuple(c for c in (*old, code) if c != code or checked)
        new = tuple(dict.fromkeys(new))

        def show(value: tuple[str, ...]) -> None:
            self.states[qid].evidence = value
            if self.current_id() == qid:
                self.editor.show_state(self.states[qid])

        def write(value: tuple[str, ...]) -> None:
            self.visit.write(f"answer:{qid}:evidence", lambda s: visits_service.save_answer(
                s, self.visit.visit_id, qid, who=self.visit.who, evidence=value))

        self.states[qid].evidence = new
        self.visit.undo.push(SaveValueCommand(
            self.tr("Underlag"), old, new, show=show, write=write,
            reveal=lambda: self.reveal(qid)))

    def _refresh_proposal(self, qid: str) -> None:
        linked = any(f.kind == "brist" and qid in f.question_ids
                     for f in self.visit.detail.findings)
        self.editor.set_has_deficiency(linked)

    def _create_deficiency(self) -> None:
        qid = self.current_id()
        if qid is None:
            return
        self.comment_binding.flush()
        created: list[int] = []
        ok = self.visit.write(f"propose:{qid}", lambda s: created.append(
            visits_service.propose_deficiency(s, self.visit.visit_id, qid, who=self.visit.who)))
        if ok and created:
            known = {f.id for f in self.visit.detail.findings}
            self.visit.reload()
            self.visit.navigate("fynd", created[0])
            if created[0] not in known and self.visit.finding_life is not None:
                # A new deficiency (not one the question already had): undoable.
                self.visit.undo.push(AddFindingCommand(
                    self.tr("Ny brist"), self.visit.finding_life, created[0]))

    def _attach(self) -> None:
        qid = self.current_id()
        if qid is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Bifoga fil till frågan"))
        if path:
            from app.ui.visits.attachments import attach_file

            if attach_file(self.visit, path, question_id=qid):
                self.visit.reload()

    def _update_overall(self) -> None:
        part = self.part.currentData()
        shown = [q for q in self.questions.values() if part is None or q.part == part]
        done = sum(1 for q in shown if is_answered(self.model.answers.get(q.id)))
        self.overall.setText(
            self.tr("Besvarade %1 av %2").replace("%1", str(done)).replace("%2", str(len(shown)))
        )


def _set_plain(editor: QuestionEditor, text: str) -> None:
    if editor.comment.toPlainText() != text:
        editor.comment.setPlainText(text)
