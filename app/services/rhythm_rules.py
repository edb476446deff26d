"""The rhythm rules in force, stored in the database (table rhythm_rule).

A unit type without a stored rule receives its default from
``app/data/rhythm.yaml`` the first time rules are read, like reference data.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Message, UserFacingError
from app.models import RhythmRule, UnitType
from app.services.rhythm import Rhythm, default_rules, parse_rhythm


def ensure_rhythm_rules(session: Session) -> None:
    """Give every unit type without a stored rule its shipped default."""
    stored = set(session.scalars(select(RhythmRule.unit_type_code)))
    known = set(session.scalars(select(UnitType.code)))
    for code, rhythm in default_rules().items():
        if code in known and code not in stored:
            session.add(RhythmRule(unit_type_code=code, rhythm=rhythm.value))
    session.flush()


def rhythm_rules(session: Session) -> dict[str, Rhythm]:
    ensure_rhythm_rules(session)
    return {r.unit_type_code: Rhythm(r.rhythm) for r in session.scalars(select(RhythmRule))}


def set_rhythm_rule(session: Session, type_code: str, rhythm: Rhythm | str) -> None:
    """Change a unit type's rule. Plans built afterwards follow it; entries
    already worked on are kept."""
    if session.get(UnitType, type_code) is None:
        raise UserFacingError(Message("Okänd enhetstyp {type_code!r}.", type_code=type_code))
    try:
        value = Rhythm(rhythm) if isinstance(rhythm, Rhythm) else parse_rhythm(rhythm)
    except ValueError as error:
        raise UserFacingError(Message(
            "Rytm för {type_code}: {error}.", type_code=type_code, error=error)) from None
    ensure_rhythm_rules(session)
    rule = session.get(RhythmRule, type_code)
    if rule is None:
        session.add(RhythmRule(unit_type_code=type_code, rhythm=value.value))
    else:
        rule.rhythm = value.value
    session.flush()
