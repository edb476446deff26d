"""A package kept on this laptop since its part was finalized, sent as it is.

Finalizing builds, signs and keeps each part revision's package
(``outbox_prepare``); a sync sends those bytes unchanged. Two checks come
first, both on the bytes already in memory, on the push's worker threads:
their SHA-256 is the one recorded when the package was kept (the local copy
is not damaged), and the manifest names the key in use. A package signed
with an earlier key of this laptop (the key was lost and made again) is
built again from its own members, with the meta it was built with and the
key in use, so the share only gets packages whose key the push publishes.
"""

from __future__ import annotations

import hashlib
import io
import json
import struct
import zipfile
from collections.abc import Callable, Mapping
from typing import Any

from app.services.share.package import (
    MANIFEST_NAME,
    PackageLimits,
    PackageMeta,
    build_package_parts,
)

_MANIFEST = MANIFEST_NAME.encode("ascii")


def manifest_of(data: bytes) -> dict[str, Any]:
    """The manifest of a package's bytes (not verified: the caller checked the
    bytes' SHA-256 against the one recorded when they were built). It is the
    first, stored member, read straight after its local header; anything
    unexpected goes through the zip directory. ValueError if there is none."""
    if data[:4] == b"PK\x03\x04" and len(data) >= 30:
        flags, method = struct.unpack_from("<HH", data, 6)
        size, name_len, extra_len = struct.unpack_from("<I4xHH", data, 18)
        start = 30 + name_len + extra_len
        if (method == 0 and not flags & 0x08 and data[30:30 + name_len] == _MANIFEST
                and start + size <= len(data)):
            return _as_manifest(data[start:start + size])
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _as_manifest(archive.read(MANIFEST_NAME))
    except (zipfile.BadZipFile, KeyError, EOFError, NotImplementedError, OSError) as exc:
        raise ValueError(f"paketet saknar läsbart manifest ({type(exc).__name__})") from None


def _as_manifest(raw: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        raise ValueError("paketets manifest är inte giltig JSON") from None
    if not isinstance(manifest, dict):
        raise ValueError("paketets manifest är inte ett JSON-objekt")
    return manifest


def meta_of(manifest: Mapping[str, Any]) -> PackageMeta:
    """The meta a package was built with, from its manifest."""
    try:
        return PackageMeta(
            manifest["kind"], manifest["followup_id"], manifest["part"], manifest["revision"],
            manifest["parent_revision"], manifest["device_id"],
            data_format_version=manifest["data_format_version"],
            recipient=manifest["recipient"], device_time=manifest["device_time"],
            info=manifest["info"])
    except KeyError as exc:
        raise ValueError(f"paketets manifest saknar fältet {exc.args[0]}") from None


def kept_parts(
    package: bytes | Callable[[], bytes],
    known_name: str | None,
    known_sha256: str | None,
    meta: PackageMeta,
    members: Mapping[str, bytes] | Callable[[], Mapping[str, bytes]],
    key: Any,
    limits: PackageLimits,
) -> tuple[list[bytes], str]:
    """The package to send for a kept one, as pieces, and its SHA-256.

    ``meta`` names the revision the DB layer expects (follow-up, part,
    revision). ValueError (Swedish, for the sync's message) when the local
    copy cannot be read, is not the package recorded, or is another revision.
    ``key`` is the ``SigningKey`` in use."""
    try:
        data = package() if callable(package) else package
    except OSError as exc:  # the local disk, not the share: this package only
        raise ValueError(f"den lokala kopian kan inte läsas: {exc.strerror or exc}") from exc
    sha256 = hashlib.sha256(data).hexdigest()
    if known_sha256 is not None and sha256 != known_sha256:
        raise ValueError(f"den lokala kopian {known_name} stämmer inte med sin kontrollsumma")
    manifest = manifest_of(data)
    if (manifest.get("followup_id"), manifest.get("part"), manifest.get("revision")) != (
            meta.followup_id, meta.part, meta.revision):
        raise ValueError(f"den lokala kopian {known_name} gäller en annan revision")
    if manifest.get("key_id") == key.key_id:
        return [data], sha256
    built_with = meta_of(manifest)
    loaded = members() if callable(members) else members
    if not loaded:  # a package is never just a manifest
        raise ValueError(f"den lokala kopian {known_name} har inga filer att paketera om")
    parts = build_package_parts(built_with, loaded, key, limits)
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return parts, digest.hexdigest()


__all__ = ["kept_parts", "manifest_of", "meta_of"]
