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
    if row.snapshot is not None:  # stored by freeze_in_memory
        return
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
        _freeze(session, visit_id, "sol", 2)  # finalizing stores the new revision's snapshot
    session.flush()


def freeze_in_memory(session: Session, rows: dict[type, list[dict[str, Any]]],
                     previous_of: dict[str, str], years: set[int]) -> None:
    """Store the snapshot of every finalized part of the visits of ``years``, as
    finalizing in the app does, built from the rows about to be bulk-inserted.

    Why in memory: ``open_visit`` per visit (ORM queries) would add seconds to
    the demo; ``assemble_detail`` is the very function open_visit ends in, so
    the snapshot is the one ``revision_snapshot`` would build from the stored
    rows (tests/report_app/test_fast_path.py compares them). Must run before
    ``bulk_insert``, which turns dates into text in these dicts.
    """
    from app.models import Unit
    from app.models.visit import (
        DocumentRequest,
        Finding,
        Participant,
        PreviousDeficiency,
        Visit,
    )
    from app.services.visits.queries import assemble_detail, unit_facts
    from app.services.visits.templating import pinned_template

    visits = {v["id"]: v for v in rows[Visit]}
    wanted = {r["visit_id"] for r in rows[PartRevision]
              if r["finalized_at"] is not None and visits[r["visit_id"]]["year"] in years}
    if not wanted:
        return
    previous_ids = {previous_of[v] for v in wanted if v in previous_of}
    by_visit: dict[type, dict[str, list[_Row]]] = {}
    for model in (VisitPart, Answer, Finding, PreviousDeficiency, DocumentRequest, Participant):
        grouped: dict[str, list[_Row]] = {}
        for row in rows.get(model, ()):
            if row["visit_id"] in wanted or (model is Answer and row["visit_id"] in previous_ids):
                grouped.setdefault(row["visit_id"], []).append(_Row(row))
        by_visit[model] = grouped
    units: dict[str, Any] = {}
    details: dict[str, Any] = {}  # one detail serves both parts of a visit
    for revision in rows[PartRevision]:
        vid = revision["visit_id"]
        if vid not in wanted or revision["finalized_at"] is None:
            continue
        if vid not in details:
            visit = visits[vid]
            unit_id = visit["unit_id"]
            if unit_id not in units:
                unit = session.get(Unit, unit_id)
                assert unit is not None
                units[unit_id] = unit_facts(unit)
            before = previous_of.get(vid)
            details[vid] = assemble_detail(
                _Row(visit), units[unit_id],
                pinned_template(session, visit["template_version_id"]),
                answers=by_visit[Answer].get(vid, []),  # type: ignore[arg-type]
                previous_answers=by_visit[Answer].get(before, []) if before else [],  # type: ignore[arg-type]
                previous=_Row(visits[before]) if before else None,  # type: ignore[arg-type]
                parts=by_visit[VisitPart].get(vid, []),  # type: ignore[arg-type]
                documents=by_visit[DocumentRequest].get(vid, []),  # type: ignore[arg-type]
                participants=by_visit[Participant].get(vid, []),  # type: ignore[arg-type]
                findings=by_visit[Finding].get(vid, []),  # type: ignore[arg-type]
                previous_deficiencies=by_visit[PreviousDeficiency].get(vid, []),  # type: ignore[arg-type]
                attachments=[])
        detail = details[vid]
        data = build_snapshot(detail, revision["part"], revision=revision["revision"],
                              reason=revision["reason"], finalized_at=revision["finalized_at"],
                              finalized_by=revision["finalized_by"])
        revision["snapshot"] = canonical_json(data)
        revision["sha256"] = digest(revision["snapshot"])


class _Row:
    """Attribute access to a row dict, as the ORM object read back would give;
    ids the database assigns read as None (they only break sort ties, and the
    bulk insert keeps each visit's rows in this order)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)

    def __getattr__(self, name: str) -> Any:
        if name == "id":
            return None
        raise AttributeError(name)
