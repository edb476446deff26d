"""Finalizing a part, locking, revisions with snapshots, the missing list,
personal data, and carrying deficiencies to the next visit."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from app.errors import UserFacingError
from app.services.visits import (
    FinalizeError,
    LockedError,
    add_finding,
    audit_events,
    finalize_check,
    finalize_part,
    list_revisions,
    list_visits,
    open_visit,
    propose_deficiency,
    register_action_plan,
    reopen_part,
    revision_snapshot,
    save_answer,
    save_visit_field,
    set_part_owner,
    set_previous_deficiency,
    start_visit,
)
from app.services.visits.snapshot import canonical_json
from tests.visits.conftest import MAS, START_DAY, VU, Env, complete_part


def _first_scale(detail, part: str = "sol") -> str:  # type: ignore[no-untyped-def]
    return next(q.id for sec in detail.part(part).sections for q in sec.questions
                if q.answer_kind == "scale")


def test_missing_lists_every_gap(env: Env) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
        detail = open_visit(s, vid)
        missing = finalize_check(s, vid, "sol")
    kinds = {m.kind for m in missing}
    assert kinds == {"svar", "sammanfattning"}
    assert sum(m.kind == "svar" for m in missing) == detail.part("sol").applicable
    assert {m.target for m in missing if m.kind == "sammanfattning"} == {
        "summary_individualisering", "summary_trygghet", "summary_inflytande"}


def test_ej_uppfyllt_needs_comment_and_deficiency(env: Env) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
    complete_part(env.sessions, vid, "sol", VU.name)
    with env.sessions() as s:
        qid = _first_scale(open_visit(s, vid))
        save_answer(s, vid, qid, who=VU.name, answer="ej_uppfyllt")
        missing = finalize_check(s, vid, "sol")
        assert {(m.kind, m.target) for m in missing} == {("kommentar", qid), ("brist", qid)}
        save_answer(s, vid, qid, who=VU.name, comment="Ingen rutin finns.")
        finding_id = propose_deficiency(s, vid, qid, who=VU.name)
        assert propose_deficiency(s, vid, qid, who=VU.name) == finding_id
        # The proposal still needs its required action.
        assert [m.kind for m in finalize_check(s, vid, "sol")] == ["brist"]
        from app.services.visits import update_finding

        update_finding(s, finding_id, who=VU.name, required_action="Ta fram en rutin.",
                       deadline=date(2027, 1, 31), remedy="snarast")
        register_action_plan(s, finding_id, date(2026, 11, 15), who=VU.name)
        assert finalize_check(s, vid, "sol") == []
        finding = open_visit(s, vid).findings[0]
    assert finding.kind == "brist" and finding.question_ids == (qid,)
    assert "Ingen rutin finns." in finding.text
    assert finding.action_plan_received == date(2026, 11, 15)


def test_finalize_locks_and_reopen_makes_a_new_revision(env: Env) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
        save_visit_field(s, vid, "irregularity_flag", True, who=VU.name)
        save_visit_field(s, vid, "irregularity_note", "Intern notering.", who=VU.name)
    complete_part(env.sessions, vid, "sol", VU.name)
    with env.sessions() as s:
        qid = _first_scale(open_visit(s, vid))
        with pytest.raises(UserFacingError, match="ägare"):
            finalize_part(s, vid, "sol", who=MAS.name)
        assert finalize_part(s, vid, "sol", who=VU.name) == 1
    with env.sessions() as s:
        detail = open_visit(s, vid)
        assert detail.part("sol").locked and not detail.complete
        assert detail.status != "faststalld"  # the hsl part is still open
        with pytest.raises(LockedError, match="fastställd"):
            save_answer(s, vid, qid, who=VU.name, comment="ändrat")
        with pytest.raises(LockedError):
            save_visit_field(s, vid, "summary_trygghet", "nytt", who=VU.name)
        with pytest.raises(UserFacingError):
            reopen_part(s, vid, "sol", reason="  ", who=VU.name)
        first = revision_snapshot(s, vid, "sol", 1)
        assert reopen_part(s, vid, "sol", reason="Fel datum i rapporten.", who=VU.name) == 2
        save_answer(s, vid, qid, who=VU.name, comment="Rättad kommentar.")
        assert finalize_part(s, vid, "sol", who=VU.name) == 2
        revisions = list_revisions(s, vid, "sol")
        assert [r.revision for r in revisions] == [1, 2]
        assert revisions[1].reason == "Fel datum i rapporten."
        assert all(r.finalized for r in revisions)
        old, new = revision_snapshot(s, vid, "sol", 1), revision_snapshot(s, vid, "sol", 2)
        assert old == first
        assert revisions[0].sha256 == hashlib.sha256(
            canonical_json(old).encode()).hexdigest()
        fields = [e.field for e in audit_events(s, vid)]
    assert fields.count("fastställd") == 2 and "ny revision" in fields

    def comment(snap: dict) -> str:  # type: ignore[type-arg]
        return next(q["answer"]["comment"] for sec in snap["sections"]
                    for q in sec["questions"] if q["id"] == qid)

    assert comment(old) == "" and comment(new) == "Rättad kommentar."
    assert new["part"]["revision"] == 2 and new["part"]["reason"] == "Fel datum i rapporten."
    assert old["internal"]["irregularity_note"] == "Intern notering."


def test_snapshot_is_self_contained(env: Env) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.care_home, 2026, officer=VU, on=START_DAY)
        set_part_owner(s, vid, "hsl", MAS, who=VU.name)
    complete_part(env.sessions, vid, "hsl", MAS.name)
    with env.sessions() as s:
        add_finding(s, vid, "hsl", "styrka", who=MAS.name, text="Tydliga delegeringar.")
        draft = revision_snapshot(s, vid, "hsl")
        assert draft["draft"] is True
        finalize_part(s, vid, "hsl", who=MAS.name)
        snap = revision_snapshot(s, vid, "hsl")
    assert snap["format_version"] == 1 and snap["draft"] is False
    assert snap["unit"]["provider"] == "Omsorg Test AB"
    assert snap["unit"]["followup_district"] == "Farsta" and snap["unit"]["region"]
    assert snap["template"]["version"] == "2027.1" and snap["template"]["name"]
    assert snap["part"]["owner"]["name"] == MAS.name and snap["part"]["finalized_by"] == MAS.name
    assert snap["part"]["summary"][0]["label"] == "Hälso- och sjukvård"
    questions = [q for sec in snap["sections"] for q in sec["questions"]]
    assert questions and all(q["text"] and q["answer"]["answered"] for q in questions)
    assert all(sec["title"] for sec in snap["sections"])
    assert snap["findings"][0]["kind_label"] == "Styrka"
    assert all(d["name"] for d in snap["documents"])
    assert "irregularity_flag" in snap["internal"]


def test_personal_data_blocks_finalizing_until_accepted(env: Env) -> None:
    with env.sessions() as s:
        vid = start_visit(s, env.home_care, 2026, officer=VU, on=START_DAY)
    complete_part(env.sessions, vid, "sol", VU.name)
    with env.sessions() as s:
        qid = _first_scale(open_visit(s, vid))
        save_answer(s, vid, qid, who=VU.name, comment="Brukaren 19121212-1212 klagade.")
        save_visit_field(s, vid, "method_notes", "Ring 070-123 45 67.", who=VU.name)
        with pytest.raises(FinalizeError) as caught:
            finalize_part(s, vid, "sol", who=VU.name)
        hits = {(m.kind, m.target) for m in caught.value.missing}
        assert hits == {("personuppgift", f"{qid}.comment"),
                        ("personuppgift", "method_notes")}
        # Nothing was changed by the scan.
        assert open_visit(s, vid).question(qid).answer.comment == \
            "Brukaren 19121212-1212 klagade."
        assert finalize_part(s, vid, "sol", who=VU.name, accept_personal_data=True) == 1
        assert open_visit(s, vid).complete
        assert list_visits(s, unit_id=env.home_care)[0].status == "faststalld"


def test_deficiencies_are_followed_up_at_the_next_visit(env: Env) -> None:
    with env.sessions() as s:
        first = start_visit(s, env.home_care, 2024, officer=VU, on=START_DAY)
    complete_part(env.sessions, first, "sol", VU.name)
    with env.sessions() as s:
        qid = _first_scale(open_visit(s, first))
        save_answer(s, first, qid, who=VU.name, answer="ej_uppfyllt", comment="Saknas.")
        fid = add_finding(s, first, "sol", "brist", who=VU.name, text="Rutin saknas.",
                          question_ids=(qid,), required_action="Inför rutin.",
                          deadline=date(2025, 3, 1), remedy="nasta")
        finalize_part(s, first, "sol", who=VU.name)
        second = start_visit(s, env.home_care, 2026, officer=VU, on=START_DAY)
        detail = open_visit(s, second)
        assert detail.previous_year == 2024
        assert detail.question(qid).previous.answer == "ej_uppfyllt"
        [prev] = detail.previous_deficiencies
        assert prev.previous_finding_id == fid and prev.status is None
        assert prev.required_action == "Inför rutin."
        assert any(m.kind == "tidigare_brist" for m in finalize_check(s, second, "sol"))
        set_previous_deficiency(s, second, fid, status="delvis", comment="Påbörjad.",
                                who=VU.name)
        prev = open_visit(s, second).previous_deficiencies[0]
        assert prev.status == "delvis" and prev.status_label == "Delvis åtgärdad"
        assert not any(m.kind == "tidigare_brist" for m in finalize_check(s, second, "sol"))


def test_scan_covers_every_public_text_but_not_the_internal_note(env: Env) -> None:
    from app.services.visits import scan_visit, set_participants

    with env.sessions() as s:
        vid = start_visit(s, env.home_care, 2026, officer=VU, on=START_DAY)
        set_participants(s, vid, {"enhetschef": 1, "Kontakt 070-765 43 21": 1}, who=VU.name)
        save_visit_field(s, vid, "factcheck_reply", "Svar från 121212-1212.", who=VU.name)
        save_visit_field(s, vid, "key_facts", {"bemanning_natt": "ring 08-123 456 78"},
                         who=VU.name)
        save_visit_field(s, vid, "irregularity_note", "Anmäld av 19121212-1212.", who=VU.name)
        hits = scan_visit(s, vid, "sol")
    assert {h.location for h in hits} == {"deltagare:Kontakt 070-765 43 21",
                                          "factcheck_reply", "key_facts.bemanning_natt"}
