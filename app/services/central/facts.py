"""Turn one part revision's JSON (the package's ``followup.json``) into the
rows of the consolidated database. Pure functions; a malformed document is
a ``FactsError`` with a Swedish reason, so the package is quarantined and
nothing of it is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

DATA_MEMBER = "followup.json"
DATA_KIND = "uppfoljaren.part_revision"
SCALE = ("uppfyllt", "delvis", "ej_uppfyllt", "ej_aktuellt", "ej_bedomt")


class FactsError(ValueError):
    """The document is not a follow-up part we can load (Swedish reason)."""


@dataclass(frozen=True)
class UnitDims:
    unit_id: str
    unit_name: str
    unit_type: str
    regiform: str
    district: str
    region: str
    provider: str


@dataclass
class PartFacts:
    followup_id: str
    part: str
    revision: int
    year: int
    dims: UnitDims
    template_version: str
    visit_date: date | None
    summary: list[dict[str, str]]
    answers: list[dict[str, Any]] = field(default_factory=list)
    areas: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> title, position
    questions: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # area, text, pos
    area_results: list[dict[str, Any]] = field(default_factory=list)
    deficiencies: list[dict[str, Any]] = field(default_factory=list)
    reviews: list[dict[str, Any]] = field(default_factory=list)


def _text(value: Any, what: str, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value):
        raise FactsError(f"fältet {what} saknas eller är fel i uppföljningens data")
    return value


def _date(value: Any, what: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise FactsError(f"fältet {what} är inget datum: {value!r}") from None


def _mapping(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FactsError(f"delen {what} saknas i uppföljningens data")
    return value


def _list(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise FactsError(f"delen {what} är ingen lista i uppföljningens data")
    return value


def part_facts(doc: Any, followup_id: str, part: str, revision: int) -> PartFacts:
    """Rows for one package, checked against the manifest's identity."""
    doc = _mapping(doc, "dokumentet")
    if doc.get("kind") != DATA_KIND:
        raise FactsError("filen är ingen fastställd uppföljningsdel")
    if doc.get("draft"):
        raise FactsError("delen är ett utkast och inte fastställd")
    visit = _mapping(doc.get("visit"), "visit")
    unit = _mapping(doc.get("unit"), "unit")
    info = _mapping(doc.get("part"), "part")
    if visit.get("id") != followup_id:
        raise FactsError("uppföljningens id stämmer inte med paketets manifest")
    if info.get("code") != part:
        raise FactsError("delen stämmer inte med paketets manifest")
    if info.get("revision") not in (None, revision):
        raise FactsError("revisionen stämmer inte med paketets manifest")
    year = visit.get("year")
    if not isinstance(year, int) or not 1990 <= year <= 2200:
        raise FactsError(f"orimligt år {year!r}")
    district = unit.get("followup_district") or unit.get("district") or ""
    dims = UnitDims(
        unit_id=_text(unit.get("id"), "unit.id"),
        unit_name=_text(unit.get("name"), "unit.name"),
        unit_type=_text(unit.get("type_code"), "unit.type_code"),
        regiform=_text(unit.get("regiform_code"), "unit.regiform_code"),
        district=_text(district, "unit.followup_district"),
        region=_text(unit.get("region"), "unit.region", required=False),
        provider=_text(unit.get("provider"), "unit.provider", required=False),
    )
    template = doc.get("template") if isinstance(doc.get("template"), dict) else {}
    facts = PartFacts(
        followup_id=followup_id, part=part, revision=revision, year=year, dims=dims,
        template_version=str(template.get("version") or ""),
        visit_date=_date(visit.get("visit_start"), "visit.visit_start"),
        summary=[{"part": part, "label": str(s.get("label", "")), "text": str(s.get("text", ""))}
                 for s in _list(info.get("summary"), "part.summary") if isinstance(s, dict)],
    )
    _answers(doc, facts)
    _findings(doc, facts)
    return facts


@cache
def template_order() -> dict[str, int]:
    """Section and question ids in the shipped templates' order (newest
    version wins), so lists follow the template whatever a unit type skips."""
    from app.services.template_format import load_template_file, shipped_template_files

    order: dict[str, int] = {}
    for path in shipped_template_files():
        try:
            template = load_template_file(path)
        except Exception:  # noqa: BLE001 - an unreadable file only loses the order hint
            continue
        for s_index, section in enumerate(template.sections):
            order[section.id] = s_index * 1000
            for q_index, question in enumerate(section.questions):
                order[question.id] = s_index * 1000 + q_index + 1
    return order


def _answers(doc: dict[str, Any], facts: PartFacts) -> None:
    base = 0 if facts.part == "sol" else 1_000_000
    order = template_order()
    for s_index, section in enumerate(_list(doc.get("sections"), "sections")):
        section = _mapping(section, "sections[]")
        area_id = _text(section.get("id"), "sections[].id")
        area_title = _text(section.get("title"), "sections[].title", required=False)
        facts.areas[area_id] = (area_title or area_id,
                                base + order.get(area_id, 500_000 + s_index * 1000))
        counts = dict.fromkeys(SCALE[:3], 0)
        questions = _list(section.get("questions"), f"sections[{area_id}].questions")
        for q_index, question in enumerate(questions):
            question = _mapping(question, "questions[]")
            question_id = _text(question.get("id"), "questions[].id")
            facts.questions[question_id] = (
                area_id, _text(question.get("text"), "questions[].text", required=False),
                base + order.get(question_id, 500_000 + s_index * 1000 + q_index))
            answer = question.get("answer")
            if not isinstance(answer, dict) or not answer.get("answered"):
                continue
            code = answer.get("answer")
            if code is not None and code not in SCALE:
                raise FactsError(f"okänt svar {code!r} på fråga {question_id!r}")
            if code in counts:
                counts[code] += 1
            yesno = answer.get("yesno")
            number = answer.get("number")
            facts.answers.append({
                "area_id": area_id, "question_id": question_id, "answer": code,
                "yesno": yesno if isinstance(yesno, bool) else None,
                "number": float(number) if isinstance(number, int | float)
                and not isinstance(number, bool) else None,
            })
        if any(counts.values()):
            facts.area_results.append({"area_id": area_id, **counts})


def _findings(doc: dict[str, Any], facts: PartFacts) -> None:
    for finding in _list(doc.get("findings"), "findings"):
        finding = _mapping(finding, "findings[]")
        if finding.get("kind") != "brist":
            continue
        ref = finding.get("id")
        facts.deficiencies.append({
            "finding_ref": ref if isinstance(ref, int) else None,
            "text": _text(finding.get("text"), "findings[].text", required=False),
            "questions": [q.get("id") for q in _list(finding.get("questions"), "questions")
                          if isinstance(q, dict) and isinstance(q.get("id"), str)],
            "required_action": str(finding.get("required_action") or ""),
            "deadline": _date(finding.get("deadline"), "findings[].deadline"),
            "remedy": finding.get("remedy") if isinstance(finding.get("remedy"), str) else None,
            "action_plan_received": _date(finding.get("action_plan_received"),
                                          "findings[].action_plan_received"),
        })
    for review in _list(doc.get("previous_deficiencies"), "previous_deficiencies"):
        review = _mapping(review, "previous_deficiencies[]")
        ref = review.get("previous_finding_id")
        status = review.get("status")
        if isinstance(ref, int) and isinstance(status, str) and status:
            facts.reviews.append({"previous_finding_ref": ref, "status": status})
