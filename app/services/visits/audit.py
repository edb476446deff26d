"""The audit trail: one event per changed field (who, when in UTC, old, new)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.visit import AuditEvent
from app.services.visits.sanitize import clean_who


def utcnow() -> datetime:
    """Naive UTC, as stored (SQLite has no time zones)."""
    return datetime.now(UTC).replace(tzinfo=None)


def audit_text(value: Any) -> str | None:
    """A stored value as audit text: dates ISO, lists and dicts JSON."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_iso)
    return str(value)


def _iso(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} in an audit value")


def record(
    session: Session, visit_id: str, part: str | None, field: str, old: Any, new: Any,
    who: str, at: datetime | None = None,
) -> None:
    """Add an audit event to the session (committed with the change itself)."""
    session.add(AuditEvent(
        visit_id=visit_id, part=part, at=at or utcnow(), who=clean_who(who), field=field,
        old=audit_text(old), new=audit_text(new),
    ))


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime  # UTC
    who: str
    part: str | None
    field: str
    old: str | None
    new: str | None


def audit_events(session: Session, visit_id: str) -> list[AuditRow]:
    """Every change to a visit, oldest first."""
    rows = session.scalars(
        select(AuditEvent).where(AuditEvent.visit_id == visit_id).order_by(AuditEvent.id)
    )
    return [AuditRow(r.id, r.at, r.who, r.part, r.field, r.old, r.new) for r in rows]
