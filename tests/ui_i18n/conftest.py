"""The program in English over the demo database."""

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
def english(qapp: object) -> Iterator[None]:
    """The English translation installed, as the settings page does."""
    from app.ui.application import install_language

    install_language("en")
    yield
    install_language("sv")  # the next test starts in Swedish


@pytest.fixture
def english_ctx(english: None, data_dir: Path,
                demo_sessions: sessionmaker[Session]) -> UiContext:
    paths: AppPaths = resolve_paths(data_dir).ensure()
    settings = Settings.load(paths.settings_file)
    settings.language = "en"
    return UiContext(paths=paths, sessions=demo_sessions, settings=settings,
                     tasks=SyncTaskRunner())
