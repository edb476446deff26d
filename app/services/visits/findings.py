"""Findings (strengths, areas to improve, deficiencies), the follow-up of
the previous visit's deficiencies, and the provider's action plans."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import Message, UserFacingError
from app.models.visit import Answer, Finding, PreviousDeficiency, Visit
from app.services.visits import audit
from app.services.visits.common import (
    FINDING_KINDS,
    PREVIOUS_STATUSES,
    REMEDIES,
    dumps,
    get_part,
    get_visit,
    loads_list,
    require_open,
)
from app.services.visits.errors import NotFoundError, writing
from app.services.visits.sanitize import as_date, clean_text
from app.services.visits.templating import pinned_template

FINDING_FIELDS = ("kind", "text", "question_ids", "required_action", "deadline", "remedy",
                  "action_plan_received")


def _clean(field: str, value: Any) -> Any:
    if field == "kind":
        if value not in FINDING_KINDS:
            raise UserFacingError(Message("Okänd typ av fynd '{value}'.", value=value))
        return value
    if field == "text":
        return clean_text(value, Message("Fyndets text"))
    if field == "required_action":
        return clean_text(value, Message("Krav på åtgärd"))
    if field == "question_ids":
        ids = [clean_text(q, Message("Fråge-id"), 60) for q in (value or ())]
        return list(dict.fromkeys(i for i in ids if i))
    if field in ("deadline", "action_plan_received"):
        return as_date(value, Message("Datumet"))
    if field == "remedy":
        if value is not None and value not in REMEDIES:
            raise UserFacingError(Message("Okänt sätt att följa upp bristen '{value}'.", value=value))
        return value
    raise UserFacingError(Message("Okänt fält '{field}'.", field=field))


def _check_questions(session: Session, visit: Visit, part: str, ids: list[str]) -> None:
    known = pinned_template(session, visit.template_version_id).by_id
    for qid in ids:
        question = known.get(qid)
        if question is None or question.part != part:
            raise UserFacingError(Message("Frågan {qid} finns inte i den här delen av mallen.", qid=qid))


def add_finding(
    session: Session, visit_id: str, part: str, kind: str, *, who: str, text: str = "",
    question_ids: tuple[str, ...] | list[str] = (), required_action: str = "",
    deadline: date | None = None, remedy: str | None = None,
) -> int:
    values = {f: _clean(f, v) for f, v in (
        ("kind", kind), ("text", text), ("question_ids", question_ids),
        ("required_action", required_action), ("deadline", deadline), ("remedy", remedy))}
    with writing(session):
        visit = get_visit(session, visit_id)
        require_open(get_part(session, visit_id, part))
        _check_questions(session, visit, part, values["question_ids"])
        order = session.scalar(select(func.max(Finding.sort_order))
                               .where(Finding.visit_id == visit_id)) or 0
        finding = Finding(
            visit_id=visit_id, part=part, kind=values["kind"], text=values["text"],
            question_ids=dumps(values["question_ids"]),
            required_action=values["required_action"], deadline=values["deadline"],
            remedy=values["remedy"], sort_order=order + 1, created_at=audit.utcnow(),
        )
        session.add(finding)
        session.flush()
        audit.record(session, visit_id, part, f"fynd:{finding.id}", None,
                     {k: v for k, v in values.items() if v not in (None, "", [])}, who)
        finding_id = finding.id
    return finding_id


def _finding(session: Session, finding_id: int) -> Finding:
    finding = session.get(Finding, finding_id)
    if finding is None:
        raise NotFoundError(Message("Fyndet {finding_id} finns inte.", finding_id=finding_id))
    return finding


def update_finding(session: Session, finding_id: int, *, who: str, **fields: Any) -> None:
    """Change fields of a finding: kind, text, question_ids, required_action,
    deadline, remedy, action_plan_received."""
    unknown = set(fields) - set(FINDING_FIELDS)
    if unknown:
        raise UserFacingError(Message("Okänt fält: {fields}.", fields=", ".join(sorted(unknown))))
    values = {f: _clean(f, v) for f, v in fields.items()}
    with writing(session):
        finding = _finding(session, finding_id)
        require_open(get_part(session, finding.visit_id, finding.part))
        if "question_ids" in values:
            _check_questions(session, get_visit(session, finding.visit_id), finding.part,
                             values["question_ids"])
        for field, new in values.items():
            old = loads_list(finding.question_ids) if field == "question_ids" else getattr(
                finding, field)
            if old == new:
                continue
            setattr(finding, field, dumps(new) if field == "question_ids" else new)
            audit.record(session, finding.visit_id, finding.part,
                         f"fynd:{finding.id}.{field}", old, new, who)


def delete_finding(session: Session, finding_id: int, *, who: str) -> None:
    with writing(session):
        finding = _finding(session, finding_id)
        require_open(get_part(session, finding.visit_id, finding.part))
        followed = session.scalar(select(func.count()).select_from(PreviousDeficiency)
                                  .where(PreviousDeficiency.previous_finding_id == finding_id))
        if followed:
            raise UserFacingError("Bristen följs redan upp i en senare uppföljning och kan "
                                  "inte tas bort.")
        audit.record(session, finding.visit_id, finding.part, f"fynd:{finding.id}",
                     {"kind": finding.kind, "text": finding.text,
                      "question_ids": loads_list(finding.question_ids),
                      "required_action": finding.required_action}, None, who)
        session.delete(finding)


def register_action_plan(session: Session, finding_id: int, received_on: date, *, who: str
                         ) -> None:
    """The provider's action plan for a deficiency to remedy at once arrived."""
    update_finding(session, finding_id, who=who, action_plan_received=received_on)


def propose_deficiency(session: Session, visit_id: str, question_id: str, *, who: str) -> int:
    """'Ej uppfyllt' proposes a deficiency: a brist linked to the question, its
    text from the question and the comment, followed up at the next visit.
    Returns the existing one if the question already has a deficiency."""
    visit = get_visit(session, visit_id)
    question = pinned_template(session, visit.template_version_id).by_id.get(question_id)
    if question is None:
        raise NotFoundError(Message(
            "Frågan {question_id} finns inte i uppföljningens mall.", question_id=question_id))
    for finding in session.scalars(select(Finding).where(
            Finding.visit_id == visit_id, Finding.kind == "brist")):
        if question_id in loads_list(finding.question_ids):
            return finding.id
    comment = session.scalar(select(Answer.comment).where(
        Answer.visit_id == visit_id, Answer.question_id == question_id)) or ""
    text = question.text if not comment else f"{question.text} – {comment}"
    return add_finding(session, visit_id, question.part, "brist", who=who, text=text,
                       question_ids=(question_id,), remedy="nasta")


def set_previous_deficiency(session: Session, visit_id: str, previous_finding_id: int, *,
                            status: str | None, comment: str = "", who: str) -> None:
    """Mark a previous visit's deficiency: atgardad, delvis or ej_atgardad."""
    if status is not None and status not in PREVIOUS_STATUSES:
        raise UserFacingError(Message("Okänd status '{status}'.", status=status))
    comment = clean_text(comment, Message("Kommentaren"))
    with writing(session):
        row = session.scalar(select(PreviousDeficiency).where(
            PreviousDeficiency.visit_id == visit_id,
            PreviousDeficiency.previous_finding_id == previous_finding_id))
        if row is None:
            raise NotFoundError("Den tidigare bristen hör inte till uppföljningen.")
        require_open(get_part(session, visit_id, row.part))
        for field, new in (("status", status), ("comment", comment)):
            old = getattr(row, field)
            if old != new:
                setattr(row, field, new)
                audit.record(session, visit_id, row.part,
                             f"tidigare_brist:{previous_finding_id}.{field}", old, new, who)
