"""Mapping part snapshots to ``ReportData``, and naming and writing a batch's
files: pure, no database.

Split from report.py so the CLI's fast path (report_fast.py, stored snapshots
read with plain sqlite3) maps a follow-up without importing SQLAlchemy or the
models; both paths share this one mapping, so they give the same bytes.
The rules (report revision, completeness, internal note) are described in
report.py's docstring.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.errors import UserFacingError
from app.services.task_state import TaskState
from app.templates.report.data import (
    Area,
    Deficiency,
    Method,
    Officer,
    Participant,
    PreviousDeficiency,
    QuestionResult,
    ReportData,
    ReviewedDocument,
    Summary,
    UnitFacts,
)

PART_ORDER = ("sol", "hsl")
# Unit types counted in customers rather than places.
CUSTOMER_TYPES = ("hemtjanst",)


@dataclass(frozen=True)
class ReportRow:
    """One follow-up in the Rapporter list."""

    visit_id: str
    unit_id: str
    unit_name: str
    district: str
    year: int
    seq: int
    visit_date: date | None
    status_label: str
    complete: bool  # every part finalized
    revision: int  # the report revision (see the module rule)


def report_revision(part_revisions: list[int]) -> int:
    return 1 + sum(r - 1 for r in part_revisions)


def _day(value: str | None) -> date | None:
    return datetime.fromisoformat(value).date() if value else None


def _clock(value: str | None) -> str:
    return datetime.fromisoformat(value).strftime("%H.%M") if value else ""


def _question(q: dict[str, Any], part: str, number: str) -> QuestionResult:
    a = q.get("answer") or {}
    if a.get("answer"):
        answer = a["answer"]
    elif a.get("label"):  # a number or Ja/Nej printed as is
        unit = q.get("number_unit") or ""
        answer = f"{a['label']} {unit}".strip() if a.get("number") is not None else a["label"]
    else:
        answer = "ej_bedomt"  # not answered yet (drafts)
    return QuestionResult(id=number, text=q["text"], part=part, answer=answer,
                          comment=a.get("comment") or "",
                          evidence=tuple(a.get("evidence_labels") or ()))


def _deficiency(f: dict[str, Any], numbers: dict[str, str]) -> Deficiency:
    deadline = _day(f.get("deadline"))
    remedy = f.get("remedy")
    action = f.get("required_action") or ""
    if remedy == "overenskommen":
        # Printed with the deadline-bound deficiencies; the agreed time is its deadline.
        action = f"{action}\n\nFöljs upp vid överenskommen tidpunkt.".strip()
    kind = "nasta" if remedy == "nasta" or (remedy is None and deadline is None) else "snarast"
    questions = f.get("questions") or []
    return Deficiency(
        question_id=", ".join(numbers.get(q["id"], q["id"]) for q in questions),
        question_text="; ".join(q["text"] for q in questions if q.get("text")),
        description=f.get("text") or "", required_action=action, deadline=deadline, kind=kind)


def _places(unit: dict[str, Any]) -> str:
    if unit.get("places") is None:
        return ""
    noun = "kunder" if unit.get("type_code") in CUSTOMER_TYPES else "platser"
    return f"{unit['places']} {noun}"


def map_snapshots(snapshots: list[dict[str, Any]], *, organisation: str, logo: Path | None,
                  internal: bool = False, previous_visit_on: date | None = None) -> ReportData:
    """The report of a follow-up from its parts' snapshots (sol before hsl)."""
    if not snapshots:
        raise UserFacingError("Uppföljningen har inga delar att skriva rapport för.")
    snaps = sorted(snapshots, key=lambda s: PART_ORDER.index(s["part"]["code"])
                   if s["part"]["code"] in PART_ORDER else len(PART_ORDER))
    first = snaps[0]
    visit, unit = first["visit"], first["unit"]
    all_parts = {p["code"] for p in first.get("parts", [])} | {s["part"]["code"] for s in snaps}
    finals = [s["part"].get("finalized_at") for s in snaps if not s.get("draft")]
    complete = len(finals) == len(snaps) and len(snaps) == len(all_parts) and all(finals)
    summary = {item["field"]: item["text"] for s in snaps for item in s["part"].get("summary", [])}
    findings = [f for s in snaps for f in s.get("findings", [])]
    participants = visit.get("participants", [])
    sections = [(s["part"]["code"], sec) for s in snaps for sec in s.get("sections", [])]
    # Questions are numbered area.question in report order; the template's ids are slugs.
    numbers = {q["id"]: f"{i}.{j}" for i, (_, sec) in enumerate(sections, start=1)
               for j, q in enumerate(sec["questions"], start=1)}
    return ReportData(
        organisation_name=organisation, year=visit["year"],
        report_id=f"{visit['year']}-{unit['id']}-{visit.get('seq', 1)}",
        revision=report_revision([s["part"]["revision"] for s in snaps]),
        unit=UnitFacts(
            name=unit["name"], unit_type=unit.get("type_name") or "",
            regiform=unit.get("regiform_name") or "", provider=unit.get("provider") or "",
            # The follow-up district's committee answers for the follow-up.
            contract_party=f"{unit['followup_district']} stadsdelsnämnd"
            if unit.get("followup_district") else "",
            address=unit.get("address") or "", district=unit.get("district") or "",
            follow_up_district=unit.get("followup_district") or "", places=_places(unit),
            head_of_operations=unit.get("manager") or ""),
        # Before the site visit is booked the creation date stands in (drafts only).
        visit_on=_day(visit.get("visit_start")) or _day(visit.get("created_at")) or date(
            visit["year"], 1, 1),
        officers=tuple(Officer(s["part"]["owner"]["name"], s["part"]["owner"]["role"] or
                               ("mas" if s["part"]["code"] == "hsl" else "verksamhetsuppfoljare"))
                       for s in snaps if s["part"]["owner"]["name"]),
        template_name=first["template"]["name"], template_version=first["template"]["version"],
        finalized_on=max(_day(f) for f in finals if f) if complete else None,
        logo_path=str(logo) if logo else None,
        previous_visit_on=previous_visit_on,
        summary=Summary(
            individualisering=summary.get("summary_individualisering", ""),
            trygghet=summary.get("summary_trygghet", ""),
            inflytande=summary.get("summary_inflytande", ""),
            halso_sjukvard=summary.get("summary_halso_sjukvard", "")),
        strengths=tuple(f["text"] for f in findings if f["kind"] == "styrka"),
        improvements=tuple(f["text"] for f in findings if f["kind"] == "forbattring"),
        deficiencies=tuple(_deficiency(f, numbers) for f in findings if f["kind"] == "brist"),
        previous_deficiencies=tuple(
            PreviousDeficiency(description=d.get("text") or "",
                               required_action=d.get("required_action") or "",
                               status=d.get("status") or "Ej bedömd",
                               comment=d.get("comment") or "")
            for s in snaps for d in s.get("previous_deficiencies", [])),
        method=Method(
            pre_analysis=visit.get("preanalysis_notes") or "",
            documents=tuple(ReviewedDocument(d["name"], _day(d.get("received_on")))
                            for s in snaps for d in s.get("documents", [])),
            visit_time="–".join(t for t in (_clock(visit.get("visit_start")),
                                            _clock(visit.get("visit_end"))) if t),
            participants=tuple(Participant(p.get("label") or p["role"], int(p["count"]))
                               for p in participants),
            notes=visit.get("method_notes") or "",
            fact_check_on=_day((visit.get("factcheck") or {}).get("reply_date"))),
        areas=tuple(Area(sec["title"], tuple(_question(q, code, numbers[q["id"]])
                                             for q in sec["questions"]))
                    for code, sec in sections),
        internal_copy=internal,
        internal_note=first.get("internal", {}).get("irregularity_note", "") if internal else "",
    )


def slug(text: str) -> str:
    """ASCII file-name part: å ä ö folded, anything else a dash."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "enhet"


def report_file_name(row: ReportRow) -> str:
    unit = row.unit_id if row.seq == 1 else f"{row.unit_id}-{row.seq}"
    unit = re.sub(r"[^A-Za-z0-9-]+", "-", unit).strip("-") or "enhet"  # ids keep their case
    return f"{row.year}_{slug(row.unit_name)[:60]}_{unit}_r{row.revision}.pdf"


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    skipped: list[ReportRow] = field(default_factory=list)  # follow-ups not complete
    failed: list[tuple[ReportRow, str]] = field(default_factory=list)


def write_batch(rows: list[ReportRow], out_dir: Path, state: TaskState,
                render: Callable[[ReportRow, Path], None]) -> BatchResult:
    """Every complete row's report to ``out_dir`` (``render(row, target)`` writes one).

    Each file is written atomically, and cancel is honoured between reports
    (``Cancelled`` propagates), so the folder only ever holds whole reports.
    One report that fails (say, a damaged snapshot) is listed and the rest go on.
    """
    result = BatchResult(skipped=[r for r in rows if not r.complete])
    todo = [r for r in rows if r.complete]
    out_dir.mkdir(parents=True, exist_ok=True)
    state.report(0, len(todo), "")
    for n, row in enumerate(todo, start=1):
        state.check_cancelled()
        target = out_dir / report_file_name(row)
        try:
            render(row, target)
        except (UserFacingError, OSError, ValueError, KeyError) as error:
            result.failed.append((row, str(error) or type(error).__name__))
        else:
            result.written.append(target)
        state.report(n, len(todo), row.unit_name)
    return result
