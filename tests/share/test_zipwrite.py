"""The hand-written package zip is byte for byte what zipfile wrote before.

Package names carry the package's SHA-256 and the DB records them, so a
package rebuilt from its kept local copy must get exactly the old bytes: the
reference below is the zipfile code packages were built with until the
writer replaced it.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.share.package import MANIFEST_NAME, build_package
from app.services.share.signing import SigningKey
from app.services.share.zipwrite import stored_zip
from tests.share.helpers import members, meta


def zipfile_reference(entries: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data)
    return out.getvalue()


_NAMES = st.text(alphabet="abcåäöÅ_- .1/é", min_size=1, max_size=30).filter(
    lambda n: not n.startswith("/") and "//" not in n and not n.endswith("/"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_NAMES, st.binary(max_size=3000)), max_size=6,
                unique_by=lambda e: e[0]))
def test_same_bytes_as_zipfile(entries: list[tuple[str, bytes]]) -> None:
    assert stored_zip(entries) == zipfile_reference(entries)


def test_same_bytes_for_a_real_package_and_it_reads_back(key: SigningKey) -> None:
    content = members(3, pdf_size=200_000)
    content["attachments/bild på entrén.jpg"] = b"\xff\xd8" + bytes(range(256)) * 40
    package = build_package(meta("fu-00003"), content, key)
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
        assert archive.testzip() is None
    assert entries[0][0] == MANIFEST_NAME
    # ... and the manifest text is what json.dumps wrote before jsonfmt
    assert entries[0][1] == json.dumps(json.loads(entries[0][1]), indent=1,
                                       sort_keys=True).encode("utf-8")
    assert [name for name, _ in entries[1:]] == sorted(content)
    assert zipfile_reference(entries) == package


def test_empty_archive_and_limits() -> None:
    assert stored_zip([]) == zipfile_reference([])
    with pytest.raises(ValueError):
        stored_zip([("x", b"")] * 0x10000)
