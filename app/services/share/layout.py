"""The folder layout of the central share, its marker file, init and check.

See docs/share-layout.md for the picture. In short, under the share root:

    uppfoljaren-share.json            marker: format name and version
    devices/<device-id>/tmp/          this laptop's temp files (readers ignore)
    devices/<device-id>/outbox/       finalized follow-up packages, immutable
    devices/<device-id>/handover/<recipient>/   work handed to a colleague
    keys/<device-id>/<key-id>.pub.json          each laptop's public keys
    receipts/<device-id>/             written by the centre after ingest
    quarantine/<device-id>/           corrupt files moved aside, never deleted
    published/templates/, published/units/      written by the central administration

Each laptop writes only below its own ``devices/<device-id>/`` (plus its own
key file), so IT can grant per-device write access and no two laptops ever
touch the same file.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.errors import Message
from app.services.share.errors import (
    ShareError,
    ShareFormatError,
    ShareNotInitialisedError,
    ShareUnavailableError,
    translate_os_error,
)
from app.services.share.fs import FileSystem

MARKER_NAME = "uppfoljaren-share.json"
MARKER_FORMAT = "uppfoljaren-share"
SHARE_FORMAT_VERSION = 1
MAX_MARKER_BYTES = 64 * 1024
PUBLISHED_KINDS = ("templates", "units")
TEMP_SUFFIX = ".part"

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


def valid_id(value: str) -> bool:
    """Ids become folder and file names on Windows and POSIX, so they are kept
    to letters, digits, '-' and '_'."""
    return bool(_ID_RE.match(value))


def require_id(value: str, what: str) -> str:
    if not isinstance(value, str) or not valid_id(value):
        raise ValueError(f"{what} must match {_ID_RE.pattern}: {value!r}")
    return value


def is_temp_name(name: str) -> bool:
    """Names a reader must ignore: our temp files, hidden files, and the
    copies that sync tools leave behind ("x (1).pkg", ".sync-conflict-")."""
    return (
        name.startswith(".")
        or name.endswith((TEMP_SUFFIX, ".tmp", "~"))
        or ".sync-conflict-" in name
        or " (" in name
    )


def new_device_id() -> str:
    """A fresh laptop id (random, not derived from the host name, so a
    re-imaged laptop or a copied profile never reuses another's folder).
    The caller stores it in the settings once."""
    return "dev-" + uuid.uuid4().hex[:20]


@dataclass(frozen=True)
class ShareInfo:
    root: Path
    format_version: int
    created_by_device: str | None


class Share:
    """One central share folder. Holds no state besides the folders it has
    already made sure exist, so one instance per sync run is cheap."""

    def __init__(self, root: Path, fs: FileSystem | None = None) -> None:
        self.root = Path(root)
        self.fs = fs if fs is not None else FileSystem()
        self._ensured: set[Path] = set()
        # A push asks for the device's tmp/ and outbox/ several times per
        # package; building the Path each time was a measurable share of it.
        self._device_paths: dict[tuple[str, str], Path] = {}

    @classmethod
    def local_default(cls, folder: Path, device_id: str | None = None) -> Share:
        """The embedded share under the data dir (demo, tests, single laptop):
        created and initialised on first use, unlike a network share."""
        share = cls(folder)
        share.init(created_by_device=device_id, create_root=True)
        return share

    # --- paths -------------------------------------------------------------
    @property
    def marker_path(self) -> Path:
        return self.root / MARKER_NAME

    def device_dir(self, device_id: str) -> Path:
        return self.root / "devices" / require_id(device_id, "device id")

    def tmp_dir(self, device_id: str) -> Path:
        return self._device_path(device_id, "tmp")

    def outbox_dir(self, device_id: str) -> Path:
        return self._device_path(device_id, "outbox")

    def _device_path(self, device_id: str, sub: str) -> Path:
        path = self._device_paths.get((device_id, sub))
        if path is None:
            path = self._device_paths[(device_id, sub)] = self.device_dir(device_id) / sub
        return path

    def handover_dir(self, device_id: str, recipient: str) -> Path:
        return self.device_dir(device_id) / "handover" / require_id(recipient, "recipient")

    def keys_dir(self, device_id: str) -> Path:
        return self.root / "keys" / require_id(device_id, "device id")

    def receipts_dir(self, device_id: str) -> Path:
        return self.root / "receipts" / require_id(device_id, "device id")

    def quarantine_dir(self, device_id: str) -> Path:
        return self.root / "quarantine" / require_id(device_id, "device id")

    def published_dir(self, kind: str) -> Path:
        if kind not in PUBLISHED_KINDS:
            raise ValueError(f"unknown published kind {kind!r}")
        return self.root / "published" / kind

    # --- marker ------------------------------------------------------------
    def init(self, created_by_device: str | None = None, create_root: bool = False) -> ShareInfo:
        """Make this folder a share: write the marker (never replacing one) and
        the top folders. ``create_root`` is for the embedded local default only:
        a network share whose root is missing is unmounted, and creating the
        folder would hide that."""
        if create_root:
            self._call(self.fs.makedirs, self.root, "skapa")
        elif not self._exists(self.root):
            raise self._unavailable()
        if not self._exists(self.marker_path):
            body = {
                "format": MARKER_FORMAT,
                "format_version": SHARE_FORMAT_VERSION,
                "created_by_device": created_by_device,
            }
            data = (json.dumps(body, indent=2, sort_keys=True) + "\n").encode("utf-8")
            self.write_new_file(self.root, MARKER_NAME, data)
        info = self.check()
        for sub in ("devices", "keys", "receipts", "quarantine", "published"):
            self.ensure_dir(self.root / sub)
        for kind in PUBLISHED_KINDS:
            self.ensure_dir(self.published_dir(kind))
        return info

    def check(self) -> ShareInfo:
        """Is this a reachable share in a format we understand? Swedish errors."""
        if not self._exists(self.root):
            raise self._unavailable()
        try:
            raw = self.fs.read_bytes(self.marker_path, MAX_MARKER_BYTES)
        except FileNotFoundError:
            raise ShareNotInitialisedError(
                Message("Mappen {root} är ingen central mapp för Uppföljaren (filen "
                        "{marker} saknas). Kontrollera att rätt mapp är vald och att "
                        "nätverksenheten är ansluten. Inget har gått förlorat.",
                        root=self.root, marker=MARKER_NAME),
                self.root,
            ) from None
        except OSError as exc:
            raise translate_os_error(exc, self.marker_path, "läsa") from exc
        try:
            body = json.loads(raw[:MAX_MARKER_BYTES].decode("utf-8"))
            version = body["format_version"]
            if body.get("format") != MARKER_FORMAT or not isinstance(version, int):
                raise ValueError("wrong format")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise ShareFormatError(
                Message("Filen {marker_path} är skadad eller inte en markeringsfil för "
                        "Uppföljaren. Kontakta den centrala förvaltningen.", marker_path=self.marker_path),
                self.marker_path,
            ) from None
        if version > SHARE_FORMAT_VERSION:
            raise ShareFormatError(
                Message("Den centrala mappen {root} har formatversion {version}, men den här "
                        "versionen av Uppföljaren förstår bara upp till "
                        "{supported}. Uppdatera programmet innan du synkroniserar.",
                        root=self.root, version=version, supported=SHARE_FORMAT_VERSION),
                self.marker_path,
            )
        created = body.get("created_by_device")
        return ShareInfo(self.root, version, created if isinstance(created, str) else None)

    # --- helpers used by the other share modules ----------------------------
    def ensure_dir(self, path: Path) -> None:
        if path in self._ensured:
            return
        self._call(self.fs.makedirs, path, "skapa mappen")
        self._ensured.add(path)

    def ensure_device(self, device_id: str) -> None:
        self.ensure_dir(self.tmp_dir(device_id))
        self.ensure_dir(self.outbox_dir(device_id))

    def list_names(self, folder: Path) -> list[str]:
        """A folder's file names minus temp and junk names; a missing folder is empty."""
        try:
            names = self.fs.listdir(folder)
        except FileNotFoundError:
            if not self._exists(self.root):
                raise self._unavailable() from None
            return []
        except OSError as exc:
            raise translate_os_error(exc, folder, "läsa innehållet i") from exc
        return [name for name in names if not is_temp_name(name)]

    def write_new_file(self, folder: Path, name: str, data: bytes) -> Path:
        """Small files (marker, public keys, receipts): temp + fsync + no-replace link.
        Raises FileExistsError if the name is taken."""
        from app.services.share.publish import write_and_link

        return write_and_link(self, folder, folder, name, data)

    def _exists(self, path: Path) -> bool:
        try:
            self.fs.stat(path)
            return True
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise translate_os_error(exc, path, "nå") from exc

    def _unavailable(self) -> ShareError:
        return ShareUnavailableError(
            Message("Den centrala mappen {root} finns inte eller är inte ansluten. "
                    "Kontrollera att datorn är ansluten till stadens nätverk och att "
                    "enheten är monterad. Inget har gått förlorat; synkroniseringen kan "
                    "köras igen.", root=self.root),
            self.root,
        )

    def _call(self, func: Callable[[Path], None], path: Path, action: str) -> None:
        try:
            func(path)
        except OSError as exc:
            raise translate_os_error(exc, path, action) from exc
