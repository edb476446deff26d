"""A colleague's finalized part of a follow-up this laptop has becomes part
of the local follow-up (read-only, in the report), never over local work."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models.register import Unit
from app.models.visit import Answer, VisitPart
from app.services import sync_merge
from app.services.report import report_data_for
from app.services.share.layout import Share
from app.services.sync import SyncReport, run_sync, sync_overview
from app.services.sync_handover import hand_over_part
from app.services.task_state import TaskState
from app.services.visits import (
    OfficerRef,
    finalize_part,
    open_visit,
    reopen_part,
    save_visit_field,
    set_part_owner,
    set_previous_deficiency,
    start_visit,
)
from tests.sync_app.conftest import Laptop
from tests.visits.conftest import complete_part

VU = OfficerRef("Vera Uppföljare", "verksamhetsuppfoljare", "Farsta")
MAS = OfficerRef("Maja Sjöström", "mas", "Farsta")


def sync(laptop: Laptop, *, ok: bool = True) -> SyncReport:
    report = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    if ok:
        assert not report.failed, report.lines()
    return report


def two_laptops(make_laptop: Callable[..., Laptop], tmp_path: Path
                ) -> tuple[Laptop, Laptop, str]:
    """A care laptop (VU) that starts a new follow-up of a care home and hands
    the health-care part to a MAS laptop, which then has the follow-up too."""
    share = Share(tmp_path / "share")
    share.init(created_by_device="centralen", create_root=True)
    care, health = make_laptop("care", share=share.root), make_laptop("health", share=share.root)
    for laptop, officer in ((care, VU), (health, MAS)):
        laptop.settings.officer_name, laptop.settings.officer_role = officer.name, officer.role
        laptop.settings.officer_district = officer.district
        laptop.settings.save()
    sync(health)  # publishes the health laptop's key: it can be chosen as recipient
    with care.sessions() as session:
        unit = session.scalar(select(Unit.id).where(Unit.type_code == "vob")
                              .order_by(Unit.id).limit(1))
        assert unit is not None
        visit_id = start_visit(session, unit, 2026, officer=VU, on=date(2026, 9, 15),
                               extra=True)
        hand_over_part(session, care.paths, care.settings, visit_id, "hsl", health.device_id)
    report = sync(health)
    assert report.handovers == 1
    return care, health, visit_id


def finish(laptop: Laptop, visit_id: str, part: str, who: str) -> int:
    """Fill in and finalize a part as ``who``."""
    complete_part(laptop.sessions, visit_id, part, who)
    with laptop.sessions() as session:
        for d in open_visit(session, visit_id).previous_deficiencies:
            if d.part == part:
                set_previous_deficiency(session, visit_id, d.previous_finding_id,
                                        status="atgardad", who=who)
        return finalize_part(session, visit_id, part, who=who, accept_personal_data=True)


def part_row(laptop: Laptop, visit_id: str, part: str) -> tuple[str, int, str]:
    with laptop.sessions() as session:
        row = session.scalar(select(VisitPart).where(VisitPart.visit_id == visit_id,
                                                     VisitPart.part == part))
        assert row is not None
        return row.status, row.revision, row.owner


def test_finalized_part_appears_and_newer_revision_replaces_it(
        make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    care, health, visit_id = two_laptops(make_laptop, tmp_path)
    assert part_row(health, visit_id, "sol") == ("utkast", 1, VU.name)  # created, untouched
    finish(care, visit_id, "sol", VU.name)
    sync(care)
    report = sync(health)
    assert report.received == 1
    assert part_row(health, visit_id, "sol") == ("faststalld", 1, VU.name)
    with health.sessions() as session:
        detail = open_visit(session, visit_id)
        sol = detail.part("sol")
        assert sol is not None and sol.answered == sol.applicable > 0
        assert sol.summaries and all(t.startswith("Sammanfattning") for t in sol.summaries.values())
        data = report_data_for(session, visit_id, organisation="Stockholms stad", logo=None)
        assert VU.name in str(data.officers)  # the colleague's part is in the report
        assert "Sammanfattning summary_trygghet." in str(data.summary)
    # Nothing of the colleague's part is queued from this laptop as its own.
    sync(health)
    assert not list(share_dir(health).glob(f"*{visit_id}*sol*"))

    with care.sessions() as session:
        reopen_part(session, visit_id, "sol", reason="Komplettering", who=VU.name)
        save_visit_field(session, visit_id, "summary_trygghet", "Ny text om trygghet.",
                         who=VU.name)
        finalize_part(session, visit_id, "sol", who=VU.name, accept_personal_data=True)
    sync(care)
    sync(health)
    assert part_row(health, visit_id, "sol") == ("faststalld", 2, VU.name)
    with health.sessions() as session:
        assert session.scalar(select(VisitPart.summary_trygghet).where(
            VisitPart.visit_id == visit_id, VisitPart.part == "sol")) == "Ny text om trygghet."
        data = report_data_for(session, visit_id, organisation="Stockholms stad", logo=None)
        assert "Ny text om trygghet." in str(data.summary)
        shown = sync_overview(session)
        assert not [r for r in shown.sent if r.part == "sol" and r.visit_id == visit_id]
        assert {(r.part, r.revision) for r in shown.received
                if r.followup_id == visit_id} >= {("sol", 1), ("sol", 2)}


def share_dir(laptop: Laptop) -> Path:
    return Share(Path(laptop.settings.share_path or "")).outbox_dir(laptop.device_id)


def test_a_part_edited_here_is_kept_and_reported_as_conflict(
        make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    care, health, visit_id = two_laptops(make_laptop, tmp_path)
    with health.sessions() as session:  # the MAS also writes in the care part here
        save_visit_field(session, visit_id, "summary_trygghet", "Lokal text.", who=MAS.name)
    finish(care, visit_id, "sol", VU.name)
    sync(care)
    report = sync(health, ok=False)
    assert report.received == 1
    assert any("ändrats här" in c for c in report.local_conflicts), report.local_conflicts
    assert not report.conflicts  # no package on the share is in two versions
    assert part_row(health, visit_id, "sol") == ("utkast", 1, VU.name)
    with health.sessions() as session:
        assert session.scalar(select(VisitPart.summary_trygghet).where(
            VisitPart.visit_id == visit_id, VisitPart.part == "sol")) == "Lokal text."
        assert session.scalar(select(Answer.id).where(Answer.visit_id == visit_id,
                                                      Answer.part == "sol")) is None
    assert not sync(health, ok=False).local_conflicts  # reported once, not on every sync


def test_a_part_this_laptop_owns_is_never_overwritten(
        make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    care, health, visit_id = two_laptops(make_laptop, tmp_path)
    # The care laptop's own sol part: the health laptop finalizes a sol of its own.
    with health.sessions() as session:  # the MAS takes the care part here
        set_part_owner(session, visit_id, "sol", MAS, who=MAS.name)
    finish(health, visit_id, "sol", MAS.name)
    sync(health)
    with care.sessions() as session:
        save_visit_field(session, visit_id, "summary_trygghet", "Min text.", who=VU.name)
    sync(care, ok=False)
    assert part_row(care, visit_id, "sol") == ("utkast", 1, VU.name)


def test_a_part_that_cannot_be_read_in_is_refused_and_retried(
        make_laptop: Callable[..., Laptop], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    care, health, visit_id = two_laptops(make_laptop, tmp_path)
    finish(care, visit_id, "sol", VU.name)
    sync(care)
    monkeypatch.setattr(sync_merge, "FORMAT_VERSION", 99)  # as if from a newer program
    report = sync(health, ok=False)
    assert any("okänt dataformat" in r for r in report.refused), report.refused
    assert part_row(health, visit_id, "sol") == ("utkast", 1, VU.name)
    monkeypatch.undo()
    sync(health)  # not applied yet, so taken in now
    assert part_row(health, visit_id, "sol") == ("faststalld", 1, VU.name)
