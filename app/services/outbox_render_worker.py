"""What each process of the parallel outbox catch-up (outbox_prepare.py) runs:
the report PDF of one finalized part revision, from stored snapshots only.

A module of its own because "spawn" workers import the module their
functions live in: like report_worker.py, this one imports neither
SQLAlchemy nor the models (start-up time and memory per worker). It reads
the database with plain sqlite3, read only (report_fast.py), and maps the
very snapshots ``report_pdf_for_part_revision`` would read, through the same
``map_snapshots``, so the bytes are identical.

A revision it cannot print from stored snapshots alone (the other part's
revision was bulk-loaded without a snapshot, the database is not usable
read only, anything unexpected) gives None: the parent renders that one
itself, on the normal path, which also words any error.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from app.services.report_fast import connect_read_only, previous_visit_on
from app.services.report_map import PART_ORDER, map_snapshots
from app.templates.report.data import ReportData

_DATABASE: Path | None = None
_CONN: sqlite3.Connection | None = None
_OPENED = False


def init_worker(database: str) -> None:
    global _DATABASE
    _DATABASE = Path(database)


def _part_order(code: str) -> int:
    return PART_ORDER.index(code) if code in PART_ORDER else len(PART_ORDER)


def revision_report_data(conn: sqlite3.Connection, visit_id: str, part: str, revision: int, *,
                         organisation: str, logo: Path | None) -> ReportData | None:
    """As report.py's ``report_pdf_for_part_revision``: this revision's snapshot,
    and each other part at its latest revision finalized no later than this
    one (left out if it has none). None if a needed snapshot is not stored."""
    own = conn.execute(
        "SELECT finalized_at, snapshot FROM part_revision"
        " WHERE visit_id = ? AND part = ? AND revision = ?", (visit_id, part, revision)).fetchone()
    if own is None or own[0] is None or own[1] is None:
        return None
    snaps: list[dict[str, Any]] = [json.loads(own[1])]
    codes = sorted((r[0] for r in conn.execute(
        "SELECT part FROM visit_part WHERE visit_id = ?", (visit_id,))), key=_part_order)
    for other in codes:
        if other == part:
            continue
        # finalized_at is stored as ISO text with microseconds: text order is time order.
        row = conn.execute(
            "SELECT snapshot FROM part_revision WHERE visit_id = ? AND part = ?"
            " AND finalized_at IS NOT NULL AND finalized_at <= ?"
            " ORDER BY revision DESC LIMIT 1", (visit_id, other, own[0])).fetchone()
        if row is None:
            continue
        if row[0] is None:  # bulk-loaded history: built from its rows by the normal path
            return None
        snaps.append(json.loads(row[0]))
    return map_snapshots(snaps, organisation=organisation, logo=logo,
                         previous_visit_on=previous_visit_on(conn, snaps[0]))


def render_revision(visit_id: str, part: str, revision: int, organisation: str,
                    logo: str | None) -> bytes | None:
    """The report PDF of one revision, or None for the parent to render."""
    global _CONN, _OPENED
    from app.templates.report import render_report_bytes

    if not _OPENED:
        _CONN, _OPENED = connect_read_only(_DATABASE), True
    if _CONN is None:
        return None
    try:
        data = revision_report_data(_CONN, visit_id, part, revision, organisation=organisation,
                                    logo=Path(logo) if logo else None)
        return render_report_bytes(data) if data is not None else None
    except Exception:  # noqa: BLE001 - the parent renders it again and words the error
        return None
