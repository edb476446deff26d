"""Platsbesök: when the visit took place, who took part (by role and count),
and notes on how it was done."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services import visits as visits_service
from app.services.visits.common import PARTICIPANT_ROLES
from app.ui.visits.autosave import FieldBinding, bind_datetime, optional_datetime_edit
from app.ui.visits.controller import VisitContext


class VisitStepView(QScrollArea):
    def __init__(self, visit: VisitContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visit = visit
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        group = visit.autosave

        with group.revealing(lambda: visit.navigate("platsbesok")):
            when = QGroupBox(self.tr("Tid"))
            self.start = optional_datetime_edit()
            self.end = optional_datetime_edit()
            for edit in (self.start, self.end):
                edit.setMaximumWidth(220)
            form = QFormLayout(when)
            form.addRow(self.tr("Besöket började"), self.start)
            form.addRow(self.tr("Besöket slutade"), self.end)
            self.start_binding = bind_datetime(group, self.start, self.tr("Besökets start"),
                                               lambda v: visit.save_field("visit_start", v))
            self.end_binding = bind_datetime(group, self.end, self.tr("Besökets slut"),
                                             lambda v: visit.save_field("visit_end", v))
            layout.addWidget(when)

            who = QGroupBox(self.tr("Deltagare från verksamheten"))
            grid = QGridLayout(who)
            self.roles: dict[str, QSpinBox] = {}
            self.role_bindings: dict[str, FieldBinding] = {}
            for i, (code, label) in enumerate(PARTICIPANT_ROLES.items()):
                spin = QSpinBox()
                spin.setRange(0, 200)
                spin.setSpecialValueText("–")
                spin.setMaximumWidth(110)
                self.roles[code] = spin
                grid.addWidget(QLabel(self.tr(label)), i // 2, (i % 2) * 2)
                grid.addWidget(spin, i // 2, (i % 2) * 2 + 1)
                self.role_bindings[code] = group.number(
                    spin, self.tr("Deltagare: %1").replace("%1", label),
                    lambda _v: self._save_participants())
            layout.addWidget(who)

            method = QGroupBox(self.tr("Metod"))
            self.method = QPlainTextEdit()
            self.method.setPlaceholderText(self.tr(
                "Hur besöket gjordes: intervjuer, rundvandring, stickprov i dokumentation …"))
            self.method_binding = group.text(self.method, self.tr("Metod"),
                                             lambda v: visit.save_field("method_notes", v))
            QVBoxLayout(method).addWidget(self.method)
            layout.addWidget(method, 1)
        self.refresh()
        visit.reloaded.connect(self.refresh)

    def refresh(self) -> None:
        detail = self.visit.detail
        self.start_binding.set_value(detail.visit_start)
        self.end_binding.set_value(detail.visit_end)
        for code, binding in self.role_bindings.items():
            binding.set_value(detail.participants.get(code) or None)
        self.method_binding.set_value(detail.method_notes)
        widgets = {self.start, self.end, self.method, *self.roles.values()}
        self.visit.autosave.set_read_only(self.visit.visit_locked, widgets)

    def _save_participants(self) -> None:
        roles = {code: b.committed for code, b in self.role_bindings.items() if b.committed}
        # Roles the form does not list (added elsewhere) are kept.
        for code, count in self.visit.detail.participants.items():
            if code not in self.role_bindings:
                roles[code] = count
        self.visit.write("participants", lambda s: visits_service.set_participants(
            s, self.visit.visit_id, roles, who=self.visit.who))

    def focus_target(self, target: object) -> None:
        if target == "method_notes":
            self.method.setFocus()
        elif target == "visit_end":
            self.end.setFocus()
        else:
            self.start.setFocus()
