"""The report of a follow-up straight from its stored part snapshots.

Why: a finalized part's report content is its frozen snapshot, stored as JSON
in ``part_revision.snapshot``. Reading that with the standard library's
sqlite3 (read only) spares ``uppfoljaren report`` the imports of SQLAlchemy,
the models and the visit services, which cost a single report more than the
rendering itself. The mapping is the shared ``map_snapshots``, fed the very
dicts the normal path (report.py ``_snapshots``) would read, so the bytes are
identical.

Every function returns None whenever the normal path must run instead:
- the database is missing, on a network drive, or not at the current schema
  (the normal path creates, refuses or backs up and migrates it);
- the follow-up is unknown (the normal path says so);
- any part's current revision has no stored snapshot (drafts, and history
  bulk-loaded without snapshots): those are built from the rows.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from app.netdrive import is_network_path
from app.services.report_map import PART_ORDER, map_snapshots
from app.templates.report.data import ReportData

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations" / "versions"
# The same reading of the migration files as app.db's head_revision, which
# cannot be imported here without SQLAlchemy.
_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


@cache
def head_revision() -> str | None:
    """The single head of the shipped migrations (None if not exactly one)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in MIGRATIONS_DIR.glob("*.py"):
        for kind, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            (revisions if kind == "revision" else parents).add(value)
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None


def connect_read_only(database: Path | None) -> sqlite3.Connection | None:
    """A read-only connection if the database is usable as it is, else None."""
    if database is None or not database.is_file() or is_network_path(database.parent):
        return None
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        current = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:  # not ours, or locked: the normal path reports it
        current = None
    if current is None or current[0] != head_revision():
        conn.close()
        return None
    return conn


@contextmanager
def read_only(database: Path | None) -> Iterator[sqlite3.Connection | None]:
    conn = connect_read_only(database)
    if conn is None:
        yield None
        return
    with closing(conn):
        yield conn


def stored_snapshots(conn: sqlite3.Connection, visit_id: str) -> list[dict[str, Any]] | None:
    """Each part's snapshot at its current revision, sol before hsl; None unless
    every part has one stored."""
    rows = conn.execute(
        "SELECT vp.part, pr.snapshot FROM visit_part AS vp LEFT JOIN part_revision AS pr"
        " ON pr.visit_id = vp.visit_id AND pr.part = vp.part AND pr.revision = vp.revision"
        " WHERE vp.visit_id = ?", (visit_id,)).fetchall()
    if not rows or any(text is None for _, text in rows):
        return None
    rows.sort(key=lambda r: PART_ORDER.index(r[0]) if r[0] in PART_ORDER else len(PART_ORDER))
    return [json.loads(text) for _, text in rows]


def previous_visit_on(conn: sqlite3.Connection, snapshot: dict[str, Any]) -> date | None:
    """As report.py's: the site-visit day of the follow-up before this one."""
    previous_id = snapshot["visit"].get("previous_visit_id")
    if not previous_id:
        return None
    row = conn.execute("SELECT visit_start FROM visit WHERE id = ?", (previous_id,)).fetchone()
    # Stored as ISO text ("YYYY-MM-DD HH:MM:SS.ffffff"): the day is its first ten characters.
    return date.fromisoformat(row[0][:10]) if row and row[0] else None


def stored_report_data(conn: sqlite3.Connection, visit_id: str, *, organisation: str,
                       logo: Path | None, internal: bool = False) -> ReportData | None:
    snaps = stored_snapshots(conn, visit_id)
    if snaps is None:
        return None
    return map_snapshots(snaps, organisation=organisation, logo=logo, internal=internal,
                         previous_visit_on=previous_visit_on(conn, snaps[0]))


def fast_report_data(database: Path, visit_id: str, *, organisation: str, logo: Path | None,
                     internal: bool = False) -> ReportData | None:
    """The report of ``visit_id`` from stored snapshots, or None (see the module)."""
    with read_only(database) as conn:
        if conn is None:
            return None
        return stored_report_data(conn, visit_id, organisation=organisation, logo=logo,
                                  internal=internal)


class StoredReports:
    """A batch's reads of stored snapshots over one read-only connection,
    opened on first use. ``data`` is None for a follow-up the normal path
    must build (see the module)."""

    def __init__(self, database: Path | None) -> None:
        self._database = database
        self._conn: sqlite3.Connection | None = None
        self._opened = False

    def data(self, visit_id: str, *, organisation: str, logo: Path | None,
             internal: bool = False) -> ReportData | None:
        if not self._opened:
            self._conn, self._opened = connect_read_only(self._database), True
        if self._conn is None:
            return None
        return stored_report_data(self._conn, visit_id, organisation=organisation, logo=logo,
                                  internal=internal)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
