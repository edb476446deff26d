"""Central ingest: read every package on the share into the consolidated database.

Per package, in name order: skip it unread if its (device, name) is already
stored (the name carries the content hash), else read it once, verify size,
hash, zip, member names, member hashes and the signature (``read_package``
rules), pin the laptop's key on first use, check the follow-up data, and
load it in ONE transaction (package, follow-up, answers, deficiencies), so a
package is loaded whole or not at all. A damaged or untrusted package is
moved to ``quarantine/<device>/`` (never deleted) and recorded with its
reason. Identity follows ODK: (follow-up, part, revision); the same bytes
again are "already there", a higher revision supersedes a lower one in the
statistics (both kept), and the same revision with other bytes is a conflict
a person decides (recorded, the file left where it is).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session

from app.db import make_engine, sqlite_url
from app.models.central import (
    CentralBase,
    CentralDeviceKey,
    CentralPackage,
    CentralQuarantine,
)
from app.services.central.facts import DATA_MEMBER, FactsError, PartFacts, part_facts
from app.services.central.loader import (
    Conflict,
    LoadState,
    load_package,
    load_state,
    now,
    refresh_cube,
    refresh_deficiency_status,
)
from app.services.share.catalog import RECEIPT_SUFFIX, PackageRef, read_receipts, scan_outboxes
from app.services.share.errors import PackageError
from app.services.share.layout import Share
from app.services.share.package import DEFAULT_LIMITS, Package, verify_package_bytes
from app.services.share.publish import quarantine, sync_folder_now, write_and_link
from app.services.share.signing import TrustedKey, load_trusted_keys

CENTRAL_DB_NAME = "central.sqlite3"


def open_central(url: str) -> Engine:
    """Engine on the consolidated database (SQLite file or e.g.
    postgresql+psycopg://...), with its tables created if missing."""
    engine = make_engine(url)
    CentralBase.metadata.create_all(engine)
    return engine


def central_url(value: str | None, data_dir: Path) -> str:
    """--db: a URL, a path to a SQLite file, or the default file in the data dir."""
    if not value:
        return sqlite_url(data_dir / CENTRAL_DB_NAME)
    if "://" in value:
        return value
    return sqlite_url(Path(value).expanduser().resolve())


@dataclass(frozen=True)
class QuarantinedPackage:
    device_id: str
    name: str
    reason: str
    moved_to: Path | None  # None: left in place (a revision conflict)


@dataclass
class IngestSummary:
    ingested: list[str] = field(default_factory=list)
    already_there: int = 0
    superseded: list[str] = field(default_factory=list)  # packages no longer counted
    quarantined: list[QuarantinedPackage] = field(default_factory=list)
    # Conflicts recorded by an earlier run and still on the share, unresolved.
    still_quarantined: list[QuarantinedPackage] = field(default_factory=list)
    flagged_keys: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.quarantined and not self.still_quarantined


class _Refused(Exception):
    def __init__(self, reason: str, move: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        self.move = move


@dataclass
class _State:
    known_names: set[tuple[str, str]]
    quarantined_names: dict[tuple[str, str], str]  # -> reason
    pinned: dict[str, str]  # device id -> trusted key id
    keys: dict[str, TrustedKey]  # every key we may verify with
    stored_keys: set[str]  # key ids already in central_device_key
    load: LoadState


def _load_state(session: Session, share_keys: Mapping[str, TrustedKey]) -> _State:
    keys = dict(share_keys)
    pinned: dict[str, str] = {}
    stored: set[str] = set()
    for row in session.scalars(select(CentralDeviceKey)):
        stored.add(row.key_id)
        raw = base64.b64decode(row.public_key)
        keys[row.key_id] = TrustedKey(row.device_id, row.key_id,
                                      Ed25519PublicKey.from_public_bytes(raw))
        if row.trusted:
            pinned[row.device_id] = row.key_id
    return _State(
        known_names={(d, n) for d, n in session.execute(
            select(CentralPackage.device_id, CentralPackage.name))},
        quarantined_names={(d, n): reason for d, n, reason in session.execute(
            select(CentralQuarantine.device_id, CentralQuarantine.name,
                   CentralQuarantine.reason))},
        pinned=pinned, keys=keys, stored_keys=stored, load=load_state(session),
    )


BATCH = 100  # packages per commit (one fsync of the database per batch)


def ingest_share(engine: Engine, share: Share) -> IngestSummary:
    """Ingest every new package on ``share``; see the module docstring.

    Packages are loaded in batches of one transaction each (one commit, one
    fsync per batch). Every check runs before a package's first write, so a
    package is loaded whole or not at all (see loader.py). Receipts are
    written after the commit.
    """
    share.check()
    summary = IngestSummary()
    with Session(engine) as session:
        state = _load_state(session, load_trusted_keys(share))
    receipted: dict[str, set[str]] = {}
    pending: list[PackageRef] = []
    changed = False
    session = Session(engine)
    session.begin()

    written: set[str] = set()  # devices whose receipts folder needs an fsync

    def commit() -> None:
        session.commit()
        session.expunge_all()
        for done in pending:
            if _receipt(share, done, receipted):
                written.add(done.device_id)
        pending.clear()
        _sync_receipts(share, written)
        session.begin()

    try:
        for ref in scan_outboxes(share):
            if (ref.device_id, ref.name) in state.known_names:
                summary.already_there += 1
                if _receipt(share, ref, receipted):
                    written.add(ref.device_id)
                continue
            if (ref.device_id, ref.name) in state.quarantined_names:
                summary.still_quarantined.append(QuarantinedPackage(
                    ref.device_id, ref.name, state.quarantined_names[(ref.device_id, ref.name)],
                    None))
                continue
            try:
                data = share.fs.read_bytes(ref.path, DEFAULT_LIMITS.max_package_bytes + 1)
            except FileNotFoundError:
                continue  # moved away meanwhile (a laptop's own verify sweep)
            try:
                package, facts = _check(session, ref, data, state, summary)
                try:
                    outcome, replaced = load_package(
                        session, state.load, ref.device_id, ref.name, package, facts,
                        package.members[DATA_MEMBER].decode("utf-8"))
                except Conflict as conflict:
                    raise _Refused(conflict.reason, move=False) from None
            except _Refused as refused:
                commit()  # what is loaded stays loaded; the move is recorded on its own
                sha256 = hashlib.sha256(data).hexdigest()
                summary.quarantined.append(_quarantine(session, share, ref, sha256, refused))
                state.quarantined_names[(ref.device_id, ref.name)] = refused.reason
                commit()
                continue
            state.known_names.add((ref.device_id, ref.name))
            pending.append(ref)
            if outcome == "already":
                summary.already_there += 1
            else:
                changed = True
                summary.ingested.append(ref.name)
                summary.superseded.extend(replaced)
                if outcome == "late":
                    summary.superseded.append(ref.name)
            if len(pending) >= BATCH:
                commit()
        if changed:
            refresh_deficiency_status(session)
            refresh_cube(session)
        commit()
    finally:
        session.rollback()
        session.close()
    return summary


def _receipt(share: Share, ref: PackageRef, receipted: dict[str, set[str]]) -> bool:
    """Write the receipt once; the folder is fsynced once per batch by the
    caller (a lost receipt is only written again by the next run)."""
    if ref.device_id not in receipted:
        receipted[ref.device_id] = read_receipts(share, ref.device_id)
    if ref.name in receipted[ref.device_id]:
        return False
    folder = share.receipts_dir(ref.device_id)
    share.ensure_dir(folder)
    try:
        write_and_link(share, folder, folder, ref.name + RECEIPT_SUFFIX, b"", sync_folder=False)
    except FileExistsError:
        pass
    receipted[ref.device_id].add(ref.name)
    return True


def _sync_receipts(share: Share, devices: set[str]) -> None:
    for device in sorted(devices):
        sync_folder_now(share, share.receipts_dir(device))
    devices.clear()


def _check(session: Session, ref: PackageRef, data: bytes, state: _State,
           summary: IngestSummary) -> tuple[Package, PartFacts]:
    try:
        package = verify_package_bytes(data, state.keys, name=ref.name, path=ref.path)
    except PackageError as exc:
        raise _Refused(exc.reason) from None
    meta = package.meta
    if meta.kind != "followup":
        raise _Refused("paketet är ingen fastställd uppföljning (fel sorts paket i utkorgen)")
    if meta.device_id != ref.device_id:
        raise _Refused(f"paketet kommer från datorn {meta.device_id} men ligger i datorn "
                       f"{ref.device_id}s mapp")
    if (meta.followup_id, meta.part, meta.revision) != ref.parsed.revision_key:
        raise _Refused("filnamnet stämmer inte med paketets manifest")
    _trust_on_first_use(session, package, state, summary)
    if DATA_MEMBER not in package.members:
        raise _Refused(f"{DATA_MEMBER} saknas i paketet")
    try:
        doc = json.loads(package.members[DATA_MEMBER].decode("utf-8"))
        facts = part_facts(doc, meta.followup_id, meta.part, meta.revision)
    except (UnicodeDecodeError, ValueError) as exc:
        reason = str(exc) if isinstance(exc, FactsError) else f"{DATA_MEMBER} är inte giltig JSON"
        raise _Refused(reason) from None
    return package, facts


def _trust_on_first_use(session: Session, package: Package, state: _State,
                        summary: IngestSummary) -> None:
    device, key_id = package.meta.device_id, package.key_id
    pinned = state.pinned.get(device)
    if pinned == key_id:
        return
    trusted = pinned is None
    reason = "" if trusted else (
        f"datorn {device} använde först nyckeln {pinned}; den här nyckeln ({key_id}) "
        "kom senare och är flaggad. Kontrollera med IT att datorn fått en ny nyckel.")
    if key_id not in state.stored_keys:
        raw = state.keys[key_id].public.public_bytes(Encoding.Raw, PublicFormat.Raw)
        session.execute(insert(CentralDeviceKey), {
            "key_id": key_id, "device_id": device, "public_key": base64.b64encode(raw).decode(),
            "first_seen": now(), "trusted": trusted, "flag_reason": reason})
        state.stored_keys.add(key_id)
        if not trusted:
            summary.flagged_keys.append(f"{device}: {key_id}")
    if trusted:
        state.pinned[device] = key_id
        return
    raise _Refused(f"paketet är signerat med en ny, flaggad nyckel: {reason}")


def _quarantine(session: Session, share: Share, ref: PackageRef, sha256: str,
                refused: _Refused) -> QuarantinedPackage:
    moved = quarantine(share, ref.device_id, ref.path, sha256) if refused.move else None
    exists = session.scalar(select(CentralQuarantine.id).where(
        CentralQuarantine.device_id == ref.device_id, CentralQuarantine.name == ref.name,
        CentralQuarantine.sha256 == sha256))
    if exists is None:
        session.add(CentralQuarantine(
            device_id=ref.device_id, name=ref.name, sha256=sha256, reason=refused.reason,
            moved_to=str(moved) if moved is not None else None, at=now()))
    return QuarantinedPackage(ref.device_id, ref.name, refused.reason, moved)
