"""Recording where a unit's follow-up stands in the year plan.

A visit moves its plan entry along (förberedelse, besök genomfört, fastställd)
and a sync marks every follow-up whose parts are all pushed and verified as
"synkad"; a first sync after a term's work may mark a few hundred at once, so
``set_plan_statuses`` reads the entries in one query, builds each year's plan
at most once and flushes once, where ``set_plan_status`` does that per unit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from app.errors import Message, UserFacingError
from app.models import PlanEntry, PlanKind, PlanStatus
from app.services.schedule import add_extra_followup, build_year_plan
from app.services.schedule_rows import STATUS_LABELS

PlanKey = tuple[str, int]  # (unit id, year)

# A visit to a unit the plan does not hold still shows in it, as an extra entry.
OUTSIDE_PLAN_REASON, OUTSIDE_PLAN_TEXT = "annat", "Uppföljning utanför planen"


def choose_entry(entries: dict[str, PlanEntry], kind: str | None) -> PlanEntry | None:
    """Of one unit's entries in a year (by kind), the one a status goes on:
    ``kind``'s, or with ``kind`` None the open one: the rhythm entry unless it
    is already done (fastställd/synkad) and an extra one exists."""
    if kind is not None:
        return entries.get(kind)
    rhythm, extra = entries.get(PlanKind.RHYTHM.value), entries.get(PlanKind.EXTRA.value)
    done = {PlanStatus.ADOPTED.value, PlanStatus.SYNCED.value}
    return extra if extra is not None and (rhythm is None or rhythm.status in done) else rhythm


def set_plan_status(session: Session, unit_id: str, year: int, status: str, *,
                    kind: str | None = None, visit_date: date | None = None) -> int:
    """Record that the follow-up of ``unit_id`` in ``year`` reached ``status``
    (a code of ``STATUS_LABELS``); returns the plan entry's id.

    The entry is chosen by ``choose_entry``. A unit with no entry gets its
    rhythm entry if due, else an extra one ("annat"), so a visit outside the
    plan still shows in it. ``visit_date`` (the booked or held visit's day, in
    ``year``) replaces the planned date, so the plan and the calendars show
    when the visit really is.
    """
    _check_status(status)
    entry = choose_entry(_entries(session, [(unit_id, year)])[(unit_id, year)], kind)
    if entry is None:
        build_year_plan(session, year)
        entry = session.scalar(select(PlanEntry).where(
            PlanEntry.unit_id == unit_id, PlanEntry.year == year,
            PlanEntry.kind == (kind or PlanKind.RHYTHM.value)))
    if entry is None:
        entry = _outside_plan(session, unit_id, year)
    entry.status = status
    if visit_date is not None and visit_date.year == year:
        entry.planned_date = visit_date
    session.flush()
    return entry.id


def set_plan_statuses(session: Session, keys: Iterable[PlanKey],
                      status: str) -> dict[PlanKey, UserFacingError]:
    """``set_plan_status(session, unit_id, year, status)`` for every key, in
    the session's transaction (the caller commits). Returns the keys whose
    status could not be set, with why; the others are set."""
    _check_status(status)
    todo = list(dict.fromkeys(keys))
    entries = _entries(session, todo)
    missing_years = {year for unit_id, year in todo
                     if choose_entry(entries[(unit_id, year)], None) is None}
    if missing_years:
        # Building a plan may add and drop entries: read them again after.
        for year in sorted(missing_years):
            build_year_plan(session, year)
        entries = _entries(session, todo)
    failed: dict[PlanKey, UserFacingError] = {}
    for unit_id, year in todo:
        entry = choose_entry(entries[(unit_id, year)], None)
        if entry is None:
            try:
                entry = _outside_plan(session, unit_id, year)
            except UserFacingError as exc:
                failed[(unit_id, year)] = exc
                continue
        entry.status = status
    session.flush()
    return failed


def _check_status(status: str) -> None:
    if status not in STATUS_LABELS:
        raise UserFacingError(Message("Okänd status {status!r}.", status=status))


def _entries(session: Session, keys: list[PlanKey]) -> dict[PlanKey, dict[str, PlanEntry]]:
    """Every entry of the given (unit, year) pairs, by pair and kind."""
    found: dict[PlanKey, dict[str, PlanEntry]] = defaultdict(dict)
    for start in range(0, len(keys), 400):  # well inside SQLite's bound-parameter limit
        chunk = keys[start:start + 400]
        for entry in session.scalars(select(PlanEntry).where(
                tuple_(PlanEntry.unit_id, PlanEntry.year).in_(chunk))):
            found[(entry.unit_id, entry.year)][entry.kind] = entry
    return found


def _outside_plan(session: Session, unit_id: str, year: int) -> PlanEntry:
    entry = session.get(PlanEntry, add_extra_followup(
        session, unit_id, year, OUTSIDE_PLAN_REASON, OUTSIDE_PLAN_TEXT))
    assert entry is not None  # just added and flushed
    return entry
