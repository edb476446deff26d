"""The visit window: six steps in a side list, one clear save status, undo.

Nothing here has a Save button: each view writes as the user edits (see
autosave.py). Pending typing is flushed on close and on application quit; if
the database refuses writes, the window says "Kan inte spara" once, keeps the
text on screen, and asks before closing with unsaved changes.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import UiContext
from app.ui.i18n import label
from app.ui.visits.assessment_view import AssessmentView
from app.ui.visits.attachments import attach_file
from app.ui.visits.audit_dialog import AuditDialog
from app.ui.visits.controller import STEPS, VisitContext
from app.ui.visits.factcheck_view import FactcheckView
from app.ui.visits.finalize_view import FinalizeView
from app.ui.visits.findings_view import FindingsView
from app.ui.visits.preanalysis_view import PreanalysisView
from app.ui.visits.save_status import (
    CannotSaveBanner,
    NoticeBanner,
    SaveStatusLabel,
    connect_status,
)
from app.ui.visits.visit_step_view import VisitStepView

STEP_LABELS = {
    "foranalys": QT_TRANSLATE_NOOP("VisitWindow", "1  Föranalys"),
    "platsbesok": QT_TRANSLATE_NOOP("VisitWindow", "2  Platsbesök"),
    "bedomning": QT_TRANSLATE_NOOP("VisitWindow", "3  Bedömning"),
    "fynd": QT_TRANSLATE_NOOP("VisitWindow", "4  Fynd"),
    "sakgranskning": QT_TRANSLATE_NOOP("VisitWindow", "5  Sakgranskning"),
    "faststall": QT_TRANSLATE_NOOP("VisitWindow", "6  Fastställ"),
}
IRREGULARITY_STYLE = (
    "QFrame#irregularity { background: #c62828; border-radius: 4px; }"
    "QFrame#irregularity QLabel { color: white; }"
)


class VisitWindow(QMainWindow):
    closed = Signal()

    def __init__(self, ctx: UiContext, visit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit = VisitContext(ctx, visit_id, self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.resize(1360, 860)
        self._build()
        self._actions()
        self._header()
        self.visit.reloaded.connect(self._header)
        self.visit.navigate_requested.connect(self.navigate)
        self.visit.irregularity_changed.connect(self._irregularity)
        app = QCoreApplication.instance()
        self._quit_hooked = app is not None
        if app is not None:
            app.aboutToQuit.connect(self.flush_all)
        self.steps.setCurrentRow(STEPS.index("bedomning") if self.visit.detail.visit_start
                                 else 0)

    # --- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)  # long names must not widen the window
        self.subtitle.setStyleSheet("color: #5f6b73;")
        self.irregular = QFrame()
        self.irregular.setObjectName("irregularity")
        self.irregular.setStyleSheet(IRREGULARITY_STYLE)
        self.irregular_text = QLabel()
        self.irregular_text.setWordWrap(True)
        QHBoxLayout(self.irregular).addWidget(self.irregular_text)
        self.banner = CannotSaveBanner()
        self.notice = NoticeBanner()
        self.status_label = SaveStatusLabel()
        connect_status(self.visit.writer, self.status_label, self.banner, self.notice)
        self.banner.retry_requested.connect(self.retry)
        self.steps = QListWidget()
        self.steps.setFixedWidth(170)
        self.steps.setIconSize(QSize(8, 8))
        self.steps.setStyleSheet(
            "QListWidget { border: none; background: #f1f4f6; font-size: 11pt; }"
            "QListWidget::item { padding: 10px 8px; }"
            "QListWidget::item:selected { background: #dde6ea; color: #102027; }"
        )
        for key in STEPS:
            self.steps.addItem(self.tr(STEP_LABELS[key]))
        self.stack = QStackedWidget()
        self.views: dict[str, QWidget] = {
            "foranalys": PreanalysisView(self.visit),
            "platsbesok": VisitStepView(self.visit),
            "bedomning": AssessmentView(self.visit),
            "fynd": FindingsView(self.visit),
            "sakgranskning": FactcheckView(self.visit),
            "faststall": FinalizeView(self.visit),
        }
        for key in STEPS:
            self.stack.addWidget(self.views[key])
        self.steps.currentRowChanged.connect(self._step_changed)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.steps)
        body.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.irregular)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(self.status_label)

    def _actions(self) -> None:
        toolbar = self.addToolBar(self.tr("Uppföljning"))
        toolbar.setObjectName("visitToolbar")
        toolbar.setMovable(False)
        self.undo_action = QAction(self.tr("Ångra"), self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("Gör om"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)
        undo = self.visit.undo
        undo.canUndoChanged.connect(self.undo_action.setEnabled)
        undo.canRedoChanged.connect(self.redo_action.setEnabled)
        undo.undoTextChanged.connect(
            lambda t: self.undo_action.setToolTip(self.tr("Ångra: %1").replace("%1", t)))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        find = QAction(self.tr("Sök fråga"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.find)
        attach = QAction(self.tr("Bifoga fil…"), self)
        attach.triggered.connect(self.attach)
        audit = QAction(self.tr("Ändringslogg…"), self)
        audit.triggered.connect(self.show_audit)
        preview = QAction(self.tr("Förhandsgranska rapport"), self)
        preview.triggered.connect(self.preview_report)
        for action in (self.undo_action, self.redo_action, find, attach, audit, preview):
            toolbar.addAction(action)
            self.addAction(action)
        for number, key in enumerate(STEPS, start=1):
            step = QAction(self)
            step.setShortcut(QKeySequence(f"Ctrl+{number}"))
            step.triggered.connect(lambda _=False, k=key: self.navigate(k))
            self.addAction(step)
            self.steps.item(number - 1).setToolTip(f"Ctrl+{number}")

    def _header(self) -> None:
        d = self.visit.detail
        self.setWindowTitle(self.tr("%1 – uppföljning %2").replace("%1", d.unit.name)
                            .replace("%2", str(d.year)))
        self.title.setText(f"{d.unit.name} · {d.year}")
        parts = []
        for p in d.parts:
            state = self.tr("fastställd") if p.locked else self.tr("utkast")
            owner = p.owner or self.tr("ingen ägare")
            parts.append(f"{self.tr(p.label)}: {owner} ({state}, rev {p.revision}, "
                         f"{p.answered}/{p.applicable})")
        self.subtitle.setText(" · ".join([
            label(d.unit.type_name), label(d.unit.regiform_name), d.unit.followup_district,
            self.tr("Mall %1").replace("%1", d.template.version), label(d.status_label), *parts]))
        self._irregularity(d.irregularity_flag, d.irregularity_note)

    def _irregularity(self, flagged: bool, note: str) -> None:
        self.irregular.setVisible(flagged)
        if flagged:
            self.irregular_text.setText(
                "<b>" + html.escape(self.tr("Misstanke om oegentligheter")) + "</b>"
                + (f": {html.escape(note)}" if note.strip() else ""))

    # --- behaviour -------------------------------------------------------------
    def _step_changed(self, row: int) -> None:
        self.visit.flush()
        self.stack.setCurrentIndex(row)
        view = self.stack.currentWidget()
        if isinstance(view, AssessmentView):
            view.tree.setFocus()  # keys 1-5 answer at once

    def navigate(self, step: str, target: object = None) -> None:
        """Show a step and put the cursor on the target (a question, a finding, a field)."""
        self.steps.setCurrentRow(STEPS.index(step))
        view = self.views[step]
        if isinstance(view, AssessmentView):
            if isinstance(target, str):
                view.select(target)
                view.editor.comment.setFocus()
        elif target is not None and hasattr(view, "focus_target"):
            view.focus_target(target)

    def find(self) -> None:
        self.steps.setCurrentRow(STEPS.index("bedomning"))
        assessment = self.views["bedomning"]
        assert isinstance(assessment, AssessmentView)
        assessment.focus_search()

    def undo(self) -> None:
        self.visit.flush()  # typing not yet written becomes its own step first
        self.visit.undo.undo()

    def redo(self) -> None:
        self.visit.flush()
        self.visit.undo.redo()

    def retry(self) -> None:
        self.visit.flush()
        self.visit.writer.retry()

    def attach(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Bifoga fil till uppföljningen"))
        if path and attach_file(self.visit, path):
            self.visit.reload()

    def show_audit(self) -> None:
        self.visit.flush()
        AuditDialog(self.ctx, self.visit.visit_id, self, self.visit.detail).exec()

    def preview_report(self) -> None:
        from app.ui.report_preview import ReportPreviewDialog  # loads reportlab on demand

        self.visit.flush()  # the report shows what was typed a moment ago
        self.report_dialog = ReportPreviewDialog(self.ctx, self.visit.visit_id, self)
        self.report_dialog.open()

    def flush_all(self) -> None:
        self.visit.flush()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.visit.flush()
        if self.visit.writer.failing and self.visit.writer.retry() is False:
            answer = QMessageBox.warning(
                self, self.tr("Kan inte spara"),
                self.tr("Ändringar är inte sparade eftersom databasen inte går att skriva "
                        "till. Stänger du nu går de förlorade. Stänga ändå?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        app = QCoreApplication.instance()
        if app is not None and self._quit_hooked:
            app.aboutToQuit.disconnect(self.flush_all)
            self._quit_hooked = False
        event.accept()
        self.closed.emit()
