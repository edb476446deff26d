"""What the Planering page offers in its pickers: officers with their load,
units for an extra follow-up, and the filter choices of a year's rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Unit
from app.services.plan_assign import pool_for
from app.services.schedule import year_loads
from app.services.schedule_rows import PlanRow, load_row_context


@dataclass(frozen=True, slots=True)
class OfficerOption:
    id: int
    name: str
    role: str
    district: str
    load: int
    capacity: int
    in_pool: bool  # of the unit's district (or, for a MAS, its region when it has none)

    @property
    def label(self) -> str:
        return f"{self.name} ({self.load}/{self.capacity})"


def officer_options(session: Session, year: int, role: str,
                    district_id: int | None) -> list[OfficerOption]:
    """Every officer of ``role``, the responsible district's pool first (by
    load), then the rest of the city (who can cover for someone away)."""
    ctx = load_row_context(session)
    region = ctx.districts[district_id].region_id if district_id in ctx.districts else None
    pool = {o.id for o in pool_for(role, district_id, region, list(ctx.officers.values()))}
    options = [
        OfficerOption(item.officer.id, item.officer.name, role,
                      ctx.districts[item.officer.district_id].name
                      if item.officer.district_id in ctx.districts else "",
                      item.load, item.officer.effective_capacity, item.officer.id in pool)
        for item in year_loads(session, year) if item.officer.role == role
    ]
    return sorted(options, key=lambda o: (not o.in_pool, o.load / max(o.capacity, 1), o.name))


def unit_options(session: Session) -> list[tuple[str, str]]:
    """(id, name) of every unit, by name, for the extra follow-up picker."""
    return [(unit_id, name) for unit_id, name in
            session.execute(select(Unit.id, Unit.name).order_by(Unit.name, Unit.id))]


@dataclass(frozen=True)
class PlanFilters:
    districts: list[str]
    unit_types: list[tuple[str, str]]
    regiforms: list[tuple[str, str]]
    officers: list[tuple[int, str]]


def plan_filters(rows: Sequence[PlanRow]) -> PlanFilters:
    """Filter choices drawn from the rows themselves, so none is empty."""
    officers = {(r.sol_officer_id, r.sol_officer) for r in rows if r.sol_officer_id}
    officers |= {(r.hsl_officer_id, r.hsl_officer) for r in rows if r.hsl_officer_id}
    return PlanFilters(
        districts=sorted({r.district for r in rows if r.district}),
        unit_types=sorted({(r.unit_type, r.unit_type_name) for r in rows},
                          key=lambda item: item[1]),
        regiforms=sorted({(r.regiform, r.regiform_name) for r in rows},
                         key=lambda item: item[1]),
        officers=sorted(((i, n) for i, n in officers if i is not None), key=lambda o: o[1]),
    )
