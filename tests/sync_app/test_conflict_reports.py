"""A part revision in two versions on the share: listed as a conflict, and
Visa opens each verified version's report; a version that fails
verification is named with its reason, never opened."""

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
from app.services.share.publish import publish_package
from app.services.share.signing import SigningKey, publish_public_key
from app.services.sync_conflicts import conflict_reports, share_conflicts
from app.ui.context import UiContext
from app.ui.sync_conflicts_dialog import ConflictsDialog
from app.ui.sync_page import SyncPage
from app.ui.tasks import TaskRunner
from tests.share.helpers import members, meta
from tests.sync_app.conftest import Laptop


def _publish(share: Share, key: SigningKey, visit_id: str, seed: int,
             publish_key: bool = True) -> bytes:
    """A finalized part revision 1 of ``visit_id`` from ``key``'s laptop;
    returns the report it carries."""
    content = members(seed)
    data = build_package(meta(visit_id, "sol", 1, key.device_id), content, key)
    share.ensure_device(key.device_id)
    if publish_key:
        publish_public_key(share, key)
    publish_package(share, key.device_id,
                    package_name(meta(visit_id, "sol", 1, key.device_id),
                                 hashlib.sha256(data).hexdigest()), data)
    return content["report.pdf"]


@pytest.fixture
def conflicted(make_laptop: Callable[..., Laptop], tmp_path: Path
               ) -> tuple[Laptop, str, list[bytes]]:
    share = Share(tmp_path / "share")
    share.init(created_by_device="centralen", create_root=True)
    laptop = make_laptop("care", share=share.root)
    with laptop.sessions() as session:
        visit_id = session.scalar(select(Visit.id).order_by(Visit.id).limit(1))
        assert visit_id is not None
    reports = [_publish(share, SigningKey.generate(d), visit_id, n)
               for n, d in enumerate(("laptop-a", "laptop-b"), start=1)]
    _publish(share, SigningKey.generate("laptop-c"), visit_id, 3, publish_key=False)
    _publish(share, SigningKey.generate("laptop-d"), "annan-uppfoljning", 4)  # not ours
    return laptop, visit_id, reports


def test_each_version_report_is_verified_and_written(
        conflicted: tuple[Laptop, str, list[bytes]]) -> None:
    laptop, visit_id, reports = conflicted
    with laptop.sessions() as session:
        found = share_conflicts(session, laptop.paths, laptop.settings)
    assert [(c.followup_id, c.part, c.revision, len(c.copies)) for c in found] == [
        (visit_id, "sol", 1, 3)]
    result = conflict_reports(laptop.paths, laptop.settings, found[0])
    assert sorted(p.read_bytes() for p in result.reports) == sorted(reports)
    assert all(p.is_relative_to(laptop.paths.data_dir) for p in result.reports)
    assert len(result.problems) == 1 and "laptop-c" in result.problems[0]


def test_visa_in_the_dialog_opens_both_reports(
        qtbot: QtBot, conflicted: tuple[Laptop, str, list[bytes]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    laptop, visit_id, reports = conflicted
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(QUrl(url).toLocalFile()) or True)
    tasks = TaskRunner()
    dialog = ConflictsDialog(UiContext(laptop.paths, laptop.sessions, laptop.settings, tasks))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.working)
    assert dialog.table.topLevelItemCount() == 1
    assert dialog.table.topLevelItem(0).text(4) == "3"
    dialog.buttons[0].click()
    qtbot.waitUntil(lambda: bool(opened))
    assert sorted(Path(p).read_bytes() for p in opened) == sorted(reports)
    assert "laptop-c" in dialog.message.text()  # the unverifiable version, named
    tasks.wait()


def test_the_synk_page_offers_visa_after_a_sync_with_a_conflict(
        qtbot: QtBot, conflicted: tuple[Laptop, str, list[bytes]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    laptop, _visit_id, _reports = conflicted
    tasks = TaskRunner()
    page = SyncPage(UiContext(laptop.paths, laptop.sessions, laptop.settings, tasks))
    qtbot.addWidget(page)
    page.show()
    assert not page.conflicts_button.isVisible()
    page.start_sync()
    qtbot.waitUntil(lambda: page.handle is None, timeout=60_000)
    assert "versioner" in page.problems_label.text()
    assert page.conflicts_button.isVisible()
    shown: list[ConflictsDialog] = []
    monkeypatch.setattr(ConflictsDialog, "exec", lambda self: shown.append(self) or 0)
    page.conflicts_button.click()
    assert shown
    qtbot.waitUntil(lambda: not shown[0].working)
    assert shown[0].table.topLevelItemCount() == 1
    later = SyncPage(UiContext(laptop.paths, laptop.sessions, laptop.settings, tasks))
    qtbot.addWidget(later)
    later.show()  # the stored last run keeps offering it
    assert later.conflicts_button.isVisible()
    tasks.wait()
