"""Who works at each laptop: the officer's name and role, published next to its key.

Colleagues choosing whom to hand a part over to see people, not device ids.
Each laptop publishes ``keys/<device-id>/officer.<seq>.json`` (the reader of
public keys ignores every name not ending in ``.pub.json``), signed with the
device key, so only that laptop can name its officer. Files on the share are
never replaced: a changed name or role is published under the next sequence
number, and readers take the highest one whose signature holds. The
decision needs no clock, and a laptop learns its own last number from the
share itself.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.services.share.errors import translate_os_error
from app.services.share.layout import Share, valid_id
from app.services.share.signing import SigningKey, TrustedKey

FORMAT = "uppfoljaren-device-officer"
MAX_FILE_BYTES = 8192
_NAME = re.compile(r"^officer\.(\d{6})\.json$")


@dataclass(frozen=True)
class DeviceOfficer:
    device_id: str
    officer: str
    role: str  # "verksamhetsuppfoljare" | "mas" | ""
    seq: int


def _body(device_id: str, key_id: str, officer: str, role: str, seq: int) -> dict[str, Any]:
    return {"format": FORMAT, "format_version": 1, "device_id": device_id, "key_id": key_id,
            "officer": officer, "role": role, "seq": seq}


def _canonical(body: Mapping[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def _read(share: Share, path: Path) -> bytes:
    try:
        return share.fs.read_bytes(path, MAX_FILE_BYTES)
    except OSError as exc:
        raise translate_os_error(exc, path, "läsa") from exc


def _parse(data: bytes, device_id: str, seq: int,
           trusted: Mapping[str, TrustedKey]) -> DeviceOfficer | None:
    """The file's officer if it is well-formed and signed by a key of its
    device; None otherwise (a stray or forged file names nobody)."""
    try:
        doc = json.loads(data.decode("utf-8"))
        signature = base64.b64decode(doc.pop("signature"), validate=True)
        key = trusted.get(doc["key_id"])
        if (doc.get("format") != FORMAT or doc.get("device_id") != device_id
                or doc.get("seq") != seq or key is None or key.device_id != device_id
                or not key.verify(signature, _canonical(doc))):
            return None
        officer, role = str(doc["officer"]).strip(), str(doc.get("role") or "")
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return DeviceOfficer(device_id, officer[:200], role[:40], seq) if officer else None


def _sequence(share: Share, device_id: str) -> list[tuple[int, str]]:
    """(seq, file name) of the device's officer files, highest first."""
    found = [(int(m.group(1)), name) for name in share.list_names(share.keys_dir(device_id))
             if (m := _NAME.match(name))]
    return sorted(found, reverse=True)


def read_device_officers(share: Share, trusted: Mapping[str, TrustedKey]
                         ) -> dict[str, DeviceOfficer]:
    """Device id -> its officer, for every laptop that published one."""
    result: dict[str, DeviceOfficer] = {}
    for device_id in share.list_names(share.root / "keys"):
        if not valid_id(device_id):
            continue
        for seq, name in _sequence(share, device_id):
            found = _parse(_read(share, share.keys_dir(device_id) / name), device_id, seq,
                           trusted)
            if found is not None:
                result[device_id] = found
                break
    return result


def publish_device_officer(share: Share, key: SigningKey, officer: str, role: str
                           ) -> Path | None:
    """Publish this laptop's officer unless the share already says so.
    Nothing is published without a name. Returns the new file, or None."""
    officer = officer.strip()
    if not officer:
        return None
    trusted = {key.key_id: TrustedKey(key.device_id, key.key_id, key.public)}
    folder = share.keys_dir(key.device_id)
    share.ensure_dir(folder)
    for _attempt in range(3):  # another run of this laptop may take the number first
        existing = _sequence(share, key.device_id)
        top = existing[0][0] if existing else 0
        for seq, name in existing:
            current = _parse(_read(share, folder / name), key.device_id, seq, trusted)
            if current is not None:
                if (current.officer, current.role) == (officer, role):
                    return None
                break
        body = _body(key.device_id, key.key_id, officer, role, top + 1)
        body["signature"] = base64.b64encode(key.sign(_canonical(body))).decode("ascii")
        data = (json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        try:
            return share.write_new_file(folder, f"officer.{top + 1:06d}.json",
                                        data.encode("utf-8"))
        except FileExistsError:
            continue
    return None
