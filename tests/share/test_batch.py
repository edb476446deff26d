"""The batch protocol of push_all: temps, one flush per batch, links, read-back.

What must hold whatever the flush protocol: a final name is only given to
flushed content, a failed flush leaves no final name and removes the
batch's temps, a crash (SIGKILL) before, during or after the flush leaves
only temp names besides whole packages, and the next sync completes exactly
once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.services.share import sync_runner
from app.services.share.layout import Share
from app.services.share.package import read_package
from app.services.share.signing import SigningKey, TrustedKey
from app.services.share.sync_runner import push_all
from tests.share.faults import FaultyFileSystem, make_error
from tests.share.helpers import item, save_key

ROOT = Path(__file__).resolve().parents[2]


def _ops(faulty: FaultyFileSystem, op: str) -> int:
    return sum(1 for name, _ in faulty.log if name == op)


def _outbox(share: Share) -> list[str]:
    folder = share.outbox_dir("laptop-a")
    return sorted(os.listdir(folder)) if folder.exists() else []


def _trusted(key: SigningKey) -> dict[str, TrustedKey]:
    return {key.key_id: TrustedKey(key.device_id, key.key_id, key.public)}


def test_one_flush_per_batch_instead_of_one_fsync_per_package(
        share: Share, key: SigningKey, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_runner, "BATCH_MAX_PACKAGES", 3)
    items = [item(n) for n in range(7)]
    batched = FaultyFileSystem(flush="batch")
    summary = push_all(Share(share.root, batched), "laptop-a", key, items)
    assert summary.ok and summary.pushed == 7
    assert _ops(batched, "flush_all") == 3  # 3 + 3 + 1
    assert _ops(batched, "fsync") == 1  # only the public key, written on its own

    other = Share(share.root.parent / "share-2")
    other.init(create_root=True)
    per_file = FaultyFileSystem(flush="per-file")
    summary = push_all(Share(other.root, per_file), "laptop-a", key, items)
    assert summary.ok and summary.pushed == 7
    assert _ops(per_file, "flush_all") == 0
    assert _ops(per_file, "fsync") == 7 + 1
    assert _outbox(share) == _outbox(other)  # same packages, same names either way


class WatchedFlushFileSystem(FaultyFileSystem):
    """The first flush waits until a package of the next batch is being
    written (or gives up after a while): did the build go on meanwhile?"""

    def __init__(self) -> None:
        super().__init__(flush="batch")
        self.first_flush_started = threading.Event()
        self.written_during_flush = threading.Event()
        self.overlapped: bool | None = None  # seen before the first flush returned?

    def open_exclusive(self, path: Path) -> int:
        if self.first_flush_started.is_set() and path.parent.name == "tmp":
            self.written_during_flush.set()
        return super().open_exclusive(path)

    def flush_all(self, handle: int) -> None:
        if not self.first_flush_started.is_set():
            self.first_flush_started.set()
            self.overlapped = self.written_during_flush.wait(timeout=20)
        super().flush_all(handle)


def test_the_next_batch_is_written_while_one_is_flushed(
        share: Share, key: SigningKey, monkeypatch: pytest.MonkeyPatch) -> None:
    """The flush waits for the disk: the next batch is built and written
    meanwhile, and results still come back in input order."""
    monkeypatch.setattr(sync_runner, "BATCH_MAX_PACKAGES", 2)
    items = [item(n) for n in range(6)]
    watched = WatchedFlushFileSystem()
    calls: list[int] = []
    summary = push_all(Share(share.root, watched), "laptop-a", key, items, workers=1,
                       progress=lambda done, total: calls.append(threading.get_ident()))
    assert summary.ok and summary.pushed == 6 and len(calls) == 6
    assert watched.overlapped is True
    assert calls and set(calls) == {threading.get_ident()}  # progress on the caller's thread
    assert [o.meta.followup_id for o in summary.results] == [i.meta.followup_id for i in items]
    assert _ops(watched, "flush_all") == 3
    for name in _outbox(share):
        read_package(share.outbox_dir("laptop-a") / name, _trusted(key))


class FailingWatchedFlush(WatchedFlushFileSystem):
    """The first flush fails (EIO) once a package of the next batch is being
    written: the error it reports may be that package's own."""

    def flush_all(self, handle: int) -> None:
        first = not self.first_flush_started.is_set()
        super().flush_all(handle)
        if first:
            raise make_error("EIO")


def test_a_package_begun_while_a_flush_failed_is_not_published(
        share: Share, key: SigningKey, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_runner, "BATCH_MAX_PACKAGES", 2)
    items = [item(n) for n in range(6)]
    watched = FailingWatchedFlush()
    summary = push_all(Share(share.root, watched), "laptop-a", key, items, workers=1)
    assert watched.overlapped is True
    failed = [o.meta.followup_id for o in summary.results if o.result is None]
    assert failed[:3] == ["fu-00000", "fu-00001", "fu-00002"]
    assert len(summary.errors) == 1 and "synkroniseringen kan köras igen" in summary.errors[0]
    assert len(_outbox(share)) == summary.pushed == 6 - len(failed)
    assert os.listdir(share.tmp_dir("laptop-a")) == []
    after = push_all(share, "laptop-a", key, items)
    assert after.errors == [] and after.pushed == len(failed)


def test_batches_are_bounded_by_bytes(share: Share, key: SigningKey,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_runner, "BATCH_MAX_BYTES", 1)
    faulty = FaultyFileSystem(flush="batch")
    summary = push_all(Share(share.root, faulty), "laptop-a", key, [item(n) for n in range(4)])
    assert summary.pushed == 4 and _ops(faulty, "flush_all") == 4


@pytest.mark.parametrize(("kind", "words"), [("EIO", "Ett fel uppstod"), ("ENOSPC", "är full"),
                                             ("ENOTCONN", "går inte att nå")])
def test_failed_flush_publishes_nothing_of_its_batch(share: Share, key: SigningKey, kind: str,
                                                     words: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_runner, "BATCH_MAX_PACKAGES", 2)
    items = [item(n) for n in range(5)]
    faulty = FaultyFileSystem(fail_at=1, kind=kind, only=("flush_all",))
    summary = push_all(Share(share.root, faulty), "laptop-a", key, items, workers=1)
    assert faulty.failures == 1
    assert len(summary.errors) == 1
    assert words in summary.errors[0] and str(share.root) in summary.errors[0]
    assert "synkroniseringen kan köras igen" in summary.errors[0]
    failed = [o.meta.followup_id for o in summary.results if o.result is None]
    # The whole batch, and any package begun while that flush ran (its
    # write-back error may be the one the flush reported).
    assert failed[:2] == ["fu-00000", "fu-00001"]
    assert failed == [f"fu-{n:05d}" for n in range(len(failed))]
    names = _outbox(share)
    assert len(names) == summary.pushed
    if kind == "EIO":
        assert summary.pushed == len(items) - len(failed) >= 1  # the run goes on
    else:
        assert len(summary.results) < len(items)  # full or gone: the run stops
    for name in names:
        read_package(share.outbox_dir("laptop-a") / name, _trusted(key))
    assert os.listdir(share.tmp_dir("laptop-a")) == []  # the batch's temps were removed

    after = push_all(share, "laptop-a", key, items)
    assert after.errors == [] and after.pushed == len(items) - summary.pushed
    assert after.already_there == summary.pushed
    assert len(_outbox(share)) == len(items)


class Crash(BaseException):
    """Stands for the process dying (not an OSError: nothing may catch it)."""


class CrashingFileSystem(FaultyFileSystem):
    def __init__(self, op: str) -> None:
        super().__init__(flush="batch")
        self.crash_op = op

    def _tick(self, op: str, target: object) -> None:
        super()._tick(op, target)
        # link is logged with its source: a package temp lives in the device's tmp/
        if op == self.crash_op and (op != "link" or Path(str(target)).parent.name == "tmp"):
            raise Crash(op)


@pytest.mark.parametrize("op", ["flush_all", "link"])
def test_crash_between_batch_write_and_link_leaves_no_final_name(
        share: Share, key: SigningKey, op: str) -> None:
    items = [item(n) for n in range(4)]
    with pytest.raises(Crash):
        push_all(Share(share.root, CrashingFileSystem(op)), "laptop-a", key, items, workers=2)
    assert _outbox(share) == []
    after = push_all(share, "laptop-a", key, items)
    assert after.errors == [] and after.pushed == 4
    assert os.listdir(share.tmp_dir("laptop-a")) == []


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
@pytest.mark.parametrize("step", ["before-flush", "after-flush", "after-first-link"])
def test_sigkill_at_each_step_of_a_batch(tmp_path: Path, step: str) -> None:
    key = SigningKey.generate("laptop-a")
    key_file = tmp_path / "key.json"
    save_key(key, key_file)
    share = Share(tmp_path / "share")
    share.init(create_root=True)
    count = 6
    child = subprocess.run(
        [sys.executable, "-m", "tests.share.child_batch", str(share.root), str(key_file),
         str(count), step],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    names = _outbox(share)
    assert len(names) == (1 if step == "after-first-link" else 0)
    for name in names:
        read_package(share.outbox_dir("laptop-a") / name, _trusted(key))  # whole, never partial
    left = os.listdir(share.tmp_dir("laptop-a"))
    # Every temp of the batch is still there (killed before removing them, even
    # the one already linked): the rest of the batch exists under temp names only.
    assert len(left) == count

    after = push_all(share, "laptop-a", key, [item(n) for n in range(count)])
    assert after.errors == [] and after.conflicts == 0
    assert after.pushed == count - len(names) and after.already_there == len(names)
    assert after.stale_temps_removed == len(left)
    assert os.listdir(share.tmp_dir("laptop-a")) == []
    for name in _outbox(share):
        read_package(share.outbox_dir("laptop-a") / name, _trusted(key))




def test_an_unexpected_error_while_committing_leaves_no_temps(
        share: Share, key: SigningKey, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug (not a share fault) in one batch's commit stops the push; the
    next batch, already written under temp names, is removed too."""
    from app.services.share import batch

    monkeypatch.setattr(sync_runner, "BATCH_MAX_PACKAGES", 3)
    real = batch.make_result
    calls: list[int] = []

    def fails_once(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("unexpected")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "make_result", fails_once)
    with pytest.raises(RuntimeError):
        push_all(Share(share.root, FaultyFileSystem(flush="batch")), "laptop-a", key,
                 [item(n) for n in range(7)])
    assert os.listdir(share.tmp_dir("laptop-a")) == []
    monkeypatch.setattr(batch, "make_result", real)
    after = push_all(share, "laptop-a", key, [item(n) for n in range(7)])
    assert after.errors == [] and after.pushed + after.already_there == 7
