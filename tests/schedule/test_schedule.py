"""Building, assigning, editing and warning over stored year plans."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import UserFacingError
from app.models import PlanEntry
from app.services.plan_status import set_plan_status
from app.services.schedule import (
    add_extra_followup,
    apply_suggestions,
    build_year_plan,
    plan_row,
    plan_warnings,
    remove_extra_followup,
    rhythm_rules,
    set_officer,
    set_planned_date,
    set_rhythm_rule,
    year_loads,
)
from tests.schedule.helpers import add_officer, add_unit


def _kinds(warnings: list) -> set[str]:  # type: ignore[type-arg]
    return {w.kind for w in warnings}


def test_rules_are_loaded_from_the_shipped_file_and_editable(session: Session) -> None:
    assert rhythm_rules(session)["dagverksamhet"] == "varje"
    set_rhythm_rule(session, "dagverksamhet", "jämn")
    assert rhythm_rules(session)["dagverksamhet"] == "jamn"
    with pytest.raises(UserFacingError):
        set_rhythm_rule(session, "okand", "udda")
    with pytest.raises(UserFacingError):
        set_rhythm_rule(session, "vob", "ibland")


def test_plan_holds_exactly_the_due_and_active_units(session: Session) -> None:
    add_unit(session, "V1", "vob")
    add_unit(session, "H1", "hemtjanst")
    add_unit(session, "D1", "dagverksamhet")
    add_unit(session, "D2", "dagverksamhet", parity="jamn")
    add_unit(session, "V2", "vob", active_from=date(2028, 3, 1))
    add_unit(session, "V3", "vob", active_to=date(2026, 6, 30))
    ids = {r.unit_id for r in build_year_plan(session, 2027)}
    assert ids == {"V1", "D1"}
    assert {r.unit_id for r in build_year_plan(session, 2028)} == {"H1", "D1", "D2"}
    assert {r.unit_id for r in build_year_plan(session, 2029)} == {"V1", "V2", "D1"}


def test_build_is_idempotent_and_keeps_edits(session: Session) -> None:
    add_unit(session, "V1", "vob")
    vu = add_officer(session, "Vera", "verksamhetsuppfoljare")
    other = add_officer(session, "Olle", "verksamhetsuppfoljare")
    first = build_year_plan(session, 2027)
    assert len(first) == 1 and first[0].status == "planerad"
    assert first[0].sol_officer_id in {vu.id, other.id}
    set_planned_date(session, first[0].entry_id, date(2027, 5, 12))
    set_officer(session, first[0].entry_id, "verksamhetsuppfoljare", other.id)
    again = build_year_plan(session, 2027)
    assert [r.entry_id for r in again] == [first[0].entry_id]
    assert again[0].planned_date == date(2027, 5, 12) and again[0].sol_officer == "Olle"
    assert session.scalar(select(func.count()).select_from(PlanEntry)) == 1


def test_rule_change_drops_untouched_entries_and_flags_worked_ones(session: Session) -> None:
    add_unit(session, "D1", "dagverksamhet")
    add_unit(session, "D2", "dagverksamhet")
    rows = build_year_plan(session, 2028)
    set_plan_status(session, "D2", 2028, "foranalys")
    set_rhythm_rule(session, "dagverksamhet", "udda")
    rows = build_year_plan(session, 2028)
    assert [(r.unit_id, r.in_rhythm) for r in rows] == [("D2", False)]
    assert "utanfor_rytm" in _kinds(plan_warnings(session, rows, today=date(2028, 1, 1)))


def test_extra_followup_sits_beside_the_rhythm_one(session: Session) -> None:
    add_unit(session, "V1", "vob")
    vu = add_officer(session, "Vera", "verksamhetsuppfoljare")
    mas = add_officer(session, "Maja", "mas")
    entry_id = add_extra_followup(session, "V1", 2027, "klagomal", "Anhörig klagar")
    suggested = plan_row(session, entry_id)
    assert (suggested.sol_officer_id, suggested.hsl_officer_id) == (vu.id, mas.id)
    rows = build_year_plan(session, 2027)
    assert sorted(r.reason for r in rows) == ["extra", "rytm"]
    extra = next(r for r in rows if r.reason == "extra")
    assert extra.reason_text == "Extra: Klagomål – Anhörig klagar"
    assert "inget_datum" in _kinds(plan_warnings(session, [extra]))
    with pytest.raises(UserFacingError):
        add_extra_followup(session, "V1", 2027, "klagomal")
    with pytest.raises(UserFacingError):
        add_extra_followup(session, "V1", 2027, "ingen_anledning")
    remove_extra_followup(session, entry_id)
    assert [r.reason for r in build_year_plan(session, 2027)] == ["rytm"]
    rhythm_id = build_year_plan(session, 2027)[0].entry_id
    with pytest.raises(UserFacingError):
        remove_extra_followup(session, rhythm_id)


def test_set_plan_status_finds_or_creates_the_entry(session: Session) -> None:
    add_unit(session, "V1", "vob")
    add_unit(session, "H1", "hemtjanst")
    build_year_plan(session, 2027)
    entry_id = set_plan_status(session, "V1", 2027, "besok_genomfort",
                               visit_date=date(2027, 4, 7))
    assert plan_row(session, entry_id).status_label == "Besök genomfört"
    assert plan_row(session, entry_id).planned_date == date(2027, 4, 7)
    # The rhythm one is done, so the extra re-check receives the next status.
    extra_id = add_extra_followup(session, "V1", 2027, "aterkontroll")
    assert set_plan_status(session, "V1", 2027, "rapport_utkast") == entry_id
    set_plan_status(session, "V1", 2027, "faststalld")
    assert set_plan_status(session, "V1", 2027, "foranalys") == extra_id
    # A unit not due this year gets an extra entry rather than an error.
    outside = set_plan_status(session, "H1", 2027, "foranalys")
    row = plan_row(session, outside)
    assert row.reason == "extra" and row.extra_reason == "annat"
    # A due unit without a stored entry gets its rhythm entry.
    add_unit(session, "V9", "vob")
    assert plan_row(session, set_plan_status(session, "V9", 2027, "synkad")).reason == "rytm"
    with pytest.raises(UserFacingError):
        set_plan_status(session, "V1", 2027, "klar")


def test_assignment_balances_weighted_load_within_the_district(session: Session) -> None:
    a = add_officer(session, "A", "verksamhetsuppfoljare")
    b = add_officer(session, "B", "verksamhetsuppfoljare")
    add_officer(session, "C", "verksamhetsuppfoljare", district="Farsta")
    for index in range(4):
        add_unit(session, f"D{index}", "dagverksamhet")
    add_unit(session, "V1", "vob")
    add_unit(session, "V2", "vob")
    rows = build_year_plan(session, 2027)
    assert {r.sol_officer for r in rows} == {"A", "B"}
    loads = {x.officer.id: x.load for x in year_loads(session, 2027)}
    assert loads[a.id] == loads[b.id] == 4  # one care home (2) + two day-care units (1+1)


def test_mas_only_for_care_homes_and_from_the_region_when_district_has_none(
        session: Session) -> None:
    add_officer(session, "VU", "verksamhetsuppfoljare", district="Skarpnäck")
    near = add_officer(session, "MAS Farsta", "mas", district="Farsta")  # Östra söderort
    add_officer(session, "MAS Bromma", "mas", district="Bromma")  # Västerort
    add_unit(session, "V1", "vob", district="Skarpnäck")
    add_unit(session, "D1", "dagverksamhet", district="Skarpnäck")
    rows = {r.unit_id: r for r in build_year_plan(session, 2027)}
    assert rows["V1"].hsl_officer_id == near.id and rows["V1"].needs_mas
    assert rows["D1"].hsl_officer_id is None and not rows["D1"].needs_mas
    with pytest.raises(UserFacingError):
        set_officer(session, rows["D1"].entry_id, "mas", near.id)
    with pytest.raises(UserFacingError):
        set_officer(session, rows["V1"].entry_id, "verksamhetsuppfoljare", near.id)


def test_outside_city_and_merged_districts_use_the_responsible_district(
        session: Session) -> None:
    add_unit(session, "P1", "vob", district="Norrmalm", regiform="privat_regi",
             outside_city=True)
    add_unit(session, "A1", "vob", district="Älvsjö")
    rows = {r.unit_id: r for r in build_year_plan(session, 2027)}
    assert rows["P1"].district == "Norrmalm" and rows["P1"].outside_city
    assert rows["A1"].district == "Hägersten-Älvsjö"
    assert [r.unit_id for r in build_year_plan(session, 2027, "Norrmalm")] == ["P1"]
    with pytest.raises(UserFacingError):
        build_year_plan(session, 2027, "Atlantis")


def test_warnings_cover_unassigned_undated_overdue_and_capacity(session: Session) -> None:
    busy = add_officer(session, "Busy", "verksamhetsuppfoljare", capacity=1)
    add_unit(session, "V1", "vob")  # weight 2 > capacity 1
    add_unit(session, "N1", "vob", district="Farsta")  # Farsta has no officers at all
    rows = {r.unit_id: r for r in build_year_plan(session, 2027)}
    set_planned_date(session, rows["V1"].entry_id, date(2027, 3, 1))
    rows_list = build_year_plan(session, 2027)
    found = plan_warnings(session, rows_list, today=date(2027, 4, 1))
    by_kind = {(w.kind, w.unit_id or w.officer_id) for w in found}
    assert ("ej_tilldelad", "N1") in by_kind and ("ingen_mas", "N1") in by_kind
    assert ("datum_passerat", "V1") in by_kind
    assert ("over_kapacitet", busy.id) in by_kind
    set_plan_status(session, "V1", 2027, "besok_genomfort")
    later = plan_warnings(session, build_year_plan(session, 2027), today=date(2027, 4, 1))
    assert ("datum_passerat", "V1") not in {(w.kind, w.unit_id) for w in later}
    set_planned_date(session, rows["N1"].entry_id, None)
    assert "inget_datum" in _kinds(plan_warnings(session, build_year_plan(session, 2027)))
    with pytest.raises(UserFacingError):
        set_planned_date(session, rows["N1"].entry_id, date(2030, 1, 2))


def test_apply_suggestions_fills_only_empty_slots(session: Session) -> None:
    add_unit(session, "V1", "vob")
    add_unit(session, "V2", "vob")
    rows = build_year_plan(session, 2027)
    assert all(r.sol_officer_id is None for r in rows)  # nobody to assign yet
    first = add_officer(session, "Först", "verksamhetsuppfoljare")
    add_officer(session, "Sedan", "verksamhetsuppfoljare")
    set_officer(session, rows[0].entry_id, "verksamhetsuppfoljare", first.id)
    assert apply_suggestions(session, 2027) == 1
    after = {r.entry_id: r.sol_officer for r in build_year_plan(session, 2027)}
    assert after[rows[0].entry_id] == "Först"  # the manual choice is kept
    assert after[rows[1].entry_id] == "Sedan"  # the free slot goes to the idle officer
