"""The frozen, self-contained JSON of one part revision.

The PDF report and the sync package are built from this snapshot alone, so
it carries everything they need: the unit's facts, the officers, the
template's identity, every applicable question with its text, section and
answer, findings, the follow-up of earlier deficiencies, documents,
participants, visit times, the fact check and the summary. The
irregularity note sits under "internal": it goes to the internal copy of the
report only, never the public one.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Message, UserFacingError
from app.models.visit import Attachment, PartRevision
from app.services.template_format import EVIDENCE_LABELS
from app.services.visits.common import (
    KEY_FACTS,
    PART_LABELS,
    PARTICIPANT_ROLES,
    SUMMARY_LABELS,
    get_part,
)
from app.services.visits.views import AnswerView, PartView, QuestionView, VisitDetail

FORMAT_VERSION = 1


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _answer(view: AnswerView | None) -> dict[str, Any] | None:
    if view is None:
        return None
    return {
        "answer": view.answer, "label": view.answer_label, "number": view.number,
        "yesno": view.yesno, "comment": view.comment, "evidence": list(view.evidence),
        "evidence_labels": [EVIDENCE_LABELS.get(c, c) for c in view.evidence],
        "answered": view.answered,
    }


def _question(q: QuestionView, previous_year: int | None) -> dict[str, Any]:
    previous = _answer(q.previous)
    if previous is not None:
        previous["year"] = previous_year
    return {
        "id": q.id, "text": q.text, "basis": q.basis, "answer_kind": q.answer_kind,
        "number_unit": q.number_unit, "documents": list(q.documents),
        "answer": _answer(q.answer), "previous": previous,
    }


def _part(p: PartView) -> dict[str, Any]:
    return {
        "code": p.part, "label": p.label,
        "owner": {"name": p.owner, "role": p.owner_role, "district": p.owner_district},
        "status": p.status, "revision": p.revision, "answered": p.answered,
        "applicable": p.applicable,
    }


def build_snapshot(
    detail: VisitDetail, part: str, *, revision: int, reason: str,
    finalized_at: datetime | None, finalized_by: str | None,
    attachment_hashes: dict[int, str] | None = None,
) -> dict[str, Any]:
    """The snapshot of ``part`` of a visit as ``detail`` shows it."""
    mine = detail.part(part)
    if mine is None:
        raise UserFacingError(Message("Uppföljningen har ingen del '{part}'.", part=part))
    titles = {q.id: q.text for p in detail.parts for s in p.sections for q in s.questions}
    hashes = attachment_hashes or {}
    data: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "kind": "uppfoljaren.part_revision",
        "draft": finalized_at is None,
        "visit": {
            "id": detail.id, "year": detail.year, "seq": detail.seq,
            "created_at": _iso(detail.created_at), "created_by": detail.created_by,
            "visit_start": _iso(detail.visit_start), "visit_end": _iso(detail.visit_end),
            "preanalysis_notes": detail.preanalysis_notes,
            "method_notes": detail.method_notes,
            "key_facts": [{"key": k, "label": KEY_FACTS.get(k, k), "value": v}
                          for k, v in detail.key_facts.items()],
            "participants": [{"role": r, "label": PARTICIPANT_ROLES.get(r, r), "count": c}
                             for r, c in sorted(detail.participants.items())],
            "factcheck": {
                "sent": _iso(detail.factcheck_sent),
                "reply_date": _iso(detail.factcheck_reply_date),
                "reply": detail.factcheck_reply, "changes": detail.factcheck_changes,
            },
            "previous_visit_id": detail.previous_visit_id,
            "previous_year": detail.previous_year,
        },
        "unit": {
            "id": detail.unit.id, "name": detail.unit.name,
            "type_code": detail.unit.type_code, "type_name": detail.unit.type_name,
            "regiform_code": detail.unit.regiform_code,
            "regiform_name": detail.unit.regiform_name, "provider": detail.unit.provider,
            "address": detail.unit.address, "district": detail.unit.district,
            "followup_district": detail.unit.followup_district,
            "region": detail.unit.region, "outside_city": detail.unit.outside_city,
            "places": detail.unit.places, "manager": detail.unit.manager,
        },
        "template": {"id": detail.template.id, "name": detail.template.name,
                     "version": detail.template.version},
        "part": {
            **_part(mine), "label": PART_LABELS.get(part, part), "reason": reason,
            "finalized_at": _iso(finalized_at), "finalized_by": finalized_by,
            "summary": [{"field": f, "label": SUMMARY_LABELS.get(f, f), "text": t}
                        for f, t in mine.summaries.items()],
        },
        "parts": [_part(p) for p in detail.parts],
        "sections": [
            {"id": s.id, "title": s.title, "answered": s.answered, "applicable": s.applicable,
             "questions": [_question(q, detail.previous_year) for q in s.questions]}
            for s in mine.sections
        ],
        "findings": [
            {"id": f.id, "kind": f.kind, "kind_label": f.kind_label, "text": f.text,
             "questions": [{"id": q, "text": titles.get(q, "")} for q in f.question_ids],
             "required_action": f.required_action, "deadline": _iso(f.deadline),
             "remedy": f.remedy, "remedy_label": f.remedy_label,
             "action_plan_received": _iso(f.action_plan_received)}
            for f in detail.findings if f.part == part
        ],
        "previous_deficiencies": [
            {"previous_finding_id": d.previous_finding_id, "previous_year": d.previous_year,
             "text": d.text, "required_action": d.required_action,
             "deadline": _iso(d.deadline), "questions": list(d.question_ids),
             "status": d.status, "status_label": d.status_label, "comment": d.comment}
            for d in detail.previous_deficiencies if d.part == part
        ],
        "documents": [
            {"name": d.name, "received": d.received, "received_on": _iso(d.received_on),
             "questions": list(d.question_ids)}
            for d in detail.documents if d.part == part
        ],
        "attachments": [
            {"filename": a.filename, "question_id": a.question_id, "size": a.size,
             "sha256": hashes.get(a.id, ""), "stored_name": a.stored_name}
            for a in detail.attachments
            if a.question_id is None or a.question_id in {
                q.id for s in mine.sections for q in s.questions}
        ],
        "internal": {
            "note": "Endast för den interna versionen av rapporten; publiceras aldrig.",
            "irregularity_flag": detail.irregularity_flag,
            "irregularity_note": detail.irregularity_note,
        },
    }
    return data


def canonical_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def live_snapshot(session: Session, visit_id: str, part: str) -> dict[str, Any]:
    """The current (draft or finalized) state of a part, built now."""
    from app.services.visits.queries import open_visit

    detail = open_visit(session, visit_id)
    row = get_part(session, visit_id, part)
    revision = session.scalar(select(PartRevision).where(
        PartRevision.visit_id == visit_id, PartRevision.part == part,
        PartRevision.revision == row.revision))
    hashes = dict(session.execute(select(Attachment.id, Attachment.sha256).where(
        Attachment.visit_id == visit_id)).all())
    return build_snapshot(
        detail, part, revision=row.revision, reason=revision.reason if revision else "",
        finalized_at=row.finalized_at, finalized_by=row.finalized_by,
        attachment_hashes=hashes,
    )


def revision_snapshot(session: Session, visit_id: str, part: str, revision: int | None = None
                      ) -> dict[str, Any]:
    """A revision's frozen snapshot; with ``revision`` None the current one
    (frozen if finalized, else the live draft with "draft": true)."""
    row = get_part(session, visit_id, part)
    wanted = row.revision if revision is None else revision
    stored = session.scalar(select(PartRevision).where(
        PartRevision.visit_id == visit_id, PartRevision.part == part,
        PartRevision.revision == wanted))
    if stored is None:
        raise UserFacingError(Message("Revision {wanted} av delen finns inte.", wanted=wanted))
    if stored.snapshot is not None:
        data: dict[str, Any] = json.loads(stored.snapshot)
        return data
    if wanted != row.revision:
        raise UserFacingError(Message(
            "Revision {wanted} fastställdes aldrig och har ingen version.", wanted=wanted))
    # The current revision: a draft is built live; so is a finalized one whose
    # snapshot was not stored (bulk-loaded history): its rows are locked, so
    # they still are exactly what was finalized.
    return live_snapshot(session, visit_id, part)
