"""Lämna över: hand a part of a follow-up to a colleague's laptop through the
share. The colleague's next sync makes it an editable draft there; the local
copy stays, marked as handed over."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from app.services.sync_handover import (
    HandoverCandidate,
    Recipient,
    hand_over_part,
    handover_candidates,
    recipients,
)
from app.ui.context import UiContext


class HandoverDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Lämna över till en kollega"))
        self.parts = QComboBox()
        self.parts.setAccessibleName(self.tr("Del att lämna över"))
        self.people = QComboBox()
        self.people.setAccessibleName(self.tr("Mottagare"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.candidates: list[HandoverCandidate] = []
        self.recipients: list[Recipient] = []
        form = QFormLayout()
        form.addRow(self.tr("Uppföljning och del:"), self.parts)
        form.addRow(self.tr("Till:"), self.people)
        note = QLabel(self.tr(
            "Delen skickas via den gemensamma mappen. Kollegan får den som ett utkast vid "
            "sin nästa synkronisering. Din kopia finns kvar men markeras som överlämnad."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send = self.buttons.addButton(self.tr("Lämna över"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.hand_over)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.load()

    def load(self) -> None:
        with self.ctx.sessions() as session:
            self.candidates = handover_candidates(session)
            try:
                self.recipients = recipients(session, self.ctx.paths, self.ctx.settings)
            except UserFacingError as exc:
                self.recipients = []
                self.message.setText(str(exc))
        self.parts.clear()
        for c in self.candidates:
            self.parts.addItem(c.label)
        self.people.clear()
        for r in self.recipients:
            self.people.addItem(r.label)
        if not self.recipients and not self.message.text():
            self.message.setText(self.tr(
                "Ingen kollegas dator har synkroniserat med den gemensamma mappen ännu."))
        self.send.setEnabled(bool(self.candidates and self.recipients))

    def hand_over(self) -> None:
        part = self.candidates[self.parts.currentIndex()]
        person = self.recipients[self.people.currentIndex()]
        try:
            with self.ctx.sessions() as session:
                hand_over_part(session, self.ctx.paths, self.ctx.settings, part.visit_id,
                               part.part, person.device_id)
        except UserFacingError as exc:
            QMessageBox.warning(self, self.tr("Kunde inte lämna över"), str(exc))
            return
        QMessageBox.information(
            self, self.tr("Överlämnad"),
            self.tr("%1 är överlämnad till %2.").replace("%1", part.label)
            .replace("%2", person.label))
        self.accept()
