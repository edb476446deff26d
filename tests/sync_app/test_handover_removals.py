"""Removing an attachment travels with a handover, as the sender's explicit
word (id and hash in the package): the receiving laptop removes exactly that
file and records it in the audit log; what the sender never held, or a copy
added again, is kept."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models.visit import Attachment, AuditEvent
from app.services import sync_attachments
from app.services.central.facts import DATA_MEMBER
from app.services.share.errors import ShareUnavailableError
from app.services.sync_handover import hand_over_part
from app.services.visits import delete_attachment
from tests.sync_app.conftest import Laptop
from tests.sync_app.test_handover_attachments import (
    EXTRA,
    PHOTO,
    PLAN,
    _attach,
    _files,
    _hsl_question,
    _laptops,
    _new_visit,
)
from tests.sync_app.test_merge_parts import MAS, VU, sync


def _delete(laptop: Laptop, visit_id: str, filename: str, who: str) -> None:
    with laptop.sessions() as session:
        row = session.scalar(select(Attachment).where(Attachment.visit_id == visit_id,
                                                      Attachment.filename == filename))
        assert row is not None
        delete_attachment(session, row.id, who=who,
                          attachments_dir=laptop.paths.attachments_dir)


def _hand(laptop: Laptop, visit_id: str, to: Laptop) -> dict[str, object]:
    """Hand the health-care part over; the snapshot the package carries."""
    with laptop.sessions() as session:
        result = hand_over_part(session, laptop.paths, laptop.settings, visit_id, "hsl",
                                to.device_id)
    with zipfile.ZipFile(result.path) as archive:
        data: dict[str, object] = json.loads(archive.read(DATA_MEMBER))
    return data


def _stored_files(laptop: Laptop) -> int:
    return sum(1 for p in laptop.paths.attachments_dir.rglob("*") if p.is_file())


def _removal_events(laptop: Laptop, visit_id: str) -> list[AuditEvent]:
    with laptop.sessions() as session:
        rows = list(session.scalars(select(AuditEvent).where(
            AuditEvent.visit_id == visit_id, AuditEvent.field == "bilaga",
            AuditEvent.new.is_(None), AuditEvent.who == "Synkronisering")))
        session.expunge_all()
        return rows


def test_removals_travel_both_ways_and_are_audited(
        make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    care, health = _laptops(make_laptop, tmp_path)
    visit_id = _new_visit(care)
    question = _hsl_question(care, visit_id)
    _attach(care, visit_id, "medicinskåp.jpg", PHOTO, VU.name, question, tmp_path)
    _attach(care, visit_id, "rutin läkemedel.pdf", PLAN, VU.name, None, tmp_path)
    first = _hand(care, visit_id, health)
    assert sync_attachments.REMOVED_KEY not in first  # nothing was removed yet
    sync(health)
    assert set(_files(health, visit_id)) == {("medicinskåp.jpg", question),
                                             ("rutin läkemedel.pdf", None)}

    # The MAS removes the photo and hands the part back.
    _delete(health, visit_id, "medicinskåp.jpg", MAS.name)
    back = _hand(health, visit_id, care)
    removed = back[sync_attachments.REMOVED_KEY]
    assert isinstance(removed, list) and len(removed) == 1
    assert removed[0]["filename"] == "medicinskåp.jpg" and removed[0]["question_id"] == question
    # Meanwhile a file the MAS never saw was added here (to the follow-up, as
    # the part itself is locked while handed over): it stays.
    _attach(care, visit_id, "ny.png", EXTRA, VU.name, None, tmp_path)
    assert sync(care).handovers == 1
    assert _files(care, visit_id) == {("rutin läkemedel.pdf", None): PLAN,
                                      ("ny.png", None): EXTRA}
    assert _stored_files(care) == 2  # the photo's file went with its row
    events = _removal_events(care, visit_id)
    assert len(events) == 1 and events[0].old is not None
    assert "medicinskåp.jpg" in events[0].old and ".pkg" in events[0].old
    assert not sync(care).refused  # applied once; a second sync changes nothing
    assert len(_removal_events(care, visit_id)) == 1

    # Back with the owner, who removes the routine and hands over again.
    _delete(care, visit_id, "rutin läkemedel.pdf", VU.name)
    again = _hand(care, visit_id, health)
    assert [r["filename"] for r in again[sync_attachments.REMOVED_KEY]] == [
        "rutin läkemedel.pdf"]
    sync(health)
    assert _files(health, visit_id) == {("ny.png", None): EXTRA}
    assert len(_removal_events(health, visit_id)) == 1


def test_a_copy_added_again_is_not_removed(
        make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    care, health = _laptops(make_laptop, tmp_path)
    visit_id = _new_visit(care)
    question = _hsl_question(care, visit_id)
    _attach(care, visit_id, "medicinskåp.jpg", PHOTO, VU.name, question, tmp_path)
    _attach(care, visit_id, "rutin läkemedel.pdf", PLAN, VU.name, None, tmp_path)
    _hand(care, visit_id, health)
    sync(health)
    _delete(health, visit_id, "rutin läkemedel.pdf", MAS.name)
    _delete(health, visit_id, "medicinskåp.jpg", MAS.name)
    assert len(_hand(health, visit_id, care)[sync_attachments.REMOVED_KEY]) == 2
    # Before the part comes back, the routine is removed and added again here
    # (the follow-up's own file; the care part is open): a new copy with a new
    # id, which the colleague's removal does not name.
    _delete(care, visit_id, "rutin läkemedel.pdf", VU.name)
    _attach(care, visit_id, "rutin läkemedel.pdf", PLAN, VU.name, None, tmp_path)
    sync(care)
    assert _files(care, visit_id) == {("rutin läkemedel.pdf", None): PLAN}
    assert len(_removal_events(care, visit_id)) == 1  # the photo only


def test_a_sender_that_never_stored_the_files_removes_nothing(
        make_laptop: Callable[..., Laptop], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    care, health = _laptops(make_laptop, tmp_path)
    visit_id = _new_visit(care)
    question = _hsl_question(care, visit_id)
    _attach(care, visit_id, "medicinskåp.jpg", PHOTO, VU.name, question, tmp_path)
    _hand(care, visit_id, health)

    def unplugged(path: Path, *_args: object, **_kwargs: object) -> None:
        raise ShareUnavailableError("Den centrala mappen är inte ansluten.", path)

    monkeypatch.setattr(sync_attachments, "read_package", unplugged)
    sync(health, ok=False)  # the draft arrived, its photo did not
    monkeypatch.undo()
    assert _files(health, visit_id) == {}
    # Handed back without the photo: missing is not removed.
    back = _hand(health, visit_id, care)
    assert sync_attachments.REMOVED_KEY not in back
    sync(care)
    assert _files(care, visit_id) == {("medicinskåp.jpg", question): PHOTO}


def test_a_removal_outside_the_part_is_ignored(
        make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    """A forged or stale removal naming another part's question, or a hash
    that does not match the copy here, removes nothing."""
    care, health = _laptops(make_laptop, tmp_path)
    visit_id = _new_visit(care)
    question = _hsl_question(care, visit_id)
    _attach(care, visit_id, "medicinskåp.jpg", PHOTO, VU.name, question, tmp_path)
    with care.sessions() as session:
        row = session.scalar(select(Attachment).where(Attachment.visit_id == visit_id))
        assert row is not None
        ident, sha = row.stored_name, row.sha256
    snap = {"sections": [{"questions": [{"id": question}]}], "attachments": [],
            sync_attachments.REMOVED_KEY: [
                {"stored_name": ident, "question_id": "annan-fraga", "sha256": sha},
                {"stored_name": ident, "question_id": question, "sha256": "0" * 64},
                {"stored_name": "x/" + ident, "question_id": question, "sha256": sha}]}
    with care.sessions() as session:
        assert sync_attachments._remove(session, care.paths, visit_id, snap, "p.pkg") == []
        session.rollback()
    assert _files(care, visit_id) == {("medicinskåp.jpg", question): PHOTO}
