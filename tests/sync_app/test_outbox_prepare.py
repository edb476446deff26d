"""Preparing outbox packages ahead of the sync: exactly one row and one kept
package per revision whoever races for it, failures left for the sync to
report, and the parallel catch-up printing the same PDFs as the serial one."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.durable_io import write_bytes_atomic
from app.errors import UserFacingError
from app.models.sync import OutboxEntry
from app.models.visit import PartRevision, VisitPart
from app.services import outbox_prepare, outbox_render_worker, report, sync_attachments
from app.services.outbox_prepare import Revision, catch_up, prepare_revision, signing_key
from app.services.report_fast import connect_read_only
from app.services.share.package import build_package, package_name, read_package
from app.services.share.signing import SigningKey, TrustedKey
from app.services.sync import run_sync
from app.services.sync_outbox import (
    PACKAGES_SUBDIR,
    REPORT_MEMBER,
    _meta,
    build_members,
    packages_dir,
    pending_revisions,
)
from app.services.task_state import TaskState
from app.services.visits.snapshot import canonical_json, digest, live_snapshot
from tests.sync_app.child_prepare import warm_up
from tests.sync_app.conftest import Laptop


def _rows(laptop: Laptop) -> list[OutboxEntry]:
    with laptop.sessions() as session:
        rows = list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.id)))
        session.expunge_all()
    return rows


def _kept_files(laptop: Laptop) -> list[Path]:
    folder = packages_dir(laptop.paths)
    return sorted(folder.iterdir()) if folder.is_dir() else []


def _check_kept(laptop: Laptop, row: OutboxEntry, key: SigningKey) -> None:
    """The row's kept file is whole, has the recorded SHA-256 and verifies."""
    path = laptop.paths.data_dir / str(row.local_file)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == row.sha256
    trusted = {key.key_id: TrustedKey(key.device_id, key.key_id, key.public)}
    package = read_package(path, trusted)
    assert package.members[REPORT_MEMBER].startswith(b"%PDF")


def _one_pending(laptop: Laptop) -> tuple[Revision, SigningKey]:
    with laptop.sessions() as session:
        (rev,) = pending_revisions(session)
    return tuple(rev), signing_key(laptop.settings, laptop.paths)  # type: ignore[return-value]


def test_two_threads_preparing_one_revision_make_one_row_and_one_package(
        make_laptop: Callable[..., Laptop], monkeypatch: pytest.MonkeyPatch) -> None:
    laptop = make_laptop("a", keep=1)
    rev, key = _one_pending(laptop)
    both_started = threading.Barrier(2)
    real_build = outbox_prepare.build_members
    builds: list[Revision] = []

    def counting_build(*args: Any, **kw: Any) -> Any:
        builds.append(rev)
        return real_build(*args, **kw)

    monkeypatch.setattr(outbox_prepare, "build_members", counting_build)
    outcomes: list[str] = []

    def prepare() -> None:
        with laptop.sessions() as session:
            both_started.wait()
            outcomes.append(prepare_revision(session, laptop.paths, laptop.settings, key,
                                             rev).status)

    threads = [threading.Thread(target=prepare) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes) == ["already", "queued"]
    assert len(builds) == 1  # the second caller waited and found it done
    (row,) = _rows(laptop)
    assert (row.visit_id, row.part, row.revision) == rev
    assert _kept_files(laptop) == [laptop.paths.data_dir / str(row.local_file)]
    _check_kept(laptop, row, key)


@pytest.mark.parametrize("same_bytes", [False, True])
def test_another_process_recording_first_wins_and_the_loser_finds_it_done(
        make_laptop: Callable[..., Laptop], monkeypatch: pytest.MonkeyPatch,
        same_bytes: bool) -> None:
    """Another process (here: another connection) records the revision between
    this preparer's check and its insert; the unique constraint refuses ours."""
    laptop = make_laptop("a", keep=1)
    rev, key = _one_pending(laptop)
    theirs: list[str] = []

    def other_process_first(target: Path, data: bytes) -> None:
        if not theirs:
            with laptop.sessions() as other:
                members, snapshot = build_members(other, laptop.paths, laptop.settings, *rev)
                meta = _meta(other, key.device_id, *rev, snapshot)
                if not same_bytes:
                    meta = replace(meta, device_time="2026-01-01T08:00:00")
                package = build_package(meta, members, key)
                sha = hashlib.sha256(package).hexdigest()
                name = package_name(meta, sha)
                write_bytes_atomic(packages_dir(laptop.paths) / name, package)
                other.add(OutboxEntry(visit_id=rev[0], part=rev[1], revision=rev[2],
                                      package_name=name, sha256=sha, state="queued",
                                      local_file=(PACKAGES_SUBDIR / name).as_posix(),
                                      queued_at=outbox_prepare.now()))
                other.commit()
                theirs.append(name)
        write_bytes_atomic(target, data)

    fixed = outbox_prepare.now()
    monkeypatch.setattr("app.services.sync_outbox.now", lambda: fixed)  # same second for both
    monkeypatch.setattr(outbox_prepare, "write_bytes_atomic", other_process_first)
    with laptop.sessions() as session:
        outcome = prepare_revision(session, laptop.paths, laptop.settings, key, rev)
    assert outcome.status == "already"
    (row,) = _rows(laptop)
    assert row.package_name == theirs[0]
    # Our different package was removed; an identical one is the winner's file.
    assert _kept_files(laptop) == [laptop.paths.data_dir / str(row.local_file)]
    _check_kept(laptop, row, key)
    report_ = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert not report_.failed, report_.lines()
    assert (report_.queued, report_.pushed) == (0, 1)


def test_a_failed_preparation_records_nothing_and_the_sync_reports_it(
        make_laptop: Callable[..., Laptop], monkeypatch: pytest.MonkeyPatch) -> None:
    laptop = make_laptop("a", keep=1)
    rev, key = _one_pending(laptop)

    def unreadable(_paths: object, _snapshot: object) -> dict[str, bytes]:
        raise UserFacingError("Bilagan foto.jpg kan inte läsas.")

    monkeypatch.setattr(sync_attachments, "attachment_members", unreadable)
    with laptop.sessions() as session:
        outcome = prepare_revision(session, laptop.paths, laptop.settings, key, rev)
    assert outcome.status == "failed" and "Bilagan foto.jpg" in str(outcome.error)
    assert _rows(laptop) == [] and _kept_files(laptop) == []
    failed = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert failed.failed and any("kunde inte paketeras" in e for e in failed.errors)
    monkeypatch.undo()  # the file is back: the next sync sends it
    fixed = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert not fixed.failed, fixed.lines()
    assert (fixed.queued, fixed.pushed) == (1, 1)


def _freeze_visits(session: Session, visits: int) -> list[str]:
    """Store the snapshot of every part of ``visits`` follow-ups finalized at
    revision 1 (as finalizing does), so they print from snapshots alone."""
    chosen: list[str] = []
    for visit_id in session.scalars(select(VisitPart.visit_id).where(
            VisitPart.status == "faststalld", VisitPart.revision == 1).distinct()
            .order_by(VisitPart.visit_id)):
        parts = session.scalars(select(PartRevision).where(
            PartRevision.visit_id == visit_id)).all()
        if len(parts) < 2 or any(p.revision != 1 or p.finalized_at is None for p in parts):
            continue
        for rev in parts:
            text = canonical_json(live_snapshot(session, rev.visit_id, rev.part))
            rev.snapshot, rev.sha256 = text, digest(text)
        chosen.append(visit_id)
        if len(chosen) == visits:
            break
    session.commit()
    return chosen


def test_parallel_catch_up_prints_the_same_reports_as_the_serial_path(
        make_laptop: Callable[..., Laptop], monkeypatch: pytest.MonkeyPatch) -> None:
    laptop = make_laptop("a", keep=0)
    with laptop.sessions() as session:
        assert len(_freeze_visits(session, 3)) == 3
        todo = pending_revisions(session)
        expected = {tuple(rev): report.report_pdf_for_part_revision(
            session, *rev, organisation=laptop.settings.organisation_name, logo=None)
            for rev in todo}
    assert len(expected) == 6
    # The worker's mapping, in this process: the same bytes.
    conn = connect_read_only(laptop.paths.database)
    assert conn is not None
    from app.templates.report import render_report_bytes

    for rev, pdf in expected.items():
        data = outbox_render_worker.revision_report_data(
            conn, *rev, organisation=laptop.settings.organisation_name, logo=None)
        assert data is not None and render_report_bytes(data) == pdf
    conn.close()
    # Through two worker processes: nothing is rendered in this one.
    parent_renders: list[object] = []
    real = report.report_pdf_for_part_revision
    monkeypatch.setattr(report, "report_pdf_for_part_revision",
                        lambda *a, **kw: parent_renders.append(a) or real(*a, **kw))
    monkeypatch.setattr(outbox_prepare, "MIN_PARALLEL", 1)
    key = signing_key(laptop.settings, laptop.paths)
    with laptop.sessions() as session:
        result = catch_up(session, laptop.paths, laptop.settings, key, TaskState(), workers=2)
    assert (result.queued, result.errors, parent_renders) == (6, [], [])
    rows = _rows(laptop)
    assert len(rows) == 6 and len(_kept_files(laptop)) == 6
    for row in rows:
        with zipfile.ZipFile(laptop.paths.data_dir / str(row.local_file)) as archive:
            assert archive.read(REPORT_MEMBER) == expected[(row.visit_id, row.part, row.revision)]
        _check_kept(laptop, row, key)


def test_a_revision_the_workers_cannot_print_is_rendered_here(
        make_laptop: Callable[..., Laptop], monkeypatch: pytest.MonkeyPatch) -> None:
    """The other part bulk-loaded without a snapshot: the normal path prints it."""
    laptop = make_laptop("a", keep=0)
    with laptop.sessions() as session:
        first, second = _freeze_visits(session, 2)
        other = session.scalar(select(PartRevision).where(PartRevision.visit_id == second,
                                                          PartRevision.part == "hsl"))
        assert other is not None
        other.snapshot = None
        session.commit()
    parent_renders: list[tuple[Any, ...]] = []
    real = report.report_pdf_for_part_revision
    monkeypatch.setattr(report, "report_pdf_for_part_revision",
                        lambda *a, **kw: parent_renders.append(a[1:]) or real(*a, **kw))
    monkeypatch.setattr(outbox_prepare, "MIN_PARALLEL", 1)
    key = signing_key(laptop.settings, laptop.paths)
    with laptop.sessions() as session:
        result = catch_up(session, laptop.paths, laptop.settings, key, TaskState(), workers=2)
    assert (result.queued, result.errors) == (3, [])
    assert parent_renders == [(second, "sol", 1)]
    assert {r.visit_id for r in _rows(laptop)} == {first, second}
    for row in _rows(laptop):
        _check_kept(laptop, row, key)


def test_two_programs_and_a_thread_catching_up_at_once_record_each_revision_once(
        make_laptop: Callable[..., Laptop]) -> None:
    """The window's preparation and two `uppfoljaren sync` processes, all at once."""
    laptop = make_laptop("a", keep=4)
    key = signing_key(laptop.settings, laptop.paths)  # created once, shared by all
    go = laptop.paths.data_dir / "go"
    root = Path(__file__).resolve().parents[2]
    children = [subprocess.Popen(
        [sys.executable, "-m", "tests.sync_app.child_prepare", str(laptop.paths.data_dir),
         str(go)], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)]
    with laptop.sessions() as session:
        warm_up(session, laptop.settings)
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "READY"
    go.touch()
    with laptop.sessions() as session:
        here = catch_up(session, laptop.paths, laptop.settings, key, workers=0)
    queued, errors = here.queued, list(here.errors)
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        queued += sum(int(line.split()[1]) for line in out.splitlines()
                      if line.startswith("QUEUED "))
        errors += [line for line in out.splitlines() if line.startswith("ERR ")]
    assert (queued, errors) == (4, [])
    rows = _rows(laptop)
    assert len({(r.visit_id, r.part, r.revision) for r in rows}) == len(rows) == 4
    assert _kept_files(laptop) == sorted(laptop.paths.data_dir / str(r.local_file) for r in rows)
    for row in rows:
        _check_kept(laptop, row, key)


def test_a_preparer_locked_out_of_the_database_leaves_the_winners_package(
        make_laptop: Callable[..., Laptop], monkeypatch: pytest.MonkeyPatch) -> None:
    """Two processes build the same package in the same second; the loser's
    commit then times out on the database lock. The winner recorded that very
    file name: it must still be there afterwards."""
    import contextlib
    from datetime import datetime

    from sqlalchemy.exc import OperationalError

    from app.services import sync_outbox

    laptop = make_laptop("a", keep=1)
    fixed = datetime(2026, 11, 24, 8, 0, 0)
    monkeypatch.setattr(sync_outbox, "now", lambda: fixed)
    monkeypatch.setattr(outbox_prepare, "now", lambda: fixed)
    monkeypatch.setattr(outbox_prepare, "_revision_lock", lambda r: contextlib.nullcontext())
    with laptop.sessions() as session:
        (rev,) = [tuple(r) for r in pending_revisions(session)]
    key = signing_key(laptop.settings, laptop.paths)
    real_recorded = outbox_prepare._recorded
    winner_done: list[str] = []

    def recorded(session: Session, r: Revision) -> str | None:
        if not winner_done:  # the other process wins between this check and the insert
            monkeypatch.setattr(outbox_prepare, "_recorded", real_recorded)
            with laptop.sessions() as other:
                won = prepare_revision(other, laptop.paths, laptop.settings, key, rev)
            assert won.status == "queued"
            winner_done.append(won.package_name or "")
            monkeypatch.setattr(outbox_prepare, "_recorded", recorded)
            return None
        return real_recorded(session, r)

    monkeypatch.setattr(outbox_prepare, "_recorded", recorded)
    with laptop.sessions() as session:
        real_commit = session.commit
        commits: list[int] = []

        def commit() -> None:
            commits.append(1)
            if len(commits) == 2:  # the insert's commit: "database is locked"
                raise OperationalError("COMMIT", {}, Exception("database is locked"))
            real_commit()

        monkeypatch.setattr(session, "commit", commit)
        lost = prepare_revision(session, laptop.paths, laptop.settings, key, rev)
    assert lost.status == "failed"
    with laptop.sessions() as session:
        (row,) = session.scalars(select(OutboxEntry)).all()
    assert row.package_name == winner_done[0]
    assert (laptop.paths.data_dir / str(row.local_file)).is_file()
