"""Two laptops, one share: the care and health-care parts of one follow-up
meet and are merged by part; work is handed over to a colleague."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from app.models.sync import ReceivedPart
from app.models.visit import PartRevision, VisitPart
from app.services.share.layout import Share
from app.services.sync import run_sync, sync_overview
from app.services.sync_parts import hand_over, received_parts
from app.services.task_state import TaskState
from app.services.visits import revision_snapshot
from tests.sync_app.conftest import Laptop, refinalize, shared_visit


def _sync(laptop: Laptop) -> None:
    report = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert not report.failed, report.lines()


def _part_rows(laptop: Laptop, visit_id: str) -> dict[str, tuple[str, int]]:
    with laptop.sessions() as session:
        return {p.part: (p.status, p.revision) for p in session.scalars(
            select(VisitPart).where(VisitPart.visit_id == visit_id))}


def test_sol_and_hsl_from_two_laptops_meet_and_merge(
        make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    share = Share(tmp_path / "share")
    share.init(created_by_device="centralen", create_root=True)
    care = make_laptop("care", share=share.root)
    health = make_laptop("health", share=share.root)
    with care.sessions() as session:
        visit_id = shared_visit(session)
    assert refinalize(care, visit_id, "sol") == 2
    assert refinalize(health, visit_id, "hsl") == 2
    care_before, health_before = _part_rows(care, visit_id), _part_rows(health, visit_id)

    _sync(care)
    _sync(health)  # pushes hsl r2, takes sol r2
    _sync(care)  # takes hsl r2

    with health.sessions() as session:
        got = received_parts(session, visit_id)
        own_hsl = revision_snapshot(session, visit_id, "hsl", 2)
        shown = sync_overview(session).received  # what the Synk page lists
    assert [(r.followup_id, r.part, r.kind) for r in shown] == [(visit_id, "sol", "followup")] * 2
    # Reopening froze the bulk-loaded revision 1 as a snapshot, so it travels too.
    assert [(g["part"], g["revision"], g["from_device"]) for g in got] == [
        ("sol", 1, care.device_id), ("sol", 2, care.device_id)]
    with care.sessions() as session:
        sol_r2 = revision_snapshot(session, visit_id, "sol", 2)
        got_care = received_parts(session, visit_id)
    assert got[-1]["snapshot"] == sol_r2  # the other officer's part, readable here
    assert [(g["part"], g["revision"]) for g in got_care] == [("hsl", 1), ("hsl", 2)]
    assert got_care[-1]["snapshot"] == own_hsl
    # Merging wrote nothing into either laptop's own parts.
    assert _part_rows(care, visit_id) == care_before
    assert _part_rows(health, visit_id) == health_before
    # Both parts are on the share, each in its own laptop's folder.
    names = {p.name.split(".")[1] for d in (care, health)
             for p in share.outbox_dir(d.device_id).iterdir()}
    assert names == {"sol", "hsl"}

    # A package for a part this laptop owns is never taken in: the care
    # laptop's sol r2 stays its own even if another laptop sends one.
    refinalize(health, visit_id, "sol")  # health now also finalizes sol (r2 there)
    report = run_sync(health.sessions, health.paths, health.settings, None, TaskState())
    assert report.conflicts and report.failed
    assert all("Omsorg" in c or "sol" in c for c in report.conflicts), report.conflicts
    assert any("revision 2" in c and "olika versioner" in c for c in report.conflicts)
    later = run_sync(care.sessions, care.paths, care.settings, None, TaskState())
    assert len(later.conflicts) == len(report.conflicts)  # both copies kept, both reported
    with care.sessions() as session:
        assert revision_snapshot(session, visit_id, "sol", 2) == sol_r2
        assert session.scalar(select(ReceivedPart).where(ReceivedPart.part == "sol")) is None


def test_handover_to_a_colleague(make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    share = Share(tmp_path / "share")
    share.init(created_by_device="centralen", create_root=True)
    sender = make_laptop("sender", share=share.root)
    colleague = make_laptop("colleague", share=share.root)
    with sender.sessions() as session:
        visit_id = session.scalar(select(VisitPart.visit_id).where(VisitPart.status == "utkast")
                                  .order_by(VisitPart.visit_id).limit(1))
        assert visit_id is not None
        part = session.scalar(select(VisitPart.part).where(
            VisitPart.visit_id == visit_id, VisitPart.status == "utkast").limit(1))
        from app.services.share.signing import load_or_create_key
        from app.services.sync import resolve_share

        key = load_or_create_key(sender.device_id, sender.paths.config_dir).key
        result = hand_over(session, sender.paths, resolve_share(
            sender.paths, sender.settings, None), key, visit_id, part, colleague.device_id)
        draft = revision_snapshot(session, visit_id, part)
        revisions_before = session.scalars(select(PartRevision.revision).where(
            PartRevision.visit_id == visit_id)).all()
    assert result.status == "pushed"
    assert result.path.parent == share.handover_dir(sender.device_id, colleague.device_id)

    report = run_sync(colleague.sessions, colleague.paths, colleague.settings, None, TaskState())
    assert report.handovers == 1 and not report.failed
    with colleague.sessions() as session:
        (got,) = received_parts(session, visit_id)
    assert got["kind"] == "handover" and got["from_device"] == sender.device_id
    assert got["snapshot"] == draft and got["snapshot"]["draft"] is True
    again = run_sync(colleague.sessions, colleague.paths, colleague.settings, None, TaskState())
    assert again.handovers == 0  # taken once
    with sender.sessions() as session:  # the sender's follow-up is unchanged
        assert session.scalars(select(PartRevision.revision).where(
            PartRevision.visit_id == visit_id)).all() == revisions_before
