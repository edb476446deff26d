"""The central administration's consolidated database: every follow-up that
laptops published to the share, loaded by ``uppfoljaren central ingest``.

A separate database with its own metadata (``CentralBase``), never mixed
with a laptop's database: a SQLite file by default, PostgreSQL for the city,
through the same models. Created with ``create_all`` (see
app/services/central/ingest.py ``open_central``).

Identity follows ODK: a package is (follow-up, part, revision); the same
bytes again are "already there"; a higher revision supersedes the lower one
in the statistics, and both stay stored. ``central_answer`` is the fact
table: one row per answer, with the unit's dimensions and the year copied
in, so the statistics are one GROUP BY over one indexed table.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.models.base import NAMING_CONVENTION


class CentralBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class CentralDeviceKey(CentralBase):
    """Trust on first use: the first key seen for a laptop is pinned; a
    different key later for the same laptop is stored flagged, and packages
    signed with it are quarantined until someone checks with IT."""

    __tablename__ = "central_device_key"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), index=True)
    public_key: Mapped[str] = mapped_column(String(100))  # base64 raw Ed25519
    first_seen: Mapped[datetime] = mapped_column(DateTime)
    trusted: Mapped[bool] = mapped_column(Boolean)
    flag_reason: Mapped[str] = mapped_column(Text, default="")


class CentralPackage(CentralBase):
    __tablename__ = "central_package"
    __table_args__ = (
        UniqueConstraint("followup_id", "part", "revision", name="uq_central_package_revision"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    device_id: Mapped[str] = mapped_column(String(64), index=True)
    key_id: Mapped[str] = mapped_column(String(32))
    followup_id: Mapped[str] = mapped_column(String(64), index=True)
    part: Mapped[str] = mapped_column(String(3))
    revision: Mapped[int] = mapped_column(Integer)
    parent_revision: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12))  # current | superseded
    superseded_by: Mapped[int | None] = mapped_column(Integer)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    # The part revision's JSON, kept for every revision; loaded only when asked for.
    data: Mapped[str] = mapped_column(Text, deferred=True)


class CentralFollowup(CentralBase):
    """One follow-up (visit) with its unit's facts as its newest part says."""

    __tablename__ = "central_followup"

    followup_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    unit_id: Mapped[str] = mapped_column(String(40), index=True)
    unit_name: Mapped[str] = mapped_column(String(200))
    unit_type: Mapped[str] = mapped_column(String(20))
    regiform: Mapped[str] = mapped_column(String(20))
    district: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(100))
    provider: Mapped[str] = mapped_column(String(200), default="")
    template_version: Mapped[str] = mapped_column(String(40), default="")
    visit_date: Mapped[date | None] = mapped_column(Date)
    sol_revision: Mapped[int | None] = mapped_column(Integer)
    hsl_revision: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="[]")  # JSON [{part, label, text}]


class CentralArea(CentralBase):
    """An area (template section): its title and place in template order
    (sol before hsl), as the newest package that named it says."""

    __tablename__ = "central_area"

    area_id: Mapped[str] = mapped_column(String(60), primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer)


class CentralQuestion(CentralBase):
    __tablename__ = "central_question"

    question_id: Mapped[str] = mapped_column(String(60), primary_key=True)
    area_id: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)


class CentralAnswer(CentralBase):
    """The fact table: one row per answered question of one package. Only
    rows with ``current`` true count in the statistics. Kept narrow (texts
    live in central_area / central_question) so scans stay fast."""

    __tablename__ = "central_answer"
    __table_args__ = (
        Index("ix_central_answer_area", "area_id", "year", "current"),
        Index("ix_central_answer_question", "question_id", "year", "current"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[int] = mapped_column(
        ForeignKey("central_package.id", ondelete="CASCADE"), index=True)
    followup_id: Mapped[str] = mapped_column(String(64), index=True)
    part: Mapped[str] = mapped_column(String(3))
    current: Mapped[bool] = mapped_column(Boolean)
    year: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[str] = mapped_column(String(40))
    district: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(100))
    regiform: Mapped[str] = mapped_column(String(20))
    unit_type: Mapped[str] = mapped_column(String(20))
    area_id: Mapped[str] = mapped_column(String(60))
    question_id: Mapped[str] = mapped_column(String(60))
    answer: Mapped[str | None] = mapped_column(String(20))  # scale code, None for yes/no, number
    yesno: Mapped[bool | None] = mapped_column(Boolean)
    number: Mapped[float | None] = mapped_column()


class CentralAreaResult(CentralBase):
    """The answers of one package summed per area (Uppfyllt / Delvis / Ej
    uppfyllt): the grain of the city-wide figures per area, about 15 rows
    per follow-up instead of about 70, so a GROUP BY over 8 years stays fast."""

    __tablename__ = "central_area_result"
    __table_args__ = (Index("ix_central_area_result_year_current", "year", "current"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[int] = mapped_column(
        ForeignKey("central_package.id", ondelete="CASCADE"), index=True)
    followup_id: Mapped[str] = mapped_column(String(64))
    part: Mapped[str] = mapped_column(String(3))
    current: Mapped[bool] = mapped_column(Boolean)
    year: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[str] = mapped_column(String(40))
    district: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(100))
    regiform: Mapped[str] = mapped_column(String(20))
    unit_type: Mapped[str] = mapped_column(String(20))
    area_id: Mapped[str] = mapped_column(String(60))
    uppfyllt: Mapped[int] = mapped_column(Integer)
    delvis: Mapped[int] = mapped_column(Integer)
    ej_uppfyllt: Mapped[int] = mapped_column(Integer)


class CentralAreaCube(CentralBase):
    """The current area results summed per year, area and every breakdown at
    once (district, region, regiform, unit type): rebuilt with one
    INSERT ... SELECT ... GROUP BY after each ingest that loaded something.
    A follow-up lies in exactly one cell per area, so summing cells (and
    their follow-up counts) over any breakdown is exact. The city-wide
    figures read a few thousand rows here instead of every answer."""

    __tablename__ = "central_area_cube"
    __table_args__ = (Index("ix_central_area_cube_year", "year", "area_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    district: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(100))
    regiform: Mapped[str] = mapped_column(String(20))
    unit_type: Mapped[str] = mapped_column(String(20))
    area_id: Mapped[str] = mapped_column(String(60))
    uppfyllt: Mapped[int] = mapped_column(Integer)
    delvis: Mapped[int] = mapped_column(Integer)
    ej_uppfyllt: Mapped[int] = mapped_column(Integer)
    followups: Mapped[int] = mapped_column(Integer)


class CentralDeficiency(CentralBase):
    """A deficiency (brist) of one package, and whether a later follow-up of
    the unit reported it remedied (``resolved_by``)."""

    __tablename__ = "central_deficiency"
    __table_args__ = (Index("ix_central_deficiency_year_current", "year", "current"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[int] = mapped_column(
        ForeignKey("central_package.id", ondelete="CASCADE"), index=True)
    followup_id: Mapped[str] = mapped_column(String(64), index=True)
    part: Mapped[str] = mapped_column(String(3))
    current: Mapped[bool] = mapped_column(Boolean)
    year: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[str] = mapped_column(String(40))
    district: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(100))
    regiform: Mapped[str] = mapped_column(String(20))
    unit_type: Mapped[str] = mapped_column(String(20))
    finding_ref: Mapped[int | None] = mapped_column(Integer)  # the laptop's finding id
    text: Mapped[str] = mapped_column(Text)
    questions: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of question ids
    required_action: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    remedy: Mapped[str | None] = mapped_column(String(14))
    action_plan_received: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="oppen")  # oppen|delvis|atgardad
    resolved_by: Mapped[str | None] = mapped_column(String(64))  # follow-up that reported it


class CentralDeficiencyReview(CentralBase):
    """A later follow-up's statement on an earlier deficiency (the snapshot's
    ``previous_deficiencies``), used to set CentralDeficiency.status."""

    __tablename__ = "central_deficiency_review"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[int] = mapped_column(
        ForeignKey("central_package.id", ondelete="CASCADE"), index=True)
    followup_id: Mapped[str] = mapped_column(String(64))
    current: Mapped[bool] = mapped_column(Boolean)
    previous_finding_ref: Mapped[int | None] = mapped_column(Integer, index=True)
    status: Mapped[str] = mapped_column(String(12))


class CentralQuarantine(CentralBase):
    __tablename__ = "central_quarantine"
    __table_args__ = (UniqueConstraint("device_id", "name", "sha256",
                                       name="uq_central_quarantine_file"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    moved_to: Mapped[str | None] = mapped_column(Text)  # None: left in place (conflict)
    at: Mapped[datetime] = mapped_column(DateTime)


class CentralUnit(CentralBase):
    """The unit register last published with ``central publish-units``: the
    denominator of plan coverage."""

    __tablename__ = "central_unit"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    unit_type: Mapped[str] = mapped_column(String(20))
    regiform: Mapped[str] = mapped_column(String(20))
    district: Mapped[str] = mapped_column(String(100))
    region: Mapped[str] = mapped_column(String(100))
    parity: Mapped[str | None] = mapped_column(String(4))
    active_from: Mapped[date | None] = mapped_column(Date)
    active_to: Mapped[date | None] = mapped_column(Date)
