"""One sync with the central share, the same for the CLI and the GUI.

``run_sync`` checks the share, queues every newly finalized part revision
(one package each, built once and kept locally), pushes what the share does
not hold yet, verifies and reads receipts, pulls template versions and unit
registers (each validated first), and takes other laptops' parts and work
handed over to this laptop. It never deletes or changes a local follow-up;
what happened is recorded per revision in ``outbox`` and per run in
``sync_run``. Cancel is honoured between packages and between steps: what
was started is published whole or not at all.

When no share is set, the embedded one under the data dir is used (created
on first use); a share that is set but missing is an error, never created.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.models.sync import OutboxEntry, ReceivedPart, SyncRun
from app.paths import AppPaths
from app.services.share.catalog import read_receipts
from app.services.share.device_officer import publish_device_officer
from app.services.share.errors import ShareError
from app.services.share.layout import Share
from app.services.share.signing import (
    load_or_create_key,
    load_trusted_keys,
    publish_public_key,
)
from app.services.sync_attachments import restore_received_attachments
from app.services.sync_merge import apply_received, known_officers
from app.services.sync_outbox import (
    apply_receipts,
    fully_synced_visits,
    now,
    push_outbox,
    queue_finalized,
    verify_published,
)
from app.services.sync_parts import merge_from_share, take_handovers
from app.services.sync_pull import pull_templates, pull_units
from app.services.task_state import TaskState
from app.services.visits.common import officer_from_settings
from app.settings import Settings

SessionFactory = Callable[[], Session]


@dataclass
class SyncReport:
    share_path: str = ""
    queued: int = 0
    pushed: int = 0
    already_there: int = 0
    verified: int = 0
    receipted: int = 0
    pulled: int = 0
    received: int = 0
    handovers: int = 0
    conflicts: list[str] = field(default_factory=list)  # packages in several versions
    # Received parts kept apart because the part was changed here (both kept).
    local_conflicts: list[str] = field(default_factory=list)
    # Versions of follow-ups here that the share moved to quarantine (damaged
    # or replaced): the conflicts dialog shows them, so the page offers it.
    quarantined: int = 0
    refused: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cancelled: bool = False
    started_at: str = ""
    finished_at: str = ""

    @property
    def failed(self) -> bool:
        """Anything a person must look at: an error, a refused file, a conflict."""
        return bool(self.errors or self.refused or self.conflicts or self.local_conflicts
                    or self.cancelled)

    def lines(self) -> list[str]:
        """The summary in plain Swedish, one fact a line."""
        out = [
            f"Gemensam mapp: {self.share_path}",
            f"Skickade: {self.pushed}",
            f"Fanns redan: {self.already_there}",
            f"Hämtade (mallar och enhetsregister): {self.pulled}",
            f"Mottagna delar från kollegor: {self.received + self.handovers}",
            f"Konflikter: {len(self.conflicts) + len(self.local_conflicts)}",
            f"Fel: {len(self.errors) + len(self.refused)}",
        ]
        if self.quarantined:
            out.append(f"I karantän på den gemensamma mappen: {self.quarantined} versioner "
                       "(kan jämföras under Visa konflikter)")
        if self.cancelled:
            out.append("Synkroniseringen avbröts. Det som hann skickas är komplett; "
                       "resten skickas nästa gång.")
        out += [f"Varning: {w}" for w in self.warnings]
        out += [f"Konflikt: {c}" for c in self.conflicts + self.local_conflicts]
        out += [f"Fel: {e}" for e in self.errors + self.refused]
        return out


def resolve_share(paths: AppPaths, settings: Settings, share_path: str | Path | None) -> Share:
    """The chosen share: the argument, else the setting, else the embedded
    default (initialised here). A set share is only checked, never created."""
    chosen = share_path if share_path not in (None, "") else settings.share_path
    if chosen:
        return Share(Path(chosen).expanduser())
    return Share.local_default(paths.default_share_dir, settings.device_id)


def run_sync(session_factory: SessionFactory, paths: AppPaths, settings: Settings,
             share_path: str | Path | None, state: TaskState) -> SyncReport:
    report = SyncReport(started_at=now().isoformat())
    with session_factory() as session:
        run = SyncRun(started_at=now(), ok=False, summary="{}")
        session.add(run)
        session.commit()
        try:
            _run(session, paths, settings, share_path, state, report)
        except ShareError as exc:  # the share failed mid-way: recorded state stays true
            report.errors.append(str(exc))
        finally:
            report.finished_at = now().isoformat()
            session.rollback()  # anything half-done in the failed step
            run = session.get(SyncRun, run.id) or run
            run.finished_at = now()
            run.ok = not report.failed
            run.summary = json.dumps(asdict(report), ensure_ascii=False)
            session.commit()
    return report


def _run(session: Session, paths: AppPaths, settings: Settings,
         share_path: str | Path | None, state: TaskState, report: SyncReport) -> None:
    device_id = settings.device_id
    try:
        share = resolve_share(paths, settings, share_path)
        report.share_path = str(share.root)
        share.check()
    except ShareError as exc:
        report.share_path = report.share_path or str(share_path or settings.share_path or "")
        report.errors.append(str(exc))
        return
    loaded = load_or_create_key(device_id, paths.config_dir)
    if loaded.warning:
        report.warnings.append(loaded.warning)
    key = loaded.key
    # Published on every sync, so colleagues can hand work over to this laptop
    # before it has sent anything.
    publish_public_key(share, key)
    # ...and who works here, so they see a name and role rather than an id.
    publish_device_officer(share, key, settings.officer_name, settings.officer_role)

    state.report(0, 0, "Förbereder paket")
    queued = queue_finalized(session, paths, settings, key, state)
    report.queued, report.errors = queued.queued, report.errors + queued.errors
    if _stop(state, report):
        return
    pushed = push_outbox(session, paths, share, key, state)
    report.pushed = pushed.summary.pushed + pushed.summary.repaired
    report.already_there = pushed.summary.already_there
    conflicts = dict(pushed.conflicts)  # per revision; the share-wide scan below adds detail
    report.conflicts = list(conflicts.values())
    report.errors += [e for e in pushed.errors if e not in report.errors]
    if pushed.summary.cancelled or _stop(state, report):
        report.cancelled = True
        return
    state.report(0, 0, "Kontrollerar")
    report.errors += verify_published(session, share, device_id)
    report.receipted = apply_receipts(session, read_receipts(share, device_id))
    _mark_plan(session, pushed.changed_visits, report)
    if _stop(state, report):
        return
    state.report(0, 0, "Hämtar mallar och enhetsregister")
    for pull in (pull_templates, pull_units):
        outcome = pull(session, share)
        report.pulled += len(outcome.accepted)
        report.refused += outcome.refused
    if _stop(state, report):
        return
    state.report(0, 0, "Hämtar kollegornas delar")
    trusted = load_trusted_keys(share)
    seen_before = session.scalar(select(func.max(ReceivedPart.id))) or 0
    for take in (merge_from_share, take_handovers):
        merged = take(session, share, device_id, trusted)
        report.received += merged.received
        report.handovers += merged.handovers
        report.refused += merged.refused
        conflicts.update(merged.conflicts)
    # Received parts become rows of the local follow-ups (never over local work).
    applied = apply_received(session, officer_from_settings(settings), seen_before,
                             known_officers(session))
    report.refused += applied.refused
    # Their files follow, read from the same verified packages.
    report.refused += restore_received_attachments(session, paths, share, device_id,
                                                   trusted).refused
    report.conflicts = list(conflicts.values())
    report.local_conflicts = applied.conflicts
    report.quarantined = _quarantined_here(session, share)
    report.verified = session.scalar(select(func.count()).select_from(OutboxEntry).where(
        OutboxEntry.state.in_(("verified", "receipted")))) or 0


def _quarantined_here(session: Session, share: Share) -> int:
    """How many versions of follow-ups on this laptop are in the share's
    quarantine (listings only)."""
    from app.models.visit import Visit
    from app.services.sync_conflicts import quarantined_versions  # it imports this module

    return len(quarantined_versions(share, set(session.scalars(select(Visit.id)))))


def _stop(state: TaskState, report: SyncReport) -> bool:
    if state.cancel_requested:
        report.cancelled = True
    return report.cancelled


def _mark_plan(session: Session, visit_ids: set[str], report: SyncReport) -> None:
    """A follow-up whose parts are all pushed and verified is "synkad" in the plan.
    Entries already "synkad" are skipped with one query, so a run that adds
    nothing costs nothing here."""
    from app.models.schedule import PlanEntry
    from app.services.plan_status import set_plan_statuses

    todo = fully_synced_visits(session, visit_ids)
    if not todo:
        return
    units = {unit_id for _v, _y, unit_id in todo}
    synced = set(session.execute(select(PlanEntry.unit_id, PlanEntry.year).where(
        PlanEntry.unit_id.in_(units), PlanEntry.status == "synkad")))
    failed = set_plan_statuses(session, [(unit_id, year) for _v, year, unit_id in todo
                                         if (unit_id, year) not in synced], "synkad")
    # A plan problem never undoes what was sent: it is a warning.
    report.warnings.extend(str(exc) for exc in failed.values())
    session.commit()


@dataclass(frozen=True)
class OutboxRow:
    visit_id: str
    unit_name: str
    year: int | None
    part: str
    revision: int
    state: str
    state_label: str
    package_name: str | None
    pushed_at: datetime | None
    error: str | None


@dataclass(frozen=True)
class ReceivedRow:
    followup_id: str
    unit_name: str
    year: int | None
    part: str
    revision: int
    kind: str  # followup | handover
    from_device: str
    received_at: datetime


@dataclass
class SyncOverview:
    waiting: list[OutboxRow]
    sent: list[OutboxRow]
    received: list[ReceivedRow]
    not_queued: int
    last_run: dict[str, object] | None
    last_run_at: datetime | None
    problems: list[str]


def sync_overview(session: Session, limit: int = 500) -> SyncOverview:
    """What the Synk page shows: waiting, sent, the last run and its problems."""
    from app.models.register import Unit
    from app.models.visit import Visit
    from app.services.sync_outbox import STATE_LABELS, pending_revisions

    rows = session.execute(
        select(OutboxEntry, Unit.name, Visit.year)
        .outerjoin(Visit, Visit.id == OutboxEntry.visit_id)
        .outerjoin(Unit, Unit.id == Visit.unit_id)
        # A colleague's revision taken in here is not something this laptop sent.
        .where(or_(OutboxEntry.package_name.is_(None), OutboxEntry.package_name.not_in(
            select(ReceivedPart.package_name))))
        .order_by(OutboxEntry.id.desc()).limit(limit)).all()
    waiting, sent = [], []
    for entry, unit_name, year in rows:
        row = OutboxRow(entry.visit_id, unit_name or entry.visit_id, year, entry.part,
                        entry.revision, entry.state, STATE_LABELS.get(entry.state, entry.state),
                        entry.package_name, entry.pushed_at, entry.last_error)
        (sent if entry.state in ("verified", "receipted") else waiting).append(row)
    pending = pending_revisions(session)
    if pending:  # finalized but not packaged yet: waiting too
        facts = {v: (name, year) for v, name, year in session.execute(
            select(Visit.id, Unit.name, Visit.year).join(Unit, Unit.id == Visit.unit_id)
            .where(Visit.id.in_({v for v, _p, _r in pending[:limit]})))}
        waiting += [OutboxRow(v, facts.get(v, (v, None))[0], facts.get(v, (v, None))[1],
                              part, revision, "new",
                              "Fastställd, inte paketerad ännu", None, None, None)
                    for v, part, revision in pending[:limit]]
    received = [
        ReceivedRow(r.followup_id, unit_name or r.followup_id, year, r.part, r.revision, r.kind,
                    r.from_device, r.received_at)
        for r, unit_name, year in session.execute(
            select(ReceivedPart, Unit.name, Visit.year)
            .outerjoin(Visit, Visit.id == ReceivedPart.followup_id)
            .outerjoin(Unit, Unit.id == Visit.unit_id)
            .order_by(ReceivedPart.id.desc()).limit(limit))]
    last = session.scalar(select(SyncRun).where(SyncRun.finished_at.is_not(None))
                          .order_by(SyncRun.id.desc()).limit(1))
    summary = json.loads(last.summary) if last is not None else None
    problems: list[str] = []
    if summary is not None:
        problems = [*summary.get("errors", []), *summary.get("refused", []),
                    *summary.get("conflicts", []), *summary.get("local_conflicts", [])]
    return SyncOverview(waiting, sent, received, len(pending), summary,
                        last.finished_at if last is not None else None, problems)
