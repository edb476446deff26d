"""The report command as a user runs it (a real process), and the batch service."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app.services.report import ReportRow, batch_reports, report_file_name, report_rows, slug
from app.services.task_state import Cancelled, TaskState
from tests.report.pdftools import pypdf_text
from tests.report_app.conftest import ORG

ROOT = Path(__file__).resolve().parents[2]


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "app.cli.main", "--data-dir", str(data_dir),
                           "report", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=300, check=False)


@pytest.fixture
def demo_dir(demo_engine, data_dir: Path) -> Path:  # type: ignore[no-untyped-def]
    demo_engine.dispose()  # the subprocess opens the same file
    return data_dir


def test_single_report(demo_dir: Path, demo_sessions: sessionmaker[Session], tmp_path: Path
                       ) -> None:
    with demo_sessions() as session:
        row = report_rows(session, year=2025, complete=True)[0]
    out = tmp_path / "rapport.pdf"
    result = cli(demo_dir, row.visit_id, "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = pypdf_text(out.read_bytes())
    assert row.unit_name in text and "Intern anteckning" not in text
    second = tmp_path / "again.pdf"
    assert cli(demo_dir, row.visit_id, "--out", str(second)).returncode == 0
    assert second.read_bytes() == out.read_bytes()
    internal = tmp_path / "intern.pdf"
    assert cli(demo_dir, row.visit_id, "--out", str(internal), "--internal").returncode == 0
    assert "Intern anteckning" in pypdf_text(internal.read_bytes())


def test_unknown_visit_is_a_swedish_error(demo_dir: Path, tmp_path: Path) -> None:
    result = cli(demo_dir, "finnsinte", "--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert "Ingen uppföljning med id finnsinte" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_usage_errors(demo_dir: Path) -> None:
    assert cli(demo_dir, "abc").returncode == 2  # no --out
    assert cli(demo_dir).returncode == 2


def test_batch_for_a_district(demo_dir: Path, demo_sessions: sessionmaker[Session],
                              tmp_path: Path) -> None:
    with demo_sessions() as session:
        rows = report_rows(session, year=2024, district="Farsta", complete=True)
    out = tmp_path / "ut"
    result = cli(demo_dir, "--year", "2024", "--district", "Farsta", "--out-dir", str(out))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(report_file_name(r) for r in rows) and len(names) >= 3
    assert all(n.startswith("2024_") and n.endswith("_r1.pdf") for n in names)
    assert cli(demo_dir, "--year", "2024", "--district", "Atlantis", "--out-dir",
               str(out)).returncode == 1


def test_file_name_rule() -> None:
    assert slug("Åkerns vård- och omsorgsboende") == "akerns-vard-och-omsorgsboende"
    assert slug("!!!") == "enhet"
    row = ReportRow("v", "E1 0/2", "Ängen", "Farsta", 2025, 2, None, "Fastställd", True, 3)
    assert report_file_name(row) == "2025_angen_E1-0-2-2_r3.pdf"


def test_batch_cancel_leaves_only_whole_reports(demo_sessions: sessionmaker[Session],
                                               tmp_path: Path) -> None:
    state = TaskState()

    def progress(done: int, total: int, text: str) -> None:
        if done == 2:
            state.request_cancel()

    state.on_progress = progress
    with pytest.raises(Cancelled):
        batch_reports(demo_sessions, 2025, None, tmp_path / "ut", state, organisation=ORG,
                      logo=None)
    files = list((tmp_path / "ut").iterdir())
    assert len(files) == 2  # nothing half-written, no temp files left
    assert all(f.suffix == ".pdf" and f.read_bytes().rstrip().endswith(b"%%EOF") for f in files)


def test_batch_skips_drafts_and_reports_failures(demo_sessions: sessionmaker[Session],
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import app.services.report as service
    from app.templates.report import build

    with demo_sessions() as session:
        rows = report_rows(session, year=2026, district="Farsta")
    real = build.render_report_bytes
    broken_row = next(r for r in rows if r.complete)
    broken = broken_row.visit_id

    # Both the stored-snapshot path and the rows path render through here.
    def flaky(data):  # type: ignore[no-untyped-def]
        if data.report_id == f"{broken_row.year}-{broken_row.unit_id}-{broken_row.seq}":
            raise service.UserFacingError("Ögonblicksbilden är skadad.")
        return real(data)

    monkeypatch.setattr(build, "render_report_bytes", flaky)
    result = batch_reports(demo_sessions, 2026, "Farsta", tmp_path / "ut", TaskState(),
                           organisation=ORG, logo=None)
    assert len(result.skipped) == sum(1 for r in rows if not r.complete) > 0
    assert [(r.visit_id, m) for r, m in result.failed] == [(broken, "Ögonblicksbilden är skadad.")]
    assert len(result.written) == sum(1 for r in rows if r.complete) - 1
    assert sorted((tmp_path / "ut").iterdir()) == sorted(result.written)
