"""Errors and the one write door: every visit write goes through ``writing``.

SQLite reports a full disk, a read-only file, a lock or an I/O error with
different codes depending on how it happened (SQLITE_FULL, SQLITE_IOERR_*,
SQLITE_READONLY, "attempt to write a readonly database" ...). The user needs
one calm message and the certainty that what was saved before is intact, so
all of them become ``CannotSaveError`` and the session is rolled back.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.exc import DatabaseError, IntegrityError, ProgrammingError
from sqlalchemy.orm import Session

from app.errors import CannotSaveError, Message, UserFacingError

log = logging.getLogger(__name__)

CANNOT_SAVE_MESSAGE = Message(
    "Ändringen kunde inte sparas: databasen går inte att skriva till "
    "(disken kan vara full, filen skrivskyddad eller upptagen). "
    "Det som sparats tidigare finns kvar. Texten ligger kvar på skärmen; "
    "frigör utrymme eller kontrollera datamappen och försök igen."
)


class LockedError(UserFacingError):
    """A write to a finalized part."""


class NotFoundError(UserFacingError):
    pass


@dataclass(frozen=True)
class MissingItem:
    """One thing that stops a part from being finalized.

    kind: "svar" | "kommentar" | "brist" | "sammanfattning" | "tidigare_brist"
    | "personuppgift"; target: a question id, field name or row id."""

    kind: str
    target: str
    message: str


class FinalizeError(UserFacingError):
    def __init__(self, missing: list[MissingItem]) -> None:
        lines = Message("Delen kan inte fastställas; {count} saker saknas:{items}",
                        count=len(missing), items="".join(f"\n  {m.message}" for m in missing))
        super().__init__(lines)
        self.missing = missing


@contextmanager
def writing(session: Session) -> Iterator[None]:
    """Run a change and commit it; database refusals become CannotSaveError.

    After SQLITE_FULL the transaction may already be gone, so the rollback
    itself may fail; that is logged, never raised over the real message."""
    try:
        yield
        session.commit()
    except DatabaseError as error:
        if isinstance(error, IntegrityError | ProgrammingError):
            _rollback(session)
            raise  # a bug, not the environment: keep the traceback
        log.warning("cannot save: %s", error)
        _rollback(session)
        raise CannotSaveError(CANNOT_SAVE_MESSAGE) from error
    except BaseException:
        _rollback(session)
        raise


def _rollback(session: Session) -> None:
    try:
        session.rollback()
    except Exception:  # noqa: BLE001 - the original error is the one that matters
        log.exception("rollback after a failed write failed")
