"""The embedded demo database: 388 fictional units in the city's 2021 mix.

Deterministic for a given seed. The mix follows domain.md (seed 003):
per unit type and regiform, with private care homes partly outside the city.
Later capabilities add past follow-ups through ``DEMO_EXTENSIONS``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import District, Officer, OfficerRole, Provider, Unit

NAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "demo_names.yaml"
DEFAULT_SEED = 2021
DEMO_TODAY = date(2026, 6, 1)  # districts valid on this day receive the units

# (unit type, regiform, inside the city, outside the city) from the 2021 table.
MIX: tuple[tuple[str, str, int, int], ...] = (
    ("vob", "egen_regi", 27, 0),
    ("vob", "entreprenad", 13, 0),
    ("vob", "privat_regi", 42, 62),
    ("profilboende", "egen_regi", 5, 0),
    ("profilboende", "entreprenad", 1, 0),
    ("profilboende", "privat_regi", 4, 14),
    ("hemtjanst", "egen_regi", 25, 0),
    ("hemtjanst", "privat_regi", 151, 0),
    ("servicehus", "egen_regi", 11, 0),
    ("dagverksamhet", "egen_regi", 19, 0),
    ("dagverksamhet", "entreprenad", 7, 0),
    ("dagverksamhet", "privat_regi", 7, 0),
)
PLACES = {"vob": (28, 110), "profilboende": (18, 60), "servicehus": (40, 140),
          "hemtjanst": (15, 320), "dagverksamhet": (10, 30)}
MAS_COUNT, VU_COUNT = 11, 25

# Extra demo content registered by later capabilities (past visits etc.):
# each is called with (session, rng, seed) after units and officers exist.
DEMO_EXTENSIONS: list[Callable[[Session, random.Random, int], None]] = []


@cache
def _names() -> dict[str, Any]:
    with open(NAMES_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@dataclass(frozen=True)
class DemoSummary:
    units: int
    officers: int
    providers: int


def _person(rng: random.Random) -> str:
    names = _names()
    return f"{rng.choice(names['first_names'])} {rng.choice(names['last_names'])}"


class _NameMaker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def unique(self, make: Callable[[], str]) -> str:
        for _ in range(200):
            candidate = make()
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate
        candidate = f"{make()} {len(self.used)}"
        self.used.add(candidate)
        return candidate


def _unit_name(maker: _NameMaker, type_code: str, district: str, provider: str) -> str:
    rng, names = maker.rng, _names()
    if type_code == "hemtjanst":
        return maker.unique(lambda: f"{provider.removesuffix(' AB')} – {district}")
    suffixes = {"vob": names["home_suffixes"], "profilboende": names["profile_suffixes"],
                "servicehus": ["servicehus"], "dagverksamhet": names["daycare_suffixes"]}
    return maker.unique(lambda: f"{rng.choice(names['name_stems'])}s "
                                f"{rng.choice(suffixes[type_code])}")


def _address(rng: random.Random, place: str) -> str:
    street = rng.choice(_names()["streets"])
    postcode = f"1{rng.randint(0, 9)}{rng.randint(0, 9)} {rng.randint(10, 99)}"
    return f"{street} {rng.randint(1, 80)}, {postcode} {place}"


def _providers(rng: random.Random, maker: _NameMaker, count: int) -> list[str]:
    names = _names()
    return [maker.unique(lambda: f"{rng.choice(names['homecare_words'])} "
                                 f"{rng.choice(names['company_words'])}")
            for _ in range(count)]


def clear_register(session: Session) -> None:
    for model in (Unit, Officer, Provider):
        session.execute(delete(model))


def create_demo(session: Session, seed: int = DEFAULT_SEED, *, history: bool = True) -> DemoSummary:
    """Fill an (empty) register with the demo units and officers, and (with
    ``history``) the extensions' past follow-ups."""
    rng = random.Random(seed)
    districts = [d for d in session.scalars(select(District).order_by(District.name))
                 if d.is_valid_on(DEMO_TODAY)]
    maker = _NameMaker(rng)
    private_providers = _providers(rng, maker, 60)
    contractors = _providers(rng, maker, 8)
    provider_rows: dict[str, Provider] = {}

    def provider(name: str) -> Provider:
        if name not in provider_rows:
            provider_rows[name] = Provider(name=name)
            session.add(provider_rows[name])
        return provider_rows[name]

    number = 0
    for type_code, regiform, inside, outside in MIX:
        for index in range(inside + outside):
            number += 1
            is_outside = index >= inside
            followup = districts[(number * 7 + index) % len(districts)]
            if regiform == "egen_regi":
                provider_name = f"Stadsdelsnämnden {followup.name}"
            elif regiform == "entreprenad":
                provider_name = rng.choice(contractors)
            else:
                provider_name = rng.choice(private_providers)
            place = (rng.choice(_names()["outside_municipalities"]) if is_outside
                     else _names()["post_towns"].get(followup.name, "Stockholm"))
            low, high = PLACES[type_code]
            unit = Unit(
                id=f"E{10000 + number}",
                name=_unit_name(maker, type_code, followup.name, provider_name),
                type_code=type_code,
                regiform_code=regiform,
                provider=provider(provider_name),
                address=_address(rng, place),
                district_id=None if is_outside else followup.id,
                followup_district_id=followup.id,
                outside_city=is_outside,
                places=rng.randint(low, high),
                manager=_person(rng),
            )
            # A few day-care units keep their own rhythm, and a few units are new.
            if type_code == "dagverksamhet" and index % 5 == 2:
                unit.parity = "udda" if index % 2 else "jamn"
            if number % 47 == 0:
                unit.active_from = date(rng.choice((2022, 2023, 2024, 2025)), rng.randint(1, 12), 1)
            session.add(unit)

    roles = [OfficerRole.MAS] * MAS_COUNT + [OfficerRole.VERKSAMHETSUPPFOLJARE] * VU_COUNT
    for index, role in enumerate(roles):
        position = index if role == OfficerRole.MAS else index - MAS_COUNT
        district = districts[position % len(districts)]
        name = maker.unique(lambda: _person(rng))
        session.add(Officer(
            name=name, role=role.value, district_id=district.id,
            email=f"{name.lower().replace(' ', '.')}@exempel.stockholm.invalid",
            capacity=22 if role == OfficerRole.MAS else 24,
        ))
    session.flush()
    for extension in DEMO_EXTENSIONS if history else ():
        extension(session, rng, seed)
    return DemoSummary(units=number, officers=len(roles), providers=len(provider_rows))


def demo_exists(session: Session) -> bool:
    return session.scalar(select(Unit.id).limit(1)) is not None
