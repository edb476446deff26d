"""Publish many packages with one flush per batch instead of one fsync each.

The protocol of ``publish.write_and_link`` split into steps, so a sync of
hundreds of packages pays for one file-system flush per batch:

1. ``stage`` (workers, in parallel): write each package to a temp name in
   this laptop's ``tmp/`` folder (create-exclusive) and close it. Where the file system cannot
   be flushed as a whole (Windows, network shares), each file is fsynced
   here instead, as before.
2. ``commit`` (one thread, in input order): flush the whole batch at once
   (Linux ``syncfs`` on a local disk, opened before the first write so every
   write-back error since then is reported), then give each temp its final
   name with a link that never replaces a file, remove the temp and read the
   final name back, comparing with the bytes we meant to write.

A crash before the flush or between flush and link leaves temp names only,
which readers ignore and the next push removes; a final name is only ever
given to flushed content. A failed flush is never retried (the kernel may
already have dropped the pages): the batch's temps are removed and the next
sync writes them again from the local copies. The read-back may be served
from the page cache; it checks that the final name holds the bytes whose
hash is in the name (SMB/NFS caches, a wrong link), not the disk itself,
which the flush's error report covers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from app.services.share.errors import ShareError, ShareIOError, translate_os_error
from app.services.share.layout import Share
from app.services.share.package import parse_package_name
from app.services.share.publish import (
    _IN_FLIGHT,
    _IN_FLIGHT_LOCK,
    FolderIndex,
    PublishResult,
    _discard,
    _retry_busy,
    make_result,
    quarantine,
    read_sha256,
    temp_name,
)

# A batch ends at whichever comes first. The bytes bound how much the sync
# keeps in memory for the read-back comparison (attachments can be large).
# No per-file write-back hint (sync_file_range) is given: the batch's flush
# runs on a thread of its own while the next batch is written, and hinting
# every file cost more CPU than it saved there (measured, benchmarks/sync.py).
BATCH_MAX_PACKAGES = 100
BATCH_MAX_BYTES = 64 * 1024 * 1024


@dataclass
class Staged:
    """A package written under a temp name, waiting for the batch's flush."""

    name: str
    parts: list[bytes]  # the package's bytes, in pieces (``build_package_parts``)
    size: int
    sha256: str
    temp: Path
    status: str  # "pushed" | "repaired"
    quarantined: Path | None

    def matches(self, buffer: bytearray, count: int) -> bool:
        """Does ``buffer[:count]`` hold exactly this package? (startswith at an
        offset is a memcmp without copying; memoryview comparison is not.)"""
        if count != self.size:
            return False
        position = 0
        for part in self.parts:
            if not buffer.startswith(part, position):
                return False
            position += len(part)
        return True


class ReadBuffer:
    """One buffer reused for every read-back of a run (single thread): a fresh
    buffer per package would cost as much in page faults as the read itself.
    Packages above ``keep`` bytes get a buffer of their own."""

    def __init__(self, keep: int = 16 * 1024 * 1024) -> None:
        self.keep = keep
        self.buffer = bytearray()

    def read(self, share: Share, path: Path, size: int) -> tuple[bytearray, int]:
        """Up to ``size`` + 1 bytes of the file: (buffer, count)."""
        if size + 1 > self.keep:
            buffer = bytearray(size + 1)
        else:
            if len(self.buffer) < size + 1:
                self.buffer = bytearray(max(size + 1, 2 * len(self.buffer)))
            buffer = self.buffer
        view = memoryview(buffer)[: size + 1]
        try:
            count = _retry_busy(lambda: share.fs.read_into(path, view))
        except OSError as exc:
            raise translate_os_error(exc, path, "läsa") from exc
        return buffer, count


def prepare(
    share: Share,
    device_id: str,
    name: str,
    parts: list[bytes],
    index: FolderIndex,
    verify_existing: bool,
    fsync_each: bool,
    sha256: str | None = None,
) -> PublishResult | Staged:
    """Decide by name and hash; write a temp file only when the package must
    be published. Raises ShareError (temp removed) when writing fails.
    ``parts`` concatenated are the package; ``sha256`` saves hashing them
    again when the caller just did."""
    parsed = parse_package_name(name)
    size = sum(len(part) for part in parts)
    if sha256 is None:
        digest = hashlib.sha256()
        for part in parts:
            digest.update(part)
        sha256 = digest.hexdigest()
    if parsed is None or parsed.sha16 != sha256[:16]:
        raise ValueError(f"{name!r} is not this package's name")
    folder = share.outbox_dir(device_id)
    final = folder / name
    status, quarantined = "pushed", None
    if name in index:
        if not verify_existing:
            return make_result(index, folder, name, sha256, "already_there", None)
        actual = read_sha256(share, final, size + 1)
        if actual == sha256:
            return make_result(index, folder, name, sha256, "already_there", None)
        quarantined = quarantine(share, device_id, final, actual)
        status = "repaired"
    temp = share.tmp_dir(device_id) / temp_name(name)
    with _IN_FLIGHT_LOCK:
        _IN_FLIGHT.add(temp.name)  # not stale for clean_stale_temps until committed
    try:
        _write_temp(share, temp, parts, fsync_each)
    except BaseException:
        _forget(temp)
        raise
    return Staged(name, parts, size, sha256, temp, status, quarantined)


def _write_temp(share: Share, temp: Path, parts: list[bytes], fsync_each: bool) -> None:
    fs = share.fs
    try:
        fd = _retry_busy(lambda: fs.open_exclusive(temp))
    except OSError as exc:
        raise translate_os_error(exc, temp, "skapa") from exc
    try:
        try:
            fs.write(fd, parts)
            if fsync_each:
                fs.fsync(fd)
        finally:
            fs.close(fd)
    except OSError as exc:
        _discard(share, temp)
        raise translate_os_error(exc, temp, "skriva") from exc
    except BaseException:
        _discard(share, temp)
        raise


def flush(share: Share, handle: int | None, batch: list[Staged], folder: Path) -> None:
    """Make every staged temp durable with one flush (no-op when each file
    was fsynced while staging). On failure all temps of the batch are removed
    and the translated ShareError is raised."""
    if handle is None or not batch:
        return
    try:
        share.fs.flush_all(handle)
    except OSError as exc:
        drop(share, batch)
        raise translate_os_error(exc, folder, "spara") from exc
    except BaseException:
        drop(share, batch)
        raise


def drop(share: Share, batch: list[Staged]) -> None:
    for staged in batch:
        _discard(share, staged.temp)
        _forget(staged.temp)


def commit(share: Share, device_id: str, staged: Staged, index: FolderIndex,
           reader: ReadBuffer) -> PublishResult:
    """Give one flushed temp its final name and check it by reading it back."""
    folder = share.outbox_dir(device_id)
    final = folder / staged.name
    status, quarantined = staged.status, staged.quarantined
    try:
        for _attempt in range(3):
            try:
                _retry_busy(lambda: share.fs.link(staged.temp, final))
            except FileExistsError:
                # Another process of this laptop won the race, or a stale
                # listing: decide by content, never by time.
                buffer, count = reader.read(share, final, staged.size)
                if staged.matches(buffer, count):
                    status = "already_there" if status == "pushed" else status
                    break
                quarantined = quarantine(share, device_id, final, _sha256(buffer, count))
                status = "repaired"
                continue  # the temp is still there and flushed: link it again
            except OSError as exc:
                raise translate_os_error(exc, final, "skriva") from exc
            buffer, count = reader.read(share, final, staged.size)
            if not staged.matches(buffer, count):
                moved = quarantine(share, device_id, final, _sha256(buffer, count))
                raise ShareIOError(
                    f"Paketet {final} blev inte korrekt sparat på den centrala mappen "
                    f"(kontrollsumman stämmer inte vid återläsning; flyttat till {moved}). "
                    "Inget har gått förlorat; synkroniseringen kan köras igen.",
                    final,
                )
            break
        else:
            raise ShareIOError(
                f"Paketet {final} kunde inte sparas: filen på den centrala mappen ändras "
                "hela tiden. Kontakta IT.",
                final,
            )
    finally:
        _discard(share, staged.temp)
        _forget(staged.temp)
    return make_result(index, folder, staged.name, staged.sha256, status, quarantined)


def _sha256(buffer: bytearray, count: int) -> str:
    return hashlib.sha256(memoryview(buffer)[:count]).hexdigest()


def _forget(temp: Path) -> None:
    with _IN_FLIGHT_LOCK:
        _IN_FLIGHT.discard(temp.name)


__all__ = ["BATCH_MAX_BYTES", "BATCH_MAX_PACKAGES", "ReadBuffer", "ShareError", "Staged", "commit",
           "drop", "flush", "prepare"]
