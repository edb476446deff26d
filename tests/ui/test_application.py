"""Starting the GUI: demo database on first start, calm refusal of a bad database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from app.db import make_engine, sqlite_url
from app.paths import resolve_paths
from app.ui.tasks import SyncTaskRunner


@pytest.fixture
def fresh_start(qapp, monkeypatch, demo_db_template):  # type: ignore[no-untyped-def]
    """start() with the demo creation replaced by a copy of the session's
    demo database (the real creation is tested with the demo service)."""
    import app.services.demo_db as demo_db
    from app.ui import application

    created: list[Path] = []

    def fake_ensure(path: Path, **_: object) -> None:
        created.append(path)
        shutil.copyfile(demo_db_template, path)

    monkeypatch.setattr(demo_db, "ensure_demo_database", fake_ensure)
    shown: list[str] = []
    monkeypatch.setattr(application, "_show_start_error", lambda error: shown.append(str(error)))
    yield application, created, shown
    application.install_language("sv")


def test_first_start_creates_the_demo_database(fresh_start, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    application, created, shown = fresh_start
    data_dir = tmp_path / "ny"
    _, window, code = application.start(data_dir)  # the real, threaded runner
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    # The window is up at once; the database opens on a worker.
    qtbot.waitUntil(lambda: window.ctx is not None or bool(shown), timeout=20_000)
    assert not shown
    assert created == [resolve_paths(data_dir).database]
    assert window.current_key == "verksamheter"
    assert window.page("verksamheter").model.rowCount() > 300
    assert window.import_action.isEnabled()
    assert not window.windowIcon().isNull()
    window.close()

    # Second start: no new demo. The register shows from the start-up snapshot
    # before the database layer is attached; attaching keeps that very page.
    _, again, _ = application.start(data_dir, SyncTaskRunner())
    qtbot.addWidget(again)
    assert again.ctx is None
    shown_first = again.page("verksamheter")
    assert shown_first.model.rowCount() > 300
    qtbot.waitUntil(lambda: again.ctx is not None, timeout=10_000)
    assert again.page("verksamheter") is shown_first
    assert len(created) == 1
    again.close()


def test_newer_database_is_refused_with_a_swedish_message(fresh_start, tmp_path) -> None:  # type: ignore[no-untyped-def]
    application, created, shown = fresh_start
    data_dir = tmp_path / "data"
    database = resolve_paths(data_dir).ensure().database
    application.start(data_dir, SyncTaskRunner())[1].close()
    engine = make_engine(sqlite_url(database))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()

    _, window, code = application.start(data_dir, SyncTaskRunner())
    assert window is None and code == 1
    assert len(shown) == 1 and "nyare version" in shown[0]
