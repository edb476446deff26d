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
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.durable_io import write_bytes_atomic
from app.errors import Message, UserFacingError
from app.models.visit import Attachment, PartRevision, Visit, VisitPart
from app.services.report_fast import StoredReports
from app.services.report_map import (
    PART_ORDER,
    BatchResult,
    ReportRow,
    map_snapshots,
    report_revision,
    write_batch,
)
from app.services.report_map import report_file_name as report_file_name  # re-exported
from app.services.report_map import slug as slug  # re-exported
from app.services.task_state import TaskState
from app.services.visits import list_visits, open_visit, revision_snapshot
from app.services.visits.errors import NotFoundError
from app.services.visits.snapshot import build_snapshot
from app.templates.report import build as report_build
from app.templates.report.data import ReportData


def _previous_visit_on(session: Session, snapshot: dict[str, Any]) -> date | None:
    previous_id = snapshot["visit"].get("previous_visit_id")
    if not previous_id:
        return None
    start = session.scalar(select(Visit.visit_start).where(Visit.id == previous_id))
    return start.date() if start else None


def _part_codes(session: Session, visit_id: str) -> list[str]:
    if session.get(Visit, visit_id) is None:
        raise NotFoundError(Message("Uppföljningen {visit_id} finns inte.", visit_id=visit_id))
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
        raise UserFacingError(Message(
            "Revision {revision} av delen {part} är inte fastställd.", revision=revision, part=part))
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
        stored = StoredReports(sqlite_file(session))
    kw: dict[str, Any] = {"organisation": organisation, "logo": logo, "internal": internal}

    def render(row: ReportRow, target: Path) -> None:
        # Finalized follow-ups print from their stored snapshots (plain sqlite3,
        # the same bytes); the others are built from the rows.
        data = stored.data(row.visit_id, **kw)
        if data is not None:
            write_bytes_atomic(target, report_build.render_report_bytes(data))
            return
        # A short session per report: the identity map never grows with the batch.
        with session_factory() as session:
            render_visit_report(session, row.visit_id, target, **kw)

    try:
        return write_batch(rows, out_dir, state, render)
    finally:
        stored.close()


def sqlite_file(session: Session) -> Path | None:
    """The database file behind ``session``, if it is SQLite on disk."""
    url = session.get_bind().url
    return Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
