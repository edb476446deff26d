"""A minimal writer for the package's zip: stored entries, fixed attributes.

It writes exactly the bytes ``zipfile.ZipFile.writestr`` writes into a
seekable file for our fixed ``ZipInfo`` (date 1980-01-01, mode 0644, Unix
creator, no extra fields, no comment, no zip64, which the package limits keep
far away), so packages built before and after this writer are identical; a
test compares the two on many inputs. Doing it directly saves the zipfile
module's per-entry header rewrite and stream copies, and one pass per
member: the CRC-32 and the caller's SHA-256 each read a member once, outside
the GIL, and the archive is assembled with a single join, or not at all
(``stored_zip_parts``).

Not depending on ``zipfile`` for writing also keeps the bytes (and therefore
package names) stable across Python versions.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20  # zipfile.DEFAULT_VERSION: what "needs" and "made by" say
_UNIX = 3
_DOS_TIME = 0  # 00:00:00
_DOS_DATE = (1980 - 1980) << 9 | 1 << 5 | 1  # 1980-01-01
_UTF8_FLAG = 0x800
_EXTERNAL_ATTR = 0o644 << 16
# zipfile switches to zip64 records at these sizes; package limits stay far below.
_ZIP64_LIMIT = (1 << 31) - 1
_MAX_ENTRIES = 0xFFFF


def _encoded_name(name: str) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), _UTF8_FLAG


def stored_zip(entries: Sequence[tuple[str, bytes]]) -> bytes:
    """A zip archive of ``entries`` (name, data) in the given order, stored."""
    return b"".join(stored_zip_parts(entries))


def stored_zip_parts(entries: Sequence[tuple[str, bytes]]) -> list[bytes]:
    """The same archive as pieces whose concatenation is ``stored_zip``: the
    members' own bytes are not copied, so a large package can be hashed and
    written (writev) without ever being assembled in memory."""
    if len(entries) > _MAX_ENTRIES:
        raise ValueError("too many zip entries")
    pieces: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, data in entries:
        encoded, flags = _encoded_name(name)
        size = len(data)
        if size * 1.05 > _ZIP64_LIMIT or offset > _ZIP64_LIMIT:
            raise ValueError("zip entry too large for a package")
        crc = zlib.crc32(data)
        pieces += [
            _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, flags, 0, _DOS_TIME, _DOS_DATE, crc,
                        size, size, len(encoded), 0),
            encoded,
            data,
        ]
        central += [
            _CENTRAL.pack(b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, flags, 0, _DOS_TIME,
                          _DOS_DATE, crc, size, size, len(encoded), 0, 0, 0, 0,
                          _EXTERNAL_ATTR, offset),
            encoded,
        ]
        offset += _LOCAL.size + len(encoded) + size
    central_size = sum(len(piece) for piece in central)
    if offset > _ZIP64_LIMIT:
        raise ValueError("zip too large for a package")
    end = _END.pack(b"PK\x05\x06", 0, 0, len(entries), len(entries), central_size, offset, 0)
    return pieces + central + [end]


__all__ = ["stored_zip", "stored_zip_parts"]
