"""Starting a visit, its visit-level fields, documents, participants, owners
and the status the year plan shows."""

from __future__ import annotations

import logging
import uuid
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from app.errors import Message, UserFacingError, label
from app.models import Unit
from app.models.visit import (
    DocumentRequest,
    Finding,
    PartRevision,
    PreviousDeficiency,
    Visit,
    VisitPart,
)
from app.services.template_format import QuestionDef
from app.services.visits import audit
from app.services.visits.common import (
    CARE_HOME_TYPES,
    KEY_FACTS,
    PARTS,
    SUMMARY_FIELDS,
    OfficerRef,
    dumps,
    get_part,
    get_visit,
    loads_dict,
    loads_list,
    require_any_open,
    require_open,
)
from app.services.visits.errors import NotFoundError, writing
from app.services.visits.sanitize import (
    MAX_SHORT,
    as_date,
    as_datetime,
    as_number,
    clean_text,
    clean_who,
)

log = logging.getLogger(__name__)

TEXT_FIELDS = ("preanalysis_notes", "method_notes", "irregularity_note", "factcheck_reply",
               "factcheck_changes")
DATE_FIELDS = ("factcheck_sent", "factcheck_reply_date")
DATETIME_FIELDS = ("visit_start", "visit_end")
VISIT_FIELDS = (*TEXT_FIELDS, *DATE_FIELDS, *DATETIME_FIELDS, "key_facts", "irregularity_flag",
                *SUMMARY_FIELDS)
FIELD_LABELS = {
    "preanalysis_notes": "Anteckningar i föranalysen",
    "method_notes": "Metod",
    "irregularity_note": "Anteckning om misstänkta oegentligheter",
    "factcheck_reply": "Enhetens svar i sakgranskningen",
    "factcheck_changes": "Ändringar efter sakgranskningen",
    "factcheck_sent": "Utkast skickat för sakgranskning",
    "factcheck_reply_date": "Svar på sakgranskningen",
    "visit_start": "Besökets start",
    "visit_end": "Besökets slut",
    "key_facts": "Nyckeltal",
    "irregularity_flag": "Misstanke om oegentligheter",
}


def parts_for(unit_type: str) -> tuple[str, ...]:
    return PARTS if unit_type in CARE_HOME_TYPES else ("sol",)


def _plan_owners(session: Session, unit_id: str, year: int) -> dict[str, Any]:
    """Officers the year plan assigned to this follow-up, if the plan exists."""
    try:
        from app.models.schedule import PlanEntry
    except ImportError:
        return {}
    entry = session.scalar(
        select(PlanEntry).where(PlanEntry.unit_id == unit_id, PlanEntry.year == year)
        .order_by(PlanEntry.kind.desc())
    )
    if entry is None:
        return {}
    return {"sol": entry.sol_officer, "hsl": entry.hsl_officer}


def start_visit(
    session: Session, unit_id: str, year: int, *, officer: OfficerRef, on: date,
    extra: bool = False,
) -> str:
    """Start the follow-up of a unit in a year; returns the new visit id.

    Pins the template version active on ``on``; creates the parts (hsl only
    for care homes) with owners (the starting officer for the part of their
    role, the plan's officer for the other); document requests from the
    template; and the previous finalized visit's deficiencies to follow up.
    A second visit of the same unit and year needs ``extra=True``."""
    from app.services.templates import active_template

    with writing(session):
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise NotFoundError(Message("Enheten {unit_id} finns inte i registret.", unit_id=unit_id))
        existing = session.scalar(
            select(func.max(Visit.seq)).where(Visit.unit_id == unit_id, Visit.year == year)
        )
        if existing and not extra:
            raise UserFacingError(
                Message("{name} har redan en uppföljning {year}. Öppna den, eller starta en "
                        "extra uppföljning.", name=unit.name, year=year)
            )
        version_id, template = active_template(session, on)
        now = audit.utcnow()
        who = clean_who(officer.name)
        visit = Visit(
            id=uuid.uuid4().hex, unit_id=unit_id, year=year, seq=(existing or 0) + 1,
            status="foranalys", template_version_id=version_id, created_at=now,
            created_by=who, updated_at=now, key_facts=dumps(
                {"platser": unit.places} if unit.places is not None else {}),
        )
        session.add(visit)
        planned = _plan_owners(session, unit_id, year)
        parts = parts_for(unit.type_code)
        for part in parts:
            mine = (officer.role == "mas") == (part == "hsl")
            chosen = planned.get(part)
            owner = officer if mine else (
                OfficerRef(chosen.name, chosen.role,
                           chosen.district.name if chosen.district else "")
                if chosen is not None else None)
            session.add(VisitPart(
                visit=visit, part=part, owner=clean_who(owner.name) if owner else "",
                owner_role=owner.role if owner else "",
                owner_district=owner.district if owner else "", status="utkast", revision=1,
            ))
            session.add(PartRevision(visit_id=visit.id, part=part, revision=1, reason="",
                                     created_at=now, created_by=who))
        _add_documents(session, visit, template.questions_for(unit.type_code), parts)
        _add_previous_deficiencies(session, visit, parts)
        audit.record(session, visit.id, None, "uppföljning startad", None,
                     f"{unit_id} {year} mall {template.id} {template.version}", who, now)
        _notify_plan(session, visit)
    return visit.id


def _add_documents(session: Session, visit: Visit, questions: list[QuestionDef],
                   parts: tuple[str, ...]) -> None:
    seen: dict[tuple[str, str], DocumentRequest] = {}
    for q in questions:
        if q.part not in parts:
            continue
        for name in q.documents:
            key = (q.part, name.casefold())
            if key in seen:
                seen[key].question_ids = dumps([*loads_list(seen[key].question_ids), q.id])
                continue
            seen[key] = DocumentRequest(
                visit_id=visit.id, part=q.part, name=name, question_ids=dumps([q.id]),
                received=False, sort_order=len(seen),
            )
            session.add(seen[key])


def previous_visit(session: Session, visit: Visit) -> Visit | None:
    """The latest earlier visit of the same unit with a finalized part."""
    return session.scalar(
        select(Visit).join(VisitPart)
        .where(Visit.unit_id == visit.unit_id, Visit.id != visit.id,
               (Visit.year < visit.year) | ((Visit.year == visit.year) & (Visit.seq < visit.seq)),
               VisitPart.finalized_at.is_not(None))
        .order_by(Visit.year.desc(), Visit.seq.desc()).limit(1)
    )


def _add_previous_deficiencies(session: Session, visit: Visit, parts: tuple[str, ...]) -> None:
    session.flush()
    before = previous_visit(session, visit)
    if before is None:
        return
    # Only deficiencies of parts that were finalized: a draft's are not yet decided.
    finalized = set(session.scalars(select(VisitPart.part).where(
        VisitPart.visit_id == before.id, VisitPart.finalized_at.is_not(None))))
    for finding in session.scalars(
        select(Finding).where(Finding.visit_id == before.id, Finding.kind == "brist")
        .order_by(Finding.part, Finding.sort_order, Finding.id)
    ):
        if finding.part not in parts or finding.part not in finalized:
            continue
        session.add(PreviousDeficiency(
            visit_id=visit.id, previous_finding_id=finding.id, previous_visit_id=before.id,
            previous_year=before.year, part=finding.part, text=finding.text,
            required_action=finding.required_action, deadline=finding.deadline,
            question_ids=finding.question_ids, status=None, comment="",
        ))


def derived_status(visit: Visit, parts: list[VisitPart]) -> str:
    """foranalys -> besok_genomfort (visit time entered) -> rapport_utkast (draft
    sent for fact check) -> faststalld (every part finalized). 'synkad' is set
    by the sync and kept while nothing is reopened."""
    if parts and all(p.status == "faststalld" for p in parts):
        return "synkad" if visit.status == "synkad" else "faststalld"
    if visit.factcheck_sent is not None:
        return "rapport_utkast"
    if visit.visit_start is not None:
        return "besok_genomfort"
    return "foranalys"


def refresh_status(session: Session, visit: Visit, who: str) -> None:
    """Recompute the visit status after a change; audit and tell the plan."""
    parts = session.scalars(select(VisitPart).where(VisitPart.visit_id == visit.id)).all()
    status = derived_status(visit, list(parts))
    visit.updated_at = audit.utcnow()
    if status != visit.status:
        audit.record(session, visit.id, None, "status", visit.status, status, who)
        visit.status = status
        _notify_plan(session, visit)


def _notify_plan(session: Session, visit: Visit) -> None:
    try:
        from app.services.plan_status import set_plan_status
    except ImportError:
        return
    try:
        with session.begin_nested():
            set_plan_status(session, visit.unit_id, visit.year, visit.status)
    except DatabaseError:
        raise  # the environment: the whole save fails as CannotSaveError
    except UserFacingError as error:
        # The plan is a view of the visits; a plan problem must never stop a save.
        log.warning("plan status not updated for %s: %s", visit.id, error)
    except Exception:  # noqa: BLE001 - same reason; a bug there is logged with its traceback
        log.exception("plan status not updated for %s", visit.id)


def _value_for(field: str, value: Any) -> Any:
    what = label(FIELD_LABELS.get(field) or field)
    if field in TEXT_FIELDS or field in SUMMARY_FIELDS:
        return clean_text(value, what)
    if field in DATE_FIELDS:
        return as_date(value, what)
    if field in DATETIME_FIELDS:
        return as_datetime(value, what)
    if field == "irregularity_flag":
        return bool(value)
    if field == "key_facts":
        if not isinstance(value, dict):
            raise UserFacingError("Nyckeltalen ska anges som fält och värden.")
        facts: dict[str, Any] = {}
        for key, item in value.items():
            name = clean_text(str(key), Message("Nyckeltalets namn"), MAX_SHORT)
            if item is None or item == "":
                continue
            if isinstance(item, int | float) and not isinstance(item, bool):
                facts[name] = as_number(item, label(KEY_FACTS.get(name, name)))
                if facts[name] is not None and float(facts[name]).is_integer():
                    facts[name] = int(facts[name])
            else:
                facts[name] = clean_text(str(item), label(KEY_FACTS.get(name, name)), 2000)
        return facts
    raise UserFacingError(Message("Okänt fält '{field}'.", field=field))


def save_visit_field(session: Session, visit_id: str, field: str, value: Any, *, who: str
                     ) -> None:
    """Save one visit-level field (see VISIT_FIELDS); summaries belong to
    their part and lock with it, the other fields lock when both parts are."""
    if field not in VISIT_FIELDS:
        raise UserFacingError(Message("Okänt fält '{field}'.", field=field))
    new = _value_for(field, value)
    with writing(session):
        visit = get_visit(session, visit_id)
        part_code = SUMMARY_FIELDS.get(field)
        if part_code is not None:
            part = get_part(session, visit_id, part_code)
            require_open(part)
            old = getattr(part, field)
            if old == new:
                return
            setattr(part, field, new)
        else:
            require_any_open(session, visit_id)
            if field == "key_facts":
                old = loads_dict(visit.key_facts)
                if old == new:
                    return
                visit.key_facts = dumps(new)
            else:
                old = getattr(visit, field)
                if old == new:
                    return
                setattr(visit, field, new)
            if field == "visit_start" and new is not None and visit.visit_end is not None \
                    and visit.visit_end < new:
                raise UserFacingError("Besökets start ligger efter dess slut.")
            if field == "visit_end" and new is not None and visit.visit_start is not None \
                    and new < visit.visit_start:
                raise UserFacingError("Besökets slut ligger före dess start.")
        audit.record(session, visit_id, part_code, field, old, new, who)
        refresh_status(session, visit, who)


def set_part_owner(session: Session, visit_id: str, part: str, owner: OfficerRef, *, who: str
                   ) -> None:
    """Hand a part to another officer (someone away; a colleague takes over)."""
    with writing(session):
        row = get_part(session, visit_id, part)
        require_open(row)
        if row.owner == owner.name and row.owner_role == owner.role:
            return
        audit.record(session, visit_id, part, "ägare", row.owner, owner.name, who)
        row.owner, row.owner_role = clean_who(owner.name), owner.role
        row.owner_district = clean_who(owner.district)
        refresh_status(session, get_visit(session, visit_id), who)
