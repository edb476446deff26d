"""Shared fixtures. Qt runs offscreen; no test may touch the real home."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from sqlalchemy import Engine  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from app.db import open_database, session_factory  # noqa: E402
from app.paths import ENV_DATA_DIR  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point HOME, XDG dirs and the data-dir variable into a temp folder, so a
    test that forgets --data-dir fails to reach the user's real files."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv(ENV_DATA_DIR, str(home / "data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def tmp_db(data_dir: Path) -> Iterator[Engine]:
    """A freshly created (empty register) database on a temp data dir."""
    engine = open_database(data_dir / "uppfoljaren.sqlite3")
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(tmp_db: Engine) -> sessionmaker[Session]:
    return session_factory(tmp_db)


@pytest.fixture
def session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    with sessions() as s:
        yield s


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database built once per test session; copy it per test."""
    from app.services.demo_db import ensure_demo_database

    path = tmp_path_factory.mktemp("demo") / "uppfoljaren.sqlite3"
    ensure_demo_database(path)
    return path


@pytest.fixture
def demo_engine(demo_db_template: Path, data_dir: Path) -> Iterator[Engine]:
    """A private copy of the demo database."""
    import sqlite3

    target = data_dir / "uppfoljaren.sqlite3"
    source = sqlite3.connect(demo_db_template)
    dest = sqlite3.connect(target)
    source.backup(dest)
    dest.close()
    source.close()
    engine = open_database(target)
    yield engine
    engine.dispose()


@pytest.fixture
def demo_sessions(demo_engine: Engine) -> sessionmaker[Session]:
    return session_factory(demo_engine)
