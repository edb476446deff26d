"""The Lämna över dialog reads the share on the worker: a busy bar while it
waits, the clear Swedish message when the share cannot be reached, and a
dialog that can be closed at any time."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.services import sync_handover
from app.ui import sync_handover_dialog
from app.ui.context import UiContext
from app.ui.sync_handover_dialog import HandoverDialog
from app.ui.tasks import TaskRunner
from tests.sync_app.conftest import Laptop


def test_an_unreachable_share_is_said_in_the_dialog(
        qtbot: QtBot, make_laptop: Callable[..., Laptop], tmp_path: Path,
        runner: TaskRunner) -> None:
    laptop = make_laptop("care", share=tmp_path / "ej-monterad")
    dialog = HandoverDialog(UiContext(laptop.paths, laptop.sessions, laptop.settings, runner))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.working)
    text = dialog.message.text()
    assert "finns inte eller är inte ansluten" in text and "ej-monterad" in text
    assert dialog.candidates and dialog.parts.count() == len(dialog.candidates)  # local parts
    assert not dialog.send.isEnabled() and dialog.retry.isVisible()
    assert not dialog.busy.isVisible()
    # Once the share is there, "Försök igen" reads it without reopening the dialog.
    from app.services.share.layout import Share

    Share(tmp_path / "ej-monterad").init(created_by_device="centralen", create_root=True)
    dialog.retry.click()
    qtbot.waitUntil(lambda: not dialog.working)
    assert "synkroniserat" in dialog.message.text()  # no colleague yet, said plainly


def test_the_dialog_stays_responsive_while_the_share_is_slow(
        qtbot: QtBot, make_laptop: Callable[..., Laptop], tmp_path: Path,
        runner: TaskRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    laptop = make_laptop("care", share=tmp_path / "share")
    release, entered = threading.Event(), threading.Event()
    real = sync_handover.recipients

    def hanging(*args: Any, **kwargs: Any) -> list[sync_handover.Recipient]:
        entered.set()
        assert threading.current_thread() is not threading.main_thread()
        release.wait(30)  # a network share that does not answer
        return real(*args, **kwargs)

    monkeypatch.setattr(sync_handover_dialog, "recipients", hanging)
    from app.services.share.layout import Share

    Share(tmp_path / "share").init(created_by_device="centralen", create_root=True)
    dialog = HandoverDialog(UiContext(laptop.paths, laptop.sessions, laptop.settings, runner))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(entered.is_set)
    # The UI thread got here: it is not waiting for the share.
    assert dialog.working and dialog.busy.isVisible()
    assert "Läser den gemensamma mappen" in dialog.status.text()
    assert not dialog.send.isEnabled()
    dialog.reject()  # closing is always possible
    assert not dialog.isVisible()
    release.set()
    assert runner.wait(10_000)
    qtbot.wait(50)  # the late result arrives and changes nothing
    assert dialog.parts.count() == 0 and dialog.working
