"""Is a path on a network drive? SQLite must never run there (WAL needs
shared memory, and network locking is known to corrupt databases)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS_TYPES = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ncpfs", "davfs", "fuse.davfs2"}
)
DRIVE_REMOTE = 4


def _windows_is_remote(path: str) -> bool:
    if path.startswith(("\\\\", "//")):
        return True
    import ctypes

    root = os.path.splitdrive(os.path.abspath(path))[0] + "\\"
    return ctypes.windll.kernel32.GetDriveTypeW(root) == DRIVE_REMOTE  # type: ignore[attr-defined]


def _mount_fs_type(path: Path, mounts_text: str) -> str | None:
    best: tuple[int, str] | None = None
    resolved = str(path.resolve())
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/"):
            if best is None or len(mount_point) > best[0]:
                best = (len(mount_point), parts[2])
    return best[1] if best else None


def is_network_path(
    path: Path, *, platform: str | None = None, mounts_text: str | None = None
) -> bool:
    """True when ``path`` (or its nearest existing parent) is on a network drive."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return _windows_is_remote(str(path))
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    # resolve() follows the symlinks that exist and keeps the rest lexically.
    fs_type = _mount_fs_type(path, mounts_text)
    return fs_type in NETWORK_FS_TYPES
