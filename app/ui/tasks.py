"""The one door for work off the UI thread.

``TaskRunner.run(fn, on_done, on_error)`` runs ``fn(state)`` on a worker and
calls ``on_done(result)`` or ``on_error(exception)`` on the main thread. The
worker never touches a widget: progress travels as a signal, and the
progress dialog lives on the main thread.

Tasks run one at a time by default (a private pool with one thread), so two
database writes never race for SQLite's single writer lock. Read-only work
that may overlap passes ``parallel=True`` and goes to the global pool.

``SyncTaskRunner`` runs the function inline; unit tests use it so that the
result is there when ``run`` returns (Picard's fake thread pool idea).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.errors import UserFacingError
from app.services.task_state import Cancelled, TaskState
from app.ui.i18n import error_text, message_text

log = logging.getLogger(__name__)

T = TypeVar("T")
PROGRESS_DELAY_MS = 400  # quick tasks finish before a dialog flickers up

# Every unfinished task's handle, held here so that neither the handle (whose
# QObjects receive the worker's signals) nor its runner is garbage-collected
# while the task runs, whoever else still holds them.
_LIVE: set[TaskHandle] = set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskState], Any], state: TaskState, signals: _Signals):
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._state = state
        self._signals = signals

    def run(self) -> None:  # on the worker thread
        try:
            result = self._fn(self._state)
        except BaseException as error:  # delivered to on_error on the main thread
            outcome, value = self._signals.failed, error
        else:
            outcome, value = self._signals.succeeded, result
        try:
            outcome.emit(value)
        except RuntimeError:  # the application is closing: nobody is left to tell
            log.info("task finished after its receiver was deleted")


class TaskHandle(QObject):
    """A running task: its state (cancel, progress) and whether it is over.

    It lives on the main thread, so the queued signals from the worker are
    delivered to its slots there.
    """

    finished = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None,
        dialog: QProgressDialog | None,
        parent_widget: QWidget | None,
    ) -> None:
        super().__init__()
        self.signals = _Signals()
        self.state = TaskState(on_progress=self.signals.progress.emit)
        self.done = False
        self._runner = runner
        self._on_done = on_done
        self._on_error = on_error
        self._dialog = dialog
        self._parent_widget = parent_widget
        self.signals.progress.connect(self._progress)
        self.signals.succeeded.connect(self._succeeded)
        self.signals.failed.connect(self._failed)
        if dialog is not None:
            dialog.canceled.connect(self.cancel)

    def cancel(self) -> None:
        """Ask the task to stop at its next safe point."""
        self.state.request_cancel()

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, text: str) -> None:
        if self._dialog is None or self.done:
            return
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total > 0 else 0)
        if text:
            self._dialog.setLabelText(message_text(text))

    def _close(self) -> None:
        self.done = True
        _LIVE.discard(self)
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.reset()
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        self._runner._forget(self)
        self.finished.emit()

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._close()
        self._on_done(result)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._close()
        if self._on_error is not None:
            self._on_error(error)
        elif not isinstance(error, Cancelled):
            self._runner.report_error(error, self._parent_widget)


class TaskRunner:
    """Runs functions on a worker and calls back on the main thread."""

    def __init__(self) -> None:
        self._serial_pool = QThreadPool()
        self._serial_pool.setMaxThreadCount(1)
        self._handles: set[TaskHandle] = set()

    def run(
        self,
        fn: Callable[[TaskState], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        title: str | None = None,
        parent: QWidget | None = None,
        parallel: bool = False,
    ) -> TaskHandle:
        """Start ``fn(state)``; ``on_done(result)`` or ``on_error(error)`` follow
        on the main thread. Without ``on_error``, a cancelled task is silent and
        other errors are shown to the user (and logged when they are bugs).
        With ``title``, a progress dialog with a cancel button is shown."""
        dialog = self._progress_dialog(title, parent) if title else None
        handle = TaskHandle(self, on_done, on_error, dialog, parent)
        self._handles.add(handle)
        _LIVE.add(handle)
        self._start(fn, handle, parallel)
        return handle

    def _start(self, fn: Callable[[TaskState], Any], handle: TaskHandle, parallel: bool) -> None:
        pool = QThreadPool.globalInstance() if parallel else self._serial_pool
        pool.start(_Job(fn, handle.state, handle.signals))

    def _progress_dialog(self, title: str, parent: QWidget | None) -> QProgressDialog:
        dialog = QProgressDialog(title, QProgressDialog.tr("Avbryt"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setAccessibleName(title)
        dialog.setModal(False)  # the user may keep reading while it works
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setValue(0)
        return dialog

    def _forget(self, handle: TaskHandle) -> None:
        self._handles.discard(handle)

    @property
    def active(self) -> int:
        return len(self._handles)

    def cancel_all(self) -> None:
        for handle in list(self._handles):
            handle.cancel()

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until running tasks end (used when the window closes)."""
        return self._serial_pool.waitForDone(msecs) and QThreadPool.globalInstance().waitForDone(
            msecs
        )

    def report_error(self, error: BaseException, parent: QWidget | None) -> None:
        """Errors nobody handled: a calm message for known ones, a logged
        traceback plus a short message for bugs."""
        if isinstance(error, UserFacingError):
            text = error_text(error)
        else:
            log.error("task failed", exc_info=(type(error), error, error.__traceback__))
            text = QMessageBox.tr(
                "Något gick fel. Arbetet avbröts och inget har sparats i halvfärdigt skick. "
                "Detaljer finns i loggen."
            )
        box = QMessageBox(QMessageBox.Icon.Warning, "Uppföljaren", text, parent=parent)
        box.open()


class SyncTaskRunner(TaskRunner):
    """Runs each task inline on the calling thread (for tests).

    An error with no ``on_error`` is raised, so a test sees it at once.
    """

    def _start(self, fn: Callable[[TaskState], Any], handle: TaskHandle, parallel: bool) -> None:
        try:
            result = fn(handle.state)
        except BaseException as error:
            if handle._on_error is None and not isinstance(error, Cancelled):
                handle._close()
                raise
            handle._failed(error)
        else:
            handle._succeeded(result)

    def wait(self, msecs: int = 10_000) -> bool:
        return True
