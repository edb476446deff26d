"""Reference data: regions, districts (with validity dates), unit types and
regiforms. Loaded from ``app/data/reference.yaml``, never constants in code."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base


class Region(Base):
    __tablename__ = "region"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)

    districts: Mapped[list[District]] = relationship(back_populates="region")


class District(Base):
    """A district administration (stadsdelsförvaltning).

    Districts merge over time (Hägersten-Älvsjö from 2020), so each has
    validity dates; ``valid_to`` is inclusive and None while it exists.
    """

    __tablename__ = "district"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    successor_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"))

    region: Mapped[Region] = relationship(back_populates="districts")

    def is_valid_on(self, day: date) -> bool:
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day > self.valid_to)


class UnitType(Base):
    """vob, profilboende, servicehus, hemtjanst, dagverksamhet."""

    __tablename__ = "unit_type"

    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    short_name: Mapped[str] = mapped_column(String(30))
    is_care_home: Mapped[bool] = mapped_column(default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Regiform(Base):
    """egen_regi, entreprenad, privat_regi."""

    __tablename__ = "regiform"

    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
