"""Push every finalized revision the DB layer hands over, one package each.

Cancel-safe between packages: a cancel request is honoured before the next
package is started (the few already in flight and the current batch
finish), and a package that was started is either published whole or not
visible at all (``batch``: temp name, one flush per batch, no-replace link). A second run
with nothing new costs one listdir of the device's outbox (plus one of its
tmp folder for stale temps) and set lookups, when the DB layer passes the
names it recorded at the last push.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from app.services.share.batch import (
    BATCH_MAX_BYTES,
    BATCH_MAX_PACKAGES,
    ReadBuffer,
    Staged,
    commit,
    drop,
    flush,
    prepare,
)
from app.services.share.errors import (
    PackageError,
    ShareError,
    ShareFullError,
    SharePermissionError,
    ShareUnavailableError,
    translate_os_error,
)
from app.services.share.kept import kept_parts
from app.services.share.layout import Share
from app.services.share.package import (
    DEFAULT_LIMITS,
    PackageLimits,
    PackageMeta,
    build_package_parts,
    package_name,
)
from app.services.share.publish import (
    FolderIndex,
    PublishResult,
    clean_stale_temps,
    sync_folder_now,
)
from app.services.share.push_items import ItemOutcome, PushItem, SyncSummary, record_outcome
from app.services.share.signing import SigningKey, publish_public_key

# After these, every further package would fail the same way: stop the run.
_FATAL = (ShareUnavailableError, ShareFullError, SharePermissionError)


def push_all(
    share: Share,
    device_id: str,
    key: SigningKey,
    items: Iterable[PushItem],
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    verify_existing: bool = False,
    limits: PackageLimits | None = None,
    workers: int | None = None,
) -> SyncSummary:
    """Publish each item; never raises for share faults, which go to ``errors``
    (Swedish). ``progress(done, total)`` gets total 0 when ``items`` has no len.

    Up to ``workers`` packages (default: see ``_workers``) are built and
    written to temp names at once (hashing and writes release the GIL); they
    are then flushed, linked and
    read back in batches (``batch``: one file-system flush per batch where the
    share allows it). Results come back in input order. The outbox folder is
    fsynced once at the end, before returning, so the DB layer may record
    every "pushed" result as durable on the share.
    """
    summary = SyncSummary()
    total = len(items) if hasattr(items, "__len__") else 0  # type: ignore[arg-type]
    outbox = share.outbox_dir(device_id)
    try:
        share.check()
        share.ensure_device(device_id)
        summary.stale_temps_removed = clean_stale_temps(share, device_id)
        index = FolderIndex(share.list_names(outbox))
        handle = _open_flush_handle(share, device_id)
    except ShareError as exc:
        summary.errors.append(str(exc))
        return summary
    try:
        _Run(share, device_id, key, index, handle, summary, progress, total,
             limits if limits is not None else DEFAULT_LIMITS, verify_existing).run(
            items, cancel, _workers(workers, handle))
    finally:
        if handle is not None:
            try:
                share.fs.close(handle)
            except OSError:
                pass  # a read-only folder handle: nothing can be lost by failing to close it
    if summary.pushed or summary.repaired or summary.conflicts:
        try:
            sync_folder_now(share, outbox)
        except ShareError as exc:
            if not summary.errors:  # after a fatal error the one message already says it
                summary.errors.append(str(exc))
    return summary


def _workers(asked: int | None, handle: int | None) -> int:
    """How many packages to build and write at once. On a network share
    (one fsync per file) each package waits for the server, so 8 hide that
    latency; on a local disk the work is hashing and copying, where threads
    beyond the CPUs only fight over the GIL."""
    if asked is not None:
        return max(1, asked)
    if handle is None:
        return 8
    return min(8, (os.cpu_count() or 1) + 1)


def _open_flush_handle(share: Share, device_id: str) -> int | None:
    folder = share.tmp_dir(device_id)
    try:
        return share.fs.open_flush_handle(folder)
    except OSError as exc:
        raise translate_os_error(exc, folder, "öppna") from exc


@dataclass
class _Entry:
    """One item's way through the run: a result or error now, or a temp
    file waiting for its batch's flush."""

    meta: PackageMeta
    outcome: ItemOutcome | None = None
    staged: Staged | None = None
    fatal: bool = False
    flushes_before: int = 0  # batch flushes finished when its temp was begun


class _Run:
    """One push: workers build and stage packages; this thread collects them
    in input order and commits them a batch at a time."""

    def __init__(self, share: Share, device_id: str, key: SigningKey, index: FolderIndex,
                 handle: int | None, summary: SyncSummary,
                 progress: Callable[[int, int], None] | None, total: int,
                 limits: PackageLimits, verify_existing: bool) -> None:
        self.share, self.device_id, self.key, self.index = share, device_id, key, index
        self.handle, self.summary, self.progress, self.total = handle, summary, progress, total
        self.limits, self.verify_existing = limits, verify_existing
        self.outbox = share.outbox_dir(device_id)
        self.batch: list[_Entry] = []
        self.reader = ReadBuffer()
        self.batch_packages = self.batch_bytes = 0
        self.done = 0
        self.stop = False  # a fatal error was recorded: later errors add no message
        self.halt = False  # a fatal error was seen: start no further item
        # Batches are committed on one thread of their own while the next
        # batch is built: the flush waits for the disk, the build for the CPU.
        # Results are still recorded (summary, progress callback) on the
        # caller's thread, in input order, when the commit is collected.
        self.committer: ThreadPoolExecutor | None = None
        # A failed flush reports the file system's write-back error once, and
        # it may belong to a temp of the next batch being written meanwhile:
        # every temp begun before a failed flush ended is treated as failed.
        self.flushes_done = 0
        self.failed_flushes: list[tuple[int, ShareError]] = []
        self.committing: tuple[Future[None], list[_Entry]] | None = None

    def work(self, item: PushItem) -> _Entry:
        flushes_before = self.flushes_done
        try:
            if item.package is not None:
                parts, sha256 = kept_parts(item.package, item.known_name, item.known_sha256,
                                           item.meta, item.members, self.key, self.limits)
            else:
                members = item.members() if callable(item.members) else item.members
                if not members:  # a package is never just a manifest
                    raise ValueError("inga filer att paketera")
                parts = build_package_parts(item.meta, members, self.key, self.limits)
                digest = hashlib.sha256()
                for part in parts:  # the package is never assembled in memory
                    digest.update(part)
                sha256 = digest.hexdigest()
            prepared = prepare(self.share, self.device_id, package_name(item.meta, sha256), parts,
                               self.index, self.verify_existing or item.verify,
                               self.handle is None, sha256)
        except _FATAL as exc:
            return _Entry(item.meta, ItemOutcome(item.meta, None, str(exc)), fatal=True)
        except ShareError as exc:
            return _Entry(item.meta, ItemOutcome(item.meta, None, str(exc)))
        except ValueError as exc:
            return _Entry(item.meta, ItemOutcome(item.meta, None, _bad_item(item.meta, exc)))
        if isinstance(prepared, Staged):
            return _Entry(item.meta, staged=prepared, flushes_before=flushes_before)
        return _Entry(item.meta, ItemOutcome(item.meta, prepared))

    def run(self, items: Iterable[PushItem], cancel: Callable[[], bool] | None,
            workers: int) -> None:
        pending: deque[Future[_Entry] | _Entry] = deque()
        building = 0  # futures in ``pending``
        key_published = False

        def collect_oldest() -> None:
            nonlocal building
            head = pending.popleft()
            if isinstance(head, Future):
                building -= 1
                head = head.result()
            self.collect(head)

        def ready() -> bool:
            return bool(pending) and (not isinstance(pending[0], Future) or pending[0].done())

        try:
            with ThreadPoolExecutor(max_workers=workers) as pool, \
                    ThreadPoolExecutor(max_workers=1) as committer:
                self.committer = committer
                for item in items:
                    if self.halt:
                        break
                    if cancel is not None and cancel():
                        self.summary.cancelled = True
                        break
                    if (item.known_name is not None and item.known_name in self.index
                            and not (self.verify_existing or item.verify)):
                        sha = item.known_sha256 or item.known_name.split(".")[-2]
                        result = PublishResult("already_there", item.known_name,
                                               self.outbox / item.known_name, sha)
                        pending.append(_Entry(item.meta, ItemOutcome(item.meta, result)))
                    else:
                        if not key_published:
                            try:
                                publish_public_key(self.share, self.key)
                            except ShareError as exc:
                                self.summary.errors.append(str(exc))
                                break
                            key_published = True
                        pending.append(pool.submit(self.work, item))
                        building += 1
                    # At most ``workers`` packages being built at once; results in order.
                    while building >= workers or ready():
                        collect_oldest()
                while pending:
                    collect_oldest()
                self.hand_over()
                self.wait_committed()
        finally:
            # Only has work after an unexpected exception: temps written by
            # this run must not wait for a later run's stale-temp cleanup.
            # (The committer's own batch was finished or dropped by commit_batch.)
            left = [e.staged for e in self.batch if e.staged is not None]
            for head in pending:
                entry = head if isinstance(head, _Entry) else None
                if isinstance(head, Future) and head.done() and head.exception() is None:
                    entry = head.result()
                if entry is not None and entry.staged is not None:
                    left.append(entry.staged)
            drop(self.share, left)

    def collect(self, entry: _Entry) -> None:
        self.batch.append(entry)
        self.halt = self.halt or entry.fatal
        if entry.staged is not None:
            self.batch_packages += 1
            self.batch_bytes += entry.staged.size
            # Without a whole-file-system flush (Windows, network shares) every
            # file is already fsynced: nothing to gain from waiting, and the
            # progress shown keeps pace with a slow share.
            if (self.handle is None or self.batch_packages >= BATCH_MAX_PACKAGES
                    or self.batch_bytes >= BATCH_MAX_BYTES):
                self.hand_over()

    def hand_over(self) -> None:
        """Give the collected batch to the committer, after the one before it
        is done (so at most two batches are held in memory, and results are
        recorded in input order). Without a whole-file-system flush each file
        was fsynced while staging and the commit is done here at once."""
        # Before the swap: if collecting the previous batch raises, this one is
        # still in ``self.batch``, whose temps the run's ``finally`` removes.
        self.wait_committed()
        batch, self.batch = self.batch, []
        self.batch_packages = self.batch_bytes = 0
        if not batch:
            return
        if self.handle is None or self.committer is None:
            self.commit_batch(batch)
            self.record_batch(batch)
        else:
            self.committing = (self.committer.submit(self.commit_batch, batch), batch)

    def wait_committed(self) -> None:
        """Wait for the batch being committed (its unexpected error is raised
        here) and record its results."""
        committing, self.committing = self.committing, None
        if committing is not None:
            future, batch = committing
            future.result()
            self.record_batch(batch)

    def record_batch(self, batch: list[_Entry]) -> None:
        for entry in batch:
            assert entry.outcome is not None
            self.record(entry.outcome, entry.fatal)

    def commit_batch(self, batch: list[_Entry]) -> None:
        """Flush, link and read back one batch (on the committer thread): each
        entry gets its outcome, which ``record_batch`` records later."""
        staged = [e.staged for e in batch if e.staged is not None]
        flush_error: ShareError | None = None
        try:
            flush(self.share, self.handle, staged, self.share.tmp_dir(self.device_id))
        except ShareError as exc:
            flush_error = exc  # flush() removed every temp of the batch
        if staged and self.handle is not None:
            self.flushes_done += 1
            if flush_error is not None:
                self.failed_flushes.append((self.flushes_done, flush_error))
        for position, entry in enumerate(batch):
            if entry.staged is not None:
                error = flush_error or self._failed_flush_since(entry)
                if error is not None:
                    if flush_error is None:
                        drop(self.share, [entry.staged])
                    entry.outcome = ItemOutcome(entry.meta, None, str(error))
                    entry.fatal = isinstance(error, _FATAL)
                else:
                    try:
                        result = commit(self.share, self.device_id, entry.staged, self.index,
                                        self.reader)
                        entry.outcome = ItemOutcome(entry.meta, result)
                    except ShareError as exc:
                        entry.outcome = ItemOutcome(entry.meta, None, str(exc))
                        entry.fatal = isinstance(exc, _FATAL)
                    except BaseException:
                        drop(self.share, [e.staged for e in batch[position + 1:]
                                          if e.staged is not None])
                        raise
            # The share is full, gone or refuses writes: the builders start
            # nothing more now, not only once this batch is collected.
            self.halt = self.halt or entry.fatal

    def _failed_flush_since(self, entry: _Entry) -> ShareError | None:
        """The error of a flush that failed after this entry's temp was begun
        (before its own batch's flush), or None."""
        for number, error in self.failed_flushes:
            if number > entry.flushes_before:
                return error
        return None

    def record(self, outcome: ItemOutcome, fatal: bool) -> None:
        if self.stop and outcome.result is None:
            # The share already failed for the whole run: one message is enough.
            self.summary.results.append(outcome)
        else:
            record_outcome(self.summary, outcome)
        self.stop = self.stop or fatal
        self.halt = self.halt or fatal
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)


def _bad_item(meta: PackageMeta, exc: Exception) -> str:
    return (
        f"Uppföljning {meta.followup_id} del {meta.part} revision {meta.revision} kunde inte "
        f"paketeras ({exc}). Den finns kvar lokalt."
    )


__all__ = ["ItemOutcome", "PackageError", "PushItem", "SyncSummary", "push_all"]
