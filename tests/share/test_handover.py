from __future__ import annotations

import hashlib
import os

import pytest

from app.services.share.catalog import revision_conflicts, scan_outboxes, verify_outbox
from app.services.share.errors import PackageError
from app.services.share.handover import get_handover, list_handovers, put_handover
from app.services.share.layout import Share
from app.services.share.package import PackageMeta, build_package, package_name, read_package
from app.services.share.publish import publish_package
from app.services.share.signing import SigningKey, TrustedKey, load_trusted_keys
from app.services.share.sync_runner import PushItem, push_all
from tests.share.helpers import members, meta


def _handover(followup: str, recipient: str, revision: int = 1, device: str = "laptop-a",
              part: str = "sol") -> PackageMeta:
    return PackageMeta("handover", followup, part, revision, None, device, recipient=recipient)


def test_handover_to_a_colleague(share: Share, key: SigningKey) -> None:
    result = put_handover(share, key, _handover("fu-1", "anna-berg"), members(1))
    assert result.status == "pushed"
    assert result.path.parent == share.handover_dir("laptop-a", "anna-berg")
    refs = list_handovers(share, "anna-berg")
    assert [r.name for r in refs] == [result.name] and refs[0].sender_device == "laptop-a"
    package = get_handover(share, refs[0], load_trusted_keys(share))
    assert package.members == members(1) and package.meta.recipient == "anna-berg"
    assert list_handovers(share, "anna-berg", exclude_names={result.name}) == []
    assert list_handovers(share, "bo-ek") == []
    # The same handover again is not sent twice.
    assert put_handover(share, key, _handover("fu-1", "anna-berg"), members(1)).status == \
        "already_there"


def test_handover_in_the_wrong_folder_is_refused(share: Share, key: SigningKey,
                                                 key_b: SigningKey) -> None:
    put_handover(share, key, _handover("fu-1", "anna-berg"), members(1))
    ref = list_handovers(share, "anna-berg")[0]
    # Someone copies it into laptop-b's handover folder: the folder says laptop-b.
    fake_dir = share.handover_dir("laptop-b", "anna-berg")
    fake_dir.mkdir(parents=True)
    (fake_dir / ref.name).write_bytes(ref.path.read_bytes())
    forged = [r for r in list_handovers(share, "anna-berg") if r.sender_device == "laptop-b"][0]
    with pytest.raises(PackageError) as caught:
        get_handover(share, forged, load_trusted_keys(share))
    assert "annan dators mapp" in caught.value.reason


def test_followup_push_is_not_a_handover(share: Share, key: SigningKey) -> None:
    with pytest.raises(ValueError):
        put_handover(share, key, meta("fu-1"), members(1))


def test_two_parts_from_two_laptops_meet_on_the_share(share: Share, key: SigningKey,
                                                      key_b: SigningKey) -> None:
    push_all(share, "laptop-a", key, [PushItem(meta("fu-9", "sol", 1, "laptop-a"), members(1))])
    push_all(share, "laptop-b", key_b, [PushItem(meta("fu-9", "hsl", 1, "laptop-b"), members(2))])
    push_all(share, "laptop-b", key_b, [PushItem(meta("fu-8", "hsl", 1, "laptop-b"), members(3))])
    refs = scan_outboxes(share, "fu-9")
    assert [(r.parsed.part, r.device_id) for r in refs] == [("hsl", "laptop-b"), ("sol", "laptop-a")]
    trusted = load_trusted_keys(share)
    parts = {read_package(r.path, trusted).meta.part: r.device_id for r in refs}
    assert parts == {"sol": "laptop-a", "hsl": "laptop-b"}
    assert revision_conflicts(scan_outboxes(share)) == {}


def test_same_revision_from_two_laptops_is_a_conflict(share: Share, key: SigningKey,
                                                      key_b: SigningKey) -> None:
    """Both edited sol revision 2 from the same parent: both kept, reported, no winner."""
    push_all(share, "laptop-a", key, [PushItem(meta("fu-3", "sol", 2, "laptop-a", 1), members(1))])
    push_all(share, "laptop-b", key_b,
             [PushItem(meta("fu-3", "sol", 2, "laptop-b", 1), members(2))])
    conflicts = revision_conflicts(scan_outboxes(share))
    assert list(conflicts) == [("fu-3", "sol", 2)]
    assert {r.device_id for r in conflicts[("fu-3", "sol", 2)]} == {"laptop-a", "laptop-b"}


def test_verify_outbox_quarantines_a_flipped_byte_and_next_push_repairs(
        share: Share, key: SigningKey, trusted: dict[str, TrustedKey]) -> None:
    items = [PushItem(meta(f"fu-{n}"), members(n)) for n in range(3)]
    push_all(share, "laptop-a", key, items)
    victim = sorted(share.outbox_dir("laptop-a").iterdir())[1]
    data = bytearray(victim.read_bytes())
    data[200] ^= 0x40
    victim.write_bytes(bytes(data))
    with pytest.raises(PackageError) as caught:
        read_package(victim, trusted)
    assert "skadad" in str(caught.value)
    report = verify_outbox(share, "laptop-a", trusted)
    assert len(report.ok) == 2 and len(report.quarantined) == 1
    assert report.quarantined[0].read_bytes() == bytes(data)  # kept, never deleted
    assert "flyttades till" in report.messages[0]
    again = push_all(share, "laptop-a", key, items)
    assert again.pushed == 1 and again.already_there == 2
    read_package(victim, trusted)


def test_push_with_verification_repairs_damage(share: Share, key: SigningKey,
                                               trusted: dict[str, TrustedKey]) -> None:
    items = [PushItem(meta("fu-1"), members(1))]
    first = push_all(share, "laptop-a", key, items)
    path = first.results[0].result.path  # type: ignore[union-attr]
    path.write_bytes(path.read_bytes()[:-10])  # truncated on the server
    summary = push_all(share, "laptop-a", key, items, verify_existing=True)
    assert summary.repaired == 1 and summary.errors == []
    assert "skadat" in summary.messages[0]
    read_package(path, trusted)
    assert len(os.listdir(share.quarantine_dir("laptop-a"))) == 1


def test_publish_rejects_a_name_that_is_not_the_content(share: Share, key: SigningKey) -> None:
    data = build_package(meta("fu-1"), members(1), key)
    wrong = package_name(meta("fu-1"), hashlib.sha256(b"other").hexdigest())
    with pytest.raises(ValueError):
        publish_package(share, "laptop-a", wrong, data)


def test_receipts_from_the_centre(share: Share, key: SigningKey) -> None:
    from app.services.share.catalog import read_receipts, write_receipt

    summary = push_all(share, "laptop-a", key, [PushItem(meta(f"fu-{n}"), members(n))
                                                for n in range(3)])
    names = [o.result.name for o in summary.results if o.result]
    assert read_receipts(share, "laptop-a") == set()
    write_receipt(share, "laptop-a", names[0], b'{"ingested": true}')
    write_receipt(share, "laptop-a", names[0], b"second time ignored")
    (share.receipts_dir("laptop-a") / "junk.ok").write_text("x")
    assert read_receipts(share, "laptop-a") == {names[0]}
    with pytest.raises(ValueError):
        write_receipt(share, "laptop-a", "../../etc.ok")
