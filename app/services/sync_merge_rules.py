"""When a part received from another laptop may replace the local one, and
what became of each received part (for the Synk page).

The rules (used by app.services.sync_merge, which writes): a received part
replaces only a part this laptop may give up (as created, or a colleague's
copy not edited since); a part this laptop's officer owns or edited is kept,
and the received one stays readable beside it: a local merge conflict.
Decided by audit events, revision numbers and owners, never by clocks.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.sync import OutboxEntry, ReceivedPart
from app.models.visit import Answer, AuditEvent, Finding, VisitPart
from app.services.visits.common import (
    SYNC_AUDIT_FIELDS,
    SYNC_HANDED_IN,
    SYNC_HANDED_OUT,
    SYNC_MERGED,
    OfficerRef,
)

# What became of a received part, in plain Swedish (shown on the Synk page).
STATE_APPLIED = "Inläst i uppföljningen"
STATE_CONFLICT = "Konflikt: delen har ändrats här"
STATE_OWNED = "Inte inläst: delen är din"
STATE_OLDER = "Inte inläst: samma eller nyare revision finns här"
STATE_NO_VISIT = "Inte inläst: uppföljningen finns inte här"
STATE_WAITING = "Läses in vid nästa synkronisering"
STATE_LABELS = (STATE_APPLIED, STATE_CONFLICT, STATE_OWNED, STATE_OLDER, STATE_NO_VISIT,
                STATE_WAITING)


def _last_sync_event(session: Session, visit_id: str, part: str) -> AuditEvent | None:
    return session.scalar(select(AuditEvent).where(
        AuditEvent.visit_id == visit_id, AuditEvent.part == part,
        AuditEvent.field.in_(SYNC_AUDIT_FIELDS)).order_by(AuditEvent.id.desc()).limit(1))


def edited_since_sync(session: Session, visit_id: str, part: str) -> bool:
    """Whether anyone changed the part here after its last sync event (or,
    without one, at all: creation is recorded at visit level)."""
    last = _last_sync_event(session, visit_id, part)
    query = select(AuditEvent.id).where(
        AuditEvent.visit_id == visit_id, AuditEvent.part == part,
        AuditEvent.field.not_in(SYNC_AUDIT_FIELDS))
    if last is not None:
        query = query.where(AuditEvent.id > last.id)
    return session.scalar(query.limit(1)) is not None


def given_up_here(session: Session, visit_id: str, part: str) -> bool:
    """A part this laptop holds only as a colleague's copy: received and not
    edited since, or handed over from here and not edited since."""
    last = _last_sync_event(session, visit_id, part)
    return (last is not None and last.field in (SYNC_MERGED, SYNC_HANDED_OUT)
            and not edited_since_sync(session, visit_id, part))


def pristine(session: Session, row: VisitPart) -> bool:
    """As created: a first draft with nothing entered."""
    if row.status != "utkast" or row.revision != 1:
        return False
    if edited_since_sync(session, row.visit_id, row.part):
        return False
    for model in (Answer, Finding):
        if session.scalar(select(model.id).where(
                model.visit_id == row.visit_id, model.part == row.part).limit(1)) is not None:
            return False
    return True


def replaceable(session: Session, local: VisitPart, mine: str | None) -> bool:
    """A colleague's finalized part may replace the local one: given up here
    or as created, and not this laptop's officer's own part."""
    given_up = given_up_here(session, local.visit_id, local.part)
    return ((given_up or pristine(session, local))
            and not (mine and local.owner == mine and not given_up))


def kept_for_handover(session: Session, local: VisitPart, mine: str | None,
                      revision: int) -> bool:
    """A handover addressed here replaces the local copy of the part unless
    this laptop's officer owns it, or this laptop sent the same or a later
    revision of it: then both edited it, and the local part is kept."""
    if given_up_here(session, local.visit_id, local.part):
        return False
    if mine and local.owner == mine:
        return not pristine(session, local)
    return session.scalar(select(OutboxEntry.id).where(
        OutboxEntry.visit_id == local.visit_id, OutboxEntry.part == local.part,
        OutboxEntry.revision >= revision).limit(1)) is not None


def applied_packages(session: Session) -> set[str]:
    """Names of the received packages written into a local follow-up."""
    return set(session.scalars(select(AuditEvent.old).where(
        AuditEvent.field.in_((SYNC_MERGED, SYNC_HANDED_IN)), AuditEvent.old.is_not(None))))


@dataclass(frozen=True)
class ReceivedState:
    package_name: str
    state: str  # one of STATE_LABELS
    conflict: bool  # kept apart because the part was changed here


ReceivedKey = tuple[str, str, int, str, str]  # follow-up, part, revision, kind, from device


def received_states(session: Session, officer: OfficerRef | None,
                    limit: int = 500) -> dict[ReceivedKey, ReceivedState]:
    """What became of each received part (newest ``limit``), decided with the
    same rules the merge uses; read only, nothing is written."""
    applied = applied_packages(session)
    mine = officer.name if officer is not None else None
    rows = list(session.execute(
        select(ReceivedPart.package_name, ReceivedPart.kind, ReceivedPart.followup_id,
               ReceivedPart.part, ReceivedPart.revision, ReceivedPart.from_device)
        .order_by(ReceivedPart.id.desc()).limit(limit)))
    locals_: dict[tuple[str, str], VisitPart] = {
        (p.visit_id, p.part): p for p in session.scalars(select(VisitPart).where(
            VisitPart.visit_id.in_({r.followup_id for r in rows})))}
    states: dict[ReceivedKey, ReceivedState] = {}
    for name, kind, followup, part, revision, device in rows:
        local = locals_.get((followup, part))
        conflict = False
        if name in applied:
            state = STATE_APPLIED
        elif kind == "handover":
            conflict = local is not None and kept_for_handover(session, local, mine, revision)
            state = STATE_CONFLICT if conflict else STATE_WAITING
        elif local is None:
            state = STATE_NO_VISIT
        elif local.revision > revision or (local.revision == revision
                                           and local.status == "faststalld"):
            state = STATE_OLDER
        elif replaceable(session, local, mine):
            state = STATE_WAITING
        elif local.status == "utkast":
            conflict, state = True, STATE_CONFLICT
        else:
            state = STATE_OWNED
        key = (followup, part, revision, kind, device)
        if key not in states or conflict:  # one sender's two versions: the conflict shows
            states[key] = ReceivedState(name, state, conflict)
    return states
