"""The pure rule engine, year by year and over random registers."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.rhythm import (
    Rhythm,
    UnitFacts,
    default_rules,
    is_active_in,
    is_due,
    parse_rhythm,
    public_holidays,
    spread_dates,
    working_days,
)

TYPES = ("vob", "profilboende", "servicehus", "hemtjanst", "dagverksamhet")
YEARS = range(2015, 2041)


def test_shipped_defaults_follow_the_city_text() -> None:
    rules = default_rules()
    assert rules == {"vob": Rhythm.ODD, "profilboende": Rhythm.ODD,
                     "servicehus": Rhythm.ODD, "hemtjanst": Rhythm.EVEN,
                     "dagverksamhet": Rhythm.EVERY}


@pytest.mark.parametrize("type_code", TYPES)
def test_each_type_due_exactly_as_its_rule_over_many_years(type_code: str) -> None:
    rules = default_rules()
    due_years = [y for y in YEARS if is_due(UnitFacts(type_code), y, rules)]
    expected = {Rhythm.ODD: [y for y in YEARS if y % 2 == 1],
                Rhythm.EVEN: [y for y in YEARS if y % 2 == 0],
                Rhythm.EVERY: list(YEARS)}[rules[type_code]]
    assert due_years == expected


@pytest.mark.parametrize("parity,remainder", [("udda", 1), ("jamn", 0)])
@pytest.mark.parametrize("type_code", TYPES)
def test_own_parity_overrides_every_type_rule(type_code: str, parity: str,
                                              remainder: int) -> None:
    rules = default_rules()
    for year in YEARS:
        reason = is_due(UnitFacts(type_code, parity=parity), year, rules)
        assert (reason is not None) == (year % 2 == remainder)
        if reason is not None:
            assert reason.own_parity and "egen" in reason.label


def test_reason_names_the_rhythm() -> None:
    reason = is_due(UnitFacts("hemtjanst"), 2028, default_rules())
    assert reason is not None and reason.label == "Rytm: jämna år (typens rytm)"


def test_type_without_rule_is_never_due() -> None:
    assert all(is_due(UnitFacts("okand"), y, default_rules()) is None for y in YEARS)


def test_activity_bounds_are_inclusive_years() -> None:
    facts = UnitFacts("dagverksamhet", active_from=date(2023, 11, 1), active_to=date(2026, 2, 1))
    due = [y for y in YEARS if is_due(facts, y, default_rules())]
    assert due == [2023, 2024, 2025, 2026]


def test_parse_rhythm_accepts_swedish_spellings() -> None:
    assert parse_rhythm("Jämn") is Rhythm.EVEN
    assert parse_rhythm("UDDA") is Rhythm.ODD
    assert parse_rhythm("varje") is Rhythm.EVERY
    with pytest.raises(ValueError):
        parse_rhythm("ibland")


optional_dates = st.one_of(st.none(), st.dates(min_value=date(2010, 1, 1),
                                               max_value=date(2045, 12, 31)))
facts_strategy = st.builds(
    UnitFacts,
    type_code=st.sampled_from((*TYPES, "okand")),
    parity=st.sampled_from((None, "udda", "jamn")),
    active_from=optional_dates,
    active_to=optional_dates,
)
rules_strategy = st.dictionaries(st.sampled_from(TYPES), st.sampled_from(list(Rhythm)))
register_strategy = st.lists(facts_strategy, min_size=1, max_size=40)


@given(register=register_strategy, rules=rules_strategy,
       year=st.integers(min_value=2011, max_value=2044))
def test_unit_with_parity_is_due_in_exactly_one_of_two_consecutive_years(
        register: list[UnitFacts], rules: dict[str, Rhythm], year: int) -> None:
    for facts in register:
        if facts.parity is None:
            continue
        if not (is_active_in(facts.active_from, facts.active_to, year)
                and is_active_in(facts.active_from, facts.active_to, year + 1)):
            continue
        due = [is_due(facts, y, rules) is not None for y in (year, year + 1)]
        assert due.count(True) == 1


@given(register=register_strategy, rules=rules_strategy,
       year=st.integers(min_value=2008, max_value=2047))
def test_nothing_due_outside_its_active_dates(register: list[UnitFacts],
                                               rules: dict[str, Rhythm], year: int) -> None:
    for facts in register:
        if is_due(facts, year, rules) is not None:
            assert facts.active_from is None or facts.active_from <= date(year, 12, 31)
            assert facts.active_to is None or facts.active_to >= date(year, 1, 1)


@given(register=register_strategy, rules=rules_strategy,
       year=st.integers(min_value=2011, max_value=2044))
def test_due_exactly_when_rule_or_parity_matches(register: list[UnitFacts],
                                                  rules: dict[str, Rhythm], year: int) -> None:
    for facts in register:
        active = is_active_in(facts.active_from, facts.active_to, year)
        rhythm = facts.parity or rules.get(facts.type_code)
        expected = active and rhythm is not None and (
            rhythm == Rhythm.EVERY or (year % 2 == 1) == (rhythm == Rhythm.ODD))
        assert (is_due(facts, year, rules) is not None) == expected


def test_working_days_avoid_july_weekends_and_holidays() -> None:
    for year in (2026, 2027, 2028):
        days = working_days(year)
        assert days[0].month == 2 and days[-1].month == 11
        assert all(d.month not in (1, 7, 12) and d.weekday() < 5 for d in days)
        assert not set(days) & public_holidays(year)
    assert date(2027, 3, 26) in public_holidays(2027)  # långfredagen 2027
    assert date(2028, 6, 23) in public_holidays(2028)  # midsommarafton 2028


@given(count=st.integers(min_value=0, max_value=400), offset=st.integers(0, 50))
def test_spread_dates_are_deterministic_working_days(count: int, offset: int) -> None:
    dates = spread_dates(2027, count, offset)
    assert dates == spread_dates(2027, count, offset)
    assert len(dates) == count and dates == sorted(dates)
    assert set(dates) <= set(working_days(2027))
    if 0 < count <= len(working_days(2027)):
        assert len(set(dates)) == count
