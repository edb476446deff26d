"""Fixtures for the GUI shell: a context on a private demo database whose
tasks run inline, and a main window built through the real factory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app.paths import AppPaths, resolve_paths
from app.settings import Settings
from app.ui.context import UiContext
from app.ui.tasks import SyncTaskRunner


@pytest.fixture
def ui_paths(data_dir: Path) -> AppPaths:
    return resolve_paths(data_dir).ensure()


@pytest.fixture
def ui_ctx(qapp: object, ui_paths: AppPaths,
           demo_sessions: sessionmaker[Session]) -> Iterator[UiContext]:
    from app.ui.application import install_language

    settings = Settings.load(ui_paths.settings_file)
    install_language(settings.language)
    yield UiContext(paths=ui_paths, sessions=demo_sessions, settings=settings,
                    tasks=SyncTaskRunner())
    install_language("sv")  # the next test starts in Swedish


@pytest.fixture
def main_window(qtbot, ui_ctx: UiContext):  # type: ignore[no-untyped-def]
    from app.ui.application import create_main_window

    window = create_main_window(ui_ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window
