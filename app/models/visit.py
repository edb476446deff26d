"""A follow-up (visit) of one unit in one year, its two parts and everything
entered during it.

A visit has a care part ("sol", a verksamhetsuppföljare) and, for care homes,
a health-care part ("hsl", a MAS). Each part has its owner, its status and a
current revision. Finalizing a part freezes a JSON snapshot of it into
``part_revision``; reopening starts the next revision with a stated reason,
so every earlier revision stays readable from its snapshot.

Texts are stored as entered (the services sanitise lone surrogates and
control characters at the boundary). Lists that belong to a single row
(evidence codes, linked question ids, key facts) are JSON text.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
from app.models.register import Unit


class Visit(Base):
    __tablename__ = "visit"
    __table_args__ = (UniqueConstraint("unit_id", "year", "seq"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # uuid4 hex
    unit_id: Mapped[str] = mapped_column(ForeignKey("unit.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    # An extra follow-up in the same year gets seq 2, 3 ...
    seq: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), index=True)
    template_version_id: Mapped[int] = mapped_column(ForeignKey("template_version.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    preanalysis_notes: Mapped[str] = mapped_column(Text, default="")
    key_facts: Mapped[str] = mapped_column(Text, default="{}")  # JSON object
    visit_start: Mapped[datetime | None] = mapped_column(DateTime)
    visit_end: Mapped[datetime | None] = mapped_column(DateTime)
    method_notes: Mapped[str] = mapped_column(Text, default="")
    irregularity_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    irregularity_note: Mapped[str] = mapped_column(Text, default="")
    factcheck_sent: Mapped[date | None] = mapped_column(Date)
    factcheck_reply_date: Mapped[date | None] = mapped_column(Date)
    factcheck_reply: Mapped[str] = mapped_column(Text, default="")
    factcheck_changes: Mapped[str] = mapped_column(Text, default="")

    unit: Mapped[Unit] = relationship()
    parts: Mapped[list[VisitPart]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="VisitPart.part.desc()"
    )


class VisitPart(Base):
    """The care (sol) or health-care (hsl) half of a visit."""

    __tablename__ = "visit_part"
    __table_args__ = (UniqueConstraint("visit_id", "part"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"))
    part: Mapped[str] = mapped_column(String(3))
    owner: Mapped[str] = mapped_column(String(200), default="")
    owner_role: Mapped[str] = mapped_column(String(30), default="")
    owner_district: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(20), default="utkast")  # utkast | faststalld
    revision: Mapped[int] = mapped_column(Integer, default=1)
    finalized_at: Mapped[datetime | None] = mapped_column(DateTime)
    finalized_by: Mapped[str | None] = mapped_column(String(200))
    summary_individualisering: Mapped[str] = mapped_column(Text, default="")
    summary_trygghet: Mapped[str] = mapped_column(Text, default="")
    summary_inflytande: Mapped[str] = mapped_column(Text, default="")
    summary_halso_sjukvard: Mapped[str] = mapped_column(Text, default="")

    visit: Mapped[Visit] = relationship(back_populates="parts")


class PartRevision(Base):
    """One revision of a part. Revision 1 is created with the visit; each
    reopening adds the next with its reason. A finalized revision carries
    the frozen JSON snapshot and its SHA-256."""

    __tablename__ = "part_revision"
    __table_args__ = (UniqueConstraint("visit_id", "part", "revision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    part: Mapped[str] = mapped_column(String(3))
    revision: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(200))
    finalized_at: Mapped[datetime | None] = mapped_column(DateTime)
    finalized_by: Mapped[str | None] = mapped_column(String(200))
    snapshot: Mapped[str | None] = mapped_column(Text)  # canonical JSON
    sha256: Mapped[str | None] = mapped_column(String(64))


class Answer(Base):
    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("visit_id", "question_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(60))
    part: Mapped[str] = mapped_column(String(3))
    answer: Mapped[str | None] = mapped_column(String(20))
    number: Mapped[float | None] = mapped_column(Float)
    yesno: Mapped[bool | None] = mapped_column(Boolean)
    comment: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of codes
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(200))


class Finding(Base):
    """A strength, an area to improve or a deficiency (brist)."""

    __tablename__ = "finding"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    part: Mapped[str] = mapped_column(String(3))
    kind: Mapped[str] = mapped_column(String(12))  # styrka | forbattring | brist
    text: Mapped[str] = mapped_column(Text, default="")
    question_ids: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    required_action: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    remedy: Mapped[str | None] = mapped_column(String(14))  # snarast | nasta | overenskommen
    action_plan_received: Mapped[date | None] = mapped_column(Date)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class PreviousDeficiency(Base):
    """A deficiency from the previous finalized follow-up, to be marked at
    this visit. Its text is copied so this visit stays self-contained."""

    __tablename__ = "previous_deficiency"
    __table_args__ = (UniqueConstraint("visit_id", "previous_finding_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"))
    previous_finding_id: Mapped[int] = mapped_column(ForeignKey("finding.id"))
    previous_visit_id: Mapped[str] = mapped_column(String(32))
    previous_year: Mapped[int] = mapped_column(Integer)
    part: Mapped[str] = mapped_column(String(3))
    text: Mapped[str] = mapped_column(Text, default="")
    required_action: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    question_ids: Mapped[str] = mapped_column(Text, default="[]")
    status: Mapped[str | None] = mapped_column(String(12))  # atgardad | delvis | ej_atgardad
    comment: Mapped[str] = mapped_column(Text, default="")


class DocumentRequest(Base):
    """A document asked for in the pre-analysis (from the template)."""

    __tablename__ = "document_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    part: Mapped[str] = mapped_column(String(3))
    name: Mapped[str] = mapped_column(Text)
    question_ids: Mapped[str] = mapped_column(Text, default="[]")
    received: Mapped[bool] = mapped_column(Boolean, default=False)
    received_on: Mapped[date | None] = mapped_column(Date)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Participant(Base):
    """Who took part in the site visit: a role and how many."""

    __tablename__ = "participant"

    visit_id: Mapped[str] = mapped_column(
        ForeignKey("visit.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(100), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=1)


class Attachment(Base):
    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str | None] = mapped_column(String(60))
    filename: Mapped[str] = mapped_column(String(260))  # the name the user chose
    stored_name: Mapped[str] = mapped_column(String(100))  # relative to the attachments dir
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(DateTime)
    added_by: Mapped[str] = mapped_column(String(200))


class AuditEvent(Base):
    """Who changed what, when: one row per changed field."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    part: Mapped[str | None] = mapped_column(String(3))
    at: Mapped[datetime] = mapped_column(DateTime)  # UTC
    who: Mapped[str] = mapped_column(String(200))
    field: Mapped[str] = mapped_column(String(120))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
