"""The one file-system layer that all share code goes through.

Keeping every touch of the share behind these few methods lets tests raise
any OSError (ENOSPC, EIO, EACCES, ENOTCONN, Windows error 32/53/64) at the
N-th operation, which is the only honest way to test permission and network
faults when CI runs as root (chmod does not stop root).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_O_BINARY = getattr(os, "O_BINARY", 0)
_O_NOINHERIT = getattr(os, "O_NOINHERIT", 0)


class FileSystem:
    """Real file operations. Subclass (or wrap) to inject faults in tests."""

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

    def write(self, fd: int, data: bytes | memoryview) -> None:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]

    def fsync(self, fd: int) -> None:
        os.fsync(fd)

    def close(self, fd: int) -> None:
        os.close(fd)

    def read_bytes(self, path: Path, limit: int) -> bytes:
        """Read at most ``limit`` + 1 bytes, so callers can refuse oversize files
        without loading a huge one whole."""
        with open(path, "rb") as handle:
            return handle.read(limit + 1)

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


def _link_unsupported(exc: OSError) -> bool:
    import errno

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
