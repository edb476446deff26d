"""Hand a follow-up in progress to a colleague through the share.

The sender publishes a ``handover`` package (same format and signature as a
finalized part, ``kind="handover"`` and a ``recipient``) into its own device
folder under ``handover/<recipient>/``, so each laptop still writes only
below its own folder. The recipient lists every device's
``handover/<recipient>/`` folder and reads the packages it has not taken yet.
Which part belongs to whom, and merging the care (sol) and health-care (hsl)
parts, is the DB layer's job: this module moves and verifies packages only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from app.services.share.errors import PackageError
from app.services.share.layout import Share, require_id, valid_id
from app.services.share.package import (
    Package,
    PackageMeta,
    PackageName,
    build_package,
    package_name,
    parse_package_name,
    read_package,
)
from app.services.share.publish import PublishResult, clean_stale_temps, publish_package
from app.services.share.signing import SigningKey, TrustedKey, publish_public_key


@dataclass(frozen=True)
class HandoverRef:
    sender_device: str
    recipient: str
    name: str
    path: Path
    parsed: PackageName


def put_handover(
    share: Share,
    key: SigningKey,
    meta: PackageMeta,
    members: Mapping[str, bytes],
) -> PublishResult:
    """Publish a work-in-progress package addressed to ``meta.recipient``.
    Use a new ``revision`` for each handover of the same part."""
    if meta.kind != "handover" or meta.recipient is None:
        raise ValueError("a handover needs kind='handover' and a recipient")
    share.check()
    share.ensure_device(key.device_id)
    clean_stale_temps(share, key.device_id)
    data = build_package(meta, members, key)
    publish_public_key(share, key)
    name = package_name(meta, hashlib.sha256(data).hexdigest())
    folder = share.handover_dir(key.device_id, meta.recipient)
    return publish_package(share, key.device_id, name, data, final_folder=folder)


def list_handovers(
    share: Share, recipient: str, exclude_names: Collection[str] = ()
) -> list[HandoverRef]:
    """Handover packages addressed to ``recipient`` on any device, sorted by
    follow-up, part and revision; names in ``exclude_names`` (taken earlier)
    are left out."""
    require_id(recipient, "recipient")
    refs: list[HandoverRef] = []
    excluded = set(exclude_names)
    for device_id in share.list_names(share.root / "devices"):
        if not valid_id(device_id):
            continue
        folder = share.handover_dir(device_id, recipient)
        for name in share.list_names(folder):
            parsed = parse_package_name(name)
            if parsed is None or name in excluded:
                continue
            refs.append(HandoverRef(device_id, recipient, name, folder / name, parsed))
    refs.sort(key=lambda r: (r.parsed.followup_id, r.parsed.part, r.parsed.revision, r.name))
    return refs


def get_handover(share: Share, ref: HandoverRef, trusted_keys: Mapping[str, TrustedKey]) -> Package:
    """Read and verify a handover package; it must be what its folder says."""
    package = read_package(ref.path, trusted_keys, share.fs)
    meta = package.meta
    if meta.kind != "handover" or meta.recipient != ref.recipient:
        raise PackageError("paketet är ingen överlämning till den här mottagaren", ref.path)
    if meta.device_id != ref.sender_device:
        raise PackageError("paketet ligger i en annan dators mapp än avsändarens", ref.path)
    return package
