"""Each laptop's Ed25519 key pair: created once, kept in the OS keyring.

The private key lives in the OS keyring (Windows Credential Manager, macOS
Keychain, Secret Service) through ``keyring``. Where no keyring backend
works, it falls back to a file in the config dir with mode 0600 and says so
in ``KeyLoad.warning``; the caller shows that warning. The public key is
published on the share under ``keys/<device-id>/<key-id>.pub.json`` so the
centre and colleagues can verify packages.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from app.durable_io import write_bytes_atomic
from app.errors import Message
from app.services.share.errors import KeyStorageError, translate_os_error
from app.services.share.layout import Share, require_id

KEYRING_SERVICE = "uppfoljaren-device-signing-key"
FALLBACK_KEY_FILE = "device-signing-key.json"
MAX_KEY_FILE_BYTES = 4096


def key_id_for(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


@dataclass(frozen=True)
class SigningKey:
    device_id: str
    private: Ed25519PrivateKey

    @property
    def public(self) -> Ed25519PublicKey:
        return self.private.public_key()

    @cached_property
    def key_id(self) -> str:
        # Asked for once per package built: deriving it costs a public-key
        # computation and a hash each time. (A frozen dataclass still lets
        # cached_property store into the instance dict.)
        return key_id_for(self.public)

    def sign(self, data: bytes) -> bytes:
        return self.private.sign(data)

    @classmethod
    def generate(cls, device_id: str) -> SigningKey:
        return cls(require_id(device_id, "device id"), Ed25519PrivateKey.generate())


@dataclass(frozen=True)
class TrustedKey:
    device_id: str
    key_id: str
    public: Ed25519PublicKey

    def verify(self, signature: bytes, data: bytes) -> bool:
        try:
            self.public.verify(signature, data)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class KeyLoad:
    key: SigningKey
    storage: str  # "keyring" | "file"
    created: bool
    warning: str | None


def _encode_private(private: Ed25519PrivateKey) -> str:
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return base64.b64encode(raw).decode("ascii")


def _decode_private(text: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(text.encode("ascii"), validate=True))


def _backend_usable(backend: keyring.backend.KeyringBackend) -> bool:
    # The fail and null backends have priority <= 0; chainer with no members too.
    try:
        return float(backend.priority) > 0  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - some backends raise from priority when unusable
        return False


def _keep_on_this_machine(backend: keyring.backend.KeyringBackend) -> None:
    """Windows Credential Manager stores with enterprise persistence by default,
    so the secret roams with a roaming profile; a device key must not leave
    the laptop. Other backends have no such setting."""
    members = getattr(backend, "backends", None) or [backend]
    for member in members:
        if "persist" in type(member).__dict__:
            try:
                member.persist = "local machine"  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - keep the default rather than fail
                pass


def load_or_create_key(
    device_id: str,
    config_dir: Path,
    backend: keyring.backend.KeyringBackend | None = None,
) -> KeyLoad:
    """Return this laptop's signing key, creating and storing it on first use."""
    require_id(device_id, "device id")
    # A package prepared on a worker right after finalizing and a sync may
    # both ask for the first key at once: only one may create it.
    with _KEY_LOCK:
        return _load_or_create_key(device_id, config_dir, backend)


_KEY_LOCK = threading.Lock()


def _load_or_create_key(
    device_id: str,
    config_dir: Path,
    backend: keyring.backend.KeyringBackend | None,
) -> KeyLoad:
    chosen = backend if backend is not None else keyring.get_keyring()
    warning = None
    if _backend_usable(chosen):
        _keep_on_this_machine(chosen)
        try:
            stored = chosen.get_password(KEYRING_SERVICE, device_id)
            if stored:
                return KeyLoad(SigningKey(device_id, _decode_private(stored)), "keyring", False, None)
            key = SigningKey.generate(device_id)
            chosen.set_password(KEYRING_SERVICE, device_id, _encode_private(key.private))
            return KeyLoad(key, "keyring", True, None)
        except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
            warning = f"Nyckelringen kunde inte användas ({exc})."
        except ValueError as exc:
            raise KeyStorageError(
                Message("Den här datorns signeringsnyckel i nyckelringen är skadad och kan "
                        "inte användas ({exc}). Kontakta IT.", exc=exc),
            ) from exc
    else:
        warning = "Ingen nyckelring finns i systemet."
    load = _load_or_create_file_key(device_id, config_dir)
    note = (
        f"{warning} Signeringsnyckeln sparas i stället i filen "
        f"{config_dir / FALLBACK_KEY_FILE}, som bara ditt konto kan läsa. "
        "Det är mindre skyddat än nyckelringen."
    )
    return KeyLoad(load.key, "file", load.created, note)


def _load_or_create_file_key(device_id: str, config_dir: Path) -> KeyLoad:
    path = config_dir / FALLBACK_KEY_FILE
    try:
        raw = path.read_bytes()[:MAX_KEY_FILE_BYTES]
    except FileNotFoundError:
        raw = None
    except OSError as exc:
        raise KeyStorageError(Message(
            "Nyckelfilen {path} kan inte läsas ({strerror}).",
            path=path, strerror=exc.strerror), path) from exc
    if raw is not None:
        try:
            body = json.loads(raw.decode("utf-8"))
            keys = body["keys"]
            if device_id in keys:
                return KeyLoad(SigningKey(device_id, _decode_private(keys[device_id])), "file", False, None)
        except (ValueError, KeyError, TypeError) as exc:
            raise KeyStorageError(
                Message("Nyckelfilen {path} är skadad och kan inte användas. Kontakta IT.", path=path), path
            ) from exc
    else:
        keys = {}
    key = SigningKey.generate(device_id)
    keys = dict(keys)
    keys[device_id] = _encode_private(key.private)
    data = json.dumps({"keys": keys}, indent=2, sort_keys=True).encode("utf-8")
    try:
        config_dir.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, data)
        os.chmod(path, 0o600)
    except OSError as exc:
        raise KeyStorageError(Message(
            "Nyckelfilen {path} kan inte sparas ({strerror}).",
            path=path, strerror=exc.strerror), path) from exc
    return KeyLoad(key, "file", True, None)


# --- public keys on the share ------------------------------------------------
def public_key_document(key: SigningKey) -> bytes:
    raw = key.public.public_bytes(Encoding.Raw, PublicFormat.Raw)
    body = {
        "format": "uppfoljaren-public-key",
        "format_version": 1,
        "algorithm": "ed25519",
        "device_id": key.device_id,
        "key_id": key.key_id,
        "public_key": base64.b64encode(raw).decode("ascii"),
    }
    return (json.dumps(body, indent=2, sort_keys=True) + "\n").encode("utf-8")


def publish_public_key(share: Share, key: SigningKey) -> Path:
    """Put the laptop's public key on the share (once; an existing identical file is fine)."""
    folder = share.keys_dir(key.device_id)
    share.ensure_dir(folder)
    name = f"{key.key_id}.pub.json"
    data = public_key_document(key)
    try:
        return share.write_new_file(folder, name, data)
    except FileExistsError:
        return folder / name


def parse_public_key(data: bytes) -> TrustedKey:
    body = json.loads(data.decode("utf-8"))
    if body.get("format") != "uppfoljaren-public-key" or body.get("algorithm") != "ed25519":
        raise ValueError("not an Uppföljaren Ed25519 public key")
    public = Ed25519PublicKey.from_public_bytes(base64.b64decode(body["public_key"], validate=True))
    device_id = require_id(body["device_id"], "device id")
    key_id = key_id_for(public)
    if body.get("key_id") != key_id:
        raise ValueError("key id does not match the key")
    return TrustedKey(device_id, key_id, public)


def load_trusted_keys(share: Share) -> dict[str, TrustedKey]:
    """Every public key on the share, by key id. Unreadable key files are skipped:
    a package signed by such a key then fails with "okänd nyckel"."""
    result: dict[str, TrustedKey] = {}
    keys_root = share.root / "keys"
    for device_id in share.list_names(keys_root):
        try:
            folder = share.keys_dir(device_id)
        except ValueError:
            continue
        for name in share.list_names(folder):
            if not name.endswith(".pub.json"):
                continue
            try:
                trusted = parse_public_key(share.fs.read_bytes(folder / name, MAX_KEY_FILE_BYTES))
            except OSError as exc:
                raise translate_os_error(exc, folder / name, "läsa") from exc
            except (ValueError, KeyError, TypeError):
                continue
            if trusted.device_id == device_id and name == f"{trusted.key_id}.pub.json":
                result[trusted.key_id] = trusted
    return result


def trusted_from_keys(*keys: SigningKey) -> dict[str, TrustedKey]:
    return {k.key_id: TrustedKey(k.device_id, k.key_id, k.public) for k in keys}
