"""Opening the database: PRAGMAs, creation, migration with backup, refusals."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from app.db import (
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    open_database,
    sqlite_url,
)
from app.errors import DatabaseTooNewError, NetworkDataDirError, UnknownDatabaseError
from app.models import Base, District, Region
from app.netdrive import is_network_path
from app.services.reference import load_reference_data


def test_every_connection_has_durable_pragmas(tmp_db) -> None:
    for _ in range(3):
        with tmp_db.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_new_database_is_at_head_with_reference_data(tmp_db, session) -> None:
    assert current_revision(tmp_db) == head_revision()
    regions = session.scalars(select(Region.name)).all()
    assert set(regions) == {"Västra söderort", "Östra söderort", "Innerstaden", "Västerort"}
    merged = session.scalar(select(District).where(District.name == "Hägersten-Älvsjö"))
    old = session.scalar(select(District).where(District.name == "Älvsjö"))
    assert merged is not None and old is not None
    assert old.successor_id == merged.id
    assert str(merged.valid_from) == "2020-01-01" and str(old.valid_to) == "2019-12-31"


def test_reference_data_load_is_idempotent(session) -> None:
    before = session.execute(text("SELECT count(*) FROM district")).scalar()
    load_reference_data(session)
    load_reference_data(session)
    assert session.execute(text("SELECT count(*) FROM district")).scalar() == before


def test_schema_matches_models_after_migrations(tmp_path: Path) -> None:
    """Migrating an empty database gives exactly the tables the models declare."""
    engine = make_engine(sqlite_url(tmp_path / "m.sqlite3"))
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    assert set(inspect(engine).get_table_names()) - {"alembic_version"} == set(
        Base.metadata.tables
    )
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"models and migrations differ: {diff}"


def test_single_migration_head() -> None:
    from alembic.script import ScriptDirectory

    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1


def test_previous_version_database_is_backed_up_and_upgraded(tmp_path: Path) -> None:
    """A database made by the first release (schema 0001) with units in it."""
    path = tmp_path / "uppfoljaren.sqlite3"
    engine = make_engine(sqlite_url(path))
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO region (id, name) VALUES (1, 'Innerstaden')"))
        conn.execute(text("INSERT INTO district (id, name, region_id) VALUES (1, 'Södermalm', 1)"))
        conn.execute(text("INSERT INTO unit_type (code, name, short_name, is_care_home, sort_order)"
                          " VALUES ('vob', 'Vård- och omsorgsboende', 'VoB', 1, 0)"))
        conn.execute(text("INSERT INTO regiform (code, name, sort_order) VALUES ('egen_regi', 'Egen regi', 0)"))
        conn.execute(text(
            "INSERT INTO unit (id, name, type_code, regiform_code, address, followup_district_id,"
            " outside_city) VALUES ('E1', 'Gamla boendet', 'vob', 'egen_regi', 'Gatan 1', 1, 0)"))
    engine.dispose()
    assert head_revision() != "0001"  # there is a newer schema to upgrade to

    upgraded = open_database(path)
    assert current_revision(upgraded) == head_revision()
    with upgraded.connect() as conn:
        assert conn.execute(text("SELECT name FROM unit WHERE id='E1'")).scalar() == "Gamla boendet"
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    upgraded.dispose()
    backups = list(tmp_path.glob("uppfoljaren.sqlite3.backup-*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as backup:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert backup.execute("SELECT name FROM unit").fetchone()[0] == "Gamla boendet"


def test_up_to_date_database_is_not_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "uppfoljaren.sqlite3"
    open_database(path).dispose()
    open_database(path).dispose()
    assert not list(tmp_path.glob("*.backup-*"))


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "uppfoljaren.sqlite3"
    open_database(path).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="nyare version"):
        open_database(path)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.backup-*"))


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER)")
    with pytest.raises(UnknownDatabaseError):
        open_database(path)


MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
//server/share /mnt/share cifs rw 0 0
server:/export /home/anna/nfs nfs4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/mnt/share/data", True), ("/home/anna/nfs/x", True), ("/home/anna/local", False),
     ("/mnt/shared", False)],
)
def test_network_paths_detected_from_mounts(path: str, expected: bool) -> None:
    assert is_network_path(Path(path), platform="linux", mounts_text=MOUNTS) is expected


def test_unc_path_is_network_on_windows() -> None:
    assert is_network_path(Path("//server/share/data"), platform="win32")


def test_open_database_refuses_network_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.db.is_network_path", lambda _p: True)
    with pytest.raises(NetworkDataDirError, match="nätverksenhet"):
        open_database(tmp_path / "uppfoljaren.sqlite3")
    assert not (tmp_path / "uppfoljaren.sqlite3").exists()


def test_fast_head_matches_alembic() -> None:
    from alembic.script import ScriptDirectory

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_shipped_data_reloads_only_when_files_change(tmp_db, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.db import load_shipped_data, shipped_data_stamp

    with tmp_db.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA user_version").scalar() == shipped_data_stamp()
    calls: list[object] = []
    monkeypatch.setattr("app.services.reference.load_reference_data", calls.append)
    load_shipped_data(tmp_db)
    assert calls == []  # unchanged files: nothing loaded
    monkeypatch.setattr("app.db.shipped_data_stamp", lambda: 12345)
    load_shipped_data(tmp_db)
    assert len(calls) == 1
    with tmp_db.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA user_version").scalar() == 12345
