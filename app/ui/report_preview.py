"""Report preview inside the app: QtPdf's view, plus print, save as and open.

The PDF is rendered off the UI thread (``ctx.tasks``) by the report service;
the view shows those very bytes, and Spara som…, Skriv ut… and Öppna i
PDF-läsare all use them too, so what the user saw is what leaves the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.durable_io import write_bytes_atomic
from app.services import report as report_service
from app.ui.context import UiContext
from app.ui.i18n import error_text

PRINT_DPI_CAP = 300  # enough for text; keeps a page image under ~35 MB


@dataclass(frozen=True)
class RenderedReport:
    visit_id: str
    file_name: str
    title: str
    pdf: bytes
    draft: bool
    internal: bool = False


def render_for_preview(ctx: UiContext, visit_id: str, internal: bool) -> RenderedReport:
    """On a worker: the report's bytes (own session, no widgets touched)."""
    from app.templates.report import render_report_bytes

    settings = ctx.settings
    logo = Path(settings.logo_path) if settings.logo_path else None
    with ctx.sessions() as session:
        data = report_service.report_data_for(session, visit_id, internal=internal,
                                              organisation=settings.organisation_name,
                                              logo=logo)
    pdf = render_report_bytes(data)
    stem = f"{data.year}_{report_service.slug(data.unit.name)[:60]}_{data.report_id}" \
           f"_r{data.revision}" + ("_utkast" if data.is_draft else "") \
           + ("_intern" if internal else "")
    return RenderedReport(visit_id, f"{stem}.pdf", data.title, pdf, data.is_draft, internal)


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Each page as an image at the printer's resolution onto its painter; pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    dpi = min(printer.resolution(), PRINT_DPI_CAP)
    target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
    target.moveTo(0, 0)
    printed = 0
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(page, QSize(round(points.width() * dpi / 72),
                                                round(points.height() * dpi / 72)))
            scale = min(target.width() / image.width(), target.height() / image.height())
            painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale),
                              image)
            printed += 1
    finally:
        painter.end()
    return printed


class ReportPreview(QWidget):
    """Shows one follow-up's report; the page and the dialog both use it."""

    loaded = Signal(str)  # visit id, once the document is shown
    failed = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: RenderedReport | None = None
        self._visit_id: str | None = None
        self._bytes = QByteArray()
        self._buffer = QBuffer(self)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(self.tr("Välj en uppföljning för att se rapporten."), self)
        self.status.setWordWrap(True)
        self.internal = QCheckBox(self.tr("Intern kopia"), self)
        self.internal.setToolTip(self.tr("Med anteckningen om misstänkta oegentligheter. "
                                         "Lämnas aldrig ut."))
        self.internal.toggled.connect(self._reload)
        self.print_button = QPushButton(self.tr("Skriv ut…"), self)
        self.save_button = QPushButton(self.tr("Spara som…"), self)
        self.open_button = QPushButton(self.tr("Öppna i PDF-läsare"), self)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_as)
        self.open_button.clicked.connect(self.open_external)
        buttons = QHBoxLayout()
        buttons.addWidget(self.internal)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, self.open_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for button in (self.print_button, self.save_button, self.open_button):
            button.setEnabled(on)

    def show_visit(self, visit_id: str | None) -> None:
        self._visit_id = visit_id
        self._reload()

    def _reload(self) -> None:
        visit_id, internal = self._visit_id, self.internal.isChecked()
        self._set_enabled(False)
        if visit_id is None:
            self._clear()
            return
        self.status.setText(self.tr("Skapar rapporten…"))
        self.ctx.tasks.run(lambda _state: render_for_preview(self.ctx, visit_id, internal),
                           self._show, self._error, parallel=True)

    def _clear(self) -> None:
        self.document.close()
        self.report = None
        self.status.setText(self.tr("Välj en uppföljning för att se rapporten."))

    def _show(self, report: RenderedReport) -> None:
        # A slower render for an earlier selection must not replace the current one.
        if (report.visit_id, report.internal) != (self._visit_id, self.internal.isChecked()):
            return
        self.document.close()
        self._buffer.close()
        self._bytes = QByteArray(report.pdf)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.report = report
        text = self.tr("{title} – {pages} sidor").format(title=report.title,
                                                        pages=self.document.pageCount())
        if report.draft:
            text += self.tr(" (utkast: uppföljningen är inte fastställd)")
        self.status.setText(text)
        self._set_enabled(True)
        self.loaded.emit(report.visit_id)

    def _error(self, error: BaseException) -> None:
        self.status.setText(self.tr("Rapporten kunde inte skapas: {error}").format(
            error=error_text(error)))
        self.failed.emit(str(error))

    # --- actions -------------------------------------------------------------------
    def save_as(self) -> Path | None:
        if self.report is None:
            return None
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Spara rapporten"), str(Path.home() / self.report.file_name),
            self.tr("PDF (*.pdf)"))
        if not name:
            return None
        target = Path(name if name.lower().endswith(".pdf") else f"{name}.pdf")
        return self._write(target)

    def _write(self, target: Path) -> Path | None:
        assert self.report is not None
        try:
            write_bytes_atomic(target, self.report.pdf)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Kan inte spara"), self.tr(
                "Rapporten kunde inte sparas i {path}: {error}").format(
                    path=target, error=error.strerror or error))
            return None
        return target

    def open_external(self) -> Path | None:
        """Write to the data dir (not the temp dir: cleaners and other users) and
        hand it to the system's PDF reader."""
        if self.report is None:
            return None
        target = self._write(self.ctx.paths.data_dir / "rapporter" / self.report.file_name)
        if target is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return target

    def print_report(self) -> None:
        if self.report is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.report.title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Skriv ut rapporten"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_pdf(self.document, printer)


class ReportPreviewDialog(QDialog):
    """The visit window's Förhandsgranska rapport: one follow-up's report."""

    def __init__(self, ctx: UiContext, visit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Förhandsgranska rapport"))
        self.resize(900, 1000)
        self.preview = ReportPreview(ctx, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        self.preview.show_visit(visit_id)
