"""The unit register's plain row shapes, without the database layer.

``UnitRow`` and ``Choices`` live here rather than in ``app.services.units`` so
that the Verksamheter page and the start-up snapshot
(``app.services.register_snapshot``) can use them before SQLAlchemy has been
imported: that import is the longest step of a cold start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class UnitRow:
    id: str
    name: str
    type_code: str
    type_name: str
    regiform_code: str
    regiform_name: str
    provider: str
    address: str
    district: str  # empty for a unit outside the city
    followup_district: str
    region: str
    outside_city: bool
    places: int | None
    parity: str | None
    active_from: date | None
    active_to: date | None
    manager: str

    def as_import_record(self) -> dict[str, str]:
        return {
            "enhets_id": self.id,
            "namn": self.name,
            "typ": self.type_code,
            "regiform": self.regiform_name.lower(),
            "utförare": self.provider,
            "adress": self.address,
            "stadsdel": self.district,
            "uppföljande_stadsdel": self.followup_district,
            "utanför_staden": "ja" if self.outside_city else "nej",
            "platser": "" if self.places is None else str(self.places),
            "paritet": {"udda": "udda", "jamn": "jämn"}.get(self.parity or "", ""),
        }


@dataclass(frozen=True)
class Choices:
    """Names for filters and pickers."""

    districts: list[str]
    unit_types: list[tuple[str, str]]
    regiforms: list[tuple[str, str]]
