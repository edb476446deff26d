"""Synk: what is waiting, what was sent, the last result and its problems in
plain words, and a "Synka nu" button. The sync runs on the task runner's
worker (never on the UI thread) with a progress bar and a cancel button;
cancelling stops between packages, so nothing is left half sent.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from app.services.sync import OutboxRow, SyncOverview, SyncReport, run_sync, sync_overview
from app.services.sync_merge_rules import ReceivedKey, ReceivedState, received_states
from app.services.task_state import Cancelled, TaskState
from app.services.visits.common import PART_LABELS, officer_from_settings
from app.ui.context import UiContext
from app.ui.i18n import error_text, label, message_text
from app.ui.sync_received_view import CONFLICT_COLOUR, ReceivedView
from app.ui.tasks import TaskHandle

log = logging.getLogger(__name__)
# sync_overview's state of a finalized part not yet queued (not in STATE_LABELS).
QT_TRANSLATE_NOOP("Labels", "Fastställd, inte paketerad ännu")


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else ""


class SyncPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self.ctx = ctx
        self.handle: TaskHandle | None = None
        self.last_report: SyncReport | None = None

        title = QLabel(self.tr("Synk med den gemensamma mappen"))
        title.setObjectName("pageTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.share_label = QLabel()
        self.share_label.setWordWrap(True)
        self.share_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sync_button = QPushButton(self.tr("Synka nu"))
        self.sync_button.setDefault(True)
        self.sync_button.setAccessibleName(self.tr("Synka nu"))
        self.sync_button.clicked.connect(self.start_sync)
        self.cancel_button = QPushButton(self.tr("Avbryt"))
        self.cancel_button.setAccessibleName(self.tr("Avbryt synkroniseringen"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_sync)
        self.handover_button = QPushButton(self.tr("Lämna över…"))
        self.handover_button.setAccessibleName(self.tr("Lämna över en del till en kollega"))
        self.handover_button.clicked.connect(self.open_handover)
        # Shown while the last sync found a package in several versions on the
        # share (what the dialog lists); a part changed both here and by a
        # colleague is shown on the Från kollegor tab instead.
        self.conflicts_button = QPushButton(self.tr("Visa konflikter…"))
        self.conflicts_button.setAccessibleName(self.tr("Visa versionerna i konflikt"))
        self.conflicts_button.clicked.connect(self.open_conflicts)
        self.conflicts_button.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Förlopp"))
        self.progress.setTextVisible(True)
        self.progress.setVisible(False)
        self.progress_text = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.handover_button)
        buttons.addWidget(self.conflicts_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.progress_text)
        buttons.addStretch(0)
        for button in (self.sync_button, self.cancel_button, self.handover_button,
                       self.conflicts_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        self.result_label = QLabel()
        self.result_label.setObjectName("syncResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label = QLabel()
        self.problems_label.setObjectName("syncProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_label.setStyleSheet("color: #9a1c1c;")
        self.notes_label = QLabel()  # warnings that need no action now (e.g. key storage)
        self.notes_label.setObjectName("syncNotes")
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet("color: #6b4e00;")
        self.notes_label.setVisible(False)
        # Received parts kept apart because the part was changed here: a
        # standing fact (not only of the last run), with a link to the tab.
        self.local_conflicts_label = QLabel()
        self.local_conflicts_label.setObjectName("syncLocalConflicts")
        self.local_conflicts_label.setWordWrap(True)
        self.local_conflicts_label.setStyleSheet(f"color: {CONFLICT_COLOUR};")
        self.local_conflicts_label.setVisible(False)
        self.local_conflicts_label.linkActivated.connect(self._show_received)

        self.tabs = QTabWidget()
        self.waiting = self._tree()
        self.sent = self._tree()
        self.tabs.addTab(self.waiting, self.tr("Väntar"))
        self.tabs.addTab(self.sent, self.tr("Skickade"))
        self.received = ReceivedView(ctx)
        self.tabs.addTab(self.received, self.tr("Från kollegor"))

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.share_label)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.local_conflicts_label)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def _tree(self, labels: list[str] | None = None) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setHeaderLabels(labels or [
            self.tr("Verksamhet"), self.tr("År"), self.tr("Del"), self.tr("Revision"),
            self.tr("Läge"), self.tr("Skickad (enhetens tid)"), self.tr("Problem")])
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, tree.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    @Slot()
    def open_conflicts(self) -> None:
        from app.ui.sync_conflicts_dialog import ConflictsDialog

        ConflictsDialog(self.ctx, self).exec()

    @Slot()
    def open_handover(self) -> None:
        from app.ui.sync_handover_dialog import HandoverDialog

        HandoverDialog(self.ctx, self).exec()
        self.refresh()

    # -- showing -----------------------------------------------------------------------
    def on_shown(self) -> None:
        if self.handle is None:
            self.refresh()

    def refresh(self) -> None:
        """Read the outbox and the last run (a few small queries)."""
        share = self.ctx.settings.share_path or str(self.ctx.paths.default_share_dir)
        self.share_label.setText(self.tr("Gemensam mapp: %1").replace("%1", share))
        try:
            with self.ctx.sessions() as session:
                overview = sync_overview(session)
                states = received_states(session, officer_from_settings(self.ctx.settings))
        except Exception:  # the page stays usable; the reason is in the log
            log.exception("could not read the sync overview")
            self.result_label.setText(self.tr("Synkläget kunde inte läsas."))
            return
        self._show_overview(overview, states)

    def _show_overview(self, overview: SyncOverview,
                       states: dict[ReceivedKey, ReceivedState]) -> None:
        self._fill(self.waiting, overview.waiting)
        self._fill(self.sent, overview.sent)
        waiting = len(overview.waiting)
        self.tabs.setTabText(0, self.tr("Väntar (%1)").replace("%1", str(waiting)))
        self.tabs.setTabText(1, self.tr("Skickade (%1)").replace("%1", str(len(overview.sent))))
        conflicts = self.received.fill(overview.received, states)
        tab = self.tr("Från kollegor (%1)").replace("%1", str(len(overview.received)))
        if conflicts:
            tab = self.tr("Från kollegor (%1, konflikter: %2)").replace(
                "%1", str(len(overview.received))).replace("%2", str(conflicts))
        self.tabs.setTabText(2, tab)
        self.local_conflicts_label.setVisible(bool(conflicts))
        self.local_conflicts_label.setText(self.tr(
            "Mottagna delar som inte har lästs in eftersom samma del har ändrats här: %1. "
            "Båda versionerna finns kvar och ingen skrivs över. "
            "<a href=\"received\">Visa dem under Från kollegor</a>.").replace(
            "%1", str(conflicts)))
        if self.last_report is None:
            if overview.last_run_at is None:
                text = self.tr("Ingen synkronisering har körts ännu.")
            else:
                ok = not overview.problems
                text = self.tr("Senaste synkronisering %1: %2").replace(
                    "%1", _when(overview.last_run_at)).replace(
                    "%2", self.tr("lyckades") if ok else self.tr("något behöver åtgärdas"))
            if overview.not_queued:
                text += " " + self.tr("%1 fastställda delar har inte paketerats ännu.").replace(
                    "%1", str(overview.not_queued))
            self.result_label.setText(text)
            self._show_problems(overview.problems)
            last = overview.last_run or {}
            self._show_conflicts_button(bool(last.get("conflicts") or last.get("quarantined")))

    def _show_conflicts_button(self, share_conflicts: bool) -> None:
        """Only for packages in several versions on the share, or versions in
        its quarantine: what the conflicts dialog lists and can open."""
        self.conflicts_button.setVisible(share_conflicts)

    @Slot()
    def _show_received(self) -> None:
        self.tabs.setCurrentWidget(self.received)

    def _fill(self, tree: QTreeWidget, rows: list[OutboxRow]) -> None:
        tree.clear()
        for row in rows:
            error = message_text(row.error or "")
            item = QTreeWidgetItem([
                row.unit_name, str(row.year or ""), label(PART_LABELS.get(row.part, row.part)),
                str(row.revision), label(row.state_label), _when(row.pushed_at), error,
            ])
            item.setToolTip(4, row.package_name or "")
            item.setToolTip(6, error)
            tree.addTopLevelItem(item)

    def _show_problems(self, problems: list[str]) -> None:
        self.problems_label.setVisible(bool(problems))
        self.problems_label.setText("\n".join(f"• {message_text(p)}" for p in problems))

    # -- running -----------------------------------------------------------------------
    @Slot()
    def start_sync(self) -> None:
        if self.handle is not None:
            return
        ctx = self.ctx

        def work(state: TaskState) -> SyncReport:  # on the worker thread
            return run_sync(ctx.sessions, ctx.paths, ctx.settings, None, state)

        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.progress_text.setText(self.tr("Startar…"))
        self.result_label.setText(self.tr("Synkroniserar…"))
        self.handle = ctx.tasks.run(work, self._done, self._failed, parent=self)
        if self.handle is not None and not self.handle.done:
            self.handle.signals.progress.connect(self._progress)

    @Slot()
    def cancel_sync(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_text.setText(self.tr("Avbryter efter pågående paket…"))

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)
        if text:
            self.progress_text.setText(message_text(text))

    def _finish(self) -> None:
        self.handle = None
        self.sync_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        self.progress_text.setText("")

    def _done(self, report: SyncReport) -> None:
        self._finish()
        self.last_report = report
        self.refresh()
        if report.cancelled:
            head = self.tr("Synkroniseringen avbröts. Det som hann skickas är komplett; "
                           "resten skickas nästa gång.")
        elif report.errors and not (report.pushed or report.already_there or report.pulled):
            head = self.tr("Synkroniseringen kunde inte göras.")
        elif report.failed:
            head = self.tr("Synkroniseringen är klar, men något behöver åtgärdas.")
        else:
            head = self.tr("Synkroniseringen lyckades.")
        facts = self.tr("Skickade: %1 · Fanns redan: %2 · Hämtade: %3 · Från kollegor: %4 · "
                        "Konflikter: %5 · Fel: %6")
        for number, value in enumerate((
                report.pushed, report.already_there, report.pulled,
                report.received + report.handovers,
                len(report.conflicts) + len(report.local_conflicts),
                len(report.errors) + len(report.refused)), start=1):
            facts = facts.replace(f"%{number}", str(value))
        self.result_label.setText(f"{head}\n{facts}")
        self._show_problems([*report.errors, *report.refused, *report.conflicts,
                             *report.local_conflicts])
        self._show_conflicts_button(bool(report.conflicts or report.quarantined))
        self.notes_label.setVisible(bool(report.warnings))
        self.notes_label.setText("\n".join(self.tr("Obs: %1").replace("%1", message_text(w))
                                           for w in report.warnings))
        if report.local_conflicts:  # where the parts kept apart are listed
            self.tabs.setCurrentWidget(self.received)
        elif not self.waiting.topLevelItemCount() and self.sent.topLevelItemCount():
            self.tabs.setCurrentWidget(self.sent)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, Cancelled):
            self.result_label.setText(self.tr("Synkroniseringen avbröts."))
            return
        if isinstance(error, UserFacingError):
            self._show_problems([error_text(error)])
        else:
            log.error("sync failed", exc_info=(type(error), error, error.__traceback__))
            self._show_problems([self.tr("Något gick fel under synkroniseringen. Inget har gått "
                                         "förlorat; detaljer finns i loggen.")])
        self.result_label.setText(self.tr("Synkroniseringen kunde inte slutföras."))
