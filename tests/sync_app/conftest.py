"""Laptops for the sync tests: each a private copy of the demo database in
its own data dir, with its own settings (device id) and the file fallback
for the signing key (the null keyring backend is set for every test)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.db import open_database, session_factory
from app.models.visit import PartRevision, VisitPart
from app.paths import AppPaths, resolve_paths
from app.services.visits import finalize_part, reopen_part
from app.settings import Settings
from app.ui.tasks import TaskRunner


@dataclass
class Laptop:
    paths: AppPaths
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def device_id(self) -> str:
        return self.settings.device_id


@pytest.fixture
def make_laptop(demo_db_template: Path, tmp_path: Path) -> Iterator[Callable[..., Laptop]]:
    engines: list[Engine] = []

    def make(name: str, keep: int = 0, share: Path | None = None) -> Laptop:
        """``keep``: how many of the demo's finalized revisions keep their
        stored snapshot (the rest count as history already at the centre), so
        a test builds only a few report PDFs."""
        paths = resolve_paths(tmp_path / name).ensure()
        source, dest = sqlite3.connect(demo_db_template), sqlite3.connect(paths.database)
        source.backup(dest)
        dest.close()
        source.close()
        engine = open_database(paths.database)
        engines.append(engine)
        sessions = session_factory(engine)
        with sessions() as session:
            kept = list(session.scalars(
                select(PartRevision.id).where(PartRevision.snapshot.is_not(None))
                .order_by(PartRevision.id).limit(keep)))
            session.execute(update(PartRevision).where(PartRevision.id.not_in(kept))
                            .values(snapshot=None))
            session.commit()
        settings = Settings.load(paths.settings_file)
        settings.share_path = str(share) if share is not None else None
        settings.save()
        return Laptop(paths, settings, engine, sessions)

    yield make
    for engine in engines:
        engine.dispose()


def shared_visit(session: Session) -> str:
    """A follow-up whose care and health-care parts are both finalized."""
    for visit_id in session.scalars(
            select(VisitPart.visit_id).where(VisitPart.part == "hsl",
                                             VisitPart.status == "faststalld")
            .order_by(VisitPart.visit_id.desc())):
        sol = session.scalar(select(VisitPart).where(VisitPart.visit_id == visit_id,
                                                     VisitPart.part == "sol"))
        if sol is not None and sol.status == "faststalld":
            return visit_id
    raise AssertionError("the demo has no follow-up with both parts finalized")


def refinalize(laptop: Laptop, visit_id: str, part: str, reason: str = "Komplettering") -> int:
    """Reopen and finalize a part again as its owner: a new revision."""
    with laptop.sessions() as session:
        owner = session.scalar(select(VisitPart.owner).where(
            VisitPart.visit_id == visit_id, VisitPart.part == part)) or "Testare"
        reopen_part(session, visit_id, part, reason=reason, who=owner)
        return finalize_part(session, visit_id, part, who=owner, accept_personal_data=True)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    """The app's task runner for a page under test; waits for its workers at the end."""
    tasks = TaskRunner()
    yield tasks
    tasks.cancel_all()
    tasks.wait()
