"""Finalizing in the window prepares the sync package on a worker thread, so
the next sync only pushes; a preparation that fails is noted quietly and
leaves the finalize done and the problem for the sync to report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.models.sync import OutboxEntry
from app.models.visit import Attachment, PartRevision
from app.services import report
from app.services.sync import run_sync
from app.services.sync_outbox import packages_dir
from app.services.task_state import TaskState
from app.services.visits import add_attachment
from app.ui.context import UiContext
from app.ui.tasks import TaskRunner
from tests.ui_visits.test_finalize import WHO, complete_sol_part, finalize_view, open_window


@pytest.fixture
def threaded_ctx(ui_ctx: UiContext, demo_sessions: sessionmaker[Session]) -> Iterator[UiContext]:
    """The window's context with a real worker pool; the demo's own finalized
    revisions count as history already at the centre (no stored snapshot)."""
    with demo_sessions() as session:
        session.execute(update(PartRevision).values(snapshot=None))
        session.commit()
    ui_ctx.paths.ensure()
    ui_ctx.tasks = TaskRunner()
    yield ui_ctx
    ui_ctx.tasks.wait()


def _outbox(ctx: UiContext) -> list[OutboxEntry]:
    with ctx.sessions() as session:
        rows = list(session.scalars(select(OutboxEntry)))
        session.expunge_all()
    return rows


def _finalize_sol(qtbot: QtBot, ctx: UiContext, visit_id: str,
                  monkeypatch: pytest.MonkeyPatch) -> object:
    window = open_window(qtbot, ctx, visit_id)
    window.navigate("faststall")
    view = finalize_view(window)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.Yes)
    view.finalize_button.click()
    assert window.visit.detail.part("sol").locked  # type: ignore[union-attr]
    return view


def test_finalize_prepares_the_package_and_the_sync_only_pushes(
        qtbot: QtBot, threaded_ctx: UiContext, visit_id: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = threaded_ctx
    complete_sol_part(ctx, visit_id)
    view = _finalize_sol(qtbot, ctx, visit_id, monkeypatch)
    qtbot.waitUntil(lambda: len(_outbox(ctx)) == 1, timeout=30_000)
    (row,) = _outbox(ctx)
    assert (row.visit_id, row.part, row.revision, row.state) == (visit_id, "sol", 1, "queued")
    kept = ctx.paths.data_dir / str(row.local_file)
    assert kept.is_file() and [p.name for p in packages_dir(ctx.paths).iterdir()] == [kept.name]
    assert not view.prepare_note.isVisibleTo(view)  # type: ignore[attr-defined]

    def no_rendering(*_a: object, **_kw: object) -> bytes:
        raise AssertionError("the sync rendered a report")

    monkeypatch.setattr(report, "report_pdf_for_part_revision", no_rendering)
    synced = run_sync(ctx.sessions, ctx.paths, ctx.settings, None, TaskState())
    assert not synced.failed, synced.lines()
    assert (synced.queued, synced.pushed) == (0, 1)
    (row,) = _outbox(ctx)
    assert row.state == "verified"


def test_a_failed_preparation_is_noted_quietly_and_the_sync_reports_it(
        qtbot: QtBot, threaded_ctx: UiContext, visit_id: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = threaded_ctx
    complete_sol_part(ctx, visit_id)
    source = tmp_path / "rutin.pdf"
    source.write_bytes(b"%PDF-1.4 rutin")
    with ctx.sessions() as session:
        add_attachment(session, visit_id, source, who=WHO,
                       attachments_dir=ctx.paths.attachments_dir)
        stored = session.scalar(select(Attachment.stored_name).where(
            Attachment.visit_id == visit_id))
    (ctx.paths.attachments_dir / str(stored)).unlink()  # lost from the disk
    boxes: list[object] = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: boxes.append(self))
    view = _finalize_sol(qtbot, ctx, visit_id, monkeypatch)
    note = view.prepare_note  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: note.isVisibleTo(view), timeout=30_000)
    assert "nästa synkronisering" in note.text()
    assert boxes == []  # nothing pops up
    assert _outbox(ctx) == []
    synced = run_sync(ctx.sessions, ctx.paths, ctx.settings, None, TaskState())
    assert synced.failed and synced.pushed == 0
    assert any("kunde inte paketeras" in e and "rutin.pdf" in e for e in synced.errors)
