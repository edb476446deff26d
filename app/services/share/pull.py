"""Pull what the central administration published: template versions and
unit registers, under ``published/templates/`` and ``published/units/``.

Every file is validated by a callable the caller passes in (the template
loader, the unit-register importer) before anything uses it. A file that
fails is refused with the validator's reason, in Swedish, and the version
already in use stays active: this module never activates anything, it only
hands back accepted and refused files. Files whose SHA-256 the caller
already knows are skipped unread, so a pull with nothing new is one listdir.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from app.services.share.errors import PullRefusedError, translate_os_error
from app.services.share.layout import Share

T = TypeVar("T")
MAX_PUBLISHED_BYTES = 32 * 1024 * 1024
_PUBLISHED_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")


@dataclass(frozen=True)
class PulledItem(Generic[T]):
    kind: str
    name: str
    path: Path
    sha256: str
    data: bytes
    value: T


@dataclass(frozen=True)
class RefusedItem:
    kind: str
    name: str
    path: Path
    sha256: str | None
    reason: str
    message: str  # the full Swedish message, naming the file


@dataclass
class PullReport(Generic[T]):
    accepted: list[PulledItem[T]] = field(default_factory=list)
    refused: list[RefusedItem] = field(default_factory=list)
    unchanged: int = 0


def list_published(share: Share, kind: str) -> list[str]:
    """File names under published/<kind>/, temp and sync-tool junk left out."""
    return sorted(share.list_names(share.published_dir(kind)))


def pull_published(
    share: Share,
    kind: str,
    validator: Callable[[bytes, str], T],
    known_sha256: Collection[str] = (),
    max_bytes: int = MAX_PUBLISHED_BYTES,
) -> PullReport[T]:
    """Read and validate each new published file of ``kind``.

    ``validator(data, name)`` returns the parsed value or raises with a
    reason. Raises ShareError only when the share itself fails (then nothing
    was accepted and the current versions stay active).
    """
    share.check()
    report: PullReport[T] = PullReport()
    folder = share.published_dir(kind)
    known = set(known_sha256)
    for name in list_published(share, kind):
        path = folder / name
        if not _PUBLISHED_NAME_RE.match(name):
            report.refused.append(_refuse(kind, name, path, None, "ogiltigt filnamn."))
            continue
        try:
            data = share.fs.read_bytes(path, max_bytes)
        except IsADirectoryError:
            continue
        except OSError as exc:
            raise translate_os_error(exc, path, "läsa") from exc
        if len(data) > max_bytes:
            report.refused.append(
                _refuse(kind, name, path, None, f"filen är större än {max_bytes} byte.")
            )
            continue
        sha256 = hashlib.sha256(data).hexdigest()
        if sha256 in known:
            report.unchanged += 1
            continue
        try:
            value = validator(data, name)
        except Exception as exc:  # noqa: BLE001 - any validator failure refuses the file
            reason = str(exc).strip() or type(exc).__name__
            report.refused.append(_refuse(kind, name, path, sha256, reason))
            continue
        report.accepted.append(PulledItem(kind, name, path, sha256, data, value))
    return report


def _refuse(kind: str, name: str, path: Path, sha256: str | None, reason: str) -> RefusedItem:
    if not reason.endswith((".", "!", "?")):
        reason += "."
    return RefusedItem(kind, name, path, sha256, reason, str(PullRefusedError(reason, path)))


def publish_for_pull(share: Share, kind: str, name: str, data: bytes) -> Path:
    """The central administration's side: put a file under published/<kind>/
    atomically and never replace one. The same bytes again are accepted;
    other bytes under a taken name raise FileExistsError (publish a new name,
    e.g. with the version number in it)."""
    if not _PUBLISHED_NAME_RE.match(name):
        raise ValueError(f"bad published file name {name!r}")
    folder = share.published_dir(kind)
    share.ensure_dir(folder)
    try:
        return share.write_new_file(folder, name, data)
    except FileExistsError:
        try:
            existing = share.fs.read_bytes(folder / name, len(data) + 1)
        except OSError as exc:
            raise translate_os_error(exc, folder / name, "läsa") from exc
        if existing == data:
            return folder / name
        raise
