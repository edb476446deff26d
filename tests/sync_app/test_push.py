"""Push of finalized part revisions: one package each, exactly once."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, update

from app.cli.main import main as cli_main
from app.models.sync import OutboxEntry, SyncRun
from app.models.visit import PartRevision
from app.services import sync_outbox
from app.services.central.facts import DATA_MEMBER
from app.services.share.catalog import write_receipt
from app.services.share.layout import Share
from app.services.share.package import read_package
from app.services.share.signing import load_trusted_keys
from app.services.sync import run_sync, sync_overview
from app.services.task_state import TaskState
from tests.sync_app.conftest import Laptop


def _outbox(laptop: Laptop) -> list[OutboxEntry]:
    with laptop.sessions() as session:
        rows = list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.id)))
        session.expunge_all()
    return rows


def test_push_demo_finalized_once(make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    laptop = make_laptop("a", keep=3)
    state = TaskState()
    report = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, state)
    assert not report.failed, report.lines()
    assert (report.queued, report.pushed, report.already_there) == (3, 3, 0)
    # The null keyring backend: the key went to the file fallback, with a warning.
    assert any("Ingen nyckelring" in w for w in report.warnings)
    share = Share(laptop.paths.default_share_dir)
    outbox = share.outbox_dir(laptop.device_id)
    names = sorted(p.name for p in outbox.iterdir())
    rows = _outbox(laptop)
    assert sorted(r.package_name for r in rows) == names
    assert {r.state for r in rows} == {"verified"}
    # Each package is self-contained: the frozen snapshot, the report PDF, signed.
    trusted = load_trusted_keys(share)
    with laptop.sessions() as session:
        for row in rows:
            package = read_package(outbox / str(row.package_name), trusted)
            stored = session.scalar(select(PartRevision.snapshot).where(
                PartRevision.visit_id == row.visit_id, PartRevision.part == row.part,
                PartRevision.revision == row.revision))
            assert package.members[DATA_MEMBER].decode("utf-8") == stored
            assert json.loads(stored)["format_version"] == 1
            assert package.members["report.pdf"].startswith(b"%PDF")
            assert (laptop.paths.data_dir / str(row.local_file)).read_bytes() == \
                (outbox / str(row.package_name)).read_bytes()

    # Second run: nothing new, nothing re-uploaded, no package rebuilt.
    before = {p.name: p.stat().st_mtime_ns for p in outbox.iterdir()}
    again = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert (again.queued, again.pushed, again.already_there) == (0, 0, 3)
    assert {p.name: p.stat().st_mtime_ns for p in outbox.iterdir()} == before

    # Receipts: only a receipted package is "mottagen centralt".
    write_receipt(share, laptop.device_id, names[0])
    run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    states = {r.package_name: r.state for r in _outbox(laptop)}
    assert states[names[0]] == "receipted"
    assert [s for n, s in states.items() if n != names[0]] == ["verified", "verified"]
    with laptop.sessions() as session:
        overview = sync_overview(session)
        assert session.scalar(select(func.count()).select_from(SyncRun)) == 3
    assert [r.state_label for r in overview.sent].count("Mottagen centralt") == 1
    assert overview.waiting == [] and overview.problems == []


def test_package_deleted_on_share_is_pushed_again_with_same_bytes(
        make_laptop: Callable[..., Laptop]) -> None:
    laptop = make_laptop("a", keep=1)
    run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    share = Share(laptop.paths.default_share_dir)
    (row,) = _outbox(laptop)
    target = share.outbox_dir(laptop.device_id) / str(row.package_name)
    original = target.read_bytes()
    target.unlink()
    report = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert report.pushed == 1 and not report.failed
    assert target.read_bytes() == original  # rebuilt from the kept copy: same bytes, same name


def test_packages_kept_under_a_lost_key_are_rebuilt_with_the_new_one(
        make_laptop: Callable[..., Laptop]) -> None:
    """The laptop's key is lost (a new Windows profile) after two parts were
    finalized and kept but before they were sent: the sync builds them again
    with the new key, keeps those too, and the next sync finds them by name."""
    from app.services.share.signing import FALLBACK_KEY_FILE, load_or_create_key

    laptop = make_laptop("a", keep=2)
    old = load_or_create_key(laptop.device_id, laptop.paths.config_dir).key
    with laptop.sessions() as session:
        assert sync_outbox.queue_finalized(session, laptop.paths, laptop.settings, old).queued == 2
    before = {r.id: r for r in _outbox(laptop)}
    (laptop.paths.config_dir / FALLBACK_KEY_FILE).unlink()  # the key is gone

    report = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert not report.failed, report.lines()
    assert (report.pushed, report.already_there) == (2, 0)
    new = load_or_create_key(laptop.device_id, laptop.paths.config_dir).key
    assert new.key_id != old.key_id
    share = Share(laptop.paths.default_share_dir)
    trusted = load_trusted_keys(share)
    for row in _outbox(laptop):
        assert row.state == "verified" and row.last_error is None
        assert row.package_name != before[row.id].package_name  # signed anew: a new name
        on_share = share.outbox_dir(laptop.device_id) / str(row.package_name)
        package = read_package(on_share, trusted)
        assert package.key_id == new.key_id
        assert (laptop.paths.data_dir / str(row.local_file)).read_bytes() == on_share.read_bytes()
        old_copy = laptop.paths.data_dir / str(before[row.id].local_file)
        assert old_copy.is_file()  # the earlier kept copy is left alone
        assert read_package(on_share, trusted).members == \
            read_package(old_copy, {old.key_id: trusted_key(old)}).members

    again = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert not again.failed and (again.pushed, again.already_there) == (0, 2)


def test_a_rebuilt_package_found_damaged_on_the_share_is_repaired(
        make_laptop: Callable[..., Laptop]) -> None:
    """After a key loss the rebuilt package's name is already on the share,
    but its bytes there are damaged: the first sync says so, the next one
    reads that copy, moves it aside and sends the rebuilt package."""
    import hashlib

    from app.services.share.kept import manifest_of, meta_of
    from app.services.share.package import build_package, package_name
    from app.services.share.signing import FALLBACK_KEY_FILE, load_or_create_key

    laptop = make_laptop("a", keep=1)
    old = load_or_create_key(laptop.device_id, laptop.paths.config_dir).key
    with laptop.sessions() as session:
        assert sync_outbox.queue_finalized(session, laptop.paths, laptop.settings, old).queued == 1
    (row,) = _outbox(laptop)
    (laptop.paths.config_dir / FALLBACK_KEY_FILE).unlink()
    new = load_or_create_key(laptop.device_id, laptop.paths.config_dir).key
    kept = laptop.paths.data_dir / str(row.local_file)
    manifest = manifest_of(kept.read_bytes())
    members = sync_outbox._local_members(kept)()
    rebuilt = build_package(meta_of(manifest), members, new)
    name = package_name(meta_of(manifest), hashlib.sha256(rebuilt).hexdigest())
    share = Share(laptop.paths.default_share_dir)
    share.init(created_by_device=laptop.device_id, create_root=True)
    share.ensure_device(laptop.device_id)
    target = share.outbox_dir(laptop.device_id) / name
    target.write_bytes(rebuilt[:-7])  # there under the rebuilt name, cut short

    first = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert first.failed  # the copy there does not match: said, not hidden
    second = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert not second.failed, second.lines()
    assert target.read_bytes() == rebuilt
    (after,) = _outbox(laptop)
    assert after.package_name == name and after.state == "verified"
    assert (laptop.paths.data_dir / str(after.local_file)).read_bytes() == rebuilt


def trusted_key(key: object) -> object:
    from app.services.share.signing import TrustedKey

    return TrustedKey(key.device_id, key.key_id, key.public)  # type: ignore[attr-defined]


def test_conflict_is_kept_and_reported(make_laptop: Callable[..., Laptop],
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """The laptop's outbox record is lost (restored from an old backup) and the
    revision is packaged again at another device time: a different package for
    the same revision. Both stay on the share; the sync says so and fails."""
    laptop = make_laptop("a", keep=1)
    run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    (first,) = _outbox(laptop)
    with laptop.sessions() as session:
        session.execute(delete(OutboxEntry))
        session.commit()
    later = datetime.now().replace(microsecond=0) + timedelta(days=1)
    monkeypatch.setattr(sync_outbox, "now", lambda: later)
    code = cli_main(["sync", "--data-dir", str(laptop.paths.data_dir)])
    out = capsys.readouterr()
    assert code == 1
    assert "Konflikter: 1" in out.err
    outbox = Share(laptop.paths.default_share_dir).outbox_dir(laptop.device_id)
    (second,) = _outbox(laptop)
    assert second.state == "conflict" and second.package_name != first.package_name
    assert sorted(p.name for p in outbox.iterdir()) == sorted(
        [str(first.package_name), str(second.package_name)])
    assert str(first.package_name) in str(second.last_error)
    # Reported again on the next run, until a person resolves it.
    code = cli_main(["sync", "--data-dir", str(laptop.paths.data_dir)])
    assert code == 1 and "Konflikter: 1" in capsys.readouterr().err
    (still,) = _outbox(laptop)
    assert still.state == "conflict" and still.last_error == second.last_error


def test_missing_share_fails_in_swedish_and_marks_nothing_sent(
        make_laptop: Callable[..., Laptop], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "inte-monterad"
    laptop = make_laptop("a", keep=1, share=missing)
    code = cli_main(["sync", "--data-dir", str(laptop.paths.data_dir)])
    err = capsys.readouterr().err
    assert code == 1
    assert str(missing) in err and "Inget har gått förlorat" in err
    assert not missing.exists()  # a share that is set is never created
    assert all(r.state == "queued" for r in _outbox(laptop))
    # The same with --share: the argument wins over the setting.
    code = cli_main(["sync", "--data-dir", str(laptop.paths.data_dir),
                     "--share", str(tmp_path / "annan")])
    assert code == 1 and "annan" in capsys.readouterr().err
    assert not [r for r in _outbox(laptop) if r.state != "queued"]


def test_cli_summary_ok(make_laptop: Callable[..., Laptop], tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    share = Share(tmp_path / "share")
    share.init(created_by_device="centralen", create_root=True)
    laptop = make_laptop("a", keep=1)
    code = cli_main(["sync", "--data-dir", str(laptop.paths.data_dir), "--share", str(share.root)])
    out = capsys.readouterr().out
    assert code == 0
    for line in ("Skickade: 1", "Fanns redan: 0", "Hämtade", "Konflikter: 0", "Fel: 0"):
        assert line in out
    with zipfile.ZipFile(next(share.outbox_dir(laptop.device_id).iterdir())) as archive:
        assert archive.namelist()[0] == "manifest.json"


def test_cancel_before_push_leaves_rows_queued(make_laptop: Callable[..., Laptop]) -> None:
    laptop = make_laptop("a", keep=2)
    state = TaskState()

    def cancel_after_first(done: int, total: int, text: str) -> None:
        if text == "Förbereder paket" and done >= 1:
            state.request_cancel()

    state.on_progress = cancel_after_first
    report = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, state)
    assert report.cancelled and report.failed
    rows = _outbox(laptop)
    assert len(rows) == 1 and rows[0].state == "queued"
    outbox = Share(laptop.paths.default_share_dir).outbox_dir(laptop.device_id)
    assert not outbox.exists() or not list(outbox.iterdir())
    resumed = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert resumed.pushed == 2 and not resumed.failed


def test_followup_with_all_parts_verified_is_synkad_in_the_plan(
        make_laptop: Callable[..., Laptop]) -> None:
    from app.models.schedule import PlanEntry
    from app.models.visit import Visit, VisitPart
    from tests.sync_app.conftest import refinalize

    laptop = make_laptop("a")
    with laptop.sessions() as session:
        one_part = session.scalars(
            select(VisitPart.visit_id).group_by(VisitPart.visit_id)
            .having(func.count() == 1, func.min(VisitPart.status) == "faststalld")
            .order_by(VisitPart.visit_id.desc())).first()
        assert one_part is not None
        visit = session.get(Visit, one_part)
        assert visit is not None
        unit_id, year = visit.unit_id, visit.year
    refinalize(laptop, one_part, "sol")
    report = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert report.pushed == 2 and not report.failed, report.lines()
    with laptop.sessions() as session:
        statuses = set(session.scalars(select(PlanEntry.status).where(
            PlanEntry.unit_id == unit_id, PlanEntry.year == year)))
    assert "synkad" in statuses


def test_kept_manifest_is_read_fast_or_through_the_zip_directory(tmp_path: Path) -> None:
    from app.services.share.kept import manifest_of

    body = {"kind": "followup", "info": {"text": "åäö" * 50}}
    # A manifest larger than the first read (many attachments) comes through the directory.
    large = {"kind": "followup", "members": [{"name": f"attachments/{i:03d}", "sha256": "0" * 64}
                                             for i in range(400)]}
    assert len(json.dumps(large)) > 16 * 1024
    for name, method, manifest in (("stored.pkg", zipfile.ZIP_STORED, body),
                                   ("deflated.pkg", zipfile.ZIP_DEFLATED, body),
                                   ("large.pkg", zipfile.ZIP_STORED, large)):
        with zipfile.ZipFile(tmp_path / name, "w", method) as archive:
            archive.writestr("manifest.json", json.dumps(manifest))
            archive.writestr("followup.json", b"{}")
        assert manifest_of((tmp_path / name).read_bytes()) == manifest
    with pytest.raises(ValueError):
        manifest_of(b"PK\x03\x04 not a package at all")


def test_a_package_gone_from_the_share_meanwhile_is_sent_again_as_kept(
        make_laptop: Callable[..., Laptop], monkeypatch: pytest.MonkeyPatch) -> None:
    """The package is listed when the push reads the outbox rows, then removed
    (by IT, or moved aside) before the files are sent: the kept package goes
    again under its own name, never one built from nothing."""
    from app.services.share.signing import load_or_create_key

    laptop = make_laptop("a", keep=1)
    run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    (row,) = _outbox(laptop)
    share = Share(laptop.paths.default_share_dir)
    target = share.outbox_dir(laptop.device_id) / str(row.package_name)
    listed = Share.list_names

    def list_then_remove(self: Share, folder: Path) -> list[str]:
        names = listed(self, folder)
        if target.exists():
            target.unlink()
        return names

    monkeypatch.setattr(Share, "list_names", list_then_remove)
    key = load_or_create_key(laptop.device_id, laptop.paths.config_dir).key
    with laptop.sessions() as session:
        sync_outbox.push_outbox(session, laptop.paths, share, key)
    (after,) = _outbox(laptop)
    assert after.package_name == row.package_name and after.sha256 == row.sha256
    assert target.read_bytes() == (laptop.paths.data_dir / str(row.local_file)).read_bytes()


def test_a_package_damaged_on_the_share_is_repaired_by_the_next_syncs(
        make_laptop: Callable[..., Laptop]) -> None:
    laptop = make_laptop("a", keep=1)
    run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    (row,) = _outbox(laptop)
    share = Share(laptop.paths.default_share_dir)
    target = share.outbox_dir(laptop.device_id) / str(row.package_name)
    kept = (laptop.paths.data_dir / str(row.local_file)).read_bytes()
    damaged = bytearray(target.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    target.write_bytes(bytes(damaged))
    with laptop.sessions() as session:  # sent but not yet re-read: the next sync checks it
        session.execute(update(OutboxEntry).values(state="published"))
        session.commit()
    found = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert any("skadat" in e for e in found.errors)
    repaired = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert not repaired.failed, repaired.lines()
    assert target.read_bytes() == kept
    (after,) = _outbox(laptop)
    assert after.state == "verified" and after.last_error is None
    quarantined = list(share.quarantine_dir(laptop.device_id).iterdir())
    assert [q.read_bytes() for q in quarantined] == [bytes(damaged)]  # kept, never deleted
