"""Findings: validation, audit of every change, locking with the part."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import UserFacingError
from app.services.visits import (
    LockedError,
    add_finding,
    audit_events,
    delete_finding,
    finalize_check,
    finalize_part,
    open_visit,
    set_document,
    start_visit,
    update_finding,
)
from tests.visits.conftest import START_DAY, VU, Env, complete_part


def _visit(env: Env) -> tuple[str, str]:
    with env.sessions() as s:
        vid = start_visit(s, env.home_care, 2026, officer=VU, on=START_DAY)
        qid = open_visit(s, vid).parts[0].sections[0].questions[0].id
    return vid, qid


def test_finding_changes_are_audited_field_by_field(env: Env) -> None:
    vid, qid = _visit(env)
    with env.sessions() as s:
        fid = add_finding(s, vid, "sol", "forbattring", who=VU.name, text="Rutiner kan ses över.")
        update_finding(s, fid, who=VU.name, kind="brist", question_ids=[qid],
                       required_action="Revidera rutinerna.", remedy="overenskommen")
        update_finding(s, fid, who=VU.name, text="Rutiner kan ses över.")  # unchanged
        fields = [e.field for e in audit_events(s, vid) if e.field.startswith(f"fynd:{fid}")]
        assert fields == [f"fynd:{fid}", f"fynd:{fid}.kind", f"fynd:{fid}.question_ids",
                          f"fynd:{fid}.required_action", f"fynd:{fid}.remedy"]
        # Agreed follow-up without a date is not ready.
        assert any("tidpunkt" in m.message for m in finalize_check(s, vid, "sol"))
        update_finding(s, fid, who=VU.name, deadline=date(2027, 3, 1))
        assert not any(m.kind == "brist" for m in finalize_check(s, vid, "sol"))
        delete_finding(s, fid, who=VU.name)
        assert open_visit(s, vid).findings == ()
        last = audit_events(s, vid)[-1]
    assert last.field == f"fynd:{fid}" and last.new is None and "Revidera" in (last.old or "")


def test_bad_finding_values_are_refused(env: Env) -> None:
    vid, _qid = _visit(env)
    with env.sessions() as s:
        with pytest.raises(UserFacingError):
            add_finding(s, vid, "sol", "beröm", who=VU.name)
        with pytest.raises(UserFacingError):
            add_finding(s, vid, "sol", "brist", who=VU.name, remedy="aldrig")
        with pytest.raises(UserFacingError, match="finns inte"):
            add_finding(s, vid, "sol", "brist", who=VU.name, question_ids=["ingen_fraga"])
        with pytest.raises(UserFacingError):
            add_finding(s, vid, "hsl", "styrka", who=VU.name)  # home care has no hsl part
        fid = add_finding(s, vid, "sol", "styrka", who=VU.name, text="Bra.")
        with pytest.raises(UserFacingError, match="Okänt fält"):
            update_finding(s, fid, who=VU.name, visit_id="annan")
        assert [f.id for f in open_visit(s, vid).findings] == [fid]


def test_a_finalized_part_refuses_every_kind_of_change(env: Env) -> None:
    vid, _qid = _visit(env)
    complete_part(env.sessions, vid, "sol", VU.name)
    with env.sessions() as s:
        fid = add_finding(s, vid, "sol", "styrka", who=VU.name, text="Bra.")
        finalize_part(s, vid, "sol", who=VU.name)
        doc = open_visit(s, vid).documents[0]
        with pytest.raises(LockedError):
            add_finding(s, vid, "sol", "styrka", who=VU.name)
        with pytest.raises(LockedError):
            update_finding(s, fid, who=VU.name, text="Ändrad.")
        with pytest.raises(LockedError):
            delete_finding(s, fid, who=VU.name)
        with pytest.raises(LockedError):
            set_document(s, vid, doc.id, received=True, received_on=date(2026, 9, 1),
                         who=VU.name)
        with pytest.raises(UserFacingError, match="redan fastställd"):
            finalize_part(s, vid, "sol", who=VU.name)
        assert open_visit(s, vid).findings[0].text == "Bra."
