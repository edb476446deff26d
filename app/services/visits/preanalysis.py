"""Pre-analysis and site-visit lists: documents asked for and received, and
who took part in the visit."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import Message, UserFacingError
from app.models.visit import DocumentRequest, Participant
from app.services.visits import audit
from app.services.visits.common import get_part, get_visit, require_any_open, require_open
from app.services.visits.errors import NotFoundError, writing
from app.services.visits.lifecycle import refresh_status
from app.services.visits.sanitize import as_date, clean_text


def set_document(session: Session, visit_id: str, doc_id: int, *, received: bool,
                 received_on: date | None, who: str) -> None:
    received_on = as_date(received_on, Message("Mottaget datum")) if received else None
    with writing(session):
        doc = session.get(DocumentRequest, doc_id)
        if doc is None or doc.visit_id != visit_id:
            raise NotFoundError(Message("Dokumentet {doc_id} hör inte till uppföljningen.", doc_id=doc_id))
        require_open(get_part(session, visit_id, doc.part))
        old = {"received": doc.received, "received_on": doc.received_on}
        if old == {"received": bool(received), "received_on": received_on}:
            return
        doc.received, doc.received_on = bool(received), received_on
        audit.record(session, visit_id, doc.part, f"dokument:{doc.name}",
                     _doc_text(old["received"], old["received_on"]),
                     _doc_text(doc.received, doc.received_on), who)
        refresh_status(session, get_visit(session, visit_id), who)


def _doc_text(received: bool, on: date | None) -> str:
    if not received:
        return "ej inkommet"
    return f"inkommet {on.isoformat()}" if on else "inkommet"


def add_document(session: Session, visit_id: str, part: str, name: str, *, who: str) -> int:
    """A document asked for beyond the template's list."""
    name = clean_text(name, Message("Dokumentets namn"), 500).strip()
    if not name:
        raise UserFacingError("Ange dokumentets namn.")
    with writing(session):
        require_open(get_part(session, visit_id, part))
        order = session.scalar(select(func.count()).select_from(DocumentRequest)
                               .where(DocumentRequest.visit_id == visit_id)) or 0
        doc = DocumentRequest(visit_id=visit_id, part=part, name=name, question_ids="[]",
                              received=False, sort_order=order)
        session.add(doc)
        audit.record(session, visit_id, part, "dokument tillagt", None, name, who)
        session.flush()
        doc_id = doc.id
    return doc_id


def set_participants(session: Session, visit_id: str, roles: dict[str, int], *, who: str
                     ) -> None:
    """Replace who took part in the site visit: role -> count (0 removes)."""
    wanted: dict[str, int] = {}
    for role, count in roles.items():
        name = clean_text(role, Message("Rollen"), 100).strip()
        if not name:
            raise UserFacingError("En deltagare saknar roll.")
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= 999:
            raise UserFacingError(Message("Antalet för {name} ska vara ett heltal 0–999.", name=name))
        if count:
            wanted[name] = count
    with writing(session):
        visit = get_visit(session, visit_id)
        require_any_open(session, visit_id)
        rows = {p.role: p for p in session.scalars(
            select(Participant).where(Participant.visit_id == visit_id))}
        old = {role: row.count for role, row in rows.items()}
        if old == wanted:
            return
        for role, row in rows.items():
            if role not in wanted:
                session.delete(row)
        for role, count in wanted.items():
            if role in rows:
                rows[role].count = count
            else:
                session.add(Participant(visit_id=visit_id, role=role, count=count))
        audit.record(session, visit_id, None, "deltagare", old, wanted, who)
        refresh_status(session, visit, who)
