"""The one file-system layer that all share code goes through.

Keeping every touch of the share behind these few methods lets tests raise
any OSError (ENOSPC, EIO, EACCES, ENOTCONN, Windows error 32/53/64) at the
N-th operation, which is the only honest way to test permission and network
faults when CI runs as root (chmod does not stop root).
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path

_O_BINARY = getattr(os, "O_BINARY", 0)
_O_NOINHERIT = getattr(os, "O_NOINHERIT", 0)
_IOV_MAX = 512  # writev takes at most IOV_MAX (1024 on Linux) pieces at a time

# Linux file systems whose syncfs() writes back and waits for all dirty data
# and metadata of the file system: local disks and tmpfs. Network file
# systems are left out on purpose: there only a per-file fsync asks the
# server to commit (SMB2 FLUSH), so they keep one fsync per package.
_SYNCFS_FILE_SYSTEMS = {
    0xEF53,  # ext2/3/4
    0x58465342,  # xfs
    0x9123683E,  # btrfs
    0xF2F52010,  # f2fs
    0x01021994,  # tmpfs (nothing to write back; tests and CI)
}
# Before 5.8 syncfs() returned 0 even when write-back failed (the error was
# lost), which would let a batch look durable when it is not.
_SYNCFS_MIN_KERNEL = (5, 8)


class FileSystem:
    """Real file operations. Subclass (or wrap) to inject faults in tests."""

    # False forces one fsync per file even where a whole-file-system flush
    # works (tests use it to exercise the Windows / network-share path).
    whole_fs_flush = True

    def makedirs(self, path: Path) -> None:
        os.makedirs(path, exist_ok=True)

    def listdir(self, path: Path) -> list[str]:
        return os.listdir(path)

    def stat(self, path: Path) -> os.stat_result:
        return os.stat(path)

    def open_exclusive(self, path: Path) -> int:
        """Create ``path`` for writing; fails if it exists."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY | _O_NOINHERIT
        return os.open(path, flags, 0o644)

    def write(self, fd: int, data: bytes | memoryview | Sequence[bytes]) -> None:
        """Write all of ``data``; a sequence of pieces is written as if joined
        (gathered with writev where there is one: no copy into one buffer)."""
        if isinstance(data, (bytes, bytearray, memoryview)):
            data = [bytes(data) if isinstance(data, memoryview) else data]
        pieces = [piece for piece in data if len(piece)]
        writev = getattr(os, "writev", None)
        while pieces:
            if writev is None:
                written = os.write(fd, pieces[0])
            else:
                written = writev(fd, pieces[:_IOV_MAX])
            while pieces and written >= len(pieces[0]):  # drop what was written
                written -= len(pieces[0])
                pieces.pop(0)
            if written:
                pieces[0] = pieces[0][written:]

    def fsync(self, fd: int) -> None:
        os.fsync(fd)

    def close(self, fd: int) -> None:
        os.close(fd)

    def read_bytes(self, path: Path, limit: int) -> bytes:
        """Read at most ``limit`` + 1 bytes, so callers can refuse oversize files
        without loading a huge one whole."""
        with open(path, "rb") as handle:
            # read(n) allocates n bytes up front: ask for the file's size (+1
            # to notice growth), never for the cap itself, which may be huge.
            want = min(limit, os.fstat(handle.fileno()).st_size) + 1
            data = handle.read(want)
            if len(data) < want or want > limit:
                return data
            chunks = [data]  # the file grew while we read it: go on in steps, still capped
            total = len(data)
            while total <= limit:
                chunk = handle.read(min(1 << 20, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
            return b"".join(chunks)

    def read_into(self, path: Path, buffer: bytearray | memoryview) -> int:
        """Fill ``buffer`` from the start of the file; return how many bytes
        were read (at most ``len(buffer)``). Reusing one buffer spares the
        read-back of every package a fresh allocation (and its page faults)."""
        view = memoryview(buffer)
        total = 0
        with open(path, "rb", buffering=0) as handle:
            while total < len(buffer):
                count = handle.readinto(view[total:])
                if not count:
                    break
                total += count
        return total

    def link(self, source: Path, target: Path) -> None:
        """Give ``source`` the new name ``target``, never replacing an existing file.

        Raises FileExistsError when ``target`` exists. POSIX ``link`` is the
        Maildir/Git publish; where hard links are not supported (some SMB
        servers, FAT) Windows ``rename`` also refuses to replace, and on POSIX
        the fallback checks first (a small window, acceptable because only one
        laptop writes in its own device folder).
        """
        try:
            os.link(source, target)
            return
        except FileExistsError:
            raise
        except OSError as exc:
            if not _link_unsupported(exc):
                raise
        if sys.platform != "win32" and os.path.lexists(target):
            raise FileExistsError(17, "File exists", str(target))
        os.rename(source, target)

    def rename_no_replace(self, source: Path, target: Path) -> None:
        """Move a file to a new name that must not exist (quarantine moves)."""
        self.link(source, target)
        self.unlink(source, missing_ok=True)

    def unlink(self, path: Path, missing_ok: bool = False) -> None:
        try:
            os.unlink(path)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def fsync_dir(self, path: Path) -> None:
        if os.name != "posix":
            return  # Windows cannot open a folder for fsync; the server journals renames.
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def open_flush_handle(self, folder: Path) -> int | None:
        """A handle for flushing many files with one ``flush_all``, or None
        where each file must be fsynced itself (Windows: FlushFileBuffers per
        file; network shares; old kernels; unknown file systems).

        Open it before writing the files: syncfs reports every write-back
        error of the file system since the handle was opened (Linux >= 5.8).
        """
        if not self.whole_fs_flush or _syncfs() is None or _fs_type(folder) not in _SYNCFS_FILE_SYSTEMS:
            return None
        return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))

    def flush_all(self, handle: int) -> None:
        """Write back and wait for everything written on the handle's file
        system (syncfs), raising the write-back error if any."""
        syncfs = _syncfs()
        if syncfs is None:  # only reachable with a handle from a subclass
            raise OSError(errno.ENOSYS, "syncfs is not available")
        if syncfs(handle) != 0:
            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code))


def _kernel_version() -> tuple[int, int]:
    parts = os.uname().release.split(".")
    try:
        return int(parts[0]), int("".join(ch for ch in parts[1] if ch.isdigit()) or 0)
    except (IndexError, ValueError):
        return (0, 0)


_SYNCFS_CACHE: list[object] = []


def _syncfs() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    """libc's syncfs on Linux >= 5.8, else None (looked up once)."""
    if not _SYNCFS_CACHE:
        func = None
        if sys.platform.startswith("linux") and _kernel_version() >= _SYNCFS_MIN_KERNEL:
            try:
                func = ctypes.CDLL(None, use_errno=True).syncfs
                func.argtypes = [ctypes.c_int]
                func.restype = ctypes.c_int
            except (OSError, AttributeError):
                func = None
        _SYNCFS_CACHE.append(func)
    return _SYNCFS_CACHE[0]  # type: ignore[return-value]


def _fs_type(folder: Path) -> int | None:
    """statfs()'s f_type (the file system's magic number), or None.

    ``f_type`` is the first field of ``struct statfs``, a native long on the
    Linux ABIs we run on; an odd ABI gives a number not in the allow-list,
    which only means one fsync per file."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        buffer = ctypes.create_string_buffer(256)
        if libc.statfs(os.fsencode(folder), buffer) != 0:
            return None
        return ctypes.c_long.from_buffer(buffer).value
    except (OSError, AttributeError):
        return None


def _link_unsupported(exc: OSError) -> bool:
    codes = {errno.EPERM, errno.EMLINK, errno.EXDEV}
    for name in ("ENOTSUP", "EOPNOTSUPP"):
        if hasattr(errno, name):
            codes.add(getattr(errno, name))
    # Windows: ERROR_INVALID_FUNCTION / ERROR_NOT_SUPPORTED / ERROR_NOT_SAME_DEVICE.
    return exc.errno in codes or getattr(exc, "winerror", None) in {1, 50, 17}


def process_alive(pid: int) -> bool:
    """Is a process with this id running on this machine?

    Used only to decide whether a temp file of this laptop is stale, never
    for sync decisions. A reused pid keeps a stale temp a little longer,
    which is harmless.
    """
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return bool(ok) and code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
