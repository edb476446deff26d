"""Builders shared by the share tests and their child processes."""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from app.services.share.package import PackageMeta
from app.services.share.signing import SigningKey
from app.services.share.sync_runner import PushItem


def meta(followup: str, part: str = "sol", revision: int = 1, device: str = "laptop-a",
         parent: int | None = None) -> PackageMeta:
    return PackageMeta("followup", followup, part, revision, parent, device)


def members(seed: int, pdf_size: int = 4000) -> dict[str, bytes]:
    rng = random.Random(seed)
    data = {"format_version": 1, "seed": seed, "answers": ["Uppfyllt", "Brist åtgärdas"]}
    return {
        "followup.json": json.dumps(data, ensure_ascii=False).encode("utf-8"),
        "report.pdf": b"%PDF-1.4\n" + rng.randbytes(pdf_size) + b"\n%%EOF\n",
        "attachments/foto 1.jpg": rng.randbytes(300),
    }


def item(n: int, device: str = "laptop-a", pdf_size: int = 4000, part: str = "sol") -> PushItem:
    return PushItem(meta(f"fu-{n:05d}", part, 1, device), members(n, pdf_size))


def save_key(key: SigningKey, path: Path) -> None:
    raw = key.private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    path.write_text(json.dumps({"device": key.device_id, "key": base64.b64encode(raw).decode()}))


def load_key(path: Path) -> SigningKey:
    body = json.loads(path.read_text())
    private = Ed25519PrivateKey.from_private_bytes(base64.b64decode(body["key"]))
    return SigningKey(body["device"], private)


KILL_TEST_SIZES = (20_000, 200_000, 900_000)


def sized_item(n: int, device: str = "laptop-a") -> PushItem:
    """An item whose size depends only on n, so every resend is identical."""
    return item(n, device, KILL_TEST_SIZES[n % len(KILL_TEST_SIZES)])
