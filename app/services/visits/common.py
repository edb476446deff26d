"""Codes, labels and small shared helpers of the visit services."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from app.errors import Message, label
from app.models.visit import Visit, VisitPart
from app.services.visits.errors import LockedError, NotFoundError


class _Unset:
    """Marks an argument that was not given (None is a real value: 'cleared')."""

    _instance: _Unset | None = None

    def __new__(cls) -> _Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Final[Any] = _Unset()

PARTS = ("sol", "hsl")
PART_LABELS = {"sol": "Omsorg (SoL)", "hsl": "Hälso- och sjukvård (HSL)"}
CARE_HOME_TYPES = ("vob", "profilboende", "servicehus")
ANSWERS = ("uppfyllt", "delvis", "ej_uppfyllt", "ej_aktuellt", "ej_bedomt")
EVIDENCE = ("dokument", "intervju_ledning", "intervju_personal", "observation", "stickprov")
FINDING_KINDS = {"styrka": "Styrka", "forbattring": "Förbättringsområde", "brist": "Brist"}
REMEDIES = {
    "snarast": "Åtgärdas snarast (åtgärdsplan från utföraren)",
    "nasta": "Följs upp vid nästa uppföljning",
    "overenskommen": "Följs upp vid överenskommen tidpunkt",
}
PREVIOUS_STATUSES = {"atgardad": "Åtgärdad", "delvis": "Delvis åtgärdad",
                     "ej_atgardad": "Ej åtgärdad"}
VISIT_STATUSES = {
    "foranalys": "Föranalys",
    "besok_genomfort": "Besök genomfört",
    "rapport_utkast": "Rapportutkast",
    "faststalld": "Fastställd",
    "synkad": "Synkad",
}
PART_STATUSES = {"utkast": "Utkast", "faststalld": "Fastställd"}
PARTICIPANT_ROLES = {
    "enhetschef": "Enhetschef",
    "verksamhetschef_hsl": "Verksamhetschef HSL",
    "mas_utforare": "MAS hos utföraren",
    "sjukskoterska": "Sjuksköterska",
    "rehab": "Arbetsterapeut/fysioterapeut",
    "kvalitetsansvarig": "Kvalitetsansvarig",
    "personal": "Personal",
    "annan": "Annan",
}
KEY_FACTS = {
    "platser": "Antal platser",
    "belagda_platser": "Belagda platser",
    "bemanning_dag": "Bemanning dag (antal)",
    "bemanning_natt": "Bemanning natt (antal)",
    "arsarbetare": "Årsarbetare",
    "avvikelser": "Avvikelser senaste året",
    "klagomal": "Klagomål senaste året",
    "lex_sarah": "Lex Sarah-rapporter",
    "lex_maria": "Lex Maria-anmälningar",
}
# Which part a visit-level summary belongs to.
SUMMARY_FIELDS = {
    "summary_individualisering": "sol",
    "summary_trygghet": "sol",
    "summary_inflytande": "sol",
    "summary_halso_sjukvard": "hsl",
}
SUMMARY_LABELS = {
    "summary_individualisering": "Individualisering",
    "summary_trygghet": "Trygghet",
    "summary_inflytande": "Inflytande",
    "summary_halso_sjukvard": "Hälso- och sjukvård",
}


@dataclass(frozen=True)
class OfficerRef:
    """The laptop's user (chosen in the settings)."""

    name: str
    role: str
    district: str


def loads_list(text: str | None) -> list[Any]:
    if not text:
        return []
    value = json.loads(text)
    return value if isinstance(value, list) else []


def loads_dict(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    value = json.loads(text)
    return value if isinstance(value, dict) else {}


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def get_visit(session: Session, visit_id: str) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFoundError(Message("Uppföljningen {visit_id} finns inte.", visit_id=visit_id))
    return visit


def get_part(session: Session, visit_id: str, part: str) -> VisitPart:
    row = session.scalar(
        select(VisitPart).where(VisitPart.visit_id == visit_id, VisitPart.part == part)
    )
    if row is None:
        if part not in PARTS:
            raise NotFoundError(Message("Okänd del '{part}' (ska vara sol eller hsl).", part=part))
        raise NotFoundError(Message("Uppföljningen har ingen del '{part}'.", part=part))
    return row


def require_open(part: VisitPart) -> None:
    session = object_session(part)
    if session is not None:
        recipient = handed_over_to(session, part.visit_id, part.part)
        if recipient:
            raise LockedError(
                Message("Delen ({part}) är överlämnad till {recipient} och ändras "
                        "där. Den kommer tillbaka hit när kollegan har synkat sin version.",
                        part=label(PART_LABELS.get(part.part, part.part)), recipient=recipient)
            )
    if part.status == "faststalld":
        raise LockedError(
            Message("Delen är fastställd ({part}, revision {revision}) och kan "
                    "inte ändras. Öppna en ny revision med en motivering för att ändra.",
                    part=label(PART_LABELS.get(part.part, part.part)), revision=part.revision)
        )


# Audit fields written by sync when a part is merged from the share or handed
# over (app.services.sync_merge); the last of them tells who holds the part.
SYNC_MERGED, SYNC_HANDED_IN, SYNC_HANDED_OUT = "mottagen från kollega", "överlämnad från", "överlämnad till"
SYNC_AUDIT_FIELDS = (SYNC_MERGED, SYNC_HANDED_IN, SYNC_HANDED_OUT)


def handed_over_to(session: Session, visit_id: str, part: str) -> str | None:
    """Whom the part was handed over to, while it has not come back here."""
    from app.models.visit import AuditEvent

    last = session.execute(
        select(AuditEvent.field, AuditEvent.new).where(
            AuditEvent.visit_id == visit_id, AuditEvent.part == part,
            AuditEvent.field.in_(SYNC_AUDIT_FIELDS)).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    return last.new if last is not None and last.field == SYNC_HANDED_OUT else None


def require_any_open(session: Session, visit_id: str) -> None:
    """Visit-level fields (pre-analysis, visit times, participants, fact check)
    are shared by both parts: they lock when every part is finalized."""
    parts = session.scalars(select(VisitPart).where(VisitPart.visit_id == visit_id)).all()
    if parts and all(p.status == "faststalld" for p in parts):
        raise LockedError(
            "Uppföljningen är fastställd och kan inte ändras. Öppna en ny revision av "
            "en del med en motivering för att ändra."
        )


def is_answered(kind: str, answer: str | None, number: float | None, yesno: bool | None
                ) -> bool:
    """Counts toward progress and finalizing: 'Ej bedömt' is not an answer."""
    if answer == "ej_aktuellt":
        return True
    if kind == "number":
        return number is not None
    if kind == "yesno":
        return yesno is not None
    return answer is not None and answer != "ej_bedomt"


def needs_comment(kind: str, answer: str | None, yesno: bool | None) -> bool:
    """Every judgement except Uppfyllt (and a 'ja') needs a comment."""
    if answer in ("delvis", "ej_uppfyllt", "ej_aktuellt"):
        return True
    return kind == "yesno" and yesno is False


def officer_from_settings(settings: Any) -> OfficerRef | None:
    """The laptop's officer from app.settings.Settings; None until chosen."""
    name = (getattr(settings, "officer_name", "") or "").strip()
    if not name:
        return None
    return OfficerRef(name, getattr(settings, "officer_role", "") or "",
                      getattr(settings, "officer_district", "") or "")
