"""The state object long tasks take: progress, cancel request.

Services (batch reports, sync, imports) accept a ``TaskState`` and call
``report`` as they go and ``check_cancelled`` between safe steps. The GUI's
task runner forwards progress to a dialog and sets ``cancel_requested`` from
its cancel button; the CLI passes a state that prints or does nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field


class Cancelled(Exception):
    """Raised by ``check_cancelled`` at a safe point after cancel was requested."""


@dataclass
class TaskState:
    on_progress: Callable[[int, int, str], None] | None = None
    _cancel: threading.Event = field(default_factory=threading.Event)
    done: int = 0
    total: int = 0
    text: str = ""

    def report(self, done: int, total: int, text: str = "") -> None:
        self.done, self.total, self.text = done, total, text
        if self.on_progress is not None:
            self.on_progress(done, total, text)

    def request_cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()
