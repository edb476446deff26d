"""Child process for the cross-process race in test_outbox_prepare.py: a second
program on the same laptop (``uppfoljaren sync`` beside the window) preparing
every pending revision at the same time as the parent.

    python -m tests.sync_app.child_prepare DATA_DIR GO_FILE

Prints ``READY`` when it has rendered one report (warm), waits for GO_FILE, then prints
``QUEUED <n>`` and one ``ERR <message>`` per problem.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sqlalchemy.orm import Session

from app.db import make_engine, session_factory, sqlite_url
from app.paths import resolve_paths
from app.services.outbox_prepare import catch_up, signing_key
from app.services.report import report_pdf_for_part_revision
from app.services.sync_outbox import pending_revisions
from app.settings import Settings


def warm_up(session: Session, settings: Settings) -> None:
    """Render one report and throw it away: the imports and fonts are loaded
    before the start, so the processes really race for the same revisions."""
    rev = pending_revisions(session)[0]
    report_pdf_for_part_revision(session, *rev, organisation=settings.organisation_name,
                                 logo=None)


def main(argv: list[str]) -> int:
    paths = resolve_paths(Path(argv[0]))
    go = Path(argv[1])
    engine = make_engine(sqlite_url(paths.database))
    settings = Settings.load(paths.settings_file)
    key = signing_key(settings, paths)
    with session_factory(engine)() as session:
        warm_up(session, settings)
    print("READY", flush=True)
    deadline = time.monotonic() + 60
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    with session_factory(engine)() as session:
        result = catch_up(session, paths, settings, key, workers=0)
    print(f"QUEUED {result.queued}", flush=True)
    for error in result.errors:
        print(f"ERR {error}", flush=True)
    engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
