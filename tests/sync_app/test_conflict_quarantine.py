"""Versions moved to the share's quarantine are offered in the conflicts
dialog beside the good ones, labelled as quarantined: one that still
verifies (a version replaced on the share) can be read; a damaged one is
named as damaged and never opened."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models.visit import Visit
from app.services.share.layout import Share
from app.services.share.package import build_package, package_name
from app.services.share.publish import publish_package, quarantine
from app.services.share.signing import SigningKey, publish_public_key
from app.services.sync_conflicts import QUARANTINE_LABEL, conflict_reports, share_conflicts
from app.ui.context import UiContext
from app.ui.sync_conflicts_dialog import ConflictsDialog
from app.ui.tasks import TaskRunner
from tests.share.helpers import members, meta
from tests.sync_app.conftest import Laptop


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def aside(make_laptop: Callable[..., Laptop], tmp_path: Path
          ) -> tuple[Laptop, dict[str, bytes]]:
    """One good version in laptop-a's outbox; in quarantine, under that
    version's name: another validly signed version of the same revision (it
    had replaced the file), a damaged file, and a file changed after it was
    moved. Returns the laptop and the reports of the two readable versions."""
    share = Share(tmp_path / "share")
    share.init(created_by_device="centralen", create_root=True)
    laptop = make_laptop("care", share=share.root)
    with laptop.sessions() as session:
        visit_id = session.scalar(select(Visit.id).order_by(Visit.id).limit(1))
        assert visit_id is not None
    key = SigningKey.generate("laptop-a")
    share.ensure_device(key.device_id)
    publish_public_key(share, key)
    good, other = members(1), members(2)
    data = build_package(meta(visit_id, "sol", 1, key.device_id), good, key)
    replaced = build_package(meta(visit_id, "sol", 1, key.device_id), other, key)
    name = package_name(meta(visit_id, "sol", 1, key.device_id), _sha(data))
    final = share.outbox_dir(key.device_id) / name
    share.ensure_dir(final.parent)
    damaged = data[: len(data) // 2]  # cut short: no longer a zip
    for wrong in (replaced, damaged):  # each found under the good name and moved aside
        final.write_bytes(wrong)
        quarantine(share, key.device_id, final, _sha(wrong))
    changed = share.quarantine_dir(key.device_id) / f"{name}.{'0' * 16}.skadad"
    changed.write_bytes(replaced)  # its bytes do not hash as its name records
    publish_package(share, key.device_id, name, data)
    return laptop, {"good": good["report.pdf"], "replaced": other["report.pdf"]}


def test_quarantined_versions_are_listed_and_verified(
        aside: tuple[Laptop, dict[str, bytes]]) -> None:
    laptop, reports = aside
    with laptop.sessions() as session:
        found = share_conflicts(session, laptop.paths, laptop.settings)
    assert len(found) == 1
    copies = found[0].copies
    assert [c.quarantined for c in copies] == [False, True, True, True]
    assert all(c.where == QUARANTINE_LABEL for c in copies[1:])
    result = conflict_reports(laptop.paths, laptop.settings, found[0])
    assert sorted(p.read_bytes() for p in result.reports) == sorted(reports.values())
    readable = [v for v in result.versions if v.report is not None]
    assert [v.copy.quarantined for v in readable] == [False, True]
    assert readable[1].report is not None and readable[1].report.name.startswith("KARANTAN-")
    refused = [v for v in result.versions if v.report is None]
    assert len(refused) == 2 and all(v.copy.quarantined for v in refused)
    assert all("karantän är skadad" in str(v.problem) for v in refused)
    assert any("ändrats sedan" in str(v.problem) for v in refused)
    assert any("trasig zip" in str(v.problem) for v in refused)


def test_the_dialog_labels_quarantined_versions_and_opens_only_valid_ones(
        qtbot: QtBot, aside: tuple[Laptop, dict[str, bytes]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    laptop, reports = aside
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(QUrl(url).toLocalFile()) or True)
    tasks = TaskRunner()
    dialog = ConflictsDialog(UiContext(laptop.paths, laptop.sessions, laptop.settings, tasks))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.working)
    row = dialog.table.topLevelItem(0)
    assert row.text(4) == "4" and row.childCount() == 4
    lines = [row.child(i).text(0) for i in range(4)]
    assert lines[0].startswith("Gemensamma mappen, dator laptop-a")
    assert all(line.startswith("Karantän: skadad eller ersatt version") for line in lines[1:])
    dialog.buttons[0].click()
    qtbot.waitUntil(lambda: bool(opened))
    assert sorted(Path(p).read_bytes() for p in opened) == sorted(reports.values())
    lines = [row.child(i).text(0) for i in range(4)]
    assert sum("Kontrollerad" in line for line in lines) == 2
    assert sum("Kan inte visas" in line and "skadad" in line for line in lines) == 2
    tasks.wait()


def test_quarantined_versions_alone_offer_the_dialog(
        qtbot: QtBot, aside: tuple[Laptop, dict[str, bytes]], runner: TaskRunner) -> None:
    """No revision is on the share twice, but versions of a follow-up here
    were moved to quarantine: the sync says so and the page offers them."""
    from app.services.sync import run_sync
    from app.services.task_state import TaskState
    from app.ui.sync_page import SyncPage

    laptop, _reports = aside
    report = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert report.quarantined == 3 and not report.conflicts
    assert any("karantän" in line for line in report.lines())
    page = SyncPage(UiContext(laptop.paths, laptop.sessions, laptop.settings, runner))
    qtbot.addWidget(page)
    page.show()
    assert page.conflicts_button.isVisible()  # from the last run's summary
    page.start_sync()
    qtbot.waitUntil(lambda: page.handle is None, timeout=60_000)
    assert page.last_report is not None and page.last_report.quarantined == 3
    assert page.conflicts_button.isVisible()
