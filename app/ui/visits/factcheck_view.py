"""Sakgranskning: when the draft went to the unit, its reply, and the changes made."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ui.visits.autosave import optional_date_edit
from app.ui.visits.controller import VisitContext


class FactcheckView(QScrollArea):
    def __init__(self, visit: VisitContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit = visit
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        group = visit.autosave
        intro = QLabel(self.tr(
            "Utkastet skickas till enheten för sakgranskning: enheten rättar sakfel, inte "
            "bedömningarna. Skriv in svaret och vad som ändrades, med datum."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        dates = QGroupBox(self.tr("Datum"))
        self.sent = optional_date_edit()
        self.reply_date = optional_date_edit()
        for edit in (self.sent, self.reply_date):
            edit.setMaximumWidth(160)
        form = QFormLayout(dates)
        form.addRow(self.tr("Utkast skickat"), self.sent)
        form.addRow(self.tr("Svar mottaget"), self.reply_date)
        layout.addWidget(dates)
        self.reply = QPlainTextEdit()
        self.reply.setPlaceholderText(self.tr("Enhetens synpunkter"))
        self.changes = QPlainTextEdit()
        self.changes.setPlaceholderText(self.tr("Vad som ändrades i rapporten, och varför"))
        for title, widget in ((self.tr("Enhetens svar"), self.reply),
                              (self.tr("Ändringar efter sakgranskningen"), self.changes)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            layout.addWidget(box, 1)
        with group.revealing(lambda: visit.navigate("sakgranskning")):
            self.bindings = {
                "factcheck_sent": group.date(self.sent, self.tr("Utkast skickat"),
                                             lambda v: visit.save_field("factcheck_sent", v)),
                "factcheck_reply_date": group.date(
                    self.reply_date, self.tr("Svar mottaget"),
                    lambda v: visit.save_field("factcheck_reply_date", v)),
                "factcheck_reply": group.text(self.reply, self.tr("Enhetens svar"),
                                              lambda v: visit.save_field("factcheck_reply", v)),
                "factcheck_changes": group.text(
                    self.changes, self.tr("Ändringar efter sakgranskningen"),
                    lambda v: visit.save_field("factcheck_changes", v)),
            }
        self.refresh()
        visit.reloaded.connect(self.refresh)

    def refresh(self) -> None:
        detail = self.visit.detail
        for field, binding in self.bindings.items():
            binding.set_value(getattr(detail, field))
        self.visit.autosave.set_read_only(
            self.visit.visit_locked, {b.widget for b in self.bindings.values()})

    def focus_target(self, target: object) -> None:
        binding = self.bindings.get(str(target))
        (binding.widget if binding else self.reply).setFocus()
