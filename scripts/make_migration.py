"""Developer tool: autogenerate the next Alembic migration from the models.

Usage: .venv/bin/python scripts/make_migration.py 0003 "short message"
It upgrades a throw-away database to the current head, then compares it with
the models. Review the generated file before committing it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from app.db import alembic_config, make_engine, sqlite_url


def main() -> None:
    rev_id, message = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(sqlite_url(Path(tmp) / "scratch.sqlite3"))
        cfg = alembic_config(engine)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            command.revision(cfg, message=message, autogenerate=True, rev_id=rev_id)


if __name__ == "__main__":
    main()
