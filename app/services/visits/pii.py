"""Personal data in free text, before a report becomes a public document.

Finds Swedish personal identity numbers (personnummer and samordningsnummer,
10 or 12 digits, with '-', '+' or nothing before the last four, checked with
their Luhn digit and a plausible date) and Swedish phone numbers. Every hit
is reported with where it is; nothing is changed: the officer decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PNR = re.compile(r"(?<![\d\w+])(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?![\d\w])")
_PHONE = re.compile(r"(?<![\w+])(?:\+46|0046|0)(?:[ \-()]{0,2}\d){6,11}(?![\d\w])")


KIND_LABELS = {"personnummer": "Personnummer", "telefon": "Telefonnummer"}


@dataclass(frozen=True)
class PiiHit:
    location: str  # the key of the text it was found in (a field, a question id ...)
    start: int
    end: int
    kind: str  # "personnummer" | "telefon"
    match: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _is_pnr(match: re.Match[str]) -> bool:
    century, year, month, day, _sep, last = match.groups()
    if century is not None and century not in ("18", "19", "20"):
        return False
    if not 1 <= int(month) <= 12:
        return False
    # A samordningsnummer adds 60 to the day.
    if not (1 <= int(day) <= 31 or 61 <= int(day) <= 91):
        return False
    return luhn_ok(f"{year}{month}{day}{last}")


def _phone_digits_ok(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if digits.startswith("0046"):
        national = digits[4:]
    elif digits.startswith("46") and text.lstrip().startswith("+"):
        national = digits[2:]
    else:
        national = digits[1:]
    national = national.removeprefix("0")  # "+46 (0)70 ..."
    # Swedish numbers: area code + subscriber = 7 to 9 digits after the 0.
    return 7 <= len(national) <= 9 and not national.startswith("0")


def scan_text(location: str, text: str) -> list[PiiHit]:
    hits: list[PiiHit] = []
    taken: list[tuple[int, int]] = []
    for match in _PNR.finditer(text):
        if _is_pnr(match):
            hits.append(PiiHit(location, match.start(), match.end(), "personnummer",
                               match.group(0)))
            taken.append(match.span())
    for match in _PHONE.finditer(text):
        start, end = match.span()
        raw = match.group(0).rstrip(" -(")
        end = start + len(raw)
        if any(s < end and start < e for s, e in taken):
            continue
        if _phone_digits_ok(raw):
            hits.append(PiiHit(location, start, end, "telefon", raw))
    return sorted(hits, key=lambda h: h.start)


def scan_personal_data(texts: dict[str, str]) -> list[PiiHit]:
    """Every personal identity number and phone number in ``texts``
    (location -> text), in the order given, each hit once."""
    hits: list[PiiHit] = []
    for location, text in texts.items():
        if text:
            hits.extend(scan_text(location, text))
    return hits
