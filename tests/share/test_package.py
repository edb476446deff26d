from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.share.errors import PackageError
from app.services.share.package import (
    MANIFEST_NAME,
    PackageLimits,
    PackageMeta,
    build_package,
    member_name_problem,
    package_name,
    parse_package_name,
    read_package,
    verify_package_bytes,
)
from app.services.share.signing import SigningKey, TrustedKey, trusted_from_keys
from tests.share.helpers import members, meta


def _rezip(data: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    """Rewrite a package's zip, letting ``change(name, content)`` edit entries."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            for name, content in change(info.filename, src.read(info)):
                dst.writestr(name, content)
    return out.getvalue()


def test_round_trip_and_manifest(key: SigningKey, trusted: dict[str, TrustedKey],
                                 tmp_path: Path) -> None:
    m = meta("fu-1", "hsl", 3, parent=2)
    content = members(1)
    data = build_package(m, content, key)
    name = package_name(m, hashlib.sha256(data).hexdigest())
    path = tmp_path / name
    path.write_bytes(data)
    package = read_package(path, trusted)
    assert package.members == content
    assert package.meta == m
    assert package.key_id == key.key_id
    manifest = package.manifest
    assert manifest["format_version"] == 1 and manifest["kind"] == "followup"
    assert manifest["part"] == "hsl" and manifest["revision"] == 3
    assert manifest["parent_revision"] == 2 and manifest["device_id"] == "laptop-a"
    assert manifest["members"]["report.pdf"]["sha256"] == hashlib.sha256(
        content["report.pdf"]).hexdigest()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist()[0] == MANIFEST_NAME


def test_build_is_deterministic_so_names_are(key: SigningKey) -> None:
    first = build_package(meta("fu-1"), members(1), key)
    second = build_package(meta("fu-1"), dict(reversed(list(members(1).items()))), key)
    assert first == second
    other = build_package(meta("fu-1", revision=2, parent=1), members(1), key)
    assert other != first


def test_names_parse_back() -> None:
    m = meta("fu-7", "sol", 12)
    name = package_name(m, "ab" * 32)
    parsed = parse_package_name(name)
    assert name == "fu-7.sol.r12.abababababababab.pkg"
    assert parsed is not None and parsed.revision_key == ("fu-7", "sol", 12)
    for junk in ("fu-7.sol.r12.abab.pkg", "fu-7.xyz.r1.abababababababab.pkg",
                 "../fu.sol.r1.abababababababab.pkg", "fu-7.sol.r12.abababababababab.pkg (1)"):
        assert parse_package_name(junk) is None


@pytest.mark.parametrize("bad", ["../etc/passwd", "/abs/path", "a/../../b", "C:\\x.pdf",
                                 "c:x.pdf", "dir\\file", "", "a//b", "./a", "nul.txt",
                                 "ok\x00.pdf", "x" * 300, "trailing."])
def test_unsafe_member_names(bad: str) -> None:
    assert member_name_problem(bad) is not None


def test_build_refuses_unsafe_names(key: SigningKey) -> None:
    for bad in ("../x", "manifest.json", "/x"):
        with pytest.raises(ValueError):
            build_package(meta("fu-1"), {bad: b"x"}, key)


@pytest.mark.parametrize("evil", ["../../evil.sh", "/etc/cron.d/evil", "..\\evil.bat",
                                  "C:/Windows/evil.dll", "attachments/../../x"])
def test_read_rejects_path_traversal(key: SigningKey, trusted: dict[str, TrustedKey],
                                     evil: str) -> None:
    data = build_package(meta("fu-1"), members(1), key)

    def add_evil(name: str, content: bytes):  # type: ignore[no-untyped-def]
        yield name, content
        if name == MANIFEST_NAME:
            yield evil, b"boom"

    with pytest.raises(PackageError) as caught:
        verify_package_bytes(_rezip(data, add_evil), trusted)
    assert "otillåtet filnamn" in caught.value.reason


def test_read_rejects_oversized_member_before_reading(key: SigningKey,
                                                      trusted: dict[str, TrustedKey]) -> None:
    data = build_package(meta("fu-1"), members(1, pdf_size=5000), key)
    with pytest.raises(PackageError) as caught:
        verify_package_bytes(data, trusted, limits=PackageLimits(max_member_bytes=1000))
    assert "för stor" in caught.value.reason
    with pytest.raises(PackageError):
        verify_package_bytes(data, trusted, limits=PackageLimits(max_package_bytes=1000))


def test_read_rejects_zip_bomb_member(key: SigningKey, trusted: dict[str, TrustedKey]) -> None:
    """A tiny deflated member that expands to 5 MB, honestly listed and signed:
    the package is small, the member cap refuses it before decompressing."""
    import base64

    from app.services.share.package import _canonical

    data = build_package(meta("fu-1"), members(1), key)
    bomb = b"\0" * 5_000_000
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        manifest = json.loads(src.read(MANIFEST_NAME))
        manifest["members"]["bomb.bin"] = {"sha256": hashlib.sha256(bomb).hexdigest(),
                                           "size": len(bomb)}
        body = {k: v for k, v in manifest.items() if k != "signature"}
        manifest["signature"]["value"] = base64.b64encode(key.sign(_canonical(body))).decode()
        dst.writestr(MANIFEST_NAME, json.dumps(manifest))
        for info in src.infolist()[1:]:
            dst.writestr(info.filename, src.read(info))
        dst.writestr("bomb.bin", bomb, zipfile.ZIP_DEFLATED)
    packed = out.getvalue()
    assert len(packed) < 100_000
    assert verify_package_bytes(packed, trusted).members["bomb.bin"] == bomb  # sane when allowed
    with pytest.raises(PackageError) as caught:
        verify_package_bytes(packed, trusted, limits=PackageLimits(max_member_bytes=100_000))
    assert "bomb.bin" in caught.value.reason and "för stor" in caught.value.reason


def test_bad_signature_unknown_key_and_wrong_device(key: SigningKey, key_b: SigningKey,
                                                    trusted: dict[str, TrustedKey]) -> None:
    data = build_package(meta("fu-1"), members(1), key)

    def tamper(name: str, content: bytes):  # type: ignore[no-untyped-def]
        if name == MANIFEST_NAME:
            body = json.loads(content)
            body["revision"] = 9  # a forged revision number
            content = json.dumps(body).encode()
        yield name, content

    with pytest.raises(PackageError) as caught:
        verify_package_bytes(_rezip(data, tamper), trusted)
    assert "signaturen är ogiltig" in caught.value.reason

    with pytest.raises(PackageError) as caught:
        verify_package_bytes(data, trusted_from_keys(key_b))
    assert "okänd nyckel" in caught.value.reason

    # laptop-b's key cannot sign for laptop-a, even when both are trusted.
    impostor = SigningKey("laptop-a", key_b.private)
    forged = build_package(meta("fu-1"), members(1), impostor)
    with pytest.raises(PackageError) as caught:
        verify_package_bytes(forged, trusted)
    assert "annan dator" in caught.value.reason


def test_member_swapped_after_signing_is_caught(key: SigningKey,
                                                trusted: dict[str, TrustedKey]) -> None:
    data = build_package(meta("fu-1"), members(1), key)

    def swap(name: str, content: bytes):  # type: ignore[no-untyped-def]
        yield name, (b"%PDF-forged" if name == "report.pdf" else content)

    with pytest.raises(PackageError) as caught:
        verify_package_bytes(_rezip(data, swap), trusted)
    assert "report.pdf" in caught.value.reason


def test_newer_package_format_is_refused(key: SigningKey, trusted: dict[str, TrustedKey]) -> None:
    data = build_package(meta("fu-1"), members(1), key)

    def bump(name: str, content: bytes):  # type: ignore[no-untyped-def]
        if name == MANIFEST_NAME:
            body = json.loads(content)
            body["format_version"] = 99
            content = json.dumps(body).encode()
        yield name, content

    with pytest.raises(PackageError) as caught:
        verify_package_bytes(_rezip(data, bump), trusted)
    assert "uppdatera programmet" in caught.value.reason


def test_garbage_is_a_package_error(trusted: dict[str, TrustedKey]) -> None:
    for junk in (b"", b"PK\x03\x04garbage", b"%PDF-1.4", bytes(range(256)) * 10):
        with pytest.raises(PackageError):
            verify_package_bytes(junk, trusted)


def test_flipped_byte_anywhere_fails_when_named(key: SigningKey, trusted: dict[str, TrustedKey],
                                                tmp_path: Path) -> None:
    data = build_package(meta("fu-1"), members(1, pdf_size=600), key)
    name = package_name(meta("fu-1"), hashlib.sha256(data).hexdigest())
    for offset in range(0, len(data), 7):
        damaged = bytearray(data)
        damaged[offset] ^= 0x01
        with pytest.raises(PackageError) as caught:
            verify_package_bytes(bytes(damaged), trusted, name=name)
        assert "skadad" in caught.value.reason


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_packages_give_valid_result_or_package_error(data: st.DataObject) -> None:
    key = SigningKey.generate("laptop-a")
    trusted = trusted_from_keys(key)
    original = build_package(meta("fu-1"), members(2, pdf_size=300), key)
    damaged = bytearray(original)
    for _ in range(data.draw(st.integers(1, 4))):
        offset = data.draw(st.integers(0, len(damaged) - 1))
        damaged[offset] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(damaged)))
    candidate = bytes(damaged[:cut]) if data.draw(st.booleans()) else bytes(damaged)
    try:
        package = verify_package_bytes(candidate, trusted)
    except PackageError:
        return
    # Whatever still verifies must be exactly the signed content.
    assert package.members == members(2, pdf_size=300)
    assert package.meta == meta("fu-1")


def test_handover_meta_needs_recipient() -> None:
    with pytest.raises(ValueError):
        PackageMeta("handover", "fu-1", "sol", 1, None, "laptop-a").validate()
    with pytest.raises(ValueError):
        PackageMeta("followup", "fu-1", "sol", 1, None, "laptop-a", recipient="kollega").validate()
    with pytest.raises(ValueError):
        PackageMeta("followup", "fu-1", "xyz", 1, None, "laptop-a").validate()
    with pytest.raises(ValueError):
        PackageMeta("followup", "fu-1", "sol", 0, None, "laptop-a").validate()


def test_damaged_version_needed_field_is_a_package_error(key: SigningKey,
                                                         trusted: dict[str, TrustedKey]) -> None:
    # zipfile raises NotImplementedError (not BadZipFile) for an unknown "version needed"
    damaged = bytearray(build_package(meta("fu-1"), members(2), key))
    central = damaged.index(b"PK\x01\x02")
    damaged[central + 6] = 64
    with pytest.raises(PackageError):
        verify_package_bytes(bytes(damaged), trusted)
