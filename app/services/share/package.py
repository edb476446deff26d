"""One self-contained, signed, immutable package per follow-up part revision.

A package is a zip (stored, not compressed: the PDF and photos are already
compressed, and stored entries keep the bytes identical across zlib
versions) whose first member is ``manifest.json``: format version, kind,
follow-up id, part, revision, parent revision, device id, the SHA-256 and
size of every other member, and an Ed25519 signature over the rest of the
manifest. Since the manifest names every member's hash, the signature covers
the whole package.

Building is a pure function of (meta, members, key): the same input gives the
same bytes, so the file name (which carries the package's own SHA-256) is
deterministic and re-sync decisions need no clocks.

Reading never calls ``extractall``: it checks every member name (no absolute
paths, no "..", no backslashes or drive letters), refuses oversized members
before reading them, reads each member with a size cap, and checks hashes and
the signature.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.services.share.errors import PackageError, translate_os_error
from app.services.share.fs import FileSystem
from app.services.share.jsonfmt import dumps_indent1_sorted
from app.services.share.layout import require_id
from app.services.share.signing import SigningKey, TrustedKey
from app.services.share.zipwrite import stored_zip_parts

PACKAGE_FORMAT = "uppfoljaren-package"
PACKAGE_FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
PACKAGE_SUFFIX = ".pkg"
PARTS = ("sol", "hsl")
KINDS = ("followup", "handover")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(1, 10)} | {
    f"lpt{i}" for i in range(1, 10)
}
_NAME_RE = re.compile(
    r"^(?P<followup>[A-Za-z0-9][A-Za-z0-9_-]{0,63})\.(?P<part>sol|hsl)\.r(?P<revision>\d{1,9})"
    r"\.(?P<sha>[0-9a-f]{16})\.pkg$"
)


_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")  # control characters
_Fail = Callable[[str], PackageError]


@dataclass(frozen=True)
class PackageLimits:
    max_package_bytes: int = 256 * 1024 * 1024
    max_member_bytes: int = 128 * 1024 * 1024
    max_members: int = 2000
    max_manifest_bytes: int = 4 * 1024 * 1024
    max_name_length: int = 200


DEFAULT_LIMITS = PackageLimits()


@dataclass(frozen=True)
class PackageMeta:
    """What a package is. ``device_time`` is informational only ("enhetens tid"),
    never used for a decision; ``info`` carries plain JSON values the DB layer
    wants along (unit id, officer, template version)."""

    kind: str
    followup_id: str
    part: str
    revision: int
    parent_revision: int | None
    device_id: str
    data_format_version: int = 1
    recipient: str | None = None
    device_time: str | None = None
    info: Mapping[str, Any] = field(default_factory=dict)

    def validate(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}: {self.kind!r}")
        if self.part not in PARTS:
            raise ValueError(f"part must be one of {PARTS}: {self.part!r}")
        require_id(self.followup_id, "followup id")
        require_id(self.device_id, "device id")
        if not isinstance(self.revision, int) or isinstance(self.revision, bool):
            raise ValueError("revision must be an int")
        if not 1 <= self.revision < 10**9:
            raise ValueError("revision must be between 1 and 999999999")
        parent = self.parent_revision
        if parent is not None and (not isinstance(parent, int) or not 1 <= parent < 10**9):
            raise ValueError("parent_revision must be None or a positive int")
        if (self.kind == "handover") != (self.recipient is not None):
            raise ValueError("a handover package needs a recipient, and only it")
        if self.recipient is not None:
            require_id(self.recipient, "recipient")


@dataclass(frozen=True)
class PackageName:
    followup_id: str
    part: str
    revision: int
    sha16: str

    @property
    def revision_key(self) -> tuple[str, str, int]:
        return (self.followup_id, self.part, self.revision)


@dataclass(frozen=True)
class Package:
    meta: PackageMeta
    members: dict[str, bytes]
    sha256: str
    key_id: str
    manifest: dict[str, Any]


def package_name(meta: PackageMeta, sha256: str) -> str:
    return f"{meta.followup_id}.{meta.part}.r{meta.revision}.{sha256[:16]}{PACKAGE_SUFFIX}"


def parse_package_name(name: str) -> PackageName | None:
    match = _NAME_RE.match(name)
    if match is None:
        return None
    return PackageName(
        match["followup"], match["part"], int(match["revision"]), match["sha"]
    )


def member_name_problem(name: str, limits: PackageLimits = DEFAULT_LIMITS) -> str | None:
    """Why a member name is unsafe, or None. Shared by building and reading."""
    if not isinstance(name, str) or not name:
        return "tomt filnamn"
    if len(name) > limits.max_name_length:
        return "för långt filnamn"
    if _CONTROL_RE.search(name):
        return "styrtecken i filnamnet"
    if "\\" in name or ":" in name:
        return "otillåtet tecken (\\ eller :) i filnamnet"
    if name.startswith("/"):
        return "absolut sökväg"
    for segment in name.split("/"):
        if segment in ("", ".", ".."):
            return "otillåten sökvägsdel (.., . eller tom)"
        if segment.split(".")[0].lower() in _WINDOWS_RESERVED or segment.endswith((" ", ".")):
            return "filnamn som Windows inte tillåter"
    return None


def _canonical(body: Mapping[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def build_package(
    meta: PackageMeta,
    members: Mapping[str, bytes],
    key: SigningKey,
    limits: PackageLimits = DEFAULT_LIMITS,
) -> bytes:
    """The package's bytes: deterministic for the same meta, members and key."""
    return b"".join(build_package_parts(meta, members, key, limits))


def build_package_parts(
    meta: PackageMeta,
    members: Mapping[str, bytes],
    key: SigningKey,
    limits: PackageLimits = DEFAULT_LIMITS,
) -> list[bytes]:
    """``build_package`` as pieces to concatenate (the members' bytes are
    pieces themselves, not copies): the push hashes and writes them as they
    are, which saves assembling every package in fresh memory."""
    meta.validate()
    if meta.device_id != key.device_id:
        raise ValueError("the package's device id must be the signing key's device id")
    if len(members) > limits.max_members:
        raise ValueError("too many members")
    listing: dict[str, dict[str, Any]] = {}
    for name in sorted(members):
        problem = member_name_problem(name, limits)
        if problem is not None or name == MANIFEST_NAME:
            raise ValueError(f"bad member name {name!r}: {problem or 'reserved'}")
        data = members[name]
        if len(data) > limits.max_member_bytes:
            raise ValueError(f"member {name!r} is larger than {limits.max_member_bytes} bytes")
        listing[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    body: dict[str, Any] = {
        "format": PACKAGE_FORMAT,
        "format_version": PACKAGE_FORMAT_VERSION,
        "kind": meta.kind,
        "followup_id": meta.followup_id,
        "part": meta.part,
        "revision": meta.revision,
        "parent_revision": meta.parent_revision,
        "device_id": meta.device_id,
        "data_format_version": meta.data_format_version,
        "recipient": meta.recipient,
        "device_time": meta.device_time,
        "info": dict(meta.info),
        "members": listing,
        "key_id": key.key_id,
    }
    signature = key.sign(_canonical(body))
    manifest = dict(body)
    manifest["signature"] = {"algorithm": "ed25519", "value": base64.b64encode(signature).decode()}
    manifest_bytes = dumps_indent1_sorted(manifest).encode("utf-8")
    return stored_zip_parts([(MANIFEST_NAME, manifest_bytes)] + [(n, members[n]) for n in listing])


def read_package(
    path: Path,
    trusted_keys: Mapping[str, TrustedKey],
    fs: FileSystem | None = None,
    limits: PackageLimits = DEFAULT_LIMITS,
) -> Package:
    """Read and verify a package file; PackageError (Swedish reason) if it fails."""
    fs = fs if fs is not None else FileSystem()
    try:
        data = fs.read_bytes(path, limits.max_package_bytes)
    except OSError as exc:
        raise translate_os_error(exc, path, "läsa") from exc
    return verify_package_bytes(data, trusted_keys, name=path.name, path=path, limits=limits)


def verify_package_bytes(
    data: bytes,
    trusted_keys: Mapping[str, TrustedKey],
    name: str | None = None,
    path: Path | None = None,
    limits: PackageLimits = DEFAULT_LIMITS,
) -> Package:
    where = path if path is not None else name

    def fail(reason: str) -> PackageError:
        return PackageError(reason, where)

    if len(data) > limits.max_package_bytes:
        raise fail(f"paketet är större än {limits.max_package_bytes} byte")
    sha256 = hashlib.sha256(data).hexdigest()
    if name is not None:
        parsed = parse_package_name(name)
        if parsed is not None and parsed.sha16 != sha256[:16]:
            raise fail("innehållet stämmer inte med kontrollsumman i filnamnet (filen är skadad)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError,
            OSError):
        # NotImplementedError: a damaged "version needed" field in the central directory
        raise fail("filen är inget giltigt paket (trasig zip)") from None
    try:
        with archive:
            manifest, members = _read_members(archive, limits, fail)
    except PackageError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
            ValueError, OSError) as exc:
        raise fail(f"paketet kan inte läsas ({type(exc).__name__})") from None
    meta, key_id = _check_manifest(manifest, members, trusted_keys, fail)
    return Package(meta, members, sha256, key_id, manifest)


def _read_members(
    archive: zipfile.ZipFile, limits: PackageLimits, fail: _Fail
) -> tuple[dict[str, Any], dict[str, bytes]]:
    infos = archive.infolist()
    if len(infos) > limits.max_members + 1:
        raise fail("för många filer i paketet")
    seen: set[str] = set()
    for info in infos:
        problem = member_name_problem(info.filename, limits)
        if problem is not None:
            raise fail(f"otillåtet filnamn {info.filename!r} i paketet: {problem}")
        if info.filename in seen:
            raise fail(f"filnamnet {info.filename!r} förekommer två gånger")
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise fail("paketet är krypterat på ett sätt som inte stöds")
    if MANIFEST_NAME not in seen:
        raise fail("manifest.json saknas")
    manifest_info = archive.getinfo(MANIFEST_NAME)
    raw_manifest = _read_capped(archive, manifest_info, limits.max_manifest_bytes, fail)
    try:
        manifest = json.loads(raw_manifest.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise fail("manifest.json är inte giltig JSON") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("members"), dict):
        raise fail("manifest.json saknar fillistan")
    declared: dict[str, Any] = manifest["members"]
    if set(declared) != seen - {MANIFEST_NAME}:
        raise fail("filerna i paketet stämmer inte med manifest.json")
    members: dict[str, bytes] = {}
    for info in infos:
        if info.filename == MANIFEST_NAME:
            continue
        entry = declared[info.filename]
        if not isinstance(entry, dict):
            raise fail(f"manifest.json beskriver {info.filename!r} felaktigt")
        size, digest = entry.get("size"), entry.get("sha256")
        if not isinstance(size, int) or not isinstance(digest, str):
            raise fail(f"manifest.json beskriver {info.filename!r} felaktigt")
        if size > limits.max_member_bytes or info.file_size > limits.max_member_bytes:
            raise fail(f"filen {info.filename!r} är för stor (över {limits.max_member_bytes} byte)")
        if info.file_size != size:
            raise fail(f"storleken på {info.filename!r} stämmer inte med manifest.json")
        content = _read_capped(archive, info, size, fail)
        if len(content) != size or hashlib.sha256(content).hexdigest() != digest:
            raise fail(f"kontrollsumman för {info.filename!r} stämmer inte (filen är skadad)")
        members[info.filename] = content
    return manifest, members


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, fail: _Fail) -> bytes:
    if info.file_size > cap:
        raise fail(f"filen {info.filename!r} är för stor")
    # The header's size can lie (zip bomb): read at most cap + 1 bytes.
    with archive.open(info) as handle:
        content = handle.read(cap + 1)
    if len(content) > cap:
        raise fail(f"filen {info.filename!r} är för stor")
    return content


def _check_manifest(
    manifest: dict[str, Any],
    members: dict[str, bytes],
    trusted_keys: Mapping[str, TrustedKey],
    fail: _Fail,
) -> tuple[PackageMeta, str]:
    if manifest.get("format") != PACKAGE_FORMAT:
        raise fail("det är inget paket från Uppföljaren")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > PACKAGE_FORMAT_VERSION:
        raise fail(f"paketformat {version!r} är nyare än programmet förstår; uppdatera programmet")
    try:
        info = manifest.get("info") or {}
        meta = PackageMeta(
            kind=manifest["kind"],
            followup_id=manifest["followup_id"],
            part=manifest["part"],
            revision=manifest["revision"],
            parent_revision=manifest["parent_revision"],
            device_id=manifest["device_id"],
            data_format_version=manifest["data_format_version"],
            recipient=manifest.get("recipient"),
            device_time=manifest.get("device_time"),
            info=info if isinstance(info, dict) else {},
        )
        meta.validate()
    except (KeyError, ValueError, TypeError) as exc:
        raise fail(f"manifest.json har ogiltiga uppgifter ({exc})") from None
    signature = manifest.get("signature")
    key_id = manifest.get("key_id")
    if not isinstance(signature, dict) or signature.get("algorithm") != "ed25519":
        raise fail("signatur saknas")
    trusted = trusted_keys.get(key_id) if isinstance(key_id, str) else None
    if trusted is None:
        raise fail("paketet är signerat med en okänd nyckel")
    if trusted.device_id != meta.device_id:
        raise fail("nyckeln tillhör en annan dator än den som anges i paketet")
    try:
        raw_signature = base64.b64decode(str(signature.get("value")), validate=True)
    except ValueError:
        raise fail("signaturen är felaktigt kodad") from None
    body = {k: v for k, v in manifest.items() if k != "signature"}
    if not trusted.verify(raw_signature, _canonical(body)):
        raise fail("signaturen är ogiltig (paketet har ändrats eller är förfalskat)")
    return meta, key_id
