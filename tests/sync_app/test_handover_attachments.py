"""Attachments travel with a handed-over part: packed and hashed in the
package, restored on the colleague's laptop, and the colleague's additions
come back; a file that does not match its hash is refused."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import UserFacingError
from app.models.register import Unit
from app.models.visit import Attachment, Visit
from app.services import sync_attachments
from app.services.central.facts import DATA_MEMBER
from app.services.share.errors import ShareUnavailableError
from app.services.share.handover import put_handover
from app.services.share.layout import Share
from app.services.share.package import MANIFEST_NAME, PackageMeta
from app.services.share.signing import load_or_create_key
from app.services.sync_handover import hand_over_part
from app.services.visits import add_attachment, open_visit, revision_snapshot, start_visit
from app.services.visits.attachments import attachment_path
from app.services.visits.templating import pinned_template
from tests.sync_app.conftest import Laptop
from tests.sync_app.test_merge_parts import MAS, VU, finish, sync

PHOTO = b"\xff\xd8\xff\xe0" + b"foto av medicinskapet " * 300
PLAN = b"%PDF-1.4 rutin for lakemedel\n" * 50
EXTRA = b"\x89PNG\r\n\x1a\n" + b"kompletterande bild " * 200


def _laptops(make_laptop: Callable[..., Laptop], tmp_path: Path) -> tuple[Laptop, Laptop]:
    share = Share(tmp_path / "share")
    share.init(created_by_device="centralen", create_root=True)
    care, health = make_laptop("care", share=share.root), make_laptop("health", share=share.root)
    for laptop, officer in ((care, VU), (health, MAS)):
        laptop.settings.officer_name, laptop.settings.officer_role = officer.name, officer.role
        laptop.settings.save()
    sync(health)  # publishes its key: it can be chosen as recipient
    sync(care)
    return care, health


def _hsl_question(laptop: Laptop, visit_id: str) -> str:
    with laptop.sessions() as session:
        visit = session.get(Visit, visit_id)
        assert visit is not None
        template = pinned_template(session, visit.template_version_id)
        return next(q.id for q in template.by_id.values() if q.part == "hsl")


def _attach(laptop: Laptop, visit_id: str, name: str, data: bytes, who: str,
            question_id: str | None, tmp_path: Path) -> None:
    source = tmp_path / "källa" / laptop.device_id / name
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(data)
    with laptop.sessions() as session:
        add_attachment(session, visit_id, source, who=who, question_id=question_id,
                       attachments_dir=laptop.paths.attachments_dir)
    source.unlink()  # only the stored copy is left to travel


def _files(laptop: Laptop, visit_id: str) -> dict[tuple[str, str | None], bytes]:
    """(file name, question) -> the stored bytes, each checked against its row."""
    out: dict[tuple[str, str | None], bytes] = {}
    with laptop.sessions() as session:
        for row in session.scalars(select(Attachment).where(Attachment.visit_id == visit_id)):
            data = attachment_path(laptop.paths.attachments_dir, row.stored_name).read_bytes()
            assert hashlib.sha256(data).hexdigest() == row.sha256 and len(data) == row.size
            assert (row.filename, row.question_id) not in out, "stored twice"
            out[(row.filename, row.question_id)] = data
    return out


def _new_visit(care: Laptop) -> str:
    with care.sessions() as session:
        unit = session.scalar(select(Unit.id).where(Unit.type_code == "vob")
                              .order_by(Unit.id).limit(1))
        assert unit is not None
        return start_visit(session, unit, 2026, officer=VU, on=date(2026, 9, 15), extra=True)


def test_attachments_go_with_the_handover_and_the_additions_come_back(
        make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    care, health = _laptops(make_laptop, tmp_path)
    visit_id = _new_visit(care)
    question = _hsl_question(care, visit_id)
    _attach(care, visit_id, "medicinskåp.jpg", PHOTO, VU.name, question, tmp_path)
    _attach(care, visit_id, "rutin läkemedel.pdf", PLAN, VU.name, None, tmp_path)
    with care.sessions() as session:
        result = hand_over_part(session, care.paths, care.settings, visit_id, "hsl",
                                health.device_id)
    with zipfile.ZipFile(result.path) as archive:  # members, hashed in the manifest
        manifest = json.loads(archive.read(MANIFEST_NAME))
        carried = {n: archive.read(n) for n in archive.namelist()
                   if n.startswith("attachments/")}
    assert sorted(carried.values()) == sorted([PHOTO, PLAN])
    assert all(manifest["members"][n]["sha256"] == hashlib.sha256(d).hexdigest()
               for n, d in carried.items())

    report = sync(health)
    assert report.handovers == 1
    assert _files(health, visit_id) == {("medicinskåp.jpg", question): PHOTO,
                                        ("rutin läkemedel.pdf", None): PLAN}
    assert not sync(health).refused  # restored once, not again

    # The MAS adds a picture and hands the part back: only the addition is new.
    _attach(health, visit_id, "kompletterande.png", EXTRA, MAS.name, question, tmp_path)
    with health.sessions() as session:
        hand_over_part(session, health.paths, health.settings, visit_id, "hsl", care.device_id)
    assert sync(care).handovers == 1
    assert _files(care, visit_id) == {("medicinskåp.jpg", question): PHOTO,
                                      ("rutin läkemedel.pdf", None): PLAN,
                                      ("kompletterande.png", question): EXTRA}
    with care.sessions() as session:  # the restored file shows in the visit window
        assert {a.filename for a in open_visit(session, visit_id).attachments} == {
            "medicinskåp.jpg", "rutin läkemedel.pdf", "kompletterande.png"}


def test_a_finalized_part_from_the_colleague_brings_its_attachments(
        make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    care, health = _laptops(make_laptop, tmp_path)
    visit_id = _new_visit(care)
    with care.sessions() as session:
        hand_over_part(session, care.paths, care.settings, visit_id, "hsl", health.device_id)
    sync(health)
    question = _hsl_question(health, visit_id)
    _attach(health, visit_id, "avvikelse.jpg", EXTRA, MAS.name, question, tmp_path)
    finish(health, visit_id, "hsl", MAS.name)
    sync(health)
    assert sync(care).received == 1
    assert _files(care, visit_id) == {("avvikelse.jpg", question): EXTRA}


def test_an_attachment_that_does_not_match_its_hash_is_refused(
        make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    care, health = _laptops(make_laptop, tmp_path)
    visit_id = _new_visit(care)
    question = _hsl_question(care, visit_id)
    _attach(care, visit_id, "medicinskåp.jpg", PHOTO, VU.name, question, tmp_path)
    with care.sessions() as session:
        snapshot = revision_snapshot(session, visit_id, "hsl")
    # A validly signed package whose file is not the one the snapshot names:
    # the manifest hash is right for the bytes, the follow-up's hash is not.
    key = load_or_create_key(care.device_id, care.paths.config_dir).key
    meta = PackageMeta("handover", visit_id, "hsl", 1, None, care.device_id,
                       recipient=health.device_id, info={"officer": VU.name})
    member = next(iter(sync_attachments.attachment_members(care.paths, snapshot)))
    put_handover(Share(Path(str(care.settings.share_path))), key, meta, {
        DATA_MEMBER: json.dumps(snapshot).encode(), member: b"something else"})
    report = sync(health, ok=False)
    assert report.handovers == 1  # the draft is there...
    assert any("stämmer inte" in r and "nästa synkronisering" in r for r in report.refused)
    assert _files(health, visit_id) == {}  # ...without a file it cannot trust
    assert not list(health.paths.attachments_dir.rglob("*.*"))


def test_oversize_and_changed_files_are_not_handed_over(
        make_laptop: Callable[..., Laptop], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    care, health = _laptops(make_laptop, tmp_path)
    visit_id = _new_visit(care)
    _attach(care, visit_id, "stor.jpg", PHOTO, VU.name, None, tmp_path)
    monkeypatch.setattr(sync_attachments, "MAX_ATTACHMENT_BYTES", len(PHOTO) - 1)
    with care.sessions() as session, pytest.raises(UserFacingError, match="högst"):
        hand_over_part(session, care.paths, care.settings, visit_id, "hsl", health.device_id)
    monkeypatch.undo()
    with care.sessions() as session:
        stored = session.scalar(select(Attachment.stored_name).where(
            Attachment.visit_id == visit_id))
        assert stored is not None
    attachment_path(care.paths.attachments_dir, stored).write_bytes(b"skadad")
    with care.sessions() as session, pytest.raises(UserFacingError, match="ändrats"):
        hand_over_part(session, care.paths, care.settings, visit_id, "hsl", health.device_id)
    assert not Share(Path(str(care.settings.share_path))).list_names(
        Share(Path(str(care.settings.share_path))).handover_dir(care.device_id,
                                                               health.device_id))


def test_a_share_lost_while_fetching_files_is_retried_on_the_next_sync(
        make_laptop: Callable[..., Laptop], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    care, health = _laptops(make_laptop, tmp_path)
    visit_id = _new_visit(care)
    _attach(care, visit_id, "rutin läkemedel.pdf", PLAN, VU.name, None, tmp_path)
    with care.sessions() as session:
        hand_over_part(session, care.paths, care.settings, visit_id, "hsl", health.device_id)

    def unplugged(path: Path, *_args: object, **_kwargs: object) -> None:
        raise ShareUnavailableError("Den centrala mappen är inte ansluten.", path)

    monkeypatch.setattr(sync_attachments, "read_package", unplugged)
    report = sync(health, ok=False)
    assert report.handovers == 1 and _files(health, visit_id) == {}
    assert any("inte ansluten" in r and "nästa synkronisering" in r for r in report.refused)
    monkeypatch.undo()
    assert not sync(health).refused
    assert _files(health, visit_id) == {("rutin läkemedel.pdf", None): PLAN}
