"""The plans for the demo database in 2027 (care homes) and 2028 (home care)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import District, Officer, Unit
from app.services.rhythm import UnitFacts, default_rules, is_due, working_days
from app.services.schedule import build_year_plan, plan_warnings, year_loads

CARE_HOMES = {"vob", "profilboende", "servicehus"}


@pytest.mark.parametrize("year", [2027, 2028])
def test_demo_plan_matches_the_rules_unit_by_unit(demo_sessions: sessionmaker[Session],
                                                  year: int) -> None:
    with demo_sessions() as session, session.begin():
        rows = build_year_plan(session, year)
        units = {u.id: u for u in session.scalars(select(Unit))}
        districts = {d.id: d for d in session.scalars(select(District))}
        officers = {o.id: o for o in session.scalars(select(Officer))}
    expected = {u.id for u in units.values()
                if is_due(UnitFacts(u.type_code, u.parity, u.active_from, u.active_to),
                          year, default_rules())}
    assert [r.unit_id for r in rows if r.reason == "rytm"] and \
        {r.unit_id for r in rows} == expected
    assert len(rows) == len(expected)  # one entry per due unit
    types = Counter(r.unit_type for r in rows)
    if year == 2027:
        assert types["vob"] == 144 and types["profilboende"] == 24 and types["servicehus"] == 11
        assert types["hemtjanst"] == 0
    else:
        assert types["hemtjanst"] == 176 and not CARE_HOMES & set(types)
    # Day care: every year, except the few units with their own parity.
    own = [u for u in units.values() if u.type_code == "dagverksamhet" and u.parity]
    assert own, "the demo gives some day-care units their own parity"
    for unit in own:
        assert (unit.id in expected) == ((year % 2 == 1) == (unit.parity == "udda"))
    days = set(working_days(year))
    for r in rows:
        unit = units[r.unit_id]
        assert r.district == districts[unit.followup_district_id].name
        assert r.planned_date in days
        sol = officers[r.sol_officer_id]  # type: ignore[index]
        assert sol.role == "verksamhetsuppfoljare" and sol.district_id == unit.followup_district_id
        if r.unit_type in CARE_HOMES:
            mas = officers[r.hsl_officer_id]  # type: ignore[index]
            assert mas.role == "mas"
            assert districts[mas.district_id].region_id == \
                districts[unit.followup_district_id].region_id  # type: ignore[index]
        else:
            assert r.hsl_officer_id is None
        assert r.status == "planerad"


def test_demo_plan_is_stable_and_balanced(demo_sessions: sessionmaker[Session]) -> None:
    with demo_sessions() as session, session.begin():
        first = build_year_plan(session, 2027)
    with demo_sessions() as session, session.begin():
        second = build_year_plan(session, 2027)
        loads = year_loads(session, 2027)
        warnings = plan_warnings(session, second, today=date(2027, 1, 15))
    assert first == second
    # Within a district with two officers, loads differ by at most one care home.
    by_district: dict[tuple[int | None, str], list[int]] = {}
    for item in loads:
        key = (item.officer.district_id, item.officer.role)
        by_district.setdefault(key, []).append(item.load)
    pairs = [v for v in by_district.values() if len(v) == 2]
    assert pairs and all(max(v) - min(v) <= 2 for v in pairs)
    # Every warning on a fresh demo plan is about capacity: all is assigned and dated.
    assert {w.kind for w in warnings} <= {"over_kapacitet"}


def test_district_filter_returns_that_districts_part(demo_sessions: sessionmaker[Session]
                                                     ) -> None:
    with demo_sessions() as session, session.begin():
        everything = build_year_plan(session, 2028)
        bromma = build_year_plan(session, 2028, "Bromma")
    assert bromma and {r.district for r in bromma} == {"Bromma"}
    assert [r for r in everything if r.district == "Bromma"] == bromma
