"""Central ingest against SQLite and a real PostgreSQL: re-ingest, superseding
revisions, quarantine, joined parts, trust on first use."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.models.central import (
    CentralAnswer,
    CentralDeviceKey,
    CentralFollowup,
    CentralPackage,
    CentralQuarantine,
)
from app.services.central.ingest import ingest_share
from app.services.share.catalog import read_receipts
from app.services.share.layout import Share
from app.services.share.package import parse_package_name
from app.services.share.signing import SigningKey
from tests.central.helpers import make_package, publish, set_answer


def _counts(engine: Engine) -> tuple[int, ...]:
    with Session(engine) as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) or 0 for t in
                     (CentralPackage, CentralFollowup, CentralAnswer, CentralQuarantine))


def _answered(snapshot: dict[str, Any]) -> int:
    return sum(1 for sec in snapshot["sections"] for q in sec["questions"]
               if q["answer"] and q["answer"]["answered"])


def test_ingest_joins_parts_and_reingest_changes_nothing(
        central_engine: Engine, share: Share, key: SigningKey,
        demo_snapshots: list[dict[str, Any]]) -> None:
    for snap in demo_snapshots:
        publish(share, key, snap)
    first = ingest_share(central_engine, share)
    assert len(first.ingested) == len(demo_snapshots) and first.ok
    assert first.superseded == [] and first.already_there == 0
    followups = {s["visit"]["id"] for s in demo_snapshots}
    packages, followup_rows, answers, quarantined = _counts(central_engine)
    assert (packages, followup_rows, quarantined) == (len(demo_snapshots), len(followups), 0)
    assert answers == sum(_answered(s) for s in demo_snapshots)
    with Session(central_engine) as s:
        rows = s.scalars(select(CentralFollowup)).all()
        # Both parts of every follow-up met: revisions of sol and hsl are set.
        assert all(r.sol_revision == 1 and r.hsl_revision == 1 for r in rows)
        assert all({x["part"] for x in json.loads(r.summary)} <= {"sol", "hsl"} for r in rows)
    assert read_receipts(share, key.device_id) == {
        p.name for p in share.outbox_dir(key.device_id).iterdir()}

    again = ingest_share(central_engine, share)
    assert again.ingested == [] and again.already_there == len(demo_snapshots) and again.ok
    assert _counts(central_engine) == (packages, followup_rows, answers, 0)


def test_newer_revision_supersedes_and_both_are_kept(
        central_engine: Engine, share: Share, key: SigningKey,
        demo_snapshots: list[dict[str, Any]]) -> None:
    snap = demo_snapshots[0]
    question = snap["sections"][0]["questions"][0]["id"]
    revised = set_answer(snap, question, "ej_uppfyllt")
    # The newer revision arrives first, the older one late: order must not matter.
    publish(share, key, revised, revision=2)
    assert ingest_share(central_engine, share).superseded == []
    publish(share, key, snap, revision=1)
    late = ingest_share(central_engine, share)
    assert len(late.ingested) == 1 and len(late.superseded) == 1
    with Session(central_engine) as s:
        statuses = dict(s.execute(select(CentralPackage.revision, CentralPackage.status)).all())
        assert statuses == {1: "superseded", 2: "current"}
        current = s.scalars(select(CentralAnswer.answer).where(
            CentralAnswer.current.is_(True), CentralAnswer.question_id == question)).all()
        kept = s.scalar(select(func.count()).select_from(CentralAnswer).where(
            CentralAnswer.current.is_(False)))
    assert current == ["ej_uppfyllt"]
    assert kept == _answered(snap)

    revised3 = set_answer(snap, question, "delvis")
    publish(share, key, revised3, revision=3)
    third = ingest_share(central_engine, share)
    assert len(third.superseded) == 1 and ".r2." in third.superseded[0]
    with Session(central_engine) as s:
        assert s.scalars(select(CentralAnswer.answer).where(
            CentralAnswer.current.is_(True), CentralAnswer.question_id == question)).all() \
            == ["delvis"]
        row = s.get(CentralFollowup, snap["visit"]["id"])
        assert row is not None
        assert getattr(row, f"{snap['part']['code']}_revision") == 3


def _rename(share: Share, device: str, data: bytes, template: str) -> None:
    parsed = parse_package_name(template)
    assert parsed is not None
    sha = hashlib.sha256(data).hexdigest()
    name = f"{parsed.followup_id}.{parsed.part}.r{parsed.revision}.{sha[:16]}.pkg"
    (share.outbox_dir(device) / name).write_bytes(data)


def _rezip(data: bytes, change: Any) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    members = {i.filename: source.read(i.filename) for i in source.infolist()}
    members = change(members)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return out.getvalue()


def test_bad_packages_are_quarantined_with_reason_never_loaded(
        central_engine: Engine, share: Share, key: SigningKey,
        demo_snapshots: list[dict[str, Any]]) -> None:
    good = publish(share, key, demo_snapshots[0])
    outbox = share.outbox_dir(key.device_id)
    name, data = make_package(key, demo_snapshots[1])
    # Bad hash: bytes changed after naming.
    (outbox / name).write_bytes(data[:-3] + b"xyz")

    def forge(members: dict[str, bytes]) -> dict[str, bytes]:
        manifest = json.loads(members["manifest.json"])
        manifest["revision"] = 1
        manifest["device_time"] = "forged"
        members["manifest.json"] = json.dumps(manifest).encode()
        return members

    name2, data2 = make_package(key, demo_snapshots[2])
    _rename(share, key.device_id, _rezip(data2, forge), name2)  # bad signature
    name3, data3 = make_package(key, demo_snapshots[3])
    _rename(share, key.device_id, data3[: len(data3) // 2], name3)  # truncated zip

    def traverse(members: dict[str, bytes]) -> dict[str, bytes]:
        members["../../evil.txt"] = b"owned"
        return members

    name4, data4 = make_package(key, demo_snapshots[4])
    _rename(share, key.device_id, _rezip(data4, traverse), name4)  # path traversal

    summary = ingest_share(central_engine, share)
    assert not summary.ok
    assert summary.ingested == [good.name]
    reasons = sorted(q.reason for q in summary.quarantined)
    assert len(reasons) == 4
    assert any("kontrollsumman i filnamnet" in r for r in reasons)
    assert any("signaturen är ogiltig" in r for r in reasons)
    assert any("trasig zip" in r for r in reasons)
    assert any("otillåtet filnamn '../../evil.txt'" in r for r in reasons)
    assert not (share.root.parent / "evil.txt").exists()
    # Moved, never deleted; recorded with the reason; nothing of them loaded.
    assert sorted(p.name for p in outbox.iterdir()) == [good.name]
    assert all(q.moved_to is not None and q.moved_to.exists() for q in summary.quarantined)
    with Session(central_engine) as s:
        assert sorted(s.scalars(select(CentralQuarantine.reason))) == reasons
        assert s.scalars(select(CentralPackage.name)).all() == [good.name]
        assert set(s.scalars(select(CentralAnswer.followup_id))) == {
            demo_snapshots[0]["visit"]["id"]}
    again = ingest_share(central_engine, share)
    assert again.ok and again.already_there == 1 and again.ingested == []


def test_a_later_different_key_for_a_laptop_is_flagged(
        central_engine: Engine, share: Share, key: SigningKey,
        demo_snapshots: list[dict[str, Any]]) -> None:
    publish(share, key, demo_snapshots[0])
    assert ingest_share(central_engine, share).ok
    impostor = SigningKey.generate(key.device_id)
    publish(share, impostor, demo_snapshots[1])
    summary = ingest_share(central_engine, share)
    assert not summary.ok and summary.flagged_keys == [f"{key.device_id}: {impostor.key_id}"]
    assert "flaggad" in summary.quarantined[0].reason
    with Session(central_engine) as s:
        keys = dict(s.execute(select(CentralDeviceKey.key_id, CentralDeviceKey.trusted)).all())
    assert keys == {key.key_id: True, impostor.key_id: False}


def test_same_revision_with_other_content_is_a_conflict_kept_in_place(
        central_engine: Engine, share: Share, key: SigningKey,
        demo_snapshots: list[dict[str, Any]]) -> None:
    snap = demo_snapshots[0]
    publish(share, key, snap)
    other = SigningKey.generate("dev-laptop-b")
    question = snap["sections"][0]["questions"][0]["id"]
    path = publish(share, other, set_answer(snap, question, "ej_uppfyllt"))
    summary = ingest_share(central_engine, share)
    assert len(summary.ingested) == 1 and len(summary.quarantined) == 1
    conflict = summary.quarantined[0]
    assert "en annan version av revision 1" in conflict.reason and conflict.moved_to is None
    assert path.exists()
    again = ingest_share(central_engine, share)
    # Unresolved, it is listed (and fails the run) until a person decides.
    assert not again.ok and again.quarantined == []
    assert [q.name for q in again.still_quarantined] == [path.name]
    assert "en annan version av revision 1" in again.still_quarantined[0].reason
