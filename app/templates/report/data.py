"""The plain data a follow-up report is rendered from.

Everything the PDF prints comes from a ``ReportData``: frozen dataclasses of
str/int/bool/date/tuple only, so the renderer is a pure function of its input
and the visit service can map the database to it without the renderer knowing
about sessions or ORM rows. Codes (answers, statuses, roles) are kept as codes
here; the Swedish labels live in the dictionaries below, in one place.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

AnswerCode = Literal["uppfyllt", "delvis", "ej_uppfyllt", "ej_aktuellt", "ej_bedomt"]
DeficiencyKind = Literal["snarast", "nasta"]
PreviousStatus = Literal["atgardad", "delvis", "ej_atgardad"]
Part = Literal["sol", "hsl"]
OfficerRole = Literal["verksamhetsuppfoljare", "mas"]

# Order matters: it is the order of the per-area summary.
ANSWER_LABELS: dict[str, str] = {
    "uppfyllt": "Uppfyllt",
    "delvis": "Delvis uppfyllt",
    "ej_uppfyllt": "Ej uppfyllt",
    "ej_aktuellt": "Ej aktuellt",
    "ej_bedomt": "Ej bedömt",
}
PREVIOUS_STATUS_LABELS: dict[str, str] = {
    "atgardad": "Åtgärdad",
    "delvis": "Delvis åtgärdad",
    "ej_atgardad": "Ej åtgärdad",
}
DEFICIENCY_KINDS = ("snarast", "nasta")
PART_LABELS: dict[str, str] = {"sol": "SoL", "hsl": "HSL"}
OFFICER_ROLE_LABELS: dict[str, str] = {
    "verksamhetsuppfoljare": "Verksamhetsuppföljare (omsorg)",
    "mas": "MAS (hälso- och sjukvård)",
}


def answer_label(answer: str) -> str:
    """Swedish label for an answer code; any other value (a number, Ja/Nej) prints as is."""
    return ANSWER_LABELS.get(answer, answer)


@dataclass(frozen=True)
class Officer:
    name: str
    role: str  # OfficerRole; unknown roles print as given


@dataclass(frozen=True)
class UnitFacts:
    """The facts table. Type and regiform are display names from reference data."""

    name: str
    unit_type: str  # e.g. "Vård- och omsorgsboende"
    regiform: str  # e.g. "Entreprenad"
    provider: str  # utförare
    contract_party: str  # avtalspart / nämnd
    address: str
    district: str  # the district the unit lies in
    follow_up_district: str  # the district that did the follow-up
    places: str  # "54 platser" / "120 kunder": free text, the unit of count varies by type
    head_of_operations: str  # verksamhetschef


@dataclass(frozen=True)
class Summary:
    """Sammanfattande bedömning: care (SoL) in three themes, and health care (HSL)."""

    individualisering: str = ""
    trygghet: str = ""
    inflytande: str = ""
    halso_sjukvard: str = ""


@dataclass(frozen=True)
class Deficiency:
    question_id: str
    question_text: str
    description: str
    required_action: str
    deadline: date | None
    kind: DeficiencyKind

    def __post_init__(self) -> None:
        # The report prints each kind under its own heading; another kind would vanish.
        if self.kind not in DEFICIENCY_KINDS:
            raise ValueError(f"deficiency kind must be one of {DEFICIENCY_KINDS}: {self.kind!r}")


@dataclass(frozen=True)
class PreviousDeficiency:
    description: str
    required_action: str
    status: PreviousStatus
    comment: str = ""


@dataclass(frozen=True)
class ReviewedDocument:
    name: str
    received_on: date | None = None


@dataclass(frozen=True)
class Participant:
    role: str  # e.g. "Enhetschef", "Undersköterska"
    count: int = 1


@dataclass(frozen=True)
class Method:
    pre_analysis: str = ""
    documents: tuple[ReviewedDocument, ...] = ()
    visit_time: str = ""  # e.g. "09.00–14.30"; the date is ReportData.visit_on
    participants: tuple[Participant, ...] = ()
    notes: str = ""
    fact_check_on: date | None = None  # sakgranskning


@dataclass(frozen=True)
class QuestionResult:
    id: str  # e.g. "3.4"
    text: str
    part: Part
    answer: str  # AnswerCode, or a value printed as text ("12", "Ja")
    comment: str = ""
    evidence: tuple[str, ...] = ()  # underlag: "Dokument", "Intervju ledning", ...


@dataclass(frozen=True)
class Area:
    title: str
    questions: tuple[QuestionResult, ...] = ()


@dataclass(frozen=True)
class ReportData:
    organisation_name: str
    year: int
    report_id: str
    revision: int
    unit: UnitFacts
    visit_on: date
    officers: tuple[Officer, ...]
    template_name: str
    template_version: str
    finalized_on: date | None = None  # None: a draft, printed with an UTKAST watermark
    logo_path: str | None = None  # None: the neutral default in resources/icons
    previous_visit_on: date | None = None
    summary: Summary = field(default_factory=Summary)
    strengths: tuple[str, ...] = ()
    improvements: tuple[str, ...] = ()
    deficiencies: tuple[Deficiency, ...] = ()
    previous_deficiencies: tuple[PreviousDeficiency, ...] = ()
    method: Method = field(default_factory=Method)
    areas: tuple[Area, ...] = ()
    internal_copy: bool = False
    internal_note: str = ""  # suspected irregularity; printed only on the internal copy

    @property
    def is_draft(self) -> bool:
        return self.finalized_on is None

    @property
    def title(self) -> str:
        return f"Verksamhetsuppföljning {self.year}: {self.unit.name}"


def default_logo_path() -> Path:
    from app.paths import resource_dir

    return resource_dir() / "icons" / "report-logo.png"


def resolved_logo_path(data: ReportData) -> Path:
    return Path(data.logo_path) if data.logo_path else default_logo_path()


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def canonical_json(data: ReportData) -> bytes:
    """A canonical JSON form of everything the report prints.

    The logo is represented by the digest of its bytes, not its path: the
    image is what is printed, and the path differs between machines. The
    internal note counts only on the internal copy: the public copy's hash
    must not let anyone test a guess about a note they are not to see.
    """
    plain = _plain(data)
    if not data.internal_copy:
        plain["internal_note"] = ""
    logo = resolved_logo_path(data)
    plain["logo_path"] = None
    plain["logo_sha256"] = hashlib.sha256(logo.read_bytes()).hexdigest() if logo.is_file() else None
    return json.dumps(plain, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


def content_hash(data: ReportData) -> str:
    """First 12 hex characters of sha256 over the canonical JSON; printed in the footer."""
    return hashlib.sha256(canonical_json(data)).hexdigest()[:12]
