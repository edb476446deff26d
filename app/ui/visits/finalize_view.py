"""Fastställ: per part, what is still missing and the personal data found in
free text, each row clickable to its place; finalizing, and reopening a
finalized part as a new revision with a stated reason. Nothing is changed for
the user: a personal-data hit is shown with its place, and the user rephrases."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.services import visits as visits_service
from app.services.task_state import TaskState
from app.services.visits import FinalizeError, VisitDetail
from app.services.visits.common import SUMMARY_LABELS
from app.services.visits.lifecycle import FIELD_LABELS
from app.ui.i18n import arg, label
from app.ui.visits.audit_dialog import local_time
from app.ui.visits.controller import VisitContext
from app.ui.visits.issue_model import (
    ISSUE_ROLE,
    Issue,
    IssueListModel,
    issue_for_hit,
    issue_for_missing,
)
from app.ui.visits.revision_dialog import RevisionDialog

if TYPE_CHECKING:
    from app.services.outbox_prepare import Prepared

log = logging.getLogger(__name__)

def _tr(text: str) -> str:
    return QCoreApplication.translate("FinalizeView", text)


def describe(location: str, detail: VisitDetail) -> str:
    """Where a text is, as the end of 'Personnummer «…» i <where>'."""
    head, _, tail = location.partition(".")
    if head.startswith("fynd:"):
        return (_tr("fynd") if tail == "text" else _tr("krav på åtgärd"))
    if head.startswith("tidigare_brist:"):
        return _tr("tidigare brist")
    if head in SUMMARY_LABELS:
        return arg(_tr("sammanfattningen %1"), label(SUMMARY_LABELS[head]).lower())
    if head in FIELD_LABELS:
        return label(FIELD_LABELS[head]).lower()
    question = detail.question(head)
    if question is not None:
        return arg(_tr("kommentaren till «%1»"), question.text[:60])
    return location


class ReasonDialog(QDialog):
    """Why a finalized part is changed; the reason is kept with the new revision."""

    def __init__(self, part_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ändra fastställd del"))
        text = QLabel(self.tr(
            "%1 är fastställd. En ändring blir en ny revision; den fastställda revisionen "
            "finns kvar och kan läsas. Skriv varför den ändras.").replace("%1", part_label))
        text.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Ny revision"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.reason.textChanged.connect(lambda: self.buttons.button(
            QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason_text())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()


class FinalizeView(QWidget):
    def __init__(self, visit: VisitContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit = visit
        self.part = QComboBox()
        self.state = QLabel()
        self.state.setWordWrap(True)
        # A quiet line under the state: the sync package could not be made now.
        self.prepare_note = QLabel()
        self.prepare_note.setWordWrap(True)
        self.prepare_note.hide()
        self.check_button = QPushButton(self.tr("Kontrollera"))
        self.finalize_button = QPushButton(self.tr("Fastställ…"))
        self.reopen_button = QPushButton(self.tr("Ändra (ny revision)…"))
        self.take_over = QPushButton(self.tr("Ta över delen"))
        self.take_over.setToolTip(self.tr(
            "Bara delens ägare kan fastställa den. Ta över när ägaren är borta."))
        self.accept_pii = QCheckBox(self.tr(
            "Jag har läst varje träff och personuppgifterna ska stå kvar i rapporten"))
        self.accept_pii.hide()
        top = QHBoxLayout()
        top.addWidget(self.part)
        top.addWidget(self.check_button)
        top.addWidget(self.finalize_button)
        top.addWidget(self.reopen_button)
        top.addWidget(self.take_over)
        top.addStretch(1)
        self.issues = IssueListModel()
        self.list = QListView()
        self.list.setModel(self.issues)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.clicked.connect(self._jump)
        self.list.activated.connect(self._jump)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        box = QGroupBox(self.tr("Det här saknas eller behöver ses över (klicka för att gå dit)"))
        self.issue_box = box
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.summary)
        box_layout.addWidget(self.list, 1)
        box_layout.addWidget(self.accept_pii)
        self.revisions = QComboBox()
        self.show_revision = QPushButton(self.tr("Visa revision"))
        rev_row = QHBoxLayout()
        rev_row.addWidget(QLabel(self.tr("Revisioner:")))
        rev_row.addWidget(self.revisions, 1)
        rev_row.addWidget(self.show_revision)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(self.prepare_note)
        layout.addWidget(box, 1)
        # Takes the room the checklist leaves when the part is locked, so the
        # status lines stay together at the top (stretch 0: the box wins).
        layout.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Minimum,
                                   QSizePolicy.Policy.Expanding))
        layout.addLayout(rev_row)
        self.part.currentIndexChanged.connect(self.refresh_part)
        self.check_button.clicked.connect(self.check)
        self.finalize_button.clicked.connect(self.finalize)
        self.reopen_button.clicked.connect(self.reopen)
        self.take_over.clicked.connect(self.take_over_part)
        self.show_revision.clicked.connect(self._show_revision)
        self.refresh()
        visit.reloaded.connect(self.refresh)

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        # Coming to this step answers "what is left?" at once.
        super().showEvent(event)  # type: ignore[arg-type]
        view = self.visit.detail.part(self.current_part())
        if view is not None and not view.locked:
            self.check()

    def current_part(self) -> str:
        return self.part.currentData() or "sol"

    def refresh(self) -> None:
        keep = self.part.currentData()
        self.part.blockSignals(True)
        self.part.clear()
        for view in self.visit.detail.parts:
            self.part.addItem(self.tr(view.label), view.part)
        mine = "hsl" if self.visit.ui.settings.officer_role == "mas" else "sol"
        self.part.setCurrentIndex(max(self.part.findData(keep or mine), 0))
        self.part.blockSignals(False)
        self.refresh_part()

    def refresh_part(self) -> None:
        view = self.visit.detail.part(self.current_part())
        if view is None:
            return
        owner = view.owner or self.tr("ingen ägare")
        if view.locked:
            when = local_time(view.finalized_at) if view.finalized_at else ""
            text = self.tr("Fastställd revision %1 av %2, %3.").replace(
                "%1", str(view.revision)).replace("%2", view.finalized_by or "").replace("%3", when)
        else:
            text = self.tr("Utkast, revision %1. Ägare: %2. Besvarade %3 av %4.").replace(
                "%1", str(view.revision)).replace("%2", owner).replace(
                "%3", str(view.answered)).replace("%4", str(view.applicable))
        self.state.setText(text)
        self.finalize_button.setVisible(not view.locked)
        self.check_button.setVisible(not view.locked)
        self.reopen_button.setVisible(view.locked)
        self.take_over.setVisible(not view.locked and view.owner != self.visit.who)
        self.issue_box.setVisible(not view.locked)
        with self.visit.ui.sessions() as session:
            revisions = visits_service.list_revisions(session, self.visit.visit_id, view.part)
        self.revisions.clear()
        for r in revisions:
            label = self.tr("Revision %1").replace("%1", str(r.revision))
            if r.finalized_at:
                label += " – " + self.tr("fastställd %1").replace("%1", local_time(r.finalized_at))
            if r.reason:
                label += f" – {r.reason}"
            self.revisions.addItem(label, r.revision)
        self.show_revision.setEnabled(any(r.finalized for r in revisions))
        if view.locked:
            self.issues.set_issues([])
            self.state.setText(text + " " + self.tr(
                "Delen är låst; tidigare revisioner kan läsas nedan. En ändring görs som en ny "
                "revision med en motivering."))

    def check(self) -> list[Issue]:
        """Run the service's check and the personal-data scan; show both."""
        self.visit.flush()
        part = self.current_part()
        with self.visit.ui.sessions() as session:
            missing = visits_service.finalize_check(session, self.visit.visit_id, part)
            hits = visits_service.scan_visit(session, self.visit.visit_id, part)
        detail = self.visit.reload()
        issues = [issue_for_missing(m, detail) for m in missing]
        issues += [issue_for_hit(h, detail, describe(h.location, detail)) for h in hits]
        self.issues.set_issues(issues)
        self.accept_pii.setVisible(bool(hits))
        self.accept_pii.setChecked(False)
        if not issues:
            self.summary.setText(self.tr("Inget saknas. Delen kan fastställas."))
        else:
            self.summary.setText(self.tr("%1 saker saknas, %2 möjliga personuppgifter.")
                                 .replace("%1", str(len(missing))).replace("%2", str(len(hits))))
        return issues

    def finalize(self) -> None:
        issues = self.check()
        blocking = [i for i in issues if not i.personal_data]
        if blocking or (len(issues) > len(blocking) and not self.accept_pii.isChecked()):
            return
        part = self.current_part()
        view = self.visit.detail.part(part)
        label = self.tr(view.label) if view else part
        sure = QMessageBox.question(self, self.tr("Fastställ"), self.tr(
            "Fastställa %1? Delen låses. En senare ändring görs som en ny revision med en "
            "motivering; den fastställda revisionen finns kvar.").replace("%1", label))
        if sure != QMessageBox.StandardButton.Yes:
            return
        accept = self.accept_pii.isChecked()
        failed: list[FinalizeError] = []
        finalized: list[int] = []

        def run(session: object) -> None:
            try:
                finalized.append(visits_service.finalize_part(
                    session, self.visit.visit_id, part,  # type: ignore[arg-type]
                    who=self.visit.who, accept_personal_data=accept))
            except FinalizeError as error:
                failed.append(error)

        if self.visit.write(f"finalize:{part}", run) and not failed:
            self.visit.undo.clear()  # the locked part cannot be undone into
            self.visit.reload()
            if finalized:
                self.prepare_package(part, finalized[0])
        elif failed:
            detail = self.visit.reload()
            self.issues.set_issues([issue_for_missing(m, detail) for m in failed[0].missing])

    def prepare_package(self, part: str, revision: int) -> None:
        """Build and keep the sync package of the revision just finalized, on a
        worker with its own session, so that the next sync only pushes. The
        UI never waits; a failure is logged and noted quietly here, and the
        next sync tries again (and reports it if it still fails)."""
        ui, visit_id = self.visit.ui, self.visit.visit_id
        self.prepare_note.hide()

        def work(_state: TaskState) -> Prepared:
            # Imported here: the window opens without the sync and signing modules.
            from app.services.outbox_prepare import prepare_after_finalize

            return prepare_after_finalize(ui.sessions, ui.paths, ui.settings, visit_id, part,
                                          revision)

        ui.tasks.run(work, self._prepared, self._prepare_crashed, parallel=True)

    def _prepared(self, outcome: Prepared) -> None:
        if outcome.status == "failed":
            log.warning("sync package not prepared: %s", outcome.error)
            self._note_not_prepared()

    def _prepare_crashed(self, error: BaseException) -> None:
        log.warning("sync package not prepared", exc_info=(type(error), error,
                                                          error.__traceback__))
        self._note_not_prepared()

    def _note_not_prepared(self) -> None:
        if not isValid(self):  # the window was closed meanwhile
            return
        self.prepare_note.setText(self.tr(
            "Paketet för synkronisering kunde inte förberedas nu. Det görs vid nästa "
            "synkronisering; den fastställda delen är sparad."))
        self.prepare_note.show()

    def reopen(self) -> None:
        part = self.current_part()
        view = self.visit.detail.part(part)
        dialog = ReasonDialog(self.tr(view.label) if view else part, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reason = dialog.reason_text()
        if self.visit.write(f"reopen:{part}", lambda s: visits_service.reopen_part(
                s, self.visit.visit_id, part, reason=reason, who=self.visit.who)):
            self.visit.reload()

    def take_over_part(self) -> None:
        part = self.current_part()
        me = visits_service.officer_from_settings(self.visit.ui.settings)
        if me is None:
            return
        if self.visit.write(f"owner:{part}", lambda s: visits_service.set_part_owner(
                s, self.visit.visit_id, part, me, who=self.visit.who)):
            self.visit.reload()

    def _show_revision(self) -> None:
        revision = self.revisions.currentData()
        if revision is None:
            return
        with self.visit.ui.sessions() as session:
            snapshot = visits_service.revision_snapshot(
                session, self.visit.visit_id, self.current_part(), revision)
        RevisionDialog(self.revisions.currentText(), snapshot, self).exec()

    def _jump(self, index: QModelIndex) -> None:
        issue: Issue | None = index.data(ISSUE_ROLE)
        if issue is not None:
            self.visit.navigate(issue.step, issue.target)
