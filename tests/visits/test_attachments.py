"""Attachments are copied into the data dir; oversized files are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import UserFacingError
from app.services.visits import (
    MAX_ATTACHMENT_BYTES,
    add_attachment,
    attachment_path,
    delete_attachment,
    open_visit,
    start_visit,
)
from tests.visits.conftest import START_DAY, VU, Env


def test_attachment_is_copied_and_listed(env: Env, tmp_path: Path) -> None:
    store = tmp_path / "bilagor"
    photo = tmp_path / "foto läkemedelsrum.jpg"
    photo.write_bytes(b"\xff\xd8" + b"x" * 1000)
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
        qid = open_visit(s, vid).parts[0].sections[0].questions[0].id
        aid = add_attachment(s, vid, photo, who=VU.name, question_id=qid,
                             attachments_dir=store)
        add_attachment(s, vid, photo, who=VU.name, attachments_dir=store)
    photo.unlink()  # the original may go away; the copy stays
    with env.sessions() as s:
        attachments = open_visit(s, vid).attachments
    first = next(a for a in attachments if a.id == aid)
    assert len(attachments) == 2 and first.question_id == qid
    assert first.filename == "foto läkemedelsrum.jpg" and first.size == 1002
    copy = attachment_path(store, first.stored_name)
    assert copy.read_bytes()[:2] == b"\xff\xd8"
    with env.sessions() as s:
        delete_attachment(s, aid, who=VU.name, attachments_dir=store)
        assert len(open_visit(s, vid).attachments) == 1
    assert not copy.exists()


def test_oversized_file_is_refused_with_a_clear_message(env: Env, tmp_path: Path) -> None:
    big = tmp_path / "film.mp4"
    with open(big, "wb") as handle:
        handle.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: no real 25 MB written
    store = tmp_path / "bilagor"
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
        with pytest.raises(UserFacingError, match="högst 25,0 MB"):
            add_attachment(s, vid, big, who=VU.name, attachments_dir=store)
        assert open_visit(s, vid).attachments == ()
    assert not store.exists() or not any(store.rglob("*.mp4"))


def test_exactly_the_limit_is_accepted(env: Env, tmp_path: Path) -> None:
    edge = tmp_path / "edge.pdf"
    with open(edge, "wb") as handle:
        handle.truncate(MAX_ATTACHMENT_BYTES)
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
        add_attachment(s, vid, edge, who=VU.name, attachments_dir=tmp_path / "b")
        [att] = open_visit(s, vid).attachments
    assert att.size == MAX_ATTACHMENT_BYTES
    copy = attachment_path(tmp_path / "b", att.stored_name)
    assert copy.stat().st_size == MAX_ATTACHMENT_BYTES


def test_missing_file_is_a_clear_error(env: Env, tmp_path: Path) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
        with pytest.raises(UserFacingError, match="kan inte läsas"):
            add_attachment(s, vid, tmp_path / "finns-inte.pdf", who=VU.name,
                           attachments_dir=tmp_path)
