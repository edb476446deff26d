"""The unit register: read rows for views and exports, write imported rows.

``UnitRow`` (in ``app.services.unit_rows``, re-exported here) is the plain
shape that the GUI table, the CLI and exports share. Its ``as_import_record``
gives the import's headers, so an export imports again unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, joinedload

from app.models import District, Officer, Provider, Regiform, Region, Unit, UnitType
from app.services.unit_rows import Choices, UnitRow  # re-exported: the plain row shapes

IMPORT_HEADERS = (
    "enhets_id",
    "namn",
    "typ",
    "regiform",
    "utförare",
    "adress",
    "stadsdel",
    "uppföljande_stadsdel",
    "utanför_staden",
    "platser",
    "paritet",
)


@dataclass(frozen=True)
class ImportedUnit:
    """One validated row of an import file, in database terms."""

    id: str
    name: str
    type_code: str
    regiform_code: str
    provider: str
    address: str
    district_id: int | None
    followup_district_id: int
    outside_city: bool
    places: int | None
    parity: str | None


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged


def _row(unit: Unit) -> UnitRow:
    return UnitRow(
        id=unit.id,
        name=unit.name,
        type_code=unit.type_code,
        type_name=unit.unit_type.name,
        regiform_code=unit.regiform_code,
        regiform_name=unit.regiform.name,
        provider=unit.provider.name if unit.provider else "",
        address=unit.address,
        district=unit.district.name if unit.district else "",
        followup_district=unit.followup_district.name,
        region=unit.followup_district.region.name,
        outside_city=unit.outside_city,
        places=unit.places,
        parity=unit.parity,
        active_from=unit.active_from,
        active_to=unit.active_to,
        manager=unit.manager or "",
    )


def list_units(session: Session) -> list[UnitRow]:
    """Every unit, ordered by name, with its names resolved.

    One column query rather than ORM objects: the register is read at every
    start, and building hundreds of entities costs more than the query."""
    own_district = aliased(District)
    followup = aliased(District)
    query = (
        select(
            Unit.id, Unit.name, Unit.type_code, UnitType.name, Unit.regiform_code,
            Regiform.name, Provider.name, Unit.address, own_district.name, followup.name,
            Region.name, Unit.outside_city, Unit.places, Unit.parity, Unit.active_from,
            Unit.active_to, Unit.manager,
        )
        .join(UnitType, Unit.type_code == UnitType.code)
        .join(Regiform, Unit.regiform_code == Regiform.code)
        .outerjoin(Provider, Unit.provider_id == Provider.id)
        .outerjoin(own_district, Unit.district_id == own_district.id)
        .join(followup, Unit.followup_district_id == followup.id)
        .join(Region, followup.region_id == Region.id)
        .order_by(Unit.name, Unit.id)
    )
    return [
        UnitRow(
            id=r[0], name=r[1], type_code=r[2], type_name=r[3], regiform_code=r[4],
            regiform_name=r[5], provider=r[6] or "", address=r[7], district=r[8] or "",
            followup_district=r[9], region=r[10], outside_city=bool(r[11]), places=r[12],
            parity=r[13], active_from=r[14], active_to=r[15], manager=r[16] or "",
        )
        for r in session.execute(query)
    ]


def get_unit(session: Session, unit_id: str) -> UnitRow | None:
    unit = session.get(Unit, unit_id)
    return _row(unit) if unit else None


def choices(session: Session, on: date | None = None) -> Choices:
    on = on or date.today()
    districts = [d.name for d in session.scalars(select(District).order_by(District.name))
                 if d.is_valid_on(on)]
    types = [(t.code, t.name) for t in session.scalars(select(UnitType).order_by(UnitType.sort_order))]
    forms = [(r.code, r.name) for r in session.scalars(select(Regiform).order_by(Regiform.sort_order))]
    return Choices(districts=districts, unit_types=types, regiforms=forms)


def officers_by_district(session: Session) -> dict[str, list[Officer]]:
    result: dict[str, list[Officer]] = {}
    for officer in session.scalars(select(Officer).options(joinedload(Officer.district))):
        key = officer.district.name if officer.district else ""
        result.setdefault(key, []).append(officer)
    return result


def _provider(session: Session, name: str, cache: dict[str, Provider]) -> Provider | None:
    if not name:
        return None
    if name not in cache:
        provider = session.scalar(select(Provider).where(Provider.name == name))
        if provider is None:
            provider = Provider(name=name)
            session.add(provider)
        cache[name] = provider
    return cache[name]


def upsert_units(session: Session, rows: Iterable[ImportedUnit]) -> ImportResult:
    """Insert or update units by id (enhets_id). Changes nothing for equal rows."""
    added = updated = unchanged = 0
    providers: dict[str, Provider] = {}
    existing = {u.id: u for u in session.scalars(select(Unit).options(joinedload(Unit.provider)))}
    for row in rows:
        unit = existing.get(row.id)
        provider = _provider(session, row.provider, providers)
        values = {
            "name": row.name,
            "type_code": row.type_code,
            "regiform_code": row.regiform_code,
            "address": row.address,
            "district_id": row.district_id,
            "followup_district_id": row.followup_district_id,
            "outside_city": row.outside_city,
            "places": row.places,
            "parity": row.parity,
        }
        if unit is None:
            unit = Unit(id=row.id, provider=provider, **values)
            session.add(unit)
            existing[row.id] = unit
            added += 1
            continue
        changed = unit.provider is not provider or any(
            getattr(unit, key) != value for key, value in values.items()
        )
        if changed:
            for key, value in values.items():
                setattr(unit, key, value)
            unit.provider = provider
            updated += 1
        else:
            unchanged += 1
    session.flush()
    return ImportResult(added=added, updated=updated, unchanged=unchanged)


@dataclass(frozen=True, slots=True)
class OfficerChoice:
    name: str
    role: str
    district: str


def officer_choices(session: Session) -> list[OfficerChoice]:
    """The register's officers, for pickers such as the first-start dialog."""
    query = select(Officer).options(joinedload(Officer.district)).order_by(Officer.name)
    return [OfficerChoice(o.name, o.role, o.district.name if o.district else "")
            for o in session.scalars(query)]
