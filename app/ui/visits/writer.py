"""The one door through which the visit window writes: service call, then status.

Each write is a function of a fresh Session that calls one service function
(which commits before it returns). Writes run on the UI thread, in the order
the user made them: a visit write is a single small SQLite transaction
(milliseconds in WAL mode), and running it inline means a flush on window
close or app quit is finished when the flush returns, so no word can be lost
between the last keystroke and exit. The shell's TaskRunner is kept for long
work (reports, sync).

A write the database refuses (``CannotSaveError``: full disk, read-only file)
stays pending under its key, the newest value replacing an older one for the
same field. Pending writes are tried again before the next write and when the
user presses "Försök igen"; the text stays on screen all the while.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session, sessionmaker

from app.errors import CannotSaveError, UserFacingError
from app.ui.i18n import error_text

log = logging.getLogger(__name__)

WriteFn = Callable[[Session], object]


class VisitWriter(QObject):
    saved = Signal(datetime)  # local time, emitted only after the service returned
    failed = Signal(str)  # CannotSaveError message: the window goes into "Kan inte spara"
    refused = Signal(str)  # another UserFacingError (locked part, text too long): shown, dropped

    def __init__(self, sessions: sessionmaker[Session], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._pending: dict[str, WriteFn] = {}
        self._failing = False

    @property
    def failing(self) -> bool:
        return self._failing

    @property
    def pending_keys(self) -> list[str]:
        return list(self._pending)

    def write(self, key: str, fn: WriteFn) -> bool:
        """Queue ``fn`` under ``key`` (replacing an older pending value) and
        write everything pending, oldest first. True when all was saved;
        False when the database failed or the service refused a change."""
        self._pending.pop(key, None)
        self._pending[key] = fn
        return self._drain()

    def retry(self) -> bool:
        return self._drain()

    def _drain(self) -> bool:
        wrote = False
        all_saved = True
        for key, fn in list(self._pending.items()):
            try:
                with self._sessions() as session:
                    fn(session)
            except CannotSaveError as error:
                self._failing = True
                self.failed.emit(error_text(error))
                return False
            except UserFacingError as error:
                # Not an environment failure: retrying would fail the same way.
                self._pending.pop(key, None)
                self.refused.emit(error_text(error))
                all_saved = False
                continue
            self._pending.pop(key, None)
            wrote = True
        self._failing = False
        if wrote:
            self.saved.emit(datetime.now())
        return all_saved
