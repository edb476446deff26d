"""What a push takes and gives back: the items, each one's outcome, the summary."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from app.services.share.package import PackageMeta
from app.services.share.publish import PublishResult


@dataclass(frozen=True)
class PushItem:
    """One finalized revision. ``members`` may be a callable so the DB layer
    loads PDFs and attachments only for packages that are actually built;
    ``known_name`` / ``known_sha256`` are what an earlier push recorded (the
    result's sha256 is the name's 16-hex prefix when only the name is known).

    ``package`` (bytes or a callable giving them) is the package as built
    earlier and kept locally: it is sent as it is (after checking its SHA-256
    against ``known_sha256``) instead of being built again from ``members``,
    which costs two hashing passes less; one signed with an earlier key is
    built again from ``members`` with the meta in its manifest (``kept``).
    ``meta`` then needs only the follow-up, part and revision right."""

    meta: PackageMeta
    members: Mapping[str, bytes] | Callable[[], Mapping[str, bytes]]
    known_name: str | None = None
    known_sha256: str | None = None
    package: bytes | Callable[[], bytes] | None = None
    verify: bool = False  # read the share's copy even if the name is there (found damaged)


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


def record_outcome(summary: SyncSummary, outcome: ItemOutcome) -> None:
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


__all__ = ["ItemOutcome", "PushItem", "SyncSummary", "record_outcome"]
