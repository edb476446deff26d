"""Storing the demo follow-ups fast, and the few parts whose snapshots are
frozen at once (see demo_visits.py)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, select
from sqlalchemy.orm import Session

from app.models.visit import Answer, AuditEvent, PartRevision, VisitPart
from app.services.visits.queries import open_visit
from app.services.visits.snapshot import build_snapshot, canonical_json, digest


def bulk_insert(session: Session, rows_by_model: dict[type, list[dict[str, Any]]],
                order: tuple[type, ...]) -> None:
    """Insert every row with the driver's executemany, in key order: the
    ORM's per-row bind processing would dominate the demo's build time."""
    connection = session.connection()
    connection.exec_driver_sql("PRAGMA cache_size=-131072")
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for model in order:
            rows = sorted(rows_by_model.get(model, ()),
                          key=lambda r: (r.get("visit_id", ""), r.get("id", "")))
            if not rows:
                continue
            columns = list(rows[0])
            table = model.__table__  # type: ignore[attr-defined]
            converted = [c for c in columns
                         if isinstance(table.c[c].type, Date | DateTime | Boolean)]
            for row in rows:
                for c in converted:
                    row[c] = _sql(row[c])
            cursor.executemany(
                f"INSERT INTO {table.name} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                [tuple(row[c] for c in columns) for row in rows])
    finally:
        cursor.close()


@cache
def _sql(value: Any) -> Any:
    """A value as SQLAlchemy's SQLite types store it (values repeat a lot)."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _freeze(session: Session, visit_id: str, part: str, revision: int) -> None:
    row = session.scalar(select(PartRevision).where(
        PartRevision.visit_id == visit_id, PartRevision.part == part,
        PartRevision.revision == revision))
    assert row is not None and row.finalized_at is not None
    data = build_snapshot(open_visit(session, visit_id), part, revision=revision,
                          reason=row.reason, finalized_at=row.finalized_at,
                          finalized_by=row.finalized_by)
    row.snapshot = canonical_json(data)
    row.sha256 = digest(row.snapshot)


def store_snapshots(session: Session, half_done: list[tuple[str, str]]) -> None:
    """A part finalized while the other is open: its snapshot is frozen now,
    because the shared visit fields may still change."""
    for visit_id, part in half_done:
        _freeze(session, visit_id, part, 1)
    session.flush()


def reopened_examples(session: Session, rng: random.Random,
                       visits: list[tuple[str, int, str]]) -> None:
    """A few follow-ups corrected after finalizing: revision 1 stays readable."""
    for visit_id, _year, owner in visits:
        _freeze(session, visit_id, "sol", 1)
        part = session.scalar(select(VisitPart).where(VisitPart.visit_id == visit_id,
                                                      VisitPart.part == "sol"))
        answer = session.scalar(select(Answer).where(Answer.visit_id == visit_id,
                                                     Answer.part == "sol").limit(1))
        assert part is not None and part.finalized_at is not None and answer is not None
        first_done = part.finalized_at
        again = first_done + timedelta(days=rng.randint(5, 30))
        reason = "Enheten påpekade ett sakfel efter fastställandet; kommentaren är rättad."
        old_comment, answer.comment = answer.comment, (
            answer.comment + " (Rättat efter sakgranskning.)").strip()
        part.revision, part.finalized_at = 2, again
        session.add(PartRevision(visit_id=visit_id, part="sol", revision=2, reason=reason,
                                 created_at=again - timedelta(hours=2), created_by=owner,
                                 finalized_at=again, finalized_by=owner))
        for at, field, old, new in (
                (again - timedelta(hours=2), "ny revision", "1", f"2: {reason}"),
                (again - timedelta(hours=1), f"{answer.question_id}.comment", old_comment,
                 answer.comment),
                (again, "fastställd", None, "revision 2")):
            session.add(AuditEvent(visit_id=visit_id, part="sol", at=at, who=owner,
                                   field=field, old=old, new=new))
    session.flush()
