"""The plain shapes the visit services return (no ORM objects leak out)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.services.template_format import Guidance


@dataclass(frozen=True)
class VisitSummary:
    id: str
    unit_id: str
    unit_name: str
    unit_type: str
    district: str  # the follow-up district
    year: int
    status: str
    status_label: str
    sol_owner: str
    hsl_owner: str | None
    sol_revision: int
    hsl_revision: int | None
    visit_date: date | None
    template_version: str
    seq: int = 1
    sol_status: str = "utkast"
    hsl_status: str | None = None

    def as_record(self) -> dict[str, Any]:
        return {
            "id": self.id, "unit_id": self.unit_id, "unit_name": self.unit_name,
            "unit_type": self.unit_type, "district": self.district, "year": self.year,
            "seq": self.seq, "status": self.status, "status_label": self.status_label,
            "revision": self.sol_revision, "sol_owner": self.sol_owner,
            "sol_status": self.sol_status, "sol_revision": self.sol_revision,
            "hsl_owner": self.hsl_owner, "hsl_status": self.hsl_status,
            "hsl_revision": self.hsl_revision,
            "visit_date": self.visit_date.isoformat() if self.visit_date else None,
            "template_version": self.template_version,
        }


@dataclass(frozen=True)
class UnitFacts:
    id: str
    name: str
    type_code: str
    type_name: str
    regiform_code: str
    regiform_name: str
    provider: str
    address: str
    district: str
    followup_district: str
    region: str
    outside_city: bool
    places: int | None
    manager: str


@dataclass(frozen=True)
class TemplateInfo:
    version_id: int
    id: str
    name: str
    version: str


@dataclass(frozen=True)
class AnswerView:
    question_id: str
    answer: str | None
    answer_label: str
    number: float | None
    yesno: bool | None
    comment: str
    evidence: tuple[str, ...]
    updated_at: datetime | None
    updated_by: str
    answered: bool


@dataclass(frozen=True)
class QuestionView:
    id: str
    text: str
    part: str
    section_id: str
    section_title: str
    basis: str
    answer_kind: str  # scale | number | yesno
    number_unit: str | None
    guidance: Guidance
    documents: tuple[str, ...]
    answer: AnswerView | None
    previous: AnswerView | None  # the previous visit's answer to the same question id

    @property
    def answered(self) -> bool:
        return self.answer is not None and self.answer.answered


@dataclass(frozen=True)
class SectionView:
    id: str
    title: str
    part: str
    questions: tuple[QuestionView, ...]
    answered: int
    applicable: int


@dataclass(frozen=True)
class PartView:
    part: str
    label: str
    owner: str
    owner_role: str
    owner_district: str
    status: str  # utkast | faststalld
    status_label: str
    revision: int
    finalized_at: datetime | None
    finalized_by: str | None
    summaries: dict[str, str]  # summary field -> text (the part's own fields only)
    sections: tuple[SectionView, ...]
    answered: int
    applicable: int
    handed_over_to: str | None = None  # held by a colleague until it comes back

    @property
    def locked(self) -> bool:
        return self.status == "faststalld" or bool(self.handed_over_to)


@dataclass(frozen=True)
class DocumentView:
    id: int
    part: str
    name: str
    question_ids: tuple[str, ...]
    received: bool
    received_on: date | None


@dataclass(frozen=True)
class FindingView:
    id: int
    part: str
    kind: str
    kind_label: str
    text: str
    question_ids: tuple[str, ...]
    required_action: str
    deadline: date | None
    remedy: str | None
    remedy_label: str
    action_plan_received: date | None


@dataclass(frozen=True)
class PreviousDeficiencyView:
    previous_finding_id: int
    previous_visit_id: str
    previous_year: int
    part: str
    text: str
    required_action: str
    deadline: date | None
    question_ids: tuple[str, ...]
    status: str | None
    status_label: str
    comment: str


@dataclass(frozen=True)
class AttachmentView:
    id: int
    question_id: str | None
    filename: str
    stored_name: str  # relative to the attachments dir
    size: int
    added_at: datetime
    added_by: str


@dataclass(frozen=True)
class RevisionInfo:
    part: str
    revision: int
    reason: str
    created_at: datetime
    created_by: str
    finalized_at: datetime | None
    finalized_by: str | None
    sha256: str | None

    @property
    def finalized(self) -> bool:
        return self.finalized_at is not None


@dataclass(frozen=True)
class VisitDetail:
    """Everything the visit window shows, read in one call."""

    id: str
    unit: UnitFacts
    year: int
    seq: int
    status: str
    status_label: str
    template: TemplateInfo
    parts: tuple[PartView, ...]
    documents: tuple[DocumentView, ...]
    participants: dict[str, int]
    findings: tuple[FindingView, ...]
    previous_deficiencies: tuple[PreviousDeficiencyView, ...]
    attachments: tuple[AttachmentView, ...]
    preanalysis_notes: str
    key_facts: dict[str, Any]
    visit_start: datetime | None
    visit_end: datetime | None
    method_notes: str
    irregularity_flag: bool
    irregularity_note: str
    factcheck_sent: date | None
    factcheck_reply_date: date | None
    factcheck_reply: str
    factcheck_changes: str
    previous_visit_id: str | None
    previous_year: int | None
    created_at: datetime
    created_by: str
    updated_at: datetime

    def part(self, code: str) -> PartView | None:
        return next((p for p in self.parts if p.part == code), None)

    @property
    def complete(self) -> bool:
        """Both parts (or the only part) finalized."""
        return bool(self.parts) and all(p.locked for p in self.parts)

    def question(self, question_id: str) -> QuestionView | None:
        for part in self.parts:
            for section in part.sections:
                for q in section.questions:
                    if q.id == question_id:
                        return q
        return None
