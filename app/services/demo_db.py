"""Creating the demo database file: the embedded default the app starts on."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.db import backup_database, open_database
from app.services.demo import DEFAULT_SEED, DemoSummary, create_demo, demo_exists


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def ensure_demo_database(
    path: Path, *, seed: int = DEFAULT_SEED, force: bool = False
) -> DemoSummary | None:
    """Create the demo database at ``path`` if it has no units (or, with
    ``force``, replace it after a backup). Returns None when nothing was done."""
    if force and path.exists():
        backup_database(path)
        _remove_database(path)
    engine = open_database(path)
    try:
        with Session(engine) as session, session.begin():
            if demo_exists(session):
                return None
            return create_demo(session, seed=seed)
    finally:
        engine.dispose()

# Demo extensions register themselves on import (DEMO_EXTENSIONS).
import app.services.demo_visits  # noqa: E402, F401
