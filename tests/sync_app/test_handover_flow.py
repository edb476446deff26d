"""Handing a part over to a colleague through the share: the CLI, the
recipient's editable draft, the sender's handed-over mark and the way back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.cli.main import main as cli_main
from app.models.register import Unit
from app.models.visit import AuditEvent, PartRevision, VisitPart
from app.services.share.layout import Share
from app.services.sync_handover import recipients
from app.services.visits import LockedError, open_visit, save_visit_field, start_visit
from app.services.visits.common import handed_over_to
from app.ui.context import UiContext
from app.ui.sync_handover_dialog import HandoverDialog
from app.ui.tasks import TaskRunner
from tests.sync_app.conftest import Laptop
from tests.sync_app.test_merge_parts import MAS, VU, finish, part_row, sync

FINISHED = "Sammanfattning summary_halso_sjukvard."  # as finish() writes it


def _laptops(make_laptop: Callable[..., Laptop], tmp_path: Path) -> tuple[Laptop, Laptop]:
    share = Share(tmp_path / "share")
    share.init(created_by_device="centralen", create_root=True)
    care, health = make_laptop("care", share=share.root), make_laptop("health", share=share.root)
    for laptop, officer in ((care, VU), (health, MAS)):
        laptop.settings.officer_name, laptop.settings.officer_role = officer.name, officer.role
        laptop.settings.save()
    return care, health


def test_hand_over_through_the_cli_and_back(
        make_laptop: Callable[..., Laptop], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    care, health = _laptops(make_laptop, tmp_path)
    sync(health)
    with care.sessions() as session:
        unit = session.scalar(select(Unit.id).where(Unit.type_code == "vob")
                              .order_by(Unit.id.desc()).limit(1))
        assert unit is not None
        visit_id = start_visit(session, unit, 2026, officer=VU, on=date(2026, 9, 15),
                               extra=True)
        save_visit_field(session, visit_id, "summary_halso_sjukvard", "Påbörjad av Vera.",
                         who=VU.name)
        # The colleague's laptop published its officer: a name and role, not an id.
        assert [r.label for r in recipients(session, care.paths, care.settings)] == [
            "Maja Sjöström, MAS"]
    data = ["--data-dir", str(care.paths.data_dir)]
    assert cli_main(["sync", *data, "--recipients"]) == 0
    assert f"{health.device_id}\tMaja Sjöström, MAS" in capsys.readouterr().out
    assert cli_main(["sync", *data, "--hand-over", visit_id, "--part", "hsl"]) == 2
    assert cli_main(["sync", *data, "--part", "hsl", "--to", health.device_id]) == 2
    assert cli_main(["sync", *data, "--hand-over", visit_id, "--part", "hsl",
                     "--to", "okand-dator"]) == 1
    assert "ingen publicerad nyckel" in capsys.readouterr().err
    assert cli_main(["sync", *data, "--hand-over", visit_id, "--part", "hsl",
                     "--to", health.device_id]) == 0
    assert "Överlämnad" in capsys.readouterr().out
    with care.sessions() as session:  # the sender's copy is kept, marked handed over
        assert handed_over_to(session, visit_id, "hsl") == "Maja Sjöström, MAS"
        assert open_visit(session, visit_id).part("hsl") is not None
        # ...and read-only here, so two people never edit the same part.
        held = open_visit(session, visit_id).part("hsl")
        assert held.locked and held.handed_over_to == "Maja Sjöström, MAS"
        with pytest.raises(LockedError, match="överlämnad till"):
            save_visit_field(session, visit_id, "summary_halso_sjukvard", "Ändrat ändå.",
                             who=VU.name)
    assert part_row(care, visit_id, "hsl") == ("utkast", 1, part_row(care, visit_id, "hsl")[2])

    # The colleague's next sync: an editable draft of the colleague's own.
    report = sync(health)
    assert report.handovers == 1
    assert part_row(health, visit_id, "hsl") == ("utkast", 1, MAS.name)
    with health.sessions() as session:
        assert session.scalar(select(VisitPart.summary_halso_sjukvard).where(
            VisitPart.visit_id == visit_id, VisitPart.part == "hsl")) == "Påbörjad av Vera."
        event = session.scalar(select(AuditEvent).where(
            AuditEvent.visit_id == visit_id, AuditEvent.field == "överlämnad från"))
        assert event is not None and event.new == f"överlämnad från {VU.name}"
        # Editable: the MAS writes on, as the part's owner.
        save_visit_field(session, visit_id, "summary_halso_sjukvard", "Klar hos Maja.",
                         who=MAS.name)
    assert not sync(health).handovers  # taken once
    finish(health, visit_id, "hsl", MAS.name)
    sync(health)

    # Back at the sender: the finalized part replaces the handed-over copy.
    report = sync(care)
    assert report.received == 1 and not report.conflicts
    assert part_row(care, visit_id, "hsl") == ("faststalld", 1, MAS.name)
    with care.sessions() as session:
        assert handed_over_to(session, visit_id, "hsl") is None
        assert session.scalar(select(VisitPart.summary_halso_sjukvard).where(
            VisitPart.visit_id == visit_id, VisitPart.part == "hsl")) == FINISHED
        stored = session.scalar(select(PartRevision.snapshot).where(
            PartRevision.visit_id == visit_id, PartRevision.part == "hsl",
            PartRevision.revision == 1))
        assert stored is not None and FINISHED in stored


def test_handover_of_an_unknown_unit_is_refused_with_a_reason(
        make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    care, health = _laptops(make_laptop, tmp_path)
    sync(health)
    with care.sessions() as session:  # a unit only the care laptop's register has
        model = session.scalar(select(Unit).where(Unit.type_code == "vob").limit(1))
        assert model is not None
        columns = {c.key: getattr(model, c.key) for c in Unit.__table__.columns}
        session.add(Unit(**{**columns, "id": "NY9001", "name": "Nya boendet"}))
        session.commit()
        visit_id = start_visit(session, "NY9001", 2026, officer=VU, on=date(2026, 9, 15))
    from app.services.sync_handover import hand_over_part

    with care.sessions() as session:
        hand_over_part(session, care.paths, care.settings, visit_id, "sol", health.device_id)
    report = sync(health, ok=False)
    assert any("finns inte i enhetsregistret" in r for r in report.refused), report.refused
    with health.sessions() as session:  # kept as received, nothing half-made
        assert session.scalar(select(VisitPart.id).where(VisitPart.visit_id == visit_id)) is None


def test_handover_dialog_lists_colleagues_and_hands_over(
        qtbot: QtBot, make_laptop: Callable[..., Laptop], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    care, health = _laptops(make_laptop, tmp_path)
    sync(health)
    sync(care)  # the colleague's parts arrive: its officer becomes known by name
    with care.sessions() as session:
        unit = session.scalar(select(Unit.id).where(Unit.type_code == "vob")
                              .order_by(Unit.id).limit(1))
        assert unit is not None
        visit_id = start_visit(session, unit, 2026, officer=VU, on=date(2026, 9, 15),
                               extra=True)
    tasks = TaskRunner()
    dialog = HandoverDialog(UiContext(care.paths, care.sessions, care.settings, tasks))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.working)  # the share is read on the worker
    assert [r.device_id for r in dialog.recipients] == [health.device_id]
    assert dialog.people.itemText(0) == "Maja Sjöström, MAS"
    assert dialog.send.isEnabled()
    index = next(i for i, c in enumerate(dialog.candidates)
                 if c.visit_id == visit_id and c.part == "hsl")
    dialog.parts.setCurrentIndex(index)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    dialog.hand_over()
    qtbot.waitUntil(lambda: bool(shown))
    assert "överlämnad till Maja Sjöström, MAS" in shown[0]
    with care.sessions() as session:
        assert handed_over_to(session, visit_id, "hsl") == "Maja Sjöström, MAS"
    assert sync(health).handovers == 1
    assert part_row(health, visit_id, "hsl") == ("utkast", 1, MAS.name)
