"""Loading the shipped reference data into a database (idempotent upsert)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import District, Regiform, Region, UnitType

REFERENCE_FILE = Path(__file__).resolve().parent.parent / "data" / "reference.yaml"


@cache
def reference_document() -> dict[str, Any]:
    with open(REFERENCE_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def reference_labels() -> tuple[str, ...]:
    """Names of the unit types and regiforms: labels the UI shows translated."""
    document = reference_document()
    return tuple(dict.fromkeys(
        name for key in ("unit_types", "regiforms") for item in document[key]
        for name in (item["name"], item.get("short_name")) if name))


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Hemtjänst' and 'hemtjanst' match."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Aliases:
    unit_types: dict[str, str]
    regiforms: dict[str, str]


@cache
def aliases() -> Aliases:
    doc = reference_document()
    unit_types: dict[str, str] = {}
    for item in doc["unit_types"]:
        for alias in [item["code"], item["name"], *item.get("aliases", [])]:
            unit_types[fold(alias)] = item["code"]
    regiforms: dict[str, str] = {}
    for item in doc["regiforms"]:
        for alias in [item["code"], item["name"], *item.get("aliases", [])]:
            regiforms[fold(alias)] = item["code"]
    return Aliases(unit_types=unit_types, regiforms=regiforms)


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def load_reference_data(session: Session) -> None:
    """Add or update regions, districts, unit types and regiforms by key."""
    doc = reference_document()
    regions = {r.name: r for r in session.scalars(select(Region))}
    for name in doc["regions"]:
        if name not in regions:
            regions[name] = Region(name=name)
            session.add(regions[name])
    session.flush()

    districts = {d.name: d for d in session.scalars(select(District))}
    for item in doc["districts"]:
        district = districts.get(item["name"])
        if district is None:
            district = District(name=item["name"], region_id=regions[item["region"]].id)
            session.add(district)
            districts[item["name"]] = district
        district.region_id = regions[item["region"]].id
        district.valid_from = _as_date(item.get("valid_from"))
        district.valid_to = _as_date(item.get("valid_to"))
    session.flush()
    for item in doc["districts"]:
        successor = item.get("successor")
        districts[item["name"]].successor_id = districts[successor].id if successor else None

    types = {t.code: t for t in session.scalars(select(UnitType))}
    for order, item in enumerate(doc["unit_types"]):
        unit_type = types.get(item["code"]) or UnitType(code=item["code"])
        unit_type.name = item["name"]
        unit_type.short_name = item["short_name"]
        unit_type.is_care_home = bool(item["care_home"])
        unit_type.sort_order = order
        session.add(unit_type)

    forms = {r.code: r for r in session.scalars(select(Regiform))}
    for order, item in enumerate(doc["regiforms"]):
        regiform = forms.get(item["code"]) or Regiform(code=item["code"])
        regiform.name = item["name"]
        regiform.sort_order = order
        session.add(regiform)
    session.flush()
