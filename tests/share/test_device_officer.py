"""Each laptop names its officer next to its key: signed, never replaced,
the highest sequence number whose signature holds wins."""

from __future__ import annotations

import json

from app.services.share.device_officer import (
    publish_device_officer,
    read_device_officers,
)
from app.services.share.layout import Share
from app.services.share.signing import (
    SigningKey,
    TrustedKey,
    load_trusted_keys,
    publish_public_key,
)


def test_published_once_then_a_change_gets_the_next_number(
        share: Share, key: SigningKey, key_b: SigningKey) -> None:
    for k in (key, key_b):
        publish_public_key(share, k)
    first = publish_device_officer(share, key, "Maja Sjöström", "mas")
    assert first is not None and first.name == "officer.000001.json"
    assert publish_device_officer(share, key, "Maja Sjöström", "mas") is None  # unchanged
    assert publish_device_officer(share, key_b, "  ", "mas") is None  # no name, nothing said
    trusted = load_trusted_keys(share)  # the key reader ignores the officer files
    assert {t.device_id for t in trusted.values()} == {"laptop-a", "laptop-b"}
    found = read_device_officers(share, trusted)
    assert list(found) == ["laptop-a"]
    assert (found["laptop-a"].officer, found["laptop-a"].role) == ("Maja Sjöström", "mas")

    second = publish_device_officer(share, key, "Maja Sjöström Ek", "mas")
    assert second is not None and second.name == "officer.000002.json"
    assert first.read_bytes()  # the earlier file stays as it was
    assert read_device_officers(share, trusted)["laptop-a"].officer == "Maja Sjöström Ek"


def test_a_file_not_signed_by_the_device_names_nobody(
        share: Share, key: SigningKey, key_b: SigningKey,
        trusted: dict[str, TrustedKey]) -> None:
    publish_device_officer(share, key, "Vera Uppföljare", "verksamhetsuppfoljare")
    # laptop-b writes a newer file into laptop-a's folder, signed with its own key.
    forged = publish_device_officer(share, key_b, "Någon annan", "mas")
    assert forged is not None
    target = share.keys_dir("laptop-a") / "officer.000002.json"
    body = json.loads(forged.read_bytes())
    body["device_id"] = "laptop-a"
    target.write_text(json.dumps(body), encoding="utf-8")
    # A tampered name under a valid signature is refused too.
    good = json.loads((share.keys_dir("laptop-a") / "officer.000001.json").read_bytes())
    good.update(seq=3, officer="Ändrat namn")
    (share.keys_dir("laptop-a") / "officer.000003.json").write_text(json.dumps(good))
    (share.keys_dir("laptop-a") / "officer.000004.json").write_bytes(b"\x00 not json")
    found = read_device_officers(share, trusted)
    assert found["laptop-a"].officer == "Vera Uppföljare" and found["laptop-a"].seq == 1
    assert found["laptop-b"].officer == "Någon annan"
    # The device itself still publishes a change past the junk numbers.
    newer = publish_device_officer(share, key, "Vera Uppföljare", "mas")
    assert newer is not None and newer.name == "officer.000005.json"
    assert read_device_officers(share, trusted)["laptop-a"].role == "mas"
