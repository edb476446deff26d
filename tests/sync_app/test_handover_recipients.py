"""The recipient list names people: the officer and role each laptop
publishes, else as the parts received from it name them, else the device id
in plain words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.services.share.layout import Share
from app.services.sync_handover import recipients
from tests.sync_app.conftest import Laptop
from tests.sync_app.test_merge_parts import MAS, VU, finish, sync, two_laptops

UNKNOWN = "Dator {} (handläggarens namn är inte känt)"


def _labels(laptop: Laptop) -> list[str]:
    with laptop.sessions() as session:
        return [r.label for r in recipients(session, laptop.paths, laptop.settings)]


def test_names_roles_and_laptops_without_a_name(
        make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    share = Share(tmp_path / "share")
    share.init(created_by_device="centralen", create_root=True)
    care, health, blank, spare = (make_laptop(n, share=share.root)
                                  for n in ("care", "health", "blank", "spare"))
    for laptop, officer in ((care, VU), (health, MAS), (spare, MAS)):
        laptop.settings.officer_name, laptop.settings.officer_role = officer.name, officer.role
        laptop.settings.save()
    for laptop in (health, blank, spare):
        sync(laptop)
    by_id = sorted([health.device_id, spare.device_id])
    assert _labels(care) == [f"Maja Sjöström, MAS (dator {d[:8]})" for d in by_id] + [
        UNKNOWN.format(blank.device_id)]
    # A new name on the spare laptop replaces the old one on the next sync.
    spare.settings.officer_name = "Sara Lind"
    spare.settings.save()
    sync(spare)
    assert _labels(care) == ["Maja Sjöström, MAS", "Sara Lind, MAS",
                             UNKNOWN.format(blank.device_id)]


def test_a_laptop_that_published_no_name_is_named_by_its_parts(
        make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    care, health, visit_id = two_laptops(make_laptop, tmp_path)
    finish(health, visit_id, "hsl", MAS.name)
    sync(health)
    sync(care)  # the finalized part names its owner and role
    share = Share(Path(str(care.settings.share_path)))
    for name in share.list_names(share.keys_dir(health.device_id)):
        if name.startswith("officer."):  # as an older program that publishes no name
            (share.keys_dir(health.device_id) / name).unlink()
    assert _labels(care) == ["Maja Sjöström, MAS"]
