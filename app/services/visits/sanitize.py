"""Text and value checks at the boundary, before anything reaches SQLite.

A lone surrogate cannot be encoded to UTF-8 (binding it raises
UnicodeEncodeError, so the autosave would fail) and NUL bytes are cut off by
SQL's own string functions; both are normalised here, the same way every
time, and documented in the service contract. Text longer than
``MAX_TEXT`` is refused, never cut: losing the end of a comment silently
would be worse than a message.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from app.errors import Message, UserFacingError

MAX_TEXT = 100_000
MAX_SHORT = 200
# C0 controls except TAB, LF, CR; plus DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(value: Any, what: str = Message("Texten"), limit: int = MAX_TEXT) -> str:
    """The text to store: lone surrogates -> U+FFFD, control characters
    removed; longer than ``limit`` characters is refused."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise UserFacingError(Message("{what} ska vara en text.", what=what))
    if _SURROGATE.search(value):
        # Paired surrogates (from a UTF-16 source) become their character;
        # what remains unpaired becomes U+FFFD.
        value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        value = _SURROGATE.sub("\ufffd", value)
    value = _CONTROL.sub("", value)
    if len(value) > limit:
        size, most = f"{len(value):_}".replace("_", " "), f"{limit:_}".replace("_", " ")
        raise UserFacingError(
            Message("Texten är för lång ({size} tecken; högst {most}). {what} har inte "
                    "sparats; korta texten eller lägg resten som bilaga.", size=size, most=most, what=what)
        )
    return value


def as_date(value: Any, what: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise UserFacingError(Message(
        "{what}: ogiltigt datum ({value!r}); skriv ÅÅÅÅ-MM-DD.", what=what, value=value))


def as_datetime(value: Any, what: str) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return as_datetime(datetime.fromisoformat(value), what)
        except ValueError:
            pass
    raise UserFacingError(Message(
        "{what}: ogiltig tidpunkt ({value!r}); skriv ÅÅÅÅ-MM-DD TT:MM.", what=what, value=value))


def as_number(value: Any, what: str) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise UserFacingError(Message("{what} ska vara ett tal.", what=what))
    try:
        number = float(str(value).replace(",", ".").replace(" ", "")) if isinstance(
            value, str) else float(value)
    except (TypeError, ValueError):
        raise UserFacingError(Message(
            "{what} ska vara ett tal ({value!r}).", what=what, value=value)) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise UserFacingError(Message("{what} ska vara ett ändligt tal.", what=what))
    return number


def clean_who(who: Any) -> str:
    """An officer's name as stored with a change (sanitised, at most 200)."""
    return clean_text(str(who or ""), "Namnet", MAX_TEXT)[:MAX_SHORT]
