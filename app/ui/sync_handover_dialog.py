"""Lämna över: hand a part of a follow-up to a colleague's laptop through the
share. The colleague's next sync makes it an editable draft there; the local
copy stays, marked as handed over.

The share is a network folder that may answer slowly or not at all, so both
reading it (the list of colleagues) and writing to it (the handover) run on
the app's worker; the dialog shows a busy bar meanwhile and can always be
closed. A share that cannot be reached is said in the dialog, in Swedish,
with a way to try again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from app.services.share.publish import PublishResult
from app.services.sync_handover import (
    HandoverCandidate,
    Recipient,
    hand_over_part,
    handover_candidates,
    recipients,
)
from app.services.task_state import TaskState
from app.services.visits.common import PART_LABELS
from app.ui.context import UiContext
from app.ui.i18n import error_text, label


@dataclass(frozen=True)
class _Loaded:
    candidates: list[HandoverCandidate]
    recipients: list[Recipient]
    problem: UserFacingError | None  # None when the share was read


class HandoverDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Lämna över till en kollega"))
        self.parts = QComboBox()
        self.parts.setAccessibleName(self.tr("Del att lämna över"))
        self.people = QComboBox()
        self.people.setAccessibleName(self.tr("Mottagare"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no known length: a moving bar
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Arbetar"))
        self.status = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.candidates: list[HandoverCandidate] = []
        self.recipients: list[Recipient] = []
        self.working = False
        self._closed = False  # a worker that ends after the dialog closed changes nothing
        form = QFormLayout()
        form.addRow(self.tr("Uppföljning och del:"), self.parts)
        form.addRow(self.tr("Till:"), self.people)
        note = QLabel(self.tr(
            "Delen skickas via den gemensamma mappen, med sina bilagor. Kollegan får den som "
            "ett utkast vid sin nästa synkronisering. Din kopia finns kvar men markeras som "
            "överlämnad."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send = self.buttons.addButton(self.tr("Lämna över"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.retry = QPushButton(self.tr("Försök igen"))
        self.buttons.addButton(self.retry, QDialogButtonBox.ButtonRole.ActionRole)
        self.retry.clicked.connect(self.load)
        self.buttons.accepted.connect(self.hand_over)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.load()

    # -- reading ------------------------------------------------------------------------
    def load(self) -> None:
        """List the parts here and the colleagues on the share, off the UI thread."""
        self._working(self.tr("Läser den gemensamma mappen…"))
        self.message.clear()
        self.retry.hide()
        ctx = self.ctx

        def read(_state: TaskState) -> _Loaded:
            with ctx.sessions() as session:
                candidates = handover_candidates(session)
                try:
                    people = recipients(session, ctx.paths, ctx.settings)
                except UserFacingError as exc:  # the share: said in the dialog
                    return _Loaded(candidates, [], exc)
            return _Loaded(candidates, people, None)

        self.ctx.tasks.run(read, self._loaded, self._failed, parallel=True)

    def _loaded(self, loaded: _Loaded) -> None:
        if self._closed:
            return
        self._idle()
        self.candidates, self.recipients = loaded.candidates, loaded.recipients
        self.parts.clear()
        self.parts.addItems([self._part_text(c) for c in self.candidates])
        self.people.clear()
        self.people.addItems([self._person_text(r) for r in self.recipients])
        if loaded.problem is not None:
            self.message.setText(error_text(loaded.problem))
            self.retry.show()
        elif not self.recipients:
            self.message.setText(self.tr(
                "Ingen kollegas dator har synkroniserat med den gemensamma mappen ännu."))
            self.retry.show()
        self._enable()

    def _failed(self, error: BaseException) -> None:
        if self._closed:
            return
        self._idle()
        self.message.setText(error_text(error) if isinstance(error, UserFacingError) else self.tr(
            "Något gick fel när listan lästes. Detaljer finns i loggen."))
        if not isinstance(error, UserFacingError):
            self.ctx.tasks.report_error(error, None)  # logged with its traceback
        self.retry.show()
        self._enable()

    # -- handing over -------------------------------------------------------------------
    def hand_over(self) -> None:
        if self.working or not (self.candidates and self.recipients):
            return
        part = self.candidates[self.parts.currentIndex()]
        person = self.recipients[self.people.currentIndex()]
        self._working(self.tr("Lämnar över…"))
        ctx = self.ctx

        def send(_state: TaskState) -> PublishResult:
            with ctx.sessions() as session:
                return hand_over_part(session, ctx.paths, ctx.settings, part.visit_id,
                                      part.part, person.device_id)

        def done(_result: PublishResult) -> None:
            if self._closed:
                return
            self._idle()
            QMessageBox.information(
                self, self.tr("Överlämnad"),
                self.tr("%1 är överlämnad till %2.").replace("%1", self._part_text(part))
                .replace("%2", self._person_text(person)))
            self.accept()

        def failed(error: BaseException) -> None:
            if self._closed:
                return
            self._idle()
            self._enable()
            if isinstance(error, UserFacingError):
                QMessageBox.warning(self, self.tr("Kunde inte lämna över"), error_text(error))
            else:
                self.ctx.tasks.report_error(error, self)

        # The serial pool: the handover writes the database.
        self.ctx.tasks.run(send, done, failed)

    # -- text -------------------------------------------------------------------------
    def _part_text(self, c: HandoverCandidate) -> str:
        text = f"{c.unit_name} {c.year} – {label(PART_LABELS.get(c.part, c.part))}"
        if c.status == "faststalld":
            text += " " + self.tr("(fastställd)")
        if c.handed_over_to:
            text += " " + self.tr("(överlämnad till %1)").replace("%1", c.handed_over_to)
        return text

    def _person_text(self, r: Recipient) -> str:
        """The officer and role a laptop publishes; its id in words when unknown."""
        if not r.officer:
            return self.tr("Dator %1 (handläggarens namn är inte känt)").replace(
                "%1", r.device_id)
        roles = {"verksamhetsuppfoljare": self.tr("verksamhetsuppföljare"),
                 "mas": self.tr("MAS")}
        text = r.officer + (f", {roles[r.role]}" if r.role in roles else "")
        if r.same_name_elsewhere:  # one person, two laptops: tell them apart
            text += " " + self.tr("(dator %1)").replace("%1", r.device_id[:8])
        return text

    # -- state --------------------------------------------------------------------------
    def _working(self, text: str) -> None:
        self.working = True
        self.status.setText(text)
        self.status.show()
        self.busy.show()
        for widget in (self.send, self.retry, self.parts, self.people):
            widget.setEnabled(False)

    def _idle(self) -> None:
        self.working = False
        self.status.hide()
        self.busy.hide()

    def _enable(self) -> None:
        self.retry.setEnabled(True)
        self.parts.setEnabled(True)
        self.people.setEnabled(True)
        self.send.setEnabled(bool(self.candidates and self.recipients))

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)
