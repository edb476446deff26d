"""Parts that meet on the share: the other officer's finalized part of a
follow-up we share, and work a colleague handed over to us.

A follow-up has a care part (sol) and a health-care part (hsl), each with
one owner, so merging is by part: a part received from another laptop is
kept readable here (``received_part``), and a part this laptop owns (it has
finalized or queued a revision of it) is never replaced. Two different
packages for the same part and revision on the share are a conflict: both
stay, and a person decides.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Message
from app.models.sync import OutboxEntry, ReceivedPart
from app.models.visit import PartRevision, Visit
from app.paths import AppPaths
from app.services.central.facts import DATA_MEMBER
from app.services.share.catalog import revision_conflicts, scan_outboxes
from app.services.share.errors import PackageError
from app.services.share.handover import get_handover, list_handovers, put_handover
from app.services.share.layout import Share
from app.services.share.package import Package, PackageMeta, read_package
from app.services.share.publish import PublishResult
from app.services.share.signing import SigningKey, TrustedKey
from app.services.sync_attachments import REMOVED_KEY, attachment_members, removed_attachments
from app.services.sync_merge import given_up_here
from app.services.sync_outbox import now
from app.services.visits import revision_snapshot
from app.services.visits.common import PART_LABELS


@dataclass
class MergeOutcome:
    received: int = 0
    handovers: int = 0
    refused: list[str] = field(default_factory=list)
    conflicts: dict[tuple[str, str, int], str] = field(default_factory=dict)


def _owned_here(session: Session, visit_id: str, part: str) -> bool:
    """This laptop owns a part once it has finalized a revision of it (the
    snapshot is stored here) or put one in its outbox, unless it holds the
    part only as a colleague's copy (received, or handed over from here)."""
    if given_up_here(session, visit_id, part):
        return False
    if session.scalar(select(OutboxEntry.id).where(
            OutboxEntry.visit_id == visit_id, OutboxEntry.part == part).limit(1)) is not None:
        return True
    return session.scalar(select(PartRevision.id).where(
        PartRevision.visit_id == visit_id, PartRevision.part == part,
        PartRevision.snapshot.is_not(None)).limit(1)) is not None


def _keep(session: Session, package: Package, name: str, sha256: str) -> None:
    meta = package.meta
    data = package.members.get(DATA_MEMBER)
    if data is None:
        raise PackageError(Message("{member} saknas i paketet", member=DATA_MEMBER))
    json.loads(data.decode("utf-8"))  # must be JSON before it is kept
    session.add(ReceivedPart(
        followup_id=meta.followup_id, part=meta.part, revision=meta.revision, kind=meta.kind,
        from_device=meta.device_id, from_officer=str(meta.info.get("officer") or ""),
        package_name=name, sha256=sha256,
        snapshot=data.decode("utf-8"), received_at=now()))


def merge_from_share(session: Session, share: Share, device_id: str,
                     trusted: Mapping[str, TrustedKey]) -> MergeOutcome:
    """Take other laptops' finalized parts of follow-ups this laptop has."""
    outcome = MergeOutcome()
    local_ids = set(session.scalars(select(Visit.id)))
    refs = [r for r in scan_outboxes(share) if r.parsed.followup_id in local_ids]
    for key, copies in revision_conflicts(refs).items():
        followup, part, revision = key
        outcome.conflicts[key] = (
            f"Uppföljning {followup}, {PART_LABELS.get(part, part)} revision {revision} finns i "
            f"{len(copies)} olika versioner på den gemensamma mappen: "
            + ", ".join(str(c.path) for c in copies)
            + ". Alla versioner sparas; en person behöver välja vilken som gäller.")
    known = set(session.scalars(select(ReceivedPart.package_name)))
    for ref in refs:
        if ref.device_id == device_id or ref.name in known:
            continue
        followup, part = ref.parsed.followup_id, ref.parsed.part
        if _owned_here(session, followup, part):
            continue  # our own part: the share's copies never replace it
        try:
            package = read_package(ref.path, trusted, share.fs)
            if package.meta.device_id != ref.device_id:
                raise PackageError("paketet ligger i en annan dators mapp än avsändarens",
                                   ref.path)
            _keep(session, package, ref.name, ref.parsed.sha16)
        except (PackageError, UnicodeDecodeError, ValueError) as exc:
            outcome.refused.append(f"{ref.path}: {exc}")
            continue
        known.add(ref.name)
        outcome.received += 1
    session.commit()
    return outcome


def take_handovers(session: Session, share: Share, device_id: str,
                   trusted: Mapping[str, TrustedKey]) -> MergeOutcome:
    """Read work handed over to this laptop and keep it readable here."""
    outcome = MergeOutcome()
    known = set(session.scalars(select(ReceivedPart.package_name)))
    for ref in list_handovers(share, device_id, known):
        try:
            package = get_handover(share, ref, trusted)
            _keep(session, package, ref.name, ref.parsed.sha16)
        except (PackageError, UnicodeDecodeError, ValueError) as exc:
            outcome.refused.append(f"{ref.path}: {exc}")
            continue
        outcome.handovers += 1
    session.commit()
    return outcome


def hand_over(session: Session, paths: AppPaths, share: Share, key: SigningKey, visit_id: str,
              part: str, recipient: str, officer: str = "") -> PublishResult:
    """Hand the current state of a part (draft or finalized) to a colleague's
    laptop (``recipient`` is its device id). The local follow-up is unchanged."""
    snapshot = revision_snapshot(session, visit_id, part)
    revision = int(snapshot["part"]["revision"])
    # What this laptop held and removed travels as its explicit word (ids, hashes).
    removed = removed_attachments(session, visit_id, snapshot)
    if removed:
        snapshot = {**snapshot, REMOVED_KEY: removed}
    members: dict[str, bytes] = {
        DATA_MEMBER: json.dumps(snapshot, ensure_ascii=False, sort_keys=True,
                                separators=(",", ":")).encode("utf-8")}
    # The files go along as members, hashed and signed like the data.
    members.update(attachment_members(paths, snapshot))
    meta = PackageMeta("handover", visit_id, part, revision, revision - 1 or None, key.device_id,
                       data_format_version=int(snapshot.get("format_version", 1)),
                       recipient=recipient, device_time=now().isoformat(),
                       info={"draft": bool(snapshot.get("draft")), "officer": officer})
    return put_handover(share, key, meta, members)


def received_parts(session: Session, followup_id: str) -> list[dict[str, Any]]:
    """Every part received for a follow-up, newest revision last, as the
    snapshot JSON plus where it came from."""
    rows = session.scalars(select(ReceivedPart).where(ReceivedPart.followup_id == followup_id)
                           .order_by(ReceivedPart.part, ReceivedPart.revision,
                                     ReceivedPart.id))
    return [{"part": r.part, "revision": r.revision, "kind": r.kind,
             "from_device": r.from_device, "package": r.package_name,
             "snapshot": json.loads(r.snapshot)} for r in rows]
