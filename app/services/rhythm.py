"""The rhythm rules as a pure engine: which units are due in which year.

No database here, so property tests can drive it over many random registers.
The shipped defaults come from ``app/data/rhythm.yaml``; the rules in force
are stored in the database and passed in as a plain mapping.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

import yaml

RHYTHM_FILE = Path(__file__).resolve().parent.parent / "data" / "rhythm.yaml"


class Rhythm(StrEnum):
    ODD = "udda"
    EVEN = "jamn"
    EVERY = "varje"


RHYTHM_LABELS = {Rhythm.ODD: "udda år", Rhythm.EVEN: "jämna år", Rhythm.EVERY: "varje år"}


@dataclass(frozen=True, slots=True)
class UnitFacts:
    """What the rules need to know about a unit."""

    type_code: str
    parity: str | None = None
    active_from: date | None = None
    active_to: date | None = None


@dataclass(frozen=True, slots=True)
class DueReason:
    """Why a unit is due: which rhythm, and whether it is the unit's own."""

    rhythm: Rhythm
    own_parity: bool

    @property
    def label(self) -> str:
        source = "enhetens egen rytm" if self.own_parity else "typens rytm"
        return f"Rytm: {RHYTHM_LABELS[self.rhythm]} ({source})"


@cache
def rhythm_document() -> dict[str, Any]:
    with open(RHYTHM_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def default_rules() -> dict[str, Rhythm]:
    return {code: Rhythm(value) for code, value in rhythm_document()["rules"].items()}


def type_weights() -> dict[str, int]:
    return {code: int(value) for code, value in rhythm_document()["weights"].items()}


def mas_weight() -> int:
    return int(rhythm_document().get("mas_weight", 1))


def parse_rhythm(text: str) -> Rhythm:
    """Accept 'udda', 'jämn', 'jamn', 'varje' (any case); ValueError otherwise."""
    key = text.strip().casefold().replace("ä", "a")
    aliases = {"udda": Rhythm.ODD, "jamn": Rhythm.EVEN, "jamna": Rhythm.EVEN,
               "varje": Rhythm.EVERY, "varje ar": Rhythm.EVERY, "arligen": Rhythm.EVERY}
    if key not in aliases:
        raise ValueError(f"okänd rytm {text!r}: ange udda, jämn eller varje")
    return aliases[key]


def is_active_in(active_from: date | None, active_to: date | None, year: int) -> bool:
    """Active for at least one day of ``year`` (dates inclusive)."""
    if active_from is not None and active_from.year > year:
        return False
    return not (active_to is not None and active_to.year < year)


def rhythm_matches(rhythm: Rhythm | str, year: int) -> bool:
    rhythm = Rhythm(rhythm)
    if rhythm is Rhythm.EVERY:
        return True
    return (year % 2 == 1) == (rhythm is Rhythm.ODD)


def is_due(facts: UnitFacts, year: int, rules: Mapping[str, Rhythm | str]) -> DueReason | None:
    """The reason ``facts``' unit is due in ``year``, or None.

    The unit's own parity overrides its type's rule; a type without a rule is
    never due; a unit not active in the year is never due.
    """
    if not is_active_in(facts.active_from, facts.active_to, year):
        return None
    if facts.parity:
        rhythm, own = Rhythm(facts.parity), True
    else:
        rule = rules.get(facts.type_code)
        if rule is None:
            return None
        rhythm, own = Rhythm(rule), False
    return DueReason(rhythm, own) if rhythm_matches(rhythm, year) else None


def easter_sunday(year: int) -> date:
    """Gregorian Easter (anonymous algorithm), for the Swedish holidays."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * j) // 451
    month = (h + j - 7 * m + 114) // 31
    day = (h + j - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def public_holidays(year: int) -> set[date]:
    """Swedish public holidays on weekdays that matter for visits (Feb-Nov)."""
    easter = easter_sunday(year)
    midsummer_eve = next(date(year, 6, d) for d in range(19, 26) if date(year, 6, d).weekday() == 4)
    return {
        easter - timedelta(days=2),  # långfredagen
        easter + timedelta(days=1),  # annandag påsk
        easter + timedelta(days=39),  # Kristi himmelsfärd
        date(year, 5, 1),
        date(year, 6, 6),
        midsummer_eve,
    }


@cache
def working_days(year: int) -> tuple[date, ...]:
    """Weekdays in the planning months (Feb-Nov without July), no holidays."""
    months = set(rhythm_document()["planning_months"])
    holidays = public_holidays(year)

    def days() -> Iterator[date]:
        day = date(year, 1, 1)
        while day.year == year:
            if day.month in months and day.weekday() < 5 and day not in holidays:
                yield day
            day += timedelta(days=1)

    return tuple(days())


def spread_dates(year: int, count: int, offset: int = 0) -> list[date]:
    """``count`` dates spread evenly over the year's working days, in order.

    ``offset`` shifts the pattern (e.g. by district) so that districts do not
    all start on the same morning; the result is deterministic.
    """
    days = working_days(year)
    if count <= 0:
        return []
    step = len(days) / count
    return sorted(days[(int(step * index + step / 2) + offset) % len(days)]
                  for index in range(count))
