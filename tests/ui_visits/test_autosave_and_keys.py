"""The visit window on a real demo database: typing is saved, keys answer, undo re-saves."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.errors import CannotSaveError
from app.services import visits as visits_service
from app.ui.context import UiContext
from app.ui.visits.assessment_view import AssessmentView
from app.ui.visits.autosave import TYPING_DEBOUNCE_MS
from app.ui.visits.visit_window import VisitWindow


@pytest.fixture
def window(qtbot: QtBot, ui_ctx: UiContext, visit_id: str) -> Iterator[VisitWindow]:
    win = VisitWindow(ui_ctx, visit_id)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    win.navigate("bedomning")
    yield win
    win.visit.writer.blockSignals(True)


def assessment(win: VisitWindow) -> AssessmentView:
    view = win.views["bedomning"]
    assert isinstance(view, AssessmentView)
    return view


def stored(ctx: UiContext, visit_id: str, qid: str) -> visits_service.AnswerView | None:
    """Read the answer back through a fresh session, as a reopened window would."""
    with ctx.sessions() as session:
        question = visits_service.open_visit(session, visit_id).question(qid)
    assert question is not None
    return question.answer


def first_scale_question(view: AssessmentView) -> str:
    return next(q for q in view.visible_ids() if view.questions[q].answer_kind == "scale")


def test_typed_comment_is_saved_after_the_debounce_and_survives_reopening(
    qtbot: QtBot, window: VisitWindow, ui_ctx: UiContext, visit_id: str
) -> None:
    view = assessment(window)
    qid = first_scale_question(view)
    view.select(qid)
    view.editor.comment.setFocus()
    qtbot.keyClicks(view.editor.comment, "Rutinerna saknar datum")
    assert window.status_label.text().startswith("Alla") or "Sparat" not in (
        window.status_label.text())
    qtbot.wait(TYPING_DEBOUNCE_MS + 150)
    answer = stored(ui_ctx, visit_id, qid)
    assert answer is not None and answer.comment == "Rutinerna saknar datum"
    assert window.status_label.text().startswith("Sparat ")
    window.close()
    again = VisitWindow(ui_ctx, visit_id)
    qtbot.addWidget(again)
    again.navigate("bedomning", qid)
    assert assessment(again).editor.comment.toPlainText() == "Rutinerna saknar datum"


def test_pending_typing_is_written_when_the_window_closes(
    qtbot: QtBot, window: VisitWindow, ui_ctx: UiContext, visit_id: str
) -> None:
    view = assessment(window)
    qid = first_scale_question(view)
    view.select(qid)
    qtbot.keyClicks(view.editor.comment, "sista ordet")
    window.close()  # well inside the debounce: nothing was written yet
    answer = stored(ui_ctx, visit_id, qid)
    assert answer is not None and answer.comment == "sista ordet"


def test_keys_one_to_five_answer_and_enter_moves_on(
    qtbot: QtBot, window: VisitWindow, ui_ctx: UiContext, visit_id: str
) -> None:
    view = assessment(window)
    ids = [q for q in view.visible_ids() if view.questions[q].answer_kind == "scale"][:2]
    view.select(ids[0])
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_3)
    assert stored(ui_ctx, visit_id, ids[0]).answer == "ej_uppfyllt"  # type: ignore[union-attr]
    assert view.editor.proposal.isVisible()  # "Ej uppfyllt" offers a linked deficiency
    qtbot.keyClick(view.tree, Qt.Key.Key_2)
    assert stored(ui_ctx, visit_id, ids[0]).answer == "delvis"  # type: ignore[union-attr]
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert view.current_id() == view.visible_ids()[1]
    view.select(ids[1])
    qtbot.keyClick(view.tree, Qt.Key.Key_1)
    assert stored(ui_ctx, visit_id, ids[1]).answer == "uppfyllt"  # type: ignore[union-attr]
    # Digits typed into the comment are text, not answers.
    view.editor.comment.setFocus()
    qtbot.keyClicks(view.editor.comment, "5")
    assert view.editor.comment.toPlainText() == "5"
    assert stored(ui_ctx, visit_id, ids[1]).answer == "uppfyllt"  # type: ignore[union-attr]
    area_progress = view.proxy.index(0, 1).data()
    assert area_progress.startswith("2/")


def test_undo_restores_the_old_answer_and_saves_it_again(
    qtbot: QtBot, window: VisitWindow, ui_ctx: UiContext, visit_id: str
) -> None:
    view = assessment(window)
    qid = first_scale_question(view)
    view.select(qid)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_1)
    qtbot.keyClick(view.tree, Qt.Key.Key_3)
    assert stored(ui_ctx, visit_id, qid).answer == "ej_uppfyllt"  # type: ignore[union-attr]
    qtbot.keyClick(view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(ui_ctx, visit_id, qid).answer == "uppfyllt"  # type: ignore[union-attr]
    assert view.editor.buttons[0].isChecked()
    qtbot.keyClick(view.tree, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(ui_ctx, visit_id, qid).answer == "ej_uppfyllt"  # type: ignore[union-attr]
    # Typed text: Ctrl+Z in the comment goes to the visit's stack, through the service.
    view.editor.comment.setFocus()
    qtbot.keyClicks(view.editor.comment, "Forsta rad")
    qtbot.keyClick(view.editor.comment, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.comment.toPlainText() == ""
    assert stored(ui_ctx, visit_id, qid).comment == ""  # type: ignore[union-attr]
    with ui_ctx.sessions() as session:
        fields = [(e.field, e.new) for e in visits_service.audit_events(session, visit_id)]
    assert (f"{qid}.answer", "uppfyllt") in fields[-5:]
    assert (f"{qid}.comment", "") in fields[-2:]


def test_cannot_save_shows_the_banner_keeps_the_text_and_retries(
    qtbot: QtBot, window: VisitWindow, ui_ctx: UiContext, visit_id: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = assessment(window)
    qid = first_scale_question(view)
    view.select(qid)
    real = visits_service.save_answer

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise CannotSaveError("Disken är full.")

    monkeypatch.setattr(visits_service, "save_answer", full_disk)
    qtbot.keyClicks(view.editor.comment, "viktig iakttagelse")
    qtbot.waitUntil(window.banner.isVisible, timeout=2000)
    assert "Kan inte spara" in window.banner.message.text()
    assert window.status_label.text() == "Inte sparat"
    assert view.editor.comment.toPlainText() == "viktig iakttagelse"
    assert stored(ui_ctx, visit_id, qid) is None
    monkeypatch.setattr(visits_service, "save_answer", real)
    qtbot.mouseClick(window.banner.retry, Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible()
    assert stored(ui_ctx, visit_id, qid).comment == "viktig iakttagelse"  # type: ignore[union-attr]
    assert window.status_label.text().startswith("Sparat ")


def test_closing_with_unsaved_text_asks_first(
    qtbot: QtBot, window: VisitWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    view = assessment(window)
    view.select(first_scale_question(view))

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise CannotSaveError("Disken är full.")

    monkeypatch.setattr(visits_service, "save_answer", full_disk)
    qtbot.keyClicks(view.editor.comment, "osparad text")
    window.flush_all()
    assert window.visit.writer.failing
    answers: list[QMessageBox.StandardButton] = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a, **_k: answers[0])
    assert not window.close()
    assert window.isVisible() and view.editor.comment.toPlainText() == "osparad text"
    answers[0] = QMessageBox.StandardButton.Yes
    assert window.close()


def test_pending_typing_is_written_when_the_application_quits(
    qtbot: QtBot, window: VisitWindow, ui_ctx: UiContext, visit_id: str, qapp: object
) -> None:
    from PySide6.QtCore import QCoreApplication

    view = assessment(window)
    qid = first_scale_question(view)
    view.select(qid)
    qtbot.keyClicks(view.editor.comment, "innan programmet avslutas")
    app = QCoreApplication.instance()
    assert app is not None
    app.aboutToQuit.emit()  # what QApplication.quit() sends before the event loop ends
    answer = stored(ui_ctx, visit_id, qid)
    assert answer is not None and answer.comment == "innan programmet avslutas"


def test_after_a_failed_save_the_next_edit_tries_again(
    qtbot: QtBot, window: VisitWindow, ui_ctx: UiContext, visit_id: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = assessment(window)
    qid = first_scale_question(view)
    view.select(qid)
    real = visits_service.save_answer
    monkeypatch.setattr(visits_service, "save_answer", lambda *a, **k: (_ for _ in ()).throw(
        CannotSaveError("Databasen är skrivskyddad.")))
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_2)  # the answer fails ...
    qtbot.keyClicks(view.editor.comment, "delvis ok")  # ... and so does the comment
    window.flush_all()
    assert window.banner.isVisible() and len(window.visit.writer.pending_keys) == 2
    monkeypatch.setattr(visits_service, "save_answer", real)
    qtbot.keyClicks(view.editor.comment, "!")
    window.flush_all()  # the next edit writes everything still pending
    answer = stored(ui_ctx, visit_id, qid)
    assert answer is not None and (answer.answer, answer.comment) == ("delvis", "delvis ok!")
    assert not window.banner.isVisible() and window.visit.writer.pending_keys == []


def test_ctrl_digit_switches_steps_and_the_list_takes_the_keys(
    qtbot: QtBot, window: VisitWindow
) -> None:
    view = assessment(window)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.views["fynd"]
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_3,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is view
    assert view.tree.hasFocus()


def test_closing_twice_is_harmless(window: VisitWindow) -> None:
    assert window.close()
    assert window.close()
