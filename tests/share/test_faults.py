"""Share faults injected at the file-system layer, at every operation in turn.

CI runs as root, where chmod proves nothing, so permission, network and
disk-full errors are raised by FaultyFileSystem at op N for N = 1, 2, ...
until the push runs to completion (SQLite's I/O-error loop), once failing a
single time and once failing from then on. After each faulty run: no file
under a final name fails verification, every message is Swedish and names a
path on the share, and a normal push afterwards completes exactly once.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.services.share import publish as publish_module
from app.services.share.layout import Share
from app.services.share.package import parse_package_name, read_package
from app.services.share.signing import SigningKey, TrustedKey, load_trusted_keys
from app.services.share.sync_runner import push_all
from tests.share.faults import FaultyFileSystem, files_under
from tests.share.helpers import item

EXPECTED_WORDS = {
    "ENOSPC": "är full",
    "EACCES": "Behörighet saknas",
    "ENOTCONN": "går inte att nå",
    "ESTALE": "går inte att nå",
    "WIN53": "går inte att nå",
    "WIN64": "går inte att nå",
    "EIO": "Ett fel uppstod",
    "WIN32": "används av ett annat program",
}


def _check_share(root: Path, trusted: dict[str, TrustedKey]) -> list[str]:
    outbox = root / "devices" / "laptop-a" / "outbox"
    names = sorted(os.listdir(outbox)) if outbox.exists() else []
    for name in names:
        assert parse_package_name(name) is not None, name
        read_package(outbox / name, trusted)  # raises if anything under a final name is bad
    return names


@pytest.mark.parametrize("persistent", [False, True], ids=["once", "persistent"])
@pytest.mark.parametrize("kind", sorted(EXPECTED_WORDS))
def test_fault_at_every_operation(tmp_path: Path, key: SigningKey, kind: str, persistent: bool,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch protocol: temps, one flush, links, read-back."""
    _fault_at_every_operation(tmp_path, key, kind, persistent, monkeypatch, "batch")


@pytest.mark.parametrize("persistent", [False, True], ids=["once", "persistent"])
@pytest.mark.parametrize("kind", ["EIO", "ENOSPC", "WIN53", "WIN32"])
def test_fault_at_every_operation_fsync_per_file(tmp_path: Path, key: SigningKey, kind: str,
                                                 persistent: bool,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The Windows / network-share protocol: one fsync per package."""
    _fault_at_every_operation(tmp_path, key, kind, persistent, monkeypatch, "per-file")


def _fault_at_every_operation(tmp_path: Path, key: SigningKey, kind: str, persistent: bool,
                              monkeypatch: pytest.MonkeyPatch, flush: str) -> None:
    monkeypatch.setattr(publish_module, "BUSY_RETRY_DELAYS", (0.0, 0.0, 0.0))
    items = [item(1), item(2)]
    seen: set[str] = set()
    trusted = {key.key_id: TrustedKey(key.device_id, key.key_id, key.public)}
    n = 0
    while True:
        n += 1
        root = tmp_path / f"{n}"
        Share(root).init(create_root=True)
        faulty = FaultyFileSystem(fail_at=n, kind=kind, persistent=persistent, flush=flush)
        summary = push_all(Share(root, faulty), "laptop-a", key, items, workers=1)
        seen.update(op for op, _ in faulty.log)
        if faulty.failures == 0:
            assert summary.ok and summary.pushed == 2
            break
        for message in summary.errors:
            assert EXPECTED_WORDS[kind] in message, (n, message)
            assert str(root) in message, (n, message)
        if persistent and kind != "WIN32":
            assert summary.errors, f"op {n}: a persistent fault must be reported"
        _check_share(root, trusted)
        # The next normal sync completes: every package exactly once, no temps.
        after = push_all(Share(root), "laptop-a", key, items)
        assert after.errors == [], (n, after.errors)
        assert after.pushed + after.already_there + after.repaired == 2
        assert len(_check_share(root, trusted)) == 2
        assert os.listdir(root / "devices" / "laptop-a" / "tmp") == []
        assert key.key_id in load_trusted_keys(Share(root))
    assert n > 20  # the loop really walked through the operations
    # ... through the protocol chosen, and only that one
    assert ("flush_all" in seen) == (flush == "batch"), seen


def test_share_not_mounted(tmp_path: Path, key: SigningKey) -> None:
    missing = tmp_path / "mnt" / "central"
    summary = push_all(Share(missing), "laptop-a", key, [item(1)])
    assert not summary.ok and summary.pushed == 0
    assert len(summary.errors) == 1
    assert "finns inte eller är inte ansluten" in summary.errors[0]
    assert str(missing) in summary.errors[0]
    assert not missing.exists()


def test_share_vanishes_mid_sync_stops_the_run(share: Share, key: SigningKey) -> None:
    faulty = FaultyFileSystem(fail_at=30, kind="ENOTCONN", persistent=True)
    items = [item(n) for n in range(10)]
    summary = push_all(Share(share.root, faulty), "laptop-a", key, items, workers=1)
    assert summary.errors and len(summary.errors) == 1  # one message, not one per package
    assert summary.pushed < 10
    assert len(summary.results) < 10  # the run stopped instead of failing every package
    trusted = {key.key_id: TrustedKey(key.device_id, key.key_id, key.public)}
    assert len(_check_share(share.root, trusted)) == summary.pushed
    after = push_all(Share(share.root), "laptop-a", key, items)
    assert after.errors == [] and after.pushed + after.already_there == 10
    assert after.stale_temps_removed >= 1  # the temp the dead share kept is gone now
    assert os.listdir(share.tmp_dir("laptop-a")) == []
    assert all(".part" not in p for p in files_under(share.root))


def test_permission_denied_on_link_leaves_no_partial(share: Share, key: SigningKey) -> None:
    faulty = FaultyFileSystem(fail_at=1, kind="EACCES", persistent=True, only=("link",))
    summary = push_all(Share(share.root, faulty), "laptop-a", key, [item(1)], workers=1)
    assert summary.pushed == 0
    assert "Behörighet saknas" in summary.errors[0]
    assert os.listdir(share.outbox_dir("laptop-a")) == []
    assert os.listdir(share.tmp_dir("laptop-a")) == []


def test_busy_file_is_retried_then_succeeds(share: Share, key: SigningKey,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(publish_module, "BUSY_RETRY_DELAYS", (0.0, 0.0, 0.0))
    faulty = FaultyFileSystem(fail_at=1, kind="WIN32", only=("link",))
    summary = push_all(Share(share.root, faulty), "laptop-a", key, [item(1)], workers=1)
    assert faulty.failures == 1
    assert summary.ok and summary.pushed == 1


class StaleListingFileSystem(FaultyFileSystem):
    """An SMB directory cache that never shows new files."""

    def listdir(self, path: Path) -> list[str]:  # type: ignore[override]
        return []


def test_stale_listing_never_causes_a_duplicate_or_overwrite(share: Share, key: SigningKey) -> None:
    items = [item(1), item(2)]
    first = push_all(Share(share.root, StaleListingFileSystem()), "laptop-a", key, items)
    assert first.pushed == 2
    before = files_under(share.outbox_dir("laptop-a"))
    again = push_all(Share(share.root, StaleListingFileSystem()), "laptop-a", key, items)
    # The listing said "nothing there"; the no-replace link and the hash decided instead.
    assert again.pushed == 0 and again.already_there == 2 and again.errors == []
    assert files_under(share.outbox_dir("laptop-a")) == before
