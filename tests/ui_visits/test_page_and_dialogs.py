"""The Uppföljningar page, the first-start dialog, the audit dialog and attachments."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.services import visits as visits_service
from app.settings import Settings
from app.ui.context import UiContext
from app.ui.visits.assessment_view import AssessmentView
from app.ui.visits.audit_dialog import AuditDialog
from app.ui.visits.first_start_dialog import FirstStartDialog, ensure_officer
from app.ui.visits.visit_list_model import VISIT_ID_ROLE
from app.ui.visits.visit_window import VisitWindow
from app.ui.visits.visits_page import NewVisitDialog, VisitsPage


def test_page_lists_visits_filters_mine_and_opens_a_window(
    qtbot: QtBot, ui_ctx: UiContext, visit_id: str
) -> None:
    page = VisitsPage(ui_ctx)
    qtbot.addWidget(page)
    page.year.setCurrentIndex(page.year.findData(2027))
    page.mine.setChecked(True)
    ids = [page.proxy.index(r, 0).data(VISIT_ID_ROLE) for r in range(page.proxy.rowCount())]
    assert ids == [visit_id]
    ui_ctx.settings.officer_name = "Någon Annan"
    page.refresh()
    assert page.proxy.rowCount() == 0
    page.mine.setChecked(False)
    assert visit_id in [page.proxy.index(r, 0).data(VISIT_ID_ROLE)
                        for r in range(page.proxy.rowCount())]
    page.search.setText("ingen enhet heter så")
    assert page.proxy.rowCount() == 0
    page.search.clear()
    window = page.open_visit(visit_id)
    qtbot.addWidget(window)
    assert page.open_visit(visit_id) is window  # a second open brings the same window
    window.close()
    assert visit_id not in page.windows


def test_new_visit_dialog_starts_a_follow_up(qtbot: QtBot, ui_ctx: UiContext) -> None:
    dialog = NewVisitDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.year.setValue(2027)
    index = next(i for i in range(dialog.unit.count())
                 if "hemtjänst" in dialog.unit.itemText(i).casefold())
    dialog.unit.setCurrentIndex(index)
    dialog.accept()
    assert dialog.visit_id is not None
    with ui_ctx.sessions() as session:
        detail = visits_service.open_visit(session, dialog.visit_id)
    assert [p.part for p in detail.parts] == ["sol"]  # home care: no HSL part
    # Starting the same unit and year again is refused with the service's message.
    again = NewVisitDialog(ui_ctx)
    qtbot.addWidget(again)
    again.year.setValue(2027)
    again.unit.setCurrentIndex(index)
    again.accept()
    assert again.visit_id is None and "redan" in again.problem.text()


def test_first_start_dialog_stores_the_officer(qtbot: QtBot, ui_ctx: UiContext) -> None:
    settings_path = ui_ctx.settings.path
    assert settings_path is not None
    ui_ctx.settings.officer_name = ""
    dialog = FirstStartDialog(ui_ctx)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.problem.isVisibleTo(dialog) and not ui_ctx.settings.officer_name
    dialog.name.setText("  Maria   MAS ")
    dialog.role.setCurrentIndex(dialog.role.findData("mas"))
    dialog.district.setCurrentIndex(dialog.district.findData("Farsta"))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = Settings.load(settings_path)
    assert (stored.officer_name, stored.officer_role, stored.officer_district) == (
        "Maria MAS", "mas", "Farsta")
    assert ensure_officer(ui_ctx)  # already set: no dialog


def test_audit_dialog_lists_who_changed_what(
    qtbot: QtBot, ui_ctx: UiContext, visit_id: str
) -> None:
    window = VisitWindow(ui_ctx, visit_id)
    qtbot.addWidget(window)
    window.navigate("bedomning")
    view = window.views["bedomning"]
    assert isinstance(view, AssessmentView)
    view.pick_number(2)
    qid = view.current_id()
    dialog = AuditDialog(ui_ctx, visit_id, window, window.visit.detail)
    qtbot.addWidget(dialog)
    first = [dialog.proxy.index(0, c).data() for c in range(6)]
    question = window.visit.detail.question(qid or "")
    assert question is not None
    assert first[1] == "Anna Uppföljare"
    assert first[3].startswith(question.text[:40]) and first[3].endswith("– svar")
    assert first[5] == "Delvis uppfyllt"
    assert dialog.proxy.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == f"{qid}.answer"
    dialog.search.setText("uppföljning startad")
    assert dialog.proxy.rowCount() == 1


def test_attachment_to_an_answer_and_the_size_limit_message(
    qtbot: QtBot, ui_ctx: UiContext, visit_id: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.ui.visits.attachments import attach_file

    window = VisitWindow(ui_ctx, visit_id)
    qtbot.addWidget(window)
    window.navigate("bedomning")
    view = window.views["bedomning"]
    assert isinstance(view, AssessmentView)
    qid = view.current_id()
    small = tmp_path / "rutin.pdf"
    small.write_bytes(b"%PDF-1.4 liten fil")
    assert attach_file(window.visit, str(small), question_id=qid)
    window.visit.reload()
    assert "rutin.pdf" in view.editor.attachments.text()
    monkeypatch.setattr("app.services.visits.attachments.MAX_ATTACHMENT_BYTES", 4)
    assert not attach_file(window.visit, str(small), question_id=qid)
    assert window.notice.isVisibleTo(window)
    assert "Minska filen" in window.notice.message.text()
    assert not window.banner.isVisibleTo(window)  # a refused file is not a save failure


def test_long_names_do_not_widen_the_visit_window(
    qtbot: QtBot, ui_ctx: UiContext, visit_id: str
) -> None:
    window = VisitWindow(ui_ctx, visit_id)
    qtbot.addWidget(window)
    compound = "Äldreomsorgsförvaltningsuppföljningsdokumentationsansvarig " * 6
    window.title.setText(compound)
    window.subtitle.setText(compound * 2)
    window.irregular_text.setText(compound)
    window._irregularity(True, compound)  # noqa: SLF001 - the banner with a long note
    assessment = window.views["bedomning"]
    assert isinstance(assessment, AssessmentView)
    assessment.editor.text.setText(compound)
    # Fits a 1024-pixel-wide laptop screen.
    assert window.minimumSizeHint().width() <= 1024


def test_a_mas_sees_the_health_care_part_first(
    qtbot: QtBot, ui_ctx: UiContext, visit_id: str
) -> None:
    ui_ctx.settings.officer_name = "Maria MAS"
    ui_ctx.settings.officer_role = "mas"
    window = VisitWindow(ui_ctx, visit_id)
    qtbot.addWidget(window)
    window.navigate("bedomning")
    view = window.views["bedomning"]
    assert isinstance(view, AssessmentView)
    assert view.part.currentData() == "hsl"
    assert {view.questions[q].part for q in view.visible_ids()} == {"hsl"}
    view.part.setCurrentIndex(view.part.findData(None))  # both parts
    assert {view.questions[q].part for q in view.visible_ids()} == {"sol", "hsl"}
    finalize = window.views["faststall"]
    assert finalize.part.currentData() == "hsl"  # type: ignore[attr-defined]
