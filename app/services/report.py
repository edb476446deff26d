"""The follow-up report of a visit: database -> ``ReportData`` -> PDF.

The report covers the whole follow-up, both parts (care "sol" and health care
"hsl") joined. It is always mapped from part snapshots (``revision_snapshot``):
a finalized part from its frozen snapshot, a draft part from its live state.
So a finalized follow-up gives the same ``ReportData`` and the same bytes
whatever happens to the database later, and drafts and finals share one path.

Rules (decided here, in one place):
- Report revision = 1 + the sum over parts of (part revision - 1): every
  reopening of either part gives a new report revision, and the revision
  never goes back. (The max of the parts' revisions would not change when the
  second part is reopened after the first, while the bytes do.)
- A follow-up is complete only when all its parts are finalized; then the
  finalized date is the later part's finalization date. Otherwise the report
  is a draft (UTKAST watermark).
- The suspected-irregularity note prints only on the internal copy.
- Report id: ``<year>-<unit id>-<seq>``, stable and readable over the phone.

Batch export: ``batch_reports`` writes each complete follow-up's report to
``<year>_<unit name slug>_<unit id>_r<revision>.pdf`` (an extra follow-up of
the same unit and year adds ``-<seq>`` after the unit id).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.durable_io import write_bytes_atomic
from app.errors import UserFacingError
from app.models.visit import Attachment, PartRevision, Visit, VisitPart
from app.services.task_state import TaskState
from app.services.visits import list_visits, open_visit, revision_snapshot
from app.services.visits.errors import NotFoundError
from app.services.visits.snapshot import build_snapshot
from app.templates.report import build as report_build
from app.templates.report.data import (
    Area,
    Deficiency,
    Method,
    Officer,
    Participant,
    PreviousDeficiency,
    QuestionResult,
    ReportData,
    ReviewedDocument,
    Summary,
    UnitFacts,
)

PART_ORDER = ("sol", "hsl")
# Unit types counted in customers rather than places.
CUSTOMER_TYPES = ("hemtjanst",)


@dataclass(frozen=True)
class ReportRow:
    """One follow-up in the Rapporter list."""

    visit_id: str
    unit_id: str
    unit_name: str
    district: str
    year: int
    seq: int
    visit_date: date | None
    status_label: str
    complete: bool  # every part finalized
    revision: int  # the report revision (see the module rule)


def report_revision(part_revisions: list[int]) -> int:
    return 1 + sum(r - 1 for r in part_revisions)


def _day(value: str | None) -> date | None:
    return datetime.fromisoformat(value).date() if value else None


def _clock(value: str | None) -> str:
    return datetime.fromisoformat(value).strftime("%H.%M") if value else ""


def _question(q: dict[str, Any], part: str, number: str) -> QuestionResult:
    a = q.get("answer") or {}
    if a.get("answer"):
        answer = a["answer"]
    elif a.get("label"):  # a number or Ja/Nej printed as is
        unit = q.get("number_unit") or ""
        answer = f"{a['label']} {unit}".strip() if a.get("number") is not None else a["label"]
    else:
        answer = "ej_bedomt"  # not answered yet (drafts)
    return QuestionResult(id=number, text=q["text"], part=part, answer=answer,
                          comment=a.get("comment") or "",
                          evidence=tuple(a.get("evidence_labels") or ()))


def _deficiency(f: dict[str, Any], numbers: dict[str, str]) -> Deficiency:
    deadline = _day(f.get("deadline"))
    remedy = f.get("remedy")
    action = f.get("required_action") or ""
    if remedy == "overenskommen":
        # Printed with the deadline-bound deficiencies; the agreed time is its deadline.
        action = f"{action}\n\nFöljs upp vid överenskommen tidpunkt.".strip()
    kind = "nasta" if remedy == "nasta" or (remedy is None and deadline is None) else "snarast"
    questions = f.get("questions") or []
    return Deficiency(
        question_id=", ".join(numbers.get(q["id"], q["id"]) for q in questions),
        question_text="; ".join(q["text"] for q in questions if q.get("text")),
        description=f.get("text") or "", required_action=action, deadline=deadline, kind=kind)


def _places(unit: dict[str, Any]) -> str:
    if unit.get("places") is None:
        return ""
    noun = "kunder" if unit.get("type_code") in CUSTOMER_TYPES else "platser"
    return f"{unit['places']} {noun}"


def map_snapshots(snapshots: list[dict[str, Any]], *, organisation: str, logo: Path | None,
                  internal: bool = False, previous_visit_on: date | None = None) -> ReportData:
    """The report of a follow-up from its parts' snapshots (sol before hsl)."""
    if not snapshots:
        raise UserFacingError("Uppföljningen har inga delar att skriva rapport för.")
    snaps = sorted(snapshots, key=lambda s: PART_ORDER.index(s["part"]["code"])
                   if s["part"]["code"] in PART_ORDER else len(PART_ORDER))
    first = snaps[0]
    visit, unit = first["visit"], first["unit"]
    all_parts = {p["code"] for p in first.get("parts", [])} | {s["part"]["code"] for s in snaps}
    finals = [s["part"].get("finalized_at") for s in snaps if not s.get("draft")]
    complete = len(finals) == len(snaps) and len(snaps) == len(all_parts) and all(finals)
    summary = {item["field"]: item["text"] for s in snaps for item in s["part"].get("summary", [])}
    findings = [f for s in snaps for f in s.get("findings", [])]
    participants = visit.get("participants", [])
    sections = [(s["part"]["code"], sec) for s in snaps for sec in s.get("sections", [])]
    # Questions are numbered area.question in report order; the template's ids are slugs.
    numbers = {q["id"]: f"{i}.{j}" for i, (_, sec) in enumerate(sections, start=1)
               for j, q in enumerate(sec["questions"], start=1)}
    return ReportData(
        organisation_name=organisation, year=visit["year"],
        report_id=f"{visit['year']}-{unit['id']}-{visit.get('seq', 1)}",
        revision=report_revision([s["part"]["revision"] for s in snaps]),
        unit=UnitFacts(
            name=unit["name"], unit_type=unit.get("type_name") or "",
            regiform=unit.get("regiform_name") or "", provider=unit.get("provider") or "",
            # The follow-up district's committee answers for the follow-up.
            contract_party=f"{unit['followup_district']} stadsdelsnämnd"
            if unit.get("followup_district") else "",
            address=unit.get("address") or "", district=unit.get("district") or "",
            follow_up_district=unit.get("followup_district") or "", places=_places(unit),
            head_of_operations=unit.get("manager") or ""),
        # Before the site visit is booked the creation date stands in (drafts only).
        visit_on=_day(visit.get("visit_start")) or _day(visit.get("created_at")) or date(
            visit["year"], 1, 1),
        officers=tuple(Officer(s["part"]["owner"]["name"], s["part"]["owner"]["role"] or
                               ("mas" if s["part"]["code"] == "hsl" else "verksamhetsuppfoljare"))
                       for s in snaps if s["part"]["owner"]["name"]),
        template_name=first["template"]["name"], template_version=first["template"]["version"],
        finalized_on=max(_day(f) for f in finals if f) if complete else None,
        logo_path=str(logo) if logo else None,
        previous_visit_on=previous_visit_on,
        summary=Summary(
            individualisering=summary.get("summary_individualisering", ""),
            trygghet=summary.get("summary_trygghet", ""),
            inflytande=summary.get("summary_inflytande", ""),
            halso_sjukvard=summary.get("summary_halso_sjukvard", "")),
        strengths=tuple(f["text"] for f in findings if f["kind"] == "styrka"),
        improvements=tuple(f["text"] for f in findings if f["kind"] == "forbattring"),
        deficiencies=tuple(_deficiency(f, numbers) for f in findings if f["kind"] == "brist"),
        previous_deficiencies=tuple(
            PreviousDeficiency(description=d.get("text") or "",
                               required_action=d.get("required_action") or "",
                               status=d.get("status") or "Ej bedömd",
                               comment=d.get("comment") or "")
            for s in snaps for d in s.get("previous_deficiencies", [])),
        method=Method(
            pre_analysis=visit.get("preanalysis_notes") or "",
            documents=tuple(ReviewedDocument(d["name"], _day(d.get("received_on")))
                            for s in snaps for d in s.get("documents", [])),
            visit_time="–".join(t for t in (_clock(visit.get("visit_start")),
                                            _clock(visit.get("visit_end"))) if t),
            participants=tuple(Participant(p.get("label") or p["role"], int(p["count"]))
                               for p in participants),
            notes=visit.get("method_notes") or "",
            fact_check_on=_day((visit.get("factcheck") or {}).get("reply_date"))),
        areas=tuple(Area(sec["title"], tuple(_question(q, code, numbers[q["id"]])
                                             for q in sec["questions"]))
                    for code, sec in sections),
        internal_copy=internal,
        internal_note=first.get("internal", {}).get("irregularity_note", "") if internal else "",
    )


def _previous_visit_on(session: Session, snapshot: dict[str, Any]) -> date | None:
    previous_id = snapshot["visit"].get("previous_visit_id")
    if not previous_id:
        return None
    start = session.scalar(select(Visit.visit_start).where(Visit.id == previous_id))
    return start.date() if start else None


def _part_codes(session: Session, visit_id: str) -> list[str]:
    if session.get(Visit, visit_id) is None:
        raise NotFoundError(f"Uppföljningen {visit_id} finns inte.")
    codes = session.scalars(select(VisitPart.part).where(VisitPart.visit_id == visit_id)).all()
    return sorted(codes, key=lambda c: PART_ORDER.index(c) if c in PART_ORDER else 9)


def _snapshots(session: Session, visit_id: str, wanted: dict[str, int]) -> list[dict[str, Any]]:
    """Like ``revision_snapshot`` per part, but parts without a stored snapshot
    share one read of the visit (half the queries for a two-part draft)."""
    codes = _part_codes(session, visit_id)
    current = dict(session.execute(select(VisitPart.part, VisitPart.revision).where(
        VisitPart.visit_id == visit_id)).all())
    stored = {part: snapshot for part, number, snapshot in session.execute(
        select(PartRevision.part, PartRevision.revision, PartRevision.snapshot).where(
            PartRevision.visit_id == visit_id, PartRevision.snapshot.is_not(None)))
        if number == wanted.get(part, current.get(part))}
    live = [c for c in codes if c not in stored and wanted.get(c, current[c]) == current[c]]
    if len(live) < 2:
        return [revision_snapshot(session, visit_id, c, wanted.get(c)) for c in codes]
    detail = open_visit(session, visit_id)
    hashes = dict(session.execute(select(Attachment.id, Attachment.sha256).where(
        Attachment.visit_id == visit_id)).all())
    out = []
    for code in codes:
        if code in stored:
            out.append(json.loads(stored[code]))
            continue
        part = detail.part(code)
        assert part is not None
        reason = session.scalar(select(PartRevision.reason).where(
            PartRevision.visit_id == visit_id, PartRevision.part == code,
            PartRevision.revision == part.revision)) or ""
        out.append(build_snapshot(detail, code, revision=part.revision, reason=reason,
                                  finalized_at=part.finalized_at,
                                  finalized_by=part.finalized_by, attachment_hashes=hashes))
    return out


def report_data_for(session: Session, visit_id: str, *, revision: dict[str, int] | None = None,
                    internal: bool = False, organisation: str, logo: Path | None) -> ReportData:
    """The report of a follow-up: each part at ``revision[part]`` if given, else its
    current revision (frozen if finalized, the live draft otherwise)."""
    snaps = _snapshots(session, visit_id, revision or {})
    return map_snapshots(snaps, organisation=organisation, logo=logo, internal=internal,
                         previous_visit_on=_previous_visit_on(session, snaps[0]))


def render_visit_report(session: Session, visit_id: str, out: Path, **kw: Any) -> ReportData:
    """Write the report of a follow-up to ``out`` atomically; returns what was printed."""
    data = report_data_for(session, visit_id, **kw)
    write_bytes_atomic(out, report_build.render_report_bytes(data))
    return data


def report_pdf_for_part_revision(session: Session, visit_id: str, part: str, revision: int, *,
                                 organisation: str, logo: Path | None) -> bytes:
    """The report as it stood when ``part`` revision ``revision`` was finalized (for the
    sync package). The other part enters at its latest revision finalized no later
    than this one; if it had none, it is left out and the report is a draft.
    Only stored rows are read, so the bytes never change."""
    own = session.scalar(select(PartRevision).where(
        PartRevision.visit_id == visit_id, PartRevision.part == part,
        PartRevision.revision == revision))
    if own is None or own.finalized_at is None:
        raise UserFacingError(f"Revision {revision} av delen {part} är inte fastställd.")
    snaps = [revision_snapshot(session, visit_id, part, revision)]
    for other in _part_codes(session, visit_id):
        if other == part:
            continue
        other_revision = session.scalar(select(PartRevision.revision).where(
            PartRevision.visit_id == visit_id, PartRevision.part == other,
            PartRevision.finalized_at.is_not(None),
            PartRevision.finalized_at <= own.finalized_at,
        ).order_by(PartRevision.revision.desc()).limit(1))
        if other_revision is not None:
            snaps.append(revision_snapshot(session, visit_id, other, other_revision))
    data = map_snapshots(snaps, organisation=organisation, logo=logo,
                         previous_visit_on=_previous_visit_on(session, snaps[0]))
    return report_build.render_report_bytes(data)


def report_rows(session: Session, *, year: int | None = None, district: str | None = None,
                complete: bool | None = None) -> list[ReportRow]:
    """Follow-ups for the Rapporter page and the batch, filtered by follow-up district
    and by whether every part is finalized."""
    rows = []
    for v in list_visits(session, year=year):
        if district and v.district != district:
            continue
        statuses = [v.sol_status] + ([v.hsl_status] if v.hsl_status else [])
        revisions = [v.sol_revision] + ([v.hsl_revision] if v.hsl_revision else [])
        done = all(s == "faststalld" for s in statuses)
        if complete is not None and done != complete:
            continue
        rows.append(ReportRow(
            visit_id=v.id, unit_id=v.unit_id, unit_name=v.unit_name, district=v.district,
            year=v.year, seq=v.seq, visit_date=v.visit_date, status_label=v.status_label,
            complete=done, revision=report_revision(revisions)))
    return rows


def report_years(session: Session) -> list[int]:
    return list(session.scalars(select(Visit.year).distinct().order_by(Visit.year.desc())))


def report_districts(session: Session) -> list[str]:
    """Follow-up districts that have at least one follow-up, by name."""
    from app.models import District, Unit

    return list(session.scalars(
        select(District.name).join(Unit, Unit.followup_district_id == District.id)
        .join(Visit, Visit.unit_id == Unit.id).distinct().order_by(District.name)))


def slug(text: str) -> str:
    """ASCII file-name part: å ä ö folded, anything else a dash."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "enhet"


def report_file_name(row: ReportRow) -> str:
    unit = row.unit_id if row.seq == 1 else f"{row.unit_id}-{row.seq}"
    unit = re.sub(r"[^A-Za-z0-9-]+", "-", unit).strip("-") or "enhet"  # ids keep their case
    return f"{row.year}_{slug(row.unit_name)[:60]}_{unit}_r{row.revision}.pdf"


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    skipped: list[ReportRow] = field(default_factory=list)  # follow-ups not complete
    failed: list[tuple[ReportRow, str]] = field(default_factory=list)


def batch_reports(session_factory: Callable[[], Session], year: int, district: str | None,
                  out_dir: Path, state: TaskState, *, organisation: str,
                  logo: Path | None, internal: bool = False) -> BatchResult:
    """Every complete follow-up of ``year`` (in ``district``, or all) to ``out_dir``.

    Each file is written atomically, and cancel is honoured between reports
    (``Cancelled`` propagates), so the folder only ever holds whole reports.
    One report that fails (say, a damaged snapshot) is listed and the rest go on.
    """
    with session_factory() as session:
        rows = report_rows(session, year=year, district=district)
    result = BatchResult(skipped=[r for r in rows if not r.complete])
    todo = [r for r in rows if r.complete]
    out_dir.mkdir(parents=True, exist_ok=True)
    state.report(0, len(todo), "")
    for n, row in enumerate(todo, start=1):
        state.check_cancelled()
        target = out_dir / report_file_name(row)
        try:
            # A short session per report: the identity map never grows with the batch.
            with session_factory() as session:
                render_visit_report(session, row.visit_id, target, organisation=organisation,
                                    logo=logo, internal=internal)
        except (UserFacingError, OSError, ValueError, KeyError) as error:
            result.failed.append((row, str(error) or type(error).__name__))
        else:
            result.written.append(target)
        state.report(n, len(todo), row.unit_name)
    return result
