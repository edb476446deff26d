"""Start-up shows the register from a plain sqlite3 read, then attaches the
database layer behind it; a database that needs work takes the normal path."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app import schema_version
from app.paths import AppPaths, resolve_paths
from app.services.register_snapshot import read_register_snapshot
from app.services.units import choices, list_units
from app.ui.tasks import SyncTaskRunner
from app.ui.units_page import UnitsPage


@pytest.fixture
def started(qapp, monkeypatch, demo_db_template, tmp_path):  # type: ignore[no-untyped-def]
    """A data dir with a copy of the demo database, and start() whose error
    box is recorded instead of shown."""
    from app.ui import application

    paths = resolve_paths(tmp_path / "data").ensure()
    shutil.copyfile(demo_db_template, paths.database)
    shown: list[str] = []
    monkeypatch.setattr(application, "_show_start_error", lambda error: shown.append(str(error)))
    yield application, paths, shown
    application.install_language("sv")


def test_snapshot_equals_the_register_read_through_the_database_layer(
        demo_sessions: sessionmaker[Session], ui_paths: AppPaths) -> None:
    with demo_sessions() as session:
        rows, available = list_units(session), choices(session)
    snapshot = read_register_snapshot(ui_paths.database)
    assert snapshot is not None
    assert snapshot.rows == rows and len(rows) > 300
    assert snapshot.choices == available
    # Validity dates (valid_to inclusive): before the 2020 merger the old districts show.
    for day in (date(2019, 12, 31), date(2020, 1, 1)):
        with demo_sessions() as session:
            expected = choices(session, on=day)
        on_day = read_register_snapshot(ui_paths.database, on=day)
        assert on_day is not None and on_day.choices == expected
        assert ("Älvsjö" in expected.districts) == (day.year == 2019)


def test_the_fast_path_checks_the_same_files_as_the_database_layer() -> None:
    from app.services.reference import REFERENCE_FILE
    from app.services.template_format import shipped_template_files

    assert schema_version.shipped_data_files() == [REFERENCE_FILE, *shipped_template_files()]


def test_snapshot_page_works_fully_once_attached(started, qtbot) -> None:  # type: ignore[no-untyped-def]
    application, paths, shown = started
    _, window, code = application.start(paths.data_dir)  # the real, threaded runner
    assert code == 0 and window is not None
    qtbot.addWidget(window)
    page = window.page("verksamheter")
    assert isinstance(page, UnitsPage) and window.ctx is None
    assert not window.import_action.isEnabled()
    before = page.visible_units()
    qtbot.waitUntil(lambda: window.ctx is not None, timeout=20_000)
    assert not shown
    assert window.page("verksamheter") is page and page.ctx is window.ctx
    with window.ctx.sessions() as session:
        assert {u.id for u in before} == {u.id for u in list_units(session)}
    assert page.visible_units() == before  # attaching changed nothing on screen
    assert window.import_action.isEnabled()

    # Type-ahead, the detail pane, and another page, all on the attached window.
    target = before[len(before) // 2]
    qtbot.keyClicks(page.search, target.id)
    assert [u.id for u in page.visible_units()] == [target.id]
    page.table.selectRow(0)
    assert page.detail.unit == target
    assert page.detail.title.text() == target.name
    page.search.clear()
    assert page.proxy.rowCount() == len(before)
    assert page.reload() is False  # the database holds what the snapshot showed
    window.show_page("oversikt")
    other = window.page("oversikt")
    assert other is not window.opening_label and window.stack.currentWidget() is other
    window.show_page("verksamheter")
    assert window.stack.currentWidget() is page
    window.close()


def test_another_start_page_waits_for_the_database(started, qtbot) -> None:  # type: ignore[no-untyped-def]
    application, paths, _ = started
    from app.settings import Settings

    settings = Settings.load(paths.settings_file)
    settings.last_page = "planering"
    settings.save()
    _, window, _ = application.start(paths.data_dir, SyncTaskRunner())
    qtbot.addWidget(window)
    assert window.ctx is not None  # no snapshot: opened before start() returned
    assert window.current_key == "planering"
    window.close()


def test_newer_database_is_refused_before_anything_is_shown(started) -> None:  # type: ignore[no-untyped-def]
    application, paths, shown = started
    with sqlite3.connect(paths.database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    assert read_register_snapshot(paths.database) is None
    _, window, code = application.start(paths.data_dir, SyncTaskRunner())
    assert window is None and code == 1
    assert len(shown) == 1 and "nyare version" in shown[0]


def test_network_data_dir_is_refused_before_anything_is_shown(started, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    application, paths, shown = started
    import app.db
    import app.services.register_snapshot as register_snapshot

    monkeypatch.setattr(register_snapshot, "is_network_path", lambda path: True)
    monkeypatch.setattr(app.db, "is_network_path", lambda path: True)
    _, window, code = application.start(paths.data_dir, SyncTaskRunner())
    assert window is None and code == 1
    assert len(shown) == 1 and "nätverksenhet" in shown[0]


def test_changed_shipped_data_takes_the_normal_path(started, qtbot) -> None:  # type: ignore[no-untyped-def]
    application, paths, shown = started
    with sqlite3.connect(paths.database) as conn:
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    assert read_register_snapshot(paths.database) is None
    _, window, code = application.start(paths.data_dir, SyncTaskRunner())
    qtbot.addWidget(window)
    assert code == 0 and window.ctx is not None and not shown  # opened inside start()
    with sqlite3.connect(paths.database) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == \
            schema_version.shipped_data_stamp()
    conn.close()
    assert window.page("verksamheter").model.rowCount() > 300
    window.close()


def _old_database(path: Path) -> None:
    """A database at the first schema, with one unit."""
    from alembic import command
    from sqlalchemy import text

    from app.db import alembic_config, make_engine, sqlite_url

    engine = make_engine(sqlite_url(path))
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO region (id, name) VALUES (1, 'Innerstaden')"))
        conn.execute(text("INSERT INTO district (id, name, region_id) VALUES (1, 'Södermalm', 1)"))
        conn.execute(text("INSERT INTO unit_type (code, name, short_name, is_care_home, "
                          "sort_order) VALUES ('vob', 'Vård- och omsorgsboende', 'VoB', 1, 0)"))
        conn.execute(text("INSERT INTO regiform (code, name, sort_order) "
                          "VALUES ('egen_regi', 'Egen regi', 0)"))
        conn.execute(text(
            "INSERT INTO unit (id, name, type_code, regiform_code, address, "
            "followup_district_id, outside_city) "
            "VALUES ('E1', 'Gamla boendet', 'vob', 'egen_regi', 'Gatan 1', 1, 0)"))
    engine.dispose()


def test_older_database_is_backed_up_and_migrated_before_it_is_shown(started, qtbot) -> None:  # type: ignore[no-untyped-def]
    application, paths, shown = started
    paths.database.unlink()
    _old_database(paths.database)
    assert read_register_snapshot(paths.database) is None
    _, window, code = application.start(paths.data_dir, SyncTaskRunner())
    qtbot.addWidget(window)
    assert code == 0 and window.ctx is not None and not shown
    assert len(list(paths.data_dir.glob("uppfoljaren.sqlite3.backup-*"))) == 1
    page = window.page("verksamheter")
    assert [u.name for u in page.visible_units()] == ["Gamla boendet"]
    window.close()


def test_attach_shows_the_database_when_the_snapshot_differs(ui_ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """If the database changed between the snapshot and the open (another
    program wrote to it), attaching shows what the database holds."""
    from app.services.register_snapshot import RegisterSnapshot
    from app.ui.application import read_register

    current = read_register(ui_ctx.sessions)
    stale = RegisterSnapshot(rows=current.rows[1:], choices=current.choices)
    page = UnitsPage(None, settings=ui_ctx.settings, snapshot=stale)
    qtbot.addWidget(page)
    assert page.model.rowCount() == len(current.rows) - 1
    assert page.reload() is False  # not attached: nothing to read from
    page.attach(ui_ctx, current)
    assert page.ctx is ui_ctx
    assert page.model.rowCount() == len(current.rows)
    assert current.rows[0] in page.visible_units()


def test_snapshot_reads_without_writing_and_declines_what_it_cannot_use(
        demo_db_template: Path, tmp_path: Path) -> None:
    database = tmp_path / "uppfoljaren.sqlite3"
    shutil.copyfile(demo_db_template, database)
    before = database.read_bytes()
    assert read_register_snapshot(database) is not None
    assert database.read_bytes() == before
    # Only SQLite's own side files may appear (as with any open), and hold nothing.
    others = {p.name for p in tmp_path.iterdir()} - {database.name}
    assert others <= {f"{database.name}-wal", f"{database.name}-shm"}
    wal = tmp_path / f"{database.name}-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    assert read_register_snapshot(tmp_path / "saknas.sqlite3") is None
    assert not (tmp_path / "saknas.sqlite3").exists()
    garbage = tmp_path / "skräp.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    assert read_register_snapshot(garbage) is None
    foreign = tmp_path / "annan.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE unit (id TEXT)")
    conn.close()
    assert read_register_snapshot(foreign) is None


def test_snapshot_sees_work_committed_to_the_wal(demo_db_template: Path, tmp_path: Path) -> None:
    """A change another connection committed but has not checkpointed yet
    (still in the -wal file) is in the snapshot."""
    database = tmp_path / "uppfoljaren.sqlite3"
    shutil.copyfile(demo_db_template, database)
    writer = sqlite3.connect(database)
    try:
        writer.execute("PRAGMA journal_mode=WAL")
        writer.execute("PRAGMA wal_autocheckpoint=0")
        unit_id = writer.execute("SELECT id FROM unit ORDER BY id LIMIT 1").fetchone()[0]
        with writer:
            writer.execute("UPDATE unit SET name = 'Nytt namn i WAL' WHERE id = ?", (unit_id,))
        assert (tmp_path / f"{database.name}-wal").stat().st_size > 0
        snapshot = read_register_snapshot(database)
    finally:
        writer.close()
    assert snapshot is not None
    assert {u.id: u.name for u in snapshot.rows}[unit_id] == "Nytt namn i WAL"
