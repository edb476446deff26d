"""The unit register: providers, units and the officers who follow them up."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
from app.models.reference import District, Regiform, UnitType


class Parity(StrEnum):
    """A unit's own rhythm, overriding its type's rule."""

    ODD = "udda"
    EVEN = "jamn"


class OfficerRole(StrEnum):
    VERKSAMHETSUPPFOLJARE = "verksamhetsuppfoljare"  # care (SoL)
    MAS = "mas"  # health care (HSL)


class Provider(Base):
    """The provider or contract party (utförare / avtalspart)."""

    __tablename__ = "provider"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Unit(Base):
    __tablename__ = "unit"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # enhets_id
    name: Mapped[str] = mapped_column(String(200), index=True)
    type_code: Mapped[str] = mapped_column(ForeignKey("unit_type.code"))
    regiform_code: Mapped[str] = mapped_column(ForeignKey("regiform.code"))
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id"))
    address: Mapped[str] = mapped_column(String(300), default="")
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"))
    followup_district_id: Mapped[int] = mapped_column(ForeignKey("district.id"))
    outside_city: Mapped[bool] = mapped_column(Boolean, default=False)
    places: Mapped[int | None] = mapped_column(Integer)
    parity: Mapped[str | None] = mapped_column(String(10))
    active_from: Mapped[date | None] = mapped_column(Date)
    active_to: Mapped[date | None] = mapped_column(Date)
    manager: Mapped[str | None] = mapped_column(String(200))  # verksamhetschef

    unit_type: Mapped[UnitType] = relationship()
    regiform: Mapped[Regiform] = relationship()
    provider: Mapped[Provider | None] = relationship()
    district: Mapped[District | None] = relationship(foreign_keys=[district_id])
    followup_district: Mapped[District] = relationship(foreign_keys=[followup_district_id])

    def is_active_in(self, year: int) -> bool:
        if self.active_from and self.active_from.year > year:
            return False
        return not (self.active_to and self.active_to.year < year)


class Officer(Base):
    __tablename__ = "officer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(30))
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"))
    email: Mapped[str | None] = mapped_column(String(200))
    # Follow-up capacity per year in weighted units (a care home weighs more).
    capacity: Mapped[int | None] = mapped_column(Integer)

    district: Mapped[District | None] = relationship()
