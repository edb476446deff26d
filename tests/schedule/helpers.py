"""Small hand-made registers for the plan tests."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import District, Officer, Unit


def district_id(session: Session, name: str) -> int:
    return session.scalars(select(District.id).where(District.name == name)).one()


def add_unit(session: Session, unit_id: str, type_code: str, district: str = "Bromma", *,
             parity: str | None = None, active_from: date | None = None,
             active_to: date | None = None, regiform: str = "egen_regi",
             outside_city: bool = False) -> Unit:
    did = district_id(session, district)
    unit = Unit(id=unit_id, name=f"Enhet {unit_id}", type_code=type_code,
                regiform_code=regiform, district_id=None if outside_city else did,
                followup_district_id=did, outside_city=outside_city, parity=parity,
                active_from=active_from, active_to=active_to, address=f"Gatan {unit_id}")
    session.add(unit)
    session.flush()
    return unit


def add_officer(session: Session, name: str, role: str, district: str = "Bromma",
                capacity: int | None = 24) -> Officer:
    officer = Officer(name=name, role=role, district_id=district_id(session, district),
                      capacity=capacity)
    session.add(officer)
    session.flush()
    return officer
