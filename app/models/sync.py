"""What this laptop knows about its exchange with the central share.

``outbox`` has one row per finalized part revision, moving
queued -> published -> verified -> receipted (or conflict). The row keeps the
package's name and SHA-256 so a later sync never rebuilds a package it has
already recorded, and the local copy of the package bytes (under the data
dir) so the share can be refilled with the very same bytes. Times here are
the device's clock: shown as information ("enhetens tid"), never used for a
decision. Nothing in these tables is ever a reason to delete local data.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

OUTBOX_STATES = ("queued", "published", "verified", "receipted", "conflict")


class OutboxEntry(Base):
    __tablename__ = "outbox"
    __table_args__ = (UniqueConstraint("visit_id", "part", "revision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No foreign key: the outbox record outlives anything done to the visit.
    visit_id: Mapped[str] = mapped_column(String(32), index=True)
    part: Mapped[str] = mapped_column(String(3))
    revision: Mapped[int] = mapped_column(Integer)
    package_name: Mapped[str | None] = mapped_column(String(200))
    sha256: Mapped[str | None] = mapped_column(String(64))
    # The package bytes kept locally, relative to the data dir.
    local_file: Mapped[str | None] = mapped_column(String(300))
    state: Mapped[str] = mapped_column(String(12), default="queued", index=True)
    last_error: Mapped[str | None] = mapped_column(Text)
    queued_at: Mapped[datetime] = mapped_column(DateTime)
    pushed_at: Mapped[datetime | None] = mapped_column(DateTime)  # device time
    verified_at: Mapped[datetime | None] = mapped_column(DateTime)
    receipted_at: Mapped[datetime | None] = mapped_column(DateTime)


class PulledFile(Base):
    """A file the central administration published (template version, unit
    register) that this laptop read: accepted and used, or refused and why."""

    __tablename__ = "pulled_item"
    __table_args__ = (UniqueConstraint("kind", "name", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))  # templates | units
    name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    accepted: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(Text, default="")
    pulled_at: Mapped[datetime] = mapped_column(DateTime)


class SyncRun(Base):
    """One sync: when it ran (device time) and its summary as JSON."""

    __tablename__ = "sync_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    ok: Mapped[bool] = mapped_column(Boolean, default=False)
    summary: Mapped[str] = mapped_column(Text, default="{}")


class ReceivedPart(Base):
    """A part revision another laptop put on the share (its finalized part of
    a follow-up we share, or work handed over to us), kept readable here.
    A received part never replaces a part this laptop owns."""

    __tablename__ = "received_part"
    __table_args__ = (UniqueConstraint("package_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    followup_id: Mapped[str] = mapped_column(String(64), index=True)
    part: Mapped[str] = mapped_column(String(3))
    revision: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10), default="followup")  # followup | handover
    from_device: Mapped[str] = mapped_column(String(64))
    # The sender's officer as the package names it ("" when it does not).
    from_officer: Mapped[str] = mapped_column(String(200), default="", server_default="")
    package_name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    snapshot: Mapped[str] = mapped_column(Text)  # the part's JSON as received
    received_at: Mapped[datetime] = mapped_column(DateTime)
