"""Demo follow-ups: finalized visits 2019-2025 and the current year in progress.

Follows the rhythm (care homes odd years, home care even years, day care
every year unless the unit keeps its own parity). Answers are mostly
"Uppfyllt"; each unit has a few weak questions, so some deficiencies repeat
from visit to visit and are followed up as the real process does.
Everything is inserted in bulk (executemany), so ``uppfoljaren demo`` stays
fast. Finalized parts of the last two years store their snapshot as
finalizing in the app does (built from the rows in memory, demo_store.py), so
their reports print from it (report_fast.py). Older history stores none to
keep the demo quick to create and small: a finalized part is locked, so its
snapshot is built from the locked rows when first read (``revision_snapshot``).
Reopened examples and half-finalized visits store theirs, as the service does.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import District, Officer, Unit
from app.models.visit import (
    Answer,
    AuditEvent,
    DocumentRequest,
    Finding,
    Participant,
    PartRevision,
    PreviousDeficiency,
    Visit,
    VisitPart,
)
from app.services.demo import DEMO_EXTENSIONS
from app.services.demo_store import (
    bulk_insert,
    freeze_in_memory,
    reopened_examples,
    store_snapshots,
)
from app.services.demo_texts import (
    ACTIONS,
    COMMENTS,
    FACTCHECK,
    IMPROVEMENTS,
    NOTES,
    PREVIOUS_COMMENTS,
    STRENGTHS,
    SUMMARIES,
)
from app.services.template_format import version_key
from app.services.templates import ensure_shipped_templates
from app.services.visits.common import CARE_HOME_TYPES, dumps
from app.services.visits.lifecycle import derived_status
from app.services.visits.templating import PinnedTemplate, pinned_template

HISTORY_YEARS = range(2019, 2026)
CURRENT_YEAR = 2026
# Years whose finalized parts store a snapshot (see the module docstring).
SNAPSHOT_YEARS = {CURRENT_YEAR - 1, CURRENT_YEAR}
CURRENT_DAY = date(2026, 11, 20)  # the demo's "today" for visits in progress
STAGES = ("foranalys", "besok_genomfort", "rapport_utkast", "faststalld")
# Evidence sets as stored (JSON lists in canonical order).
_EVIDENCE = ('["dokument"]', '["dokument","intervju_ledning"]',
             '["intervju_ledning","intervju_personal"]', '["dokument","observation"]',
             '["dokument","intervju_personal","observation"]')
_RULES = {"vob": "udda", "profilboende": "udda", "servicehus": "udda", "hemtjanst": "jamn",
          "dagverksamhet": "varje"}


def _rules() -> dict[str, str]:
    try:
        from app.services.rhythm import default_rules
    except ImportError:
        return dict(_RULES)
    return {k: str(v) for k, v in default_rules().items()}


def _due(unit: Unit, year: int, rules: dict[str, str]) -> bool:
    if unit.active_from and unit.active_from.year > year:
        return False
    if unit.active_to and unit.active_to.year < year:
        return False
    rhythm = unit.parity or rules.get(unit.type_code)
    return rhythm == "varje" or (rhythm == "udda") == (year % 2 == 1) if rhythm else False


def _day(rng: random.Random, year: int, last: date | None = None) -> date:
    latest = last or date(year, 11, 30)
    start = date(year, 2, 1)
    while True:
        day = start + timedelta(days=rng.randint(0, (latest - start).days))
        if day.weekday() < 5 and day.month != 7:
            return day


class _Officers:
    """Owners: a verksamhetsuppföljare of the unit's district (else region),
    a MAS of the district, else of the region; the same person year after year."""

    def __init__(self, session: Session) -> None:
        districts = {d.id: d for d in session.scalars(select(District))}
        self.by: dict[tuple[str, str], list[Officer]] = defaultdict(list)
        for officer in session.scalars(select(Officer).order_by(Officer.id)):
            district = districts.get(officer.district_id or -1)
            self.by[(officer.role, f"d{officer.district_id}")].append(officer)
            if district is not None:
                self.by[(officer.role, f"r{district.region_id}")].append(officer)
            self.by[(officer.role, "*")].append(officer)
        self.districts = districts

    def pick(self, role: str, unit: Unit) -> Officer | None:
        district = self.districts[unit.followup_district_id]
        for key in (f"d{district.id}", f"r{district.region_id}", "*"):
            found = self.by.get((role, key))
            if found:
                return found[sum(map(ord, unit.id)) % len(found)]
        return None


class _Builder:
    def __init__(self, session: Session, rng: random.Random) -> None:
        self.session, self.rng = session, rng
        self.officers = _Officers(session)
        self.rows: dict[type, list[dict[str, Any]]] = defaultdict(list)
        self.finding_id = 0
        self.templates: dict[int, PinnedTemplate] = {}
        self.weak: dict[str, set[str]] = {}
        self.last_visit: dict[str, dict[str, Any]] = {}  # unit id -> previous visit info
        self.plan: list[tuple[str, int, str]] = []
        self.half_done: list[tuple[str, str]] = []  # (visit, part) finalized, other part open
        self.finalized: list[tuple[str, int, str]] = []  # (visit, year, sol owner) complete
        self.versions: list[tuple[date, tuple[int, ...], int]] = []
        self.previous_of: dict[str, str] = {}  # visit id -> the unit's visit before it

    def template(self, day: date) -> PinnedTemplate:
        """The version active on ``day`` (as active_template picks it); before
        the first version, the oldest one."""
        if not self.versions:
            from app.models.template import TemplateVersion

            self.versions = sorted(
                (row.valid_from, version_key(row.version), row.id) for row in
                self.session.execute(select(TemplateVersion.valid_from, TemplateVersion.version,
                                            TemplateVersion.id)))
        valid = [v for v in self.versions if v[0] <= day] or self.versions[:1]
        return pinned_template(self.session, valid[-1][2])

    def add(self, model: type, **values: Any) -> dict[str, Any]:
        self.rows[model].append(values)
        return values

    def visit(self, unit: Unit, year: int, stage: str, day: date) -> None:
        rng = self.rng
        template = self.template(day)
        parts = ("sol", "hsl") if unit.type_code in CARE_HOME_TYPES else ("sol",)
        vid = uuid.UUID(int=rng.getrandbits(128), version=4).hex
        weak = self.weak.setdefault(unit.id, set(rng.sample(
            [q.id for q in template.questions(unit.type_code) if q.answer_kind == "scale"],
            k=rng.choice((0, 1, 2, 2, 3, 4)))))
        visited = stage != "foranalys"
        start = datetime.combine(day, time(rng.choice((8, 9, 10, 13)), 0))
        sent = day + timedelta(days=rng.randint(10, 20))
        reply = sent + timedelta(days=rng.randint(5, 14))
        done = reply + timedelta(days=rng.randint(2, 10))
        owners = {"sol": self.officers.pick("verksamhetsuppfoljare", unit),
                  "hsl": self.officers.pick("mas", unit)}
        created = datetime.combine(day - timedelta(days=rng.randint(20, 40)), time(9))
        visit = self.add(
            Visit, id=vid, unit_id=unit.id, year=year, seq=1, status="foranalys",
            template_version_id=template.version_id, created_at=created,
            created_by=owners["sol"].name if owners["sol"] else "demo", updated_at=created,
            preanalysis_notes=rng.choice(NOTES["preanalysis"]),
            key_facts=dumps({"platser": unit.places, "avvikelser": rng.randint(2, 60),
                             "klagomal": rng.randint(0, 8), "bemanning_dag": rng.randint(4, 14)}),
            visit_start=start if visited else None,
            visit_end=start + timedelta(hours=rng.choice((3, 4, 5))) if visited else None,
            method_notes=rng.choice(NOTES["method"]) if visited else "",
            irregularity_flag=False, irregularity_note="",
            factcheck_sent=sent if stage in ("rapport_utkast", "faststalld") else None,
            factcheck_reply_date=reply if stage == "faststalld" else None,
            factcheck_reply=rng.choice(FACTCHECK["reply"]) if stage == "faststalld" else "",
            factcheck_changes=rng.choice(FACTCHECK["changes"]) if stage == "faststalld" else "",
        )
        if rng.random() < 0.01 and stage == "faststalld":
            visit["irregularity_flag"] = True
            visit["irregularity_note"] = NOTES["irregularity"]
        previous = self.last_visit.get(unit.id)
        if previous is not None:
            self.previous_of[vid] = previous["id"]
        answered = {"foranalys": 0.0, "besok_genomfort": rng.uniform(0.3, 0.95)}.get(stage, 1.0)
        answers: dict[str, str] = {}
        for q in template.questions(unit.type_code):
            if q.part not in parts or rng.random() >= answered:
                continue
            answers[q.id] = self.answer(vid, q, q.id in weak, owners, created)
        self.documents(vid, template, unit, parts, day, stage)
        if visited:
            roles = {"enhetschef": 1, "personal": rng.randint(2, 5)}
            if "hsl" in parts:
                roles |= {"verksamhetschef_hsl": 1, "sjukskoterska": rng.randint(1, 2)}
                if unit.regiform_code != "egen_regi":
                    roles["mas_utforare"] = 1
            for role, count in roles.items():
                self.add(Participant, visit_id=vid, role=role, count=count)
        findings = self.findings(vid, template, answers, day, stage) if answered == 1.0 else []
        if previous is not None:
            for f in previous["deficiencies"]:
                if f["part"] not in parts:
                    continue
                now = next((answers.get(q) for q in f["question_ids"]), None)
                status = None if stage in ("foranalys", "besok_genomfort") else (
                    {"ej_uppfyllt": "ej_atgardad", "delvis": "delvis"}.get(now or "", "atgardad"))
                self.add(PreviousDeficiency, visit_id=vid, previous_finding_id=f["id"],
                         previous_visit_id=previous["id"], previous_year=previous["year"],
                         part=f["part"], text=f["text"], required_action=f["required_action"],
                         deadline=f["deadline"], question_ids=dumps(f["question_ids"]),
                         status=status,
                         comment=rng.choice(PREVIOUS_COMMENTS[status]) if status else "")
        finalized = {p for p in parts if stage == "faststalld"}
        if stage == "faststalld" and len(parts) == 2 and year == CURRENT_YEAR:
            finalized = {"sol"}  # the MAS has not finalized the health-care part yet
        part_rows = []
        for part in parts:
            owner = owners[part]
            summaries = {k: (rng.choice(SUMMARIES[k]) if answered == 1.0 else "")
                         for k in SUMMARIES if (k == "summary_halso_sjukvard") == (part == "hsl")}
            part_rows.append(self.add(
                VisitPart, visit_id=vid, part=part, owner=owner.name if owner else "",
                owner_role=owner.role if owner else "",
                owner_district=self.officers.districts[owner.district_id].name
                if owner and owner.district_id else "",
                status="faststalld" if part in finalized else "utkast", revision=1,
                finalized_at=datetime.combine(done, time(15)) if part in finalized else None,
                finalized_by=owner.name if owner and part in finalized else None,
                summary_individualisering=summaries.get("summary_individualisering", ""),
                summary_trygghet=summaries.get("summary_trygghet", ""),
                summary_inflytande=summaries.get("summary_inflytande", ""),
                summary_halso_sjukvard=summaries.get("summary_halso_sjukvard", "")))
            self.add(PartRevision, visit_id=vid, part=part, revision=1, reason="",
                     created_at=created, created_by=visit["created_by"],
                     finalized_at=datetime.combine(done, time(15)) if part in finalized
                     else None, finalized_by=owner.name if owner and part in finalized
                     else None, snapshot=None, sha256=None)
            if part in finalized:
                self.audit(vid, part, datetime.combine(done, time(15)), owner, "fastställd",
                           "revision 1")
        self.audit(vid, None, created, owners["sol"], "uppföljning startad",
                   f"{unit.id} {year} mall {template.definition.version}")
        visit["status"] = derived_status(_Obj(visit), [_Obj(p) for p in part_rows])
        if finalized and finalized != set(parts):
            self.half_done += [(vid, p) for p in finalized]
        elif finalized and owners["sol"] is not None:
            self.finalized.append((vid, year, owners["sol"].name))
        if finalized:
            self.last_visit[unit.id] = {"id": vid, "year": year, "deficiencies": [
                f for f in findings if f["part"] in finalized]}
        self.plan.append((unit.id, year, visit["status"]))

    def answer(self, vid: str, q: Any, weak: bool, owners: dict[str, Any], at: datetime) -> str:
        rng = self.rng
        odds = (0.35, 0.30, 0.35) if weak else (0.90, 0.06, 0.015)
        roll = rng.random()
        code = ("uppfyllt" if roll < odds[0] else "delvis" if roll < odds[0] + odds[1]
                else "ej_uppfyllt" if roll < sum(odds) else "ej_aktuellt")
        number = yesno = None
        if q.answer_kind == "number":
            number, code = float(rng.randint(60, 100) if q.number_unit == "%" else
                                 rng.randint(0, 25)), None
        elif q.answer_kind == "yesno":
            yesno, code = (code in ("uppfyllt", "delvis")), None
        comment = "" if code in (None, "uppfyllt") and yesno is not False else rng.choice(
            COMMENTS[code or "ej_uppfyllt"])
        owner = owners[q.part]
        self.add(Answer, visit_id=vid, question_id=q.id, part=q.part, answer=code, number=number,
                 yesno=yesno, comment=comment, evidence=rng.choice(_EVIDENCE),
                 updated_at=at, updated_by=owner.name if owner else "")
        return code or ("uppfyllt" if yesno or number is not None else "ej_uppfyllt")

    def documents(self, vid: str, template: PinnedTemplate, unit: Unit, parts: tuple[str, ...],
                  day: date, stage: str) -> None:
        seen: set[tuple[str, str]] = set()
        for q in template.questions(unit.type_code):
            for name in q.documents:
                if q.part not in parts or (q.part, name) in seen:
                    continue
                seen.add((q.part, name))
                got = self.rng.random() < (0.5 if stage == "foranalys" else 0.95)
                self.add(DocumentRequest, visit_id=vid, part=q.part, name=name,
                         question_ids=f'["{q.id}"]', received=got,
                         received_on=min(day, CURRENT_DAY) - timedelta(
                             days=self.rng.randint(3, 20)) if got else None,
                         sort_order=len(seen))

    def findings(self, vid: str, template: PinnedTemplate, answers: dict[str, str], day: date,
                 stage: str) -> list[dict[str, Any]]:
        """Insert the visit's findings; return its deficiencies (for the next visit)."""
        rng, made, deficiencies = self.rng, 0, []
        created = datetime.combine(day, time(16))
        for qid, code in answers.items():
            q = template.by_id[qid]
            if code != "ej_uppfyllt" and not (code == "delvis" and rng.random() < 0.4):
                continue
            brist = code == "ej_uppfyllt"
            remedy = rng.choice(("snarast", "nasta", "nasta", "overenskommen")) if brist else None
            self.finding_id += 1
            made += 1
            row = self.add(
                Finding, id=self.finding_id, visit_id=vid, part=q.part,
                kind="brist" if brist else "forbattring",
                text=f"{template.section_titles[q.section_id]}: {q.text}" if brist
                else rng.choice(IMPROVEMENTS), question_ids=dumps([qid]),
                required_action=rng.choice(ACTIONS) if brist else "",
                deadline=day + timedelta(days=rng.choice((30, 60, 90))) if brist else None,
                remedy=remedy, action_plan_received=day + timedelta(days=rng.randint(20, 40))
                if remedy == "snarast" and stage == "faststalld" else None,
                sort_order=made, created_at=created)
            if brist:
                deficiencies.append({**row, "question_ids": [qid]})
        for part in sorted({template.by_id[q].part for q in answers}):
            self.finding_id += 1
            made += 1
            self.add(Finding, id=self.finding_id, visit_id=vid, part=part, kind="styrka",
                     text=rng.choice(STRENGTHS[part]), question_ids="[]", required_action="",
                     deadline=None, remedy=None, action_plan_received=None, sort_order=made,
                     created_at=created)
        return deficiencies

    def audit(self, vid: str, part: str | None, at: datetime, who: Any, field: str,
              new: str) -> None:
        self.add(AuditEvent, visit_id=vid, part=part, at=at, who=who.name if who else "demo",
                 field=field, old=None, new=new)

    def flush(self) -> None:
        bulk_insert(self.session, self.rows, (
            Visit, VisitPart, PartRevision, Answer, Finding, PreviousDeficiency,
            DocumentRequest, Participant, AuditEvent))


class _Obj:
    """Attribute access to a row dict (for derived_status)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def add_demo_visits(session: Session, rng: random.Random, seed: int) -> None:
    """The demo extension: history and the current year's follow-ups."""
    ensure_shipped_templates(session)
    session.flush()
    rng = random.Random(f"visits-{seed}")
    builder = _Builder(session, rng)
    rules = _rules()
    units = list(session.scalars(select(Unit).order_by(Unit.id)))
    for year in HISTORY_YEARS:
        for unit in units:
            if _due(unit, year, rules):
                builder.visit(unit, year, "faststalld", _day(rng, year))
    for unit in units:
        due = _due(unit, CURRENT_YEAR, rules)
        # Care homes with deficiencies last time get an extra follow-up this year.
        extra = not due and unit.type_code in CARE_HOME_TYPES and len(
            builder.last_visit.get(unit.id, {}).get("deficiencies", ())) >= 2 \
            and rng.random() < 0.3
        if (due and rng.random() < 0.7) or extra:
            stage = rng.choices(STAGES, weights=(2, 3, 2, 3))[0]
            last = CURRENT_DAY if stage != "foranalys" else date(CURRENT_YEAR, 12, 15)
            day = _day(rng, CURRENT_YEAR, last) if stage != "foranalys" else \
                CURRENT_DAY + timedelta(days=rng.randint(3, 20))
            builder.visit(unit, CURRENT_YEAR, stage, day)
    freeze_in_memory(session, builder.rows, builder.previous_of, SNAPSHOT_YEARS)
    builder.flush()
    store_snapshots(session, builder.half_done)
    reopened_examples(session, rng, [v for v in builder.finalized if v[1] == 2025][:200:40])
    _tell_plan(session, builder.plan)


def _tell_plan(session: Session, plan: list[tuple[str, int, str]]) -> None:
    try:
        from app.services.plan_status import set_plan_status
    except ImportError:
        return
    for unit_id, year, status in plan:
        if year == CURRENT_YEAR:
            set_plan_status(session, unit_id, year, status)


DEMO_EXTENSIONS.append(add_demo_visits)
