"""Push every finalized revision the DB layer hands over, one package each.

Cancel-safe between packages: a cancel request is honoured before the next
package is started (the few already in flight finish), and a package that
was started is either published whole or not visible at all. A second run
with nothing new costs one listdir of the device's outbox (plus one of its
tmp folder for stale temps) and set lookups, when the DB layer passes the
names it recorded at the last push.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from app.services.share.errors import (
    PackageError,
    ShareError,
    ShareFullError,
    SharePermissionError,
    ShareUnavailableError,
)
from app.services.share.layout import Share
from app.services.share.package import (
    DEFAULT_LIMITS,
    PackageLimits,
    PackageMeta,
    build_package,
    package_name,
)
from app.services.share.publish import (
    FolderIndex,
    PublishResult,
    clean_stale_temps,
    publish_package,
    sync_folder_now,
)
from app.services.share.signing import SigningKey, publish_public_key

# After these, every further package would fail the same way: stop the run.
_FATAL = (ShareUnavailableError, ShareFullError, SharePermissionError)


@dataclass(frozen=True)
class PushItem:
    """One finalized revision. ``members`` may be a callable so the DB layer
    loads PDFs and attachments only for packages that are actually built;
    ``known_name`` / ``known_sha256`` are what an earlier push recorded (the
    result's sha256 is the name's 16-hex prefix when only the name is known)."""

    meta: PackageMeta
    members: Mapping[str, bytes] | Callable[[], Mapping[str, bytes]]
    known_name: str | None = None
    known_sha256: str | None = None


@dataclass(frozen=True)
class ItemOutcome:
    meta: PackageMeta
    result: PublishResult | None
    error: str | None = None


@dataclass
class SyncSummary:
    pushed: int = 0
    already_there: int = 0
    conflicts: int = 0
    repaired: int = 0
    errors: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    results: list[ItemOutcome] = field(default_factory=list)
    cancelled: bool = False
    stale_temps_removed: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.cancelled


def push_all(
    share: Share,
    device_id: str,
    key: SigningKey,
    items: Iterable[PushItem],
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    verify_existing: bool = False,
    limits: PackageLimits | None = None,
    workers: int = 8,
) -> SyncSummary:
    """Publish each item; never raises for share faults, which go to ``errors``
    (Swedish). ``progress(done, total)`` gets total 0 when ``items`` has no len.

    Up to ``workers`` packages are built and written at once (hashing, fsync
    and network waits release the GIL); results come back in input order.
    The outbox folder is fsynced once at the end, before returning, so the
    DB layer may record every "pushed" result as durable on the share.
    """
    summary = SyncSummary()
    total = len(items) if hasattr(items, "__len__") else 0  # type: ignore[arg-type]
    outbox = share.outbox_dir(device_id)
    try:
        share.check()
        share.ensure_device(device_id)
        summary.stale_temps_removed = clean_stale_temps(share, device_id)
        index = FolderIndex(share.list_names(outbox))
    except ShareError as exc:
        summary.errors.append(str(exc))
        return summary
    chosen_limits = limits if limits is not None else DEFAULT_LIMITS

    def work(item: PushItem) -> tuple[ItemOutcome, bool]:
        try:
            members = item.members() if callable(item.members) else item.members
            data = build_package(item.meta, members, key, chosen_limits)
            name = package_name(item.meta, hashlib.sha256(data).hexdigest())
            result = publish_package(share, device_id, name, data, index, verify_existing,
                                     sync_folder=False)
            return ItemOutcome(item.meta, result), False
        except _FATAL as exc:
            return ItemOutcome(item.meta, None, str(exc)), True
        except ShareError as exc:
            return ItemOutcome(item.meta, None, str(exc)), False
        except ValueError as exc:
            return ItemOutcome(item.meta, None, _bad_item(item.meta, exc)), False

    done = 0
    stop = False
    key_published = False
    pending: deque[Future[tuple[ItemOutcome, bool]]] = deque()

    def finish_oldest() -> None:
        nonlocal done, stop
        outcome, fatal = pending.popleft().result()
        if stop and outcome.result is None:
            # The share already failed for the whole run: one message is enough.
            summary.results.append(outcome)
        else:
            _record(summary, outcome)
        stop = stop or fatal
        done += 1
        if progress is not None:
            progress(done, total)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for item in items:
            if stop:
                break
            if cancel is not None and cancel():
                summary.cancelled = True
                break
            if item.known_name is not None and item.known_name in index and not verify_existing:
                while pending:  # keep results in input order
                    finish_oldest()
                sha = item.known_sha256 or item.known_name.split(".")[-2]
                result = PublishResult("already_there", item.known_name, outbox / item.known_name, sha)
                _record(summary, ItemOutcome(item.meta, result))
                done += 1
                if progress is not None:
                    progress(done, total)
                continue
            if not key_published:
                try:
                    publish_public_key(share, key)
                except ShareError as exc:
                    summary.errors.append(str(exc))
                    break
                key_published = True
            pending.append(pool.submit(work, item))
            # At most ``workers`` packages in memory at once (attachments can be large).
            while len(pending) >= max(1, workers) or (pending and pending[0].done()):
                finish_oldest()
        while pending:
            finish_oldest()
    if summary.pushed or summary.repaired or summary.conflicts:
        try:
            sync_folder_now(share, outbox)
        except ShareError as exc:
            if not stop:  # after a fatal error the one message already says it
                summary.errors.append(str(exc))
    return summary


def _record(summary: SyncSummary, outcome: ItemOutcome) -> None:
    summary.results.append(outcome)
    result = outcome.result
    if result is None:
        if outcome.error is not None and outcome.error not in summary.errors:
            summary.errors.append(outcome.error)
        return
    if result.status == "pushed":
        summary.pushed += 1
    elif result.status == "already_there":
        summary.already_there += 1
    elif result.status == "repaired":
        summary.repaired += 1
    elif result.status == "conflict":
        summary.conflicts += 1
    if result.message:
        summary.messages.append(result.message)


def _bad_item(meta: PackageMeta, exc: Exception) -> str:
    return (
        f"Uppföljning {meta.followup_id} del {meta.part} revision {meta.revision} kunde inte "
        f"paketeras ({exc}). Den finns kvar lokalt."
    )


__all__ = ["ItemOutcome", "PackageError", "PushItem", "SyncSummary", "push_all"]
