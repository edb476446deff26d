"""Any text through the save service: stored as sanitised, or refused with a
message; never a crash, never a silent cut."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import UserFacingError
from app.services.visits import MAX_TEXT, clean_text, open_visit, save_visit_field, start_visit
from tests.visits.conftest import START_DAY, VU, Env

# Every code point, lone surrogates and control characters included.
ANY_TEXT = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF,
                                          exclude_categories=()), max_size=300)


@pytest.fixture
def visit(env: Env) -> tuple[Env, str]:
    with env.sessions() as s:
        return env, start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ANY_TEXT)
def test_any_text_round_trips_as_sanitised(visit, text: str) -> None:  # type: ignore[no-untyped-def]
    env, vid = visit
    expected = clean_text(text)
    with env.sessions() as s:
        save_visit_field(s, vid, "method_notes", text, who=VU.name)
    with env.sessions() as s:
        stored = open_visit(s, vid).method_notes
    assert stored == expected
    assert "\x00" not in stored and all(not 0xD800 <= ord(c) <= 0xDFFF for c in stored)
    if not any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        # Only control characters go; every other character stays where it was.
        kept = "".join(c for c in text if c in "\t\n\r" or (ord(c) >= 0x20 and ord(c) != 0x7F))
        assert stored == kept


def test_over_the_limit_is_refused_never_cut() -> None:
    with pytest.raises(UserFacingError, match="för lång"):
        clean_text("å" * (MAX_TEXT + 1))
    assert clean_text("å" * MAX_TEXT) == "å" * MAX_TEXT
