"""A real demo follow-up mapped and rendered: everything entered is in the PDF."""

from __future__ import annotations

import dataclasses
import io

from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models.visit import Answer, Finding, PreviousDeficiency, Visit, VisitPart
from app.services.report import (
    ReportRow,
    render_visit_report,
    report_data_for,
    report_pdf_for_part_revision,
    report_revision,
    report_rows,
)
from app.templates.report import render_report_bytes
from app.templates.report.data import ANSWER_LABELS
from tests.report.pdftools import normalise, pypdf_text
from tests.report_app.conftest import ORG, pick


def _render(sessions: sessionmaker[Session], visit_id: str, **kw: object) -> bytes:
    with sessions() as session:
        data = report_data_for(session, visit_id, organisation=ORG, logo=None, **kw)  # type: ignore[arg-type]
    return render_report_bytes(data)


def test_every_answer_and_comment_of_the_visit_is_in_the_pdf(
        demo_sessions: sessionmaker[Session], final_row: ReportRow) -> None:
    with demo_sessions() as session:
        answers = session.scalars(select(Answer).where(Answer.visit_id == final_row.visit_id)).all()
        findings = session.scalars(select(Finding).where(
            Finding.visit_id == final_row.visit_id)).all()
        previous = session.scalars(select(PreviousDeficiency).where(
            PreviousDeficiency.visit_id == final_row.visit_id)).all()
        parts = session.scalars(select(VisitPart).where(
            VisitPart.visit_id == final_row.visit_id)).all()
        visit = session.get(Visit, final_row.visit_id)
        assert visit is not None
        expected = [visit.preanalysis_notes, visit.method_notes, final_row.unit_name]
        expected += [p.owner for p in parts]
        expected += [getattr(p, f) for p in parts for f in (
            "summary_individualisering", "summary_trygghet", "summary_inflytande",
            "summary_halso_sjukvard")]
    assert len(answers) > 40
    labels = set()
    for a in answers:
        expected.append(a.comment)
        labels.add(ANSWER_LABELS[a.answer] if a.answer else None)
    expected += [f.text for f in findings] + [f.required_action for f in findings]
    expected += [p.text for p in previous] + [p.comment for p in previous]
    text = pypdf_text(_render(demo_sessions, final_row.visit_id))
    missing = [s for s in (normalise(e) for e in expected if e) if s and s not in text]
    assert missing == []
    assert all(label in text for label in labels if label)
    assert "UTKAST" not in text
    assert len([a for a in answers if a.comment]) > 5  # the check above had something to find


def test_both_parts_are_joined_with_one_revision(demo_sessions: sessionmaker[Session],
                                                 final_row: ReportRow) -> None:
    with demo_sessions() as session:
        data = report_data_for(session, final_row.visit_id, organisation=ORG, logo=None)
        finals = session.scalars(select(VisitPart.finalized_at).where(
            VisitPart.visit_id == final_row.visit_id)).all()
    assert {q.part for area in data.areas for q in area.questions} == {"sol", "hsl"}
    assert {o.role for o in data.officers} == {"verksamhetsuppfoljare", "mas"}
    assert data.finalized_on == max(finals).date()  # the later part's finalization
    assert data.revision == 1
    assert data.report_id == f"{final_row.year}-{final_row.unit_id}-1"


def test_revision_rule_counts_every_reopening() -> None:
    assert report_revision([1, 1]) == 1
    assert report_revision([2, 1]) == 2
    assert report_revision([2, 2]) == 3
    assert report_revision([3]) == 3


def test_draft_has_watermark_and_finalized_does_not(demo_sessions: sessionmaker[Session],
                                                    final_row: ReportRow,
                                                    draft_row: ReportRow) -> None:
    draft = PdfReader(io.BytesIO(_render(demo_sessions, draft_row.visit_id)))
    assert all("UTKAST" in (page.extract_text() or "") for page in draft.pages)
    final = pypdf_text(_render(demo_sessions, final_row.visit_id))
    assert "UTKAST" not in final and "Fastställd" in final


def test_finalized_report_gives_the_same_bytes_every_time(
        demo_sessions: sessionmaker[Session], final_row: ReportRow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = _render(demo_sessions, final_row.visit_id)
    with demo_sessions() as session:
        render_visit_report(session, final_row.visit_id, tmp_path / "r.pdf",
                            organisation=ORG, logo=None)
    assert (tmp_path / "r.pdf").read_bytes() == first
    assert _render(demo_sessions, final_row.visit_id) == first


def _reopened_row(sessions: sessionmaker[Session]) -> ReportRow:
    """A complete 2025 follow-up whose care part was reopened and finalized again
    (revision 1 frozen with its snapshot, revision 2 current)."""
    with sessions() as session:
        return next(r for r in report_rows(session, year=2025, complete=True)
                    if r.revision == 2)


def test_each_part_revision_keeps_its_own_report(demo_sessions: sessionmaker[Session]) -> None:
    row = _reopened_row(demo_sessions)
    with demo_sessions() as session:
        current = report_data_for(session, row.visit_id, organisation=ORG, logo=None)
        pinned = report_data_for(session, row.visit_id, revision={"sol": 1},
                                 organisation=ORG, logo=None)
        first = report_pdf_for_part_revision(session, row.visit_id, "sol", 1,
                                             organisation=ORG, logo=None)
        second = report_pdf_for_part_revision(session, row.visit_id, "sol", 2,
                                              organisation=ORG, logo=None)
        # An unrelated later edit (another visit) does not move a frozen revision.
        other = session.scalars(select(Visit).where(Visit.id != row.visit_id)).first()
        assert other is not None
        other.method_notes = "Ändrad"
        session.commit()
        again = report_pdf_for_part_revision(session, row.visit_id, "sol", 1,
                                             organisation=ORG, logo=None)
    assert current.revision == 2 and not current.is_draft
    assert pinned.revision == 1 and not pinned.is_draft
    assert first == again == render_report_bytes(pinned)
    assert second == render_report_bytes(current) != first


def test_a_stored_snapshot_is_the_only_source(demo_sessions: sessionmaker[Session]) -> None:
    """Editing a row behind the service's back does not change a frozen revision's report."""
    row = _reopened_row(demo_sessions)
    with demo_sessions() as session:
        before = report_pdf_for_part_revision(session, row.visit_id, "sol", 1,
                                              organisation=ORG, logo=None)
        visit = session.get(Visit, row.visit_id)
        assert visit is not None
        visit.method_notes = "Ändrad i efterhand"
        session.commit()
        after = report_pdf_for_part_revision(session, row.visit_id, "sol", 1,
                                             organisation=ORG, logo=None)
    assert after == before
    assert "Ändrad i efterhand" not in pypdf_text(after)


def test_internal_note_only_in_internal_copy(demo_sessions: sessionmaker[Session]) -> None:
    # The note is set on the rows, so the follow-up must be one whose report is
    # built from its rows: history older than the demo's stored snapshots.
    final_row = pick(demo_sessions, year=2023, complete=True)
    with demo_sessions() as session:
        session.get(Visit, final_row.visit_id).irregularity_note = "Misstänkt fakturering XYZ"  # type: ignore[union-attr]
        session.commit()
        public = report_data_for(session, final_row.visit_id, organisation=ORG, logo=None)
        internal = report_data_for(session, final_row.visit_id, organisation=ORG, logo=None,
                                   internal=True)
    assert public.internal_note == "" and not public.internal_copy
    assert internal.internal_copy
    assert "Intern anteckning" in pypdf_text(render_report_bytes(internal))
    assert "Intern anteckning" not in pypdf_text(render_report_bytes(public))
    assert "Misstänkt fakturering XYZ" in pypdf_text(render_report_bytes(internal))
    assert "Misstänkt fakturering XYZ" not in pypdf_text(render_report_bytes(public))
    assert dataclasses.replace(internal, internal_copy=False, internal_note="") == public


def test_shared_read_gives_the_same_snapshots_as_the_visit_service(
        demo_sessions: sessionmaker[Session]) -> None:
    from app.services.report import _part_codes, _snapshots
    from app.services.visits import revision_snapshot

    with demo_sessions() as session:
        rows = report_rows(session, year=2026)[:15] + report_rows(session, year=2025)[:5]
        for row in rows:
            ours = _snapshots(session, row.visit_id, {})
            theirs = [revision_snapshot(session, row.visit_id, code)
                      for code in _part_codes(session, row.visit_id)]
            assert ours == theirs, row.visit_id
    assert any(not r.complete for r in rows) and any(r.complete for r in rows)
