"""A part changed here and by a colleague (a local merge conflict) is shown
on the Synk page in plain words where the received parts are listed, and can
be read there; "Visa konflikter…" is only for packages on the share in
several versions, which is all its dialog can show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from app.services.visits import save_visit_field
from app.ui.context import UiContext
from app.ui.sync_page import SyncPage
from app.ui.tasks import TaskRunner
from tests.sync_app.conftest import Laptop
from tests.sync_app.test_merge_parts import MAS, VU, finish, sync, two_laptops


def _page(qtbot: QtBot, laptop: Laptop, runner: TaskRunner) -> SyncPage:
    page = SyncPage(UiContext(laptop.paths, laptop.sessions, laptop.settings, runner))
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    return page


def _conflicted(make_laptop: Callable[..., Laptop], tmp_path: Path) -> tuple[Laptop, str]:
    """The MAS laptop has written in the care part; the care officer then
    finalizes that part on her laptop and sends it."""
    care, health, visit_id = two_laptops(make_laptop, tmp_path)
    with health.sessions() as session:
        save_visit_field(session, visit_id, "summary_trygghet", "Lokal text.", who=MAS.name)
    finish(care, visit_id, "sol", VU.name)
    sync(care)
    return health, visit_id


def test_a_local_merge_conflict_is_shown_with_the_received_parts(
        qtbot: QtBot, make_laptop: Callable[..., Laptop], runner: TaskRunner,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    health, _visit_id = _conflicted(make_laptop, tmp_path)
    page = _page(qtbot, health, runner)
    assert not page.local_conflicts_label.isVisible()
    page.start_sync()
    qtbot.waitUntil(lambda: page.handle is None, timeout=60_000)
    assert page.last_report is not None and page.last_report.local_conflicts
    assert not page.last_report.conflicts
    # Not a share conflict: the dialog about package versions is not offered.
    assert not page.conflicts_button.isVisible()
    assert "ändrats här" in page.problems_label.text()
    assert "något behöver åtgärdas" in page.result_label.text()
    # The received parts are listed, the kept-apart one marked in plain words.
    assert page.tabs.currentWidget() is page.received
    assert page.tabs.tabText(2).endswith("konflikter: 1)")
    tree = page.received.tree
    states = [tree.topLevelItem(i).text(7) for i in range(tree.topLevelItemCount())]
    assert "Konflikt: delen har ändrats här" in states
    assert page.local_conflicts_label.isVisible()
    assert "ändrats här" in page.local_conflicts_label.text()

    # The received part can be read there: its report opens.
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(QUrl(url).toLocalFile()) or True)
    row = states.index("Konflikt: delen har ändrats här")
    tree.setCurrentItem(tree.topLevelItem(row))
    assert page.received.read_button.isEnabled()
    page.received.read_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    assert Path(opened[0]).read_bytes().startswith(b"%PDF")
    assert Path(opened[0]).is_relative_to(health.paths.data_dir)

    # A later sync reports nothing new, but the page still shows the conflict.
    sync(health, ok=False)
    later = _page(qtbot, health, runner)
    assert later.local_conflicts_label.isVisible()
    assert not later.conflicts_button.isVisible()
    later.local_conflicts_label.linkActivated.emit("received")
    assert later.tabs.currentWidget() is later.received


def test_a_received_part_read_in_is_marked_so(
        qtbot: QtBot, make_laptop: Callable[..., Laptop], runner: TaskRunner,
        tmp_path: Path) -> None:
    care, health, visit_id = two_laptops(make_laptop, tmp_path)
    finish(care, visit_id, "sol", VU.name)
    sync(care)
    sync(health)
    page = _page(qtbot, health, runner)
    tree = page.received.tree
    states = {tree.topLevelItem(i).text(4): tree.topLevelItem(i).text(7)
              for i in range(tree.topLevelItemCount())}
    assert states == {"Fastställd del": "Inläst i uppföljningen",
                      "Överlämnad": "Inläst i uppföljningen"}
    # The sending laptop by the start of its id; the whole id is the tooltip.
    first = tree.topLevelItem(0)
    assert first.toolTip(5) == care.device_id and first.text(5) == care.device_id[:8] + "…"
    assert not page.local_conflicts_label.isVisible() and not page.conflicts_button.isVisible()
    assert page.tabs.tabText(2) == "Från kollegor (2)"
