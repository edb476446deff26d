"""Recording a status on many plan entries at once.

A sync marks every follow-up whose parts are all pushed and verified as
"synkad" in the year plan; a first sync after a term's work may mark a few
hundred. ``set_plan_status`` reads and flushes per unit (about a millisecond
each); here the existing entries are read in one query and flushed once, and
only a unit without an entry takes ``set_plan_status``'s full path, which may
build the year's plan first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Message, UserFacingError
from app.models import PlanEntry
from app.services.schedule import choose_entry, set_plan_status
from app.services.schedule_rows import STATUS_LABELS

PlanKey = tuple[str, int]  # (unit id, year)


def set_plan_statuses(session: Session, keys: Iterable[PlanKey],
                      status: str) -> dict[PlanKey, UserFacingError]:
    """``set_plan_status(session, unit_id, year, status)`` for every key, in
    the session's transaction (the caller commits). Returns the keys whose
    status could not be set, with why; the others are set."""
    if status not in STATUS_LABELS:
        raise UserFacingError(Message("Okänd status {status!r}.", status=status))
    todo = list(dict.fromkeys(keys))
    if not todo:
        return {}
    entries: dict[PlanKey, dict[str, PlanEntry]] = defaultdict(dict)
    for entry in session.scalars(select(PlanEntry).where(
            PlanEntry.unit_id.in_({unit_id for unit_id, _ in todo}),
            PlanEntry.year.in_({year for _, year in todo}))):
        entries[(entry.unit_id, entry.year)][entry.kind] = entry
    failed: dict[PlanKey, UserFacingError] = {}
    with session.no_autoflush:
        missing = []
        for key in todo:
            entry = choose_entry(entries.get(key, {}), None)
            if entry is None:
                missing.append(key)
            else:
                entry.status = status
    session.flush()
    for unit_id, year in missing:
        try:
            set_plan_status(session, unit_id, year, status)
        except UserFacingError as exc:
            failed[(unit_id, year)] = exc
    return failed
