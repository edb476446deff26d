"""What is on the share: packages across devices, revision conflicts, and a
verification sweep of one outbox.

The two parts of one follow-up (sol filled on one laptop, hsl on another)
meet here: ``scan_outboxes(share, followup_id)`` lists both laptops'
packages for it. Conflicts are decided by ids, revision numbers and hashes
only: two packages with the same follow-up, part and revision but different
content are a conflict, wherever they came from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app.services.share.errors import PackageError
from app.services.share.layout import Share, valid_id
from app.services.share.package import (
    DEFAULT_LIMITS,
    PackageLimits,
    PackageName,
    parse_package_name,
    read_package,
)
from app.services.share.publish import quarantine
from app.services.share.signing import TrustedKey


@dataclass(frozen=True)
class PackageRef:
    device_id: str
    name: str
    path: Path
    parsed: PackageName


@dataclass
class VerifyReport:
    ok: list[str] = field(default_factory=list)
    quarantined: list[Path] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def scan_outboxes(share: Share, followup_id: str | None = None) -> list[PackageRef]:
    """Every package in every device's outbox (optionally for one follow-up),
    sorted by follow-up, part, revision, device. Junk names are ignored."""
    refs: list[PackageRef] = []
    for device_id in share.list_names(share.root / "devices"):
        if not valid_id(device_id):
            continue
        folder = share.outbox_dir(device_id)
        for name in share.list_names(folder):
            parsed = parse_package_name(name)
            if parsed is None or (followup_id is not None and parsed.followup_id != followup_id):
                continue
            refs.append(PackageRef(device_id, name, folder / name, parsed))
    refs.sort(key=lambda r: (*r.parsed.revision_key, r.device_id, r.name))
    return refs


def revision_conflicts(refs: Iterable[PackageRef]) -> dict[tuple[str, str, int], list[PackageRef]]:
    """Revisions that exist with more than one content hash, mapped to all copies."""
    groups: dict[tuple[str, str, int], list[PackageRef]] = defaultdict(list)
    for ref in refs:
        groups[ref.parsed.revision_key].append(ref)
    return {
        key: copies
        for key, copies in groups.items()
        if len({c.parsed.sha16 for c in copies}) > 1
    }


def verify_outbox(
    share: Share,
    device_id: str,
    trusted_keys: Mapping[str, TrustedKey],
    limits: PackageLimits = DEFAULT_LIMITS,
) -> VerifyReport:
    """Read and verify every package in this device's outbox; move each one
    that fails to quarantine (kept, never deleted) so the next push sends the
    good local copy again."""
    import hashlib

    report = VerifyReport()
    folder = share.outbox_dir(device_id)
    for name in sorted(share.list_names(folder)):
        if parse_package_name(name) is None:
            continue
        path = folder / name
        try:
            read_package(path, trusted_keys, share.fs, limits)
        except PackageError as exc:
            try:
                data = share.fs.read_bytes(path, limits.max_package_bytes)
            except FileNotFoundError:
                continue
            moved = quarantine(share, device_id, path, hashlib.sha256(data).hexdigest())
            report.quarantined.append(moved)
            report.messages.append(f"{exc.reason}. Paketet {path} flyttades till {moved}.")
            continue
        report.ok.append(name)
    return report


RECEIPT_SUFFIX = ".ok"


def write_receipt(share: Share, device_id: str, package: str, body: bytes = b"") -> Path:
    """The centre's side: record that ``package`` from ``device_id`` was ingested.
    Written once (temp + fsync + no-replace link); an existing receipt stays."""
    if parse_package_name(package) is None:
        raise ValueError(f"not a package name: {package!r}")
    folder = share.receipts_dir(device_id)
    share.ensure_dir(folder)
    try:
        return share.write_new_file(folder, package + RECEIPT_SUFFIX, body)
    except FileExistsError:
        return folder / (package + RECEIPT_SUFFIX)


def read_receipts(share: Share, device_id: str) -> set[str]:
    """Names of this device's packages the centre has receipted (one listdir).
    Only these may be shown as "mottagen centralt" or removed locally."""
    names = share.list_names(share.receipts_dir(device_id))
    return {
        n[: -len(RECEIPT_SUFFIX)]
        for n in names
        if n.endswith(RECEIPT_SUFFIX) and parse_package_name(n[: -len(RECEIPT_SUFFIX)]) is not None
    }
