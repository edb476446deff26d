"""Visits (uppföljningar): the data and service half of a follow-up.

Every write commits before it returns and leaves an audit event; database
refusals become ``CannotSaveError``. See the modules for the details:
lifecycle (start, visit fields, documents, participants, owners), answers,
findings, finalize (check, finalize, reopen, revisions), snapshot, pii,
attachments, queries (list, open), audit, sanitize, errors.
"""

from app.services.visits.answers import save_answer
from app.services.visits.attachments import (
    MAX_ATTACHMENT_BYTES,
    add_attachment,
    attachment_path,
    delete_attachment,
)
from app.services.visits.audit import AuditRow, audit_events
from app.services.visits.common import (
    ANSWERS,
    CARE_HOME_TYPES,
    EVIDENCE,
    FINDING_KINDS,
    KEY_FACTS,
    PART_LABELS,
    PART_STATUSES,
    PARTICIPANT_ROLES,
    PARTS,
    PREVIOUS_STATUSES,
    REMEDIES,
    SUMMARY_FIELDS,
    SUMMARY_LABELS,
    UNSET,
    VISIT_STATUSES,
    OfficerRef,
    officer_from_settings,
)
from app.services.visits.errors import FinalizeError, LockedError, MissingItem, NotFoundError
from app.services.visits.finalize import (
    finalize_check,
    finalize_part,
    list_revisions,
    public_texts,
    reopen_part,
    scan_visit,
)
from app.services.visits.findings import (
    add_finding,
    delete_finding,
    propose_deficiency,
    register_action_plan,
    set_previous_deficiency,
    update_finding,
)
from app.services.visits.lifecycle import (
    FIELD_LABELS,
    VISIT_FIELDS,
    save_visit_field,
    set_part_owner,
    start_visit,
)
from app.services.visits.pii import PiiHit, scan_personal_data
from app.services.visits.preanalysis import add_document, set_document, set_participants
from app.services.visits.queries import list_visits, open_visit
from app.services.visits.sanitize import MAX_TEXT, clean_text
from app.services.visits.snapshot import revision_snapshot
from app.services.visits.views import (
    AnswerView,
    AttachmentView,
    DocumentView,
    FindingView,
    PartView,
    PreviousDeficiencyView,
    QuestionView,
    RevisionInfo,
    SectionView,
    TemplateInfo,
    UnitFacts,
    VisitDetail,
    VisitSummary,
)

__all__ = [
    "ANSWERS", "CARE_HOME_TYPES", "EVIDENCE", "FIELD_LABELS", "FINDING_KINDS", "KEY_FACTS",
    "MAX_ATTACHMENT_BYTES", "MAX_TEXT", "PARTICIPANT_ROLES", "PARTS", "PART_LABELS",
    "PART_STATUSES", "PREVIOUS_STATUSES", "REMEDIES", "SUMMARY_FIELDS", "SUMMARY_LABELS",
    "UNSET", "VISIT_FIELDS", "VISIT_STATUSES",
    "AnswerView", "AttachmentView", "AuditRow", "DocumentView", "FinalizeError", "FindingView",
    "LockedError", "MissingItem", "NotFoundError", "OfficerRef", "PartView", "PiiHit",
    "PreviousDeficiencyView", "QuestionView", "RevisionInfo", "SectionView", "TemplateInfo",
    "UnitFacts", "VisitDetail", "VisitSummary",
    "add_attachment", "add_document", "add_finding", "attachment_path", "audit_events",
    "clean_text", "delete_attachment", "delete_finding", "finalize_check", "finalize_part",
    "list_revisions", "list_visits", "officer_from_settings", "open_visit",
    "propose_deficiency", "public_texts",
    "register_action_plan", "reopen_part", "revision_snapshot", "save_answer",
    "save_visit_field", "scan_personal_data", "scan_visit", "set_document", "set_part_owner",
    "set_participants", "set_previous_deficiency", "start_visit", "update_finding",
]
