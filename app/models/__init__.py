"""The ORM and the domain rules that need no Qt.

Importing this package registers every table on ``Base.metadata``.
"""

from app.models.base import Base
from app.models.reference import District, Regiform, Region, UnitType
from app.models.register import Officer, OfficerRole, Parity, Provider, Unit
from app.models.schedule import PlanEntry, PlanKind, PlanStatus, RhythmRule
from app.models.sync import OutboxEntry, PulledFile, ReceivedPart, SyncRun
from app.models.template import TemplateVersion
from app.models.visit import (
    Answer,
    Attachment,
    AuditEvent,
    DocumentRequest,
    Finding,
    Participant,
    PartRevision,
    PreviousDeficiency,
    Visit,
    VisitPart,
)

__all__ = [
    "Answer",
    "Attachment",
    "AuditEvent",
    "DocumentRequest",
    "Finding",
    "Participant",
    "PartRevision",
    "PreviousDeficiency",
    "Visit",
    "VisitPart",
    "Base",
    "District",
    "Officer",
    "OutboxEntry",
    "OfficerRole",
    "Parity",
    "PlanEntry",
    "PlanKind",
    "PlanStatus",
    "Provider",
    "PulledFile",
    "ReceivedPart",
    "Region",
    "Regiform",
    "RhythmRule",
    "SyncRun",
    "TemplateVersion",
    "Unit",
    "UnitType",
]
