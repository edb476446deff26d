"""Saving one answer: the hot path of the visit window (autosave per change).

One short transaction: read the answer row and its part's status, write the
changed columns and one audit event per changed field, commit. The template
is cached (templating.py), so no YAML is parsed here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.errors import Message, UserFacingError
from app.models.visit import Answer, Visit, VisitPart
from app.services.visits import audit
from app.services.visits.common import ANSWERS, EVIDENCE, UNSET, dumps, loads_list, require_open
from app.services.visits.errors import NotFoundError, writing
from app.services.visits.sanitize import as_number, clean_text, clean_who
from app.services.visits.templating import pinned_template


def _check(question_kind: str, answer: Any, number: Any, yesno: Any, evidence: Any
           ) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if answer is not UNSET:
        if answer is not None and answer not in ANSWERS:
            raise UserFacingError(Message("Okänt svar '{answer}'.", answer=answer))
        values["answer"] = answer
    if number is not UNSET:
        values["number"] = as_number(number, Message("Svaret"))
    if yesno is not UNSET:
        if yesno is not None and not isinstance(yesno, bool):
            raise UserFacingError("Svaret ska vara ja eller nej.")
        values["yesno"] = yesno
    if evidence is not UNSET:
        codes = tuple(evidence or ())
        unknown = [c for c in codes if c not in EVIDENCE]
        if unknown:
            raise UserFacingError(Message("Okänt underlag: {codes}.", codes=", ".join(map(str, unknown))))
        # Keep the order of EVIDENCE so the same set always reads the same.
        values["evidence"] = [c for c in EVIDENCE if c in codes]
    if question_kind == "number" and values.get("answer") not in (None, "ej_aktuellt",
                                                                  "ej_bedomt"):
        raise UserFacingError("Frågan besvaras med ett tal.")
    return values


# Built once: constructing the expression costs more than running it.
_PART_AND_ANSWER = (
    select(VisitPart, Answer)
    .outerjoin(Answer, (Answer.visit_id == VisitPart.visit_id)
               & (Answer.question_id == bindparam("question_id")))
    .where(VisitPart.visit_id == bindparam("visit_id"), VisitPart.part == bindparam("part"))
)

# A visit's template version never changes; remembered per database and visit
# so the autosave path needs no query for it.
_VERSIONS: dict[tuple[str, str], int] = {}


def _template_version(session: Session, visit_id: str) -> int:
    key = (str(session.get_bind().url), visit_id)
    found = _VERSIONS.get(key)
    if found is None:
        found = session.scalar(select(Visit.template_version_id).where(Visit.id == visit_id))
        if found is None:
            raise NotFoundError(Message("Uppföljningen {visit_id} finns inte.", visit_id=visit_id))
        _VERSIONS[key] = found
    return found


def save_answer(
    session: Session, visit_id: str, question_id: str, *, who: str, answer: Any = UNSET,
    number: Any = UNSET, yesno: Any = UNSET, comment: Any = UNSET, evidence: Any = UNSET,
) -> None:
    """Save the given fields of one answer (fields left UNSET keep their value)."""
    comment_text = UNSET if comment is UNSET else clean_text(comment, Message("Kommentaren"))
    who = clean_who(who)
    with writing(session):
        version_id = _template_version(session, visit_id)
        question = pinned_template(session, version_id).by_id.get(question_id)
        if question is None:
            raise NotFoundError(Message(
                "Frågan {question_id} finns inte i uppföljningens mall.", question_id=question_id))
        # The part's lock and the answer row in one round trip.
        row = session.execute(_PART_AND_ANSWER, {
            "visit_id": visit_id, "question_id": question_id, "part": question.part}).first()
        if row is None:
            raise NotFoundError(Message("Uppföljningen har ingen del '{part}'.", part=question.part))
        part, existing = row
        require_open(part)
        values = _check(question.answer_kind, answer, number, yesno, evidence)
        if comment_text is not UNSET:
            values["comment"] = comment_text
        now = audit.utcnow()
        if existing is None:
            existing = Answer(visit_id=visit_id, question_id=question_id, part=question.part,
                              answer=None, number=None, yesno=None, comment="", evidence="[]",
                              updated_at=now, updated_by=who)
            session.add(existing)
        changed = False
        for field, new in values.items():
            old = loads_list(existing.evidence) if field == "evidence" else getattr(existing,
                                                                                    field)
            if old == new:
                continue
            changed = True
            setattr(existing, field, dumps(new) if field == "evidence" else new)
            audit.record(session, visit_id, question.part, f"{question_id}.{field}", old, new,
                         who, now)
        if not changed:
            if existing in session.new:
                session.expunge(existing)
            return
        existing.updated_at, existing.updated_by = now, who
