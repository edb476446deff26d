"""The unit register read at start-up, before SQLAlchemy has loaded.

Importing SQLAlchemy and the models is the longest step of a cold start, and
the register is what the user waits for. So when the database is already
fully usable as it is, the start reads the register's rows and filter choices
with the standard library's ``sqlite3`` over a read-only connection, shows
them, and attaches the full database layer behind them.

"Usable as it is" means that ``app.db.open_database`` would change nothing
and refuse nothing: the data dir is not on a network drive, the file exists,
its schema is the current migration head and its shipped data carries the
current stamp. Otherwise ``read_register_snapshot`` returns None and the
start takes the normal path (create, or back up and migrate, or refuse with
the usual message) before anything is shown.

The rows are exactly those of ``app.services.units.list_units`` and
``choices`` (a test holds them equal); no Qt and no SQLAlchemy here.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.netdrive import is_network_path
from app.schema_version import head_revision, shipped_data_stamp
from app.services.unit_rows import Choices, UnitRow

log = logging.getLogger(__name__)

# The same joins and order as app.services.units.list_units.
_UNITS_SQL = """
SELECT unit.id, unit.name, unit.type_code, unit_type.name, unit.regiform_code,
       regiform.name, provider.name, unit.address, own.name, followup.name,
       region.name, unit.outside_city, unit.places, unit.parity, unit.active_from,
       unit.active_to, unit.manager
FROM unit
JOIN unit_type ON unit.type_code = unit_type.code
JOIN regiform ON unit.regiform_code = regiform.code
LEFT OUTER JOIN provider ON unit.provider_id = provider.id
LEFT OUTER JOIN district AS own ON unit.district_id = own.id
JOIN district AS followup ON unit.followup_district_id = followup.id
JOIN region ON followup.region_id = region.id
ORDER BY unit.name, unit.id
"""
# The same orders as app.services.units.choices.
_DISTRICTS_SQL = "SELECT name, valid_from, valid_to FROM district ORDER BY district.name"
_TYPES_SQL = "SELECT code, name FROM unit_type ORDER BY unit_type.sort_order"
_REGIFORMS_SQL = "SELECT code, name FROM regiform ORDER BY regiform.sort_order"


@dataclass(frozen=True)
class RegisterSnapshot:
    rows: list[UnitRow]
    choices: Choices


def _day(value: str | None) -> date | None:
    # SQLAlchemy's Date on SQLite stores ISO text; the same parse gives equal rows.
    return date.fromisoformat(value) if value else None


def _is_current(conn: sqlite3.Connection) -> bool:
    """Schema at head and shipped data loaded: open_database would do nothing."""
    has_version = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has_version:
        return False
    revisions = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
    if revisions != [head_revision()]:
        return False
    return conn.execute("PRAGMA user_version").fetchone()[0] == shipped_data_stamp()


def _read(conn: sqlite3.Connection, on: date) -> RegisterSnapshot:
    rows = [
        UnitRow(
            id=r[0], name=r[1], type_code=r[2], type_name=r[3], regiform_code=r[4],
            regiform_name=r[5], provider=r[6] or "", address=r[7], district=r[8] or "",
            followup_district=r[9], region=r[10], outside_city=bool(r[11]), places=r[12],
            parity=r[13], active_from=_day(r[14]), active_to=_day(r[15]),
            manager=r[16] or "",
        )
        for r in conn.execute(_UNITS_SQL)
    ]
    districts = []
    for name, valid_from, valid_to in conn.execute(_DISTRICTS_SQL):
        start, end = _day(valid_from), _day(valid_to)
        # As District.is_valid_on: valid_to is inclusive.
        if (start is None or on >= start) and (end is None or on <= end):
            districts.append(name)
    return RegisterSnapshot(
        rows=rows,
        choices=Choices(
            districts=districts,
            unit_types=[(code, name) for code, name in conn.execute(_TYPES_SQL)],
            regiforms=[(code, name) for code, name in conn.execute(_REGIFORMS_SQL)],
        ),
    )


def read_register_snapshot(path: Path, on: date | None = None) -> RegisterSnapshot | None:
    """The register and its filter choices from the database at ``path``, or
    None when the normal open must come first (see the module docstring).
    Never changes the database (SQLite may create its empty -wal and -shm
    side files, as any open does) and never raises for one it cannot use."""
    if not path.is_file() or is_network_path(path.parent):
        return None
    try:
        # mode=ro: nothing here may create or change the database; one that
        # needs work is left to open_database. Not immutable=1: that would
        # ignore committed work still in the -wal file.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error as error:
        log.info("register snapshot: cannot open %s read-only (%s)", path, error)
        return None
    try:
        with conn:
            if not _is_current(conn):
                return None
            return _read(conn, on or date.today())
    except (sqlite3.Error, ValueError) as error:  # ValueError: a date not in ISO form
        log.info("register snapshot: %s not read (%s)", path, error)
        return None
    finally:
        conn.close()
