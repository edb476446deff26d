"""Is a database at the current schema with the current shipped data? Read
without SQLAlchemy, alembic or yaml.

``app.db`` decides with these when it opens a database (migrate or not,
reload shipped data or not); the start-up snapshot
(``app.services.register_snapshot``) asks the same questions before it shows
the register from a plain read-only query, while SQLAlchemy is still loading.
Keeping both answers here means they cannot drift apart.
"""

from __future__ import annotations

import re
import zlib
from functools import cache
from pathlib import Path

APP_DIR = Path(__file__).resolve().parent
MIGRATIONS_DIR = APP_DIR / "migrations"
# The same files as app.services.reference.REFERENCE_FILE and
# app.services.template_format.shipped_template_files() (a test holds them
# equal); spelled out here because those modules import SQLAlchemy and yaml.
REFERENCE_FILE = APP_DIR / "data" / "reference.yaml"
TEMPLATES_DIR = APP_DIR / "templates"

_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


@cache
def revision_graph() -> tuple[frozenset[str], frozenset[str]]:
    """(every revision id, every id some migration builds on), read from the
    migration files without importing alembic, which costs a start-up."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for kind, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            (revisions if kind == "revision" else parents).add(value)
    return frozenset(revisions), frozenset(parents)


def head_revision() -> str:
    revisions, parents = revision_graph()
    heads = sorted(revisions - parents)
    assert len(heads) == 1, f"expected one migration head, found {heads}"
    return heads[0]


def _template_version_key(path: Path) -> tuple[int, ...]:
    match = re.search(r"(\d{4})\.(\d+)", path.name)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def shipped_data_files() -> list[Path]:
    """Reference data, then the shipped template files oldest first."""
    templates = sorted(TEMPLATES_DIR.glob("uppfoljningsmall-*.yaml"), key=_template_version_key)
    return [REFERENCE_FILE, *templates]


def shipped_data_stamp() -> int:
    """A checksum of the shipped reference data and template files, kept in
    the database's ``PRAGMA user_version`` once they are loaded."""
    stamp = 0
    for path in shipped_data_files():
        stamp = zlib.crc32(path.read_bytes(), stamp)
    return stamp & 0x7FFFFFFF  # user_version is a signed 32-bit integer
