"""Atomic, exactly-once publishing of packages on the share.

The Maildir protocol: write the package under a temp name in this laptop's
own ``tmp/`` folder, flush and fsync it, give it its final name with a link
that never replaces an existing file, fsync the folder, then open the final
name again and check its SHA-256. A reader ignores temp names, so a package
is visible only when complete; a process killed mid-copy leaves only a temp
file, which the next push removes.

Decisions use names, revision numbers and hashes only, never timestamps:

- our exact name is already there (same content hash in the name): nothing
  to do (``already_there``);
- the final name exists but its bytes do not hash to what the name says: the
  file on the share was damaged after it was written. It is moved to
  ``quarantine/`` (kept, never deleted or overwritten) and the good package
  is published again (``repaired``);
- another package with the same follow-up, part and revision but a different
  hash is in the outbox: both are kept, ours is published under its own name
  and the pair is reported (``conflict``).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from app.errors import Message
from app.services.share.errors import (
    ShareError,
    ShareIOError,
    is_busy,
    translate_os_error,
)
from app.services.share.fs import process_alive
from app.services.share.layout import TEMP_SUFFIX, Share
from app.services.share.package import PackageName, parse_package_name

BUSY_RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)
FOREIGN_TEMP_MAX_AGE_S = 7 * 24 * 3600
_T = TypeVar("_T")
_TEMP_RE = re.compile(r"^(?P<final>.+)\.(?P<host>[A-Za-z0-9-]{1,40})\.(?P<pid>\d{1,10})\.[0-9a-f]{8}\.part$")


@functools.lru_cache(maxsize=1)
def _host_tag() -> str:
    # Once per process (a uname call per temp name adds up over a big push);
    # a host renamed while the program runs only makes its older temps look
    # foreign, which delays their cleanup, nothing else.
    tag = re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:40]
    return tag or "host"


@dataclass(frozen=True)
class PublishResult:
    status: str  # "pushed" | "already_there" | "conflict" | "repaired"
    name: str
    path: Path
    sha256: str
    conflicting: tuple[Path, ...] = ()
    quarantined: Path | None = None
    message: str | None = None


class FolderIndex:
    """The names in one folder from one listdir, indexed by revision so each
    exactly-once / conflict decision is a set lookup. Thread-safe for adds."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._lock = threading.Lock()
        self.names: set[str] = set()
        self._by_revision: dict[tuple[str, str, int], set[str]] = {}
        for name in names:
            self.add(name)

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def add(self, name: str) -> None:
        parsed = parse_package_name(name)
        with self._lock:
            self.names.add(name)
            if parsed is not None:
                self._by_revision.setdefault(parsed.revision_key, set()).add(name)

    def same_revision(self, parsed: PackageName) -> list[str]:
        with self._lock:
            return sorted(self._by_revision.get(parsed.revision_key, ()))


def _retry_busy(func: Callable[[], _T]) -> _T:
    """Antivirus and indexers hold new files for a moment on Windows (error 32):
    retry a few times, then let the caller report it."""
    for delay in BUSY_RETRY_DELAYS:
        try:
            return func()
        except OSError as exc:
            if not is_busy(exc):
                raise
            time.sleep(delay)
    return func()


# Temp files this process is writing right now; any other temp of this pid
# is left over from a failed cleanup and may be removed.
_IN_FLIGHT: set[str] = set()
_IN_FLIGHT_LOCK = threading.Lock()


def temp_name(final_name: str) -> str:
    return f"{final_name}.{_host_tag()}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"


def write_and_link(
    share: Share,
    tmp_folder: Path,
    final_folder: Path,
    name: str,
    data: bytes,
    sync_folder: bool = True,
) -> Path:
    """Write ``data`` under a temp name, fsync, link to ``final_folder/name``.

    Raises FileExistsError (temp removed) if the final name is taken, and a
    ShareError for every other failure, after removing the temp file. A
    failed fsync is not retried: the kernel may already have dropped the data
    (see PostgreSQL's fsync lesson), so the temp is discarded and the next
    sync writes it again from the local copy.
    """
    temp = tmp_folder / temp_name(name)
    with _IN_FLIGHT_LOCK:
        _IN_FLIGHT.add(temp.name)
    try:
        return _write_and_link(share, temp, final_folder / name, data, sync_folder)
    finally:
        with _IN_FLIGHT_LOCK:
            _IN_FLIGHT.discard(temp.name)


def _write_and_link(share: Share, temp: Path, final: Path, data: bytes, sync_folder: bool) -> Path:
    fs = share.fs
    final_folder = final.parent
    try:
        fd = _retry_busy(lambda: fs.open_exclusive(temp))
    except OSError as exc:
        raise translate_os_error(exc, temp, "skapa") from exc
    try:
        try:
            fs.write(fd, data)
            fs.fsync(fd)
        finally:
            fs.close(fd)
        _retry_busy(lambda: fs.link(temp, final))
    except FileExistsError:
        _discard(share, temp)
        raise
    except OSError as exc:
        _discard(share, temp)
        raise translate_os_error(exc, final, "skriva") from exc
    except BaseException:
        _discard(share, temp)
        raise
    _discard(share, temp)
    if not sync_folder:
        return final
    try:
        fs.fsync_dir(final_folder)
    except OSError as exc:
        raise translate_os_error(exc, final_folder, "spara") from exc
    return final


def _discard(share: Share, temp: Path) -> None:
    try:
        share.fs.unlink(temp, missing_ok=True)
    except OSError:
        pass  # a leftover temp is harmless: readers ignore it, clean_stale_temps removes it


def _read_back(share: Share, path: Path, limit: int) -> bytes:
    try:
        return _retry_busy(lambda: share.fs.read_bytes(path, limit))
    except OSError as exc:
        raise translate_os_error(exc, path, "läsa") from exc


def read_sha256(share: Share, path: Path, limit: int) -> str:
    return hashlib.sha256(_read_back(share, path, limit)).hexdigest()


def quarantine(share: Share, device_id: str, path: Path, actual_sha256: str) -> Path:
    """Move a damaged file aside; the quarantine name carries its real hash so the
    same damaged bytes are never stored twice and nothing is overwritten."""
    folder = share.quarantine_dir(device_id)
    share.ensure_dir(folder)
    target = folder / f"{path.name}.{actual_sha256[:16]}.skadad"
    try:
        share.fs.rename_no_replace(path, target)
    except FileExistsError:
        # The same damaged bytes are already in quarantine. Unlink only if the
        # file still holds them: another process may have republished it.
        try:
            current = share.fs.read_bytes(path, 1 << 40)
            if hashlib.sha256(current).hexdigest() == actual_sha256:
                share.fs.unlink(path, missing_ok=True)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise translate_os_error(exc, path, "flytta") from exc
    except OSError as exc:
        raise translate_os_error(exc, path, "flytta undan") from exc
    return target


def publish_package(
    share: Share,
    device_id: str,
    name: str,
    data: bytes,
    listing: FolderIndex | None = None,
    verify_existing: bool = False,
    final_folder: Path | None = None,
    sync_folder: bool = True,
) -> PublishResult:
    """Publish one package into this device's outbox (or ``final_folder``,
    which must be below the device's folder, e.g. a handover folder).

    ``listing`` indexes the names already in that folder, from one listdir
    the caller made for a whole batch; it is updated in place. With
    ``sync_folder=False`` the caller fsyncs the folder once after a batch
    (``sync_folder_now``) instead of once per package. With
    ``verify_existing`` a package that is already there is read back and
    checked, so damage done on the share later is found and repaired.
    """
    parsed = parse_package_name(name)
    sha256 = hashlib.sha256(data).hexdigest()
    if parsed is None or parsed.sha16 != sha256[:16]:
        raise ValueError(f"{name!r} is not this package's name")
    share.ensure_device(device_id)
    folder = final_folder if final_folder is not None else share.outbox_dir(device_id)
    share.ensure_dir(folder)
    if listing is None:
        listing = FolderIndex(share.list_names(folder))
    final = folder / name
    limit = len(data) + 1
    status, quarantined = "pushed", None
    if name in listing and not verify_existing:
        status = "already_there"
    else:
        if name in listing:
            actual = read_sha256(share, final, limit)
            if actual == sha256:
                status = "already_there"
            else:
                quarantined = quarantine(share, device_id, final, actual)
                status = "repaired"
        if status != "already_there":
            status, quarantined = _link_verified(share, device_id, folder, name, data, sha256,
                                                 status, quarantined, sync_folder)
    return make_result(listing, folder, name, sha256, status, quarantined)


def make_result(
    listing: FolderIndex,
    folder: Path,
    name: str,
    sha256: str,
    status: str,
    quarantined: Path | None,
) -> PublishResult:
    """Record ``name`` in the listing and report it, with the conflict check
    (another name for the same follow-up, part and revision)."""
    parsed = parse_package_name(name)
    if parsed is None:
        raise ValueError(f"{name!r} is not a package name")
    final = folder / name
    listing.add(name)
    conflicting = tuple(folder / other for other in listing.same_revision(parsed) if other != name)
    message = None
    if quarantined is not None:
        message = (
            f"Paketet {final} på den centrala mappen var skadat. Det skadade exemplaret "
            f"flyttades till {quarantined} och paketet skickades på nytt."
        )
    if conflicting:
        status = "conflict"
        message = (message + " " if message else "") + (
            f"Konflikt: {parsed.followup_id} del {parsed.part} revision {parsed.revision} "
            f"finns redan med annat innehåll ({', '.join(str(p) for p in conflicting)}). "
            f"Båda exemplaren sparas ({final}); en person behöver avgöra vilket som gäller."
        )
    return PublishResult(status, name, final, sha256, conflicting, quarantined, message)


def _link_verified(
    share: Share,
    device_id: str,
    folder: Path,
    name: str,
    data: bytes,
    sha256: str,
    status: str,
    quarantined: Path | None,
    sync: bool,
) -> tuple[str, Path | None]:
    final = folder / name
    for _attempt in range(3):
        try:
            write_and_link(share, share.tmp_dir(device_id), folder, name, data, sync)
        except FileExistsError:
            # Another process of this laptop won the race, or a stale listing:
            # decide by content, never by time.
            existing = _read_back(share, final, len(data) + 1)
            if existing == data:
                return ("already_there" if status == "pushed" else status), quarantined
            quarantined = quarantine(share, device_id, final, hashlib.sha256(existing).hexdigest())
            status = "repaired"
            continue
        # Read the final name back. Comparing with the bytes we hashed is the
        # same check as comparing hashes, at a fraction of the cost.
        existing = _read_back(share, final, len(data) + 1)
        if existing != data:
            moved = quarantine(share, device_id, final, hashlib.sha256(existing).hexdigest())
            raise ShareIOError(
                Message("Paketet {final} blev inte korrekt sparat på den centrala mappen "
                        "(kontrollsumman stämmer inte vid återläsning; flyttat till "
                        "{moved}). Inget har gått förlorat; synkroniseringen kan köras igen.",
                        final=final, moved=moved),
                final,
            )
        return status, quarantined
    raise ShareIOError(
        Message("Paketet {final} kunde inte sparas: filen på den centrala mappen "
                "ändras hela tiden. Kontakta IT.", final=final),
        final,
    )


def sync_folder_now(share: Share, folder: Path) -> None:
    """fsync a folder after a batch of links made with ``sync_folder=False``."""
    try:
        share.fs.fsync_dir(folder)
    except OSError as exc:
        raise translate_os_error(exc, folder, "spara") from exc


def clean_stale_temps(share: Share, device_id: str) -> int:
    """Remove temp files left by killed processes of this laptop.

    A temp of this host whose process is gone (or of this process but not
    being written now) is stale at once; a temp from
    another host (a copied device id) only after a week. This is garbage
    collection, not a sync decision, so a clock is acceptable here.
    """
    folder = share.tmp_dir(device_id)
    try:
        names = share.fs.listdir(folder)
    except FileNotFoundError:
        return 0
    except OSError as exc:
        raise translate_os_error(exc, folder, "läsa innehållet i") from exc
    host, me, removed = _host_tag(), os.getpid(), 0
    for temp in names:
        match = _TEMP_RE.match(temp)
        if match is None:
            continue
        pid = int(match["pid"])
        if match["host"] == host:
            if pid == me:
                with _IN_FLIGHT_LOCK:
                    stale = temp not in _IN_FLIGHT
            else:
                stale = not process_alive(pid)
        else:
            try:
                age = time.time() - share.fs.stat(folder / temp).st_mtime
            except OSError:
                continue
            stale = age > FOREIGN_TEMP_MAX_AGE_S
        if stale:
            try:
                share.fs.unlink(folder / temp, missing_ok=True)
                removed += 1
            except OSError as exc:
                raise translate_os_error(exc, folder / temp, "ta bort") from exc
    return removed


__all__ = [
    "FolderIndex",
    "PublishResult",
    "ShareError",
    "clean_stale_temps",
    "publish_package",
    "quarantine",
    "sync_folder_now",
    "write_and_link",
]
