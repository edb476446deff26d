"""The Rapporter page, the preview and the batch dialog, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from sqlalchemy.orm import Session, sessionmaker

from app.paths import resolve_paths
from app.services.report import ReportRow, report_file_name, report_rows
from app.settings import Settings
from app.ui.context import UiContext
from app.ui.report_preview import ReportPreviewDialog, print_pdf
from app.ui.reports_page import STATUS_COMPLETE, ReportsPage
from app.ui.tasks import SyncTaskRunner, TaskRunner
from tests.report.pdftools import pypdf_text


def _ctx(sessions: sessionmaker[Session], data_dir: Path, tasks: TaskRunner) -> UiContext:
    paths = resolve_paths(data_dir).ensure()
    settings = Settings(path=paths.settings_file, officer_name="Anna Uppföljare",
                        officer_role="verksamhetsuppfoljare", officer_district="Farsta")
    return UiContext(paths=paths, sessions=sessions, settings=settings, tasks=tasks)


@pytest.fixture
def ctx(qapp: object, demo_sessions: sessionmaker[Session], data_dir: Path) -> UiContext:
    return _ctx(demo_sessions, data_dir, SyncTaskRunner())


@pytest.fixture
def page(qtbot, ctx: UiContext) -> ReportsPage:  # type: ignore[no-untyped-def]
    widget = ReportsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    return widget


def test_filters_fill_the_list_through_the_service(page: ReportsPage, ctx: UiContext) -> None:
    assert page.district.currentData() == "Farsta"  # the officer's own district first
    page.status.setCurrentIndex(STATUS_COMPLETE)
    with ctx.sessions() as session:
        expected = report_rows(session, year=page.selected_year(), district="Farsta",
                               complete=True)
    assert page.model.rowCount() == len(expected) > 0
    assert [page.model.row_at(i).visit_id for i in range(page.model.rowCount())] == [
        r.visit_id for r in expected]


def test_preview_loads_the_document_and_actions_use_its_bytes(
        page: ReportsPage, ctx: UiContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not page.preview.save_button.isEnabled()
    page.select_row(0)
    preview = page.preview
    assert preview.report is not None
    assert preview.document.pageCount() > 3
    assert preview.save_button.isEnabled()
    row = page.model.row_at(0)
    assert row.unit_name in preview.status.text()

    target = tmp_path / "sparad"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "PDF (*.pdf)")))
    saved = preview.save_as()
    assert saved == tmp_path / "sparad.pdf" and saved.read_bytes() == preview.report.pdf

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    written = preview.open_external()
    assert written is not None and written.parent == ctx.paths.data_dir / "rapporter"
    assert opened == [str(written)] and written.read_bytes() == preview.report.pdf

    preview.internal.setChecked(True)
    assert preview.report is not None
    assert "Intern anteckning" in pypdf_text(preview.report.pdf)


def test_printing_renders_every_page(page: ReportsPage, tmp_path: Path) -> None:
    page.select_row(0)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "utskrift.pdf"))
    pages = page.preview.document.pageCount()
    assert print_pdf(page.preview.document, printer) == pages
    from pypdf import PdfReader

    assert len(PdfReader(tmp_path / "utskrift.pdf").pages) == pages


def test_batch_dialog_writes_the_complete_reports(page: ReportsPage, ctx: UiContext,
                                                  tmp_path: Path) -> None:
    dialog = page.open_batch()
    assert dialog is not None
    with ctx.sessions() as session:
        rows = report_rows(session, year=dialog.year, district="Farsta", complete=True)
    results: list[object] = []
    dialog.finished_batch.connect(results.append)
    dialog.start(tmp_path / "ut")
    assert sorted(p.name for p in (tmp_path / "ut").iterdir()) == sorted(
        report_file_name(r) for r in rows)
    assert len(results) == 1 and results[0] is not None


@pytest.fixture
def threaded_ctx(qapp: object, demo_sessions: sessionmaker[Session], data_dir: Path
                 ) -> Iterator[UiContext]:
    ctx = _ctx(demo_sessions, data_dir, TaskRunner())
    yield ctx
    ctx.tasks.cancel_all()
    ctx.tasks.wait()


def test_batch_cancel_stops_early_with_only_whole_files(qtbot, threaded_ctx: UiContext,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    page = ReportsPage(threaded_ctx)
    qtbot.addWidget(page)
    page.district.setCurrentIndex(0)  # all districts: far more than the test waits for
    dialog = page.open_batch()
    assert dialog is not None
    out = tmp_path / "ut"
    results: list[object] = []
    dialog.finished_batch.connect(results.append)
    handle = dialog.start(out)
    qtbot.waitUntil(lambda: out.exists() and any(out.iterdir()), timeout=60_000)
    handle.cancel()
    qtbot.waitUntil(lambda: handle.done, timeout=60_000)
    files = list(out.iterdir())
    with threaded_ctx.sessions() as session:
        total = len(report_rows(session, year=dialog.year, complete=True))
    assert results == [None]  # cancelled
    assert 1 <= len(files) < total
    assert all(f.suffix == ".pdf" and f.read_bytes().rstrip().endswith(b"%%EOF") for f in files)


def test_preview_dialog_shows_a_draft(qtbot, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    with ctx.sessions() as session:
        row: ReportRow = report_rows(session, year=2026, complete=False)[0]
    dialog = ReportPreviewDialog(ctx, row.visit_id)
    qtbot.addWidget(dialog)
    assert dialog.preview.report is not None and dialog.preview.report.draft
    assert "UTKAST" in pypdf_text(dialog.preview.report.pdf)


def test_visit_window_has_the_preview_action(qtbot, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    from app.ui.visits.visit_window import VisitWindow

    with ctx.sessions() as session:
        row = report_rows(session, year=2025, complete=True)[0]
    window = VisitWindow(ctx, row.visit_id)
    qtbot.addWidget(window)
    action = next(a for a in window.findChildren(QAction)
                  if a.text() == "Förhandsgranska rapport")
    action.trigger()
    preview = window.report_dialog.preview
    assert preview.report is not None and preview.report.visit_id == row.visit_id
    assert not preview.report.draft
