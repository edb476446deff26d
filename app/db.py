"""Opening the database: engine, PRAGMAs, back up, refuse newer, migrate.

The database lives on the laptop's own disk. Every connection runs in WAL
mode with ``synchronous=FULL`` (NORMAL can lose committed work on power loss
in WAL mode) and foreign keys on. pysqlite's legacy transaction handling is
replaced by SQLAlchemy's documented recipe, so that BEGIN is explicit and
migrations and savepoints are truly transactional.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from app import models, schema_version
from app.durable_io import fsync_directory
from app.errors import DatabaseTooNewError, Message, NetworkDataDirError, UnknownDatabaseError
from app.netdrive import is_network_path

if TYPE_CHECKING:  # alembic is imported only when a schema is created or migrated
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = schema_version.MIGRATIONS_DIR
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Hand transaction control to SQLAlchemy (see module docstring).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for a SQLite file (with our PRAGMAs) or another SQLAlchemy URL."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 5})
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def head_revision() -> str:
    return schema_version.head_revision()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_database(path: Path, now: Callable[[], datetime] = datetime.now) -> Path:
    """Copy a live database with SQLite's backup API to a timestamped file
    next to it: temp name, fsync, rename, so a crash leaves no half backup."""
    stamp = now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.backup-{stamp}")
    temp = target.with_name(target.name + ".tmp")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(temp)
        try:
            source.backup(dest)
            check = dest.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dest.close()
    finally:
        source.close()
    if check != "ok":
        temp.unlink(missing_ok=True)
        raise UnknownDatabaseError(
            Message("Säkerhetskopian av {path} blev inte korrekt ({check}); databasen "
                    "har inte ändrats.", path=path, check=check)
        )
    with open(temp, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(temp, target)
    fsync_directory(target.parent)
    log.info("backed up %s to %s", path, target)
    return target


def _known_revisions() -> frozenset[str]:
    return schema_version.revision_graph()[0]


def upgrade(engine: Engine) -> None:
    from alembic import command

    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def create_schema(engine: Engine) -> None:
    """A new database: create_all, then stamp head."""
    from alembic import command

    models.Base.metadata.create_all(engine)
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.stamp(cfg, "head")


def prepare_schema(engine: Engine, backup: Callable[[], Path | None] | None = None) -> None:
    """Bring any database to the current schema: create, or back up and migrate,
    or refuse a database written by a newer version (untouched)."""
    tables = set(inspect(engine).get_table_names())
    if not tables:
        create_schema(engine)
        return
    revision = current_revision(engine)
    if revision is None:
        raise UnknownDatabaseError(
            Message("{database} är inte en databas från Uppföljaren; den har inte "
                    "ändrats.", database=engine.url.database)
        )
    if revision not in _known_revisions():
        raise DatabaseTooNewError(
            Message("Databasen {database} är skapad av en nyare version av Uppföljaren "
                    "(schema {revision}). Uppdatera programmet; databasen har inte "
                    "ändrats.", database=engine.url.database, revision=revision)
        )
    if revision != head_revision():
        if backup is not None:
            backup()
        upgrade(engine)


def open_database(path: Path, *, allow_network: bool = False) -> Engine:
    """Open (creating or upgrading) the laptop's database at ``path``."""
    if not allow_network and is_network_path(path.parent):
        raise NetworkDataDirError(
            Message("Datamappen {parent} ligger på en nätverksenhet. Uppföljaren sparar "
                    "bara på datorns egen disk, så att inget går förlorat om nätverket "
                    "försvinner. Välj en mapp på den lokala disken.", parent=path.parent)
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(sqlite_url(path))
    prepare_schema(engine, backup=lambda: backup_database(path))
    load_shipped_data(engine)
    return engine


def shipped_data_stamp() -> int:
    """A checksum of the shipped reference data and template files."""
    return schema_version.shipped_data_stamp()


def load_shipped_data(engine: Engine) -> None:
    """Add shipped reference data and template versions that the database
    lacks. Both loads are idempotent; the stamp in ``PRAGMA user_version``
    skips them (and their imports) when the shipped files have not changed."""
    stamp = shipped_data_stamp()
    with engine.connect() as conn:
        if conn.exec_driver_sql("PRAGMA user_version").scalar() == stamp:
            return
    from app.services.reference import load_reference_data
    from app.services.templates import ensure_shipped_templates

    with Session(engine) as session, session.begin():
        load_reference_data(session)
        ensure_shipped_templates(session)
        session.connection().exec_driver_sql(f"PRAGMA user_version = {int(stamp)}")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
