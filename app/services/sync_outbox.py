"""The outbox: each finalized part revision becomes one package, built once.

Queueing builds the package (the frozen snapshot as ``followup.json``, the
report PDF, the attachments), keeps its bytes under the data dir and records
its name and SHA-256 in ``outbox``. Pushing hands the recorded names to
``push_all``: a package already on the share costs a set lookup, and one
that is missing is sent from the kept local copy as it is (its SHA-256
checked against the recorded one), or, if an earlier key signed it, rebuilt
from the kept copy's members with the same meta and the current key (the
rebuilt package is then kept too, and recorded). No follow-up and no kept
copy is ever deleted or changed here.

Only revisions finalized in this program (their snapshot is stored) are
queued: bulk-loaded history has no snapshot and is already at the centre.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.durable_io import write_bytes_atomic
from app.errors import Message, UserFacingError
from app.models.sync import OutboxEntry
from app.models.visit import PartRevision, Visit, VisitPart
from app.paths import AppPaths
from app.services.central.facts import DATA_MEMBER
from app.services.share.errors import ShareError
from app.services.share.layout import Share
from app.services.share.package import (
    MANIFEST_NAME,
    PackageMeta,
    member_name_problem,
)
from app.services.share.publish import PublishResult, read_sha256
from app.services.share.signing import SigningKey
from app.services.share.sync_runner import PushItem, SyncSummary, push_all
from app.services.task_state import TaskState
from app.settings import Settings

REPORT_MEMBER = "report.pdf"
PACKAGES_SUBDIR = Path("synk") / "paket"
DONE_STATES = ("verified", "receipted")
STATE_LABELS = {
    "queued": "Väntar på att skickas",
    "published": "Skickad, ej kontrollerad",
    "verified": "Skickad och kontrollerad",
    "receipted": "Mottagen centralt",
    "conflict": "Konflikt – en person behöver välja",
}


def now() -> datetime:
    """Device time, informational only."""
    return datetime.now().replace(microsecond=0)


def packages_dir(paths: AppPaths) -> Path:
    return paths.data_dir / PACKAGES_SUBDIR


@dataclass
class QueueResult:
    queued: int = 0
    errors: list[str] = field(default_factory=list)


def pending_revisions(session: Session) -> list[tuple[str, str, int]]:
    """Finalized revisions (with a stored snapshot) not yet in the outbox."""
    have = set(session.execute(select(OutboxEntry.visit_id, OutboxEntry.part,
                                      OutboxEntry.revision)))
    rows = session.execute(
        select(PartRevision.visit_id, PartRevision.part, PartRevision.revision)
        .where(PartRevision.finalized_at.is_not(None), PartRevision.snapshot.is_not(None))
        .order_by(PartRevision.finalized_at, PartRevision.id))
    return [r for r in rows if r not in have]


_UNSAFE = re.compile(r"[^0-9A-Za-zÅÄÖåäöÉéÜü._ -]+")


def _member_for(index: int, filename: str) -> str:
    """``attachments/NN-<name>``: the number keeps two equal names apart; the
    name is reduced to characters that are safe on every file system."""
    clean = _UNSAFE.sub("_", filename).strip(" .") or "bilaga"
    name = f"attachments/{index:02d}-{clean[:120]}"
    return name if member_name_problem(name) is None else f"attachments/{index:02d}"


def build_members(session: Session, paths: AppPaths, settings: Settings, visit_id: str,
                  part: str, revision: int, *, report: bytes | None = None,
                  ) -> tuple[dict[str, bytes], dict[str, Any]]:
    """The package members of one finalized revision, and its snapshot.
    ``report``: the revision's PDF if rendered already (by a worker process)."""
    from app.services.report import report_pdf_for_part_revision
    from app.services.sync_attachments import attachment_members  # it imports this module

    stored = session.scalar(select(PartRevision.snapshot).where(
        PartRevision.visit_id == visit_id, PartRevision.part == part,
        PartRevision.revision == revision))
    if stored is None:
        raise UserFacingError(Message(
            "Revision {revision} av delen {part} har ingen fastställd version.",
            revision=revision, part=part))
    snapshot: dict[str, Any] = json.loads(stored)
    logo = Path(settings.logo_path) if settings.logo_path else None
    members = {
        DATA_MEMBER: stored.encode("utf-8"),  # the frozen canonical JSON, as stored
        REPORT_MEMBER: report if report is not None else report_pdf_for_part_revision(
            session, visit_id, part, revision, organisation=settings.organisation_name,
            logo=logo if logo is not None and logo.is_file() else None),
    }
    # Checked against the snapshot's hashes and the size limits, as a handover does.
    members.update(attachment_members(paths, snapshot))
    return members, snapshot


def _meta(session: Session, device_id: str, visit_id: str, part: str, revision: int,
          snapshot: dict[str, Any]) -> PackageMeta:
    visit = session.get(Visit, visit_id)
    info = {
        "unit_id": visit.unit_id if visit else snapshot.get("unit", {}).get("id"),
        "year": visit.year if visit else snapshot.get("visit", {}).get("year"),
        "template_version": snapshot.get("template", {}).get("version"),
        "officer": snapshot.get("part", {}).get("finalized_by"),
    }
    return PackageMeta("followup", visit_id, part, revision, revision - 1 or None, device_id,
                       data_format_version=int(snapshot.get("format_version", 1)),
                       device_time=now().isoformat(), info=info)


def queue_finalized(session: Session, paths: AppPaths, settings: Settings, key: SigningKey,
                    state: TaskState | None = None) -> QueueResult:
    """Build and keep the package of every finalized revision not queued yet.
    Usually finalizing did it already (outbox_prepare.py); this catches up on
    the rest, each revision committed as it is done, safe against a
    preparation running at the same time."""
    from app.services.outbox_prepare import catch_up  # it imports this module

    return catch_up(session, paths, settings, key, state)


def _local_members(path: Path) -> Callable[[], dict[str, bytes]]:
    def load() -> dict[str, bytes]:
        with zipfile.ZipFile(path) as archive:  # CRC-checked on read
            return {n: archive.read(n) for n in archive.namelist() if n != MANIFEST_NAME}
    return load


@dataclass
class PushResult:
    summary: SyncSummary
    conflicts: dict[tuple[str, str, int], str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    changed_visits: set[str] = field(default_factory=set)


def push_outbox(session: Session, paths: AppPaths, share: Share, key: SigningKey,
                state: TaskState | None = None) -> PushResult:
    """Push every outbox row not receipted yet and record what happened.
    Rows are read as plain columns and written back in one bulk update: with
    hundreds of packages the ORM bookkeeping would cost more than the push."""
    rows = session.execute(select(
        OutboxEntry.id, OutboxEntry.visit_id, OutboxEntry.part, OutboxEntry.revision,
        OutboxEntry.package_name, OutboxEntry.sha256, OutboxEntry.local_file,
        OutboxEntry.state, OutboxEntry.pushed_at, OutboxEntry.last_error,
    ).where(OutboxEntry.state != "receipted", OutboxEntry.package_name.is_not(None))
        .order_by(OutboxEntry.id)).all()
    on_share = set(share.list_names(share.outbox_dir(key.device_id)))
    items: list[PushItem] = []
    errors: list[str] = []
    changes: dict[int, dict[str, Any]] = {}
    by_key: dict[tuple[str, str, int], Any] = {}
    for row in rows:
        local = paths.data_dir / (row.local_file or "")
        # The package's own manifest has the meta it was built with; the push
        # reads it from the kept bytes on its workers, and needs only this.
        meta = PackageMeta("followup", row.visit_id, row.part, row.revision,
                           row.revision - 1 or None, key.device_id)
        # Both lazy: read only if the package must be sent after all (it may
        # be gone from the share by the time the push lists it again). The
        # kept bytes are sent as they are (their SHA-256 checked); one signed
        # with an earlier key is rebuilt from its members.
        by_key[(row.visit_id, row.part, row.revision)] = row
        items.append(PushItem(
            meta, _local_members(local), row.package_name, row.sha256, local.read_bytes,
            # Queued while its name is on the share (found damaged there, or
            # sent by a run that stopped before recording it), or after a
            # problem: read the share's copy rather than trust its name.
            verify=row.state == "queued" and (row.package_name in on_share
                                              or row.last_error is not None)))

    def progress(done: int, total: int) -> None:
        if state is not None:
            state.report(done, total, "Skickar paket")

    summary = push_all(share, key.device_id, key, items, progress=progress,
                       cancel=(lambda: state.cancel_requested) if state is not None else None)
    result = PushResult(summary, errors=errors + list(summary.errors))
    stamp = now()
    for outcome in summary.results:
        meta = outcome.meta
        row = by_key[(meta.followup_id, meta.part, meta.revision)]
        published = outcome.result
        change: dict[str, Any] = {}
        if published is None:
            change["last_error"] = outcome.error
        elif published.name != row.package_name:
            # Built again because an earlier key signed the kept copy: keep the
            # package the share now has, so later syncs find it by name.
            change = _rekept(paths, share, key.device_id, published, stamp)
            if change.get("last_error"):
                result.errors.append(change["last_error"])
            else:
                result.changed_visits.add(row.visit_id)
        elif published.status in ("pushed", "repaired"):
            # publish_package re-read the file and compared it with our bytes.
            change = {"state": "verified", "pushed_at": stamp, "verified_at": stamp,
                      "last_error": None}
            result.changed_visits.add(row.visit_id)
        elif published.status == "conflict":
            change = {"state": "conflict", "pushed_at": row.pushed_at or stamp,
                      "last_error": published.message}
            result.conflicts[(row.visit_id, row.part, row.revision)] = \
                published.message or published.name
        elif row.state == "queued":  # there by name, not re-read yet
            change = {"state": "published", "pushed_at": stamp, "last_error": None}
        elif row.last_error is not None and row.state != "conflict":  # a conflict stays shown
            change = {"last_error": None}
        if change and any(getattr(row, k, None) != v for k, v in change.items()):
            changes[row.id] = change
    if changes:
        session.execute(update(OutboxEntry), [{"id": i, **c} for i, c in changes.items()])
    session.commit()
    return result


def _rekept(paths: AppPaths, share: Share, device_id: str, published: PublishResult,
            stamp: datetime) -> dict[str, Any]:
    """The outbox change for a package the push built again with the key in
    use: it is copied back from the share (checked against its hash) to be
    the kept copy, so the next sync finds it by name or resends the same
    bytes. The earlier kept copy stays where it is."""
    name = published.name
    try:
        data = share.fs.read_bytes(share.outbox_dir(device_id) / name, 256 * 1024 * 1024)
        if hashlib.sha256(data).hexdigest() != published.sha256:
            raise ValueError("kontrollsumman stämmer inte")
        write_bytes_atomic(packages_dir(paths) / name, data)
    except (OSError, ValueError) as exc:
        return {"last_error": f"Paketet {name} skickades, men den lokala kopian kunde inte "
                              f"sparas ({exc}). Det görs vid nästa synkronisering."}
    return {"package_name": name, "sha256": published.sha256,
            "local_file": (PACKAGES_SUBDIR / name).as_posix(), "state": "verified",
            "pushed_at": stamp, "verified_at": stamp, "last_error": None}


def verify_published(session: Session, share: Share, device_id: str) -> list[str]:
    """Re-read each package recorded as published but not yet verified and
    compare its SHA-256 with the recorded one."""
    problems: list[str] = []
    folder = share.outbox_dir(device_id)
    for row in session.scalars(select(OutboxEntry).where(OutboxEntry.state == "published")):
        assert row.package_name is not None
        try:
            actual = read_sha256(share, folder / row.package_name, 256 * 1024 * 1024)
        except ShareError as exc:
            problems.append(str(exc))
            continue
        if actual == row.sha256:
            row.state, row.verified_at, row.last_error = "verified", now(), None
        else:
            row.state = "queued"  # the next push repairs it from the local copy
            row.last_error = f"Paketet {row.package_name} på den gemensamma mappen är skadat."
            problems.append(row.last_error)
    session.commit()
    return problems


def apply_receipts(session: Session, receipted: set[str]) -> int:
    """Mark rows the centre has receipted; only these are "mottagen centralt"."""
    count = 0
    if not receipted:
        return 0
    for row in session.scalars(select(OutboxEntry).where(
            OutboxEntry.state != "receipted", OutboxEntry.package_name.in_(receipted))):
        row.state, row.receipted_at = "receipted", now()
        count += 1
    session.commit()
    return count


def fully_synced_visits(session: Session, visit_ids: set[str]) -> list[tuple[str, int, str]]:
    """(visit id, year, unit id) of visits whose parts are all finalized and
    whose current revisions are all pushed and verified."""
    if not visit_ids:
        return []
    parts = session.execute(select(VisitPart.visit_id, VisitPart.part, VisitPart.revision,
                                   VisitPart.status).where(VisitPart.visit_id.in_(visit_ids)))
    wanted: dict[str, list[tuple[str, str, int]]] = {}
    blocked: set[str] = set()
    for visit_id, part, revision, status in parts:
        if status != "faststalld":
            blocked.add(visit_id)
        wanted.setdefault(visit_id, []).append((visit_id, part, revision))
    done = {tuple(r) for r in session.execute(select(
        OutboxEntry.visit_id, OutboxEntry.part, OutboxEntry.revision).where(
        OutboxEntry.visit_id.in_(visit_ids), OutboxEntry.state.in_(DONE_STATES)))}
    ready = [v for v, ks in wanted.items() if v not in blocked and all(k in done for k in ks)]
    if not ready:
        return []
    return [(v, year, unit_id) for v, year, unit_id in session.execute(
        select(Visit.id, Visit.year, Visit.unit_id).where(Visit.id.in_(ready)))]
