"""Reading the year plan into plain rows, fast enough for 10,000 units.

``load_row_context`` reads the register once as plain tuples (units,
districts, officers, names); ``read_rows`` joins a year's plan entries to it
in Python. No ORM objects are built for the hot path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from app.models import District, Officer, PlanEntry, PlanKind, Regiform, Region, Unit, UnitType
from app.services.plan_assign import OfficerInfo

STATUS_LABELS: dict[str, str] = {
    "planerad": "Planerad",
    "foranalys": "Föranalys",
    "besok_genomfort": "Besök genomfört",
    "rapport_utkast": "Rapport utkast",
    "faststalld": "Fastställd",
    "synkad": "Synkad",
}
EXTRA_REASONS: dict[str, str] = {
    "ny_enhet": "Ny enhet",
    "aterkontroll": "Återkontroll av allvarliga brister",
    "oegentligheter": "Misstänkta oegentligheter",
    "klagomal": "Klagomål",
    "annat": "Annat",
}


class UnitLite(NamedTuple):
    """A unit's plan facts; a named tuple because 10,000 are read per open."""

    id: str
    name: str
    type_code: str
    regiform_code: str
    parity: str | None
    active_from: date | None
    active_to: date | None
    followup_district_id: int
    outside_city: bool
    address: str


@dataclass(frozen=True, slots=True)
class DistrictLite:
    id: int
    name: str
    region_id: int
    region_name: str
    valid_to: date | None
    successor_id: int | None


@dataclass
class RowContext:
    units: dict[str, UnitLite]
    districts: dict[int, DistrictLite]
    officers: dict[int, OfficerInfo]
    type_names: dict[str, str]
    type_short: dict[str, str]
    type_order: dict[str, int]
    care_home_types: frozenset[str]
    regiform_names: dict[str, str]
    district_ids_by_name: dict[str, int] = field(default_factory=dict)

    def responsible(self, district_id: int | None, year: int) -> int | None:
        """The district answering for a unit in ``year``: a district merged
        away before the year hands its units to its successor."""
        seen: set[int] = set()
        while district_id is not None and district_id not in seen:
            seen.add(district_id)
            district = self.districts.get(district_id)
            if district is None or district.valid_to is None or district.valid_to.year >= year:
                return district_id
            if district.successor_id is None:
                return district_id
            district_id = district.successor_id
        return district_id


def load_row_context(session: Session) -> RowContext:
    # Core execution on the session's connection: the ORM row machinery
    # costs more than the query for 10,000 plain tuples.
    conn = session.connection()
    units = {row[0]: UnitLite._make(row) for row in conn.execute(select(
        Unit.id, Unit.name, Unit.type_code, Unit.regiform_code, Unit.parity, Unit.active_from,
        Unit.active_to, Unit.followup_district_id, Unit.outside_city, Unit.address)).all()}
    regions = {i: n for i, n in session.execute(select(Region.id, Region.name))}
    districts = {d.id: DistrictLite(d.id, d.name, d.region_id, regions.get(d.region_id, ""),
                                    d.valid_to, d.successor_id)
                 for d in session.execute(select(District.id, District.name, District.region_id,
                                                 District.valid_to, District.successor_id))}
    officers = {o.id: OfficerInfo(o.id, o.name, o.role, o.district_id,
                                  districts[o.district_id].region_id
                                  if o.district_id in districts else None, o.capacity)
                for o in session.execute(select(Officer.id, Officer.name, Officer.role,
                                                Officer.district_id, Officer.capacity))}
    types = session.execute(select(UnitType.code, UnitType.name, UnitType.short_name,
                                   UnitType.sort_order, UnitType.is_care_home)).all()
    return RowContext(
        units=units, districts=districts, officers=officers,
        type_names={t.code: t.name for t in types},
        type_short={t.code: t.short_name for t in types},
        type_order={t.code: t.sort_order for t in types},
        care_home_types=frozenset(t.code for t in types if t.is_care_home),
        regiform_names={c: n for c, n in session.execute(select(Regiform.code, Regiform.name))},
        district_ids_by_name={d.name: d.id for d in districts.values()},
    )


@dataclass(slots=True)
class PlanRow:
    """One planned follow-up, in the shape the table, CLI and exports share.

    Treat as read-only (not frozen only because frozen construction costs
    twice as much, and a year plan can hold thousands of rows)."""

    entry_id: int
    year: int
    unit_id: str
    unit_name: str
    unit_type: str
    unit_type_name: str
    unit_type_short: str
    regiform: str
    regiform_name: str
    address: str
    district: str
    district_id: int | None
    region: str
    outside_city: bool
    reason: str  # "rytm" | "extra"
    reason_text: str
    extra_reason: str | None
    planned_date: date | None
    sol_officer_id: int | None
    sol_officer: str
    hsl_officer_id: int | None
    hsl_officer: str
    needs_mas: bool
    status: str
    in_rhythm: bool  # False for a rhythm entry kept after its unit stopped being due

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def officers(self) -> list[str]:
        return [name for name in (self.sol_officer, self.hsl_officer) if name]

    def as_record(self) -> dict[str, Any]:
        """The JSON/CSV shape (stable keys)."""
        return {
            "entry_id": self.entry_id,
            "year": self.year,
            "unit_id": self.unit_id,
            "unit_name": self.unit_name,
            "unit_type": self.unit_type,
            "regiform": self.regiform,
            "district": self.district,
            "region": self.region,
            "outside_city": self.outside_city,
            "reason": self.reason,
            "reason_text": self.reason_text,
            "officers": self.officers,
            "sol_officer": self.sol_officer or None,
            "hsl_officer": self.hsl_officer or None,
            "planned_date": self.planned_date.isoformat() if self.planned_date else None,
            "status": self.status,
            "status_label": self.status_label,
        }


def read_entries(session: Session, year: int,
                 entry_ids: list[int] | None = None) -> Sequence[Row[Any]]:
    """A year's stored entries as plain rows (what ``read_rows`` needs)."""
    query = select(PlanEntry.id, PlanEntry.unit_id, PlanEntry.kind, PlanEntry.extra_reason,
                   PlanEntry.extra_text, PlanEntry.planned_date, PlanEntry.sol_officer_id,
                   PlanEntry.hsl_officer_id, PlanEntry.status).where(PlanEntry.year == year)
    if entry_ids is not None:
        query = query.where(PlanEntry.id.in_(entry_ids))
    return session.connection().execute(query).all()


def read_rows(session: Session, ctx: RowContext, year: int, due: dict[str, str], *,
              district: str | None = None, entry_ids: list[int] | None = None,
              entries: Sequence[Row[Any]] | None = None) -> list[PlanRow]:
    """Rows for ``year``'s stored entries, ordered by date then unit name.

    ``due`` maps the units due by the rhythm to their reason text; ``entries``
    are rows from ``read_entries`` when the caller has them already.
    """
    if entries is None:
        entries = read_entries(session, year, entry_ids)
    wanted = ctx.district_ids_by_name.get(district) if district is not None else None
    rows: list[PlanRow] = []
    # Locals and per-district caches: this loop runs for every entry of a year.
    extra_kind, care_homes = PlanKind.EXTRA.value, ctx.care_home_types
    units, officers, districts = ctx.units, ctx.officers, ctx.districts
    type_names, type_short, forms = ctx.type_names, ctx.type_short, ctx.regiform_names
    responsible: dict[int, int | None] = {}
    for (entry_id, unit_id, kind, extra_reason, extra_text, planned, sol_id, hsl_id,
         status) in entries:
        unit = units[unit_id]
        home = unit.followup_district_id
        if home not in responsible:
            responsible[home] = ctx.responsible(home, year)
        district_id = responsible[home]
        if district is not None and district_id != wanted:
            continue
        place = districts.get(district_id) if district_id is not None else None
        if kind == extra_kind:
            label = EXTRA_REASONS.get(extra_reason or "", extra_reason or "")
            reason_text = f"Extra: {label}" + (f" – {extra_text}" if extra_text else "")
        else:
            reason_text = due.get(unit_id, "Rytm (inte längre aktuell)")
        sol, hsl = officers.get(sol_id), officers.get(hsl_id)
        type_code = unit.type_code
        rows.append(PlanRow(
            entry_id=entry_id, year=year, unit_id=unit_id, unit_name=unit.name,
            unit_type=type_code, unit_type_name=type_names.get(type_code, ""),
            unit_type_short=type_short.get(type_code, ""),
            regiform=unit.regiform_code, regiform_name=forms.get(unit.regiform_code, ""),
            address=unit.address, district=place.name if place else "",
            district_id=district_id, region=place.region_name if place else "",
            outside_city=unit.outside_city, reason=kind, reason_text=reason_text,
            extra_reason=extra_reason, planned_date=planned,
            sol_officer_id=sol_id, sol_officer=sol.name if sol else "",
            hsl_officer_id=hsl_id, hsl_officer=hsl.name if hsl else "",
            needs_mas=type_code in care_homes, status=status,
            in_rhythm=kind == extra_kind or unit_id in due,
        ))
    rows.sort(key=lambda r: (r.planned_date or date.max, r.unit_name, r.reason))
    return rows
