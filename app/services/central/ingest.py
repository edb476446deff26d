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
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.db import make_engine, sqlite_url
from app.models.central import (
    CentralAnswer,
    CentralArea,
    CentralAreaCube,
    CentralAreaResult,
    CentralBase,
    CentralDeficiency,
    CentralDeficiencyReview,
    CentralDeviceKey,
    CentralFollowup,
    CentralPackage,
    CentralQuarantine,
    CentralQuestion,
)
from app.services.central.facts import DATA_MEMBER, FactsError, PartFacts, part_facts
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


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


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
    still_quarantined: int = 0  # conflicts recorded by an earlier run, still on the share
    flagged_keys: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.quarantined


class _Refused(Exception):
    def __init__(self, reason: str, move: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        self.move = move


@dataclass
class _State:
    known_names: set[tuple[str, str]]
    quarantined_names: set[tuple[str, str]]
    pinned: dict[str, str]  # device id -> trusted key id
    keys: dict[str, TrustedKey]  # every key we may verify with
    areas: dict[str, tuple[str, int]]
    questions: dict[str, tuple[str, str, int]]


def _load_state(session: Session, share_keys: Mapping[str, TrustedKey]) -> _State:
    keys = dict(share_keys)
    pinned: dict[str, str] = {}
    for row in session.scalars(select(CentralDeviceKey)):
        raw = base64.b64decode(row.public_key)
        keys[row.key_id] = TrustedKey(row.device_id, row.key_id,
                                      Ed25519PublicKey.from_public_bytes(raw))
        if row.trusted:
            pinned[row.device_id] = row.key_id
    return _State(
        known_names={(d, n) for d, n in session.execute(
            select(CentralPackage.device_id, CentralPackage.name))},
        quarantined_names={(d, n) for d, n in session.execute(
            select(CentralQuarantine.device_id, CentralQuarantine.name))},
        pinned=pinned, keys=keys,
        areas={a: (t, p) for a, t, p in session.execute(
            select(CentralArea.area_id, CentralArea.title, CentralArea.position))},
        questions={q: (a, t, p) for q, a, t, p in session.execute(
            select(CentralQuestion.question_id, CentralQuestion.area_id, CentralQuestion.text,
                   CentralQuestion.position))},
    )


BATCH = 100  # packages per commit; each package is its own savepoint inside


def ingest_share(engine: Engine, share: Share) -> IngestSummary:
    """Ingest every new package on ``share``; see the module docstring.

    Packages are loaded in batches of one transaction each (one commit, one
    fsync per batch), every package inside its own savepoint, so a package
    is loaded whole or not at all. Receipts are written after the commit.
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
                summary.still_quarantined += 1
                continue
            try:
                data = share.fs.read_bytes(ref.path, DEFAULT_LIMITS.max_package_bytes + 1)
            except FileNotFoundError:
                continue  # moved away meanwhile (a laptop's own verify sweep)
            try:
                package, facts = _check(session, ref, data, state, summary)
                with session.begin_nested():
                    outcome, replaced = _load(session, ref, package, facts)
                    if outcome == "current":
                        _names(session, facts, state)
            except _Refused as refused:
                commit()  # what is loaded stays loaded; the move is recorded on its own
                sha256 = hashlib.sha256(data).hexdigest()
                summary.quarantined.append(_quarantine(session, share, ref, sha256, refused))
                state.quarantined_names.add((ref.device_id, ref.name))
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
    row = session.get(CentralDeviceKey, key_id)
    if row is None:
        raw = state.keys[key_id].public.public_bytes(Encoding.Raw, PublicFormat.Raw)
        session.add(CentralDeviceKey(
            key_id=key_id, device_id=device, public_key=base64.b64encode(raw).decode(),
            first_seen=_now(), trusted=trusted, flag_reason=reason))
        session.flush()
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
            moved_to=str(moved) if moved is not None else None, at=_now()))
    return QuarantinedPackage(ref.device_id, ref.name, refused.reason, moved)


def _load(session: Session, ref: PackageRef, package: Package, facts: PartFacts
          ) -> tuple[str, list[str]]:
    """Load one package (the caller's savepoint). Returns ("already" |
    "current" | "late", names of packages it superseded); "late" is an older
    revision that arrived after a newer one: stored, but not counted."""
    meta = package.meta
    same = session.scalar(select(CentralPackage.id).where(
        CentralPackage.sha256 == package.sha256))
    if same is not None:
        return "already", []  # the same bytes under another device's folder
    revisions = session.scalars(select(CentralPackage).where(
        CentralPackage.followup_id == meta.followup_id,
        CentralPackage.part == meta.part)).all()
    other = next((p for p in revisions if p.revision == meta.revision), None)
    if other is not None:
        raise _Refused(
            f"en annan version av revision {meta.revision} av samma del finns redan "
            f"(från datorn {other.device_id}, {other.name}); båda sparas och en person "
            "avgör vilken som gäller", move=False)
    newest = next((p for p in revisions if p.status == "current"), None)
    current = newest is None or newest.revision < meta.revision
    row = CentralPackage(
        name=ref.name, sha256=package.sha256, device_id=meta.device_id,
        key_id=package.key_id, followup_id=meta.followup_id, part=meta.part,
        revision=meta.revision, parent_revision=meta.parent_revision,
        status="current" if current else "superseded",
        superseded_by=None if current or newest is None else newest.id,
        ingested_at=_now(), data=package.members[DATA_MEMBER].decode("utf-8"))
    session.add(row)
    session.flush()
    superseded: list[str] = []
    if current and newest is not None:
        newest.status, newest.superseded_by = "superseded", row.id
        for table in (CentralAnswer, CentralAreaResult, CentralDeficiency,
                      CentralDeficiencyReview):
            session.execute(update(table).where(table.package_id == newest.id)
                            .values(current=False))
        superseded.append(newest.name)
    _insert_rows(session, row.id, facts, current)
    if current:
        _upsert_followup(session, facts)
    return ("current" if current else "late"), superseded


def _insert_rows(session: Session, package_id: int, facts: PartFacts, current: bool) -> None:
    dims = facts.dims
    common = {"package_id": package_id, "followup_id": facts.followup_id, "part": facts.part,
              "current": current, "year": facts.year, "unit_id": dims.unit_id,
              "district": dims.district, "region": dims.region, "regiform": dims.regiform,
              "unit_type": dims.unit_type}
    # Core inserts on the session's connection (same transaction, savepoint):
    # the ORM's bulk path costs more per row than the database does.
    connection = session.connection()
    if facts.answers:
        connection.execute(insert(CentralAnswer.__table__),
                           [{**common, **a} for a in facts.answers])
    if facts.area_results:
        connection.execute(insert(CentralAreaResult.__table__),
                           [{**common, **a} for a in facts.area_results])
    if facts.deficiencies:
        session.execute(insert(CentralDeficiency),
                        [{**common, **d, "questions": json.dumps(d["questions"])}
                         for d in facts.deficiencies])
    if facts.reviews:
        session.execute(insert(CentralDeficiencyReview), [
            {"package_id": package_id, "followup_id": facts.followup_id, "current": current, **r}
            for r in facts.reviews])


def _names(session: Session, facts: PartFacts, state: _State) -> None:
    """Area titles and question texts as the newest current package says
    (a cache makes this a dict lookup per question when nothing changed)."""
    for area_id, value in facts.areas.items():
        known = state.areas.get(area_id)
        # Position is kept from the first sighting: it differs between unit
        # types (other questions apply), and is only an ordering hint.
        if known is not None and known[0] == value[0]:
            continue
        if known is None:
            session.add(CentralArea(area_id=area_id, title=value[0], position=value[1]))
        else:
            session.execute(update(CentralArea).where(CentralArea.area_id == area_id)
                            .values(title=value[0]))
            value = (value[0], known[1])
        state.areas[area_id] = value
    for question_id, q in facts.questions.items():
        known_q = state.questions.get(question_id)
        if known_q is not None and known_q[:2] == q[:2]:
            continue
        if known_q is None:
            session.add(CentralQuestion(question_id=question_id, area_id=q[0], text=q[1],
                                        position=q[2]))
        else:
            session.execute(update(CentralQuestion)
                            .where(CentralQuestion.question_id == question_id)
                            .values(area_id=q[0], text=q[1]))
            q = (q[0], q[1], known_q[2])
        state.questions[question_id] = q


def _upsert_followup(session: Session, facts: PartFacts) -> None:
    dims = facts.dims
    row = session.get(CentralFollowup, facts.followup_id)
    if row is None:
        row = CentralFollowup(followup_id=facts.followup_id, summary="[]")
        session.add(row)
    row.year, row.unit_id, row.unit_name = facts.year, dims.unit_id, dims.unit_name
    row.unit_type, row.regiform, row.district = dims.unit_type, dims.regiform, dims.district
    row.region, row.provider = dims.region, dims.provider
    row.template_version = facts.template_version
    row.visit_date = facts.visit_date or row.visit_date
    if facts.part == "sol":
        row.sol_revision = facts.revision
    else:
        row.hsl_revision = facts.revision
    summary = [s for s in json.loads(row.summary or "[]") if s.get("part") != facts.part]
    row.summary = json.dumps(sorted(summary + facts.summary, key=lambda s: s["part"] != "sol"),
                             ensure_ascii=False)


def refresh_deficiency_status(session: Session) -> None:
    """A deficiency's status is what the latest later follow-up said about it
    (åtgärdad / delvis / ej åtgärdad); without such a statement it is open."""
    rows = session.execute(
        select(CentralDeficiencyReview.previous_finding_ref, CentralDeficiencyReview.status,
               CentralDeficiencyReview.followup_id, CentralFollowup.year)
        .join(CentralFollowup,
              CentralFollowup.followup_id == CentralDeficiencyReview.followup_id)
        .where(CentralDeficiencyReview.current.is_(True))
        .order_by(CentralFollowup.year, CentralDeficiencyReview.id)).all()
    latest: dict[int, tuple[str, str]] = {}
    for ref, status, followup_id, _year in rows:
        latest[ref] = ("atgardad" if status == "atgardad" else
                       "delvis" if status == "delvis" else "oppen", followup_id)
    session.execute(update(CentralDeficiency).values(status="oppen", resolved_by=None))
    by_status: dict[tuple[str, str], list[int]] = {}
    for ref, key in latest.items():
        by_status.setdefault(key, []).append(ref)
    for (status, followup_id), refs in by_status.items():
        for start in range(0, len(refs), 500):
            session.execute(update(CentralDeficiency)
                            .where(CentralDeficiency.finding_ref.in_(refs[start:start + 500]))
                            .values(status=status, resolved_by=followup_id))


def refresh_cube(session: Session) -> None:
    """Rebuild central_area_cube from the current area results, in SQL."""
    r = CentralAreaResult
    dims = (r.year, r.district, r.region, r.regiform, r.unit_type, r.area_id)
    session.execute(delete(CentralAreaCube))
    session.execute(insert(CentralAreaCube).from_select(
        ["year", "district", "region", "regiform", "unit_type", "area_id", "uppfyllt", "delvis",
         "ej_uppfyllt", "followups"],
        select(*dims, func.sum(r.uppfyllt), func.sum(r.delvis), func.sum(r.ej_uppfyllt),
               func.count(func.distinct(r.followup_id)))
        .where(r.current.is_(True)).group_by(*dims)))
