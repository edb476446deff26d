"""Durable file writes: temp name in the same folder, fsync, rename, fsync
the folder. Nothing else in the app writes files that matter."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def fsync_directory(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; NTFS journals the rename.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_bytes_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` so that ``target`` holds either the old or the whole new file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_directory(target.parent)


def write_text_atomic(target: Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes_atomic(target, text.encode(encoding))
