"""Many plan entries marked at once, as a sync marks follow-ups "synkad"."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserFacingError
from app.models import PlanEntry
from app.services.plan_status import set_plan_status, set_plan_statuses
from app.services.schedule import (
    add_extra_followup,
    build_year_plan,
)
from tests.schedule.helpers import add_unit


def _statuses(session: Session, year: int) -> dict[tuple[str, str], str]:
    return {(e.unit_id, e.kind): e.status for e in session.scalars(
        select(PlanEntry).where(PlanEntry.year == year))}


def test_batch_marks_the_same_entries_as_one_by_one(session: Session) -> None:
    for unit_id, kind in (("V1", "vob"), ("V2", "vob"), ("V3", "vob"), ("H1", "hemtjanst")):
        add_unit(session, unit_id, kind)
    build_year_plan(session, 2027)
    # V2's rhythm follow-up is done and a re-check is open: the re-check is marked.
    set_plan_status(session, "V2", 2027, "faststalld")
    add_extra_followup(session, "V2", 2027, "aterkontroll")
    before = _statuses(session, 2027)

    failed = set_plan_statuses(
        session, [("V1", 2027), ("V2", 2027), ("H1", 2027), ("V1", 2027)], "synkad")

    assert failed == {}
    after = _statuses(session, 2027)
    assert after[("V1", "rytm")] == "synkad"
    assert after[("V2", "rytm")] == "faststalld" and after[("V2", "extra")] == "synkad"
    # H1 (home care, not due in an odd year) had no entry: it gets an extra one.
    assert ("H1", "rytm") not in after and after[("H1", "extra")] == "synkad"
    # V3 was not asked for and is untouched.
    assert after[("V3", "rytm")] == before[("V3", "rytm")]


def test_a_unit_that_cannot_be_marked_is_returned_and_the_rest_are_set(
        session: Session) -> None:
    add_unit(session, "V1", "vob")
    build_year_plan(session, 2027)
    failed = set_plan_statuses(session, [("V1", 2027), ("FINNS-EJ", 2027)], "synkad")
    assert list(failed) == [("FINNS-EJ", 2027)]
    assert isinstance(failed[("FINNS-EJ", 2027)], UserFacingError)
    assert _statuses(session, 2027)[("V1", "rytm")] == "synkad"


def test_an_unknown_status_changes_nothing(session: Session) -> None:
    add_unit(session, "V1", "vob")
    build_year_plan(session, 2027)
    before = _statuses(session, 2027)
    with pytest.raises(UserFacingError):
        set_plan_statuses(session, [("V1", 2027)], "klar")
    assert _statuses(session, 2027) == before
    assert set_plan_statuses(session, [], "synkad") == {}


def test_a_year_without_a_plan_gets_one_built_once(session: Session) -> None:
    add_unit(session, "V1", "vob")
    add_unit(session, "V2", "vob")
    add_unit(session, "H1", "hemtjanst")
    # No plan for 2029 yet: due units get their rhythm entry, the rest an extra one.
    assert set_plan_statuses(session, [("V1", 2029), ("V2", 2029), ("H1", 2029)],
                             "synkad") == {}
    assert _statuses(session, 2029) == {
        ("V1", "rytm"): "synkad", ("V2", "rytm"): "synkad", ("H1", "extra"): "synkad"}
