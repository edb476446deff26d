"""What every command gets: resolved paths and an opened database."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.db import open_database, session_factory
from app.paths import AppPaths, resolve_paths


@dataclass
class CliContext:
    args: argparse.Namespace

    @cached_property
    def paths(self) -> AppPaths:
        return resolve_paths(getattr(self.args, "data_dir", None)).ensure()

    @cached_property
    def engine(self) -> Engine:
        return open_database(self.paths.database)

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        return session_factory(self.engine)
