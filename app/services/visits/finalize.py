"""Finalizing (fastställa) a part, reopening it as a new revision, and the
check that says what is still missing."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Message, UserFacingError, label
from app.models.visit import Attachment, PartRevision
from app.services.visits import audit
from app.services.visits.common import (
    PART_LABELS,
    PARTICIPANT_ROLES,
    SUMMARY_LABELS,
    get_part,
    get_visit,
    needs_comment,
)
from app.services.visits.errors import FinalizeError, MissingItem, writing
from app.services.visits.lifecycle import refresh_status
from app.services.visits.pii import PiiHit, scan_personal_data
from app.services.visits.queries import open_visit
from app.services.visits.sanitize import clean_text, clean_who
from app.services.visits.snapshot import build_snapshot, canonical_json, digest, live_snapshot
from app.services.visits.views import RevisionInfo, VisitDetail


def _missing(detail: VisitDetail, part: str) -> list[MissingItem]:
    mine = detail.part(part)
    if mine is None:
        return [MissingItem("del", part, Message("Uppföljningen har ingen del '{part}'.",
                                                 part=part))]
    missing: list[MissingItem] = []
    deficient = {q for f in detail.findings if f.part == part and f.kind == "brist"
                 for q in f.question_ids}
    for section in mine.sections:
        for q in section.questions:
            where = f"{section.title}: {q.text}"
            a = q.answer
            if a is None or not a.answered:
                missing.append(MissingItem("svar", q.id, Message(
                    "Obesvarad fråga – {where}", where=where)))
                continue
            if needs_comment(q.answer_kind, a.answer, a.yesno) and not a.comment.strip():
                missing.append(MissingItem("kommentar", q.id, Message(
                    "Kommentar saknas ({answer}) – {where}",
                    answer=label(a.answer_label), where=where)))
            if a.answer == "ej_uppfyllt" and q.id not in deficient:
                missing.append(MissingItem("brist", q.id, Message(
                    "Ej uppfyllt utan brist med krav på åtgärd – {where}", where=where)))
    for f in detail.findings:
        if f.part == part and f.kind == "brist":
            if not f.required_action.strip():
                missing.append(MissingItem("brist", str(f.id), Message(
                    "Bristen saknar krav på åtgärd – {text}", text=f.text[:80])))
            if f.remedy is None:
                missing.append(MissingItem("brist", str(f.id), Message(
                    "Bristen saknar sätt att följas upp – {text}", text=f.text[:80])))
            elif f.remedy != "nasta" and f.deadline is None:
                # "Next follow-up" dates itself; the others need a date.
                missing.append(MissingItem("brist", str(f.id), Message(
                    "Bristen saknar tidpunkt för åtgärd – {text}", text=f.text[:80])))
    for d in detail.previous_deficiencies:
        if d.part == part and d.status is None:
            missing.append(MissingItem("tidigare_brist", str(d.previous_finding_id), Message(
                "Tidigare brist ({year}) är inte bedömd – {text}",
                year=d.previous_year, text=d.text[:80])))
    for field, text in mine.summaries.items():
        if not text.strip():
            missing.append(MissingItem("sammanfattning", field, Message(
                "Sammanfattning saknas: {summary}", summary=label(SUMMARY_LABELS[field]))))
    return missing


def finalize_check(session: Session, visit_id: str, part: str) -> list[MissingItem]:
    """What stops ``part`` from being finalized (empty: nothing)."""
    return _missing(open_visit(session, visit_id), part)


def public_texts(detail: VisitDetail, part: str) -> dict[str, str]:
    """Every free text of a part that can reach the public report, keyed by
    where it is (shared visit texts included; the internal irregularity note
    is not public and not scanned)."""
    texts = {
        "preanalysis_notes": detail.preanalysis_notes,
        "method_notes": detail.method_notes,
        "factcheck_reply": detail.factcheck_reply,
        "factcheck_changes": detail.factcheck_changes,
    }
    for role in detail.participants:
        if role not in PARTICIPANT_ROLES:  # a role typed by hand may hold a name
            texts[f"deltagare:{role}"] = role
    for doc in detail.documents:
        if doc.part == part:
            texts[f"dokument:{doc.id}"] = doc.name
    for key, value in detail.key_facts.items():
        if isinstance(value, str):
            texts[f"key_facts.{key}"] = value
    mine = detail.part(part)
    if mine is not None:
        texts.update({f: t for f, t in mine.summaries.items()})
        for section in mine.sections:
            for q in section.questions:
                if q.answer is not None and q.answer.comment:
                    texts[f"{q.id}.comment"] = q.answer.comment
    for f in detail.findings:
        if f.part == part:
            texts[f"fynd:{f.id}.text"] = f.text
            texts[f"fynd:{f.id}.required_action"] = f.required_action
    for d in detail.previous_deficiencies:
        if d.part == part and d.comment:
            texts[f"tidigare_brist:{d.previous_finding_id}.comment"] = d.comment
    return texts


def scan_visit(session: Session, visit_id: str, part: str) -> list[PiiHit]:
    """Personal data in the part's public texts: each hit with its location."""
    return scan_personal_data(public_texts(open_visit(session, visit_id), part))


def _pii_items(hits: list[PiiHit]) -> list[MissingItem]:
    return [MissingItem("personuppgift", h.location, Message(
        "{kind} i {location}: {match} – ta bort eller bekräfta",
        kind=label(h.label), location=h.location, match=h.match))
            for h in hits]


def finalize_part(session: Session, visit_id: str, part: str, *, who: str,
                  accept_personal_data: bool = False) -> int:
    """Finalize a part (its owner only) and freeze its snapshot; returns the
    revision number. Raises FinalizeError listing what is missing, and also
    when personal data is found unless ``accept_personal_data`` (the officer
    has looked at every hit and keeps the text)."""
    who = clean_who(who)
    with writing(session):
        row = get_part(session, visit_id, part)
        if row.status == "faststalld":
            raise UserFacingError(Message(
                "Delen är redan fastställd (revision {revision}).", revision=row.revision))
        if row.owner and row.owner != who:
            raise UserFacingError(
                Message("Bara delens ägare ({owner}) kan fastställa {part}. Ta över "
                        "delen först om ägaren är borta.",
                        owner=row.owner, part=label(PART_LABELS[part])))
        detail = open_visit(session, visit_id)
        missing = _missing(detail, part)
        hits = scan_personal_data(public_texts(detail, part))
        if hits and not accept_personal_data:
            missing += _pii_items(hits)
        if missing:
            raise FinalizeError(missing)
        now = audit.utcnow()
        if not row.owner:
            row.owner = who
        row.status, row.finalized_at, row.finalized_by = "faststalld", now, who
        session.flush()
        revision = session.scalar(select(PartRevision).where(
            PartRevision.visit_id == visit_id, PartRevision.part == part,
            PartRevision.revision == row.revision))
        assert revision is not None  # created with the part or by reopen_part
        hashes = dict(session.execute(select(Attachment.id, Attachment.sha256).where(
            Attachment.visit_id == visit_id)).all())
        data = build_snapshot(open_visit(session, visit_id), part, revision=row.revision,
                              reason=revision.reason, finalized_at=now, finalized_by=who,
                              attachment_hashes=hashes)
        text = canonical_json(data)
        revision.snapshot, revision.sha256 = text, digest(text)
        revision.finalized_at, revision.finalized_by = now, who
        audit.record(session, visit_id, part, "fastställd", None,
                     f"revision {row.revision}" + (
                         f" (personuppgifter bekräftade: {len(hits)})" if hits else ""), who, now)
        refresh_status(session, get_visit(session, visit_id), who)
        number = row.revision
    return number


def reopen_part(session: Session, visit_id: str, part: str, *, reason: str, who: str) -> int:
    """Start a new draft revision of a finalized part; the reason is required.
    The earlier revision stays readable from its snapshot."""
    reason = clean_text(reason, "Motiveringen", 5000).strip()
    who = clean_who(who)
    if not reason:
        raise UserFacingError("Ange varför den fastställda uppföljningen ändras.")
    with writing(session):
        row = get_part(session, visit_id, part)
        if row.status != "faststalld":
            raise UserFacingError("Delen är inte fastställd; den kan ändras direkt.")
        _freeze_if_missing(session, visit_id, part, row.revision)
        now = audit.utcnow()
        row.revision += 1
        row.status, row.finalized_at, row.finalized_by = "utkast", None, None
        session.add(PartRevision(visit_id=visit_id, part=part, revision=row.revision,
                                 reason=reason, created_at=now, created_by=who))
        audit.record(session, visit_id, part, "ny revision", row.revision - 1,
                     f"{row.revision}: {reason}", who, now)
        refresh_status(session, get_visit(session, visit_id), who)
        number = row.revision
    return number


def _freeze_if_missing(session: Session, visit_id: str, part: str, revision: int) -> None:
    """Bulk-loaded history (the demo) finalizes without storing a snapshot;
    before the rows change, freeze them as that revision's snapshot."""
    stored = session.scalar(select(PartRevision).where(
        PartRevision.visit_id == visit_id, PartRevision.part == part,
        PartRevision.revision == revision))
    if stored is None or stored.snapshot is not None:
        return
    text = canonical_json(live_snapshot(session, visit_id, part))
    stored.snapshot, stored.sha256 = text, digest(text)


def list_revisions(session: Session, visit_id: str, part: str) -> list[RevisionInfo]:
    rows = session.scalars(select(PartRevision).where(
        PartRevision.visit_id == visit_id, PartRevision.part == part)
        .order_by(PartRevision.revision))
    return [RevisionInfo(r.part, r.revision, r.reason, r.created_at, r.created_by,
                         r.finalized_at, r.finalized_by, r.sha256) for r in rows]
