"""Statistics on a small fixture counted by hand, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.models.central import CentralUnit
from app.services.central.ingest import ingest_share
from app.services.central.stats import (
    CITY,
    answer_stats,
    coverage,
    deficiency_stats,
    trend,
    units_behind,
)
from app.services.share.layout import Share
from app.services.share.signing import SigningKey
from tests.central.helpers import publish
from tests.central.small import small_set


@pytest.fixture
def loaded(central_engine: Engine, share: Share, key: SigningKey) -> Engine:
    for snap in small_set():
        publish(share, key, snap)
    assert ingest_share(central_engine, share).ok
    return central_engine


def _table(stats: Any) -> dict[tuple[str, str, str | None], tuple[int, int, int]]:
    return {(r.group, r.area_id, r.question_id): (r.uppfyllt, r.delvis, r.ej_uppfyllt)
            for r in [*stats.rows, *stats.city]}


def test_shares_by_district_per_area(loaded: Engine) -> None:
    with Session(loaded) as s:
        stats = answer_stats(s, [2023], "district")
    # Aby: F1 sol q1 U, q2 D, q3 E (q4 not applicable, left out); F1 hsl q5 U;
    # F2 q1 E, q2 U.  Bstad: F3 q1 U, q3 U (q4 not assessed, left out).
    assert _table(stats) == {
        ("Aby", "a1", None): (2, 1, 1), ("Aby", "a2", None): (0, 0, 1),
        ("Aby", "a3", None): (1, 0, 0),
        ("Bstad", "a1", None): (1, 0, 0), ("Bstad", "a2", None): (1, 0, 0),
        (CITY, "a1", None): (3, 1, 1), (CITY, "a2", None): (1, 0, 1),
        (CITY, "a3", None): (1, 0, 0),
    }
    a1 = next(r for r in stats.rows if (r.group, r.area_id) == ("Aby", "a1"))
    assert a1.shares == (50.0, 25.0, 25.0) and a1.followups == 2
    assert [r.area_id for r in stats.city] == ["a1", "a2", "a3"]
    assert stats.city[0].area_title == "Område a1" and stats.city[0].followups == 3


def test_drill_down_to_questions_and_units(loaded: Engine) -> None:
    with Session(loaded) as s:
        stats = answer_stats(s, [2023], "regiform", area="a1")
        units = units_behind(s, [2023], "regiform", "privat_regi", area="a1")
        one = units_behind(s, [2023], "district", "Aby", question="q1")
    assert _table(stats) == {
        ("egen_regi", "a1", "q1"): (1, 0, 0), ("egen_regi", "a1", "q2"): (0, 1, 0),
        ("privat_regi", "a1", "q1"): (1, 0, 1), ("privat_regi", "a1", "q2"): (1, 0, 0),
        (CITY, "a1", "q1"): (2, 0, 1), (CITY, "a1", "q2"): (1, 1, 0),
    }
    assert [(u.unit_name, u.uppfyllt, u.delvis, u.ej_uppfyllt) for u in units] == [
        ("Björkhagen", 1, 0, 1), ("Hemtjänst Cedern", 1, 0, 0)]
    assert sorted((u.followup_id, u.uppfyllt, u.ej_uppfyllt) for u in one) == [
        ("F1", 1, 0), ("F2", 0, 1)]


def test_other_breakdowns_and_year_spans(loaded: Engine) -> None:
    with Session(loaded) as s:
        region = answer_stats(s, [2022, 2023, 2024], "region")
        types = answer_stats(s, [2022], "unit-type")
        city_trend = trend(s, [2022, 2023, 2024], None)
        by_district = trend(s, [2022, 2023, 2024], "district", area="a1")
    table = _table(region)
    assert table[("Norr", "a1", None)] == (3, 1, 1)  # F1, F2 (2023), F5 (2024)
    assert table[("Syd", "a1", None)] == (1, 2, 0)  # F3 (2023), F4 (2022)
    assert _table(types) == {("hemtjanst", "a1", None): (0, 2, 0), (CITY, "a1", None): (0, 2, 0)}
    assert [(t.year, t.uppfyllt, t.delvis, t.ej_uppfyllt) for t in city_trend] == [
        (2022, 0, 2, 0), (2023, 5, 1, 2), (2024, 1, 0, 0)]
    assert [(t.group, t.year, t.total) for t in by_district] == [
        ("Aby", 2023, 4), ("Aby", 2024, 1), ("Bstad", 2022, 2), ("Bstad", 2023, 1)]


def test_deficiencies_open_and_past_deadline(loaded: Engine) -> None:
    with Session(loaded) as s:
        rows = deficiency_stats(s, [2023], "district", as_of=date(2024, 1, 1))
    # 101 remedied (F5 said åtgärdad), 102 open with a 2030 deadline,
    # 103 open (F5 said not remedied) and past its deadline.
    assert [(r.group, r.deficiencies, r.open, r.open_past_deadline) for r in rows] == [
        ("Aby", 3, 2, 1)]


def test_coverage_of_the_plan(loaded: Engine) -> None:
    with Session(loaded) as s, s.begin():
        s.add_all([
            CentralUnit(id="U1", name="Ekbacken", unit_type="vob", regiform="egen_regi",
                        district="Aby", region="Norr", parity=None),
            CentralUnit(id="U2", name="Björkhagen", unit_type="vob", regiform="privat_regi",
                        district="Aby", region="Norr", parity=None),
            CentralUnit(id="U4", name="Granen", unit_type="vob", regiform="egen_regi",
                        district="Bstad", region="Syd", parity=None),
            CentralUnit(id="U3", name="Hemtjänst Cedern", unit_type="hemtjanst",
                        regiform="privat_regi", district="Bstad", region="Syd", parity=None),
        ])
    with Session(loaded) as s:
        rows = coverage(s, 2023, "district")
    # 2023 is odd: care homes are due (U1, U2, U4); home care (U3) is not, so
    # its 2023 follow-up counts as extra.
    assert [(r.group, r.due, r.followed_up, r.extra) for r in rows] == [
        ("Aby", 2, 2, 0), ("Bstad", 1, 0, 1)]


def test_a_newer_revision_replaces_the_older_in_every_figure(
        loaded: Engine, share: Share, key: SigningKey) -> None:
    from tests.central.helpers import set_answer

    f2 = small_set()[2]
    revised = set_answer(f2, "q1", "uppfyllt")
    revised["findings"] = []
    publish(share, key, revised, revision=2)
    summary = ingest_share(loaded, share)
    assert len(summary.ingested) == 1 and len(summary.superseded) == 1
    with Session(loaded) as s:
        stats = answer_stats(s, [2023], "district")
        units = units_behind(s, [2023], "district", "Aby", area="a1")
        defs = deficiency_stats(s, [2023], "district", as_of=date(2024, 1, 1))
        years = trend(s, [2023], None)
    assert _table(stats)[("Aby", "a1", None)] == (3, 1, 0)
    assert _table(stats)[(CITY, "a1", None)] == (4, 1, 0)
    assert [(u.unit_name, u.uppfyllt, u.ej_uppfyllt) for u in units] == [
        ("Björkhagen", 2, 0), ("Ekbacken", 1, 0)]
    # F2's deficiency 103 went with its old revision; 101 and 102 remain.
    assert [(r.deficiencies, r.open, r.open_past_deadline) for r in defs] == [(2, 1, 0)]
    assert [(t.uppfyllt, t.delvis, t.ej_uppfyllt) for t in years] == [(6, 1, 1)]
