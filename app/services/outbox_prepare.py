"""Preparing the outbox: a finalized part revision becomes its kept package.

Finalizing a part starts ``prepare_after_finalize`` off the UI thread, so
the PDF (~70 ms) is rendered and the package built, signed and kept under the
data dir while the officer works on; a later sync only pushes. ``catch_up``
(called by the sync through ``queue_finalized``) prepares whatever is still
pending: older data, or a preparation that failed or never ran. With many
pending it renders the PDFs in worker processes (outbox_render_worker.py).

Several callers may prepare the same revision at once: the background job
and a sync started at the same moment in this process, or ``uppfoljaren
sync`` in another process. So:
- in this process a lock per revision makes the second caller wait and then
  find the row the first one committed;
- across processes the unique constraint on (visit_id, part, revision)
  decides: the loser's insert fails, it rolls back, removes the file it
  wrote (unless it is byte for byte the winner's) and reports "already";
- the kept file is written atomically before its row is committed, so a row
  never names a half-written file. A crash in between leaves a file without a
  row, which is never pushed (the next preparation writes a new one).
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.durable_io import write_bytes_atomic
from app.errors import UserFacingError
from app.models.sync import OutboxEntry
from app.models.visit import PartRevision
from app.paths import AppPaths
from app.services.process_pool import in_processes
from app.services.share.package import build_package, package_name
from app.services.share.signing import SigningKey, load_or_create_key
from app.services.sync_outbox import (
    PACKAGES_SUBDIR,
    QueueResult,
    _meta,
    build_members,
    now,
    packages_dir,
    pending_revisions,
)
from app.services.task_state import TaskState
from app.settings import Settings

log = logging.getLogger(__name__)

Revision = tuple[str, str, int]  # visit id, part, revision
# Below this many pending revisions, starting worker processes (~1 s each on
# a slow laptop) costs more than rendering here saves.
MIN_PARALLEL = 12

_GUARD = threading.Lock()
_LOCKS: dict[Revision, tuple[threading.Lock, int]] = {}


@dataclass(frozen=True)
class Prepared:
    """What one preparation did: "queued" (this call built and recorded the
    package), "already" (someone else had, or did meanwhile) or "failed"."""

    status: str
    package_name: str | None = None
    error: str | None = None


@contextmanager
def _revision_lock(rev: Revision) -> Iterator[None]:
    """One preparer per revision in this process; the lock is dropped when
    nobody holds or waits for it, so the table never grows."""
    with _GUARD:
        lock, users = _LOCKS.get(rev, (threading.Lock(), 0))
        _LOCKS[rev] = (lock, users + 1)
    try:
        with lock:
            yield
    finally:
        with _GUARD:
            lock, users = _LOCKS[rev]
            if users == 1:
                del _LOCKS[rev]
            else:
                _LOCKS[rev] = (lock, users - 1)


def _recorded(session: Session, rev: Revision) -> str | None:
    """The package name recorded for ``rev`` ("" for a row without one), or None."""
    row = session.execute(select(OutboxEntry.package_name).where(
        OutboxEntry.visit_id == rev[0], OutboxEntry.part == rev[1],
        OutboxEntry.revision == rev[2])).first()
    return None if row is None else (row[0] or "")


def _recorded_or_unknown(session: Session, rev: Revision) -> str | None:
    """``_recorded``, or the name ``_discard`` never removes when the database
    cannot be read now (a file is only removed when known to be unused)."""
    try:
        return _recorded(session, rev)
    except OperationalError:
        session.rollback()
        return _KEEP


_KEEP = "\x00keep"


def _failure(rev: Revision, exc: BaseException) -> str:
    return (f"Uppföljning {rev[0]} del {rev[1]} revision {rev[2]} kunde inte paketeras: "
            f"{exc} Den finns kvar lokalt.")


def _discard(target: Path, winner: str | None) -> None:
    """Remove the file a losing preparer wrote, unless the winner recorded the
    very same name (same meta, members and key give the same bytes)."""
    if winner in (target.name, _KEEP):
        return
    try:
        target.unlink()
    except OSError as exc:  # left behind, never pushed: it has no row
        log.warning("could not remove the unused package %s: %s", target, exc)


def prepare_revision(session: Session, paths: AppPaths, settings: Settings, key: SigningKey,
                     rev: Revision, *, report: bytes | None = None) -> Prepared:
    """Build, keep and record the package of one finalized revision, unless it
    is recorded already. ``report``: its PDF if rendered elsewhere. Commits
    (the session's pending work too) and never raises for a package problem:
    the outcome says what happened, and the next sync tries a failure again."""
    with _revision_lock(rev):
        session.commit()  # a fresh read: what other connections committed counts
        if _recorded(session, rev) is not None:
            session.rollback()
            return Prepared("already")
        try:
            members, snapshot = build_members(session, paths, settings, *rev, report=report)
            meta = _meta(session, key.device_id, *rev, snapshot)
            data = build_package(meta, members, key)
        except (UserFacingError, ValueError, OSError) as exc:
            session.rollback()
            return Prepared("failed", error=_failure(rev, exc))
        # End the reads, so the insert below starts a transaction of its own:
        # in WAL mode a read transaction that another process wrote past
        # cannot become a write, while a fresh one waits for the lock.
        session.rollback()
        sha = hashlib.sha256(data).hexdigest()
        name = package_name(meta, sha)
        target = packages_dir(paths) / name
        try:
            write_bytes_atomic(target, data)
        except OSError as exc:
            return Prepared("failed", error=_failure(rev, exc))
        session.add(OutboxEntry(visit_id=rev[0], part=rev[1], revision=rev[2],
                                package_name=name, sha256=sha,
                                local_file=(PACKAGES_SUBDIR / name).as_posix(),
                                state="queued", queued_at=now()))
        try:
            session.commit()
        except IntegrityError:  # another process recorded it first: theirs stands
            session.rollback()
            _discard(target, _recorded_or_unknown(session, rev))
            session.rollback()
            return Prepared("already")
        except OperationalError as exc:  # the database stayed locked: next time
            session.rollback()
            # Not removed: another process may have recorded this very name
            # meanwhile (same second, same bytes). A file no row names is
            # never pushed, and the next preparation writes it again.
            return Prepared("failed", error=_failure(rev, exc.orig or exc))
        return Prepared("queued", name)


def signing_key(settings: Settings, paths: AppPaths) -> SigningKey:
    """This laptop's signing key, as the sync loads it."""
    loaded = load_or_create_key(settings.device_id, paths.config_dir)
    if loaded.warning:
        log.info("signing key: %s", loaded.warning)
    return loaded.key


def prepare_after_finalize(sessions: sessionmaker[Session], paths: AppPaths, settings: Settings,
                           visit_id: str, part: str, revision: int) -> Prepared:
    """The package of a revision just finalized (run off the UI thread, with
    its own session). A revision without a stored snapshot is not sent."""
    with sessions() as session:
        frozen = session.scalar(select(PartRevision.id).where(
            PartRevision.visit_id == visit_id, PartRevision.part == part,
            PartRevision.revision == revision, PartRevision.finalized_at.is_not(None),
            PartRevision.snapshot.is_not(None)))
        if frozen is None:
            return Prepared("failed", error=_failure(
                (visit_id, part, revision), "Revisionen är inte fastställd."))
        return prepare_revision(session, paths, settings, signing_key(settings, paths),
                                (visit_id, part, revision))


@dataclass
class _Renderer:
    """The catch-up's report PDFs: rendered in worker processes when there
    are many, else (or for any that a worker cannot do) None, and
    ``prepare_revision`` renders it here."""

    database: Path | None
    organisation: str
    logo: str | None
    workers: int

    def ahead(self, todo: list[Revision], state: TaskState | None
              ) -> Iterator[tuple[Revision, bytes | None]]:
        if self.workers < 2 or len(todo) < MIN_PARALLEL or not _readable(self.database):
            yield from ((rev, None) for rev in todo)
            return
        from app.services import outbox_render_worker

        def render(rev: Revision) -> tuple[Callable[..., bytes | None], tuple[Any, ...]]:
            return outbox_render_worker.render_revision, (*rev, self.organisation, self.logo)

        # A report a worker could not render, or every one left when the
        # workers failed, comes back as None: prepare_revision renders it here.
        for rev, report, _by_worker in in_processes(
                todo, render, workers=self.workers,
                initializer=outbox_render_worker.init_worker, initargs=(str(self.database),),
                cancelled=lambda: state is not None and state.cancel_requested):
            yield rev, report


def _readable(database: Path | None) -> bool:
    """Whether workers can read the database as it is (not on a network
    drive, at the current schema): else they would only hand every report back."""
    from app.services.report_fast import connect_read_only

    conn = connect_read_only(database)
    if conn is None:
        return False
    conn.close()
    return True


def catch_up_workers() -> int:
    """Worker processes for the catch-up: none on one core. (The bundle's
    launcher calls ``multiprocessing.freeze_support``, so its children become
    workers; where they cannot start, ``ahead`` renders here instead.)"""
    cpus = os.cpu_count() or 1
    if cpus < 2:
        return 0
    return min(4, max(2, cpus - 1))


def catch_up(session: Session, paths: AppPaths, settings: Settings, key: SigningKey,
             state: TaskState | None = None, *, workers: int | None = None) -> QueueResult:
    """Prepare every finalized revision not in the outbox yet (the sync's
    first step). ``workers`` None: ``catch_up_workers()``."""
    from app.services.report import sqlite_file

    result = QueueResult()
    todo = pending_revisions(session)
    if not todo:
        return result
    logo = settings.logo_path if settings.logo_path and Path(settings.logo_path).is_file() else None
    renderer = _Renderer(sqlite_file(session), settings.organisation_name, logo,
                         catch_up_workers() if workers is None else workers)
    for done, (rev, report) in enumerate(renderer.ahead(todo, state), start=1):
        if state is not None and state.cancel_requested:
            break
        outcome = prepare_revision(session, paths, settings, key, rev, report=report)
        if outcome.status == "queued":
            result.queued += 1
        elif outcome.error:
            result.errors.append(outcome.error)
        if state is not None:
            state.report(done, len(todo), "Förbereder paket")
    return result
