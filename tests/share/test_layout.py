from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.services.share.errors import (
    ShareFormatError,
    ShareNotInitialisedError,
    SharePermissionError,
    ShareUnavailableError,
)
from app.services.share.layout import MARKER_NAME, SHARE_FORMAT_VERSION, Share, is_temp_name
from tests.share.faults import FaultyFileSystem


def test_init_writes_marker_and_folders(tmp_path: Path) -> None:
    share = Share(tmp_path / "central")
    info = share.init(created_by_device="laptop-a", create_root=True)
    assert info.format_version == SHARE_FORMAT_VERSION
    body = json.loads((tmp_path / "central" / MARKER_NAME).read_text())
    assert body == {"format": "uppfoljaren-share", "format_version": 1,
                    "created_by_device": "laptop-a"}
    for sub in ("devices", "keys", "receipts", "quarantine", "published/templates",
                "published/units"):
        assert (tmp_path / "central" / sub).is_dir()
    assert not [p for p in (tmp_path / "central").rglob("*.part")]


def test_init_never_replaces_an_existing_marker(share: Share) -> None:
    before = share.marker_path.read_bytes()
    info = Share(share.root).init(created_by_device="laptop-z")
    assert share.marker_path.read_bytes() == before
    assert info.created_by_device == "laptop-a"


def test_missing_root_is_unmounted_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "Z-drive" / "uppfoljaren"
    with pytest.raises(ShareUnavailableError) as caught:
        Share(missing).init()
    assert str(missing) in str(caught.value)
    assert "inte ansluten" in str(caught.value)
    assert not missing.exists()
    with pytest.raises(ShareUnavailableError):
        Share(missing).check()


def test_folder_without_marker_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ShareNotInitialisedError) as caught:
        Share(tmp_path).check()
    assert MARKER_NAME in str(caught.value) and str(tmp_path) in str(caught.value)


@pytest.mark.parametrize("content", [b"{not json", b'{"format": "other", "format_version": 1}',
                                     b'{"format": "uppfoljaren-share"}', b"\xff\xfe"])
def test_damaged_marker_is_refused(tmp_path: Path, content: bytes) -> None:
    (tmp_path / MARKER_NAME).write_bytes(content)
    with pytest.raises(ShareFormatError) as caught:
        Share(tmp_path).check()
    assert "skadad" in str(caught.value)


def test_newer_share_format_is_refused(tmp_path: Path) -> None:
    (tmp_path / MARKER_NAME).write_text(
        json.dumps({"format": "uppfoljaren-share", "format_version": SHARE_FORMAT_VERSION + 1})
    )
    with pytest.raises(ShareFormatError) as caught:
        Share(tmp_path).check()
    assert "Uppdatera programmet" in str(caught.value)


def test_unreadable_marker_reports_permission(share: Share) -> None:
    faulty = Share(share.root, FaultyFileSystem(fail_at=1, kind="EACCES", only=("read_bytes",)))
    with pytest.raises(SharePermissionError) as caught:
        faulty.check()
    assert "Behörighet saknas" in str(caught.value)
    assert MARKER_NAME in str(caught.value)


@pytest.mark.parametrize(
    ("name", "ignored"),
    [
        ("a.sol.r1.0123456789abcdef.pkg", False),
        ("a.sol.r1.0123456789abcdef.pkg.host.12.abcd1234.part", True),
        (".hidden", True),
        ("x (1).pkg", True),
        ("x.sync-conflict-20240101-120000-ABC.pkg", True),
        ("mall-2026.json.tmp", True),
    ],
)
def test_readers_ignore_temp_and_junk_names(name: str, ignored: bool) -> None:
    assert is_temp_name(name) is ignored


def test_device_ids_are_checked(share: Share) -> None:
    with pytest.raises(ValueError):
        share.outbox_dir("../other")
    with pytest.raises(ValueError):
        share.outbox_dir("a/b")


def test_local_default_share_is_created_on_first_use(tmp_path: Path) -> None:
    from app.paths import resolve_paths

    paths = resolve_paths(tmp_path / "data")
    share = Share.local_default(paths.default_share_dir, "dev-1")
    assert share.check().created_by_device == "dev-1"
    again = Share.local_default(paths.default_share_dir, "dev-2")
    assert again.check().created_by_device == "dev-1"


def test_new_device_ids_are_valid_and_distinct() -> None:
    from app.services.share.layout import new_device_id, valid_id

    ids = {new_device_id() for _ in range(100)}
    assert len(ids) == 100 and all(valid_id(i) for i in ids)
