"""The Översikt page and its service: the published statistics, read from
the share or offline from the local copy, give the CLI's figures."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import MagicMock

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.paths import resolve_paths
from app.services.central import overview as ov
from app.services.central.ingest import ingest_share, open_central
from app.services.central.publish import publish_statistics
from app.services.central.stats import CITY, answer_stats
from app.services.share.layout import Share
from app.services.share.signing import SigningKey
from app.settings import Settings
from app.ui.context import UiContext
from app.ui.tasks import SyncTaskRunner
from tests.central.helpers import publish
from tests.central.small import small_set


@pytest.fixture
def published(tmp_path: Path, share: Share, key: SigningKey) -> Engine:
    for snap in small_set():
        publish(share, key, snap)
    engine = open_central(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    assert ingest_share(engine, share).ok
    with Session(engine) as session:
        publish_statistics(share, session)
    return engine


def test_service_reads_share_then_local_copy_offline(
        published: Engine, share: Share, tmp_path: Path) -> None:
    cache = tmp_path / "data" / ov.CACHE_NAME
    cache.parent.mkdir()
    picture, note = ov.load_picture(share.root, cache)
    assert picture is not None and note is None and not picture.cached and cache.exists()
    assert ov.years(picture.body) == [2022, 2023, 2024]
    with Session(published) as session:
        cli = answer_stats(session, [2023], "district")
    rows = ov.area_comparison(picture.body, 2023, "district", "Aby")
    assert [(r.key, r.own, r.city) for r in rows] == [
        (c.area_id, next((x for x in cli.rows if (x.group, x.area_id) == ("Aby", c.area_id)),
                         None), c) for c in cli.city]
    offline, note = ov.load_picture(tmp_path / "not-mounted", cache)
    assert offline is not None and offline.cached and note and "sparade statistiken" in note
    assert offline.body == picture.body
    nothing, note = ov.load_picture(tmp_path / "not-mounted", tmp_path / "none.json")
    assert nothing is None and note


def test_page_compares_own_district_and_drills_down(
        qtbot, published: Engine, share: Share, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.overview_page import OverviewPage

    settings = Settings()
    settings.share_path = str(share.root)
    settings.officer_district = "Aby"
    ctx = UiContext(paths=resolve_paths(tmp_path / "data").ensure(), sessions=MagicMock(),
                    settings=settings, tasks=SyncTaskRunner())
    page = OverviewPage(ctx)
    qtbot.addWidget(page)
    page.year.setCurrentIndex(page.year.findData(2023))
    assert page.group.currentData() == "Aby"
    assert [(a.key, a.own.shares if a.own else None) for a in page.areas] == [
        ("a1", (50.0, 25.0, 25.0)), ("a2", (0.0, 0.0, 100.0)), ("a3", (100.0, 0.0, 0.0))]
    # Bars are drawn bottom-up: clicking the top bar (last index) is the first area.
    page._area_clicked(len(page.areas) - 1, None)
    assert page.area_id == "a1"
    assert [r.group for r in page.area_rows] == ["Aby", "Bstad", CITY]
    questions = [[page.questions.item(r, c).text() for c in range(6)]
                 for r in range(page.questions.rowCount())]
    assert questions == [["Fråga q1?", "50 %", "0 %", "50 %", "67 %", "2"],
                         ["Fråga q2?", "50 %", "50 %", "0 %", "50 %", "2"]]
    page._group_clicked(1, None)  # bottom-up: Bstad
    names = [page.units.item(r, 0).text() for r in range(page.units.rowCount())]
    assert names == ["Hemtjänst Cedern"] and "Bstad" in page.units_title.text()
    page.by.setCurrentIndex(page.by.findData("regiform"))
    assert page.group.currentText() in ("Egen regi", "Privat regi")


def test_page_without_statistics_says_so(qtbot, share: Share, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.overview_page import OverviewPage

    settings = Settings()
    settings.share_path = str(share.root)
    ctx = UiContext(paths=resolve_paths(tmp_path / "data").ensure(), sessions=MagicMock(),
                    settings=settings, tasks=SyncTaskRunner())
    page = OverviewPage(ctx)
    qtbot.addWidget(page)
    assert page.year.count() == 0 and page.areas == [] and page.content.isHidden()
    assert page.note.text().startswith("Ingen statistik hittades i den centrala mappen")
