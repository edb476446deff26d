"""Central fixtures: the consolidated database on SQLite and on a real
PostgreSQL (one throw-away server per test session), and revision snapshots
of demo follow-ups to build packages from."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from app.models.central import CentralBase
from app.services.central.ingest import open_central
from app.services.share.layout import Share
from app.services.share.signing import SigningKey
from tests.pgserver import temporary_postgres


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    with temporary_postgres() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def central_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        engine = open_central(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    else:
        url = request.getfixturevalue("pg_url")
        engine = open_central(url)
        CentralBase.metadata.drop_all(engine)
        CentralBase.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def share(tmp_path: Path) -> Share:
    return Share.local_default(tmp_path / "share")


@pytest.fixture
def key() -> SigningKey:
    return SigningKey.generate("dev-laptop-a")


@pytest.fixture(scope="session")
def demo_snapshots(demo_db_template: Path, tmp_path_factory: pytest.TempPathFactory
                   ) -> list[dict[str, Any]]:
    """Both parts' snapshots of 16 finalized 2023 demo follow-ups, 4 of 2021."""
    from sqlalchemy import select

    from app.db import open_database, session_factory
    from app.models.visit import Visit, VisitPart
    from app.services.visits.snapshot import revision_snapshot

    copy = tmp_path_factory.mktemp("demo-copy") / "uppfoljaren.sqlite3"
    shutil.copy(demo_db_template, copy)
    engine = open_database(copy)
    snapshots: list[dict[str, Any]] = []
    with session_factory(engine)() as session:
        for year, count in ((2023, 16), (2021, 4)):
            visits = session.scalars(select(Visit).where(Visit.year == year).order_by(Visit.id))
            taken = 0
            for visit in visits:
                parts = session.scalars(select(VisitPart).where(
                    VisitPart.visit_id == visit.id)).all()
                if len(parts) != 2 or any(p.status != "faststalld" for p in parts):
                    continue
                for part in sorted(parts, key=lambda p: p.part, reverse=True):
                    snapshots.append(revision_snapshot(session, visit.id, part.part,
                                                       part.revision))
                taken += 1
                if taken == count:
                    break
    engine.dispose()
    return snapshots
