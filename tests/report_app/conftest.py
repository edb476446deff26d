"""Demo follow-ups to render: a complete 2025 one with both parts, and a 2026 draft."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app.services.report import ReportRow, report_rows

ORG = "Stockholms stad – Äldreomsorgen"


def pick(sessions: sessionmaker[Session], *, year: int, complete: bool,
         both_parts: bool = True) -> ReportRow:
    from app.models.visit import VisitPart

    with sessions() as session:
        rows = report_rows(session, year=year, complete=complete)
        for row in rows:
            parts = session.query(VisitPart).filter_by(visit_id=row.visit_id).count()
            if (parts == 2) == both_parts:
                return row
    raise AssertionError("no such demo visit")


@pytest.fixture
def final_row(demo_sessions: sessionmaker[Session]) -> ReportRow:
    return pick(demo_sessions, year=2025, complete=True)


@pytest.fixture
def draft_row(demo_sessions: sessionmaker[Session]) -> ReportRow:
    return pick(demo_sessions, year=2026, complete=False)
