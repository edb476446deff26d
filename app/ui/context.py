"""What every page and dialog is given: one object, injected, never global."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from app.paths import AppPaths
from app.settings import Settings
from app.ui.tasks import TaskRunner


@dataclass
class UiContext:
    paths: AppPaths
    sessions: sessionmaker[Session]
    settings: Settings
    tasks: TaskRunner
