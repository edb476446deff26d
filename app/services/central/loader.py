"""Writing one checked package into the consolidated database.

What ingest needs to decide per package (which hashes and revisions are
stored, the current revision of each part, the follow-ups, area and
question names) is read once at the start into ``LoadState``; each package
then costs a handful of statements: insert the package (RETURNING its id),
its answers and area results (executemany), deficiencies, the follow-up row,
and, when it supersedes, the flag updates on the older revision. Every
check runs before the first write, so a package is written whole or not at
all; an unexpected database error rolls back the whole batch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.models.central import (
    CentralAnswer,
    CentralArea,
    CentralAreaCube,
    CentralAreaResult,
    CentralDeficiency,
    CentralDeficiencyReview,
    CentralFollowup,
    CentralPackage,
    CentralQuestion,
)
from app.services.central.facts import PartFacts
from app.services.share.package import Package


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Conflict(Exception):
    """The same revision of the same part is stored with other bytes."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class LoadState:
    shas: set[str]
    revisions: dict[tuple[str, str, int], tuple[str, str]]  # -> (device, name)
    current: dict[tuple[str, str], tuple[int, int, str]]  # -> (package id, revision, name)
    followups: dict[str, list[dict[str, str]]]  # follow-up id -> its summaries
    areas: dict[str, tuple[str, int]]  # id -> (title, position)
    questions: dict[str, tuple[str, str, int]]  # id -> (area, text, position)


def load_state(session: Session) -> LoadState:
    state = LoadState(set(), {}, {}, {}, {}, {})
    p = CentralPackage
    for pid, sha, fid, part, rev, status, device, name in session.execute(select(
            p.id, p.sha256, p.followup_id, p.part, p.revision, p.status, p.device_id, p.name)):
        state.shas.add(sha)
        state.revisions[(fid, part, rev)] = (device, name)
        if status == "current":
            state.current[(fid, part)] = (pid, rev, name)
    for fid, summary in session.execute(select(CentralFollowup.followup_id,
                                               CentralFollowup.summary)):
        state.followups[fid] = json.loads(summary or "[]")
    state.areas = {a: (t, pos) for a, t, pos in session.execute(
        select(CentralArea.area_id, CentralArea.title, CentralArea.position))}
    state.questions = {q: (a, t, pos) for q, a, t, pos in session.execute(
        select(CentralQuestion.question_id, CentralQuestion.area_id, CentralQuestion.text,
               CentralQuestion.position))}
    return state


def load_package(session: Session, state: LoadState, device_id: str, name: str,
                 package: Package, facts: PartFacts, data_json: str) -> tuple[str, list[str]]:
    """Returns ("already" | "current" | "late", names of packages it
    superseded); "late" is an older revision that arrived after a newer one:
    stored, not counted. Raises Conflict before writing anything."""
    meta = package.meta
    if package.sha256 in state.shas:
        return "already", []  # the same bytes under another device's folder
    key = (meta.followup_id, meta.part)
    other = state.revisions.get((*key, meta.revision))
    if other is not None:
        raise Conflict(
            f"en annan version av revision {meta.revision} av samma del finns redan "
            f"(från datorn {other[0]}, {other[1]}); båda sparas och en person avgör "
            "vilken som gäller")
    newest = state.current.get(key)
    current = newest is None or newest[1] < meta.revision
    conn = session.connection()
    package_id: int = conn.execute(insert(CentralPackage.__table__).returning(
        CentralPackage.__table__.c.id), {
        "name": name, "sha256": package.sha256, "device_id": device_id,
        "key_id": package.key_id, "followup_id": meta.followup_id, "part": meta.part,
        "revision": meta.revision, "parent_revision": meta.parent_revision,
        "status": "current" if current else "superseded",
        "superseded_by": None if current or newest is None else newest[0],
        "ingested_at": now(), "data": data_json}).scalar_one()
    superseded: list[str] = []
    if current and newest is not None:
        conn.execute(update(CentralPackage.__table__)
                     .where(CentralPackage.__table__.c.id == newest[0])
                     .values(status="superseded", superseded_by=package_id))
        for model in (CentralAnswer, CentralAreaResult, CentralDeficiency,
                      CentralDeficiencyReview):
            table = model.__table__
            conn.execute(update(table).where(table.c.package_id == newest[0])
                         .values(current=False))
        superseded.append(newest[2])
    _insert_rows(conn, package_id, facts, current)
    if current:
        _names(conn, facts, state)
        _upsert_followup(conn, facts, state)
        state.current[key] = (package_id, meta.revision, name)
    state.shas.add(package.sha256)
    state.revisions[(*key, meta.revision)] = (device_id, name)
    return ("current" if current else "late"), superseded


def _insert_rows(conn: Connection, package_id: int, facts: PartFacts, current: bool) -> None:
    dims = facts.dims
    common = {"package_id": package_id, "followup_id": facts.followup_id, "part": facts.part,
              "current": current, "year": facts.year, "unit_id": dims.unit_id,
              "district": dims.district, "region": dims.region, "regiform": dims.regiform,
              "unit_type": dims.unit_type}
    batches: list[tuple[Any, list[dict[str, Any]]]] = [
        (CentralAnswer.__table__, [{**common, **a} for a in facts.answers]),
        (CentralAreaResult.__table__, [{**common, **a} for a in facts.area_results]),
        (CentralDeficiency.__table__, [{**common, **d, "questions": json.dumps(d["questions"])}
                                       for d in facts.deficiencies]),
        (CentralDeficiencyReview.__table__, [
            {"package_id": package_id, "followup_id": facts.followup_id, "current": current,
             **r} for r in facts.reviews]),
    ]
    for table, rows in batches:
        if rows:
            conn.execute(insert(table), rows)


def _names(conn: Connection, facts: PartFacts, state: LoadState) -> None:
    """Area titles and question texts as the newest package says. Position
    is kept from the first sighting: it differs between unit types (other
    questions apply) and only orders the lists."""
    new_areas, new_questions = [], []
    for area_id, (title, position) in facts.areas.items():
        known = state.areas.get(area_id)
        if known is None:
            new_areas.append({"area_id": area_id, "title": title, "position": position})
            state.areas[area_id] = (title, position)
        elif known[0] != title:
            conn.execute(update(CentralArea.__table__)
                         .where(CentralArea.__table__.c.area_id == area_id).values(title=title))
            state.areas[area_id] = (title, known[1])
    for question_id, (area_id, text, position) in facts.questions.items():
        known_q = state.questions.get(question_id)
        if known_q is None:
            new_questions.append({"question_id": question_id, "area_id": area_id,
                                  "text": text, "position": position})
            state.questions[question_id] = (area_id, text, position)
        elif known_q[:2] != (area_id, text):
            table = CentralQuestion.__table__
            conn.execute(update(table).where(table.c.question_id == question_id)
                         .values(area_id=area_id, text=text))
            state.questions[question_id] = (area_id, text, known_q[2])
    if new_areas:
        conn.execute(insert(CentralArea.__table__), new_areas)
    if new_questions:
        conn.execute(insert(CentralQuestion.__table__), new_questions)


def _upsert_followup(conn: Connection, facts: PartFacts, state: LoadState) -> None:
    dims = facts.dims
    known = state.followups.get(facts.followup_id)
    summary = [s for s in (known or []) if s.get("part") != facts.part] + facts.summary
    summary.sort(key=lambda s: s["part"] != "sol")
    values: dict[str, Any] = {
        "year": facts.year, "unit_id": dims.unit_id, "unit_name": dims.unit_name,
        "unit_type": dims.unit_type, "regiform": dims.regiform, "district": dims.district,
        "region": dims.region, "provider": dims.provider,
        "template_version": facts.template_version,
        "summary": json.dumps(summary, ensure_ascii=False),
        f"{facts.part}_revision": facts.revision,
    }
    if facts.visit_date is not None:
        values["visit_date"] = facts.visit_date
    table = CentralFollowup.__table__
    if known is None:
        conn.execute(insert(table), {"followup_id": facts.followup_id, **values})
    else:
        conn.execute(update(table).where(table.c.followup_id == facts.followup_id)
                     .values(**values))
    state.followups[facts.followup_id] = summary


def refresh_deficiency_status(session: Session) -> None:
    """A deficiency's status is what the latest later follow-up said about it
    (åtgärdad / delvis / ej åtgärdad); without such a statement it is open."""
    rows = session.execute(
        select(CentralDeficiencyReview.previous_finding_ref, CentralDeficiencyReview.status,
               CentralDeficiencyReview.followup_id)
        .join(CentralFollowup,
              CentralFollowup.followup_id == CentralDeficiencyReview.followup_id)
        .where(CentralDeficiencyReview.current.is_(True))
        .order_by(CentralFollowup.year, CentralDeficiencyReview.id)).all()
    latest: dict[int, tuple[str, str]] = {}
    for ref, status, followup_id in rows:
        latest[ref] = (status if status in ("atgardad", "delvis") else "oppen", followup_id)
    session.execute(update(CentralDeficiency).values(status="oppen", resolved_by=None))
    by_status: dict[tuple[str, str], list[int]] = {}
    for ref, key in latest.items():
        by_status.setdefault(key, []).append(ref)
    for (status, followup_id), refs in by_status.items():
        for start in range(0, len(refs), 500):
            session.execute(update(CentralDeficiency)
                            .where(CentralDeficiency.finding_ref.in_(refs[start:start + 500]))
                            .values(status=status, resolved_by=followup_id))


def refresh_cube(session: Session) -> None:
    """Rebuild central_area_cube from the current area results, in SQL."""
    r = CentralAreaResult
    dims = (r.year, r.district, r.region, r.regiform, r.unit_type, r.area_id)
    session.execute(delete(CentralAreaCube))
    session.execute(insert(CentralAreaCube).from_select(
        ["year", "district", "region", "regiform", "unit_type", "area_id", "uppfyllt", "delvis",
         "ej_uppfyllt", "followups"],
        select(*dims, func.sum(r.uppfyllt), func.sum(r.delvis), func.sum(r.ej_uppfyllt),
               func.count(func.distinct(r.followup_id)))
        .where(r.current.is_(True)).group_by(*dims)))
