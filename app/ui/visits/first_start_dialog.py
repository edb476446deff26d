"""Asked once, at first start: who uses this laptop (name, role, district).

The answer is kept in the settings; it signs every change in the audit trail
and drives the "Mina uppföljningar" filter. The shell calls
``ensure_officer(ctx, parent)`` after its window is shown.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import units as units_service
from app.ui.context import UiContext

log = logging.getLogger(__name__)


class FirstStartDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Välkommen till Uppföljaren"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "Ange vem som använder datorn. Namnet står vid varje ändring du gör i en "
                "uppföljning, och listan Mina uppföljningar utgår från det."
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(ctx.settings.officer_name)
        self.name.setPlaceholderText(self.tr("För- och efternamn"))
        # Officers already in the register are offered as you type; picking one
        # fills in role and district, so "Mina uppföljningar" matches at once.
        with ctx.sessions() as session:
            self._known = {o.name: o for o in units_service.officer_choices(session)}
        completer = QCompleter(sorted(self._known), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)
        completer.activated.connect(self._known_officer_chosen)
        self.role = QComboBox()
        self.role.addItem(self.tr("Verksamhetsuppföljare (omsorg, SoL)"), "verksamhetsuppfoljare")
        self.role.addItem(self.tr("MAS (hälso- och sjukvård, HSL)"), "mas")
        index = self.role.findData(ctx.settings.officer_role)
        self.role.setCurrentIndex(max(index, 0))
        self.district = QComboBox()
        self.district.setEditable(False)
        for name in self._districts():
            self.district.addItem(name, name)
        index = self.district.findData(ctx.settings.officer_district)
        if index >= 0:
            self.district.setCurrentIndex(index)
        form = QFormLayout()
        form.addRow(self.tr("Namn"), self.name)
        form.addRow(self.tr("Roll"), self.role)
        form.addRow(self.tr("Stadsdelsförvaltning"), self.district)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _known_officer_chosen(self, name: str) -> None:
        officer = self._known.get(name)
        if officer is None:
            return
        self.role.setCurrentIndex(max(self.role.findData(officer.role), 0))
        index = self.district.findData(officer.district)
        if index >= 0:
            self.district.setCurrentIndex(index)

    def _districts(self) -> list[str]:
        with self.ctx.sessions() as session:
            return units_service.choices(session).districts

    def accept(self) -> None:
        name = " ".join(self.name.text().split())
        if not name:
            self.problem.setText(self.tr("Skriv ditt namn."))
            self.problem.show()
            self.name.setFocus()
            return
        settings = self.ctx.settings
        settings.officer_name = name
        settings.officer_role = self.role.currentData()
        settings.officer_district = self.district.currentData() or ""
        try:
            settings.save()
        except OSError as error:
            # The choice still holds for this session; the shell's settings
            # page can store it later.
            log.warning("could not store officer settings: %s", error)
        super().accept()


def ensure_officer(ctx: UiContext, parent: QWidget | None = None) -> bool:
    """Ask for the officer if none is set. True when an officer is set."""
    if ctx.settings.officer_name:
        return True
    dialog = FirstStartDialog(ctx, parent)
    dialog.exec()
    return bool(ctx.settings.officer_name)
