"""The Synk page: Synka nu runs on the worker with progress, the result is
shown, and cancel stops the sync safely."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models.sync import OutboxEntry
from app.services import sync as sync_service
from app.services.task_state import TaskState
from app.ui import sync_page as page_module
from app.ui.context import UiContext
from app.ui.navigation import PAGES
from app.ui.sync_page import SyncPage
from app.ui.tasks import TaskRunner
from tests.sync_app.conftest import Laptop


def _page(qtbot: QtBot, laptop: Laptop, runner: TaskRunner) -> SyncPage:
    ctx = UiContext(laptop.paths, laptop.sessions, laptop.settings, runner)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    return page


def test_page_is_plugged_into_navigation() -> None:
    spec = next(p for p in PAGES if p.key == "synk")
    assert spec.factory.__qualname__.startswith("lazy")


def test_synka_nu_runs_on_worker_with_progress_and_shows_result(
        qtbot: QtBot, make_laptop: Callable[..., Laptop], runner: TaskRunner,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    laptop = make_laptop("a", keep=2)
    page = _page(qtbot, laptop, runner)
    assert "Ingen synkronisering" in page.result_label.text()
    assert page.tabs.tabText(0) == "Väntar (2)"
    threads: list[threading.Thread] = []
    progress: list[tuple[int, int, str]] = []
    real = sync_service.run_sync

    def spy(*args: object) -> object:
        threads.append(threading.current_thread())
        state = args[-1]
        assert isinstance(state, TaskState)
        forward = state.on_progress

        def record(done: int, total: int, text: str) -> None:
            progress.append((done, total, text))
            if forward is not None:
                forward(done, total, text)

        state.on_progress = record
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(page_module, "run_sync", spy)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert not page.sync_button.isEnabled() and page.cancel_button.isEnabled()
    assert page.progress.isVisible()
    qtbot.waitUntil(lambda: page.handle is None, timeout=60_000)
    assert threads and threads[0] is not threading.main_thread()
    assert (2, 2, "Skickar paket") in progress
    assert "Synkroniseringen lyckades" in page.result_label.text()
    assert "Skickade: 2" in page.result_label.text()
    assert page.tabs.tabText(1) == "Skickade (2)"
    assert page.sent.topLevelItem(0).text(4) == "Skickad och kontrollerad"
    assert page.sync_button.isEnabled() and not page.progress.isVisible()
    page.grab().save(str(tmp_path / "sync_page.png"))


def test_cancel_stops_safely(qtbot: QtBot, make_laptop: Callable[..., Laptop],
                             runner: TaskRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    laptop = make_laptop("a", keep=2)
    page = _page(qtbot, laptop, runner)
    started = threading.Event()
    real = sync_service.run_sync

    def wait_for_cancel(*args: object) -> object:
        state = args[-1]
        assert isinstance(state, TaskState)
        started.set()
        for _ in range(600):  # the worker waits until the user presses Avbryt
            if state.cancel_requested:
                break
            threading.Event().wait(0.05)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(page_module, "run_sync", wait_for_cancel)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert started.wait(10)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.handle is None, timeout=30_000)
    assert "avbröts" in page.result_label.text()
    with laptop.sessions() as session:
        assert session.scalars(select(OutboxEntry)).all() == []  # nothing half sent
    # The next sync sends everything.
    monkeypatch.setattr(page_module, "run_sync", real)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.handle is None, timeout=60_000)
    assert "Skickade: 2" in page.result_label.text()


def test_missing_share_shows_the_problem(qtbot: QtBot, make_laptop: Callable[..., Laptop],
                                         runner: TaskRunner, tmp_path: Path) -> None:
    laptop = make_laptop("a", keep=1, share=tmp_path / "saknas")
    page = _page(qtbot, laptop, runner)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.handle is None, timeout=30_000)
    assert "kunde inte göras" in page.result_label.text()
    assert page.tabs.tabText(0) == "Väntar (1)" and page.waiting.topLevelItemCount() == 1
    assert str(tmp_path / "saknas") in page.problems_label.text()
    assert page.problems_label.isVisible()
