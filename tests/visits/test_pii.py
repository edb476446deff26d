"""Personal identity numbers (with their Luhn digit) and phone numbers."""

from __future__ import annotations

import pytest

from app.services.visits import scan_personal_data
from app.services.visits.pii import luhn_ok


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(h.kind, h.match) for h in scan_personal_data({"f": text})]


@pytest.mark.parametrize("number", [
    "121212-1212", "121212+1212", "1212121212", "19121212-1212", "191212121212",
    "201212121212", "811228-9874", "8112289874",
    "701063-2391", "19701063-2391",  # samordningsnummer (day + 60)
])
def test_valid_identity_numbers_are_found(number: str) -> None:
    assert _kinds(f"Brukaren ({number}) klagade.") == [("personnummer", number)]


@pytest.mark.parametrize("text", [
    "811228-9873",  # wrong check digit
    "121312-1212",  # month 13
    "121200-1214",  # day 0
    "991232-1234",  # day 32
    "211212121212",  # century 21
    "1234567890123",  # too long
    "Avvikelser 2023-2025: 12",
    "datum 2024-05-12 kl 13.00",
])
def test_other_numbers_are_not_identity_numbers(text: str) -> None:
    assert [k for k, _ in _kinds(text) if k == "personnummer"] == []


@pytest.mark.parametrize("phone", [
    "070-123 45 67", "0701234567", "08-123 456 78", "08-12345678", "+46 70 123 45 67",
    "+46 (0)8 123 456 78", "0046701234567", "031-12 34 56",
])
def test_phone_numbers_are_found(phone: str) -> None:
    assert _kinds(f"Ring {phone}, tack.") == [("telefon", phone)]


@pytest.mark.parametrize("text", ["0,5 %", "år 2026", "12 av 54 platser", "tel. 112",
                                  "kl 08.00-16.00", "070-12"])
def test_short_numbers_are_not_phone_numbers(text: str) -> None:
    assert _kinds(text) == []


def test_every_hit_is_reported_with_its_location_and_position() -> None:
    texts = {"a": "Ring 070-123 45 67 om 121212-1212.", "b": "inget här", "c": ""}
    hits = scan_personal_data(texts)
    assert [(h.location, h.kind) for h in hits] == [("a", "telefon"), ("a", "personnummer")]
    for hit in hits:
        assert texts[hit.location][hit.start:hit.end] == hit.match


def test_luhn() -> None:
    assert luhn_ok("8112289874") and not luhn_ok("8112289873")
