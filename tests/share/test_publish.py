from __future__ import annotations

import hashlib
import os
from pathlib import Path

from app.services.share.layout import Share
from app.services.share.package import build_package, package_name, read_package
from app.services.share.publish import clean_stale_temps, publish_package, temp_name
from app.services.share.signing import SigningKey, TrustedKey, load_trusted_keys
from app.services.share.sync_runner import PushItem, push_all
from tests.share.helpers import item, members, meta


def _build(key: SigningKey, followup: str = "fu-1", revision: int = 1, seed: int = 1):  # type: ignore[no-untyped-def]
    data = build_package(meta(followup, revision=revision), members(seed), key)
    return package_name(meta(followup, revision=revision), hashlib.sha256(data).hexdigest()), data


def test_publish_then_again_is_exactly_once(share: Share, key: SigningKey,
                                            trusted: dict[str, TrustedKey]) -> None:
    name, data = _build(key)
    first = publish_package(share, "laptop-a", name, data)
    assert first.status == "pushed"
    assert first.path == share.outbox_dir("laptop-a") / name
    assert first.sha256 == hashlib.sha256(data).hexdigest()
    second = publish_package(share, "laptop-a", name, data)
    assert second.status == "already_there"
    assert os.listdir(share.outbox_dir("laptop-a")) == [name]
    assert os.listdir(share.tmp_dir("laptop-a")) == []
    assert read_package(first.path, trusted).members == members(1)


def test_same_revision_other_content_is_a_conflict_both_kept(share: Share, key: SigningKey) -> None:
    name_a, data_a = _build(key, seed=1)
    name_b, data_b = _build(key, seed=2)  # same follow-up, part and revision
    assert name_a != name_b
    publish_package(share, "laptop-a", name_a, data_a)
    result = publish_package(share, "laptop-a", name_b, data_b)
    assert result.status == "conflict"
    assert result.conflicting == (share.outbox_dir("laptop-a") / name_a,)
    assert result.message is not None and "Konflikt" in result.message
    assert (share.outbox_dir("laptop-a") / name_a).read_bytes() == data_a
    assert (share.outbox_dir("laptop-a") / name_b).read_bytes() == data_b
    # Syncing again reports the conflict again and still uploads nothing.
    again = publish_package(share, "laptop-a", name_b, data_b)
    assert again.status == "conflict"
    assert len(os.listdir(share.outbox_dir("laptop-a"))) == 2


def test_new_revision_is_a_new_package(share: Share, key: SigningKey) -> None:
    name_1, data_1 = _build(key, revision=1)
    name_2, data_2 = _build(key, revision=2, seed=2)
    assert publish_package(share, "laptop-a", name_1, data_1).status == "pushed"
    assert publish_package(share, "laptop-a", name_2, data_2).status == "pushed"
    assert sorted(os.listdir(share.outbox_dir("laptop-a"))) == sorted([name_1, name_2])


def test_damaged_package_on_share_is_quarantined_and_sent_again(
        share: Share, key: SigningKey, trusted: dict[str, TrustedKey]) -> None:
    name, data = _build(key)
    path = publish_package(share, "laptop-a", name, data).path
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    path.write_bytes(bytes(damaged))
    # The fast path trusts the listing; verification finds the damage.
    assert publish_package(share, "laptop-a", name, data).status == "already_there"
    result = publish_package(share, "laptop-a", name, data, verify_existing=True)
    assert result.status == "repaired"
    assert result.quarantined is not None and result.quarantined.read_bytes() == bytes(damaged)
    assert result.message is not None and "skadat" in result.message
    assert read_package(path, trusted).members == members(1)


def test_stale_temp_of_dead_process_is_cleaned_live_one_kept(share: Share) -> None:
    share.ensure_device("laptop-a")
    tmp = share.tmp_dir("laptop-a")
    dead = temp_name("x.sol.r1.0123456789abcdef.pkg").replace(f".{os.getpid()}.", ".999999999.")
    other_live = temp_name("y.sol.r1.0123456789abcdef.pkg").replace(
        f".{os.getpid()}.", f".{os.getppid()}.")
    mine_leftover = temp_name("z.sol.r1.0123456789abcdef.pkg")  # not being written now
    for name in (dead, other_live, mine_leftover):
        (tmp / name).write_bytes(b"half")
    assert clean_stale_temps(share, "laptop-a") == 2
    assert os.listdir(tmp) == [other_live]


def test_push_all_summary_progress_and_key(share: Share, key: SigningKey) -> None:
    items = [item(n) for n in range(12)]
    seen: list[tuple[int, int]] = []
    summary = push_all(share, "laptop-a", key, items, progress=lambda d, t: seen.append((d, t)))
    assert summary.ok and summary.pushed == 12 and summary.errors == []
    assert seen[-1] == (12, 12) and [d for d, _ in seen] == list(range(1, 13))
    assert [o.meta for o in summary.results] == [i.meta for i in items]
    trusted = load_trusted_keys(share)
    assert key.key_id in trusted
    for outcome in summary.results:
        assert outcome.result is not None
        read_package(outcome.result.path, trusted)
    again = push_all(share, "laptop-a", key, items)
    assert again.pushed == 0 and again.already_there == 12


def test_push_all_with_known_names_reads_no_members(share: Share, key: SigningKey) -> None:
    first = push_all(share, "laptop-a", key, [item(n) for n in range(3)])

    def explode() -> dict[str, bytes]:
        raise AssertionError("members must not be loaded for a package already on the share")

    known = [PushItem(o.meta, explode, o.result.name, o.result.sha256)
             for o in first.results if o.result]
    summary = push_all(share, "laptop-a", key, known)
    assert summary.already_there == 3 and summary.errors == []


def test_cancel_between_packages(share: Share, key: SigningKey) -> None:
    items = [item(n) for n in range(20)]
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 5

    summary = push_all(share, "laptop-a", key, items, cancel=cancel, workers=1)
    assert summary.cancelled and not summary.ok
    assert summary.pushed == 5
    assert len(os.listdir(share.outbox_dir("laptop-a"))) == 5
    assert os.listdir(share.tmp_dir("laptop-a")) == []
    rest = push_all(share, "laptop-a", key, items)
    assert rest.pushed == 15 and rest.already_there == 5


def test_bad_item_is_reported_and_others_continue(share: Share, key: SigningKey) -> None:
    bad = PushItem(meta("fu-bad"), {"../escape": b"x"})
    summary = push_all(share, "laptop-a", key, [item(1), bad, item(2)])
    assert summary.pushed == 2
    assert len(summary.errors) == 1 and "fu-bad" in summary.errors[0]
    assert "finns kvar lokalt" in summary.errors[0]


def test_decisions_do_not_depend_on_clocks(share: Share, key: SigningKey,
                                           monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Same decisions with the clock thrown two days ahead or an hour back."""
    import time as time_module

    real = time_module.time
    outcomes = []
    for skew in (0.0, 2 * 86400.0, -3600.0):
        monkeypatch.setattr(time_module, "time", lambda s=skew: real() + s)
        name, data = _build(key)
        outcomes.append(publish_package(share, "laptop-a", name, data).status)
    assert outcomes == ["pushed", "already_there", "already_there"]


def test_nothing_lost_locally(share: Share, key: SigningKey, tmp_path: Path) -> None:
    """Pushing never changes the caller's members (the local copy)."""
    content = members(5)
    snapshot = {k: bytes(v) for k, v in content.items()}
    push_all(share, "laptop-a", key, [PushItem(meta("fu-5"), content)])
    assert content == snapshot


def test_generator_input_and_lazy_members(share: Share, key: SigningKey) -> None:
    loaded: list[int] = []

    def lazy(n: int):  # type: ignore[no-untyped-def]
        def load() -> dict[str, bytes]:
            loaded.append(n)
            return members(n)
        return load

    seen: list[tuple[int, int]] = []
    summary = push_all(share, "laptop-a", key,
                       (PushItem(meta(f"fu-{n}"), lazy(n)) for n in range(4)),
                       progress=lambda d, t: seen.append((d, t)))
    assert summary.pushed == 4 and sorted(loaded) == [0, 1, 2, 3]
    assert seen[-1] == (4, 0)  # total unknown for a generator


def test_kept_package_is_sent_as_is_and_checked(share: Share, key: SigningKey,
                                                tmp_path: Path) -> None:
    built = [item(n) for n in range(3)]
    datas = [build_package(i.meta, i.members, key) for i in built]  # type: ignore[arg-type]
    shas = [hashlib.sha256(d).hexdigest() for d in datas]
    kept_file = tmp_path / "kept.pkg"
    kept_file.write_bytes(datas[2])
    damaged = bytearray(datas[1])
    damaged[len(damaged) // 2] ^= 0x01

    def no_members() -> dict[str, bytes]:
        raise AssertionError("a kept package is not built again")

    items = [
        PushItem(built[0].meta, no_members, None, shas[0], datas[0]),
        PushItem(built[1].meta, no_members, None, shas[1], bytes(damaged)),  # damaged locally
        PushItem(built[2].meta, no_members, None, shas[2], kept_file.read_bytes),  # lazy
    ]
    summary = push_all(share, "laptop-a", key, items)
    assert summary.pushed == 2 and len(summary.errors) == 1
    assert "fu-00001" in summary.errors[0] and "Den finns kvar lokalt" in summary.errors[0]
    names = sorted(os.listdir(share.outbox_dir("laptop-a")))
    assert names == sorted(package_name(built[n].meta, shas[n]) for n in (0, 2))
    for n in (0, 2):  # the very bytes that were kept, under the name they were recorded with
        assert (share.outbox_dir("laptop-a") / package_name(built[n].meta, shas[n])).read_bytes() \
            == datas[n]

    kept_file.unlink()  # the local copy is gone: this package fails, the run goes on
    again = push_all(share, "laptop-a", key, [items[2], PushItem(built[1].meta, built[1].members)])
    assert again.pushed == 1 and len(again.errors) == 1
    assert "kan inte läsas" in again.errors[0]
