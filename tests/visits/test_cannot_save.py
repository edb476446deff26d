"""A full disk or a read-only database is one CannotSaveError; what was saved
before stays intact."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session

from app.db import make_engine, session_factory
from app.errors import CannotSaveError
from app.services.visits import open_visit, save_answer, save_visit_field, start_visit
from tests.visits.conftest import START_DAY, VU, Env


def _first_question(env: Env, vid: str) -> str:
    with env.sessions() as s:
        detail = open_visit(s, vid)
    return next(q.id for sec in detail.parts[0].sections for q in sec.questions
                if q.answer_kind == "scale")


def _db_path(engine: Engine) -> Path:
    assert engine.url.database
    return Path(engine.url.database)


def _integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def test_disk_full_is_cannot_save_and_earlier_data_survives(env: Env, tmp_db: Engine) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
    qid = _first_question(env, vid)
    with env.sessions() as s:
        save_answer(s, vid, qid, who=VU.name, answer="delvis", comment="sparad före")
    path = _db_path(tmp_db)
    full = make_engine(f"sqlite:///{path}")

    @event.listens_for(full, "connect")
    def _cap(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    sessions = session_factory(full)
    with sessions() as s, pytest.raises(CannotSaveError, match="kunde inte sparas"):
        save_answer(s, vid, qid, who=VU.name, comment="ö" * 90_000)
    # The same session object stays usable for the retry the UI offers.
    with sessions() as s, pytest.raises(CannotSaveError):
        save_visit_field(s, vid, "preanalysis_notes", "x" * 99_000, who=VU.name)
    full.dispose()
    tmp_db.dispose()
    with env.sessions() as s:
        answer = open_visit(s, vid).question(qid).answer
    assert answer is not None and answer.comment == "sparad före"
    assert _integrity(path) == "ok"


def _read_only_copy(env: Env, tmp_db: Engine, tmp_path: Path) -> tuple[Path, str, str]:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
    qid = _first_question(env, vid)
    with env.sessions() as s:
        save_answer(s, vid, qid, who=VU.name, answer="uppfyllt")
    with tmp_db.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    tmp_db.dispose()
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(_db_path(tmp_db), copy)
    return copy, vid, qid


def test_read_only_file_is_cannot_save(env: Env, tmp_db: Engine, tmp_path: Path) -> None:
    copy, vid, qid = _read_only_copy(env, tmp_db, tmp_path)
    engine = make_engine(f"sqlite:///file:{copy}?mode=ro&uri=true")
    try:
        with Session(engine) as s:
            assert open_visit(s, vid).question(qid).answer.answer == "uppfyllt"
            with pytest.raises(CannotSaveError):
                save_answer(s, vid, qid, who=VU.name, answer="delvis")
    finally:
        engine.dispose()
    assert _integrity(copy) == "ok"


def test_query_only_database_is_cannot_save(env: Env, tmp_db: Engine, tmp_path: Path) -> None:
    copy, vid, qid = _read_only_copy(env, tmp_db, tmp_path)
    engine = make_engine(f"sqlite:///{copy}")

    @event.listens_for(engine, "connect")
    def _query_only(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute("PRAGMA query_only=1")

    try:
        with Session(engine) as s, pytest.raises(CannotSaveError):
            save_visit_field(s, vid, "method_notes", "ny text", who=VU.name)
        with Session(engine) as s:
            assert open_visit(s, vid).method_notes == ""
    finally:
        engine.dispose()
