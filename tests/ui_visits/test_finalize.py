"""Fastställ: the missing list jumps to its place; a finalized part is locked;
a change after that is a new revision with a reason; personal data is shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.services import visits as visits_service
from app.ui.context import UiContext
from app.ui.visits.assessment_view import AssessmentView
from app.ui.visits.finalize_view import FinalizeView, ReasonDialog
from app.ui.visits.findings_view import FindingsView
from app.ui.visits.issue_model import ISSUE_ROLE
from app.ui.visits.revision_dialog import snapshot_html
from app.ui.visits.visit_window import VisitWindow

WHO = "Anna Uppföljare"


def complete_sol_part(ctx: UiContext, visit_id: str) -> None:
    """Answer every SoL question and write the summaries, through the services."""
    with ctx.sessions() as session:
        detail = visits_service.open_visit(session, visit_id)
        sol = detail.part("sol")
        assert sol is not None
        for section in sol.sections:
            for q in section.questions:
                if q.answer_kind == "number":
                    visits_service.save_answer(session, visit_id, q.id, who=WHO, number=3)
                elif q.answer_kind == "yesno":
                    visits_service.save_answer(session, visit_id, q.id, who=WHO, yesno=True)
                else:
                    visits_service.save_answer(session, visit_id, q.id, who=WHO,
                                               answer="uppfyllt")
        for previous in detail.previous_deficiencies:
            if previous.part == "sol":
                visits_service.set_previous_deficiency(
                    session, visit_id, previous.previous_finding_id, status="atgardad",
                    comment="Rutinen är uppdaterad.", who=WHO)
        for field in ("summary_individualisering", "summary_trygghet", "summary_inflytande"):
            visits_service.save_visit_field(session, visit_id, field, "Fungerar väl.", who=WHO)


def open_window(qtbot: QtBot, ctx: UiContext, visit_id: str) -> VisitWindow:
    window = VisitWindow(ctx, visit_id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def finalize_view(window: VisitWindow) -> FinalizeView:
    view = window.views["faststall"]
    assert isinstance(view, FinalizeView)
    return view


def test_missing_items_are_listed_and_a_click_jumps_to_the_question(
    qtbot: QtBot, ui_ctx: UiContext, visit_id: str
) -> None:
    window = open_window(qtbot, ui_ctx, visit_id)
    window.navigate("faststall")
    view = finalize_view(window)
    view.finalize_button.click()  # not complete: nothing is finalized, the list shows why
    issues = view.issues.issues
    assert issues and any(i.step == "bedomning" for i in issues)
    assert any(i.step == "fynd" and i.target == "summary_trygghet" for i in issues)
    assert not window.visit.reload().part("sol").locked  # type: ignore[union-attr]
    row = next(r for r, i in enumerate(view.issues.issues) if i.step == "bedomning")
    wanted = view.issues.issues[row].target
    rect = view.list.visualRect(view.issues.index(row))
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assessment = window.views["bedomning"]
    assert isinstance(assessment, AssessmentView)
    assert window.stack.currentWidget() is assessment
    assert assessment.current_id() == wanted
    # A summary item opens Fynd with the cursor in that summary.
    summary = next(r for r, i in enumerate(view.issues.issues) if i.target == "summary_trygghet")
    window.navigate("faststall")
    view._jump(view.issues.index(summary))  # noqa: SLF001 - same path as the click
    findings = window.views["fynd"]
    assert isinstance(findings, FindingsView)
    assert window.stack.currentWidget() is findings


def test_personal_data_is_listed_with_its_place_and_nothing_is_changed(
    qtbot: QtBot, ui_ctx: UiContext, visit_id: str
) -> None:
    complete_sol_part(ui_ctx, visit_id)
    note = "Ring enhetschefen på 070-123 45 67."
    with ui_ctx.sessions() as session:
        visits_service.save_visit_field(session, visit_id, "method_notes", note, who=WHO)
    window = open_window(qtbot, ui_ctx, visit_id)
    window.navigate("faststall")
    view = finalize_view(window)
    view.finalize_button.click()
    hits = [i for i in view.issues.issues if i.personal_data]
    assert [(i.step, i.target) for i in hits] == [("platsbesok", "method_notes")]
    assert "070-123 45 67" in hits[0].text
    assert view.accept_pii.isVisible()
    assert not window.visit.detail.part("sol").locked  # type: ignore[union-attr]
    assert window.visit.detail.method_notes == note
    row = view.issues.issues.index(hits[0])
    view._jump(view.issues.index(row))  # noqa: SLF001 - same path as a click
    assert window.stack.currentWidget() is window.views["platsbesok"]


def test_finalize_locks_the_part_and_a_change_needs_a_reason_and_a_new_revision(
    qtbot: QtBot, ui_ctx: UiContext, visit_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    complete_sol_part(ui_ctx, visit_id)
    window = open_window(qtbot, ui_ctx, visit_id)
    window.navigate("faststall")
    view = finalize_view(window)
    assert view.issues.issues == []
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes if len(asked) > 1 else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", confirm)
    view.finalize_button.click()  # "No" to the question: still a draft
    assert not window.visit.detail.part("sol").locked  # type: ignore[union-attr]
    view.finalize_button.click()
    assert len(asked) == 2 and "låses" in asked[0]
    detail = window.visit.detail
    assert detail.part("sol").locked  # type: ignore[union-attr]
    assessment = window.views["bedomning"]
    assert isinstance(assessment, AssessmentView)
    window.navigate("bedomning")
    assert assessment.editor.comment.isReadOnly()
    assert not assessment.editor.buttons[0].isEnabled()
    assert view.reopen_button.isVisibleTo(view)

    monkeypatch.setattr(ReasonDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(ReasonDialog, "reason_text", lambda self: "Rättat sakfel efter svar")
    window.navigate("faststall")
    view.reopen_button.click()
    sol = window.visit.detail.part("sol")
    assert sol is not None and not sol.locked and sol.revision == 2
    assert view.revisions.count() == 2 and "Rättat sakfel" in view.revisions.itemText(1)
    assert view.show_revision.isEnabled()  # revision 1 stays readable
    window.navigate("bedomning")
    assert not assessment.editor.comment.isReadOnly()
    with ui_ctx.sessions() as session:
        first = visits_service.revision_snapshot(session, visit_id, "sol", 1)
    page = snapshot_html(first)
    assert "Fungerar väl." in page and "Uppfyllt" in page


def test_a_colleague_takes_over_a_part_before_finalizing_it(
    qtbot: QtBot, ui_ctx: UiContext, visit_id: str
) -> None:
    with ui_ctx.sessions() as session:
        visits_service.set_part_owner(
            session, visit_id, "sol", visits_service.OfficerRef("Bo Borta", "verksamhetsuppfoljare",
                                                                "Farsta"), who=WHO)
    window = open_window(qtbot, ui_ctx, visit_id)
    window.navigate("faststall")
    view = finalize_view(window)
    view.part.setCurrentIndex(view.part.findData("sol"))
    assert view.take_over.isVisibleTo(view)
    view.take_over.click()
    assert window.visit.detail.part("sol").owner == WHO  # type: ignore[union-attr]
    assert not view.take_over.isVisibleTo(view)


def test_issue_rows_carry_their_targets(qtbot: QtBot, ui_ctx: UiContext, visit_id: str) -> None:
    window = open_window(qtbot, ui_ctx, visit_id)
    window.navigate("faststall")
    view = finalize_view(window)
    for row in range(view.issues.rowCount()):
        issue = view.issues.index(row).data(ISSUE_ROLE)
        assert issue.step in window.views
