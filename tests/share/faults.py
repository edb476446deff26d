"""A FileSystem that fails on purpose: raise a chosen OSError at the N-th
operation (once, or from then on), the way SQLite's I/O-error tests do."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

from app.services.share.fs import FileSystem

OPS = ("makedirs", "listdir", "stat", "open_exclusive", "write", "fsync", "close",
       "read_bytes", "read_into", "link", "unlink", "fsync_dir", "open_flush_handle",
       "flush_all")


def make_error(kind: str) -> OSError:
    """An OSError as the OS would raise it; Windows codes are set as
    ``winerror`` so the mapping is tested on Linux too."""
    posix = {
        "ENOSPC": errno.ENOSPC,
        "EIO": errno.EIO,
        "EACCES": errno.EACCES,
        "ENOTCONN": errno.ENOTCONN,
        "ESTALE": errno.ESTALE,
    }
    if kind in posix:
        return OSError(posix[kind], os.strerror(posix[kind]))
    if kind.startswith("WIN"):
        code = int(kind[3:])
        exc = OSError(errno.EACCES if code in (5, 32) else errno.EIO, f"winerror {code}")
        exc.winerror = code  # type: ignore[attr-defined]
        return exc
    raise ValueError(kind)


class FaultyFileSystem(FileSystem):
    """Counts every operation; raises ``make_error(kind)`` at op number
    ``fail_at`` (1-based). ``persistent`` keeps failing after that;
    ``only`` restricts counting to some op names.

    ``flush`` picks the flush protocol whatever file system the test runs
    on: "batch" (one flush per batch; where syncfs is not usable, e.g. CI on
    overlayfs, the flush is ``os.sync``), "per-file" (one fsync per package,
    the Windows and network-share path) or "auto" (what production does)."""

    def __init__(
        self,
        fail_at: int | None = None,
        kind: str = "EIO",
        persistent: bool = False,
        only: tuple[str, ...] | None = None,
        flush: str = "batch",
    ) -> None:
        self.flush = flush
        self.whole_fs_flush = flush != "per-file"
        self._emulated: set[int] = set()
        self.fail_at = fail_at
        self.kind = kind
        self.persistent = persistent
        self.only = only
        self.count = 0
        self.failures = 0
        self.log: list[tuple[str, str]] = []

    def _tick(self, op: str, target: object) -> None:
        if self.only is not None and op not in self.only:
            return
        self.count += 1
        self.log.append((op, str(target)))
        if self.fail_at is None:
            return
        if self.count == self.fail_at or (self.persistent and self.count > self.fail_at):
            self.failures += 1
            raise make_error(self.kind)


def _wrap(op: str) -> Callable[..., object]:
    base = getattr(FileSystem, op)

    def method(self: FaultyFileSystem, *args: object, **kwargs: object) -> object:
        self._tick(op, args[0] if args else "")
        return base(self, *args, **kwargs)

    method.__name__ = op
    return method


for _op in OPS:
    setattr(FaultyFileSystem, _op, _wrap(_op))


def _open_flush_handle(self: FaultyFileSystem, folder: Path) -> int | None:
    self._tick("open_flush_handle", folder)
    handle = FileSystem.open_flush_handle(self, folder)
    if handle is None and self.flush == "batch":
        handle = os.open(folder, os.O_RDONLY)
        self._emulated.add(handle)
    return handle


def _flush_all(self: FaultyFileSystem, handle: int) -> None:
    self._tick("flush_all", handle)
    if handle in self._emulated:
        os.sync()
    else:
        FileSystem.flush_all(self, handle)


FaultyFileSystem.open_flush_handle = _open_flush_handle  # type: ignore[method-assign]
FaultyFileSystem.flush_all = _flush_all  # type: ignore[method-assign]


def files_under(root: Path) -> dict[str, bytes]:
    """Every file under root, by relative path (for before/after comparisons)."""
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }
