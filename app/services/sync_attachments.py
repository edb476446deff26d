"""Attachments travelling with a part: packed as package members, restored by hash.

A part's snapshot lists its attachments (file name, question, size,
SHA-256). The package carries each file as ``attachments/NN-<name>``, NN
being its position in that list, so the manifest hashes and signs it like
every other member. The receiving laptop keeps only the snapshot when it
takes a package; once the part has been written into the local follow-up
(a handover became a draft, or a colleague's finalized part was merged),
the files the follow-up does not have yet are read from the same package
on the share, checked against the snapshot's hash and the attachment size
limit, and stored like an attachment added here. The match is by question
and content hash, so the same photo is never stored twice, and a part that
comes back carries only what the colleague added.

Removals travel too, but only as the sender's explicit word: a handover's
snapshot lists under ``attachments_removed`` the files the sender held (it
received them in a package whose files it stored) and no longer holds, each
by its id (the stored name, kept the same on every laptop the file reaches)
and content hash. The receiver removes exactly those rows, matched by id,
hash and question, and records each removal in the follow-up's audit log. A
file the sender never had, a copy added again under a new id, or a file the
snapshot still lists is never removed; no clock is consulted.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.durable_io import write_bytes_atomic
from app.errors import Message, UserFacingError
from app.models.sync import ReceivedPart
from app.models.visit import Attachment, AuditEvent, Visit
from app.paths import AppPaths
from app.services.share.errors import PackageError, ShareError
from app.services.share.layout import Share
from app.services.share.package import DEFAULT_LIMITS, read_package
from app.services.share.signing import TrustedKey
from app.services.sync_outbox import _member_for
from app.services.visits import audit
from app.services.visits.attachments import MAX_ATTACHMENT_BYTES, attachment_path
from app.services.visits.common import SYNC_HANDED_IN, SYNC_MERGED

# Visit-level audit field marking a received package whose files are in
# place. Visit level (part None), so it never counts as an edit of the part.
RESTORED = "bilagor mottagna"
WHO = "Synkronisering"
# Snapshot key of a handover: the attachments the sender knowingly removed.
REMOVED_KEY = "attachments_removed"
# Room for the manifest, the data member and the report next to the files.
_PACKAGE_ROOM = DEFAULT_LIMITS.max_package_bytes - 32 * 1024 * 1024


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def attachment_members(paths: AppPaths, snapshot: Mapping[str, Any]) -> dict[str, bytes]:
    """The snapshot's attachment files as package members, each checked
    against the hash the snapshot names (a file changed or damaged on disk
    is refused rather than sent as something else)."""
    members: dict[str, bytes] = {}
    total = 0
    for index, item in enumerate(snapshot.get("attachments", []), start=1):
        path = attachment_path(paths.attachments_dir, item["stored_name"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserFacingError(Message(
                "Bilagan {item} ({path}) kan inte läsas: {strerror}.",
                item=item["filename"], path=path, strerror=exc.strerror or exc)) from exc
        if item.get("sha256") and hashlib.sha256(data).hexdigest() != item["sha256"]:
            raise UserFacingError(Message(
                "Bilagan {item} ({path}) har ändrats eller skadats sedan den lades till.",
                item=item["filename"], path=path))
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise UserFacingError(Message(
                "Bilagan {item} är {size}; en bilaga får vara högst {limit}.",
                item=item["filename"], size=_mb(len(data)), limit=_mb(MAX_ATTACHMENT_BYTES)))
        total += len(data)
        if total > _PACKAGE_ROOM:
            raise UserFacingError(Message(
                "Bilagorna är tillsammans mer än {limit}, mer än ett paket får rymma. Ta bort "
                "eller minska några bilagor.", limit=_mb(_PACKAGE_ROOM)))
        members[_member_for(index, item["filename"])] = data
    return members


@dataclass
class RestoreOutcome:
    restored: int = 0
    removed: int = 0
    refused: list[str] = field(default_factory=list)


def _questions(snap: Mapping[str, Any]) -> set[str]:
    """The ids of the questions of the snapshot's part."""
    return {str(q.get("id")) for s in snap.get("sections", []) for q in s.get("questions", [])}


def removed_attachments(session: Session, visit_id: str, snapshot: Mapping[str, Any]
                        ) -> list[dict[str, Any]]:
    """The attachments of the snapshot's part (its questions' and the
    follow-up's own) this laptop held and has removed since: listed in a
    package received here whose files were stored here, and no longer here by
    question and content. What this laptop never stored is not listed."""
    questions = _questions(snapshot)
    stored = select(AuditEvent.old).where(AuditEvent.visit_id == visit_id,
                                          AuditEvent.field == RESTORED)
    have = {(q, sha) for q, sha in session.execute(select(
        Attachment.question_id, Attachment.sha256).where(Attachment.visit_id == visit_id))}
    removed: dict[str, dict[str, Any]] = {}
    for text in session.scalars(select(ReceivedPart.snapshot).where(
            ReceivedPart.followup_id == visit_id, ReceivedPart.package_name.in_(stored))
            .order_by(ReceivedPart.id)):
        for item in json.loads(text).get("attachments", []):
            question, sha = item.get("question_id"), str(item.get("sha256") or "")
            ident = str(item.get("stored_name") or "")
            if (not sha or not ident or (question, sha) in have
                    or (question is not None and question not in questions)):
                continue
            removed.setdefault(ident, {"stored_name": ident, "question_id": question,
                                       "sha256": sha, "filename": str(item.get("filename", ""))})
    return [removed[k] for k in sorted(removed)]


def _package_path(share: Share, row: ReceivedPart, device_id: str) -> Path:
    folder = (share.handover_dir(row.from_device, device_id) if row.kind == "handover"
              else share.outbox_dir(row.from_device))
    return folder / row.package_name


def _suffix(filename: str) -> str:
    """The stored file keeps a short, safe extension (as add_attachment does)."""
    suffix = PurePosixPath(filename.replace("\\", "/")).suffix[:12]
    return "".join(c for c in suffix if c.isalnum() or c == ".").lower()


def _missing(session: Session, visit_id: str, snap: Mapping[str, Any]
             ) -> list[tuple[int, dict[str, Any]]]:
    """(position, entry) of the snapshot's attachments this follow-up lacks."""
    have = {(q, sha) for q, sha in session.execute(select(
        Attachment.question_id, Attachment.sha256).where(Attachment.visit_id == visit_id))}
    wanted: list[tuple[int, dict[str, Any]]] = []
    for index, item in enumerate(snap.get("attachments", []), start=1):
        key = (item.get("question_id"), item.get("sha256") or "")
        if key not in have:
            have.add(key)  # the same file twice in one snapshot is stored once
            wanted.append((index, item))
    return wanted


def _stored_name(session: Session, paths: AppPaths, visit_id: str, item: Mapping[str, Any],
                 name: str, taken: list[Path]) -> str:
    """The sender's stored name when it is free here: the file keeps one id on
    every laptop, so a later removal names exactly this copy. Else a new one."""
    wanted = str(item.get("stored_name") or "")
    if re.fullmatch(re.escape(visit_id) + r"/[0-9a-f]{32}[a-z0-9.]{0,12}", wanted):
        target = attachment_path(paths.attachments_dir, wanted)
        if (target not in taken and not target.exists() and session.scalar(
                select(Attachment.id).where(Attachment.stored_name == wanted)) is None):
            return wanted
    return f"{visit_id}/{uuid.uuid4().hex}{_suffix(name)}"


def _remove(session: Session, paths: AppPaths, visit_id: str, snap: Mapping[str, Any],
            package: str) -> list[Path]:
    """Delete the rows the sender knowingly removed (by id, hash and question,
    within the part); their files are returned to go once this is committed."""
    questions = _questions(snap)
    listed = {(a.get("question_id"), a.get("sha256")) for a in snap.get("attachments", [])}
    files: list[Path] = []
    for item in snap.get(REMOVED_KEY) or []:
        if not isinstance(item, dict):
            continue
        question, sha = item.get("question_id"), item.get("sha256")
        if (not sha or (question, sha) in listed
                or (question is not None and question not in questions)):
            continue  # the sender still sends it, or it is not this part's
        row = session.scalar(select(Attachment).where(
            Attachment.visit_id == visit_id, Attachment.stored_name == str(
                item.get("stored_name") or ""), Attachment.sha256 == sha,
            Attachment.question_id.is_(None) if question is None
            else Attachment.question_id == question))
        if row is None:
            continue  # not here, or another copy: never guessed at
        audit.record(session, visit_id, None, "bilaga",
                     f"{row.filename} ({question or 'uppföljningen'}) borttagen i {package}",
                     None, WHO)
        files.append(attachment_path(paths.attachments_dir, row.stored_name))
        session.delete(row)
    session.flush()
    return files


def _store(session: Session, paths: AppPaths, visit_id: str, members: Mapping[str, bytes],
           wanted: list[tuple[int, dict[str, Any]]], package: str, written: list[Path]) -> int:
    for index, item in wanted:
        name = str(item.get("filename") or "bilaga")
        data = members.get(_member_for(index, name))
        if data is None:
            raise PackageError(Message("bilagan {name} saknas i paketet", name=name))
        sha = hashlib.sha256(data).hexdigest()
        if item.get("sha256") and sha != item["sha256"]:
            raise PackageError(Message(
                "bilagan {name} stämmer inte med uppföljningens kontrollsumma", name=name))
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise PackageError(Message("bilagan {name} är större än {limit}", name=name,
                                       limit=_mb(MAX_ATTACHMENT_BYTES)))
        stored = _stored_name(session, paths, visit_id, item, name, written)
        target = attachment_path(paths.attachments_dir, stored)
        write_bytes_atomic(target, data)
        written.append(target)
        session.add(Attachment(visit_id=visit_id, question_id=item.get("question_id"),
                               filename=name[:260], stored_name=stored, size=len(data),
                               sha256=sha, added_at=audit.utcnow(), added_by=WHO))
        audit.record(session, visit_id, None, "bilaga", None,
                     f"{name} ({item.get('question_id') or 'uppföljningen'}) från {package}", WHO)
    return len(wanted)


def restore_received_attachments(session: Session, paths: AppPaths, share: Share,
                                 device_id: str, trusted: Mapping[str, TrustedKey]
                                 ) -> RestoreOutcome:
    """Store the attachments of every received part written into a local
    follow-up and not restored yet. A package that cannot be read (share
    gone, file damaged) is reported and tried again on the next sync; the
    draft or merged part itself is already in place."""
    outcome = RestoreOutcome()
    applied: dict[str, str] = {old: visit for old, visit in session.execute(
        select(AuditEvent.old, AuditEvent.visit_id).where(
            AuditEvent.field.in_((SYNC_HANDED_IN, SYNC_MERGED)), AuditEvent.old.is_not(None)))}
    done = set(session.scalars(select(AuditEvent.old).where(AuditEvent.field == RESTORED)))
    todo = [name for name in applied if name not in done]
    if not todo:
        return outcome
    for row in session.scalars(select(ReceivedPart).where(ReceivedPart.package_name.in_(todo))
                               .order_by(ReceivedPart.id)):
        visit_id = applied[row.package_name]
        if session.get(Visit, visit_id) is None:
            continue  # the follow-up was removed here since: nothing to attach to
        written: list[Path] = []
        try:
            snap = json.loads(row.snapshot)
            # Only a handover speaks for the whole part: a removal comes with it.
            gone = (_remove(session, paths, visit_id, snap, row.package_name)
                    if row.kind == "handover" else [])
            wanted = _missing(session, visit_id, snap)
            if wanted:
                path = _package_path(share, row, device_id)
                package = read_package(path, trusted, share.fs)
                if package.meta.device_id != row.from_device:
                    raise PackageError("paketet ligger i en annan dators mapp än avsändarens",
                                       path)
                outcome.restored += _store(session, paths, visit_id, package.members, wanted,
                                           row.package_name, written)
            audit.record(session, visit_id, None, RESTORED, row.package_name,
                         f"{len(wanted)} bilagor", WHO)
            session.commit()
            outcome.removed += len(gone)
            for target in gone:  # the rows are gone for good: now their files
                target.unlink(missing_ok=True)
        except (ShareError, PackageError, OSError, ValueError, KeyError, TypeError,
                SQLAlchemyError) as exc:
            session.rollback()
            for target in written:  # no file the database does not know
                target.unlink(missing_ok=True)
            reason = exc.args[0] if isinstance(exc, UserFacingError) and exc.args else str(exc)
            outcome.refused.append(Message(
                "Bilagorna i {package} kunde inte hämtas: {reason} Delen finns här; bilagorna "
                "hämtas vid nästa synkronisering.", package=row.package_name, reason=reason))
    return outcome
