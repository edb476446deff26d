"""The year plan: rhythm rules in the database, materialised plan entries,
officer assignment, warnings and edits.

``build_year_plan`` is the one door: it adds the rhythm entries that are
missing for a year (with a suggested date and officers), removes untouched
entries whose unit is no longer due, and returns plain ``PlanRow``s. Every
edit function flushes at once; the caller's transaction commits.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.errors import Message, UserFacingError
from app.models import (
    Officer,
    PlanEntry,
    PlanKind,
    PlanStatus,
    Unit,
    UnitType,
)
from app.services.plan_assign import (
    AssignTask,
    OfficerLoad,
    PlanWarning,
    balance,
    capacity_warnings,
    officer_loads,
    row_warnings,
)
from app.services.rhythm import (
    Rhythm,
    UnitFacts,
    is_due,
    mas_weight,
    spread_dates,
    type_weights,
)
from app.services.rhythm_rules import ensure_rhythm_rules, rhythm_rules, set_rhythm_rule
from app.services.schedule_rows import (
    EXTRA_REASONS,
    STATUS_LABELS,
    PlanRow,
    RowContext,
    load_row_context,
    read_entries,
    read_rows,
)

__all__ = [
    "EXTRA_REASONS", "STATUS_LABELS", "PlanRow", "PlanWarning", "OfficerLoad",
    "add_extra_followup", "apply_suggestions", "build_year_plan", "ensure_rhythm_rules",
    "plan_row", "plan_warnings", "remove_extra_followup", "rhythm_rules", "set_entry_status",
    "set_officer", "set_planned_date", "set_rhythm_rule", "year_loads",
]

# --- building the plan -----------------------------------------------------

def _due_units(ctx: RowContext, year: int, rules: dict[str, Rhythm]) -> dict[str, str]:
    """unit id -> reason text for every unit due by the rhythm in ``year``."""
    due: dict[str, str] = {}
    # Units without activity dates share the answer of their (type, parity).
    by_kind: dict[tuple[str, str | None], str | None] = {}
    for unit in ctx.units.values():
        if unit.active_from is None and unit.active_to is None:
            key = (unit.type_code, unit.parity)
            if key not in by_kind:
                reason = is_due(UnitFacts(unit.type_code, unit.parity), year, rules)
                by_kind[key] = reason.label if reason else None
            label = by_kind[key]
        else:
            reason = is_due(UnitFacts(unit.type_code, unit.parity, unit.active_from,
                                      unit.active_to), year, rules)
            label = reason.label if reason else None
        if label is not None:
            due[unit.id] = label
    return due


def _suggest(ctx: RowContext, year: int, new_units: list[str],
             existing: list[tuple[int | None, int | None, str]]) -> list[dict[str, object]]:
    """Rows to insert for ``new_units``: suggested officers and dates, given
    the loads of ``existing`` (sol id, hsl id, unit id) entries."""
    weights, hsl_weight = type_weights(), mas_weight()
    sol_load: dict[int, int] = {}
    hsl_load: dict[int, int] = {}
    for sol_id, hsl_id, unit_id in existing:
        unit = ctx.units[unit_id]
        if sol_id is not None:
            sol_load[sol_id] = sol_load.get(sol_id, 0) + weights.get(unit.type_code, 1)
        if hsl_id is not None:
            hsl_load[hsl_id] = hsl_load.get(hsl_id, 0) + hsl_weight
    sol_tasks, hsl_tasks = [], []
    for index, unit_id in enumerate(new_units):
        unit = ctx.units[unit_id]
        district = ctx.responsible(unit.followup_district_id, year)
        region = ctx.districts[district].region_id if district in ctx.districts else None
        order = (ctx.type_order.get(unit.type_code, 99), unit.name)
        sol_tasks.append(AssignTask(index, district, region,
                                    weights.get(unit.type_code, 1), order))
        if unit.type_code in ctx.care_home_types:
            hsl_tasks.append(AssignTask(index, district, region, hsl_weight, order))
    officers = list(ctx.officers.values())
    sol = balance(sol_tasks, "verksamhetsuppfoljare", officers, sol_load)
    hsl = balance(hsl_tasks, "mas", officers, hsl_load)
    # Dates: spread each district's new visits over the year, in officer order
    # so one officer's visits are spaced out, shifted per district.
    by_district: dict[int | None, list[int]] = {}
    for task in sol_tasks:
        by_district.setdefault(task.district_id, []).append(task.key)
    dates: dict[int, date] = {}
    for district_id, keys in by_district.items():
        # By officer then unit name (not type), so types mix over the year.
        keys.sort(key=lambda k: (sol[k] or 0, sol_tasks[k].order[-1], k))
        spread = spread_dates(year, len(keys), offset=(district_id or 0) * 2)
        # Interleave officers: sort dates per officer position round-robin.
        for key, day in zip(_interleave(keys, sol), spread, strict=True):
            dates[key] = day
    kind, status = PlanKind.RHYTHM.value, PlanStatus.PLANNED.value
    return [{"unit_id": unit_id, "year": year, "kind": kind,
             "extra_reason": None, "extra_text": "", "planned_date": dates[index],
             "sol_officer_id": sol.get(index), "hsl_officer_id": hsl.get(index),
             "status": status}
            for index, unit_id in enumerate(new_units)]


def _interleave(keys: list[int], officer_of: dict[int, int | None]) -> list[int]:
    """Order keys so consecutive dates go to different officers in turn."""
    queues: dict[int | None, list[int]] = {}
    for key in keys:
        queues.setdefault(officer_of.get(key), []).append(key)
    ordered: list[int] = []
    lists = list(queues.values())
    position = 0
    while len(ordered) < len(keys):
        for queue in lists:
            if position < len(queue):
                ordered.append(queue[position])
        position += 1
    return ordered


def _insert_new(session: Session, rows: list[dict[str, object]]) -> None:
    """Insert rhythm entries, skipping any another process added meanwhile
    (the GUI and the CLI may build the same year at once).

    Core executemany: the ORM bulk path batches for RETURNING, far slower.
    """
    table = PlanEntry.__table__
    dialect = session.get_bind().dialect.name
    statement: Any
    if dialect == "sqlite":
        statement = sqlite_insert(table).on_conflict_do_nothing(
            index_elements=["unit_id", "year", "kind"])
    elif dialect == "postgresql":
        statement = postgresql_insert(table).on_conflict_do_nothing(
            index_elements=["unit_id", "year", "kind"])
    else:
        statement = insert(table)
    session.connection().execute(statement, rows)


def build_year_plan(session: Session, year: int, district: str | None = None) -> list[PlanRow]:
    """The plan for ``year`` (optionally one responsible district, by name).

    Idempotent: missing rhythm entries are added with suggested dates and
    officers; rhythm entries whose unit is no longer due are removed while
    still untouched ("planerad"); every other stored edit is kept.
    """
    ctx = load_row_context(session)
    if district is not None and district not in ctx.district_ids_by_name:
        raise UserFacingError(Message("Okänd stadsdel {district!r}.", district=district))
    due = _due_units(ctx, year, rhythm_rules(session))
    entries = read_entries(session, year)
    rhythm_kind = PlanKind.RHYTHM.value
    stored = [e for e in entries if e.kind == rhythm_kind]
    have = {row.unit_id for row in stored}
    stale = [row.id for row in stored
             if row.unit_id not in due and row.status == PlanStatus.PLANNED.value]
    if stale:
        session.execute(delete(PlanEntry).where(PlanEntry.id.in_(stale)))
    new_units = sorted((u for u in due if u not in have),
                       key=lambda u: (ctx.units[u].name, u))
    if new_units:
        dropped = set(stale)
        existing = [(r.sol_officer_id, r.hsl_officer_id, r.unit_id)
                    for r in stored if r.id not in dropped]
        _insert_new(session, _suggest(ctx, year, new_units, existing))
    if stale or new_units:
        session.flush()
        entries = read_entries(session, year)
    return read_rows(session, ctx, year, due, district=district, entries=entries)


# --- warnings and loads --------------------------------------------------------

def year_loads(session: Session, year: int) -> list[OfficerLoad]:
    """Weighted load per officer over every entry of ``year`` (all districts)."""
    weights, hsl_weight = type_weights(), mas_weight()
    ctx = load_row_context(session)
    pairs: list[tuple[int | None, int]] = []
    for unit_id, sol_id, hsl_id in session.execute(
            select(PlanEntry.unit_id, PlanEntry.sol_officer_id, PlanEntry.hsl_officer_id)
            .where(PlanEntry.year == year)):
        pairs.append((sol_id, weights.get(ctx.units[unit_id].type_code, 1)))
        if hsl_id is not None:
            pairs.append((hsl_id, hsl_weight))
    return officer_loads(pairs, list(ctx.officers.values()))


def plan_warnings(session: Session, rows: list[PlanRow], *,
                  today: date | None = None) -> list[PlanWarning]:
    """Everything that needs attention in ``rows``: unassigned, undated,
    overdue and no-longer-due entries, and their officers over capacity
    (counting the officers' whole year, across districts)."""
    today = today or date.today()
    found: list[PlanWarning] = []
    for r in rows:
        found += row_warnings(entry_id=r.entry_id, unit_id=r.unit_id, unit_name=r.unit_name,
                              needs_mas=r.needs_mas, sol_officer_id=r.sol_officer_id,
                              hsl_officer_id=r.hsl_officer_id, planned_date=r.planned_date,
                              status=r.status, in_rhythm=r.in_rhythm,
                              is_extra=r.reason == PlanKind.EXTRA.value, today=today)
    if rows:
        involved = {r.sol_officer_id for r in rows} | {r.hsl_officer_id for r in rows}
        loads = [x for x in year_loads(session, rows[0].year) if x.officer.id in involved]
        found += capacity_warnings(loads)
    return found


# --- edits (each flushes at once) ---------------------------------------------

def _entry(session: Session, entry_id: int) -> PlanEntry:
    entry = session.get(PlanEntry, entry_id)
    if entry is None:
        raise UserFacingError(Message("Planposten {entry_id} finns inte (längre).", entry_id=entry_id))
    return entry


def plan_row(session: Session, entry_id: int) -> PlanRow:
    """One entry's current row (after an edit)."""
    entry = _entry(session, entry_id)
    ctx = load_row_context(session)
    due = _due_units(ctx, entry.year, rhythm_rules(session))
    return read_rows(session, ctx, entry.year, due, entry_ids=[entry_id])[0]


def set_planned_date(session: Session, entry_id: int, day: date | None) -> None:
    entry = _entry(session, entry_id)
    if day is not None and day.year != entry.year:
        raise UserFacingError(Message(
            "Datumet {day} ligger inte i planåret {year}.", day=day.isoformat(), year=entry.year))
    entry.planned_date = day
    session.flush()


def set_officer(session: Session, entry_id: int, role: str, officer_id: int | None) -> None:
    """Assign (or with None clear) the care ("verksamhetsuppfoljare") or
    health-care ("mas") officer of an entry."""
    entry = _entry(session, entry_id)
    if officer_id is not None:
        officer = session.get(Officer, officer_id)
        if officer is None or officer.role != role:
            raise UserFacingError("Handläggaren finns inte eller har en annan roll.")
    if role == "mas":
        unit_type = session.get(UnitType, entry.unit.type_code)
        if officer_id is not None and not (unit_type and unit_type.is_care_home):
            raise UserFacingError("MAS följer bara upp vård- och omsorgsboenden.")
        entry.hsl_officer_id = officer_id
    elif role == "verksamhetsuppfoljare":
        entry.sol_officer_id = officer_id
    else:
        raise UserFacingError(Message("Okänd roll {role!r}.", role=role))
    session.flush()


def apply_suggestions(session: Session, year: int, district: str | None = None) -> int:
    """Fill every empty officer slot of ``year`` with the balanced suggestion
    (keeping every assignment already made). Returns the slots filled."""
    return _fill_slots(session, year, build_year_plan(session, year, district))


def _fill_slots(session: Session, year: int, rows: list[PlanRow]) -> int:
    ctx = load_row_context(session)
    weights, hsl_weight = type_weights(), mas_weight()
    sol_load: dict[int, int] = {}
    hsl_load: dict[int, int] = {}
    for item in year_loads(session, year):
        (hsl_load if item.officer.role == "mas" else sol_load)[item.officer.id] = item.load
    sol_tasks, hsl_tasks = [], []
    for r in rows:
        region = ctx.districts[r.district_id].region_id if r.district_id in ctx.districts else None
        order = (ctx.type_order.get(r.unit_type, 99), r.unit_name)
        if r.sol_officer_id is None:
            sol_tasks.append(AssignTask(r.entry_id, r.district_id, region,
                                        weights.get(r.unit_type, 1), order))
        if r.needs_mas and r.hsl_officer_id is None:
            hsl_tasks.append(AssignTask(r.entry_id, r.district_id, region, hsl_weight, order))
    officers = list(ctx.officers.values())
    filled = 0
    for tasks, role, load in ((sol_tasks, "verksamhetsuppfoljare", sol_load),
                              (hsl_tasks, "mas", hsl_load)):
        for entry_id, officer_id in balance(tasks, role, officers, load).items():
            if officer_id is not None:
                set_officer(session, entry_id, role, officer_id)
                filled += 1
    return filled


def add_extra_followup(session: Session, unit_id: str, year: int, reason: str,
                       text: str = "", planned_date: date | None = None) -> int:
    """Add a follow-up outside the rhythm; returns the new entry's id."""
    if session.get(Unit, unit_id) is None:
        raise UserFacingError(Message("Enheten {unit_id} finns inte i registret.", unit_id=unit_id))
    if reason not in EXTRA_REASONS:
        raise UserFacingError(Message(
            "Okänt skäl {reason!r}; välj ett av: {choices}.",
            reason=reason, choices=", ".join(EXTRA_REASONS)))
    if planned_date is not None and planned_date.year != year:
        raise UserFacingError(Message(
            "Datumet {planned_date} ligger inte i år {year}.",
            planned_date=planned_date.isoformat(), year=year))
    exists = session.scalar(select(PlanEntry.id).where(
        PlanEntry.unit_id == unit_id, PlanEntry.year == year,
        PlanEntry.kind == PlanKind.EXTRA.value))
    if exists is not None:
        raise UserFacingError(Message(
            "Enheten {unit_id} har redan en extra uppföljning {year}.", unit_id=unit_id, year=year))
    entry = PlanEntry(unit_id=unit_id, year=year, kind=PlanKind.EXTRA.value, extra_reason=reason,
                      extra_text=text.strip()[:500], planned_date=planned_date,
                      status=PlanStatus.PLANNED.value)
    session.add(entry)
    session.flush()
    # Suggest officers at once, like for rhythm entries; the user can change them.
    _fill_slots(session, year, [plan_row(session, entry.id)])
    return entry.id


def remove_extra_followup(session: Session, entry_id: int) -> None:
    entry = _entry(session, entry_id)
    if entry.kind != PlanKind.EXTRA.value:
        raise UserFacingError("Bara extra uppföljningar kan tas bort ur planen.")
    session.delete(entry)
    session.flush()


def set_entry_status(session: Session, entry_id: int, status: str) -> None:
    if status not in STATUS_LABELS:
        raise UserFacingError(Message("Okänd status {status!r}.", status=status))
    _entry(session, entry_id).status = status
    session.flush()
