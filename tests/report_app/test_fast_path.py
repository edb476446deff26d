"""The report from stored snapshots (report_fast.py) against the normal path.

The fast path must give the very bytes the normal path gives, and step aside
(None) whenever the normal path has something to do. The demo's stored
snapshots, built in memory (demo_store.freeze_in_memory), must equal what the
app builds from the stored rows.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.models.visit import PartRevision, VisitPart
from app.services.report import ReportRow, report_data_for, report_rows
from app.services.report_fast import fast_report_data, head_revision
from app.services.visits.snapshot import digest, live_snapshot
from app.templates.report import render_report_bytes
from tests.report_app.conftest import ORG
from tests.report_app.test_cli_batch import cli


def _database(engine: Engine) -> Path:
    assert engine.url.database is not None
    return Path(engine.url.database)


def test_demo_snapshots_equal_the_ones_built_from_the_rows(
        demo_sessions: sessionmaker[Session]) -> None:
    with demo_sessions() as session:
        stored = session.execute(
            select(PartRevision.visit_id, PartRevision.part, PartRevision.revision,
                   PartRevision.snapshot, PartRevision.sha256)
            .join(VisitPart, (VisitPart.visit_id == PartRevision.visit_id)
                  & (VisitPart.part == PartRevision.part)
                  & (VisitPart.revision == PartRevision.revision))
            .where(PartRevision.snapshot.is_not(None))).all()
        # Every finalized part of the last two demo years, both parts of two-part visits.
        assert len(stored) > 100
        assert {json.loads(s.snapshot)["visit"]["year"] for s in stored} == {2025, 2026}
        # In a reopened follow-up the other part's snapshot rightly keeps the
        # first revision's shared fields; the reopened part itself must match.
        reopened = set(session.scalars(select(VisitPart.visit_id).where(VisitPart.revision > 1)))
        assert reopened & {s.visit_id for s in stored}
        checked = 0
        for visit_id, part, revision, snapshot, sha in stored:
            if visit_id in reopened and revision == 1:
                continue
            if visit_id in reopened or checked % 5 == 0:
                assert json.loads(snapshot) == live_snapshot(session, visit_id, part)
                assert digest(snapshot) == sha
            checked += 1


@pytest.mark.parametrize("internal", [False, True])
def test_fast_path_gives_the_normal_paths_bytes(
        demo_engine: Engine, demo_sessions: sessionmaker[Session], final_row: ReportRow,
        internal: bool) -> None:
    kw = {"organisation": ORG, "logo": None, "internal": internal}
    fast = fast_report_data(_database(demo_engine), final_row.visit_id, **kw)  # type: ignore[arg-type]
    assert fast is not None
    with demo_sessions() as session:
        normal = report_data_for(session, final_row.visit_id, **kw)  # type: ignore[arg-type]
    assert fast == normal
    assert render_report_bytes(fast) == render_report_bytes(normal)


def test_fast_path_steps_aside(demo_engine: Engine, draft_row: ReportRow,
                               final_row: ReportRow, tmp_path: Path) -> None:
    database = _database(demo_engine)
    kw = {"organisation": ORG, "logo": None}
    assert fast_report_data(database, draft_row.visit_id, **kw) is None  # type: ignore[arg-type]
    assert fast_report_data(database, "finnsinte", **kw) is None  # type: ignore[arg-type]
    assert fast_report_data(tmp_path / "saknas.sqlite3", final_row.visit_id, **kw) is None  # type: ignore[arg-type]
    # A database at an older schema is migrated by the normal path first.
    with demo_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    assert head_revision() != "0001"
    assert fast_report_data(database, final_row.visit_id, **kw) is None  # type: ignore[arg-type]


def test_history_without_stored_snapshots_takes_the_normal_path(
        demo_engine: Engine, demo_sessions: sessionmaker[Session]) -> None:
    with demo_sessions() as session:
        row = report_rows(session, year=2021, complete=True)[0]
    assert fast_report_data(_database(demo_engine), row.visit_id, organisation=ORG,
                            logo=None) is None


def test_cli_fast_and_normal_paths_write_the_same_file(
        demo_engine: Engine, demo_sessions: sessionmaker[Session], final_row: ReportRow,
        data_dir: Path, tmp_path: Path) -> None:
    demo_engine.dispose()
    fast_pdf = tmp_path / "fast.pdf"
    assert cli(data_dir, final_row.visit_id, "--out", str(fast_pdf)).returncode == 0
    # Drop the stored snapshots: the command now builds them from the rows.
    with sqlite3.connect(_database(demo_engine)) as conn:
        conn.execute("UPDATE part_revision SET snapshot = NULL WHERE visit_id = ?",
                     (final_row.visit_id,))
    conn.close()
    normal_pdf = tmp_path / "normal.pdf"
    assert cli(data_dir, final_row.visit_id, "--out", str(normal_pdf)).returncode == 0
    assert fast_pdf.read_bytes() == normal_pdf.read_bytes()


def test_printing_a_finalized_follow_up_imports_no_database_layer(
        demo_engine: Engine, final_row: ReportRow, data_dir: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    demo_engine.dispose()
    out = tmp_path / "r.pdf"
    code = ("import sys; from app.cli.main import main; "
            f"rc = main(['--data-dir', {str(data_dir)!r}, 'report', {final_row.visit_id!r}, "
            f"'--out', {str(out)!r}]); "
            "heavy = [m for m in ('sqlalchemy', 'alembic', 'PySide6', 'yaml', 'app.models') "
            "if m in sys.modules]; print(heavy); sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[2], timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert out.read_bytes().startswith(b"%PDF")
