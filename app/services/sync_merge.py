"""Turning a part received from another laptop into rows of the local follow-up.

A received finalized part (``received_part``, kind "followup") is written into
the local visit so the visit window and the report show it, but only into a
part this laptop may give up: one nobody edited here (as created, or as an
earlier received part left untouched, or handed over from here). A part this
laptop's officer owns or edited is never overwritten; if the colleague's part
arrives anyway, both are kept and a conflict is reported. Which received
revision wins is decided by revision numbers, never by clocks.

A handover (kind "handover") addressed to this laptop becomes an editable
draft owned by this laptop's officer. A follow-up that does not exist here is
created from the snapshot when its unit and template version are known here.

Every write is marked by an audit event whose ``old`` is the package name, so
a package is applied once and "edited since" is "any other audit event of the
part after the last sync event". The rules themselves (which local part may
be replaced) are in app.services.sync_merge_rules.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, defer

from app.models.register import Unit
from app.models.sync import OutboxEntry, ReceivedPart
from app.models.template import TemplateVersion
from app.models.visit import (
    Answer,
    DocumentRequest,
    Finding,
    PartRevision,
    PreviousDeficiency,
    Visit,
    VisitPart,
)
from app.services.sync_merge_rules import applied_packages, kept_for_handover, replaceable
from app.services.sync_merge_rules import edited_since_sync as edited_since_sync  # re-export
from app.services.sync_merge_rules import given_up_here as given_up_here  # re-export
from app.services.visits import audit
from app.services.visits.common import (
    PART_LABELS,
    SYNC_AUDIT_FIELDS,
    SYNC_HANDED_IN,
    SYNC_HANDED_OUT,
    SYNC_MERGED,
    OfficerRef,
    dumps,
)
from app.services.visits.lifecycle import refresh_status
from app.services.visits.snapshot import FORMAT_VERSION, canonical_json, digest

MERGED, HANDED_IN, HANDED_OUT = SYNC_MERGED, SYNC_HANDED_IN, SYNC_HANDED_OUT
SYNC_FIELDS = SYNC_AUDIT_FIELDS
WHO = "Synkronisering"


class MergeRefused(Exception):
    """The snapshot cannot become local rows (unit or template unknown here)."""


@dataclass
class ApplyOutcome:
    materialised: int = 0
    handovers: int = 0
    conflicts: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _datetime(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _create_visit(session: Session, snap: dict[str, Any]) -> Visit:
    info, unit_info, template = snap["visit"], snap["unit"], snap["template"]
    unit = session.get(Unit, unit_info["id"])
    if unit is None:
        raise MergeRefused(f"Enheten {unit_info['name']} ({unit_info['id']}) finns inte i "
                           "enhetsregistret på den här datorn. Hämta enhetsregistret och "
                           "synkronisera igen.")
    version = session.scalar(select(TemplateVersion).where(
        TemplateVersion.template_id == template["id"],
        TemplateVersion.version == str(template["version"])))
    if version is None:
        raise MergeRefused(f"Mallen {template['name']} version {template['version']} finns "
                           "inte på den här datorn. Hämta mallarna och synkronisera igen.")
    seq = session.scalar(select(func.max(Visit.seq)).where(
        Visit.unit_id == unit.id, Visit.year == info["year"])) or 0
    now = audit.utcnow()
    visit = Visit(
        id=info["id"], unit_id=unit.id, year=info["year"], seq=seq + 1, status="foranalys",
        template_version_id=version.id, created_at=_datetime(info.get("created_at")) or now,
        created_by=info.get("created_by") or WHO, updated_at=now,
        preanalysis_notes=info.get("preanalysis_notes") or "",
        method_notes=info.get("method_notes") or "",
        key_facts=dumps({f["key"]: f["value"] for f in info.get("key_facts", [])}),
        visit_start=_datetime(info.get("visit_start")),
        visit_end=_datetime(info.get("visit_end")))
    session.add(visit)
    session.flush()  # the visit row first: the rows below refer to it
    for other in snap.get("parts", []):
        owner = other.get("owner") or {}
        session.add(VisitPart(visit=visit, part=other["code"], owner=owner.get("name", ""),
                              owner_role=owner.get("role", ""),
                              owner_district=owner.get("district", ""), status="utkast",
                              revision=1))
        session.add(PartRevision(visit_id=visit.id, part=other["code"], revision=1,
                                 reason="", created_at=now, created_by=WHO))
    audit.record(session, visit.id, None, "uppföljning mottagen", None,
                 f"{unit.id} {info['year']} mall {template['id']} {template['version']}", WHO)
    session.flush()
    return visit


def _write_rows(session: Session, visit_id: str, part: str, snap: dict[str, Any]) -> None:
    now = audit.utcnow()
    for old in session.scalars(select(Answer).where(Answer.visit_id == visit_id,
                                                    Answer.part == part)):
        session.delete(old)
    session.flush()
    for section in snap.get("sections", []):
        for q in section.get("questions", []):
            a = q.get("answer")
            if not a or not (a.get("answer") or a.get("number") is not None
                             or a.get("yesno") is not None or a.get("comment")
                             or a.get("evidence")):
                continue
            session.add(Answer(visit_id=visit_id, question_id=q["id"], part=part,
                               answer=a.get("answer"), number=a.get("number"),
                               yesno=a.get("yesno"), comment=a.get("comment") or "",
                               evidence=dumps(list(a.get("evidence") or [])),
                               updated_at=now, updated_by=WHO))
    # Findings are updated in place by position: an earlier visit's deficiency
    # may be referenced by a later follow-up here, so rows are not recreated.
    existing = list(session.scalars(select(Finding).where(
        Finding.visit_id == visit_id, Finding.part == part)
        .order_by(Finding.sort_order, Finding.id)))
    incoming = snap.get("findings", [])
    for index, f in enumerate(incoming):
        row = existing[index] if index < len(existing) else Finding(
            visit_id=visit_id, part=part, created_at=now)
        row.kind, row.text = f["kind"], f.get("text") or ""
        row.question_ids = dumps([q["id"] for q in f.get("questions", [])])
        row.required_action = f.get("required_action") or ""
        row.deadline, row.remedy = _date(f.get("deadline")), f.get("remedy")
        row.action_plan_received = _date(f.get("action_plan_received"))
        row.sort_order = index
        session.add(row)
    for extra in existing[len(incoming):]:
        referenced = session.scalar(select(PreviousDeficiency.id).where(
            PreviousDeficiency.previous_finding_id == extra.id).limit(1))
        if referenced is None:
            session.delete(extra)
    documents = {d.name.casefold(): d for d in session.scalars(select(DocumentRequest).where(
        DocumentRequest.visit_id == visit_id, DocumentRequest.part == part))}
    for index, d in enumerate(snap.get("documents", [])):
        doc = documents.get(d["name"].casefold()) or DocumentRequest(
            visit_id=visit_id, part=part, name=d["name"], sort_order=index,
            question_ids=dumps(list(d.get("questions", []))))
        doc.received, doc.received_on = bool(d.get("received")), _date(d.get("received_on"))
        session.add(doc)
    previous = {p.previous_finding_id: p for p in session.scalars(
        select(PreviousDeficiency).where(PreviousDeficiency.visit_id == visit_id,
                                         PreviousDeficiency.part == part))}
    for d in snap.get("previous_deficiencies", []):
        row = previous.get(d.get("previous_finding_id"))
        if row is not None:
            row.status, row.comment = d.get("status"), d.get("comment") or ""


def materialise(session: Session, snap: dict[str, Any], *, package: str, draft_for: OfficerRef |
                None = None, note: str = "") -> None:
    """Write the snapshot's part into the local visit (created if missing).
    ``draft_for``: a handover, an editable draft owned by that officer; else
    the finalized part as its owner finalized it. Not committed."""
    visit = session.get(Visit, snap["visit"]["id"]) or _create_visit(session, snap)
    info = snap["part"]
    part, revision = info["code"], int(info["revision"])
    row = session.scalar(select(VisitPart).where(VisitPart.visit_id == visit.id,
                                                 VisitPart.part == part))
    if row is None:
        row = VisitPart(visit_id=visit.id, part=part)
        session.add(row)
    _write_rows(session, visit.id, part, snap)
    for summary in info.get("summary", []):
        if hasattr(VisitPart, summary["field"]) and summary["field"].startswith("summary_"):
            setattr(row, summary["field"], summary.get("text") or "")
    stored = session.scalar(select(PartRevision).where(
        PartRevision.visit_id == visit.id, PartRevision.part == part,
        PartRevision.revision == revision))
    if stored is None:
        stored = PartRevision(visit_id=visit.id, part=part, revision=revision,
                              reason=info.get("reason") or "", created_at=audit.utcnow(),
                              created_by=WHO)
        session.add(stored)
    row.revision = revision
    if draft_for is not None:
        row.owner, row.owner_role = draft_for.name, draft_for.role
        row.owner_district = draft_for.district
        row.status, row.finalized_at, row.finalized_by = "utkast", None, None
        stored.snapshot = stored.sha256 = stored.finalized_at = stored.finalized_by = None
        field_name = HANDED_IN
    else:
        owner = info.get("owner") or {}
        row.owner, row.owner_role = owner.get("name", ""), owner.get("role", "")
        row.owner_district = owner.get("district", "")
        row.status = "faststalld"
        row.finalized_at = _datetime(info.get("finalized_at"))
        row.finalized_by = info.get("finalized_by")
        text = canonical_json(snap)
        stored.snapshot, stored.sha256 = text, digest(text)
        stored.finalized_at, stored.finalized_by = row.finalized_at, row.finalized_by
        # The colleague's revision is on the share already: never queue it as ours.
        if session.scalar(select(OutboxEntry.id).where(
                OutboxEntry.visit_id == visit.id, OutboxEntry.part == part,
                OutboxEntry.revision == revision)) is None:
            session.add(OutboxEntry(visit_id=visit.id, part=part, revision=revision,
                                    package_name=package, state="receipted",
                                    queued_at=audit.utcnow(), receipted_at=audit.utcnow()))
        field_name = MERGED
    session.flush()
    audit.record(session, visit.id, part, field_name, package,
                 note or f"revision {revision}", WHO)
    session.flush()
    refresh_status(session, visit, WHO)


def known_officers(session: Session) -> dict[str, str]:
    """Device id -> its officer: as a package named the sender, else who
    finalized or owned a part received from it."""
    names: dict[str, str] = {}
    for device, officer, text in session.execute(
            select(ReceivedPart.from_device, ReceivedPart.from_officer, ReceivedPart.snapshot)
            .order_by(ReceivedPart.id)):
        if officer:
            names[device] = officer
            continue
        try:
            part = json.loads(text).get("part", {})
        except ValueError:
            continue
        name = part.get("finalized_by") or (part.get("owner") or {}).get("name")
        if name and device not in names:
            names[device] = name
    return names


def _label(snap: dict[str, Any]) -> str:
    part = str((snap.get("part") or {}).get("code", ""))
    unit, visit = snap.get("unit") or {}, snap.get("visit") or {}
    return (f"Uppföljning {unit.get('name', '')} {visit.get('year', '')} "
            f"({visit.get('id', '')}), {PART_LABELS.get(part, part)}")


def _try(session: Session, outcome: ApplyOutcome, snap: dict[str, Any],
         write: Callable[[], None]) -> bool:
    """Write one received part; a part that cannot be written is refused
    with its reason and leaves nothing half-made (the rest go on)."""
    try:
        if snap.get("format_version") != FORMAT_VERSION:
            raise MergeRefused(f"okänt dataformat {snap.get('format_version')!r}; uppdatera "
                               "programmet")
        write()
        session.commit()
    except (MergeRefused, KeyError, TypeError, ValueError, SQLAlchemyError) as exc:
        session.rollback()
        reason = str(exc) if isinstance(exc, MergeRefused) else (
            f"kan inte läsas in ({type(exc).__name__}: {exc})")
        outcome.refused.append(f"{_label(snap)}: {reason}")
        return False
    return True


def apply_received(session: Session, officer: OfficerRef | None, new_since: int,
                   names: dict[str, str] | None = None) -> ApplyOutcome:
    """Materialise what was received and not applied yet. Conflicts are
    reported for parts received in this run (``id > new_since``) only, so one
    conflict does not fail every later sync. ``names``: device id -> officer."""
    outcome = ApplyOutcome()
    applied = applied_packages(session)
    # Snapshots are read only for the parts that may change here.
    rows = session.scalars(select(ReceivedPart).options(defer(ReceivedPart.snapshot)).order_by(
        ReceivedPart.followup_id, ReceivedPart.part, ReceivedPart.revision, ReceivedPart.id))
    latest: dict[tuple[str, str], ReceivedPart] = {}
    handovers: list[ReceivedPart] = []
    for r in rows:
        if r.package_name in applied:
            continue
        if r.kind == "handover":
            handovers.append(r)
        else:
            latest[(r.followup_id, r.part)] = r  # highest revision last
    mine = officer.name if officer is not None else None
    for (visit_id, part), r in latest.items():
        local = session.scalar(select(VisitPart).where(VisitPart.visit_id == visit_id,
                                                       VisitPart.part == part))
        if local is None:
            continue  # only parts of follow-ups this laptop has
        if local.revision > r.revision or (local.revision == r.revision
                                           and local.status == "faststalld"):
            continue  # the same or a newer revision is here already
        snap = json.loads(r.snapshot)
        if snap.get("draft"):
            continue
        if replaceable(session, local, mine):
            if _try(session, outcome, snap, lambda s=snap, n=r.package_name: materialise(
                    session, s, package=n)):
                outcome.materialised += 1
        elif local.status == "utkast" and r.id > new_since:
            outcome.conflicts.append(
                f"{_label(snap)}: revision {r.revision} kom från en annan dator, men delen "
                "har ändrats här. Båda finns kvar: den lokala delen är orörd och den mottagna "
                "kan läsas bland mottagna delar på Synk-sidan.")
    for r in handovers:
        snap = json.loads(r.snapshot)
        sender = r.from_officer or (names or {}).get(r.from_device) or r.from_device
        local = session.scalar(select(VisitPart).where(VisitPart.visit_id == r.followup_id,
                                                       VisitPart.part == r.part))
        if local is not None and kept_for_handover(session, local, mine, r.revision):
            if r.id > new_since:
                outcome.conflicts.append(
                    f"{_label(snap)}: överlämnad från {sender}, men delen har ändrats här. "
                    "Den lokala delen är orörd; den överlämnade kan läsas på Synk-sidan.")
            continue
        # Without an officer chosen here the draft is unowned: whoever
        # finalizes it becomes its owner.
        if _try(session, outcome, snap, lambda s=snap, n=r.package_name, w=sender: materialise(
                session, s, package=n, draft_for=officer or OfficerRef("", "", ""),
                note=f"överlämnad från {w}")):
            outcome.handovers += 1
    return outcome
