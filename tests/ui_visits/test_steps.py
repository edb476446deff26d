"""Föranalys, Platsbesök and Fynd write through the services as the user edits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services import visits as visits_service
from app.ui.context import UiContext
from app.ui.visits.assessment_view import AssessmentView
from app.ui.visits.document_model import RECEIVED
from app.ui.visits.findings_view import FindingsView
from app.ui.visits.preanalysis_view import PreanalysisView
from app.ui.visits.visit_step_view import VisitStepView
from app.ui.visits.visit_window import VisitWindow


@pytest.fixture
def window(qtbot: QtBot, ui_ctx: UiContext, visit_id: str) -> Iterator[VisitWindow]:
    win = VisitWindow(ui_ctx, visit_id)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


def reread(ctx: UiContext, visit_id: str) -> visits_service.VisitDetail:
    with ctx.sessions() as session:
        return visits_service.open_visit(session, visit_id)


def test_document_received_is_saved_and_undo_saves_it_back(
    window: VisitWindow, ui_ctx: UiContext, visit_id: str
) -> None:
    view = window.views["foranalys"]
    assert isinstance(view, PreanalysisView)
    index = view.docs.index(0, RECEIVED)
    doc_id = reread(ui_ctx, visit_id).documents[0].id
    assert view.docs.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    saved = next(d for d in reread(ui_ctx, visit_id).documents if d.id == doc_id)
    assert saved.received and saved.received_on is not None
    window.undo()
    saved = next(d for d in reread(ui_ctx, visit_id).documents if d.id == doc_id)
    assert not saved.received and saved.received_on is None
    assert view.docs.index(0, RECEIVED).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked)


def test_previous_deficiency_status_and_irregularity_banner(
    qtbot: QtBot, window: VisitWindow, ui_ctx: UiContext, visit_id: str
) -> None:
    view = window.views["foranalys"]
    assert isinstance(view, PreanalysisView)
    previous = reread(ui_ctx, visit_id).previous_deficiencies
    assert previous, "the demo unit should carry deficiencies from its previous follow-up"
    fid = previous[0].previous_finding_id
    status, comment = view.previous_widgets[fid]
    status.setCurrentIndex(status.findData("delvis"))
    status.activated.emit(status.currentIndex())
    row = next(d for d in reread(ui_ctx, visit_id).previous_deficiencies
               if d.previous_finding_id == fid)
    assert row.status == "delvis"
    assert not window.irregular.isVisibleTo(window)
    view.irregular.click()
    assert window.irregular.isVisibleTo(window)
    assert reread(ui_ctx, visit_id).irregularity_flag


def test_participants_are_saved_by_role(window: VisitWindow, ui_ctx: UiContext,
                                        visit_id: str) -> None:
    view = window.views["platsbesok"]
    assert isinstance(view, VisitStepView)
    view.roles["enhetschef"].setValue(1)
    view.roles["personal"].setValue(4)
    window.flush_all()
    assert reread(ui_ctx, visit_id).participants == {"enhetschef": 1, "personal": 4}


def test_ej_uppfyllt_offers_a_linked_deficiency_and_its_action_is_saved(
    qtbot: QtBot, window: VisitWindow, ui_ctx: UiContext, visit_id: str
) -> None:
    window.navigate("bedomning")
    assessment = window.views["bedomning"]
    assert isinstance(assessment, AssessmentView)
    qid = next(q for q in assessment.visible_ids()
               if assessment.questions[q].answer_kind == "scale")
    assessment.select(qid)
    assessment.pick_number(3)
    assert assessment.editor.proposal_button.isVisibleTo(assessment.editor)
    assessment.editor.proposal_button.click()
    findings = window.views["fynd"]
    assert isinstance(findings, FindingsView)
    assert window.stack.currentWidget() is findings
    created = [f for f in reread(ui_ctx, visit_id).findings if qid in f.question_ids]
    assert [f.kind for f in created] == ["brist"]
    assert findings.current == created[0].id
    findings.required.setFocus()
    qtbot.keyClicks(findings.required, "Uppdatera rutinen")
    findings.required.clearFocus()  # focus-out writes at once, no need to wait
    window.flush_all()
    saved = next(f for f in reread(ui_ctx, visit_id).findings if f.id == created[0].id)
    assert saved.required_action == "Uppdatera rutinen"
    window.navigate("bedomning", qid)
    assert not assessment.editor.proposal_button.isVisibleTo(assessment.editor)
    window.undo()  # the required action
    window.undo()  # the deficiency itself
    assert created[0].id not in [f.id for f in reread(ui_ctx, visit_id).findings]
    question = reread(ui_ctx, visit_id).question(qid)
    assert question is not None and question.answer is not None
    assert question.answer.answer == "ej_uppfyllt"  # the answer stays


def test_number_question_takes_a_decimal_comma(
    qtbot: QtBot, window: VisitWindow, ui_ctx: UiContext, visit_id: str
) -> None:
    window.navigate("bedomning")
    assessment = window.views["bedomning"]
    assert isinstance(assessment, AssessmentView)
    qid = next(q for q in assessment.questions
               if assessment.questions[q].answer_kind == "number"
               and assessment.questions[q].part == "sol")
    assessment.select(qid)
    assert assessment.editor.number_box.isVisibleTo(assessment.editor)
    qtbot.keyClicks(assessment.editor.number, "12,5")
    window.flush_all()
    question = reread(ui_ctx, visit_id).question(qid)
    assert question is not None and question.answer is not None
    assert question.answer.number == 12.5 and question.answered


def test_undo_of_a_field_in_another_step_shows_that_step(
    qtbot: QtBot, window: VisitWindow, ui_ctx: UiContext, visit_id: str
) -> None:
    view = window.views["platsbesok"]
    assert isinstance(view, VisitStepView)
    window.navigate("platsbesok")
    view.method.setFocus()
    qtbot.keyClicks(view.method, "Intervjuer med ledning")
    window.navigate("fynd")  # leaving the step writes what was typed
    assert reread(ui_ctx, visit_id).method_notes == "Intervjuer med ledning"
    window.undo()
    assert window.stack.currentWidget() is view
    assert view.method.toPlainText() == ""
    assert reread(ui_ctx, visit_id).method_notes == ""


def test_adding_and_removing_a_finding_can_be_undone(
    qtbot: QtBot, window: VisitWindow, ui_ctx: UiContext, visit_id: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window.navigate("fynd")
    view = window.views["fynd"]
    assert isinstance(view, FindingsView)
    before = len(reread(ui_ctx, visit_id).findings)
    view.add_buttons["forbattring"].click()
    qtbot.keyClicks(view.text, "Tydligare introduktion")
    window.flush_all()
    texts = [f.text for f in reread(ui_ctx, visit_id).findings]
    assert "Tydligare introduktion" in texts and len(texts) == before + 1
    window.undo()  # the text
    window.undo()  # the finding
    assert len(reread(ui_ctx, visit_id).findings) == before
    window.redo()
    window.redo()
    texts = [f.text for f in reread(ui_ctx, visit_id).findings]
    assert "Tydligare introduktion" in texts and len(texts) == before + 1
    assert view.text.toPlainText() == "Tydligare introduktion"
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    view.delete_current()
    assert "Tydligare introduktion" not in [f.text for f in reread(ui_ctx, visit_id).findings]
    window.undo()
    assert "Tydligare introduktion" in [f.text for f in reread(ui_ctx, visit_id).findings]
