"""A real demo database with the shipped templates, an officer, and one started visit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app.paths import resolve_paths
from app.services import units as units_service
from app.services import visits as visits_service
from app.services.templates import ensure_shipped_templates
from app.settings import Settings
from app.ui.context import UiContext
from app.ui.tasks import SyncTaskRunner

OFFICER = visits_service.OfficerRef("Anna Uppföljare", "verksamhetsuppfoljare", "Farsta")


@pytest.fixture
def ui_ctx(demo_sessions: sessionmaker[Session], data_dir: Path) -> UiContext:
    with demo_sessions() as session:
        ensure_shipped_templates(session)
        session.commit()
    paths = resolve_paths(data_dir)
    settings = Settings(path=paths.config_dir / "settings.json", officer_name=OFFICER.name,
                        officer_role="verksamhetsuppfoljare", officer_district=OFFICER.district)
    return UiContext(paths=paths, sessions=demo_sessions, settings=settings,
                     tasks=SyncTaskRunner())


def start_care_home_visit(ctx: UiContext, year: int = 2027) -> str:
    with ctx.sessions() as session:
        unit = next(u for u in units_service.list_units(session) if u.type_code == "vob")
        return visits_service.start_visit(session, unit.id, year, officer=OFFICER,
                                          on=date(year, 3, 1))


@pytest.fixture
def visit_id(ui_ctx: UiContext) -> str:
    return start_care_home_visit(ui_ctx)
