"""A small register (a care home, a home-care unit) and the shipped templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import District, Officer, Provider, Unit
from app.services.templates import ensure_shipped_templates
from app.services.visits import OfficerRef, open_visit, save_answer, save_visit_field

VU = OfficerRef("Vera Uppföljare", "verksamhetsuppfoljare", "Farsta")
MAS = OfficerRef("Maja Sjöström", "mas", "Farsta")
START_DAY = date(2026, 9, 15)


@dataclass
class Env:
    sessions: sessionmaker[Session]
    care_home: str
    home_care: str


@pytest.fixture
def env(sessions: sessionmaker[Session]) -> Env:
    with sessions() as s, s.begin():
        ensure_shipped_templates(s)
        farsta = s.scalar(select(District).where(District.name == "Farsta"))
        assert farsta is not None
        provider = Provider(name="Omsorg Test AB")
        s.add(provider)
        s.add_all([
            Unit(id="E1", name="Testgårdens vård- och omsorgsboende", type_code="vob",
                 regiform_code="privat_regi", provider=provider, address="Testvägen 1",
                 district_id=farsta.id, followup_district_id=farsta.id, places=54,
                 manager="Eva Chef"),
            Unit(id="E2", name="Hemtjänst Test – Farsta", type_code="hemtjanst",
                 regiform_code="privat_regi", provider=provider, address="Testvägen 2",
                 district_id=farsta.id, followup_district_id=farsta.id, places=120),
            Officer(name=VU.name, role=VU.role, district_id=farsta.id),
            Officer(name=MAS.name, role=MAS.role, district_id=farsta.id),
        ])
    return Env(sessions, "E1", "E2")


def complete_part(sessions: sessionmaker[Session], visit_id: str, part: str, who: str) -> None:
    """Answer every question of a part 'Uppfyllt' (or a number / yes) and
    write the part's summary, so it can be finalized."""
    with sessions() as s:
        detail = open_visit(s, visit_id)
    view = detail.part(part)
    assert view is not None
    for section in view.sections:
        for q in section.questions:
            with sessions() as s:
                if q.answer_kind == "number":
                    save_answer(s, visit_id, q.id, who=who, number=12)
                elif q.answer_kind == "yesno":
                    save_answer(s, visit_id, q.id, who=who, yesno=True)
                else:
                    save_answer(s, visit_id, q.id, who=who, answer="uppfyllt",
                                evidence=("dokument",))
    for field in view.summaries:
        with sessions() as s:
            save_visit_field(s, visit_id, field, f"Sammanfattning {field}.", who=who)
