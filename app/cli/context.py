"""What every command gets: resolved paths and an opened database.

The database layer is imported on first use of ``engine``/``sessions``: a
command that reads the database without SQLAlchemy (the report's fast path)
or not at all does not pay for importing it.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from app.paths import AppPaths, resolve_paths

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker


@dataclass
class CliContext:
    args: argparse.Namespace

    @cached_property
    def paths(self) -> AppPaths:
        return resolve_paths(getattr(self.args, "data_dir", None)).ensure()

    @cached_property
    def engine(self) -> Engine:
        from app.db import open_database

        return open_database(self.paths.database)

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        from app.db import session_factory

        return session_factory(self.engine)
