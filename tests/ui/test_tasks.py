"""The task runner: work on a worker, results and errors on the main thread."""

from __future__ import annotations

import threading

import pytest

from app.errors import UserFacingError
from app.services.task_state import Cancelled, TaskState
from app.ui.tasks import SyncTaskRunner, TaskRunner


def test_result_arrives_on_the_main_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    main = threading.get_ident()
    seen: dict[str, object] = {}

    def work(state: TaskState) -> int:
        seen["worker"] = threading.get_ident()
        state.report(1, 2, "halvvägs")
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback"] = threading.get_ident()

    handle = runner.run(work, done)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert seen["result"] == 42
    assert seen["worker"] != main
    assert seen["callback"] == main
    assert runner.active == 0


def test_error_goes_to_on_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    errors: list[BaseException] = []

    def work(state: TaskState) -> None:
        raise UserFacingError("Disken är full.")

    handle = runner.run(work, lambda _: pytest.fail("no result expected"), errors.append)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert [str(e) for e in errors] == ["Disken är full."]


def test_cancel_reaches_the_task(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    started = threading.Event()
    errors: list[BaseException] = []

    def work(state: TaskState) -> None:
        started.set()
        while True:
            state.check_cancelled()
            threading.Event().wait(0.01)

    handle = runner.run(work, lambda _: None, errors.append, title="Testar")
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert len(errors) == 1 and isinstance(errors[0], Cancelled)


def test_progress_dialog_cancel_button_requests_cancel(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    release = threading.Event()
    seen: list[bool] = []

    def work(state: TaskState) -> bool:
        release.wait(5)
        return state.cancel_requested

    handle = runner.run(work, seen.append, title="Skapar rapporter")
    handle._dialog.canceled.emit()  # what the Avbryt button does
    release.set()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert seen == [True]


def test_sync_runner_runs_inline_and_raises_unhandled_errors() -> None:
    runner = SyncTaskRunner()
    results: list[int] = []
    runner.run(lambda state: 7, results.append)
    assert results == [7]
    with pytest.raises(ZeroDivisionError):
        runner.run(lambda state: 1 // 0, results.append)
    assert runner.active == 0


def test_progress_dialog_appears_for_a_long_task_and_shows_progress(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    release = threading.Event()

    def work(state: TaskState) -> str:
        state.report(3, 10, "Rapport 3 av 10")
        release.wait(10)
        return "klart"

    results: list[str] = []
    handle = runner.run(work, results.append, title="Skapar rapporter")
    dialog = handle._dialog
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=5000)
    assert not dialog.isModal()
    assert dialog.windowTitle() == "Skapar rapporter"
    qtbot.waitUntil(lambda: dialog.value() == 3 and dialog.maximum() == 10, timeout=5000)
    assert dialog.labelText() == "Rapport 3 av 10"
    release.set()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert results == ["klart"]
    assert handle._dialog is None
