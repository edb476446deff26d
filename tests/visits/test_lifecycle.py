"""Starting a visit, visit-level fields, documents, participants, status."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.errors import UserFacingError
from app.services.visits import (
    audit_events,
    list_visits,
    open_visit,
    save_visit_field,
    set_document,
    set_part_owner,
    set_participants,
    start_visit,
)
from tests.visits.conftest import MAS, START_DAY, VU, Env


def test_care_home_gets_both_parts_with_owners_and_documents(env: Env) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
    with env.sessions() as s:
        detail = open_visit(s, vid)
    assert [p.part for p in detail.parts] == ["sol", "hsl"]
    sol, hsl = detail.parts
    assert sol.owner == VU.name and sol.status == "utkast" and sol.revision == 1
    assert hsl.owner == ""  # no plan assigned a MAS yet
    assert sol.applicable > 0 and hsl.applicable > 0 and sol.answered == 0
    assert set(sol.summaries) == {"summary_individualisering", "summary_trygghet",
                                  "summary_inflytande"}
    assert set(hsl.summaries) == {"summary_halso_sjukvard"}
    assert detail.template.version == "2027.1"
    assert detail.documents, "the template's documents are requested"
    assert all(not d.received for d in detail.documents)
    assert detail.status == "foranalys"
    assert detail.unit.provider == "Omsorg Test AB" and detail.unit.places == 54
    # Every question applies to the unit type and sits in its part.
    for part in detail.parts:
        for section in part.sections:
            assert section.applicable == len(section.questions)
            assert all(q.part == part.part for q in section.questions)


def test_home_care_has_only_the_care_part(env: Env) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.home_care, 2026, officer=MAS, on=START_DAY)
        detail = open_visit(s, vid)
    assert [p.part for p in detail.parts] == ["sol"]
    assert detail.parts[0].owner == ""  # a MAS started it; the care part waits for its owner


def test_a_second_visit_in_the_same_year_needs_extra(env: Env) -> None:
    with env.sessions() as s:
        start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
    with env.sessions() as s, pytest.raises(UserFacingError, match="redan"):
        start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
    with env.sessions() as s:
        extra = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY, extra=True)
        assert open_visit(s, extra).seq == 2


def test_visit_fields_are_saved_audited_and_drive_the_status(env: Env) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
    start = datetime(2026, 10, 1, 9, 0)
    with env.sessions() as s:
        save_visit_field(s, vid, "preanalysis_notes", "Läst patientsäkerhetsberättelsen.",
                         who=VU.name)
        save_visit_field(s, vid, "key_facts", {"platser": 54, "avvikelser": 12,
                                               "bemanning_natt": "3 + 1 ssk"}, who=VU.name)
        save_visit_field(s, vid, "visit_start", start, who=VU.name)
        save_visit_field(s, vid, "visit_end", "2026-10-01T15:30", who=VU.name)
        save_visit_field(s, vid, "irregularity_flag", True, who=VU.name)
        save_visit_field(s, vid, "irregularity_note", "Fakturor stämmer inte.", who=VU.name)
    with env.sessions() as s:
        detail = open_visit(s, vid)
        assert detail.status == "besok_genomfort"
        save_visit_field(s, vid, "factcheck_sent", date(2026, 10, 20), who=VU.name)
    with env.sessions() as s:
        detail = open_visit(s, vid)
        events = audit_events(s, vid)
    assert detail.preanalysis_notes == "Läst patientsäkerhetsberättelsen."
    assert detail.key_facts == {"platser": 54, "avvikelser": 12, "bemanning_natt": "3 + 1 ssk"}
    assert detail.visit_start == start and detail.visit_end == datetime(2026, 10, 1, 15, 30)
    assert detail.irregularity_flag and detail.irregularity_note == "Fakturor stämmer inte."
    assert detail.status == "rapport_utkast"
    fields = [e.field for e in events]
    for name in ("preanalysis_notes", "key_facts", "visit_start", "visit_end",
                 "irregularity_flag", "irregularity_note", "factcheck_sent", "status"):
        assert name in fields
    first = next(e for e in events if e.field == "preanalysis_notes")
    assert first.who == VU.name and first.old == "" and first.new.startswith("Läst")


def test_unchanged_value_leaves_no_audit_event(env: Env) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
        save_visit_field(s, vid, "method_notes", "Intervjuer.", who=VU.name)
        before = len(audit_events(s, vid))
        save_visit_field(s, vid, "method_notes", "Intervjuer.", who=VU.name)
        assert len(audit_events(s, vid)) == before


def test_visit_end_before_start_is_refused(env: Env) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
        save_visit_field(s, vid, "visit_start", datetime(2026, 10, 1, 9), who=VU.name)
        with pytest.raises(UserFacingError, match="före"):
            save_visit_field(s, vid, "visit_end", datetime(2026, 10, 1, 8), who=VU.name)
    with env.sessions() as s:
        assert open_visit(s, vid).visit_end is None


def test_unknown_field_is_refused(env: Env) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
        with pytest.raises(UserFacingError, match="Okänt fält"):
            save_visit_field(s, vid, "status", "faststalld", who=VU.name)


def test_documents_and_participants(env: Env) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
        doc = open_visit(s, vid).documents[0]
        set_document(s, vid, doc.id, received=True, received_on=date(2026, 9, 20), who=VU.name)
        set_participants(s, vid, {"enhetschef": 1, "personal": 3, "mas_utforare": 0},
                         who=VU.name)
    with env.sessions() as s:
        detail = open_visit(s, vid)
        got = next(d for d in detail.documents if d.id == doc.id)
        assert got.received and got.received_on == date(2026, 9, 20)
        assert detail.participants == {"enhetschef": 1, "personal": 3}
        set_participants(s, vid, {"enhetschef": 1}, who=VU.name)
        assert open_visit(s, vid).participants == {"enhetschef": 1}
        with pytest.raises(UserFacingError):
            set_participants(s, vid, {"personal": -1}, who=VU.name)
        fields = [e.field for e in audit_events(s, vid)]
    assert f"dokument:{doc.name}" in fields and "deltagare" in fields


def test_list_visits_filters_and_owner_handover(env: Env) -> None:
    with env.sessions() as s:
        a = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
        start_visit(s, env.home_care, 2026, officer=VU, on=START_DAY)
        set_part_owner(s, a, "hsl", MAS, who=VU.name)
        assert {v.unit_id for v in list_visits(s, year=2026)} == {"E1", "E2"}
        assert list_visits(s, year=2025) == []
        mine = list_visits(s, owner=MAS.name)
        assert [v.id for v in mine] == [a]
        assert mine[0].hsl_owner == MAS.name and mine[0].hsl_revision == 1
        assert list_visits(s, unit_id="E2")[0].hsl_owner is None
        assert list_visits(s, status="foranalys") and not list_visits(s, status="faststalld")


def test_status_changes_reach_the_year_plan(env: Env) -> None:
    from sqlalchemy import select

    from app.models import PlanEntry

    with env.sessions() as s:
        vid = start_visit(s, env.home_care, 2026, officer=VU, on=START_DAY)
        statuses = [e.status for e in s.scalars(
            select(PlanEntry).where(PlanEntry.unit_id == env.home_care, PlanEntry.year == 2026))]
        assert statuses == ["foranalys"]
        save_visit_field(s, vid, "visit_start", datetime(2026, 10, 1, 9), who=VU.name)
        entry = s.scalar(select(PlanEntry).where(PlanEntry.unit_id == env.home_care,
                                                 PlanEntry.year == 2026))
        assert entry is not None and entry.status == "besok_genomfort"
