"""Saving answers: partial updates, audit, validation, odd and oversized text."""

from __future__ import annotations

import pytest

from app.errors import UserFacingError
from app.services.visits import (
    MAX_TEXT,
    audit_events,
    open_visit,
    save_answer,
    start_visit,
)
from tests.visits.conftest import START_DAY, VU, Env


@pytest.fixture
def visit(env: Env) -> tuple[Env, str, str]:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
        detail = open_visit(s, vid)
    qid = next(q.id for sec in detail.parts[0].sections for q in sec.questions
               if q.answer_kind == "scale")
    return env, vid, qid


def _answer(env: Env, vid: str, qid: str):  # type: ignore[no-untyped-def]
    with env.sessions() as s:
        q = open_visit(s, vid).question(qid)
    assert q is not None
    return q.answer


def test_fields_left_out_keep_their_value_and_each_change_is_audited(visit) -> None:  # type: ignore[no-untyped-def]
    env, vid, qid = visit
    with env.sessions() as s:
        save_answer(s, vid, qid, who=VU.name, answer="delvis")
        save_answer(s, vid, qid, who=VU.name, comment="Rutinen är inte känd av alla.")
        save_answer(s, vid, qid, who=VU.name, evidence=("observation", "dokument"))
    a = _answer(env, vid, qid)
    assert a.answer == "delvis" and a.answer_label == "Delvis uppfyllt"
    assert a.comment == "Rutinen är inte känd av alla."
    assert a.evidence == ("dokument", "observation")  # canonical order
    assert a.answered and a.updated_by == VU.name
    with env.sessions() as s:
        events = [e for e in audit_events(s, vid) if e.field.startswith(qid)]
    assert [e.field for e in events] == [f"{qid}.answer", f"{qid}.comment", f"{qid}.evidence"]
    assert events[0].old is None and events[0].new == "delvis"


def test_ej_bedomt_does_not_count_as_answered(visit) -> None:  # type: ignore[no-untyped-def]
    env, vid, qid = visit
    with env.sessions() as s:
        save_answer(s, vid, qid, who=VU.name, answer="ej_bedomt")
        detail = open_visit(s, vid)
    assert not detail.question(qid).answered
    assert detail.parts[0].answered == 0


def test_bad_codes_are_refused(visit) -> None:  # type: ignore[no-untyped-def]
    env, vid, qid = visit
    with env.sessions() as s:
        with pytest.raises(UserFacingError):
            save_answer(s, vid, qid, who=VU.name, answer="kanske")
        with pytest.raises(UserFacingError):
            save_answer(s, vid, qid, who=VU.name, evidence=("rykte",))
        with pytest.raises(UserFacingError, match="finns inte"):
            save_answer(s, vid, "ingen_sadan_fraga", who=VU.name, answer="uppfyllt")
    assert _answer(env, vid, qid) is None


ODD_TEXTS = {
    "emoji": "Bra bemötande 👍🏽 och 🇸🇪",
    "rtl": "مرحبا – שלום (höger till vänster)",
    "rtl_override": "abc\u202edef\u202c",
    "tabs_newlines": "rad 1\r\nrad 2\n\tindrag",
    "combining": "e\u0301 och Å",
    "max_length": "x" * MAX_TEXT,
}


@pytest.mark.parametrize("name", sorted(ODD_TEXTS))
def test_odd_text_is_stored_and_read_back_intact(visit, name: str) -> None:  # type: ignore[no-untyped-def]
    env, vid, qid = visit
    with env.sessions() as s:
        save_answer(s, vid, qid, who=VU.name, comment=ODD_TEXTS[name])
    assert _answer(env, vid, qid).comment == ODD_TEXTS[name]


def test_control_characters_and_nul_are_removed_and_lone_surrogates_replaced(visit) -> None:  # type: ignore[no-untyped-def]
    env, vid, qid = visit
    with env.sessions() as s:
        save_answer(s, vid, qid, who=VU.name, comment="a\x00b\x07c\x1bd")
    assert _answer(env, vid, qid).comment == "abcd"
    with env.sessions() as s:
        save_answer(s, vid, qid, who=VU.name, comment="före\ud800efter \ud83d\ude00")
    assert _answer(env, vid, qid).comment == "före\ufffdefter 😀"


def test_too_long_text_is_refused_with_a_message_and_nothing_changes(visit) -> None:  # type: ignore[no-untyped-def]
    env, vid, qid = visit
    with env.sessions() as s:
        save_answer(s, vid, qid, who=VU.name, comment="kort")
        with pytest.raises(UserFacingError, match="för lång"):
            save_answer(s, vid, qid, who=VU.name, comment="y" * (MAX_TEXT + 1))
    assert _answer(env, vid, qid).comment == "kort"


def test_numbers_and_yes_no(env: Env) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
        detail = open_visit(s, vid)
    questions = [q for p in detail.parts for sec in p.sections for q in sec.questions]
    number = next((q for q in questions if q.answer_kind == "number"), None)
    yesno = next((q for q in questions if q.answer_kind == "yesno"), None)
    assert number is not None and yesno is not None  # the shipped template has both kinds
    with env.sessions() as s:
        if number is not None:
            save_answer(s, vid, number.id, who=VU.name, number="12,5")
            with pytest.raises(UserFacingError):
                save_answer(s, vid, number.id, who=VU.name, number="tolv")
            with pytest.raises(UserFacingError):
                save_answer(s, vid, number.id, who=VU.name, answer="uppfyllt")
        if yesno is not None:
            save_answer(s, vid, yesno.id, who=VU.name, yesno=False)
        detail = open_visit(s, vid)
    if number is not None:
        got = detail.question(number.id).answer
        assert got.number == 12.5 and got.answered
    if yesno is not None:
        got = detail.question(yesno.id).answer
        assert got.yesno is False and got.answer_label == "Nej"


def test_reopening_shows_everything_saved(visit, sessions) -> None:  # type: ignore[no-untyped-def]
    env, vid, qid = visit
    with env.sessions() as s:
        save_answer(s, vid, qid, who=VU.name, answer="uppfyllt", comment="ok")
    engine = sessions.kw["bind"]
    engine.dispose()  # drop every pooled connection, as a restart would
    assert _answer(env, vid, qid).comment == "ok"


def test_an_odd_officer_name_is_stored_sanitised(visit) -> None:  # type: ignore[no-untyped-def]
    from app.services.visits import audit_events

    env, vid, qid = visit
    with env.sessions() as s:
        save_answer(s, vid, qid, who="Ann\ud800a\x00", answer="uppfyllt")
        assert audit_events(s, vid)[-1].who == "Ann\ufffda"
    assert _answer(env, vid, qid).updated_by == "Ann\ufffda"
