"""What each process of the parallel batch (report_parallel.py) runs.

A module of its own because "spawn" workers import the module their
functions live in: this one imports neither SQLAlchemy nor the models, so a
worker that prints finalized follow-ups from their stored snapshots never
loads them (start-up time and ~40 MB per worker).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.services.report_fast import StoredReports

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

_URL = ""
_SESSIONS: sessionmaker[Session] | None = None
_STORED: StoredReports | None = None


def init_worker(url: str, database: str | None) -> None:
    global _URL, _STORED
    # SQLAlchemy is imported only if a report must be built from the rows:
    # finalized follow-ups print from their stored snapshots (report_fast.py).
    _URL, _STORED = url, StoredReports(Path(database) if database else None)


def render_one(visit_id: str, target: str, kw: dict[str, Any]) -> str:
    global _SESSIONS
    from app.durable_io import write_bytes_atomic
    from app.errors import UserFacingError
    from app.templates.report import render_report_bytes

    assert _STORED is not None
    try:
        data = _STORED.data(visit_id, **kw)
        if data is not None:
            write_bytes_atomic(Path(target), render_report_bytes(data))
            return ""
        from app.services.report import render_visit_report

        if _SESSIONS is None:
            from app.db import make_engine, session_factory

            _SESSIONS = session_factory(make_engine(_URL))
        with _SESSIONS() as session:
            render_visit_report(session, visit_id, Path(target), **kw)
    except (UserFacingError, OSError, ValueError, KeyError) as error:
        return str(error) or type(error).__name__
    return ""
