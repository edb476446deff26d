"""The year plan: rhythm rules per unit type and the stored plan entries.

Rules are data the central administration edits (``app/data/rhythm.yaml``
seeds them). Plan entries are stored so that a rescheduled date, an officer
assignment and the follow-up's status survive between sessions.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
from app.models.register import Officer, Unit


class PlanKind(StrEnum):
    RHYTHM = "rytm"  # due by the rhythm rules
    EXTRA = "extra"  # added by hand, with a reason


class PlanStatus(StrEnum):
    PLANNED = "planerad"
    PRE_ANALYSIS = "foranalys"
    VISITED = "besok_genomfort"
    REPORT_DRAFT = "rapport_utkast"
    ADOPTED = "faststalld"
    SYNCED = "synkad"


class RhythmRule(Base):
    """How often a unit type is followed up: "udda", "jamn" or "varje" year."""

    __tablename__ = "rhythm_rule"

    unit_type_code: Mapped[str] = mapped_column(
        ForeignKey("unit_type.code", ondelete="CASCADE"), primary_key=True
    )
    rhythm: Mapped[str] = mapped_column(String(10))


class PlanEntry(Base):
    """One planned follow-up of one unit in one year.

    A unit has at most one rhythm entry and one extra entry per year, so an
    extra re-check can sit beside the ordinary follow-up.
    """

    __tablename__ = "plan_entry"
    __table_args__ = (UniqueConstraint("unit_id", "year", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(10))
    extra_reason: Mapped[str | None] = mapped_column(String(40))
    extra_text: Mapped[str] = mapped_column(String(500), default="")
    planned_date: Mapped[date | None] = mapped_column(Date)
    sol_officer_id: Mapped[int | None] = mapped_column(
        ForeignKey("officer.id", ondelete="SET NULL")
    )
    hsl_officer_id: Mapped[int | None] = mapped_column(
        ForeignKey("officer.id", ondelete="SET NULL")
    )
    status: Mapped[str] = mapped_column(String(20), default=PlanStatus.PLANNED.value)

    unit: Mapped[Unit] = relationship()
    sol_officer: Mapped[Officer | None] = relationship(foreign_keys=[sol_officer_id])
    hsl_officer: Mapped[Officer | None] = relationship(foreign_keys=[hsl_officer_id])
